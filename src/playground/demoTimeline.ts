import { addDays, latestWeekdayOnOrBefore, localDateOf, zonedInstant } from "../domain/schedule/localTime.js";

/** When things happen in the demo, in the demo cohort's time zone. */
export interface DemoTimeline {
  readonly timeZone: string;
  /** Cohort-local first day of week 1 (a Monday). */
  readonly cohortStart: string;
  /** The admin creates the cohort and members join from here on. */
  readonly historyStart: Date;
  /** Cohort-local date the visitor arrives on: Wednesday of week 2. */
  readonly today: string;
  /** Where the playground's clock stands when the page opens. */
  readonly now: Date;
}

const wednesday = 3;

/**
 * Places the demo around a real instant: the visitor arrives mid-morning on the
 * Wednesday of week 2 (the latest Wednesday on or before `realNow`), so the
 * cohort started nine days earlier, a checkpoint is due on Friday and the week 3
 * assignment on Monday.
 */
export function demoTimeline(realNow: Date, timeZone: string): DemoTimeline {
  const today = latestWeekdayOnOrBefore(localDateOf(realNow, timeZone), wednesday);
  const cohortStart = addDays(today, -9);
  return {
    timeZone,
    cohortStart,
    historyStart: zonedInstant(addDays(cohortStart, -3), "15:00", timeZone),
    today,
    now: zonedInstant(today, "10:30", timeZone),
  };
}
