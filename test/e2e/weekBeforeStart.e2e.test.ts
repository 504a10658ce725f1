import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/week` before the course's first day names the day it starts; only week 1's reply calls itself the first
 * week. The cohort starts Monday 2027-01-04; the members ask on Wednesday 2026-12-30.
 */
describe("/week before the course starts", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let ana: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2026-12-30T10:00:00Z") });
    await bot.createCohort({ name: "Winter Start", start: "2027-01-04" });
    ada = bot.emulator.createMember(bot.guild.id, { username: "ada", locale: "en-US" });
    ana = bot.emulator.createMember(bot.guild.id, { username: "ana", locale: "es-ES" });
    for (const member of [ada, ana]) await bot.reply(member.id, "join", { cohort: "Winter Start" });
  }, 120_000);
  afterAll(async () => bot.close());

  const week = async (userId: string, number?: number) =>
    visibleText(await bot.reply(userId, "week", number === undefined ? {} : { number }));

  it("calls week 1 the first week, and names the start day", async () => {
    expect(await week(ada.id)).toContain("The course starts on **Mon, 4 Jan 2027**; this is its first week.");
    expect(await week(ada.id, 1)).toContain("The course starts on **Mon, 4 Jan 2027**; this is its first week.");
  });

  it("names the start day for a later week without calling it the first", async () => {
    for (const number of [2, 12]) {
      const text = await week(ada.id, number);
      expect(text).toContain(`Week ${number} of 12`);
      expect(text).toContain("The course starts on **Mon, 4 Jan 2027**.");
      expect(text).not.toContain("first week");
    }
  });

  it("says the same in Spanish", async () => {
    expect(await week(ana.id, 1)).toContain("El curso empieza el **lun, 4 ene 2027**; esta es su primera semana.");
    const later = await week(ana.id, 5);
    expect(later).toContain("El curso empieza el **lun, 4 ene 2027**.");
    expect(later).not.toContain("primera semana");
  });
});
