import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A member who chose their own `/remind` zone reads their days in it: `/week` lists those days, so its dates are
 * headed with that zone, as `/today` heads them, not with the cohort's.
 * The cohort (America/New_York) starts Monday 2027-03-08; Sunday 14 March 20:30 in New York is already Monday 15
 * March in Auckland.
 */
describe("/week for a member in their own time zone", () => {
  let bot: BotHarness;
  let kiwi: { id: string };
  let ada: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-03-01T10:00:00Z") });
    await bot.createCohort({ name: "Own Zone", start: "2027-03-08", timeZone: "America/New_York" });
    kiwi = bot.emulator.createMember(bot.guild.id, { username: "kiwi", locale: "en-US" });
    ada = bot.emulator.createMember(bot.guild.id, { username: "ana", locale: "es-ES" });
    for (const member of [kiwi, ada]) {
      await bot.reply(member.id, "join", { cohort: "Own Zone" });
      await bot.reply(member.id, "remind", { time: "08:00", timezone: "Pacific/Auckland" });
    }
    bot.clock.set(new Date("2027-03-15T00:30:00Z"));
  }, 120_000);
  afterAll(async () => bot.close());

  it("heads the week's dates with the member's zone, as /today does", async () => {
    const today = visibleText(await bot.reply(kiwi.id, "today", { cohort: "Own Zone" }));
    expect(today).toContain("**Mon, 15 Mar 2027** (your time, Pacific/Auckland)");
    const week = visibleText(await bot.reply(kiwi.id, "week", { cohort: "Own Zone" }));
    expect(week).toContain("Own Zone · Week 2 of 12 (this week)");
    expect(week).toContain("**Mon, 15 Mar 2027 – Sun, 21 Mar 2027** (your time, Pacific/Auckland)");
    expect(week).not.toContain("cohort time");
  });

  it("says so in Spanish too", async () => {
    const week = visibleText(await bot.reply(ada.id, "week", { cohort: "Own Zone" }));
    expect(week).toContain("(tu hora, Pacific/Auckland)");
    expect(week).not.toContain("hora de la cohorte");
  });
});
