/**
 * The plain learning-path format: a title line, an optional description, a
 * preamble, then sections
 *
 *     Week 1-2: Database Fundamentals        (also "## Week 1-2: …" at any heading level,
 *                                             or "Phase 1: Foundations (Weeks 1-4)")
 *     Estimated reading time: 6 hours
 *     - [ ] Required -- Storage Engines (30 min)
 *     Checkpoint
 *     After this section you should be able to …
 *
 * and an optional closing part (outcomes, notes) after the last section.
 */
import { DocumentFormat, emptyDraft, newSection, type DraftCurriculum, type DraftSection } from "./draft.js";
import {
  applyEstimate,
  endsWithDuration,
  parseKindedItem,
  reportItemWithoutCheckbox,
  reportRepeatedCheckpoint,
  STRONGLY_KINDED_ITEM,
} from "./items.js";
import { ProblemCode } from "./problemCodes.js";
import { showsSomething } from "../../text/hiddenCharacters.js";
import type { ProblemList } from "./ProblemList.js";
import { excerpt, SkipReason, type LineLedger, type SourceLine } from "./sourceLines.js";
import { parsePhaseHeading, reportHeadingProblem, type WeekHeading } from "./weekHeading.js";

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
  // A section heading may be written as a Markdown heading of any level, and as a phase.
  const headingText = text.replace(/^#{1,6}\s+/, "");
  const week = parsePhaseHeading(headingText);
  if (week !== null) return { kind: "section", week, text: headingText };
  const estimate = /^estimated(?:\s+reading)?\s+time\s*:\s*(.*)$/i.exec(text);
  if (estimate !== null) return { kind: "estimate", value: estimate[1] ?? "", text };
  // Also bold, as the Markdown format writes it: "**Checkpoint:** …", "**Checkpoint**: …".
  const checkpoint = /^(?:checkpoint\s*(?::\s*(.*))?|(\*\*|__)checkpoint\s*(?::\s*\2|\2\s*:?)\s*(.*))$/i.exec(text);
  if (checkpoint !== null) return { kind: "checkpoint", inline: (checkpoint[1] ?? checkpoint[3] ?? "").trim(), text };
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

/** Everything the reader of one document carries from line to line. */
interface PlainReader {
  readonly lines: readonly SourceLine[];
  readonly classified: readonly PlainLine[];
  readonly problems: ProblemList;
  readonly ledger: LineLedger;
  readonly draft: DraftCurriculum;
  section: DraftSection | null;
  group: string | null;
  closing: { readonly startLine: number; readonly blocks: ClosingBlock[] } | null;
}

export function parseLearningPath(lines: readonly SourceLine[], problems: ProblemList, ledger: LineLedger): DraftCurriculum {
  const reader: PlainReader = {
    lines,
    classified: lines.map((line) => classifyPlainLine(line.text)),
    problems,
    ledger,
    draft: emptyDraft(DocumentFormat.Plain),
    section: null,
    group: null,
    closing: null,
  };
  for (let index = readTitle(reader); index < lines.length; index++) {
    index = readLine(reader, index);
  }
  storeClosing(reader);
  return reader.draft;
}

function nextContentIndex(reader: PlainReader, from: number): number {
  for (let index = from; index < reader.classified.length; index++) {
    if (reader.classified[index]?.kind !== "blank") return index;
  }
  return reader.classified.length;
}

function lineNumberAt(reader: PlainReader, index: number): number {
  return reader.lines[index]?.number ?? index + 1;
}

/** The title and description lines; returns where the body starts. */
function readTitle(reader: PlainReader): number {
  const { classified, draft } = reader;
  let index = nextContentIndex(reader, 0);
  const titleLine = classified[index];
  if (titleLine?.kind !== "text") {
    if (titleLine !== undefined) reader.problems.add(lineNumberAt(reader, index), ProblemCode.TitleNotFirst);
    return index;
  }
  draft.title = titleLine.text;
  draft.titleLine = lineNumberAt(reader, index);
  reader.ledger.use(draft.titleLine);
  index = nextContentIndex(reader, index + 1);
  const candidate = classified[index];
  // A line followed by a list is that list's heading ("Who This Is For"), not the description.
  if (candidate?.kind === "text" && classified[nextContentIndex(reader, index + 1)]?.kind !== "bullet") {
    draft.description = candidate.text;
    reader.ledger.use(lineNumberAt(reader, index));
    index = nextContentIndex(reader, index + 1);
  }
  return index;
}

/** One line of the body; returns the index of the last line it consumed. */
function readLine(reader: PlainReader, index: number): number {
  const entry = reader.classified[index];
  const lineNumber = lineNumberAt(reader, index);
  if (entry === undefined || entry.kind === "blank") return index;
  if (entry.kind === "section") {
    startSection(reader, entry, lineNumber);
    return index;
  }
  if (reader.closing !== null) {
    readClosingLine(reader, entry, lineNumber);
    return index;
  }
  if (reader.section === null) {
    readPreambleLine(reader, entry, lineNumber);
    return index;
  }
  return readSectionLine(reader, reader.section, index);
}

function startSection(reader: PlainReader, entry: Extract<PlainLine, { kind: "section" }>, lineNumber: number): void {
  reportHeadingProblem(entry.week, lineNumber, reader.problems);
  if (reader.closing !== null) {
    reader.problems.add(lineNumber, ProblemCode.SectionAfterClosing, {
      heading: excerpt(entry.text),
      closingLine: reader.closing.startLine,
    });
    reader.closing = null;
  }
  reader.section = newSection(entry.text, entry.week, lineNumber);
  reader.draft.sections.push(reader.section);
  reader.group = null;
  reader.ledger.use(lineNumber);
}

function readClosingLine(reader: PlainReader, entry: Exclude<PlainLine, { kind: "blank" | "section" }>, lineNumber: number): void {
  const closing = reader.closing;
  if (closing === null) return;
  const current = closing.blocks[closing.blocks.length - 1];
  if (entry.kind === "checkbox" && STRONGLY_KINDED_ITEM.test(entry.body)) {
    reader.problems.add(lineNumber, ProblemCode.ItemAfterClosing, { item: excerpt(entry.body), closingLine: closing.startLine });
    return;
  }
  if (entry.kind === "checkbox" || entry.kind === "bullet") {
    current?.bullets.push(entry.body);
  } else if (current !== undefined && current.bullets.length === 0 && current.prose.length === 0) {
    current.prose.push(entry.text);
  } else {
    closing.blocks.push({ heading: entry.text, line: lineNumber, bullets: [], prose: [] });
  }
  reader.ledger.use(lineNumber);
}

/** The preamble ("Who This Is For", prerequisites) is not part of the outline. */
function readPreambleLine(reader: PlainReader, entry: Exclude<PlainLine, { kind: "blank" | "section" }>, lineNumber: number): void {
  if (entry.kind === "checkbox") {
    reader.problems.add(lineNumber, ProblemCode.ItemBeforeFirstSection);
  } else if (entry.kind === "estimate" || entry.kind === "checkpoint") {
    reader.problems.add(lineNumber, ProblemCode.NeedsSectionFirst, { text: excerpt(entry.text) });
  } else {
    reader.ledger.skip(lineNumber, SkipReason.Preamble);
  }
}

function readSectionLine(reader: PlainReader, section: DraftSection, index: number): number {
  const entry = reader.classified[index];
  const lineNumber = lineNumberAt(reader, index);
  switch (entry?.kind) {
    case "estimate":
      applyEstimate(section, entry.value, lineNumber, reader.problems);
      reader.ledger.use(lineNumber);
      return index;
    case "checkpoint":
      return readCheckpoint(reader, section, entry.inline, index);
    case "checkbox": {
      const item = parseKindedItem(entry.body, lineNumber, reader.problems);
      if (item === null) section.rejectedItems++;
      else section.items.push({ ...item, group: reader.group, track: null, line: lineNumber });
      reader.ledger.use(lineNumber);
      return index;
    }
    case "bullet":
      reader.problems.add(lineNumber, ProblemCode.ListLineNotItem, { text: excerpt(entry.text), section: excerpt(section.heading) });
      return index;
    case "text":
      readSectionText(reader, section, entry.text, index);
      return index;
    default:
      return index;
  }
}

/** "Checkpoint: text" or "Checkpoint" followed by its paragraph; returns the last line consumed. */
function readCheckpoint(reader: PlainReader, section: DraftSection, inline: string, index: number): number {
  const lineNumber = lineNumberAt(reader, index);
  if (section.checkpoint !== null) {
    reportRepeatedCheckpoint(section, lineNumber, reader.problems);
    return index;
  }
  if (inline !== "") {
    section.checkpoint = inline;
    section.checkpointLine = lineNumber;
    reader.ledger.use(lineNumber);
    return index;
  }
  const nextIndex = nextContentIndex(reader, index + 1);
  const next = reader.classified[nextIndex];
  if (next?.kind !== "text") {
    reader.problems.add(lineNumber, ProblemCode.CheckpointWithoutText);
    return index;
  }
  section.checkpoint = next.text;
  section.checkpointLine = lineNumber;
  reader.ledger.use(lineNumber);
  reader.ledger.use(lineNumberAt(reader, nextIndex));
  return nextIndex;
}

/**
 * An item written without its "- [ ]": "1. Required -- Title (30 min)", "Required
 * -- Title (30 min)", "+ [ ] Optional -- …", "☐ Required -- …". Read as text, it
 * would become a group label or a closing note and the item would vanish without
 * a word. Without a checkbox of its own, a line led by a kind is such an item only
 * when it ends in a duration: "Optional — for the curious", "1) Optional: extras"
 * and "Required — read these before Friday's call" stay group labels or prose.
 */
const KIND_LED_LINE = /^(?:(?:\d{1,3}[.)]|\+)\s*)?(\[[ xX✓✔]?\]|[☐☑])?\s*(?:required|optional|reference)\s*(?:--|—|–|-|:)(.*)$/i;

