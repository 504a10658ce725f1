/** Checks a finished draft as a whole (sections, limits, identities) and gives every section and item its key. */
import { codePointCount } from "../../text/characters.js";
import type { ChecklistGroup, ParseResult, ParsedItem, ParsedSection } from "../curriculumModel.js";
import { slugify } from "../slugify.js";
import { readsAs } from "../typedItem.js";
import type { DraftCurriculum, DraftItem, DraftSection } from "./draft.js";
import { MAX_ITEMS_PER_SECTION, MAX_SECTIONS, MAX_TITLE_CHARACTERS } from "./limits.js";
import { ProblemCode } from "./problemCodes.js";
import type { ProblemList } from "./ProblemList.js";
import { excerpt } from "./sourceLines.js";
import { showsSomething } from "../../text/hiddenCharacters.js";

const KEY_SLUG_LENGTH = 60;

/** Problems that refuse or hide a section heading: the weeks it would have covered look like a gap. */
const headingProblems: ReadonlySet<ProblemCode> = new Set([
  ProblemCode.LineTooLong,
  ProblemCode.ControlCharacters,
  ProblemCode.CodeBlockUnclosed,
  ProblemCode.CodeBlockHidesSection,
  ProblemCode.FrontMatterUnclosed,
  ProblemCode.FrontMatterHidesSection,
  ProblemCode.HeadingUnreadable,
  ProblemCode.WeekZero,
  ProblemCode.WeekRangeBackwards,
  ProblemCode.WeekBeyondLimit,
  ProblemCode.HeadingWithoutTitle,
  ProblemCode.PhaseWithoutWeeks,
  ProblemCode.SectionAfterClosing,
]);

function sectionKey(section: DraftSection): string {
  const weeks = section.weekStart === section.weekEnd ? `w${section.weekStart}` : `w${section.weekStart}-${section.weekEnd}`;
  return `${weeks}-${slugify(section.title, KEY_SLUG_LENGTH)}`;
}

