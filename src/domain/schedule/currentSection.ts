import { sectionWeekRange } from "./sectionWeekRange.js";

export interface SectionWeeks {
  readonly weekStart: number;
  readonly weekEnd: number;
  /** Order inside the curriculum. */
  readonly position: number;
}

/**
 * The section a member is working towards in `weekNumber`: among the sections
 * whose weeks include it, the one that ends soonest (the earlier one in the
 * curriculum on a tie). Weeks before the start count as week 1 and weeks after
 * the end as the last week, so there is always an answer while the
 * curriculum has sections.
 */
export function currentSection<T extends SectionWeeks>(sections: readonly T[], weekNumber: number, totalWeeks: number): T | null {
  if (totalWeeks < 1) return null;
  const week = Math.min(Math.max(Math.trunc(weekNumber), 1), totalWeeks);
  let best: { section: T; lastWeek: number } | null = null;
  for (const section of sections) {
    const range = sectionWeekRange(section, totalWeeks);
    if (week < range.firstWeek || week > range.lastWeek) continue;
    if (best === null || range.lastWeek < best.lastWeek || (range.lastWeek === best.lastWeek && section.position < best.section.position)) {
      best = { section, lastWeek: range.lastWeek };
    }
  }
  return best?.section ?? null;
}

/**
 * `currentSection` and the other sections read in `weekNumber` that end the
 * same week: their checkpoint prompts go out on the same day, so `/checkpoint`
 * offers them together. In curriculum order, at most `limit`.
 */
export function currentSections<T extends SectionWeeks>(
  sections: readonly T[],
  weekNumber: number,
  totalWeeks: number,
  limit: number,
): T[] {
  const current = currentSection(sections, weekNumber, totalWeeks);
  if (current === null) return [];
  const week = Math.min(Math.max(Math.trunc(weekNumber), 1), totalWeeks);
  const lastWeek = sectionWeekRange(current, totalWeeks).lastWeek;
  const sameEnd = sections.filter((section) => {
    const range = sectionWeekRange(section, totalWeeks);
    return range.firstWeek <= week && range.lastWeek === lastWeek;
  });
  return [...sameEnd].sort((a, b) => a.position - b.position).slice(0, Math.max(1, limit));
}
