/**
 * A member's day: the calendar date in the member's zone (their `/remind` zone
 * when set, else the cohort's), rolling over at 04:00 local rather than at
 * midnight, so a completion at 01:30 still counts for the evening before.
 *
 * Day D runs from `memberDayStart(D)` (04:00 local on D) to
 * `memberDayStart(D + 1)`. On a daylight-saving day 04:00 is still 04:00 wall
 * time; the rare zone whose clocks jump over or repeat 04:00 gets the rules of
 * `zonedInstant` (gap: the transition; overlap: the first 04:00), and
 * `memberDateOf` agrees with those boundaries by construction.
 */
import { addDays, localClockOf, localDateOf, toEpochMillis, zonedInstant, type InstantInput } from "./localTime.js";

/** Wall-clock time at which a member's day begins. */
export const MEMBER_DAY_ROLLOVER = "04:00";

/** The member's zone: their own when they set one, otherwise the cohort's. */
export function memberTimeZone(remindTimeZone: string | null, cohortTimeZone: string): string {
  return remindTimeZone ?? cohortTimeZone;
}

/** The instant member day `localDate` begins (04:00 local). */
export function memberDayStart(localDate: string, zone: string): Date {
  return zonedInstant(localDate, MEMBER_DAY_ROLLOVER, zone);
}

/** The instant member day `localDate` ends: the next day's 04:00. */
export function memberDayEnd(localDate: string, zone: string): Date {
  return memberDayStart(addDays(localDate, 1), zone);
}

/** The member day an instant belongs to. */
export function memberDateOf(instant: InstantInput, zone: string): string {
  const millis = toEpochMillis(instant);
  const wallDate = localDateOf(millis, zone);
  // Before 04:00 on the wall clock is still the previous day; then check the
  // guess against the boundaries themselves (they decide on odd DST days).
  let date = localClockOf(millis, zone) < MEMBER_DAY_ROLLOVER ? addDays(wallDate, -1) : wallDate;
  if (millis < memberDayStart(date, zone).getTime()) date = addDays(date, -1);
  else if (millis >= memberDayEnd(date, zone).getTime()) date = addDays(date, 1);
  return date;
}
