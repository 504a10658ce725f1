import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonIdOf, buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * The 36-week path counts topics ("temas"), not readings ("lecturas"): a Spanish reader of that path sees one unit
 * word in a reply, never "Atrasados · 6 temas" above "0/1 lecturas", or "1 lectura" spread as "un tema al día".
 */
describe("the 36-week path in Spanish names its topics as topics", () => {
  let bot: BotHarness;
  const cohortName = "Maestría";
  const texts = new Map<string, string>();
  let doneButtons: string[] = [];

  beforeAll(async () => {
    // Tuesday of week 1 (the cohort starts Monday 4 January): Monday's topic is overdue.
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    const cohort = await bot.createCohort({ name: cohortName, curriculum: "backend-engineer-complete-mastery-path", language: "es" });
    bot.emulator.setUserLocale(bot.admin.id, "es-ES");
    const ana = bot.emulator.createMember(bot.guild.id, { username: "ana", locale: "es-ES" });
    // Joined on the first Monday, before its topic was due: not a late joiner.
    await bot.join(ana, cohort, { at: new Date("2027-01-04T08:00:00Z") });
    texts.set("emptyBoard", visibleText(await bot.reply(ana.id, "leaderboard")));
    texts.set("unknownTopic", visibleText(await bot.reply(ana.id, "done", { item: "Ningún tema se llama así" })));
    texts.set("pace", visibleText(await bot.reply(ana.id, "pace")));
    const today = await bot.reply(ana.id, "today");
    texts.set("today", visibleText(today));
    doneButtons = buttonsOf(today).map((button) => button.label);
    texts.set("week", visibleText(await bot.reply(ana.id, "week")));
    const [firstTopic] = await bot.autocomplete(ana.id, "done", "item", { item: "" });
    texts.set("done", visibleText(await bot.reply(ana.id, "done", { item: String(firstTopic?.value) })));
    texts.set("doneAgain", visibleText(await bot.reply(ana.id, "done", { item: String(firstTopic?.value) })));
    texts.set("progress", visibleText(await bot.reply(ana.id, "progress")));
    // Carla, who joined on Monday too and read nothing, gets Thursday's reminder: Monday's topic is overdue.
    const carla = bot.emulator.createMember(bot.guild.id, { username: "carla", locale: "es-ES" });
    await bot.join(carla, cohort, { at: new Date("2027-01-04T08:00:00Z") });
    await bot.reply(carla.id, "remind", { time: "08:00" });
    bot.clock.set(new Date("2027-01-07T08:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    texts.set(
      "reminder",
      bot.emulator
        .dmMessages(carla.id)
        .map((message) => visibleText(message))
        .join("\n"),
    );
    // Week 4: Ana is behind, and a late joiner has a backlog.
    bot.clock.set(new Date("2027-01-29T10:00:00Z"));
    const behindRoster = await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName });
    texts.set("roster", visibleText(behindRoster));
    // Carla, behind, is nudged: the DM she gets is about her topics too.
    const nudgeCarla = buttonsOf(behindRoster).find((button) => button.label === "Animar a carla")?.customId ?? "";
    await bot.click(bot.admin.id, behindRoster.id, nudgeCarla).final();
    const nudgeDm = bot.emulator.dmMessages(carla.id).find((message) => message.embeds[0]?.title?.startsWith("Un saludo de") === true);
    texts.set("nudgeDm", nudgeDm === undefined ? "" : visibleText(nudgeDm));
    texts.set(
      "curriculum",
      visibleText(await bot.reply(bot.admin.id, "curriculum show", { curriculum: "backend-engineer-complete-mastery-path" })),
    );
    texts.set("catchUp", visibleText(await bot.reply(ana.id, "pace", { mode: "catch_up" })));
    const bruno = bot.emulator.createMember(bot.guild.id, { username: "bruno", locale: "es-ES" });
    const welcome = await bot.reply(bruno.id, "join", { cohort: cohortName });
    texts.set("lateWelcome", visibleText(welcome));
    texts.set("startChosen", visibleText(await bot.click(bruno.id, welcome.id, buttonIdOf(welcome, "Empezar desde esta semana")).final()));
    texts.set("lateToday", visibleText(await bot.reply(bruno.id, "today")));
    texts.set("undo", visibleText(await bot.reply(ana.id, "undo", { item: String(firstTopic?.value) })));
    // Dora, behind in week 4, reads every Required topic after the roster offered to nudge her.
    const dora = bot.emulator.createMember(bot.guild.id, { username: "dora", locale: "es-ES" });
    await bot.join(dora, cohort, { at: new Date("2027-01-04T08:00:00Z") });
    const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName });
    const nudge = buttonsOf(roster).find((button) => button.label === "Animar a dora")?.customId ?? "";
    const request = { guildId: bot.guild.id, userId: dora.id, cohort: null, now: bot.clock.now() };
    for (let weekNumber = 1; weekNumber <= 36; weekNumber += 1) {
      const { week } = await bot.test.app.services.study.week({ ...request, weekNumber });
      for (const day of week.days)
        for (const item of day.items)
          if (item.kind === "Required") await bot.test.app.services.study.complete({ ...request, item: String(item.id) });
    }
    await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "leaderboard" });
    const board = bot.emulator.channelMessages(bot.channel.id).findLast((message) => message.embeds[0]?.title?.startsWith("🏆") === true);
    texts.set("board", board === undefined ? "" : visibleText(board));
    texts.set("nudgeFinished", visibleText(await bot.click(bot.admin.id, roster.id, nudge).final()));
  });
  afterAll(async () => bot.close());

  it("counts topics, never readings, in every reply about the path", () => {
    for (const [name, text] of texts) expect(`${name}: ${text}`).not.toMatch(/\d+ lecturas?\b|Lecturas obligatorias/);
    expect(texts.get("pace")).toContain("Por detrás del plan de la cohorte: **1 tema obligatorio**");
    expect(texts.get("pace")).toContain("Por recuperar: **1 tema** de antes de hoy sin hacer.");
    expect(texts.get("today")).toMatch(/Atrasados · 1 tema\n[^]*Progreso de la semana 1\n▱+ 0\/2 temas/);
    expect(texts.get("done")).toMatch(/Temas obligatorios: [▰▱]+ 1\/\d+/);
    expect(texts.get("progress")).toMatch(/Temas obligatorios: [▰▱]+ \*\*1\/\d+\*\*\nTemas leídos: \*\*1\*\* de \d+/);
    expect(texts.get("roster")).toMatch(/\d+ temas atrasados · /);
    expect(texts.get("catchUp")).toMatch(/^Repartidos \*\*\d+ temas\*\* en tus próximos días de estudio, además de los temas de cada día/m);
    expect(texts.get("reminder")).toContain("Además, 1 tema atrasado de días anteriores.");
    expect(texts.get("lateToday")).toMatch(/De antes de que te unieras: \d+ temas\. Nunca cuentan como atrasados;/);
    expect(texts.get("board")).toContain("Los puntos salen de los temas registrados: 15 por tema, más un 20 %");
    expect(texts.get("board")).not.toContain("minutos");
    expect(texts.get("nudgeFinished")).toContain("(dora) ya ha terminado todos los temas obligatorios, así que no se ha enviado nada.");
  });

  it("speaks of no reading anywhere, not even without a count (the option `lectura` aside)", () => {
    for (const [name, text] of texts) expect(`${name}: ${text.replace(/`[^`]*`|\/hecho lectura:/g, "")}`).not.toMatch(/lectura/i);
    expect(texts.get("lateWelcome")).toContain("forma un pendiente que nunca cuenta como atrasado");
    expect(texts.get("startChosen")).toContain("Empiezas desde esta semana.");
    expect(texts.get("unknownTopic")).toContain("«Ningún tema se llama así» no está en el plan de esta cohorte.");
    expect(texts.get("nudgeDm")).toContain("Usa `/hoy` en el servidor para ver dónde estás.");
  });

  it("agrees with 'tema' (masculine) in kinds and Done buttons, where readings are feminine", () => {
    for (const name of ["week", "reminder"]) {
      expect(`${name}: ${texts.get(name)}`).toContain("· Obligatorio");
      expect(`${name}: ${texts.get(name)}`).not.toContain("Obligatoria");
    }
    expect(texts.get("week")).toContain("✅ hecho · ⬜ pendiente · /hecho lectura: registra un tema");
    expect(texts.get("roster")).toContain("**🔴 Atrasados** (temas obligatorios vencidos sin hacer)");
    expect(texts.get("doneAgain")).toMatch(/^Ya estaba hecho\nYa habías marcado \*\*.+\*\* como hecho,/);
    expect(texts.get("undo")).toMatch(/^Tema desmarcado\n\*\*.+\*\* ya no está marcado como hecho:/);
    expect(texts.get("curriculum")).toMatch(/ · 6 secciones · \d+ obligatorios · /);
    // /today's button for Monday's overdue topic.
    expect(doneButtons.length).toBeGreaterThan(0);
    for (const label of doneButtons) expect(label).toMatch(/^Hecho: /);
  });
});
