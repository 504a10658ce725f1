/**
 * How well a name matches what a member typed in an autocomplete box, higher first; -1: no match.
 * 4 the whole name, 3 its start, 2 the start of one of its words, 1 anywhere in it or every typed word
 * starting one of its words (in any order), 0 only once a slip of a key is forgiven. Case, accents and
 * spacing never matter: "indices" finds "Índices", "DISEÑO" finds "Diseno".
 */
export function matchScore(candidate: string, query: string): number {
  const typed = foldForMatch(query);
  if (typed === "") return 1;
  const { name, words } = readCandidate(candidate);
  if (name === typed) return 4;
  if (name.startsWith(typed)) return 3;
  if (words.some((word) => word.startsWith(typed))) return 2;
  if (name.includes(typed)) return 1;
  const typedWords = wordsOf(typed);
  if (typedWords.length === 0) return -1;
  if (typedWords.every((typedWord) => words.some((word) => word.startsWith(typedWord)))) return 1;
  return typedWords.every((typedWord) => words.some((word) => startsWithSlip(word, typedWord))) ? 0 : -1;
}

/** Characters other than letters and digits that may sit between words (" ", "-", "/", "_", "&", "(", …). */
const separators = /[^\p{L}\p{N}]+/u;
const printableAscii = /^[\x20-\x7e]*$/;
const combiningMarks = /\p{M}/gu;

/** Lower case, without accents, spaces collapsed. ASCII text (nearly every title, once per keystroke) skips Unicode work. */
function foldForMatch(text: string): string {
  const plain = printableAscii.test(text) ? text : text.normalize("NFD").replace(combiningMarks, "").normalize("NFC");
  return plain.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Names read for matching, kept: every keystroke matches the same titles again. Emptied whole when full. */
const readCandidates = new Map<string, { readonly name: string; readonly words: readonly string[] }>();
const maxReadCandidates = 20_000;

function readCandidate(candidate: string): { readonly name: string; readonly words: readonly string[] } {
  let read = readCandidates.get(candidate);
  if (read === undefined) {
    if (readCandidates.size >= maxReadCandidates) readCandidates.clear();
    const name = foldForMatch(candidate);
    read = { name, words: wordsOf(name) };
    readCandidates.set(candidate, read);
  }
  return read;
}

function wordsOf(text: string): string[] {
  return text.split(separators).filter((word) => word !== "");
}

/** Words this short are matched only as typed: one slip in three letters matches almost anything. */
const minSlipLength = 4;

/**
 * Whether `word` starts with `typed` but for one slip (a wrong, missing, extra or swapped letter; two in words of
 * eight letters or more). The first letter must be right: it keeps the forgiving cheap and the matches sensible.
 */
function startsWithSlip(word: string, typed: string): boolean {
  if (typed.length < minSlipLength || word[0] !== typed[0]) return false;
  const allowed = typed.length >= 8 ? 2 : 1;
  if (word.length < typed.length - allowed) return false;
  return prefixDistance(typed, word.slice(0, typed.length + allowed), allowed) <= allowed;
}

/**
 * The fewest edits turning `typed` into some start of `word` (optimal string alignment: a swap of two neighbours is
 * one edit), stopped once it must exceed `limit`. One table: its last row holds the distance to every start of `word`.
 */
function prefixDistance(typed: string, word: string, limit: number): number {
  const width = word.length + 1;
  let beforePrevious = new Array<number>(width).fill(0);
  // Row 0: `typed` empty against the first j letters of `word`.
  let previous = Array.from({ length: width }, (_, j) => j);
  for (let i = 1; i <= typed.length; i++) {
    const current = new Array<number>(width);
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j < width; j++) {
      const cost = typed[i - 1] === word[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && typed[i - 1] === word[j - 2] && typed[i - 2] === word[j - 1])
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      current[j] = value;
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(...previous);
}
