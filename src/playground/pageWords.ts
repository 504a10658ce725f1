import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import {
  languageEntry,
  languageOfLocale,
  languagePickerChoices,
  type Language,
  type LanguagePickerChoice,
} from "../discord/i18n/languages.js";

/** A piece of one of the page's sentences: text as it shows, or a parameter the page fills in (a name, a node). */
export type PageWordPiece = string | { readonly param: string };

/** The page's own words in one language: each `playground.page.*` message, by the rest of its key ("send", "used"). */
export type PageWords = Readonly<Record<string, readonly PageWordPiece[]>>;

const pagePrefix = "playground.page.";

/**
 * The page's own words (its chrome) in a language, from the bot's message catalogue, so that every sentence has
 * one home per language and adding a language (one file in `locales/`) also translates the page. Sent parsed:
 * the page fills parameters in, in the sentence's own order, with no ICU of its own to run. So these messages take
 * plain `{parameters}` only; a plural or select there is a programming error, thrown here.
 */
export function pageWords(language: Language): PageWords {
  const catalogue: Readonly<Record<string, string>> = languageEntry(language).catalogue;
  const words: Record<string, readonly PageWordPiece[]> = {};
  for (const [key, message] of Object.entries(catalogue)) {
    if (key.startsWith(pagePrefix)) words[key.slice(pagePrefix.length)] = pieces(key, message);
  }
  return words;
}

function pieces(key: string, message: string): PageWordPiece[] {
  // ignoreTag: "<" in a message is text, as the translator reads it.
  return parse(message, { ignoreTag: true }).map((element) => {
    if (element.type === TYPE.literal) return element.value;
    if (element.type === TYPE.argument) return { param: element.value };
    throw new Error(`${key}: the playground's page fills in plain {parameters} only, not a ${TYPE[element.type]}`);
  });
}

/** A language of the page's language picker, with the page's own words in it. */
export interface WordedLanguage extends LanguagePickerChoice {
  /** Its code ("es"): the page's `lang` while it speaks it. */
  readonly language: Language;
  readonly words: PageWords;
}

/** The page's words in each language its picker offers, English first: what `GET /api/words` answers. */
export function wordedLanguages(): WordedLanguage[] {
  return languagePickerChoices().map((choice) => {
    const language = languageOfLocale(choice.locale);
    return { ...choice, language, words: pageWords(language) };
  });
}
