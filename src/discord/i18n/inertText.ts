import { hidingCharacters } from "../../domain/text/hiddenCharacters.js";
import { maxUserTextLength, plainUserText } from "../../domain/text/plainUserText.js";

export { maxUserTextLength } from "../../domain/text/plainUserText.js";

/** Where a piece of user text lands: Markdown (descriptions, fields, content) or plain text (footers, labels, thread names). */
export const TextTarget = { Markdown: "markdown", Plain: "plain" } as const;
export type TextTarget = (typeof TextTarget)[keyof typeof TextTarget];

// Discord Markdown's inline syntax: a backslash shows each character as itself.
// "<" starts <@id>, <#id>, <t:…>, <:emoji:id> and </command:id>: escaped, each shows as typed.
// An underscore inside a word (Olympus_Mons, snake_case) formats nothing and stays as typed.
const inlineSyntax = /[\\*~`|[\]<]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
// Syntax that only counts at the start of a line: headings, quotes, lists.
const blockStart = /^([ \t]*)([#>+-]|\d+(?=\.))/gm;

// Any character a rule below acts on (a line break starts a line, \p{Cc} includes it): text without
// one is inert as it is, as most names and titles are, and skips the replacements.
// (\u0060 is the backquote, which would end the template.)
const mayNeedWork = new RegExp(String.raw`[\p{Cc}\u2028\u2029${hidingCharacters}\\*~\u0060|[\]<_@]|^[ ]*[#>+\-\d]`, "u");

/**
 * The one rule for text that came from users (names, titles, echoed input):
 * in Markdown it can never format, link, quote, list, mention or embed a
 * timestamp (on any of its lines);
 * anywhere it can never hide or reorder text, and it never runs longer than
 * `maxUserTextLength` characters.
 */
export function inertText(text: string, target: TextTarget = TextTarget.Markdown): string {
  if (text.length <= maxUserTextLength && !mayNeedWork.test(text)) return text;
  // Unicode's line and paragraph separators break lines as "\n" does (in JavaScript's ^ too): they become one;
  // what hides or reorders text goes (the domain's plain-text half of this rule).
  const visible = plainUserText(text);
  if (target === TextTarget.Plain) return visible;
  return (
    visible
      .replace(inlineSyntax, (character) => `\\${character}`)
      // "\#", "\>", "\-"; "1\." for an ordered list (a backslash before a digit would show).
      .replace(blockStart, (_line, indent: string, marker: string) =>
        /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
      )
      .replace(/@(everyone|here)/gi, "@\u200b$1")
  );
}
