import { readFileSync } from "node:fs";
import type { ParsedCurriculum } from "../../src/domain/curriculum/curriculumModel.js";
import { parseCurriculum } from "../../src/domain/curriculum/parse/parseCurriculum.js";
/** Small curricula, settings and a seeded PRNG for the member-plan, break and streak tests. */
import type { CohortSettings, PlanCurriculum, PlanItem, PlanItemKind, PlanSection } from "../../src/domain/schedule/scheduleTypes.js";

export interface ItemSpec {
  readonly kind?: PlanItemKind;
  readonly minutes: number | null;
}

/** Builds plan curricula with unique item ids. */
export function curriculumBuilder(): {
  section: (
    key: string,
    weekStart: number,
    weekEnd: number,
    specs: readonly (ItemSpec | number | null)[],
    checkpoint?: string | null,
  ) => PlanSection;
  curriculum: (totalWeeks: number, sections: readonly PlanSection[]) => PlanCurriculum;
} {
  let nextId = 1;
  let nextPosition = 0;
  return {
    section(key, weekStart, weekEnd, specs, checkpoint = `After ${key}?`) {
      const items: PlanItem[] = specs.map((spec, index) => {
        const normalized: ItemSpec = typeof spec === "number" || spec === null ? { minutes: spec } : spec;
        return {
          id: nextId++,
          key: `${key}/item-${index + 1}`,
          title: `${key} item ${index + 1}`,
          kind: normalized.kind ?? "Required",
          minutes: normalized.minutes,
          sectionKey: key,
          position: index,
        };
      });
      return { key, title: `Section ${key}`, weekStart, weekEnd, checkpoint, position: nextPosition++, items };
    },
    curriculum: (totalWeeks, sections) => ({ totalWeeks, sections }),
  };
}

export function settings(overrides: Partial<CohortSettings> = {}): CohortSettings {
  return {
    startDate: "2027-03-01", // a Monday
    timeZone: "UTC",
    studyDays: [1, 2, 3, 4, 5],
    includeOptional: false,
    announceDay: 1,
    announceTime: "09:00",
    checkpointTime: "17:00",
    // The rule these fixtures' days were written under; tests of plan rule 2 ask for it.
    planRule: 1,
    ...overrides,
  };
}

/** A 12-week curriculum shaped like the real one: two-week sections overlapping by a week, an Optional item per section. */
export function twelveWeekCurriculum(): PlanCurriculum {
  const { section, curriculum } = curriculumBuilder();
  const sections: PlanSection[] = [];
  for (let week = 1; week <= 11; week += 1) {
    const specs: (ItemSpec | number)[] = [];
    for (let index = 0; index < 8; index += 1) specs.push(20 + ((week * 7 + index * 13) % 50));
    specs.push({ kind: "Optional", minutes: 30 }, { kind: "Reference", minutes: null });
    sections.push(section(`s${week}`, week, week === 11 ? 12 : week + 1, specs));
  }
  return curriculum(12, sections);
}

/** Small deterministic PRNG (mulberry32) so property checks are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An integer in [min, max]. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A parsed curriculum as the planner sees it, its items numbered in reading order from 1. */
export function toPlanCurriculum(parsed: ParsedCurriculum): PlanCurriculum {
  let nextId = 1;
  return {
    totalWeeks: parsed.totalWeeks,
    sections: parsed.sections.map((section, position) => ({
      key: section.key,
      title: section.title,
      weekStart: section.weekStart,
      weekEnd: section.weekEnd,
      checkpoint: section.checkpoint,
      position,
      items: section.items.map((item, index) => ({
        id: nextId++,
        key: item.key,
        title: item.title,
        kind: item.kind,
        minutes: item.minutes,
        sectionKey: section.key,
        position: index,
        group: item.group,
        track: item.track,
      })),
    })),
  };
}

/** The 36-week seed as the planner sees it (ids numbered in reading order). */
export function masteryPath(): PlanCurriculum {
  const result = parseCurriculum(readFileSync(new URL("../../prisma/seed/backend-engineer-mastery-path.txt", import.meta.url), "utf8"));
  if (!result.ok) throw new Error("the mastery path does not parse");
  return toPlanCurriculum(result.curriculum);
}
