import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";

/**
 * `/join`'s `cohort` choices, through discord.js and the emulator, on Wednesday 2027-03-10: a member is offered
 * the cohorts `/join` would take them into, not those it refuses (ended, or whose course is over) nor those they
 * are in already; one they left is offered again (joining brings them back), and a name typed in full still gets
 * `/join`'s own answer.
 */
describe("/join cohort: autocomplete", () => {
  const harness = useBotHarness({ now: new Date("2027-03-10T10:00:00Z") });
  let uma: { id: string };
  const offered = async () => (await harness.bot.autocomplete(uma.id, "join", "cohort", { cohort: "" })).map((choice) => choice.name);

  beforeAll(async () => {
    await harness.bot.createCohort({ name: "Spring Running", start: "2027-03-01" });
    await harness.bot.createCohort({ name: "Spring Mine", start: "2027-03-01" });
    await harness.bot.createCohort({ name: "Spring Left", start: "2027-03-01" });
    await harness.bot.createCohort({ name: "Spring Ended", start: "2027-03-01" });
    // Twelve weeks from 2026-10-05: its last week is over, its closing post not out yet.
    await harness.bot.createCohort({ name: "Autumn Over", start: "2026-10-05" });
    uma = harness.bot.member("uma");
    for (const cohort of ["Spring Mine", "Spring Left"]) await harness.bot.reply(uma.id, "join", { cohort });
    await harness.bot.reply(uma.id, "leave", { cohort: "Spring Left" });
    expect(visibleText(await harness.bot.reply(harness.bot.admin.id, "cohort end", { cohort: "Spring Ended" }))).toContain("Spring Ended");
  });

  it("offers the cohorts the member can join, and the one they left", async () => {
    expect((await offered()).sort()).toEqual(["Spring Left", "Spring Running"]);
  });

  it("still answers a closed cohort typed in full with why it can't be joined", async () => {
    expect(visibleText(await harness.bot.reply(uma.id, "join", { cohort: "Autumn Over" }))).toContain("has finished");
    expect(visibleText(await harness.bot.reply(uma.id, "join", { cohort: "Spring Mine" }))).toContain("already a member");
  });
});