export function finishCurriculum(draft: DraftCurriculum, problems: ProblemList): ParseResult {
  if (draft.sections.length === 0) problems.add(1, ProblemCode.NoSections);
  if (draft.sections.length > MAX_SECTIONS) {
    problems.add(draft.sections[MAX_SECTIONS]?.line ?? 1, ProblemCode.TooManySections, {
      count: draft.sections.length,
      limit: MAX_SECTIONS,
    });
  }
  checkTitleLengths(draft, problems);
  const keys = draft.sections.map(sectionKey);
  checkSections(draft, keys, problems);
  // A heading refused or swallowed above already leaves a hole in the weeks: no second message for it.
  if (![...problems.codes].some((code) => headingProblems.has(code))) checkWeekCoverage(draft, problems);
  checkRepeatedItems(draft, problems);

  const title = draft.title ?? "";
  if (!problems.isEmpty || !showsSomething(title)) {
    if (problems.isEmpty) problems.add(1, ProblemCode.TitleMissing, { format: draft.format });
    return { ok: false, problems: problems.report() };
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
 * The next heading was refused and holds items: they were most likely meant for
 * this section, so calling it empty as well would only send the author looking.
 */
function takenByRefusedHeading(draft: DraftCurriculum, position: number): boolean {
  const next = draft.sections[position + 1];
  return next !== undefined && next.broken && next.items.length + next.rejectedItems > 0;
}

/** Empty, oversized and repeated sections; a section whose key another one already has. */
function checkSections(draft: DraftCurriculum, keys: readonly string[], problems: ProblemList): void {
  const headingLines = new Map<string, number>();
  const keyLines = new Map<string, number>();
  for (const [position, section] of draft.sections.entries()) {
    const key = keys[position] ?? sectionKey(section);
    if (section.items.length === 0 && section.rejectedItems === 0 && !section.broken && !takenByRefusedHeading(draft, position)) {
      problems.add(section.line, ProblemCode.SectionWithoutItems, { section: excerpt(section.heading), format: draft.format });
    }
    if (section.items.length > MAX_ITEMS_PER_SECTION) {
      const line = section.items[MAX_ITEMS_PER_SECTION]?.line ?? section.line;
      problems.add(line, ProblemCode.TooManyItems, {
        section: excerpt(section.heading),
        count: section.items.length,
        limit: MAX_ITEMS_PER_SECTION,
      });
    }
    if (section.broken) continue;
    const identity = `${section.weekStart}-${section.weekEnd}:${section.title.toLowerCase().replace(/\s+/g, " ")}`;
    const sameHeading = headingLines.get(identity);
    const sameKey = keyLines.get(key);
    if (sameHeading !== undefined) {
      problems.add(section.line, ProblemCode.DuplicateSection, { section: excerpt(section.heading), firstLine: sameHeading });
    } else if (sameKey !== undefined) {
      problems.add(section.line, ProblemCode.DuplicateSectionKey, { section: excerpt(section.heading), firstLine: sameKey });
    }
    headingLines.set(identity, headingLines.get(identity) ?? section.line);
    keyLines.set(key, keyLines.get(key) ?? section.line);
  }
}

/**
 * Every week from 1 to the last must have a section: a cohort starts in week 1, and a week no
 * section covers would leave it with nothing to read (a week off is `/cohort break`, per cohort).
 * Overlaps and sections written out of order are fine.
 */
function checkWeekCoverage(draft: DraftCurriculum, problems: ProblemList): void {
  const byStart = [...draft.sections].sort((a, b) => a.weekStart - b.weekStart || a.line - b.line);
  const [first] = byStart;
  if (first !== undefined && first.weekStart > 1) {
    problems.add(first.line, ProblemCode.FirstWeekNotOne, {
      section: excerpt(first.heading),
      week: first.weekStart,
      before: first.weekStart - 1,
    });
    return;
  }
  let covered = 0;
  let coveringLine = 1;
  for (const section of byStart) {
    if (section.weekStart > covered + 1) {
      problems.add(section.line, ProblemCode.WeekGap, {
        section: excerpt(section.heading),
        start: section.weekStart,
        from: covered + 1,
        to: section.weekStart - 1,
        count: section.weekStart - 1 - covered,
        previousLine: coveringLine,
        previousEnd: covered,
      });
    }
    if (section.weekEnd > covered) {
      covered = section.weekEnd;
      coveringLine = section.line;
    }
  }
}

/** An item whose title repeats one of its section, group and track: members could not tell the two apart anywhere. */
function checkRepeatedItems(draft: DraftCurriculum, problems: ProblemList): void {
  for (const section of draft.sections) {
    const firstLines = new Map<string, number>();
    for (const item of section.items) {
      // Read as a member types it back (typedItem.ts): other capitals or spacing are the same title.
      const identity = [item.group ?? "", item.track ?? "", item.title].map(readsAs).join("\u0000");
      const firstLine = firstLines.get(identity);
      if (firstLine === undefined) {
        firstLines.set(identity, item.line);
        continue;
      }
      problems.add(item.line, ProblemCode.DuplicateItem, {
        item: excerpt(item.title),
        firstLine,
        inGroup: item.group === null ? "no" : "yes",
        group: item.group === null ? "" : excerpt(item.group),
        onTrack: item.track === null ? "no" : "yes",
        track: item.track === null ? "" : excerpt(item.track),
      });
    }
  }
}

/** Titles members read in replies and buttons: the curriculum's, each section's, group's and item's. */
function checkTitleLengths(draft: DraftCurriculum, problems: ProblemList): void {
  const check = (title: string | null, line: number): void => {
    // Characters as an editor counts them: an emoji or a bold "𝐁" is one, though two UTF-16 units.
    const length = title === null || title.length <= MAX_TITLE_CHARACTERS ? 0 : codePointCount(title);
    if (title === null || length <= MAX_TITLE_CHARACTERS) return;
    problems.add(line, ProblemCode.TitleTooLong, { title: excerpt(title), length, limit: MAX_TITLE_CHARACTERS });
  };
  check(draft.title, draft.titleLine);
  for (const section of draft.sections) {
    check(section.title, section.line);
    for (const item of section.items) {
      check(item.title, item.line);
      check(item.group, item.line);
    }
  }
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
