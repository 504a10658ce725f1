import { describe, expect, it } from "vitest";
import { PrivacyRepository } from "../../src/db/repositories/PrivacyRepository.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { tickAt, useBotHarness } from "../helpers/botHarness.js";
import { HoldLine } from "../helpers/holdLine.js";
import { postWith, rankedCohortWithWeekTwoPosted, runCommand } from "../helpers/rankedCohort.js";

/**
 * A member sends `/privacy leaderboard:hidden` and `leaderboard:name` at once, each reaching a different process:
 * the `name` one had begun before the `hidden` one committed and commits after it, once a tick redrew the posted
 * boards without the member. Their choice is then `name`: the boards in the channel must show them again. The
 * cohort starts Monday 2027-01-04; Ada > Bob > Cy read in week 1, and week 2's post shows "Week 1 top five".
 */
const cohortName = "Choice Race";

/** The database as another process reaches it: its transactions wait in `line` before they begin. */
function heldAtTransactions(prisma: PrismaClient, line: HoldLine): PrismaClient {
  return new Proxy(prisma, {
    get(target, key) {
      if (key === "$transaction")
        return async (...args: Parameters<PrismaClient["$transaction"]>) => {
          await line.through();
          return target.$transaction(...args);
        };
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? (value.bind(target) as unknown) : value;
    },
  });
}

describe("two /privacy leaderboard: choices at once", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("the later choice to be shown by name puts the member back on the posted boards", async () => {
    const { bot } = harness;
    const { people } = await rankedCohortWithWeekTwoPosted(bot, cohortName);
    const { prisma, target } = bot.test.app.database;
    const line = new HoldLine();
    line.holding = true;
    const otherProcess = new PrivacyRepository(heldAtTransactions(prisma, line), target.provider);
    bot.clock.set(new Date("2027-01-11T10:00:00Z"));
    const shownByName = otherProcess.updateSettings(bot.guild.id, people.ada.id, { boardVisibility: "name" }, bot.clock.now());
    await line.waitingFor(1);
    await runCommand(bot, people.ada.id, "privacy", { leaderboard: "hidden" });
    await tickAt(bot, "2027-01-11T10:01:00Z");
    expect(postWith(bot, "Week 1 top five")).not.toContain("Ada");
    line.release();
    expect(await shownByName).toBe(1);
    await tickAt(bot, "2027-01-11T10:02:00Z");
    expect(postWith(bot, "Week 1 top five")).toContain("🥇 **Ada** · 98 pts");
  });
});
