import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/break off:True` in a cohort break week: the member's own days off end, but the break week goes on, so reminders
 * and streak days are back after it, not "from today". Week 1 starts Monday 2027-01-04; week 3 (18–24 January) is a
 * break; the members took days off from Thursday 14 to Wednesday 27 January, and end them on Tuesday 19.
 */
describe("/break off:True during a cohort break week", () => {
  let bot: BotHarness;
  const cohortName = "Winter Readers";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04", timeZone: "UTC" });
    expect(visibleText(await bot.reply(bot.admin.id, "cohort break", { cohort: cohortName, week: 3 }))).toContain("is now a break");
  }, 120_000);
  afterAll(async () => bot.close());

  const memberOnBreak = async (username: string, locale?: string) => {
    const member = bot.emulator.createMember(bot.guild.id, { username, ...(locale === undefined ? {} : { locale }) });
    bot.clock.set(new Date("2027-01-13T12:00:00Z"));
    await bot.reply(member.id, "join", { cohort: cohortName });
    await bot.reply(member.id, "break", { from: "2027-01-14", to: "2027-01-27" });
    bot.clock.set(new Date("2027-01-19T12:00:00Z"));
    return member;
  };

  it("says reading days come back after the break week, as /today and the roster show", async () => {
    const ada = await memberOnBreak("ada");
    const ended = visibleText(await bot.reply(ada.id, "break", { from: "2027-01-19", to: "2027-01-19", off: true }));
    expect(ended).not.toContain("from today");
    expect(ended).toContain("**Sun, 24 Jan 2027**");
    expect(ended).toContain("back from **Mon, 25 Jan 2027**");
    expect(visibleText(await bot.reply(ada.id, "today"))).toContain("A day off");
  });

  it("says so in Spanish", async () => {
    const lucia = await memberOnBreak("lucia", "es-ES");
    const ended = visibleText(await bot.reply(lucia.id, "break", { from: "2027-01-19", to: "2027-01-19", off: true }));
    expect(ended).not.toContain("desde hoy");
    expect(ended).toContain("a partir del **lun, 25 ene 2027**");
  });

  it("still says 'from today' when today is a study day again", async () => {
    const bob = await memberOnBreak("bob");
    bot.clock.set(new Date("2027-01-26T12:00:00Z"));
    expect(visibleText(await bot.reply(bob.id, "break", { from: "2027-01-26", to: "2027-01-26", off: true }))).toContain(
      "from today reminders and streak days are back",
    );
  });

  it("names the member's own days off after the break week when the days off run on into them", async () => {
    const cy = bot.emulator.createMember(bot.guild.id, { username: "cy" });
    const rosa = bot.emulator.createMember(bot.guild.id, { username: "rosa", locale: "es-ES" });
    bot.clock.set(new Date("2027-01-13T12:00:00Z"));
    for (const member of [cy, rosa]) {
      await bot.reply(member.id, "join", { cohort: cohortName });
      // Thursday 14 to Wednesday 20 (into the break week), and Monday 25 to Friday 29, right after it.
      await bot.reply(member.id, "break", { from: "2027-01-14", to: "2027-01-20" });
      await bot.reply(member.id, "break", { from: "2027-01-25", to: "2027-01-29" });
    }
    bot.clock.set(new Date("2027-01-19T12:00:00Z"));
    const ended = visibleText(await bot.reply(cy.id, "break", { from: "2027-01-19", to: "2027-01-19", off: true }));
    expect(ended).toContain("until **Fri, 29 Jan 2027** (a cohort break week, then days off you planned)");
    expect(ended).toContain("back from **Sat, 30 Jan 2027**");
    const terminado = visibleText(await bot.reply(rosa.id, "break", { from: "2027-01-19", to: "2027-01-19", off: true }));
    expect(terminado).toContain("(una semana de descanso de la cohorte, y después días libres que planificaste)");
  });
});
