import type { Catalogue } from "./Catalogue.js";
import { en } from "./locales/en.js";
import type { CommandLocale, CommandTexts } from "./localizeCommand.js";
import { es, esCommands } from "./locales/es.js";

interface LanguageEntry {
  readonly catalogue: Catalogue;
  /** Names and descriptions of the commands; English is the definitions' own text. */
  readonly commands: CommandTexts;
  /** The `Intl` locale of dates and numbers. */
  readonly intlLocale: string;
  /** Discord locales (`interaction.locale`) served in this language. */
  readonly discordLocales: readonly string[];
  /** Its own name, offered in the cohort `language` option. */
  readonly label: string;
}

/**
 * The shipped languages. Adding one: write `locales/<code>.ts` (its Catalogue
 * and its CommandTexts) and register it here.
 */
export const languages = {
  en: { catalogue: en, commands: {}, intlLocale: "en-GB", discordLocales: ["en-US", "en-GB"], label: "English" },
  es: { catalogue: es, commands: esCommands, intlLocale: "es-ES", discordLocales: ["es-ES", "es-419"], label: "Español" },
} as const satisfies Record<string, LanguageEntry>;

export type Language = keyof typeof languages;
export const defaultLanguage: Language = "en";
export const languageCodes = Object.keys(languages) as Language[];

export function isLanguage(value: string): value is Language {
  return Object.hasOwn(languages, value);
}

/** The language of a Discord locale ("es-419" → es); English when it is not shipped. */
export function languageOfLocale(locale: string | null | undefined): Language {
  for (const code of languageCodes) {
    if ((languages[code].discordLocales as readonly string[]).includes(locale ?? "")) return code;
  }
  return defaultLanguage;
}

/** What every language but English adds to the command definitions (English is their own text). */
export const commandLocales: readonly CommandLocale[] = languageCodes
  .filter((code) => code !== defaultLanguage)
  .map((code) => ({ discordLocales: languages[code].discordLocales, texts: languages[code].commands }));
