/**
 * Reads a curriculum document into plain data, or refuses it whole with
 * problems an author can fix. Two formats are understood:
 *
 * - the plain learning-path format ("Week 1-2: Title", "- [ ] Required -- Title (30 min)"),
 * - the Markdown mastery-path format (front matter, "### Phase 1: Title (Weeks 1-4)", topic bullets).
 *
 * Pure and deterministic: no I/O, no clock, and it never throws.
 */
import {
  ItemKind,
  type ChecklistGroup,
  type ParseProblem,
  type ParseResult,
  type ParsedItem,
  type ParsedSection,
} from "./curriculumModel.js";
import { repairMojibake } from "./repairMojibake.js";
import { slugify } from "./slugify.js";

export const MAX_CURRICULUM_CHARACTERS = 1_000_000;
export const MAX_REPORTED_PROBLEMS = 50;
/** Longer lines are refused before any pattern runs on them, which keeps matching cheap. */
const MAX_LINE_CHARACTERS = 10_000;
const MAX_ITEM_MINUTES = 24 * 60;
const MAX_SECTION_MINUTES = 500 * 60;
const MAX_WEEK = 520;
const KEY_SLUG_LENGTH = 60;

const ITEM_EXAMPLE = '"- [ ] Required -- Storage Engines (30 min)"';
const TOPIC_EXAMPLE = '"- Internet fundamentals: HTTP, DNS, TCP/IP"';
const DURATION_EXAMPLES = '"(30 min)", "(1 hour)", "(1.5 hours)" or "(1h 30min)"';

// ---------------------------------------------------------------------------
// Entry point

export function parseCurriculum(text: string): ParseResult {
  try {
    return parseText(text);
  } catch (error) {
    // A bug in the importer must still reach the author as a refusal, not a crash.
    const reason = error instanceof Error ? error.message : String(error);
    return refuse([{ line: 1, message: `The importer could not read this file (${reason}). Please report it.` }]);
  }
}

function parseText(text: unknown): ParseResult {
  if (typeof text !== "string") {
    return refuse([{ line: 1, message: "The curriculum must be given as text." }]);
  }
  if (text.length > MAX_CURRICULUM_CHARACTERS) {
    return refuse([
      {
        line: 1,
        message: `The file is too large (${groupDigits(text.length)} characters; the limit is ${groupDigits(MAX_CURRICULUM_CHARACTERS)}). Split it into smaller paths.`,
      },
    ]);
  }
  // Repairing never touches ASCII, so line numbers stay those of the original file.
  const repaired = repairMojibake(text).replace(/^\uFEFF/, "");
  const problems = new ProblemList();
  const lines = splitLines(repaired, problems);
  if (lines.every((line) => line.text.trim() === "")) {
    return refuse([{ line: 1, message: `The file is empty. A curriculum starts with its title, then sections such as "Week 1-2: Database Fundamentals".` }]);
  }
  reportControlCharacters(lines, problems);
  const draft = looksLikeMarkdown(lines) ? parseMarkdownPath(lines, problems) : parseLearningPath(lines, problems);
  return finish(draft, problems);
}

// ---------------------------------------------------------------------------
// Shared plumbing

interface SourceLine {
  readonly number: number;
  /** The line without trailing whitespace (leading indentation kept for Markdown). */
  readonly text: string;
}

interface DraftItem {
  readonly title: string;
  readonly kind: ItemKind;
  readonly minutes: number | null;
  readonly group: string | null;
  readonly track: string | null;
  readonly line: number;
}

interface DraftSection {
  /** The heading as written, for messages. */
  readonly heading: string;
  readonly title: string;
  readonly weekStart: number;
  readonly weekEnd: number;
  /** A heading that was already reported as broken; it only collects its items. */
  readonly broken: boolean;
  readonly line: number;
  estimatedMinutes: number | null;
  readonly summary: string[];
  checkpoint: string | null;
  checkpointLine: number | null;
  readonly items: DraftItem[];
  /** Item lines already reported as broken, so the section is not also called empty. */
  rejectedItems: number;
}

interface DraftCurriculum {
  title: string | null;
  description: string;
  readonly sections: DraftSection[];
  readonly outcomes: string[];
  readonly checklist: Array<{ readonly title: string; readonly items: string[] }>;
  readonly notes: string[];
  /** How an item looks in this format, for the "section has no items" message. */
  readonly itemExample: string;
}

class ProblemList {
  private readonly problems: ParseProblem[] = [];

  add(line: number, message: string): void {
    this.problems.push({ line, message });
  }

  get isEmpty(): boolean {
    return this.problems.length === 0;
  }

