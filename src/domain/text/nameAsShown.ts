import { withoutHiddenCharacters } from "./hiddenCharacters.js";

/**
 * A name as people read it: characters that show nothing or reorder text dropped (replies drop them anyway),
 * accents written one way (NFC), runs of spaces as one, no spaces at either end. Dropping comes first, so
 * "Spring \u200b 2027" reads as "Spring 2027" and not with two spaces. Cohort names are stored, keyed and
 * told apart by it.
 */
export function nameAsShown(name: string): string {
  return withoutHiddenCharacters(name).normalize("NFC").replace(/\s+/g, " ").trim();
}
