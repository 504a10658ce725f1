import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { runCommand } from "../helpers/rankedCohort.js";

/**
 * `/cohort list` and `/cohort info` of cohorts an admin ended with `/cohort end`: the week part says the cohort
 * ended (before its start, or in the week it was ended), never "Not started" nor a week it never ran.
 */
describe("/cohort list of ended cohorts", () => {
  // Tuesday of week 2 of a cohort that started on 2027-01-04; another is to start on 2027-02-01.
  const harness = useBotHarness({ now: new Date("2027-01-12T10:00:00Z") });

  beforeAll(async () => {
    const { bot } = harness;
    await bot.createCohort({ name: "Never Ran", start: "2027-02-01" });
    await bot.createCohort({ name: "Stopped Early", start: "2027-01-04" });
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: "Never Ran" });
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: "Stopped Early" });
    // Weeks later: past the never-run cohort's start date, in week 5 of the other's calendar.
    bot.clock.set(new Date("2027-02-03T10:00:00Z"));
  }, 120_000);

  it("says a cohort ended before its start date ended, not that it has not started", async () => {
    const { bot } = harness;
    const list = visibleText(await runCommand(bot, bot.admin.id, "cohort list"));
    const neverRan = list.slice(list.indexOf("**Never Ran**"), list.indexOf("**Stopped Early**"));
    expect(neverRan).toContain("Ended");
    expect(neverRan).toContain("Ended before its start · 12 weeks");
    expect(neverRan).not.toContain("Not started");
    expect(neverRan).not.toContain("Week ");
    const info = visibleText(await runCommand(bot, bot.admin.id, "cohort info", { cohort: "Never Ran" }));
    expect(info).toContain("Ended before its start");
    expect(info).not.toContain("Not started");
  });

  it("says in which week a cohort ended mid-course, not the week its calendar would be in now", async () => {
    const { bot } = harness;
    const list = visibleText(await runCommand(bot, bot.admin.id, "cohort list"));
    const stopped = list.slice(list.indexOf("**Stopped Early**"));
    expect(stopped).toContain("Ended in week 2 of 12");
    expect(stopped).not.toContain("Week 5 of 12");
  });
});
