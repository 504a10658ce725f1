import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** "Steady Path" (Monday to Friday): one 20-minute Required reading a day, four weeks. */
const steadyPath = [
  "Steady Path",
  ...[1, 2, 3, 4].flatMap((week) => [
    `Week ${week}: Part ${week}`,
    ...[1, 2, 3, 4, 5].map((day) => `- [ ] Required -- Reading ${week}.${day} (20 min)`),
  ]),
  "",
].join("\n");

/**
 * `/pace mode:extend` moves the member's calendar a week later, so reading due more than a week ago is still due
 * before today: the reply says how much stays overdue and points to a catch-up, only when something does.
 */
describe("/pace mode:extend while behind, through discord.js and the emulator", () => {
  let bot: BotHarness;
  let cohortCount = 0;
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "steady.md", content: steadyPath } });
  });
  afterAll(async () => bot.close());

  /** A member of a fresh cohort starting Monday 2027-01-04 who joined on its first day and reads nothing. */
  async function idleMember(username: string, locale?: string) {
    cohortCount += 1;
    const cohort = await bot.createCohort({ name: `Extend ${cohortCount}`, start: "2027-01-04", curriculum: "steady-path" });
    const member = bot.emulator.createMember(bot.guild.id, { username, ...(locale === undefined ? {} : { locale }) });
    bot.clock.set(new Date("2027-01-04T10:00:00Z"));
    await bot.reply(member.id, "join", { cohort: String(cohort.id) });
    return async (name: string, options: Record<string, string | number | boolean> = {}) =>
      visibleText(await bot.reply(member.id, name, { ...options, cohort: String(cohort.id) }));
  }

  it("says how much stays overdue after the extension and points to a catch-up", async () => {
    const command = await idleMember("behind-bea");
    // Wednesday of week 3: weeks 1 and 2 and Monday and Tuesday of week 3 are due and not done (12 readings).
    bot.clock.set(new Date("2027-01-20T10:00:00Z"));
    const reply = await command("pace", { mode: "extend" });
    expect(reply).toContain("runs 1 week later than the cohort's");
    // A week later, week 1 and Monday and Tuesday of week 2 are still due before today.
    expect(reply).toContain("**7 items** (2 h 20 min) due before today are still overdue");
    expect(reply).toContain("`/pace mode:catch_up` spreads them over your next study days");
    // /today agrees: the same seven overdue.
    expect(await command("today")).toContain("Overdue · 7 items · 2 h 20 min");
  });

  it("says nothing of overdue reading when the extension moved everything due onto today or later", async () => {
    const command = await idleMember("early-eve");
    // Wednesday of week 1: Monday's and Tuesday's readings move to next week, due after today.
    bot.clock.set(new Date("2027-01-06T10:00:00Z"));
    const reply = await command("pace", { mode: "extend" });
    expect(reply).toContain("runs 1 week later than the cohort's");
    expect(reply).not.toContain("overdue");
    expect(reply).not.toContain("catch_up");
  });

  it("says it in Spanish to a member whose Discord is in Spanish", async () => {
    const command = await idleMember("atrasada-ana", "es-ES");
    bot.clock.set(new Date("2027-01-20T10:00:00Z"));
    const reply = await command("pace", { mode: "extend" });
    expect(reply).toContain("**7 lecturas** (2 h 20 min) de antes de hoy siguen atrasadas");
    expect(reply).toContain("`/ritmo modo:Ponerse al día` las reparte en tus próximos días de estudio");
  });
});
