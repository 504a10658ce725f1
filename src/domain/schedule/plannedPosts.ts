import { calendarCurriculum, calendarWeekStartDate, calendarWithBreaks, effectiveBreakWeeks } from "./cohortBreaks.js";
import { addDays, latestWeekdayOnOrBefore, localClockOf, localDateOf, zonedInstant } from "./localTime.js";
import type { CohortSettings, PlanCurriculum, PlannedPost, PlannedPostKind } from "./scheduleTypes.js";
import { sectionWeekRange } from "./sectionWeekRange.js";
import { studyCalendar, type StudyCalendar } from "./studyCalendar.js";
import { assertValidCohortSettings } from "./validateCohortSettings.js";
import { weekPostPeriod } from "./weekPostPeriod.js";

/** The period of a section's checkpoint prompt (its ScheduledPost row's). */
export function checkpointPostPeriod(sectionKey: string): string {
  return `checkpoint-${sectionKey}`;
}

/** At the same instant a section's checkpoint closes it before the next week opens. */
const KIND_ORDER: Record<PlannedPostKind, number> = { checkpoint: 0, week: 1, closing: 2 };

/**
 * Every post the cohort will get, in the order they fall due:
 *
 * - "week-n": the assignment for week n at the announce time on the latest
 *   announce day on or before the week's first day (a Wednesday start with
 *   Monday announcements posts on the Monday before; week 1's post may come
 *   before the start date);
 * - "checkpoint-<sectionKey>": for each section with a checkpoint, at the
 *   checkpoint time on the last study day of its final week;
 * - "closing": at the announce time on the day after the last week ends.
 *
 * Times are cohort-local wall times, so 09:00 stays 09:00 across DST changes;
 * `localTime` reports the wall time actually reached (a time inside a DST gap
 * moves to the end of the gap). Only the dates matter, so `plan` may be a
 * CohortPlan or just its studyCalendar.
 */
export function plannedPosts(plan: StudyCalendar, curriculum: PlanCurriculum, settings: CohortSettings): PlannedPost[] {
  assertValidCohortSettings(settings);
  const zone = settings.timeZone;
  const posts: { post: PlannedPost; order: number }[] = [];
  const at = (localDate: string, clock: string): Pick<PlannedPost, "dueAt" | "localDate" | "localTime"> => {
    const dueAt = zonedInstant(localDate, clock, zone);
    return { dueAt, localDate: localDateOf(dueAt, zone), localTime: localClockOf(dueAt, zone) };
  };

  for (const week of plan.weeks) {
    const announceDate = weekPostDate(week.startDate, settings.announceDay);
    posts.push({
      post: { kind: "week", period: weekPostPeriod(week.number), ...at(announceDate, settings.announceTime), weekNumber: week.number },
      order: week.number,
    });
  }

  const sections = curriculum.sections
    .map((section, index) => ({ section, index }))
    .sort((a, b) => a.section.position - b.section.position || a.index - b.index);
  sections.forEach(({ section }, order) => {
    if (section.checkpoint === null || section.checkpoint.trim() === "") return;
    const { lastWeek } = sectionWeekRange(section, plan.totalWeeks);
    const lastStudyDay = plan.weeks[lastWeek - 1]?.days.at(-1);
    if (lastStudyDay === undefined) return;
    posts.push({
      post: {
        kind: "checkpoint",
        period: checkpointPostPeriod(section.key),
        ...at(lastStudyDay.date, settings.checkpointTime),
        weekNumber: lastWeek,
        sectionKey: section.key,
      },
      order,
    });
  });

  const dayAfterLastWeek = addDays(plan.startDate, 7 * plan.totalWeeks);
  posts.push({ post: { kind: "closing", period: "closing", ...at(dayAfterLastWeek, settings.announceTime) }, order: 0 });

  return posts
    .sort(
      (a, b) => a.post.dueAt.getTime() - b.post.dueAt.getTime() || KIND_ORDER[a.post.kind] - KIND_ORDER[b.post.kind] || a.order - b.order,
    )
    .map(({ post }) => post);
}

/** The day of a week's post: the latest announce day on or before the week's first day. */
function weekPostDate(weekStartDate: string, announceDay: number): string {
  return latestWeekdayOnOrBefore(weekStartDate, announceDay);
}

/** When the post of (calendar) week `weekNumber` falls due under `settings`: also what a schedule edit moved it from. */
export function weekPostDueAt(
  settings: Pick<CohortSettings, "startDate" | "timeZone" | "announceDay" | "announceTime">,
  weekNumber: number,
): Date {
  const date = weekPostDate(calendarWeekStartDate(settings.startDate, weekNumber), settings.announceDay);
  return zonedInstant(date, settings.announceTime, settings.timeZone);
}

/** The posts of the course's unbroken calendar: what a cohort without break weeks posts (no plan needed, only its dates). */
export function unbrokenPlannedPosts(curriculum: PlanCurriculum, settings: CohortSettings): PlannedPost[] {
  return plannedPosts(studyCalendar(settings, curriculum.totalWeeks), curriculum, settings);
}

/**
 * The posts of a cohort with its break weeks as stored: what `plannedPosts` of
 * the cohort's calendar plan (`applyCohortBreaks`) gives, from the dates alone
 * (no plan built, no balancing), so it can be worked out anywhere.
 */
export function cohortPlannedPosts(curriculum: PlanCurriculum, settings: CohortSettings, breakWeeks: readonly number[]): PlannedPost[] {
  const breaks = effectiveBreakWeeks(curriculum.totalWeeks, breakWeeks);
  if (breaks.length === 0) return unbrokenPlannedPosts(curriculum, settings);
  return plannedPosts(calendarWithBreaks(settings, curriculum.totalWeeks, breaks), calendarCurriculum(curriculum, breaks), settings);
}
