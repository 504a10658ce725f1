/**
 * The curriculum week whose sections a member works towards in their own calendar week `calendarWeek`: break weeks
 * before it do not move the sections on, and `extraWeeks` of extension (`/pace mode:extend`) put each section that
 * many weeks later. Before the first section's week (the first weeks of an extended calendar) it is week 1: the first
 * sections are the ones worked towards, not a week 0 that no section has.
 */
export function memberSectionWeek(calendarWeek: number, sortedBreaks: readonly number[], extraWeeks: number): number {
  return Math.max(1, calendarWeek - sortedBreaks.filter((breakWeek) => breakWeek < calendarWeek).length - extraWeeks);
}
