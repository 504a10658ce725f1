import { readdir } from "node:fs/promises";
import { isLanguageCode } from "../../domain/cohort/languageCode.js";
import type { Catalogue } from "./Catalogue.js";
import type { CommandLocale, CommandTexts } from "./localizeCommand.js";

/** What a file in `locales/` exports as `language`: everything the bot needs to speak it. */
export interface LanguageFile {
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
 * A shipped language's code: the name of its file in `locales/` ("en", "es"). A plain string: tests and
 * the CLI name languages by their literal code; `isLanguage` tells whether one is shipped.
 */
export type Language = string;
export type ShippedLanguages = ReadonlyMap<Language, LanguageFile>;

export const defaultLanguage: Language = "en";

// "es.ts" in the sources, "es.js" once built ("es.d.ts" and "es.js.map" are no language code: see codeOfLocaleFile).
const localeFile = /^(.+)\.(?:ts|js)$/;

/** The language a `locales/` file holds, named by the same rule cohorts' languages are checked by (isLanguageCode). */
function codeOfLocaleFile(file: string): Language | undefined {
  const code = localeFile.exec(file)?.[1];
  return code !== undefined && isLanguageCode(code) ? code : undefined;
}

function isLanguageFile(value: unknown): value is LanguageFile {
  const entry = value as Partial<LanguageFile> | undefined;
  return (
    typeof entry?.catalogue === "object" &&
    typeof entry.commands === "object" &&
    typeof entry.intlLocale === "string" &&
    Array.isArray(entry.discordLocales) &&
    typeof entry.label === "string"
  );
}

/**
 * Every language of a `locales/` folder (its URL ends with "/"), English first, then by code: adding a
 * language is adding its file there (see README "How to add a language"), nothing else.
 */
export async function loadLanguages(directory: URL): Promise<ShippedLanguages> {
  const codes = new Map<Language, string>();
  for (const file of (await readdir(directory)).sort()) {
    const code = codeOfLocaleFile(file);
    if (code !== undefined && !codes.has(code)) codes.set(code, file);
  }
  if (!codes.has(defaultLanguage)) throw new Error(`no ${defaultLanguage} catalogue in ${directory.href}`);
  const ordered = [defaultLanguage, ...[...codes.keys()].filter((code) => code !== defaultLanguage)];
  const loaded = await Promise.all(
    ordered.map(async (code) => {
      const file = codes.get(code) ?? "";
      const { language } = (await import(new URL(file, directory).href)) as { language?: unknown };
      if (!isLanguageFile(language)) throw new Error(`locales/${file} must export \`language\` (see LanguageFile)`);
      return [code, language] as const;
    }),
  );
  return new Map(loaded);
}

/**
 * The shipped languages: the files of `locales/`. Loaded at import (top-level await) so that the
 * translators and the command definitions, which every part of the bot builds at import, can stay
 * synchronous; the files are local, so this only delays the start by their import.
 */
export const languages: ShippedLanguages = await loadLanguages(new URL("./locales/", import.meta.url));
export const languageCodes: readonly Language[] = [...languages.keys()];

export function isLanguage(value: string): value is Language {
  return languages.has(value);
}

/** A shipped language's file; an unknown code is a programming error. */
export function languageEntry(code: Language): LanguageFile {
  const entry = languages.get(code);
  if (entry === undefined) throw new Error(`${code} is not a shipped language`);
  return entry;
}

/** The shipped language of a Discord locale ("es-419" → es); null when none serves it (or there is none). */
export function shippedLanguageOfLocale(locale: string | null | undefined, shipped: ShippedLanguages = languages): Language | null {
  for (const [code, entry] of shipped) if (locale != null && entry.discordLocales.includes(locale)) return code;
  return null;
}

/** The language of a private reply to a Discord locale: its shipped language, else English. */
export function languageOfLocale(locale: string | null | undefined, shipped: ShippedLanguages = languages): Language {
  return shippedLanguageOfLocale(locale, shipped) ?? defaultLanguage;
}

/**
 * The language of a DM to a member (reminder, Nudge): a private message, so their Discord language when it is
 * shipped, as private replies; else the cohort's (a language they read: its channel posts in it), a better
 * guess than English for a member whose locale is not shipped or not stored (joined before it was). The
 * result may be a cohort code that is not shipped: `cohortTranslator` words that in English.
 */
export function directMessageLanguage(memberLocale: string | null, cohortLanguage: string, shipped: ShippedLanguages = languages): string {
  return shippedLanguageOfLocale(memberLocale, shipped) ?? cohortLanguage;
}

/** The cohort `language` option's choices: each language under its own name. */
export function languageChoices(shipped: ShippedLanguages = languages): { name: string; value: Language }[] {
  return [...shipped].map(([code, entry]) => ({ name: entry.label, value: code }));
}

/** A shipped language as a person's Discord language setting offers it: its first Discord locale and its own name. */
export interface LanguagePickerChoice {
  readonly locale: string;
  readonly label: string;
}

/** Each shipped language once, English first, for a picker of a person's Discord language (the playground's). */
export function languagePickerChoices(shipped: ShippedLanguages = languages): LanguagePickerChoice[] {
  return [...shipped.values()].flatMap((entry) =>
    entry.discordLocales[0] === undefined ? [] : [{ locale: entry.discordLocales[0], label: entry.label }],
  );
}

/** What every language but English adds to the command definitions (English is their own text). */
export function commandLocalesOf(shipped: ShippedLanguages): CommandLocale[] {
  return [...shipped]
    .filter(([code]) => code !== defaultLanguage)
    .map(([, entry]) => ({ discordLocales: entry.discordLocales, texts: entry.commands }));
}
export const commandLocales: readonly CommandLocale[] = commandLocalesOf(languages);
