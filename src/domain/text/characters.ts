/**
 * Two rules count text for Discord. What its API counts in code points (choice names, option values, titles an editor
 * shows) is counted here: an emoji or a bold "𝐁" is one, though two UTF-16 units. Message and embed limits are still
 * counted in UTF-16 units (see src/discord/limits.ts), which is stricter and so safe.
 */
export function codePointCount(text: string): number {
  let count = 0;
  for (const _character of text) count += 1;
  return count;
}

// Whole characters as people see them: an emoji family, a flag or a letter with its accent is one.
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Of `pieces` in order, those that fit within `max` code points in all, stopping at the first that does not. */
function fitting(pieces: Iterable<string>, max: number): string[] {
  const kept: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    length += codePointCount(piece);
    if (length > max) break;
    kept.push(piece);
  }
  return kept;
}

/**
 * The start of `text`, at most `max` code points, never splitting a character as people see it (half a flag). Only
 * the first 2 * max + 2 units are segmented, so a long option value costs no more: the last segment of that window
 * may be cut short and is dropped, and it could not have fitted anyway (what precedes it and it hold over `max`).
 */
export function leadingCharacters(text: string, max: number): string {
  // No more code points than UTF-16 units: most text is done here.
  if (text.length <= max) return text;
  const window = text.slice(0, 2 * max + 2);
  const segments = Array.from(graphemes.segment(window), ({ segment }) => segment);
  if (window.length < text.length) segments.pop();
  return fitting(segments, max).join("");
}

/** The end of `text`, at most `max` code points, never splitting a character as people see it (for names and titles). */
export function trailingCharacters(text: string, max: number): string {
  if (text.length <= max) return text;
  const segments = Array.from(graphemes.segment(text), ({ segment }) => segment).reverse();
  return fitting(segments, max).reverse().join("");
}

/** `text` within `max` code points: whole, or its start ended by "…" (never a split character). */
export function shortenedText(text: string, max: number): string {
  if (text.length <= max || codePointCount(text) <= max) return text;
  return `${leadingCharacters(text, max - 1)}…`;
}

/** Longest piece of a typed option value an error repeats back ("There's no cohort called …"). */
const maxEchoedCharacters = 100;

/** A typed value as an error repeats it: its first 100 characters, never half of one. */
export function echoedValue(value: string): string {
  return leadingCharacters(value, maxEchoedCharacters);
}