  /** In file order, capped so a garbage file does not produce a wall of text. */
  report(): ParseProblem[] {
    const ordered = this.problems
      .map((problem, index) => ({ problem, index }))
      .sort((a, b) => a.problem.line - b.problem.line || a.index - b.index)
      .map(({ problem }) => problem);
    if (ordered.length <= MAX_REPORTED_PROBLEMS) return ordered;
    const shown = ordered.slice(0, MAX_REPORTED_PROBLEMS - 1);
    const firstHidden = ordered[MAX_REPORTED_PROBLEMS - 1];
    shown.push({
      line: firstHidden?.line ?? 1,
      message: `…and ${ordered.length - shown.length} more problems from here on; fix the ones above first.`,
    });
    return shown;
  }
}

function refuse(problems: readonly ParseProblem[]): ParseResult {
  return { ok: false, problems };
}

function emptyDraft(itemExample: string): DraftCurriculum {
  return { title: null, description: "", sections: [], outcomes: [], checklist: [], notes: [], itemExample };
}

function splitLines(text: string, problems: ProblemList): SourceLine[] {
  return text.split(/\r\n|\n|\r/).map((raw, index) => {
    const number = index + 1;
    if (raw.length > MAX_LINE_CHARACTERS) {
      problems.add(number, `Line is ${groupDigits(raw.length)} characters long (the limit is ${groupDigits(MAX_LINE_CHARACTERS)}); break it up.`);
      return { number, text: "" };
    }
    return { number, text: raw.trimEnd() };
  });
}

function reportControlCharacters(lines: readonly SourceLine[], problems: ProblemList): void {
  const offending = lines.find((line) => /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(line.text));
  if (offending !== undefined) {
    problems.add(offending.number, "This line contains control characters: the file does not look like plain text. Save the curriculum as UTF-8 text.");
  }
}

function looksLikeMarkdown(lines: readonly SourceLine[]): boolean {
  const first = lines.find((line) => line.text.trim() !== "");
  if (first === undefined) return false;
  const text = first.text.trim();
  return text === "---" || /^#{1,6}\s/.test(text);
}

function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ",");
}

/** Shortens text quoted back to the author. */
function quote(text: string, maxLength = 70): string {
  if (text.length <= maxLength) return `"${text}"`;
  // Cut by code point so an emoji is never split into half a surrogate pair.
  return `"${Array.from(text).slice(0, maxLength - 1).join("")}…"`;
}

// ---------------------------------------------------------------------------
// Week headings, kinds and durations (both formats)

interface WeekHeading {
  readonly title: string;
  readonly weekStart: number;
  readonly weekEnd: number;
  /** Why the heading cannot be used, or null when it is fine. */
  readonly problem: string | null;
}

const WEEK_HEADING = /^weeks?\s+(\d{1,9})\s*(?:(?:-|–|—|to)\s*(\d{1,9})\s*)?:\s*(.*)$/i;
/** Something the author meant as a week heading but did not write in a form we read. */
const WEEK_HEADING_LIKE = /^weeks?\s+[^:\s][^:]{0,40}:/i;
const WEEK_RANGE = /^weeks?\s+(\d{1,9})\s*(?:(?:-|–|—|to)\s*(\d{1,9})\s*)?$/i;

function parseWeekHeading(text: string): WeekHeading | null {
  const match = WEEK_HEADING.exec(text);
  if (match === null) {
    if (!WEEK_HEADING_LIKE.test(text)) return null;
    return {
      title: text,
      weekStart: 1,
      weekEnd: 1,
      problem: `Section heading ${quote(text)} is not in a form the importer reads: write "Week 3: Title" or "Week 3-4: Title".`,
    };
  }
  return checkedWeekHeading(text, match[3] ?? "", match[1] ?? "", match[2]);
}

/** "Phase 1: Foundations (Weeks 1-4)" or "Week 1-2: Title" as a Markdown heading. */
function parsePhaseHeading(text: string): WeekHeading | null {
  if (text.endsWith(")")) {
    const open = text.lastIndexOf("(");
    const range = open >= 0 ? WEEK_RANGE.exec(text.slice(open + 1, -1).trim()) : null;
    if (range !== null) {
      const title = text.slice(0, open).trim().replace(/\s*[:\-–—]$/, "");
      return checkedWeekHeading(text, title, range[1] ?? "", range[2]);
    }
  }
  return parseWeekHeading(text);
}

