import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** The built-in 12-week path, three weeks long: the same title, so the same curriculum. */
const shorterBuiltIn = [
  "Backend Engineer Learning Path",
  ...[1, 2, 3].flatMap((week) => [`Week ${week}: Part ${week}`, `- [ ] Required -- Short Reading ${week} (20 min)`]),
  "",
].join("\n");

/**
 * A shorter built-in curriculum (the startup seed or the CLI, with no admin) ends the course of a running cohort
 * past its new last week: its closing post goes out, late only from the import, and its audit trail says why.
 * The cohort starts Mon 2026-12-07 on the 12-week path; on Tue 2027-01-05 it is in week 5, and three weeks end it.
 */
describe("a shorter built-in curriculum", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: "Long Cohort", start: "2026-12-07" });
    await tickAt(bot, "2027-01-05T10:00:00Z");
    expect(bot.emulator.channelMessages(bot.channel.id).map(visibleText).join("\n")).not.toContain("Long Cohort is complete");
  });
  afterAll(async () => bot.close());

  it("sends the closing post of a cohort it ends at once, and /cohort audit says why", async () => {
    bot.clock.set(new Date("2027-01-05T11:00:00Z"));
    const result = await bot.test.app.services.curricula.importDocument(shorterBuiltIn, "");
    expect(result.ok && result.summary.outcome).toBe("updated");
    await tickAt(bot, "2027-01-05T11:00:30Z");
    const posted = bot.emulator.channelMessages(bot.channel.id).map(visibleText);
    expect(posted.filter((text) => text.includes("Long Cohort is complete"))).toHaveLength(1);
    const audit = visibleText(await bot.reply(bot.admin.id, "cohort audit", { cohort: "Long Cohort" }));
    expect(audit).toContain("a shorter version of the curriculum ended the course");
  });
});
