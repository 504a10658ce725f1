/**
 * Characters that show nothing or reorder text: the one list every rule about user text reads (the reply's
 * escaping, cohort names, typed item titles). Zero-width joiners are not among them (emoji sequences need them).
 */
export const hidingCharacters = String.raw`\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff`;

// Those and control characters other than line breaks and tabs.
const hidden = new RegExp(String.raw`(?![\t\n\v\f\r])\p{Cc}|[${hidingCharacters}]`, "gu");

// A character that shows: a letter, digit, symbol or punctuation, but not the fillers and the blank
// braille pattern, which are letters or symbols drawn as nothing.
const visible = /(?![\u115f\u1160\u3164\uffa0\u2800])[\p{L}\p{N}\p{S}\p{P}]/u;

/** `text` without the characters that show nothing or reorder text (as replies show it; line breaks and tabs stay). */
export function withoutHiddenCharacters(text: string): string {
  return text.replace(hidden, "");
}

/** Whether `text` shows anything at all: at least one letter, digit, symbol or punctuation mark that is drawn. */
export function showsSomething(text: string): boolean {
  return visible.test(text);
}