function checkedWeekHeading(heading: string, rawTitle: string, startText: string, endText: string | undefined): WeekHeading {
  const title = rawTitle.trim();
  const weekStart = Number(startText);
  const weekEnd = endText === undefined ? weekStart : Number(endText);
  const problem =
    weekStart === 0 || weekEnd === 0
      ? `Section heading ${quote(heading)} uses week 0: weeks are numbered from 1.`
      : weekEnd < weekStart
        ? `Section heading ${quote(heading)} has its week range backwards (${weekStart}-${weekEnd}): write it as ${weekEnd}-${weekStart}.`
        : weekEnd > MAX_WEEK
          ? `Section heading ${quote(heading)} goes beyond week ${MAX_WEEK}; check the week numbers.`
          : title === ""
            ? `Section heading ${quote(heading)} has no title: write e.g. "Week ${weekStart}: Database Fundamentals".`
            : null;
  return { title: title === "" ? heading : title, weekStart, weekEnd, problem };
}

function newSection(heading: string, week: WeekHeading, line: number): DraftSection {
  return {
    heading,
    title: week.title,
    weekStart: week.weekStart,
    weekEnd: week.weekEnd,
    broken: week.problem !== null,
    line,
    estimatedMinutes: null,
    summary: [],
    checkpoint: null,
    checkpointLine: null,
    items: [],
    rejectedItems: 0,
  };
}

const KIND_BY_NAME: ReadonlyMap<string, ItemKind> = new Map(Object.values(ItemKind).map((kind) => [kind.toLowerCase(), kind]));

/** "Required -- Title (30 min)" with any of the dashes authors type. */
const KINDED_ITEM = /^([A-Za-z]+)\s*(?:--|—|–|-|:)\s*(.*)$/;
/** The same, but only with an unmistakable separator (Markdown topics may start "Word - …"). */
const STRONGLY_KINDED_ITEM = /^[A-Za-z]+\s*(?:--|—|–)/;

interface KindedItem {
  readonly title: string;
  readonly kind: ItemKind;
  readonly minutes: number | null;
}

/** Parses the text after "- [ ] "; reports and returns null when it cannot be used. */
function parseKindedItem(body: string, line: number, problems: ProblemList): KindedItem | null {
  const match = KINDED_ITEM.exec(body);
  if (match === null) {
    problems.add(line, `Item ${quote(body)} has no kind: write it like ${ITEM_EXAMPLE} (kinds: Required, Optional, Reference).`);
    return null;
  }
  const kindName = match[1] ?? "";
  const kind = KIND_BY_NAME.get(kindName.toLowerCase());
  if (kind === undefined) {
    problems.add(line, `Unknown item kind "${kindName}": use Required, Optional or Reference.`);
    return null;
  }
  const { title, durationText } = splitTrailingDuration(match[2] ?? "");
  let minutes: number | null = null;
  let usable = true;
  if (durationText !== null) {
    const checked = checkDuration(durationText, MAX_ITEM_MINUTES);
    if (typeof checked === "string") {
      problems.add(line, `Item ${quote(title)}: ${checked}`);
      usable = false;
    } else {
      minutes = checked;
    }
  }
  if (title === "") {
    problems.add(line, `Item has no title: write it like ${ITEM_EXAMPLE}.`);
    usable = false;
  }
  return usable ? { title, kind, minutes } : null;
}

/**
 * Splits "Title (30 min)". A trailing parenthesis counts as a duration when it
 * starts with a number or names a unit, so "(30 mni)" is reported rather than
 * silently kept in the title, while "Sharding (part two)" stays a title.
 */
function splitTrailingDuration(rest: string): { title: string; durationText: string | null } {
  const text = rest.trim();
  if (!text.endsWith(")")) return { title: text, durationText: null };
  const open = text.lastIndexOf("(");
  if (open < 0) return { title: text, durationText: null };
  const inner = text.slice(open + 1, -1).trim();
  const looksLikeDuration = /^~?\s*\d/.test(inner) || /\b(?:mins?|minutes?|hrs?|hours?)\b/i.test(inner);
  if (!looksLikeDuration) return { title: text, durationText: null };
  return { title: text.slice(0, open).trim(), durationText: inner };
}

const DURATION_SEPARATOR = /[\s,+]*(?:and\s+)?/iy;
const DURATION_PART = /(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m)(?![a-z])/iy;

/** "1.5 hours", "45 min", "1h 30min" → minutes (unrounded); null when unreadable. */
function parseDuration(text: string): number | null {
  const input = text.trim().replace(/^(?:~|about\s+|approx\.?\s+)/i, "");
  let position = 0;
  let total = 0;
  let parts = 0;
  while (position < input.length) {
    DURATION_SEPARATOR.lastIndex = position;
    if (DURATION_SEPARATOR.exec(input) !== null) position = DURATION_SEPARATOR.lastIndex;
    if (position >= input.length) break;
    DURATION_PART.lastIndex = position;
    const part = DURATION_PART.exec(input);
    if (part === null) return null;
    const value = Number(part[1]);
    total += (part[2] ?? "").toLowerCase().startsWith("h") ? value * 60 : value;
    parts++;
    position = DURATION_PART.lastIndex;
  }
  return parts === 0 ? null : total;
}

