import { shortenedText } from "./characters.js";
import { hidingCharacters } from "./hiddenCharacters.js";

/** Longest piece of user text the bot repeats; the rest is cut with "…". */
export const maxUserTextLength = 2000;

// Control characters other than the line break, and the domain's characters that hide or reorder text: removed.
const invisible = new RegExp(String.raw`(?!\n)\p{Cc}|[${hidingCharacters}]`, "gu");

function shorten(text: string): string {
  // Whole characters as people see them: never half a flag or a family.
  return shortenedText(text, maxUserTextLength);
}

/**
 * The plain-text half of the one rule for user text (the Translator's `plainUser`, `inertText`): line breaks one
 * way, tabs as spaces, nothing that hides or reorders text, at most `maxUserTextLength` characters.
 */
export function plainUserText(text: string): string {
  return shorten(
    text
      .replace(/\r\n?|[\u2028\u2029]/g, "\n")
      .replace(/\t/g, " ")
      .replace(invisible, ""),
  );
}

/**
 * A member's name key: their display name as a reply shows it (`plainUserText`), trimmed, accents one way (NFC).
 * Members whose keys are equal show alike, and the roster numbers them ("Sam #1", "Sam #2"); stored as
 * `Member.nameKey` so a page reads only its members' namesakes.
 */
export function nameKeyOf(displayName: string): string {
  return plainUserText(displayName).trim().normalize("NFC");
}

/**
 * The version of `nameKeyOf`'s rule, stored with each key (`Member.nameKeyRule`). Bump it whenever the rule's
 * output changes for any name (test/unit/nameKeyOf.test.ts pins samples): keys stored by an older rule are then
 * read as if missing and filled again after start-up (`fillNameKeys`).
 */
export const currentNameKeyRule = 1;
