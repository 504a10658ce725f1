/** Section headings of both formats: "Week 1-2: Title" and "Phase 1: Title (Weeks 1-4)". */
import { MAX_WEEK } from "./limits.js";
import { cleanInline, MARKDOWN_HEADING } from "./markdownText.js";
import { ProblemCode, type ProblemParams } from "./problemCodes.js";
import type { ProblemList } from "./ProblemList.js";
import { excerpt } from "./sourceLines.js";
import { showsSomething } from "../../text/hiddenCharacters.js";

export interface WeekHeading {
  readonly title: string;
  readonly weekStart: number;
  readonly weekEnd: number;
  /** Why the heading cannot be used, or null when it is fine. */
  readonly problem: { readonly code: ProblemCode; readonly params: ProblemParams } | null;
}

const WEEK_HEADING = /^weeks?\s+(\d{1,9})\s*(?:(?:-|–|—|to)\s*(\d{1,9})\s*)?:\s*(.*)$/i;
/**
 * Something the author meant as a week heading but did not write in a form we
 * read: "Week one: …", a bare "Week 1" or "Week 1-2", the title after a dash
 * or a period ("Week 1 - Intro", "Week 1. Intro", "Week 3 - Joins, Indexes"),
 * or a bold heading. Read as prose instead, its items would be reported as
 * before the first section, or silently join the section above, and the
 * heading's own line never named. A sentence ("Week 2 builds on …", more than
 * 40 characters after the dash, as after the colon, or a comma followed by a
 * word in lower case: "Week 5 - lighter load, finish the exercises") stays prose.
 */
const WEEK_HEADING_LIKE = [
  /^weeks?\s+[^:\s][^:]{0,40}:/i,
  /^weeks?\s+\d+(?:\s*(?:-|–|—|to)\s*\d+)?$/i,
  /^weeks?\s+\d+(?:\s*(?:-|–|—|to)\s*\d+)?\s*(?:[-–—]|\.(?=\s))\s*[^.!?,]{1,40}$/i,
];
const DASHED_TITLE = /^weeks?\s+\d+(?:\s*(?:-|–|—|to)\s*\d+)?\s*(?:[-–—]|\.(?=\s))\s*([^.!?]{1,40})$/i;
/** "Joins, Indexes, Views": every comma-separated part starts with a capital or a digit, as a title's topics do. */
const TOPIC_LIST = /^[\p{Lu}\d][^,]*(?:,\s*[\p{Lu}\d][^,]*)+$/u;
const EMPHASIZED = /^(\*\*|__)(.+)\1$/;

function listsTopicsAfterDash(text: string): boolean {
  const title = DASHED_TITLE.exec(text)?.[1]?.trim();
  return title !== undefined && TOPIC_LIST.test(title);
}

function meantAsWeekHeading(text: string): boolean {
  if (WEEK_HEADING_LIKE.some((pattern) => pattern.test(text)) || listsTopicsAfterDash(text)) return true;
  const inner = EMPHASIZED.exec(text)?.[2]?.trim();
  return inner !== undefined && (WEEK_HEADING.test(inner) || WEEK_HEADING_LIKE.some((pattern) => pattern.test(inner)));
}
const WEEK_RANGE = /^weeks?\s+(\d{1,9})\s*(?:(?:-|–|—|to)\s*(\d{1,9})\s*)?$/i;

/** "Week 3-4: Title"; null when the text is not meant as a week heading at all. */
export function parseWeekHeading(text: string): WeekHeading | null {
  const match = WEEK_HEADING.exec(text);
  if (match === null) {
    if (!meantAsWeekHeading(text)) return null;
    return { title: text, weekStart: 1, weekEnd: 1, problem: { code: ProblemCode.HeadingUnreadable, params: { heading: excerpt(text) } } };
  }
  return checkedWeekHeading(text, match[3] ?? "", match[1] ?? "", match[2]);
}

/** "Phase 1: Foundations (Weeks 1-4)" or "Week 1-2: Title". */
export function parsePhaseHeading(text: string): WeekHeading | null {
  if (text.endsWith(")")) {
    const open = text.lastIndexOf("(");
    const range = open >= 0 ? WEEK_RANGE.exec(text.slice(open + 1, -1).trim()) : null;
    if (range !== null) {
      const title = text
        .slice(0, open)
        .trim()
        .replace(/\s*[:\-–—]$/, "");
      return checkedWeekHeading(text, title, range[1] ?? "", range[2]);
    }
  }
  return parseWeekHeading(text);
}

function checkedWeekHeading(heading: string, rawTitle: string, startText: string, endText: string | undefined): WeekHeading {
  const title = rawTitle.trim();
  const weekStart = Number(startText);
  const weekEnd = endText === undefined ? weekStart : Number(endText);
  const params = { heading: excerpt(heading) };
  const problem =
    weekStart === 0 || weekEnd === 0
      ? { code: ProblemCode.WeekZero, params }
      : weekEnd < weekStart
        ? { code: ProblemCode.WeekRangeBackwards, params: { ...params, start: weekStart, end: weekEnd } }
        : weekEnd > MAX_WEEK
          ? { code: ProblemCode.WeekBeyondLimit, params: { ...params, limit: MAX_WEEK } }
          : !showsSomething(title)
            ? { code: ProblemCode.HeadingWithoutTitle, params: { ...params, week: weekStart } }
            : null;
  return { title: title === "" ? heading : title, weekStart, weekEnd, problem };
}

export function reportHeadingProblem(week: WeekHeading, line: number, problems: ProblemList): void {
  if (week.problem !== null) problems.add(line, week.problem.code, week.problem.params);
}

/** "Week 1-2: Title" written as a plain line counts as a section heading, as in the plain format. */
export function plainWeekHeading(text: string): WeekHeading | null {
  const week = parseWeekHeading(text);
  return week === null || week.problem?.code === ProblemCode.HeadingUnreadable ? null : week;
}

/** A Markdown line a reader would take for a section heading (used to refuse blocks that would hide one). */
export function readsAsSectionHeading(text: string): boolean {
  const heading = MARKDOWN_HEADING.exec(text);
  if (heading === null) return plainWeekHeading(text) !== null;
  const week = parsePhaseHeading(cleanInline(heading[2] ?? ""));
  return week !== null && week.problem?.code !== ProblemCode.HeadingUnreadable;
}