/** Whole minutes, or a message saying what is wrong with the duration. */
function checkDuration(text: string, maxMinutes: number): number | string {
  const minutes = parseDuration(text);
  if (minutes === null) {
    return `cannot read the duration "(${text})": write it like ${DURATION_EXAMPLES}. If the parenthesis is part of the title, add the duration after it.`;
  }
  const rounded = Math.round(minutes);
  if (rounded < 1) return `the duration "(${text})" must be at least 1 minute.`;
  if (rounded > maxMinutes) {
    return `the duration "(${text})" is more than ${maxMinutes / 60} hours; check for a typo or split the reading up.`;
  }
  return rounded;
}

function applyEstimate(section: DraftSection, value: string, line: number, problems: ProblemList): void {
  if (section.estimatedMinutes !== null) {
    problems.add(line, `Section ${quote(section.heading)} already has an estimated reading time; keep one.`);
    return;
  }
  const minutes = parseDuration(value);
  if (minutes === null) {
    problems.add(line, `Cannot read the reading time ${quote(value)}: write it like "6 hours", "3.5 hours" or "45 min".`);
  } else if (Math.round(minutes) < 1) {
    problems.add(line, `The reading time ${quote(value)} must be at least 1 minute.`);
  } else if (Math.round(minutes) > MAX_SECTION_MINUTES) {
    problems.add(line, `The reading time ${quote(value)} is more than ${MAX_SECTION_MINUTES / 60} hours; check for a typo.`);
  } else {
    section.estimatedMinutes = Math.round(minutes);
  }
}

// ---------------------------------------------------------------------------
// Plain learning-path format

type PlainLine =
  | { readonly kind: "blank" }
  | { readonly kind: "section"; readonly week: WeekHeading; readonly text: string }
  | { readonly kind: "estimate"; readonly value: string; readonly text: string }
  | { readonly kind: "checkpoint"; readonly inline: string; readonly text: string }
  | { readonly kind: "checkbox"; readonly body: string; readonly text: string }
  | { readonly kind: "bullet"; readonly body: string; readonly text: string }
  | { readonly kind: "text"; readonly text: string };

const CHECKBOX_LINE = /^[-*•]\s*\[[ xX✓✔]?\]\s*(.*)$/;
const BULLET_LINE = /^[-*•]\s+(.*)$/;

function classifyPlainLine(raw: string): PlainLine {
  const text = raw.trim();
  if (text === "") return { kind: "blank" };
  const week = parseWeekHeading(text);
  if (week !== null) return { kind: "section", week, text };
  const estimate = /^estimated(?:\s+reading)?\s+time\s*:\s*(.*)$/i.exec(text);
  if (estimate !== null) return { kind: "estimate", value: estimate[1] ?? "", text };
  const checkpoint = /^checkpoint\s*(?::\s*(.*))?$/i.exec(text);
  if (checkpoint !== null) return { kind: "checkpoint", inline: (checkpoint[1] ?? "").trim(), text };
  const checkbox = CHECKBOX_LINE.exec(text);
  if (checkbox !== null) return { kind: "checkbox", body: (checkbox[1] ?? "").trim(), text };
  const bullet = BULLET_LINE.exec(text);
  if (bullet !== null) return { kind: "bullet", body: (bullet[1] ?? "").trim(), text };
  return { kind: "text", text };
}

/** A sentence rather than a short heading such as "Spring Boot Core". */
function looksLikeProse(text: string): boolean {
  return /[.!?]$/.test(text) || text.split(/\s+/).length > 10;
}

interface ClosingBlock {
  readonly heading: string;
  readonly line: number;
  readonly bullets: string[];
  readonly prose: string[];
}

