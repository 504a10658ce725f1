import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A member who finishes late reads in their own weeks after the cohort's calendar is over: going "back to the
 * cohort's calendar" then would end their course at once, with no way back (`extend` is refused once it is over).
 * So after the course's last day `/pace` offers no reset, and a reset (typed, or a button drawn before) changes
 * nothing and says why. 12-week course from Monday 2027-01-04: last day Sunday 2027-03-28, closing post Monday 29.
 */
describe("/pace mode:reset after the cohort's calendar is over", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let lucia: { id: string };
  let max: { id: string };
  let mateo: { id: string };
  let paceBeforeTheEnd: EmulatorMessage;
  let leo: { id: string };
  let ramon: { id: string };
  let leoWelcome: EmulatorMessage;
  let ramonWelcome: EmulatorMessage;
  const cohortName = "Late Readers";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04", timeZone: "UTC" });
    ada = bot.member("ada");
    lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    max = bot.member("max");
    mateo = bot.emulator.createMember(bot.guild.id, { username: "mateo", locale: "es-ES" });
    for (const member of [ada, lucia, max, mateo]) await bot.reply(member.id, "join", { cohort: cohortName });
    bot.clock.set(new Date("2027-03-22T10:00:00Z"));
    for (const member of [ada, lucia]) await bot.reply(member.id, "pace", { mode: "extend" });
    // Leo and Ramón join late, in week 12, catch up with `/pace` (their welcome keeps its buttons)
    // and extend: their catch-up reading runs on past the end.
    leo = bot.member("leo");
    ramon = bot.emulator.createMember(bot.guild.id, { username: "ramon", locale: "es-ES" });
    leoWelcome = await bot.reply(leo.id, "join", { cohort: cohortName });
    ramonWelcome = await bot.reply(ramon.id, "join", { cohort: cohortName });
    for (const member of [leo, ramon]) {
      await bot.reply(member.id, "pace", { mode: "catch_up" });
      await bot.reply(member.id, "pace", { mode: "extend" });
    }
    // Max and Mateo take the whole 4 weeks: any further extend is refused.
    for (const member of [max, mateo]) for (let week = 1; week <= 4; week += 1) await bot.reply(member.id, "pace", { mode: "extend" });
    paceBeforeTheEnd = await bot.reply(ada.id, "pace");
    bot.clock.set(new Date("2027-03-29T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-03-30T10:00:00Z"));
  }, 120_000);
  afterAll(async () => bot.close());

  it("offers no reset after the course's last day, and refuses one, keeping the member's own weeks", async () => {
    const pace = await bot.reply(ada.id, "pace");
    expect(buttonsOf(pace).map((button) => button.label)).toEqual(["Catch up", "Extend by a week"]);
    expect(visibleText(pace)).not.toContain("**Back to the cohort's plan**");

    const refused = visibleText(await bot.reply(ada.id, "pace", { mode: "reset" }));
    expect(refused).toContain("would end your course today");
    expect(refused).not.toContain("back on the cohort's calendar");
    const today = visibleText(await bot.reply(ada.id, "today"));
    expect(today).toContain("Week 13 · Day 2");
    expect(today).not.toContain("Course finished");
  });

  it("refuses the reset button of a /pace drawn before the end", async () => {
    const reset = buttonsOf(paceBeforeTheEnd).find((button) => button.label === "Back to the cohort's plan");
    const refused = visibleText(await bot.click(ada.id, paceBeforeTheEnd.id, reset?.customId ?? "").final());
    expect(refused).toContain("would end your course today");
    expect(visibleText(await bot.reply(ada.id, "today"))).toContain("Week 13 · Day 2");
  });

  it("says so in Spanish", async () => {
    const pace = await bot.reply(lucia.id, "pace");
    expect(buttonsOf(pace).map((button) => button.label)).toEqual(["Ponerse al día", "Ampliar una semana"]);
    expect(visibleText(pace)).not.toContain("**Volver al plan de la cohorte**");
    expect(visibleText(await bot.reply(lucia.id, "pace", { mode: "reset" }))).toContain(
      "pondría fin hoy a tu curso, sin poder volver a planificarlo",
    );
    expect(visibleText(await bot.reply(lucia.id, "today"))).toContain("Semana 13 · Día 2");
  });

  it("refuses an extend past the 4 weeks without pointing at the reset it would refuse", async () => {
    const refused = visibleText(await bot.reply(max.id, "pace", { mode: "extend" }));
    expect(refused).toContain("already runs 4 weeks behind the cohort's, the most it can.");
    expect(refused).not.toContain("mode:reset");
    const rechazado = visibleText(await bot.reply(mateo.id, "pace", { mode: "extend" }));
    expect(rechazado).toContain("ya va 4 semanas por detrás del de la cohorte, el máximo.");
    expect(rechazado).not.toContain("Volver al plan de la cohorte");
    // Nor does /pace describe a mode it offers no button for.
    const pace = visibleText(await bot.reply(max.id, "pace"));
    expect(pace).toContain("**Catch up** spreads");
    expect(pace).not.toContain("**Extend by a week**");
    const ritmo = visibleText(await bot.reply(mateo.id, "pace"));
    expect(ritmo).toContain("**Ponerse al día** reparte");
    expect(ritmo).not.toContain("**Ampliar una semana**");
  });

  it("answers a late joiner's Start from this week after a catch-up without pointing at the reset it would refuse", async () => {
    const start = buttonsOf(leoWelcome)[0];
    expect(start?.label).toBe("Start from this week");
    const answer = visibleText(await bot.click(leo.id, leoWelcome.id, start?.customId ?? "").final());
    expect(answer).toContain("already spread over your coming study days");
    expect(answer).not.toContain("mode:reset");

    const respuesta = visibleText(await bot.click(ramon.id, ramonWelcome.id, buttonsOf(ramonWelcome)[0]?.customId ?? "").final());
    expect(respuesta).toContain("ya está repartido en tus próximos días de estudio");
    expect(respuesta).not.toContain("Volver al plan de la cohorte");
  });
});
