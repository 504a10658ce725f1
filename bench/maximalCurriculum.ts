/**
 * The largest curriculum the importer accepts, generated: 520 weeks, as
 * close to 256 KB of text as whole lines allow, in the plain-text format of
 * prisma/seed/. Used by the bench (plan time, event-loop stalls) and the
 * end-to-end test that runs other servers beside a cohort on it.
 *
 * Shape: 260 three-week sections overlapping their neighbours by one week
 * (so balancing has shared, already-loaded days), each with a few items and
 * a checkpoint, then one "Week 1-520" reading list that fills the rest of the
 * size budget with more items than the course has study days. Minutes vary
 * deterministically; every seventh item has no estimate.
 */
import type { ParsedCurriculum, ParsedItem, ParsedSection } from "../src/domain/curriculum/curriculumModel.js";
import type { PlanCurriculum } from "../src/domain/schedule/scheduleTypes.js";

export const maximalCurriculumBytes = 256 * 1024;
export const maximalCurriculumWeeks = 520;

export interface GeneratedCurriculum {
  readonly text: string;
  readonly curriculum: ParsedCurriculum;
}

interface SectionDraft {
  readonly title: string;
  readonly weekStart: number;
  readonly weekEnd: number;
  readonly checkpoint: string | null;
  readonly items: { title: string; kind: "Required" | "Optional"; minutes: number | null }[];
}

function headingOf(section: SectionDraft): string {
  const weeks = section.weekStart === section.weekEnd ? `${section.weekStart}` : `${section.weekStart}-${section.weekEnd}`;
  return `Week ${weeks}: ${section.title}`;
}

function itemLine(item: SectionDraft["items"][number]): string {
  return `- [ ] ${item.kind} -- ${item.title}${item.minutes === null ? "" : ` (${item.minutes} min)`}`;
}

function sectionLines(section: SectionDraft): string[] {
  const lines = [headingOf(section), `Reading for ${section.title.toLowerCase()}.`, ...section.items.map(itemLine)];
  if (section.checkpoint !== null) lines.push("Checkpoint", section.checkpoint);
  return lines;
}

function minutesFor(index: number): number | null {
  return index % 7 === 6 ? null : 10 + ((index * 37) % 71);
}

/** Deterministic: the same text and curriculum on every call. */
export function maximalCurriculum(): GeneratedCurriculum {
  const header = [
    "Maximal Generated Path",
    "A generated 520-week path at the import size limit, for load tests.",
    `Total estimated time: many hours across ${maximalCurriculumWeeks} weeks`,
    "Learning Progression",
  ];
  const sections: SectionDraft[] = [];
  let itemNumber = 0;
  for (let first = 1; first <= maximalCurriculumWeeks; first += 2) {
    const items = Array.from({ length: 5 }, (_, index) => {
      itemNumber += 1;
      return {
        title: `Topic ${itemNumber}`,
        kind: index === 4 ? ("Optional" as const) : ("Required" as const),
        minutes: minutesFor(itemNumber),
      };
    });
    sections.push({
      title: `Module ${(first + 1) / 2}`,
      weekStart: first,
      weekEnd: Math.min(first + 2, maximalCurriculumWeeks),
      checkpoint: `After this section you should be able to explain module ${(first + 1) / 2}.`,
      items,
    });
  }
  const longList: SectionDraft = {
    title: "Long-running reading list",
    weekStart: 1,
    weekEnd: maximalCurriculumWeeks,
    checkpoint: null,
    items: [],
  };
  const byteLength = (lines: readonly string[]) => Buffer.byteLength(lines.join("\n") + "\n", "utf8");
  let used = byteLength([...header, ...sections.flatMap(sectionLines), headingOf(longList), "Reading for long-running reading list."]);
  for (;;) {
    itemNumber += 1;
    const item = { title: `Paper ${itemNumber}`, kind: "Required" as const, minutes: minutesFor(itemNumber) };
    const cost = Buffer.byteLength(itemLine(item), "utf8") + 1;
    if (used + cost > maximalCurriculumBytes) break;
    longList.items.push(item);
    used += cost;
  }
  sections.push(longList);

  const lines = [...header];
  const parsedSections: ParsedSection[] = sections.map((draft, sectionIndex) => {
    const key = `s${sectionIndex + 1}`;
    const sectionLine = lines.length + 1;
    const items: ParsedItem[] = draft.items.map((item, index) => ({
      key: `${key}/${index + 1}`,
      title: item.title,
      kind: item.kind,
      minutes: item.minutes,
      group: null,
      track: null,
      line: sectionLine + 2 + index,
    }));
    lines.push(...sectionLines(draft));
    return {
      key,
      title: draft.title,
      weekStart: draft.weekStart,
      weekEnd: draft.weekEnd,
      estimatedMinutes: null,
      summary: `Reading for ${draft.title.toLowerCase()}.`,
      checkpoint: draft.checkpoint,
      items,
      line: sectionLine,
    };
  });
  return {
    text: `${lines.join("\n")}\n`,
    curriculum: {
      slug: "maximal-generated-path",
      title: "Maximal Generated Path",
      description: "A generated 520-week path at the import size limit, for load tests.",
      totalWeeks: maximalCurriculumWeeks,
      sections: parsedSections,
      outcomes: [],
      checklist: [],
      notes: [],
    },
  };
}

/** The generated curriculum as the planner takes it: items numbered from 1 in reading order, as if stored. */
export function planCurriculumOf(generated: GeneratedCurriculum): PlanCurriculum {
  let id = 0;
  return {
    totalWeeks: generated.curriculum.totalWeeks,
    sections: generated.curriculum.sections.map((section, position) => ({
      key: section.key,
      title: section.title,
      weekStart: section.weekStart,
      weekEnd: section.weekEnd,
      checkpoint: section.checkpoint,
      position,
      items: section.items.map((item, index) => ({
        id: ++id,
        key: item.key,
        title: item.title,
        kind: item.kind,
        minutes: item.minutes,
        sectionKey: section.key,
        position: index,
      })),
    })),
  };
}