function parseLearningPath(lines: readonly SourceLine[], problems: ProblemList): DraftCurriculum {
  const draft = emptyDraft(ITEM_EXAMPLE);
  const classified = lines.map((line) => classifyPlainLine(line.text));
  const nextContentIndex = (from: number): number => {
    for (let index = from; index < classified.length; index++) {
      if (classified[index]?.kind !== "blank") return index;
    }
    return classified.length;
  };

  let index = nextContentIndex(0);
  const titleLine = classified[index];
  if (titleLine?.kind === "text") {
    draft.title = titleLine.text;
    index = nextContentIndex(index + 1);
    const candidate = classified[index];
    // A line followed by a list is that list's heading ("Who This Is For"), not the description.
    if (candidate?.kind === "text" && classified[nextContentIndex(index + 1)]?.kind !== "bullet") {
      draft.description = candidate.text;
      index = nextContentIndex(index + 1);
    }
  } else if (titleLine !== undefined) {
    problems.add(lines[index]?.number ?? 1, `The first line should be the path's title (e.g. "Backend Engineer Learning Path").`);
  }

  let section: DraftSection | null = null;
  let group: string | null = null;
  let closing: { readonly startLine: number; readonly blocks: ClosingBlock[] } | null = null;

  for (; index < lines.length; index++) {
    const entry = classified[index];
    const lineNumber = lines[index]?.number ?? index + 1;
    if (entry === undefined || entry.kind === "blank") continue;

    if (entry.kind === "section") {
      if (entry.week.problem !== null) problems.add(lineNumber, entry.week.problem);
      if (closing !== null) {
        problems.add(
          lineNumber,
          `Section heading ${quote(entry.text)} comes after the closing part of the path (which starts on line ${closing.startLine}); move the closing lists to the end.`,
        );
        closing = null;
      }
      section = newSection(entry.text, entry.week, lineNumber);
      draft.sections.push(section);
      group = null;
      continue;
    }

    if (closing !== null) {
      const current = closing.blocks[closing.blocks.length - 1];
      if (entry.kind === "checkbox" && STRONGLY_KINDED_ITEM.test(entry.body)) {
        problems.add(
          lineNumber,
          `Item ${quote(entry.body)} comes after the closing part of the path (which starts on line ${closing.startLine}); move it into a section.`,
        );
      } else if (entry.kind === "checkbox" || entry.kind === "bullet") {
        current?.bullets.push(entry.body);
      } else if (current !== undefined && current.bullets.length === 0 && current.prose.length === 0) {
        current.prose.push(entry.text);
      } else {
        closing.blocks.push({ heading: entry.text, line: lineNumber, bullets: [], prose: [] });
      }
      continue;
    }

    if (section === null) {
      // The preamble ("Who This Is For", prerequisites) is not part of the outline.
      if (entry.kind === "checkbox") {
        problems.add(lineNumber, `Item before the first section: put it under a section heading such as "Week 1-2: Database Fundamentals".`);
      } else if (entry.kind === "estimate" || entry.kind === "checkpoint") {
        problems.add(lineNumber, `${quote(entry.text)} must come after a section heading such as "Week 1-2: Database Fundamentals".`);
      }
      continue;
    }

    switch (entry.kind) {
      case "estimate":
        applyEstimate(section, entry.value, lineNumber, problems);
        break;
      case "checkpoint": {
        if (section.checkpoint !== null) {
          problems.add(lineNumber, `Section ${quote(section.heading)} already has a Checkpoint (line ${section.checkpointLine ?? section.line}); keep one.`);
          break;
        }
        if (entry.inline !== "") {
          section.checkpoint = entry.inline;
          section.checkpointLine = lineNumber;
          break;
        }
        const nextIndex = nextContentIndex(index + 1);
        const next = classified[nextIndex];
        if (next?.kind === "text") {
          section.checkpoint = next.text;
          section.checkpointLine = lineNumber;
          index = nextIndex;
        } else {
          problems.add(lineNumber, `"Checkpoint" must be followed by the checkpoint paragraph on the next line.`);
        }
        break;
      }
      case "checkbox": {
        const item = parseKindedItem(entry.body, lineNumber, problems);
        if (item === null) section.rejectedItems++;
        else section.items.push({ ...item, group, track: null, line: lineNumber });
        break;
      }
      case "bullet":
        problems.add(lineNumber, `List line ${quote(entry.text)} inside section ${quote(section.heading)} is not an item: write it like ${ITEM_EXAMPLE}.`);
        break;
      case "text": {
        const next = classified[nextContentIndex(index + 1)];
        const nextIsItem = next?.kind === "checkbox";
        const endsWithColon = entry.text.endsWith(":");
        if (section.items.length === 0 && group === null && !endsWithColon && (looksLikeProse(entry.text) || !nextIsItem)) {
          section.summary.push(entry.text);
        } else if (nextIsItem) {
          group = entry.text.replace(/\s*:$/, "").trim();
          if (group === "") {
            problems.add(lineNumber, `A group heading needs a name before the colon.`);
            group = null;
          }
        } else if (section.items.length > 0 && (next === undefined || next.kind === "bullet" || next.kind === "text")) {
          // The path's closing part: outcomes, cross-references, "Total Progress".
          closing = { startLine: lineNumber, blocks: [{ heading: entry.text, line: lineNumber, bullets: [], prose: [] }] };
        } else {
          problems.add(
            lineNumber,
            `Unexpected line ${quote(entry.text)} in section ${quote(section.heading)}: expected an item (${ITEM_EXAMPLE}), a group heading followed by items, or "Checkpoint" followed by its paragraph.`,
          );
        }
        break;
      }
    }
  }

  for (const block of closing?.blocks ?? []) {
    if (/\b(?:be able to|outcomes?)\b/i.test(block.heading)) {
      draft.outcomes.push(...block.bullets);
      if (block.prose.length > 0) draft.notes.push(`${block.heading}: ${block.prose.join(" ")}`);
    } else {
      draft.notes.push(formatNote(block));
    }
  }
  return draft;
}

