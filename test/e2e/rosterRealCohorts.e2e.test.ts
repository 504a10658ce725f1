import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import type { CommandOptionsInput } from "../../src/emulator/buildCommandOptions.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** The cohort starts on Monday 2027-01-04; members join in its first week. */
const joinedAt = new Date("2027-01-05T12:00:00Z");

/** The roster line of a member, or "" when the page does not list them. */
function lineOf(message: EmulatorMessage, userId: string): string {
  return (
    visibleText(message)
      .split("\n")
      .find((line) => line.includes(`<@${userId}>`)) ?? ""
  );
}

/** The heading of the group a member is listed under on a roster page. */
function groupOf(message: EmulatorMessage, userId: string): string {
  let group = "";
  for (const line of visibleText(message).split("\n")) {
    const heading = /^\*\*\S+ (Behind|Quiet|Not yet|On track|Finished)\*\*/.exec(line);
    if (heading !== null) group = heading[1] ?? "";
    if (line.includes(`<@${userId}>`)) return group;
  }
  return "";
}

describe("/cohort roster and Nudge in a cohort with breaks and days off", () => {
  let bot: BotHarness;
  let cohort: Cohort;

  async function admin(name: string, options: CommandOptionsInput = {}): Promise<EmulatorMessage> {
    const handle = bot.run(bot.admin.id, name, options);
    const message = await handle.final();
    expect(handle.failed).toBe(false);
    return message;
  }

  async function join(username: string) {
    const user = bot.member(username);
    await bot.test.app.services.cohorts.join(bot.guild.id, user.id, username, String(cohort.id), joinedAt);
    return user;
  }

  /** Logs at `at` every Required item the member's own plan has due in weeks `weeks`. */
  async function readWeeks(userId: string, weeks: readonly number[], at: Date) {
    for (const weekNumber of weeks) {
      const week = await bot.test.app.services.study.week({ guildId: bot.guild.id, userId, cohort: null, now: at, weekNumber });
      for (const day of week.week.days)
        for (const item of day.items)
          if (item.kind === "Required")
            await bot.test.app.services.study.complete({ guildId: bot.guild.id, userId, cohort: null, item: String(item.id), now: at });
    }
  }

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-12T12:00:00Z") });
    cohort = await bot.createCohort({ start: "2027-01-04" });
  });
  afterAll(async () => bot.close());

  it("counts no day of a cohort break week towards quiet: a member who read everything before the break is on track", async () => {
    const ada = await join("ada");
    // Tuesday of week 2: week 3 becomes a break.
    await admin("cohort break", { cohort: String(cohort.id), week: 3 });
    await readWeeks(ada.id, [1, 2], new Date("2027-01-15T12:00:00Z"));
    try {
      // Friday of the break week: nothing was expected of anyone since ada's last reading.
      bot.clock.set(new Date("2027-01-22T12:00:00Z"));
      const during = await admin("cohort roster");
      expect(groupOf(during, ada.id)).toBe("On track");
      expect(buttonsOf(during).map((button) => button.label)).not.toContain("Nudge ada");
      // Monday after it: four of the last five study days are before the break, and she read on one of them.
      bot.clock.set(new Date("2027-01-25T12:00:00Z"));
      const after = await admin("cohort roster");
      expect(groupOf(after, ada.id)).toBe("On track");
      expect(lineOf(after, ada.id)).toContain("on pace");
    } finally {
      bot.clock.set(new Date("2027-01-12T12:00:00Z"));
    }
  });
});
