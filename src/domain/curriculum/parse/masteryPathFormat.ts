/**
 * The Markdown mastery-path format: optional front matter, a "# Title"
 * heading with its paragraph, blocks under "## …" headings, and phases
 *
 *     ### Phase 1: Foundations (Weeks 1-4)     (any heading level, or "Week 1-2: Title")
 *     **Objective:** …
 *     - Internet fundamentals: HTTP, DNS, TCP/IP
 *
 * A "## … Checklist" block becomes the success checklist; other blocks
 * outside the phases are not part of the outline.
 */
import { DocumentFormat, emptyDraft, newSection, type DraftCurriculum, type DraftSection } from "./draft.js";
import { readFrontMatter } from "./frontMatter.js";
import { STRONGLY_KINDED_ITEM } from "./items.js";
import { CODE_FENCE, HORIZONTAL_RULE, MARKDOWN_BULLET, MARKDOWN_CHECKBOX, MARKDOWN_HEADING, cleanInline } from "./markdownText.js";
import { readPhaseLine } from "./phaseLines.js";
import { ProblemCode } from "./problemCodes.js";
import type { ProblemList } from "./ProblemList.js";
import { excerpt, SkipReason, type LineLedger, type SourceLine } from "./sourceLines.js";
import { parsePhaseHeading, plainWeekHeading, readsAsSectionHeading, reportHeadingProblem, type WeekHeading } from "./weekHeading.js";
import { showsSomething } from "../../text/hiddenCharacters.js";

interface OpenFence {
  readonly line: number;
  /** "```" or "~~~~": the closing fence is a bare line of the same character, at least as long (as in CommonMark). */
  readonly marker: string;
  /** The first line inside that reads as a section heading: hidden sections are refused, not dropped. */
  hiddenSection: number | null;
}

interface MarkdownReader {
  readonly problems: ProblemList;
  readonly ledger: LineLedger;
  readonly draft: DraftCurriculum;
  block: { readonly isChecklist: boolean; readonly title: string } | null;
  section: DraftSection | null;
  group: string | null;
  chooseOne: boolean;
  checklistGroup: { readonly title: string; readonly items: string[] } | null;
  /** The code block that is open, or null. */
  openFence: OpenFence | null;
  description: "waiting" | "reading" | "done";
  readonly descriptionLines: string[];
}

export function parseMarkdownPath(lines: readonly SourceLine[], problems: ProblemList, ledger: LineLedger): DraftCurriculum {
  const reader: MarkdownReader = {
    problems,
    ledger,
    draft: emptyDraft(DocumentFormat.Markdown),
    block: null,
    section: null,
    group: null,
    chooseOne: false,
    checklistGroup: null,
    openFence: null,
    description: "done",
    descriptionLines: [],
  };
  const frontMatter = readFrontMatter(lines, problems, ledger);
  if (frontMatter === null) return reader.draft;
  for (const line of lines.slice(frontMatter.bodyStart)) readLine(reader, line);
  // An open fence would hide everything after it: refuse rather than import half the path.
  if (reader.openFence !== null) problems.add(reader.openFence.line, ProblemCode.CodeBlockUnclosed);
  finishTitle(reader, frontMatter.entries);
  return reader.draft;
}