function formatNote(block: ClosingBlock): string {
  const opening = block.prose.length > 0 ? `${block.heading}: ${block.prose.join(" ")}` : block.heading;
  return [opening, ...block.bullets.map((bullet) => `- ${bullet}`)].join("\n");
}

// ---------------------------------------------------------------------------
// Markdown mastery-path format

const MARKDOWN_HEADING = /^(#{1,6})\s+(.*)$/;
const MARKDOWN_BULLET = /^(?:[-*+]|\d{1,3}[.)])\s+(.*)$/;
const MARKDOWN_CHECKBOX = /^\[[ xX✓✔]?\]\s*(.*)$/;
const BOLD_LABEL = /^\*\*([^*]+?)\*\*\s*(.*)$/;
const FRONT_MATTER_ENTRY = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/;

/** Removes Markdown emphasis and leading emoji so members read plain text. */
function cleanInline(text: string): string {
  return text
    .replace(/\*\*|__|`/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[\s\p{Extended_Pictographic}\p{So}\p{Co}\uFE0F\u200D\u20E3]+/u, "")
    .trim();
}

function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/.exec(value.trim());
  return match === null ? value.trim() : (match[2] ?? "");
}

function parseMarkdownPath(lines: readonly SourceLine[], problems: ProblemList): DraftCurriculum {
  const draft = emptyDraft(TOPIC_EXAMPLE);
  const frontMatter = new Map<string, string>();

  let index = lines.findIndex((line) => line.text.trim() !== "");
  const opening = lines[index];
  if (opening !== undefined && opening.text.trim() === "---") {
    const close = lines.findIndex((line, position) => position > index && (line.text.trim() === "---" || line.text.trim() === "..."));
    if (close < 0) {
      problems.add(opening.number, `The front matter that starts here has no closing "---" line.`);
      return draft;
    }
    for (const line of lines.slice(index + 1, close)) {
      const entry = FRONT_MATTER_ENTRY.exec(line.text);
      if (entry !== null) frontMatter.set(entry[1] ?? "", unquote(entry[2] ?? ""));
    }
    index = close + 1;
  }

  let block: { readonly isChecklist: boolean; readonly title: string } | null = null;
  let section: DraftSection | null = null;
  let group: string | null = null;
  let chooseOne = false;
  let checklistGroup: { readonly title: string; readonly items: string[] } | null = null;
  let fenceOpen = false;
  let description: "waiting" | "reading" | "done" = "done";
  const descriptionLines: string[] = [];

  for (; index < lines.length; index++) {
    const line = lines[index];
    if (line === undefined) continue;
    const text = line.text.trim();

    if (/^(?:```|~~~)/.test(text)) {
      fenceOpen = !fenceOpen;
      description = "done";
      continue;
    }
    if (fenceOpen) continue;
    if (text === "") {
      if (description === "reading") description = "done";
      continue;
    }

    const heading = MARKDOWN_HEADING.exec(text);
    if (heading !== null) {
      description = "done";
      const level = (heading[1] ?? "").length;
      const headingText = (heading[2] ?? "").replace(/\s+#+$/, "").trim();
      const cleaned = cleanInline(headingText);
      if (level === 1) {
        section = null;
        if (draft.title === null) {
          draft.title = cleaned;
          description = "waiting";
          if (cleaned === "") problems.add(line.number, `The title heading has no text.`);
        }
      } else if (level === 2) {
        section = null;
        checklistGroup = null;
        block = { isChecklist: /checklist/i.test(cleaned), title: cleaned };
      } else if (level === 3) {
        section = null;
        checklistGroup = null;
        const week = parsePhaseHeading(cleaned);
        if (week !== null) {
          if (week.problem !== null) problems.add(line.number, week.problem);
          section = newSection(cleaned, week, line.number);
          draft.sections.push(section);
          group = null;
          chooseOne = false;
        } else if (/^(?:phase|week|module|part|stage)\b/i.test(cleaned)) {
          problems.add(line.number, `Phase heading ${quote(cleaned)} needs a week range, e.g. "### Phase 1: Foundations (Weeks 1-4)".`);
        } else if (block?.isChecklist === true) {
          checklistGroup = { title: cleaned, items: [] };
          draft.checklist.push(checklistGroup);
        }
      } else if (section !== null) {
        group = cleaned === "" ? null : cleaned;
        chooseOne = /\b(?:choose|pick)\b/i.test(cleaned);
      }
      continue;
    }

    if (description !== "done") {
      if (MARKDOWN_BULLET.test(text) || /^(?:---|\*\*\*|>|\|)/.test(text)) {
        description = "done";
      } else {
        descriptionLines.push(text);
        description = "reading";
        continue;
      }
    }
    if (/^(?:-{3,}|\*{3,}|_{3,})$/.test(text)) continue; // horizontal rule

    if (section !== null) {
      const state = handlePhaseLine(section, text, line.number, { group, chooseOne }, problems);
      group = state.group;
      chooseOne = state.chooseOne;
      continue;
    }

    const bullet = MARKDOWN_BULLET.exec(text);
    if (block?.isChecklist === true && bullet !== null) {
      const body = bullet[1] ?? "";
      const entry = cleanInline(MARKDOWN_CHECKBOX.exec(body)?.[1] ?? body);
      if (entry === "") continue;
      if (checklistGroup === null) {
        checklistGroup = { title: block.title, items: [] };
        draft.checklist.push(checklistGroup);
      }
      checklistGroup.items.push(entry);
      continue;
    }
    const checkbox = bullet === null ? null : MARKDOWN_CHECKBOX.exec(bullet[1] ?? "");
    if (checkbox != null && STRONGLY_KINDED_ITEM.test(checkbox[1] ?? "")) {
      problems.add(line.number, `Item outside any phase: put it under a heading such as "### Phase 1: Foundations (Weeks 1-4)".`);
    }
  }

  const paragraph = cleanInline(descriptionLines.join(" "));
  draft.description = paragraph !== "" ? paragraph : (frontMatter.get("description") ?? "");
  if (draft.title === null || draft.title === "") {
    const fallback = frontMatter.get("title") ?? frontMatter.get("displayName") ?? "";
    if (fallback !== "") draft.title = cleanInline(fallback);
  }
  if (draft.title === null) {
    problems.add(1, `The curriculum has no title: start it with a heading such as "# Backend Engineer - Complete Mastery Path".`);
  }
  return draft;
}

