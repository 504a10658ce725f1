import { addDays, startOfLocalDay } from "../schedule/localTime.js";
import type { CohortSettings } from "../schedule/scheduleTypes.js";

export interface InstantWindow {
  /** Inclusive. */
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
}

/** The instants of cohort week `weekNumber`: from local midnight of its first day to local midnight seven days later. */
export function weekWindow(settings: Pick<CohortSettings, "startDate" | "timeZone">, weekNumber: number): InstantWindow {
  if (!Number.isInteger(weekNumber)) throw new RangeError(`Not a week number: ${weekNumber}`);
  const firstDay = addDays(settings.startDate, 7 * (weekNumber - 1));
  return {
    from: startOfLocalDay(firstDay, settings.timeZone),
    to: startOfLocalDay(addDays(firstDay, 7), settings.timeZone),
  };
}