function looksLikeItemLine(text: string): boolean {
  const match = KIND_LED_LINE.exec(text);
  if (match === null) return false;
  return match[1] !== undefined || endsWithDuration(match[2] ?? "");
}

/** A text line inside a section: its summary, a group heading, the start of the closing part, or a mistake. */
function readSectionText(reader: PlainReader, section: DraftSection, text: string, index: number): void {
  const lineNumber = lineNumberAt(reader, index);
  if (looksLikeItemLine(text)) {
    reportItemWithoutCheckbox(reader.problems, lineNumber, {
      text,
      heading: section.heading,
      rest: KIND_LED_LINE.exec(text)?.[2] ?? "",
    });
    return;
  }
  const next = reader.classified[nextContentIndex(reader, index + 1)];
  const nextIsItem = next?.kind === "checkbox";
  if (section.items.length === 0 && reader.group === null && !text.endsWith(":") && (looksLikeProse(text) || !nextIsItem)) {
    section.summary.push(text);
    reader.ledger.use(lineNumber);
  } else if (nextIsItem) {
    const group = text.replace(/\s*:$/, "").trim();
    // A label of only invisible characters shows as nothing: no name either.
    const named = showsSomething(group);
    reader.group = named ? group : null;
    if (!named) reader.problems.add(lineNumber, ProblemCode.GroupWithoutName);
    else reader.ledger.use(lineNumber);
  } else if (section.items.length > 0 && (next === undefined || next.kind === "bullet" || next.kind === "text")) {
    // The path's closing part: outcomes, cross-references, "Total Progress".
    reader.closing = { startLine: lineNumber, blocks: [{ heading: text, line: lineNumber, bullets: [], prose: [] }] };
    reader.ledger.use(lineNumber);
  } else {
    reader.problems.add(lineNumber, ProblemCode.UnexpectedLine, {
      text: excerpt(text),
      section: excerpt(section.heading),
      format: DocumentFormat.Plain,
    });
  }
}

function storeClosing(reader: PlainReader): void {
  const { draft } = reader;
  for (const block of reader.closing?.blocks ?? []) {
    if (/\b(?:be able to|outcomes?)\b/i.test(block.heading) && block.bullets.length === 0 && block.prose.length === 0) {
      // A lone sentence ("After this path you will be able to ship …") is the outcome itself; a lone heading stays a note.
      if (looksLikeProse(block.heading)) draft.outcomes.push(block.heading);
      else draft.notes.push(formatNote(block));
    } else if (/\b(?:be able to|outcomes?)\b/i.test(block.heading)) {
      draft.outcomes.push(...block.bullets);
      if (block.prose.length > 0) draft.notes.push(`${block.heading}: ${block.prose.join(" ")}`);
    } else {
      draft.notes.push(formatNote(block));
    }
  }
}

function formatNote(block: ClosingBlock): string {
  const opening = block.prose.length > 0 ? `${block.heading}: ${block.prose.join(" ")}` : block.heading;
  return [opening, ...block.bullets.map((bullet) => `- ${bullet}`)].join("\n");
}