function readLine(reader: MarkdownReader, line: SourceLine): void {
  const text = line.text.trim();
  if (readCodeBlockLine(reader, text, line.number)) return;
  if (text === "") {
    if (reader.description === "reading") reader.description = "done";
    return;
  }
  const heading = MARKDOWN_HEADING.exec(text);
  if (heading !== null) {
    reader.description = "done";
    readHeading(reader, (heading[1] ?? "").length, cleanInline((heading[2] ?? "").replace(/\s+#+$/, "").trim()), line.number);
    return;
  }
  const week = plainWeekHeading(text);
  if (week !== null) {
    reader.description = "done";
    startSection(reader, text, week, line.number);
    return;
  }
  if (readDescription(reader, text, line.number)) return;
  if (HORIZONTAL_RULE.test(text)) {
    reader.ledger.skip(line.number, SkipReason.Decoration);
    return;
  }
  if (reader.section !== null) {
    const state = readPhaseLine(
      reader.section,
      text,
      line.number,
      { group: reader.group, chooseOne: reader.chooseOne },
      reader.problems,
      reader.ledger,
    );
    reader.group = state.group;
    reader.chooseOne = state.chooseOne;
    return;
  }
  readOutsidePhase(reader, text, line.number);
}

/** Fences and the lines between them; true when the line belongs to a code block. */
function readCodeBlockLine(reader: MarkdownReader, text: string, line: number): boolean {
  const fence = reader.openFence;
  if (fence === null) {
    const opening = CODE_FENCE.exec(text);
    if (opening === null) return false;
    reader.openFence = { line, marker: opening[1] ?? "```", hiddenSection: null };
    reader.description = "done";
  } else if (text.startsWith(fence.marker) && new RegExp(`^${fence.marker[0] === "~" ? "~" : "`"}+$`).test(text)) {
    if (fence.hiddenSection !== null)
      reader.problems.add(fence.line, ProblemCode.CodeBlockHidesSection, { sectionLine: fence.hiddenSection });
    reader.openFence = null;
  } else if (fence.hiddenSection === null && readsAsSectionHeading(text)) {
    fence.hiddenSection = line;
  }
  if (text !== "") reader.ledger.skip(line, SkipReason.CodeBlock);
  return true;
}

/** The paragraph under the title heading; true when the line was part of it. */
function readDescription(reader: MarkdownReader, text: string, line: number): boolean {
  if (reader.description === "done") return false;
  if (MARKDOWN_BULLET.test(text) || /^(?:---|\*\*\*|>|\|)/.test(text)) {
    reader.description = "done";
    return false;
  }
  reader.descriptionLines.push(text);
  reader.description = "reading";
  reader.ledger.use(line);
  return true;
}

function readHeading(reader: MarkdownReader, level: number, cleaned: string, line: number): void {
  const isTitle = level === 1 && reader.draft.title === null;
  const week = isTitle ? null : parsePhaseHeading(cleaned);
  // At level 3, where phases live, a heading that tries to be one is reported; elsewhere it must read as one.
  if (week !== null && (level === 3 || week.problem?.code !== ProblemCode.HeadingUnreadable)) {
    startSection(reader, cleaned, week, line);
    return;
  }
  if (level <= 3) reader.section = null;
  if (level === 2 || level === 3) reader.checklistGroup = null;
  if (isTitle) {
    readTitleHeading(reader, cleaned, line);
  } else if (level === 2) {
    reader.block = { isChecklist: /checklist/i.test(cleaned), title: cleaned };
    reader.ledger.skip(line, SkipReason.Decoration);
  } else if (level === 3) {
    readLevelThreeHeading(reader, cleaned, line);
  } else if (level >= 4 && reader.section !== null) {
    // A heading of only invisible characters shows as nothing: no group.
    reader.group = showsSomething(cleaned) ? cleaned : null;
    reader.chooseOne = /\b(?:choose|pick)\b/i.test(cleaned);
    reader.ledger.use(line);
  } else {
    reader.ledger.skip(line, SkipReason.OutsideOutline);
  }
}

function readTitleHeading(reader: MarkdownReader, cleaned: string, line: number): void {
  reader.draft.title = cleaned;
  reader.draft.titleLine = line;
  reader.description = "waiting";
  if (!showsSomething(cleaned)) reader.problems.add(line, ProblemCode.TitleHeadingEmpty);
  else reader.ledger.use(line);
}

/** A level-3 heading that is not a phase: a phase missing its weeks, a checklist group, or decoration. */
function readLevelThreeHeading(reader: MarkdownReader, cleaned: string, line: number): void {
  if (/^(?:phase|week|module|part|stage)\b/i.test(cleaned)) {
    reader.problems.add(line, ProblemCode.PhaseWithoutWeeks, { heading: excerpt(cleaned) });
  } else if (reader.block?.isChecklist === true) {
    reader.checklistGroup = { title: cleaned, items: [] };
    reader.draft.checklist.push(reader.checklistGroup);
    reader.ledger.use(line);
  } else {
    reader.ledger.skip(line, SkipReason.OutsideOutline);
  }
}

function startSection(reader: MarkdownReader, heading: string, week: WeekHeading, line: number): void {
  reportHeadingProblem(week, line, reader.problems);
  reader.section = newSection(heading, week, line);
  reader.draft.sections.push(reader.section);
  reader.checklistGroup = null;
  reader.group = null;
  reader.chooseOne = false;
  reader.ledger.use(line);
}

/** Checklist entries, an item outside any phase (a mistake), or prose of a block outside the outline. */
function readOutsidePhase(reader: MarkdownReader, text: string, line: number): void {
  const bullet = MARKDOWN_BULLET.exec(text);
  if (reader.block?.isChecklist === true && bullet !== null) {
    const body = bullet[1] ?? "";
    const entry = cleanInline(MARKDOWN_CHECKBOX.exec(body)?.[1] ?? body);
    if (entry === "") {
      reader.ledger.skip(line, SkipReason.Decoration);
      return;
    }
    if (reader.checklistGroup === null) {
      reader.checklistGroup = { title: reader.block.title, items: [] };
      reader.draft.checklist.push(reader.checklistGroup);
    }
    reader.checklistGroup.items.push(entry);
    reader.ledger.use(line);
    return;
  }
  const checkbox = bullet === null ? null : MARKDOWN_CHECKBOX.exec(bullet[1] ?? "");
  if (checkbox != null && STRONGLY_KINDED_ITEM.test(checkbox[1] ?? "")) {
    reader.problems.add(line, ProblemCode.ItemOutsidePhase);
  } else {
    reader.ledger.skip(line, SkipReason.OutsideOutline);
  }
}

function finishTitle(reader: MarkdownReader, frontMatter: ReadonlyMap<string, string>): void {
  const { draft } = reader;
  const paragraph = cleanInline(reader.descriptionLines.join(" "));
  draft.description = paragraph !== "" ? paragraph : (frontMatter.get("description") ?? "");
  if (draft.title === null || draft.title === "") {
    const fallback = frontMatter.get("title") ?? frontMatter.get("displayName") ?? "";
    if (fallback !== "") draft.title = cleanInline(fallback);
  }
  if (draft.title === null) reader.problems.add(1, ProblemCode.TitleMissing, { format: draft.format });
}
