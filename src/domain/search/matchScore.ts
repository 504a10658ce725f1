import { printableAscii, readsAs } from "../curriculum/typedItem.js";

/**
 * How well a name matches what a member typed in an autocomplete box, higher first; -1: no match.
 * 4 the whole name, 3 its start, 2 the start of one of its words, 1 anywhere in it or every typed word
 * starting one of its words (in any order). Case, accents, spacing and invisible characters never matter:
 * "indices" finds "Índices", "DISEÑO" finds "Diseno".
 */
export function matchScore(candidate: string, query: string): number {
  return matcherFor(query)(readForMatch(candidate));
}

/** A name read for matching (`readForMatch`): worth keeping where the same names are matched at every keystroke. */
export interface MatchReading {
  readonly name: string;
  readonly words: readonly string[];
}

/** `query` read once, to score many names (`matchScore`'s scale). */
export function matcherFor(query: string): (candidate: MatchReading) => number {
  const typed = foldForMatch(query);
  const typedWords = wordsOf(typed);
  return ({ name, words }) => {
    if (typed === "") return 1;
    if (name === typed) return 4;
    if (name.startsWith(typed)) return 3;
    if (words.some((word) => word.startsWith(typed))) return 2;
    if (name.includes(typed)) return 1;
    if (typedWords.length === 0) return -1;
    return typedWords.every((typedWord) => words.some((word) => word.startsWith(typedWord))) ? 1 : -1;
  };
}

/** The words of `query` as matching reads them (lower case, accents dropped): each is in any name it matches. */
export function typedWordsOf(query: string): string[] {
  return wordsOf(foldForMatch(query));
}

export function readForMatch(candidate: string): MatchReading {
  const name = foldForMatch(candidate);
  return { name, words: wordsOf(name) };
}

/** Characters other than letters and digits that may sit between words (" ", "-", "/", "_", "&", "(", …). */
const separators = /[^\p{L}\p{N}]+/u;
const combiningMarks = /\p{M}/gu;

/**
 * How a title reads (`readsAs`: case, spacing, invisible characters), without accents. ASCII text (nearly
 * every title) skips the Unicode work.
 */
export function foldForMatch(text: string): string {
  const read = readsAs(text);
  return printableAscii.test(read) ? read : read.normalize("NFD").replace(combiningMarks, "").normalize("NFC");
}

function wordsOf(text: string): string[] {
  return text.split(separators).filter((word) => word !== "");
}
