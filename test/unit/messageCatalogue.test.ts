import { describe, expect, it } from "vitest";
import { option as cohortExport } from "../../commands/cohort/export.js";
import { languageCodes, languageEntry } from "../../src/discord/i18n/languages.js";
import { en } from "../../src/discord/i18n/locales/en.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { messageParameters } from "../helpers/messageParameters.js";

const englishKeys = Object.keys(en).sort();

describe("message catalogue", () => {
  it.each(languageCodes)("%s has every English key and nothing else", (code) => {
    expect(Object.keys(languageEntry(code).catalogue).sort()).toEqual(englishKeys);
  });

  it.each(languageCodes)("%s uses the same ICU parameters as English in every message", (code) => {
    const catalogue: Readonly<Record<string, string>> = languageEntry(code).catalogue;
    const differences: string[] = [];
    for (const key of englishKeys) {
      const expected = Object.fromEntries(messageParameters(en[key as keyof typeof en]));
      const actual = Object.fromEntries(messageParameters(catalogue[key] ?? ""));
      if (JSON.stringify(Object.entries(actual).sort()) !== JSON.stringify(Object.entries(expected).sort())) {
        differences.push(`${key}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it("reads parameters and their kinds from the message's syntax tree", () => {
    expect(Object.fromEntries(messageParameters("{count, plural, one {# item of {name}} other {# items}} by {when}"))).toEqual({
      count: "plural",
      name: "argument",
      when: "argument",
    });
    expect(messageParameters("{a}").size).toBe(1);
    expect(() => messageParameters("{a, plural, one {x}")).toThrow();
  });
  // A one-week imported path, one section left over, one item done: what the reader sees must agree in number.
  it("agrees in number when a count is one, in English and Spanish", () => {
    const en = translatorFor("en");
    const es = translatorFor("es");
    const curriculum = { title: "Tiny", slug: "tiny", weeks: 1, scope: "built in" };
    expect(en.plain("cohortAdmin.weekNotStarted", { total: 1 })).toBe("Not started · 1 week");
    expect(es.plain("cohortAdmin.weekFinished", { total: 1 })).toBe("Terminada · 1 semana");
    expect(en.plain("cohortAdmin.curriculumValue", curriculum)).toBe("Tiny (`tiny`) · 1 week");
    expect(es.plain("curriculumAdmin.listLine", curriculum)).toBe("**Tiny** · `tiny` · 1 semana · built in");
    expect(en.plain("curriculumAdmin.weeks", { weeks: 1 })).toBe("1 week");
    expect(en.plain("curriculumAdmin.sections", { count: 1 })).toBe("1 section");
    expect(es.plain("curriculumAdmin.sections", { count: 1 })).toBe("1 sección");
    expect(es.plain("curriculumAdmin.required", { count: 1, minutes: "20 min" })).toBe("1 obligatoria (20 min)");
    expect(es.plain("curriculumAdmin.requiredTopics", { count: 1 })).toBe("1 obligatorio");
    expect(es.plain("curriculumAdmin.optional", { count: 1 })).toBe("1 opcional");
    expect(en.plain("cohortAdmin.tallyEarlier", { count: 1 })).toBe("…and 1 earlier section");
    expect(es.plain("cohortAdmin.tallyEarlier", { count: 1 })).toBe("…y 1 sección anterior");
    expect(es.plain("week.total", { minutes: "20 min", items: 2, done: 1 })).toBe("Total: **20 min** · 2 lecturas · 1 hecha");
    expect(es.plain("week.totalTopics", { items: 2, done: 1 })).toBe("Total: **2 temas** · 1 hecho");
    expect(es.plain("pace.caughtUp", { count: 1, timed: "yes", minutes: "20 min", date: "jue" })).toMatch(
      /^Repartida \*\*1 lectura\*\* \(20 min\)/,
    );
    expect(es.plain("pace.catchUpLonger", { days: 2, cause: "cap", timed: "yes", cap: "1 h" })).toBe(
      "Ocupa más de 2 días de estudio, porque ningún día lleva más del doble de un día de estudio medio (1 h).",
    );
    expect(es.plain("pace.catchUpHeavy", { count: 1, dates: "vie", timed: "yes", cap: "1 h" })).toBe(
      "El día vie lleva más del doble de un día de estudio medio (1 h), porque una sola lectura ya dura más.",
    );
    expect(es.plain("pace.catchUpHeavy", { count: 2, dates: "vie y lun", timed: "yes", cap: "1 h" })).toBe(
      "Los días vie y lun llevan más del doble de un día de estudio medio (1 h), porque en cada uno una sola lectura ya dura más.",
    );
    expect(en.plain("pace.catchUpHeavy", { count: 2, dates: "Fri and Mon", timed: "yes", cap: "1 h" })).toBe(
      "Fri and Mon carry more than twice an average study day (1 h), as one reading alone is longer on each.",
    );
    expect(en.plain("closingPost.description", { weeks: 1, curriculum: "Tiny" })).toMatch(
      /^That's the end of the one week of \*\*Tiny\*\*/,
    );
    expect(es.plain("closingPost.description", { weeks: 1, curriculum: "Tiny" })).toMatch(/^Aquí termina la única semana de \*\*Tiny\*\*/);
    // And many still reads as many.
    expect(es.plain("week.total", { minutes: "1 h", items: 3, done: 0 })).toBe("Total: **1 h** · 3 lecturas · 0 hechas");
    expect(en.plain("closingPost.description", { weeks: 12, curriculum: "Tiny" })).toMatch(/^That's the end of all 12 weeks/);
  });
  // The client lists the format choices by their labels ("CSV (hojas de cálculo)"): a message that names a choice names it so.
  it.each(languageCodes)("%s names the export's format choices as its Discord client shows them", (code) => {
    const formatOption = cohortExport.options.find((entry) => entry.name === "format");
    const commands: Readonly<Record<string, readonly [string, string?]>> = languageEntry(code).commands;
    const optionName = commands["cohort export format"]?.[0] ?? "format";
    const labels = (formatOption?.choices ?? []).map((choice) => commands[`cohort export format=${choice.value}`]?.[0] ?? choice.name);
    expect(labels).toHaveLength(2);
    const message = translatorFor(code).plain("export.tooLarge", { maxMb: 9 });
    for (const label of labels) expect(message).toContain(`\`${optionName}:${label}\``);
  });
  // A Spanish Discord client lists /hoy, /hecho and option `cohorte`: a reply that says `/today` or `cohort` points at nothing it shows.
  it("names commands and options in Spanish messages as a Spanish Discord client shows them", () => {
    const spanishNames = new Set(Object.values(languageEntry("es").commands).map(([name]) => name));
    const references: string[] = [];
    const messages: readonly string[] = Object.values(languageEntry("es").catalogue);
    for (const message of messages) {
      for (const [, code] of message.matchAll(/`([^`]+)`/g)) {
        if (code === undefined) continue;
        // A bare option name ("a later `start` date").
        if (/^[a-z_]+$/.test(code)) references.push(code);
        if (!code.startsWith("/") && !/^[a-z_]+: ?\S*$/.test(code)) continue;
        // The command's words up to its first option, then every option name (a choice's value may have spaces).
        const path = code.startsWith("/") ? (code.slice(1).split(/\s*[a-z_]+:/)[0] ?? "") : "";
        references.push(...path.split(" ").filter((word) => word !== ""));
        for (const [, option] of code.matchAll(/(?:^|[\s/])([a-z_]+):/g)) references.push(option ?? "");
      }
      for (const [, option] of message.matchAll(/opción `([a-z_]+)`/g)) references.push(option ?? "");
      // Plain text names commands too (embed footers have no code spans): "/hecho lectura:".
      const plain = message.replace(/`[^`]*`/g, "");
      for (const [, command, option] of plain.matchAll(/(?:^|[\s({])\/([a-z_]+)(?: ([a-z_]+):)?/g))
        references.push(command ?? "", option ?? "");
    }
    expect(references.length).toBeGreaterThan(50);
    expect([...new Set(references.filter((name) => name !== "" && !spanishNames.has(name)))]).toEqual([]);
  });
  // The checkpoint post must promise no more privacy than /cohort roster and /cohort export keep: they show each member's answer.
  it("tells members in both languages that admins see each member's checkpoint answer", () => {
    expect(translatorFor("en").plain("checkpoint.postAsk")).toContain("admins see each member's answer");
    const spanish = translatorFor("es").plain("checkpoint.postAsk");
    expect(spanish).not.toContain("solo ven los totales");
    expect(spanish).toContain("los administradores ven la respuesta de cada miembro");
  });

  // "Checkpoint" is English: the Spanish words are "punto de control". Only quoted text (the curriculum file's own syntax) keeps it.
  it("says checkpoint in Spanish everywhere but where it quotes the curriculum file's format", () => {
    // What a reader sees: not a select's case names ("{kind, select, checkpoint {…}}") nor a parameter's name,
    // nor quoted text ("Checkpoint", «Checkpoint», `**Checkpoint:**`), which shows the file's format as written.
    const readable = (message: string) =>
      message
        .replace(/(?<=(?:select,|plural,|\})\s*)[\w=]+(?= \{)/g, "")
        .replace(/\{\w+(?=[,}])/g, "{")
        .replace(/"[^"]*"|«[^»]*»|`[^`]*`/g, "");
    const english = Object.entries(languageEntry("es").catalogue as Readonly<Record<string, string>>)
      .filter(([, message]) => /checkpoint/i.test(readable(message)))
      .map(([key]) => key);
    expect(english).toEqual([]);
    // The command names, descriptions and choices too.
    const commandTexts = Object.entries(languageEntry("es").commands)
      .filter(([, texts]) => texts.some((text) => text !== undefined && /checkpoint/i.test(readable(text))))
      .map(([path]) => path);
    expect(commandTexts).toEqual([]);
  });

  it("words a posted leaderboard in Spanish with the verb agreeing", () => {
    const es = translatorFor("es");
    expect(es.plain("posts.announced", { what: es.plain("posts.announcedLeaderboard"), channel: "#estudio", messages: 1 })).toBe(
      "Se ha publicado la clasificación en #estudio.",
    );
    expect(es.plain("posts.announced", { what: es.plain("posts.announcedWeek", { week: 3 }), channel: "#estudio", messages: 2 })).toBe(
      "Se ha publicado el plan de la semana 3 en #estudio (2 mensajes).",
    );
  });

  it("words a partial announcement in Spanish with the verb and article agreeing with the count", () => {
    const es = translatorFor("es");
    const partial = (posted: number) =>
      es.plain("posts.announcePartial", {
        kind: "week",
        week: 1,
        section: "",
        posted,
        parts: 4,
        missing: 4 - posted,
        channel: "#estudio",
        problem: "transient",
      });
    expect(partial(1)).toMatch(/^Solo se ha publicado 1 de 4 mensajes/);
    expect(partial(2)).toMatch(/^Solo se han publicado 2 de 4 mensajes/);
    const audit = (missing: number) => es.plain("audit.announcedParts", { complete: "yes", posted: 4, parts: 4, missing });
    expect(audit(1)).toBe("el mensaje que faltaba de 4");
    expect(audit(3)).toBe("los 3 mensajes que faltaban de 4");
  });
});
