import { addDays, isoWeekday, localDateOf, toEpochMillis, type InstantInput } from "../schedule/localTime.js";
import type { CohortSettings } from "../schedule/scheduleTypes.js";

/**
 * Local dates follow instants in order, except where a zone turned its clocks
 * back across midnight (Antarctica/Casey in 2010: 01:59 on 5 March, then 23:00
 * on the 4th), and never by as much as a day: once an instant's local date is
 * two days before a date, no earlier instant can fall on that date.
 */
const offsetChangeMarginDays = 2;

/**
 * Consecutive study days (cohort-local) with at least one completion, counting
 * back from today. Today counts once something is done today; a today with
 * nothing done yet does not break the streak. Non-study days neither count nor
 * break it. Completions after `now` are ignored.
 */
export function streak(
  completionInstants: readonly InstantInput[],
  now: InstantInput,
  settings: Pick<CohortSettings, "timeZone" | "studyDays">,
): number {
  const nowMillis = toEpochMillis(now);
  // Newest first, and local dates only as far back as the walk goes: a long
  // history costs no more than the streak itself (each local date is a time
  // zone look-up, the expensive part of a /done).
  const instants = completionInstants
    .map(toEpochMillis)
    .filter((millis) => millis <= nowMillis)
    .sort((a, b) => b - a);
  if (instants.length === 0) return 0;
  const activeDates = new Set<string>();
  let next = 0;
  let oldestSeen = "9999-12-31";
  /** Whether anything was done on `date`, reading instants until none left can fall on it. */
  const isActive = (date: string): boolean => {
    const stopBefore = addDays(date, -offsetChangeMarginDays);
    while (next < instants.length && oldestSeen >= stopBefore) {
      const localDate = localDateOf(instants[next] ?? 0, settings.timeZone);
      activeDates.add(localDate);
      if (localDate < oldestSeen) oldestSeen = localDate;
      next += 1;
    }
    return activeDates.has(date);
  };
  const isStudyDay = (date: string): boolean => settings.studyDays.includes(isoWeekday(date));

  const today = localDateOf(nowMillis, settings.timeZone);
  let count = isStudyDay(today) && isActive(today) ? 1 : 0;
  // ISO dates compare correctly as strings; stop once past the first completion (even with no study days at all).
  for (let date = addDays(today, -1); ; date = addDays(date, -1)) {
    const active = isActive(date);
    if (next === instants.length && date < oldestSeen) break;
    if (!isStudyDay(date)) continue;
    if (!active) break;
    count += 1;
  }
  return count;
}
