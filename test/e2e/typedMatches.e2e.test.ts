import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** A Spanish server's own curriculum: titles with accents, as its members type them (or do not). */
const spanishPath = [
  "Ruta de Bases de Datos",
  "Week 1-2: Fundamentos",
  "- [ ] Required -- Introducción a los índices (20 min)",
  "- [ ] Required -- Replicación lógica (25 min)",
  "- [ ] Required -- Diseño de esquemas (30 min)",
  "",
].join("\n");

/** What a member types in the autocomplete box finds what they mean: any case, with or without accents, words in any order. */
describe("autocomplete reads what members type, through discord.js and the emulator", () => {
  let bot: BotHarness;
  let ada: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-06T10:00:00Z") });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "ruta.md", content: spanishPath } });
    await bot.createCohort({ name: "Diseño Backend", curriculum: "ruta-de-bases-de-datos" });
    await bot.createCohort({ name: "Backend Spring 2027" });
    ada = bot.member("ada-typing");
    await bot.reply(ada.id, "join", { cohort: "Backend Spring 2027" });
    await bot.reply(ada.id, "join", { cohort: "Diseño Backend" });
  });
  afterAll(async () => bot.close());

  const itemNames = async (cohort: string, typed: string) =>
    (await bot.autocomplete(ada.id, "done", "item", { cohort, item: typed })).map((choice) => choice.name);

  it("finds titles with accents typed without them, and without accents typed with them", async () => {
    expect(await itemNames("Diseño Backend", "indices")).toEqual(["Introducción a los índices · Weeks 1-2"]);
    expect(await itemNames("Diseño Backend", "REPLICACION")).toEqual(["Replicación lógica · Weeks 1-2"]);
    expect(await itemNames("Backend Spring 2027", "índexing")).toEqual(["Indexing Deep Dive · Weeks 1-2"]);
  });

  it("finds a cohort whose name has accents typed without them", async () => {
    const cohorts = await bot.autocomplete(ada.id, "today", "cohort", { cohort: "diseno" });
    expect(cohorts.map((choice) => choice.name)).toEqual(["Diseño Backend"]);
  });

  it("finds a title from its words in any order", async () => {
    expect(await itemNames("Backend Spring 2027", "dive indexing")).toEqual(["Indexing Deep Dive · Weeks 1-2"]);
    expect(await itemNames("Diseño Backend", "esquemas DISENO")).toEqual(["Diseño de esquemas · Weeks 1-2"]);
  });

  it("finds a time zone typed as a city, with a space for the underscore", async () => {
    const zones = async (typed: string) =>
      (await bot.autocomplete(ada.id, "remind", "timezone", { timezone: typed })).map((choice) => choice.name);
    expect(await zones("new york")).toContain("America/New_York");
    expect(await zones("madrid")).toContain("Europe/Madrid");
  });

  it("logs a title typed in full without its accents, as autocomplete offered it", async () => {
    const reply = visibleText(await bot.reply(ada.id, "done", { cohort: "Diseño Backend", item: "introduccion a los INDICES" }));
    expect(reply).not.toContain("There's no item");
    expect(reply).toContain("Introducción a los índices");
  });
});
