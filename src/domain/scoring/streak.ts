import { addDays, isoWeekday, localDateOf, toEpochMillis, type InstantInput } from "../schedule/localTime.js";
import type { CohortSettings } from "../schedule/scheduleTypes.js";

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
  const activeDates = new Set(
    completionInstants
      .filter((instant) => toEpochMillis(instant) <= nowMillis)
      .map((instant) => localDateOf(instant, settings.timeZone)),
  );
  if (activeDates.size === 0) return 0;
  const earliest = [...activeDates].sort()[0] ?? "";
  const isStudyDay = (date: string): boolean => settings.studyDays.includes(isoWeekday(date));

  const today = localDateOf(nowMillis, settings.timeZone);
  let count = isStudyDay(today) && activeDates.has(today) ? 1 : 0;
  // ISO dates compare correctly as strings; stop once past the first completion.
  for (let date = addDays(today, -1); date >= earliest; date = addDays(date, -1)) {
    if (!isStudyDay(date)) continue;
    if (!activeDates.has(date)) break;
    count += 1;
  }
  return count;
}
