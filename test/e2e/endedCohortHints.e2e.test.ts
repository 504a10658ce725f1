import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import type { CommandOptionsInput } from "../../src/emulator/buildCommandOptions.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A cohort an admin ended with `/cohort end` takes no completions and no pace
 * changes: nothing it shows a member may send them to `/pace`, `/done` or
 * "reading you log still counts", in English or Spanish, and no DM reaches them.
 */
describe("an ended cohort's hints lead nowhere it refuses, through discord.js and the emulator", () => {
  let bot: BotHarness;
  const cohortName = "Ended Spring";
  let ada: { id: string };
  let lucia: { id: string };
  let roster: EmulatorMessage;

  const run = (userId: string, name: string, options: CommandOptionsInput = {}) =>
    bot.reply(userId, name, { cohort: cohortName, ...options });

  beforeAll(async () => {
    // Tuesday of week 1: Ada joins, then falls more than five items behind by Wednesday of week 3.
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    ada = bot.member("ada");
    await run(ada.id, "join");
    bot.clock.set(new Date("2027-01-20T10:00:00Z"));
    // Lucía joins late (Spanish client): the weeks before are her backlog.
    lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    await run(lucia.id, "join");
    roster = await run(bot.admin.id, "cohort roster", { filter: "behind" });
    expect(buttonsOf(roster).map((button) => button.label)).toContain("Nudge ada");
    await run(bot.admin.id, "cohort end");
  });
  afterAll(async () => bot.close());

  it("/today lists overdue items and the backlog without pointing at /pace", async () => {
    const english = visibleText(await run(ada.id, "today"));
    expect(english).toContain("This cohort has ended");
    expect(english).toMatch(/…and \d+ more/);
    expect(english).not.toContain("/pace");
    // Nor a streak that refused reading can only break, and "safe until" a day it cannot be kept.
    expect(english).not.toContain("Streak");
    const spanish = visibleText(await run(lucia.id, "today"));
    expect(spanish).toContain("Esta cohorte ha terminado");
    expect(spanish).toMatch(/De antes de que te unieras: \d+ lecturas/);
    expect(spanish).not.toContain("/ritmo");
  });

  it("/today calls nothing due or overdue in a cohort that takes no more completions", async () => {
    const english = visibleText(await run(ada.id, "today"));
    expect(english).not.toContain("Due by");
    expect(english).not.toContain("left of");
    expect(english).not.toContain("Overdue");
    expect(english).toContain("Planned for today: 25 min");
    expect(english).toMatch(/Not done from earlier days · \d+ items · /);
    const spanish = visibleText(await run(lucia.id, "today"));
    expect(spanish).not.toContain("Para antes de");
    expect(spanish).toContain("Previsto para hoy: 25 min");
  });

  it("/today on a day with nothing assigned names no next reading day the ended cohort will never have", async () => {
    // Saturday of week 3: no reading that day.
    bot.clock.set(new Date("2027-01-23T10:00:00Z"));
    try {
      const english = visibleText(await run(ada.id, "today"));
      expect(english).toContain("This cohort has ended");
      expect(english).not.toContain("Next reading day");
      const spanish = visibleText(await run(lucia.id, "today"));
      expect(spanish).toContain("Esta cohorte ha terminado");
      expect(spanish).not.toMatch(/Próximo día de lectura/i);
    } finally {
      bot.clock.set(new Date("2027-01-20T10:00:00Z"));
    }
  });

  it("/week offers no /done", async () => {
    expect(visibleText(await run(ada.id, "week"))).not.toContain("/done");
    expect(visibleText(await run(lucia.id, "week"))).not.toContain("/hecho");
  });

  it("/progress does not promise a place on the board for points it will not take, before and after the closing post", async () => {
    const promise = async () => {
      const english = await run(ada.id, "progress");
      const spanish = await run(lucia.id, "progress");
      return [
        visibleText(english).includes("points put you on the leaderboard"),
        visibleText(spanish).includes("los puntos te llevan a la clasificación"),
        english.attachments[0]?.description?.includes("not ranked yet"),
        spanish.attachments[0]?.description?.includes("aún sin clasificar"),
        english.attachments[0]?.description?.includes("not on the final leaderboard"),
        spanish.attachments[0]?.description?.includes("fuera de la clasificación final"),
      ];
    };
    expect(await promise()).toEqual([false, false, false, false, true, true]);
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(await promise()).toEqual([false, false, false, false, true, true]);
  });

  it("the course summary after its last week does not say reading logged now still counts", async () => {
    const now = bot.clock.now();
    bot.clock.set(new Date("2027-04-01T10:00:00Z"));
    try {
      const english = visibleText(await run(ada.id, "today"));
      expect(english).toContain("Cohort ended");
      expect(english).not.toContain("still counts");
      expect(english).not.toContain("/progress");
      const spanish = visibleText(await run(lucia.id, "today"));
      expect(spanish).not.toContain("sigue contando");
    } finally {
      bot.clock.set(now);
    }
  });

  it("the course summary gives the day the admin ended the cohort, not the planned last day, once, in English and Spanish", async () => {
    const now = bot.clock.now();
    bot.clock.set(new Date("2027-04-01T10:00:00Z"));
    try {
      // Ended on Wednesday 20 January 2027; the course was planned to run until Sunday 28 March.
      const englishMessage = await run(ada.id, "today");
      expect(englishMessage.embeds[0]?.title).toBe(`🏁 ${cohortName} · Cohort ended`);
      const english = visibleText(englishMessage);
      expect(english).toContain("It was ended on **Wed, 20 Jan 2027**, before its planned last day.");
      expect(english).not.toContain("Course finished");
      expect(english).not.toContain("Mar 2027");
      // Said once: no second "has ended" under it.
      expect(english).not.toContain("This cohort has ended");
      const spanishMessage = await run(lucia.id, "today");
      expect(spanishMessage.embeds[0]?.title).toBe(`🏁 ${cohortName} · Cohorte terminada`);
      const spanish = visibleText(spanishMessage);
      expect(spanish).toContain("Se dio por terminada el **mié, 20 ene 2027**, antes de su último día previsto.");
      expect(spanish).not.toContain("Curso finalizado");
      expect(spanish).not.toContain("mar 2027");
      expect(spanish).not.toContain("Esta cohorte ha terminado");
    } finally {
      bot.clock.set(now);
    }
  });

  it("sends no nudge DM from a roster made before the end, and the roster offers none after it", async () => {
    const nudge = buttonsOf(roster).find((button) => button.label === "Nudge ada");
    const answer = await bot.click(bot.admin.id, roster.id, nudge?.customId ?? "").final();
    expect(answer.ephemeral).toBe(true);
    expect(visibleText(answer)).toContain(`**${cohortName}** has ended`);
    expect(bot.emulator.dmMessages(ada.id)).toEqual([]);
    const after = await run(bot.admin.id, "cohort roster", { filter: "behind" });
    expect(buttonsOf(after).filter((button) => button.label.startsWith("Nudge"))).toEqual([]);
  });
});