interface PhaseState {
  readonly group: string | null;
  readonly chooseOne: boolean;
}

/** One line inside a phase: objective, sub-heading, "choose one" tracks, or a topic. */
function handlePhaseLine(section: DraftSection, text: string, line: number, state: PhaseState, problems: ProblemList): PhaseState {
  const push = (title: string, kind: ItemKind, group: string | null, track: string | null, minutes: number | null = null): void => {
    if (title === "") {
      problems.add(line, `Empty topic in phase ${quote(section.heading)}: write it like ${TOPIC_EXAMPLE} or remove the line.`);
      section.rejectedItems++;
      return;
    }
    section.items.push({ title, kind, minutes, group, track, line });
  };

  const bullet = MARKDOWN_BULLET.exec(text);
  if (bullet !== null) {
    const body = (bullet[1] ?? "").trim();
    const checkbox = MARKDOWN_CHECKBOX.exec(body);
    if (checkbox !== null && STRONGLY_KINDED_ITEM.test(checkbox[1] ?? "")) {
      const item = parseKindedItem((checkbox[1] ?? "").trim(), line, problems);
      if (item === null) section.rejectedItems++;
      else push(cleanInline(item.title), item.kind, state.group, null, item.minutes);
      return state;
    }
    const topic = checkbox === null ? body : (checkbox[1] ?? "");
    const label = state.chooseOne ? BOLD_LABEL.exec(topic) : null;
    if (label !== null) {
      const track = cleanInline((label[1] ?? "").replace(/:\s*$/, ""));
      const details = cleanInline((label[2] ?? "").replace(/^:\s*/, ""));
      push(details === "" ? track : `${track}: ${details}`, ItemKind.Optional, state.group, track === "" ? null : track);
    } else {
      push(cleanInline(topic), ItemKind.Required, state.group, null);
    }
    return state;
  }

  const label = BOLD_LABEL.exec(text);
  if (label !== null) {
    const name = cleanInline((label[1] ?? "").replace(/:\s*$/, ""));
    const rest = (label[2] ?? "").replace(/^:\s*/, "").trim();
    if (/^(?:objective|goals?|summary|focus)$/i.test(name)) {
      if (rest !== "") section.summary.push(cleanInline(rest));
      return state;
    }
    if (/^(?:estimated(?: reading)? time|reading time|time)$/i.test(name)) {
      applyEstimate(section, rest, line, problems);
      return state;
    }
    if (/^checkpoint$/i.test(name)) {
      if (section.checkpoint !== null) {
        problems.add(line, `Phase ${quote(section.heading)} already has a Checkpoint (line ${section.checkpointLine ?? section.line}); keep one.`);
      } else if (rest === "") {
        problems.add(line, `Write the checkpoint text on the same line: "**Checkpoint:** After this phase you can …".`);
      } else {
        section.checkpoint = cleanInline(rest);
        section.checkpointLine = line;
      }
      return state;
    }
    const group = name === "" ? null : name;
    if (rest === "") return { group, chooseOne: /\b(?:choose|pick)\b/i.test(name) };
    // "**For all:** Design patterns, …" is one topic in its own group.
    push(cleanInline(rest), ItemKind.Required, group, null);
    return { group, chooseOne: false };
  }

  if (section.items.length === 0) section.summary.push(cleanInline(text));
  return state;
}

