import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

describe("Spanish through discord.js and the emulator", () => {
  let bot: BotHarness;
  let cohortId = 0;
  beforeAll(async () => {
    // Tuesday of week 1 (the cohort starts Monday 2027-01-04, UTC).
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    cohortId = (await bot.createCohort()).id;
  });
  afterAll(async () => bot.close());

  const spanishMember = (username: string, locale = "es-ES") => bot.emulator.createMember(bot.guild.id, { username, locale });

  it("answers /today, /done and /progress in the member's Discord language", async () => {
    const lucia = spanishMember("lucia");
    expect(visibleText(await bot.reply(lucia.id, "join", { cohort: "Backend Spring 2027" }))).toContain(
      "¡Te damos la bienvenida a **Backend Spring 2027**!",
    );

    const today = await bot.reply(lucia.id, "today");
    const text = visibleText(today);
    expect(text).toContain("Semana 1 · Día 2");
    expect(text).toContain("mar, 5 ene 2027");
    expect(text).toContain("hora de la cohorte");
    const first = buttonsOf(today)[0];
    if (first === undefined) throw new Error("no button");
    expect(first.label).toMatch(/^Hecha: /);
    const title = first.label.replace(/^Hecha: /, "");

    const done = visibleText(await bot.reply(lucia.id, "done", { item: title }));
    expect(done).toMatch(
      new RegExp(
        `Registrado \\*\\*${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\*\\*: \\*\\*\\+\\d+ puntos\\*\\* \\(incluye el 20 % de bonificación por puntualidad\\)`,
      ),
    );
    expect(done).toContain("Racha: **1 día de estudio**");

    const progress = visibleText(await bot.reply(lucia.id, "progress"));
    expect(progress).toContain("Lecturas obligatorias:");
    expect(progress).toContain("Puesto: **n.º 1** de 1");
    expect(progress).toMatch(/Tiempo de lectura: \*\*\d+ min\*\* de \d+ h/);
  });

  it("words /pace, its buttons, /break and the streak's freezes in Spanish", async () => {
    const bruno = spanishMember("bruno-ritmo");
    await bot.reply(bruno.id, "join", { cohort: "Backend Spring 2027" });
    const pace = await bot.reply(bruno.id, "pace");
    expect(visibleText(pace)).toContain("Tu ritmo · Backend Spring 2027");
    expect(buttonsOf(pace).map((button) => button.label)).toContain("Ampliar una semana");
    expect(visibleText(await bot.reply(bruno.id, "break", { from: "2027-01-06", to: "2027-01-07" }))).toContain(
      "Días libres del **mié, 6 ene 2027** al **jue, 7 ene 2027**",
    );
    expect(visibleText(await bot.reply(bruno.id, "today"))).toContain("❄️ Comodines: 0/2");
  });

  it("serves es-419 in Spanish too, and a language it does not ship in English", async () => {
    const mateo = spanishMember("mateo", "es-419");
    expect(visibleText(await bot.reply(mateo.id, "join", { cohort: "Backend Spring 2027" }))).toContain("¡Te damos la bienvenida a");
    const pierre = spanishMember("pierre", "fr");
    expect(visibleText(await bot.reply(pierre.id, "join", { cohort: "Backend Spring 2027" }))).toContain(
      "Welcome to **Backend Spring 2027**!",
    );
    expect(visibleText(await bot.reply(pierre.id, "today"))).toContain("Week 1 · Day 2");
  });

  it("says what is left of a day of one topic (the 36-week path) in grammatical Spanish", async () => {
    await bot.createCohort({ name: "Maestría", curriculum: "backend-engineer-complete-mastery-path" });
    const elena = spanishMember("elena-temas");
    // Monday 4 January carries one topic: "quedan 1 tema" would not agree. Joined that Monday, not after it.
    const tuesday = bot.clock.now();
    bot.clock.set(new Date("2027-01-04T10:00:00Z"));
    try {
      await bot.reply(elena.id, "join", { cohort: "Maestría" });
      const text = visibleText(await bot.reply(elena.id, "today"));
      expect(text).toContain("por hacer: 1 tema de 1 tema");
      expect(text).not.toContain("quedan 1 tema");
    } finally {
      bot.clock.set(tuesday);
    }
  });

  it("words errors in the member's language", async () => {
    const sofia = spanishMember("sofia");
    const refusal = await bot.reply(sofia.id, "today");
    expect(refusal.ephemeral).toBe(true);
    expect(visibleText(refusal)).toContain("No eres miembro de ninguna cohorte de este servidor.");
  });

  it("words the facilitators' roster in the admin's Spanish, its groups agreeing in number", async () => {
    const admin = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const text = visibleText(await bot.reply(admin.id, "cohort roster", { cohort: String(cohortId) }));
    expect(text).toContain("Miembros · Backend Spring 2027");
    expect(text).toMatch(/🔴 Atrasados \d+ · 💤 Inactivos \d+ · 🤔 Todavía no \d+ · 🟢 Al día \d+ · 🏁 Terminados \d+/);
  });

  it("posts in the channel in the cohort's language, whatever the readers' languages", async () => {
    const english = await bot.reply(bot.admin.id, "cohort info", { cohort: String(cohortId) });
    expect(visibleText(english)).toMatch(/Language\nEnglish/);
    const edited = await bot.reply(bot.admin.id, "cohort edit", { cohort: String(cohortId), language: "es" });
    expect(visibleText(edited)).toMatch(/Language\nEspañol/);

    const monday = new Date("2027-01-11T09:00:30Z");
    bot.clock.set(monday);
    await bot.test.app.scheduler.tick(monday);
    const post = bot.emulator.channelMessages(bot.channel.id).find((message) => message.embeds[0]?.title?.startsWith("📚 Semana 2 de 12"));
    if (post === undefined) throw new Error("no weekly post for week 2");
    const text = visibleText(post);
    expect(text).toContain("**Esta semana:**");
    expect(text).toMatch(/\*\*Total:\*\* \d+ lecturas · .* en 5 días de estudio/);
    expect(text).toContain("lun, 11 ene 2027");
    expect(text).toContain("🏆 Los cinco mejores de la semana 1");
    expect(text).toMatch(/🥇 \*\*lucia\*\* · \d+ pts/);
  });
});
