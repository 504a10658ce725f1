import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * "Heavy Path" (Monday to Friday): week 1 opens with a 3-hour reading on Monday, longer on its own than twice the
 * average study day (56 min, so a cap of 1 h 52 min), then nine 20-minute ones; week 2 has ten more.
 */
const heavyPath = [
  "Heavy Path",
  "Week 1: Start",
  "- [ ] Required -- Long Read (180 min)",
  ...Array.from({ length: 9 }, (_, index) => `- [ ] Required -- Short ${index + 1} (20 min)`),
  "Week 2: More",
  ...Array.from({ length: 10 }, (_, index) => `- [ ] Required -- Later ${index + 1} (20 min)`),
  "",
].join("\n");

/** What `/pace` tells of a catch-up's days: true of the plan, whether an item passes the cap alone or a later extension moved it. */
describe("/pace catch-up wording, through discord.js and the emulator", () => {
  let bot: BotHarness;
  let cohortCount = 0;
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "heavy.md", content: heavyPath } });
  });
  afterAll(async () => bot.close());

  /** A member of a fresh cohort starting Monday 2027-01-04, joined at `joinAt`: their commands, answered. */
  async function memberOfNewCohort(username: string, joinAt: string, curriculum?: string) {
    cohortCount += 1;
    const cohort = await bot.createCohort({ name: `Catch-up ${cohortCount}`, start: "2027-01-04", ...(curriculum ? { curriculum } : {}) });
    const member = bot.member(username);
    bot.clock.set(new Date(joinAt));
    await bot.reply(member.id, "join", { cohort: String(cohort.id) });
    return async (name: string, options: Record<string, string | number | boolean> = {}) =>
      visibleText(await bot.reply(member.id, name, { ...options, cohort: String(cohort.id) }));
  }

  it("names the day a reading longer than the cap takes alone, and says the other days keep under it", async () => {
    const command = await memberOfNewCohort("mixed-mia", "2027-01-04T10:00:00Z", "heavy-path");
    bot.clock.set(new Date("2027-01-08T10:00:00Z"));
    // The 3-hour reading takes Friday alone; Tuesday's to Thursday's 20-minute ones run on to Wednesday 13th.
    const reply = await command("pace", { mode: "catch_up", days: 2 });
    expect(reply).toContain("until **Wed, 13 Jan 2027**.");
    expect(reply).toContain(
      "**Fri, 8 Jan 2027** carries more than twice an average study day (1 h 52 min), as one reading alone is longer.",
    );
    expect(reply).toContain("It takes more than 2 study days, as no other day carries more than that.");
    expect(reply).not.toContain("no day carries more");
  });

  it("explains Catch up before the click as the catch-up then is: a reading longer than the cap on its own is the only catch-up on its day, beside that day's own reading", async () => {
    const cohort = String((await bot.createCohort({ name: "Help Heavy", start: "2027-01-04", curriculum: "heavy-path" })).id);
    bot.clock.set(new Date("2027-01-04T10:00:00Z"));
    const hal = bot.emulator.createMember(bot.guild.id, { username: "help-hal", locale: "en-US" });
    const ada = bot.emulator.createMember(bot.guild.id, { username: "ayuda-ada", locale: "es-ES" });
    for (const member of [hal, ada]) await bot.reply(member.id, "join", { cohort });
    // Tuesday: Monday's 3-hour reading is in the backlog, longer alone than twice the average day (1 h 52 min).
    bot.clock.set(new Date("2027-01-05T10:00:00Z"));
    const english = visibleText(await bot.reply(hal.id, "pace", { cohort }));
    const spanish = visibleText(await bot.reply(ada.id, "pace", { cohort }));
    const caughtUp = visibleText(await bot.reply(hal.id, "pace", { mode: "catch_up", cohort }));
    // The click's reply names a day past twice an average day, so the help before it must not promise that none is.
    expect(caughtUp).toContain("carries more than twice an average study day");
    expect(english).not.toContain("never more than twice");
    // That day keeps its own reading too, so the help must not promise the long reading a day to itself.
    expect(visibleText(await bot.reply(hal.id, "today", { cohort }))).toMatch(/Long Read[^]*Short \d/);
    expect(english).not.toContain("a day to itself");
    expect(english).toContain("an item longer than that on its own is the only catch-up item on its day");
    expect(spanish).not.toContain("nunca más del doble");
    expect(spanish).not.toContain("un día para él solo");
    expect(spanish).toContain("lo que por sí solo supere ese límite va en un día sin nada más del pendiente");
  });

  it("names the day a reading longer than the cap takes alone when the catch-up fits in the days asked for", async () => {
    const command = await memberOfNewCohort("long-lou", "2027-01-04T10:00:00Z", "heavy-path");
    bot.clock.set(new Date("2027-01-05T10:00:00Z"));
    const reply = await command("pace", { mode: "catch_up", days: 2 });
    expect(reply).toContain(
      "**Tue, 5 Jan 2027** carries more than twice an average study day (1 h 52 min), as one reading alone is longer.",
    );
    expect(reply).not.toContain("It takes more than");
  });

  it("after an extension that pushes catch-up reading past the days asked for, says so and why", async () => {
    // Joining on Tuesday of week 2 of the 12-week path: the backlog fits in 7 study days, to Wednesday 20th.
    const command = await memberOfNewCohort("extended-eli", "2027-01-12T10:00:00Z");
    const caughtUp = await command("pace", { mode: "catch_up", days: 7 });
    expect(caughtUp).toContain("until **Wed, 20 Jan 2027**.");
    expect(caughtUp).not.toContain("It takes more than");
    // The extended own reading leaves no room under the cap on Wednesday 20th: its catch-up reading moves on.
    const extended = await command("pace", { mode: "extend" });
    expect(extended).toContain("runs 1 week later than the cohort's");
    expect(extended).toContain(
      "Your catch-up reading now runs until **Thu, 21 Jan 2027**. It takes more than 7 study days, as no day carries more than twice an average study day (1 h 24 min).",
    );
  });

  it("says nothing of the catch-up after an extension that leaves it where it was", async () => {
    const command = await memberOfNewCohort("steady-sol", "2027-01-13T10:00:00Z");
    expect(await command("pace", { mode: "catch_up", days: 10 })).toContain("until **Tue, 26 Jan 2027**.");
    expect(await command("pace", { mode: "extend" })).not.toContain("catch-up");
  });
});