// ---------------------------------------------------------------------------
// Validation and keys

function sectionKey(section: DraftSection): string {
  const weeks = section.weekStart === section.weekEnd ? `w${section.weekStart}` : `w${section.weekStart}-${section.weekEnd}`;
  return `${weeks}-${slugify(section.title, KEY_SLUG_LENGTH)}`;
}

function finish(draft: DraftCurriculum, problems: ProblemList): ParseResult {
  if (draft.sections.length === 0) {
    problems.add(
      1,
      `No sections found. Sections start with a heading such as "Week 1-2: Database Fundamentals" (or "### Phase 1: Foundations (Weeks 1-4)" in Markdown), followed by their items.`,
    );
  }

  const headingLines = new Map<string, number>();
  const keyLines = new Map<string, number>();
  const keys: string[] = [];
  for (const section of draft.sections) {
    const key = sectionKey(section);
    keys.push(key);
    if (section.items.length === 0 && section.rejectedItems === 0 && !section.broken) {
      problems.add(section.line, `Section ${quote(section.heading)} has no items: add at least one line like ${draft.itemExample} under it.`);
    }
    if (section.broken) continue;
    const identity = `${section.weekStart}-${section.weekEnd}:${section.title.toLowerCase().replace(/\s+/g, " ")}`;
    const sameHeading = headingLines.get(identity);
    const sameKey = keyLines.get(key);
    if (sameHeading !== undefined) {
      problems.add(section.line, `Section heading ${quote(section.heading)} repeats the one on line ${sameHeading}: merge the two sections or rename one.`);
    } else if (sameKey !== undefined) {
      problems.add(section.line, `Section ${quote(section.heading)} would get the same identity as the section on line ${sameKey}; give it a more distinct title.`);
    }
    headingLines.set(identity, headingLines.get(identity) ?? section.line);
    keyLines.set(key, keyLines.get(key) ?? section.line);
  }

  const title = draft.title ?? "";
  if (!problems.isEmpty || title === "") {
    if (problems.isEmpty) problems.add(1, "The curriculum has no title: its first line should be the path's title.");
    return refuse(problems.report());
  }

  const sections: ParsedSection[] = draft.sections.map((section, position) => {
    const key = keys[position] ?? sectionKey(section);
    return {
      key,
      title: section.title,
      weekStart: section.weekStart,
      weekEnd: section.weekEnd,
      estimatedMinutes: section.estimatedMinutes,
      summary: section.summary.join(" "),
      checkpoint: section.checkpoint,
      items: keyedItems(key, section.items),
      line: section.line,
    };
  });
  const checklist: ChecklistGroup[] = draft.checklist
    .filter((group) => group.items.length > 0)
    .map((group) => ({ title: group.title, items: [...group.items] }));

  return {
    ok: true,
    curriculum: {
      slug: slugify(title),
      title,
      description: draft.description,
      totalWeeks: sections.reduce((latest, section) => Math.max(latest, section.weekEnd), 0),
      sections,
      outcomes: [...draft.outcomes],
      checklist,
      notes: [...draft.notes],
    },
  };
}

/**
 * Item keys depend only on the section, group and title, so editing minutes or
 * adding items elsewhere leaves them alone; a repeat in the same scope gets "#2".
 */
function keyedItems(sectionKeyText: string, items: readonly DraftItem[]): ParsedItem[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const groupSlug = item.group === null ? "-" : slugify(item.group, KEY_SLUG_LENGTH);
    const scope = `${sectionKeyText}/${groupSlug}/${slugify(item.title, KEY_SLUG_LENGTH)}`;
    const count = (seen.get(scope) ?? 0) + 1;
    seen.set(scope, count);
    return {
      key: count === 1 ? scope : `${scope}#${count}`,
      title: item.title,
      kind: item.kind,
      minutes: item.minutes,
      group: item.group,
      track: item.track,
      line: item.line,
    };
  });
}
