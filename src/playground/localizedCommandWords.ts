import type { APIApplicationCommand, APIApplicationCommandOption, LocalizationMap } from "discord-api-types/v10";
import { languageEntry, type Language } from "../discord/i18n/languages.js";

interface Named {
  readonly name: string;
  readonly name_localizations?: LocalizationMap | null;
}

/** A registered name as a Discord set to `language` shows it: its first localization for one of that language's locales. */
function nameIn(named: Named, locales: readonly string[]): string {
  const localizations: Partial<Record<string, string | null>> = named.name_localizations ?? {};
  for (const locale of locales) {
    const name = localizations[locale];
    if (typeof name === "string" && name.length > 0) return name;
  }
  return named.name;
}

function optionsOf(option: APIApplicationCommandOption): readonly APIApplicationCommandOption[] {
  return "options" in option && Array.isArray(option.options) ? option.options : [];
}

/**
 * A refusal's command ("/cohort edit", as registered) and option in the words the viewer typed them in: the names
 * the bot registered for `language`'s Discord locales, each part left as registered when it has none.
 */
export function localizedCommandWords(
  commands: readonly APIApplicationCommand[],
  command: string,
  option: string,
  language: Language,
): { readonly command: string; readonly option: string } {
  const locales = languageEntry(language).discordLocales;
  const [top, ...path] = command.replace(/^\//, "").split(" ");
  const definition = commands.find((candidate) => candidate.name === top);
  if (definition === undefined) return { command, option };
  const words = [nameIn(definition, locales)];
  let options: readonly APIApplicationCommandOption[] = definition.options ?? [];
  for (const part of path) {
    const sub = options.find((candidate) => candidate.name === part);
    if (sub === undefined) return { command, option };
    words.push(nameIn(sub, locales));
    options = optionsOf(sub);
  }
  const leaf = options.find((candidate) => candidate.name === option);
  return { command: `/${words.join(" ")}`, option: leaf === undefined ? option : nameIn(leaf, locales) };
}
