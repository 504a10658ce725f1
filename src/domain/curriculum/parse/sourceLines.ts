/**
 * The line model both document formats read: the text split into numbered
 * lines, plus a ledger of what became of each one, so that no line can
 * vanish without the parser having decided so.
 */
import { shortenedText } from "../../text/characters.js";
import { MAX_LINE_CHARACTERS } from "./limits.js";
import { ProblemCode } from "./problemCodes.js";
import type { ProblemList } from "./ProblemList.js";

export interface SourceLine {
  readonly number: number;
  /** The line without trailing whitespace (leading indentation kept for Markdown). */
  readonly text: string;
}

export function splitLines(text: string, problems: ProblemList): SourceLine[] {
  return text.split(/\r\n|\n|\r/).map((raw, index) => {
    const number = index + 1;
    if (raw.length > MAX_LINE_CHARACTERS) {
      problems.add(number, ProblemCode.LineTooLong, { length: raw.length, limit: MAX_LINE_CHARACTERS });
      return { number, text: "" };
    }
    return { number, text: raw.trimEnd() };
  });
}

export function reportControlCharacters(lines: readonly SourceLine[], problems: ProblemList): void {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const offending = lines.find((line) => /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(line.text));
  if (offending !== undefined) problems.add(offending.number, ProblemCode.ControlCharacters);
}

/** A file whose first content line is front matter or a Markdown heading. */
export function looksLikeMarkdown(lines: readonly SourceLine[]): boolean {
  const first = lines.find((line) => line.text.trim() !== "");
  if (first === undefined) return false;
  const text = first.text.trim();
  return text === "---" || /^#{1,6}\s/.test(text);
}

/** Shortens text quoted back to the author, on whole characters so an emoji or a flag is never split in half. */
export function excerpt(text: string, maxLength = 70): string {
  return shortenedText(text, maxLength);
}

/**
 * Why a line is not part of the curriculum although nothing is wrong with it:
 * the path's introduction, Markdown front matter and decoration, the body of a
 * closed code block, or a Markdown block outside the phases ("Career Progression").
 */
export const SkipReason = {
  Preamble: "preamble",
  FrontMatter: "frontMatter",
  Decoration: "decoration",
  CodeBlock: "codeBlock",
  OutsideOutline: "outsideOutline",
} as const;
export type SkipReason = (typeof SkipReason)[keyof typeof SkipReason];

/** What became of each line: used in the curriculum, deliberately skipped (and why), or neither yet. */
export class LineLedger {
  private readonly used = new Set<number>();
  private readonly skipped = new Map<number, SkipReason>();

  use(line: number): void {
    this.used.add(line);
  }

  skip(line: number, reason: SkipReason): void {
    this.skipped.set(line, reason);
  }

  get usedLines(): ReadonlySet<number> {
    return this.used;
  }

  get skippedLines(): ReadonlyMap<number, SkipReason> {
    return this.skipped;
  }
}
