import { describe, expect, it } from "vitest";
import { slashCommands } from "../../commands/registry.js";
import { languageCodes, languageEntry } from "../../src/discord/i18n/languages.js";
import { commandPaths } from "../../src/discord/i18n/localizeCommand.js";

const paths = slashCommands.flatMap((command) => commandPaths(command.definition));
const translated = languageCodes.filter((code) => code !== "en");

describe("command localizations", () => {
  it.each(translated)("%s names and describes every command, option and choice, and nothing else", (code) => {
    const texts = languageEntry(code).commands;
    expect(Object.keys(texts).sort()).toEqual([...paths].sort());
    for (const path of paths) {
      const [name, description] = texts[path] ?? [];
      const isChoice = path.includes("=");
      expect(name, path).toBeTruthy();
      if (isChoice) {
        expect(name?.length, path).toBeLessThanOrEqual(100);
        continue;
      }
      // Discord's rules for command and option names and descriptions.
      expect(name, path).toMatch(/^[-_'\p{Ll}\p{Lo}\p{N}]{1,32}$/u);
      expect(description?.length ?? 0, path).toBeGreaterThan(0);
      expect(description?.length ?? 0, path).toBeLessThanOrEqual(100);
    }
  });

  it("sends the Spanish texts for both Spanish locales", () => {
    const today = slashCommands.find((command) => command.definition.name === "today")?.definition as unknown as {
      name_localizations: Record<string, string>;
      options: { description_localizations: Record<string, string> }[];
    };
    expect(today.name_localizations).toEqual({ "es-ES": "hoy", "es-419": "hoy" });
    expect(today.options[0]?.description_localizations["es-419"]).toBe("Cohorte (opcional si solo estás en una)");
  });
});
