import { describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { runCommand } from "../helpers/rankedCohort.js";

// `/cohort list` counts each cohort's members in one query for all of them: each cohort still shows its own count
// of members who have not left, none for a cohort nobody joined.
describe("/cohort list member counts", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("shows each cohort's members who have not left", async () => {
    const { bot } = harness;
    const busy = await bot.createCohort({ name: "Busy Cohort", start: "2027-01-04" });
    const quiet = await bot.createCohort({ name: "Quiet Cohort", start: "2027-01-04" });
    await bot.createCohort({ name: "Empty Cohort", start: "2027-01-04" });
    const cy = bot.member("cy");
    for (const member of [bot.member("ada"), bot.member("bea"), cy]) await bot.join(member, busy);
    await bot.join(bot.member("dot"), quiet);
    await bot.test.app.services.cohorts.leave(bot.guild.id, cy.id, String(busy.id), bot.clock.now());

    const list = visibleText(await runCommand(bot, bot.admin.id, "cohort list"));
    const entry = (name: string) => {
      const from = list.indexOf(`**${name}**`);
      const next = list.indexOf("**", list.indexOf("**", from + 2) + 2);
      return list.slice(from, next === -1 ? undefined : next);
    };
    expect(entry("Busy Cohort")).toContain("2 members");
    expect(entry("Quiet Cohort")).toContain("1 member");
    expect(entry("Empty Cohort")).toContain("0 members");
  });
});
