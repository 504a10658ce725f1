import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { slashCommands } from "../../commands/registry.js";
import {
  commandLocalesOf,
  languageChoices,
  languageOfLocale,
  languagePickerChoices,
  loadLanguages,
} from "../../src/discord/i18n/languages.js";
import { isLanguageCode } from "../../src/domain/cohort/languageCode.js";
import { commandPaths, localizeCommand, ownNameChoices } from "../../src/discord/i18n/localizeCommand.js";
import { makeTempDir } from "../helpers/tempDir.js";

const shippedLocales = path.resolve("src/discord/i18n/locales");
const definitionOf = (name: string) => {
  const command = slashCommands.find((entry) => entry.definition.name === name);
  if (command === undefined) throw new Error(`no /${name}`);
  return command.definition;
};

type Json = { name: string; name_localizations?: Record<string, string>; options?: Json[]; choices?: Json[] };

describe("adding a language (PRODUCT.md: adding a language is adding one file)", () => {
  it("serves, localizes and offers a locale file put beside the others, with no other edit", async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      for (const file of fs.readdirSync(shippedLocales)) fs.copyFileSync(path.join(shippedLocales, file), path.join(dir, file));
      // Brazilian Portuguese as a translator would add it: one file (its words borrowed from Spanish here; only the wiring is tested).
      const spanish = pathToFileURL(path.join(shippedLocales, "es.ts")).href;
      fs.writeFileSync(
        path.join(dir, "pt-BR.ts"),
        `import { language as spanish } from ${JSON.stringify(spanish)};\n` +
          `export const language = { ...spanish, intlLocale: "pt-BR", discordLocales: ["pt-BR"], label: "Português" };\n`,
      );

      const shipped = await loadLanguages(pathToFileURL(`${dir}/`));
      expect([...shipped.keys()]).toEqual(["en", "es", "pt-BR"]);
      expect(languageOfLocale("pt-BR", shipped)).toBe("pt-BR");
      expect(languageOfLocale("es-419", shipped)).toBe("es");
      expect(languageOfLocale("fr", shipped)).toBe("en");

      // A Brazilian client lists the commands in the new language…
      const today = localizeCommand(definitionOf("today"), commandLocalesOf(shipped)) as unknown as Json;
      expect(today.name_localizations).toMatchObject({ "pt-BR": "hoy", "es-ES": "hoy" });
      // …and admins can pick it for a cohort's posts, named in its own words.
      expect(languageChoices(shipped)).toEqual([
        { name: "English", value: "en" },
        { name: "Español", value: "es" },
        { name: "Português", value: "pt-BR" },
      ]);
      // …which the cohort service takes as a language (test/integration/cohortLanguageCodes.test.ts sets one).
      for (const choice of languageChoices(shipped)) expect(isLanguageCode(choice.value), choice.value).toBe(true);
      // …and the playground's language picker lets a visitor's Discord be set to it.
      expect(languagePickerChoices(shipped).at(-1)).toEqual({ locale: "pt-BR", label: "Português" });
    } finally {
      cleanup();
    }
  });

  it("asks no language to translate the language choices: each is named in its own language for every client", () => {
    // Before, every locale file had to name each language (`cohort create language=es`): adding one edited them all.
    expect(commandPaths(definitionOf("cohort")).filter((entry) => entry.includes("language="))).toEqual([]);
  });

  it("skips only the choices marked as named in their own language, not those of any option called language", () => {
    const option = { type: 3, name: "language", description: "Spoken in the recording", choices: [{ name: "Signed", value: "signed" }] };
    const definition = (marked: boolean) =>
      ({
        name: "talk",
        description: "A talk",
        options: [marked ? { ...option, [ownNameChoices]: true } : option],
      }) as unknown as Parameters<typeof commandPaths>[0];
    expect(commandPaths(definition(false))).toContain("talk language=signed");
    expect(commandPaths(definition(true))).not.toContain("talk language=signed");
  });
});
