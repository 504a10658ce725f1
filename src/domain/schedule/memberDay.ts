/**
 * A member's day: the calendar date in the member's zone (their `/remind` zone
 * when set, else the cohort's), rolling over at 04:00 local rather than at
 * midnight, so a completion at 01:30 still counts for the evening before.
 *
 * Day D runs from `memberDayStart(D)` (04:00 local on D) to
 * `memberDayStart(D + 1)`. On a daylight-saving day 04:00 is still 04:00 wall
 * time; the rare zone whose clocks jump over or repeat 04:00 gets the rules of
 * `zonedInstant` (gap: the transition; overlap: the first 04:00), and
 * `memberDateOf` agrees with those boundaries (it checks them near 04:00).
 */
import {
  addDays,
  epochDayOfLocalDate,
  isValidTimeZone,
  parseLocalDate,
  localDateOfEpochDay,
  toEpochMillis,
  wallEpochMillis,
  zonedEpochMillis,
  type Clock,
  type InstantInput,
} from "./localTime.js";

/** Wall-clock time at which a member's day begins. */
export const MEMBER_DAY_ROLLOVER = "04:00";

/** `MEMBER_DAY_ROLLOVER`, parsed once. */
const ROLLOVER_CLOCK: Clock = { hour: 4, minute: 0 };

const MILLIS_PER_DAY = 86_400_000;

/** Wall times before 08:00 (in milliseconds of the day) are checked against the 04:00 boundary instant. */
const CHECK_UNTIL_MILLIS = 8 * 3_600_000;

/** The member's zone: their own when they set one, otherwise the cohort's. */
export function memberTimeZone(remindTimeZone: string | null, cohortTimeZone: string): string {
  // A stored zone a later time-zone database dropped falls back to the cohort's, not an error on every command.
  return remindTimeZone !== null && isValidTimeZone(remindTimeZone) ? remindTimeZone : cohortTimeZone;
}

/**
 * The member day a reminder of calendar date `localDate` at `remindTime` ("HH:MM") lists: before the 04:00
 * rollover the day before. From the wall time, not the instant: where the clocks jump over 04:00 (Athens,
 * 03:00 → 04:00) a 03:30 reminder lands on the new day's first instant and is still the day before's.
 */
export function reminderDayOf(localDate: string, remindTime: string): string {
  return remindTime < MEMBER_DAY_ROLLOVER ? addDays(localDate, -1) : localDate;
}

/** The instant member day `localDate` begins (04:00 local). */
export function memberDayStart(localDate: string, zone: string): Date {
  return new Date(memberDayStartMillis(epochDayOfLocalDate(localDate), zone));
}

/** The instant member day `localDate` ends: the next day's 04:00. */
export function memberDayEnd(localDate: string, zone: string): Date {
  return new Date(memberDayStartMillis(epochDayOfLocalDate(localDate) + 1, zone));
}

/** `memberDayStart` of a day counted from 1970-01-01, in epoch milliseconds. */
export function memberDayStartMillis(epochDay: number, zone: string): number {
  return zonedEpochMillis(epochDay, ROLLOVER_CLOCK, zone);
}

/**
 * The member day an instant belongs to. Why not `localDateOf` + `localClockOf`:
 * this runs for every completion of a streak, and one offset look-up is
 * several times cheaper than building luxon DateTimes.
 */
export function memberDateOf(instant: InstantInput, zone: string): string {
  return localDateOfEpochDay(memberEpochDayOf(instant, zone));
}

/**
 * The member day a completion counts for: the day stored with it (`/done when:yesterday`, the 04:00 rollover),
 * or for one stored before completions kept their day, the member day it was logged on in the member's zone.
 */
export function completionDateOf(completion: { readonly day: string | null; readonly completedAt: InstantInput }, zone: string): string {
  return completion.day ?? memberDateOf(completion.completedAt, zone);
}

/**
 * The member's day at `now`: their zone's (`memberDateOf`), never before `dayNotBefore` (Member.dayNotBefore).
 * The rule, in this one place: a member's day never goes back. A `/remind` zone change that puts the new zone's
 * day before the one the member was in (a move west) leaves them on that day until the new zone reaches it, so a
 * day already gone by is not theirs to fill again (no streak day, on-time points or checkpoint won back). A move
 * east skips ahead, as the new zone's clock does.
 */
export function memberToday(now: InstantInput, zone: string, dayNotBefore: string | null): string {
  const day = memberDateOf(now, zone);
  return dayNotBefore !== null && dayNotBefore > day ? dayNotBefore : day;
}

/**
 * What Member.dayNotBefore becomes when the member's zone moves from `fromZone` to `toZone` at `now`: the day they
 * were in (`memberToday`, their stored floor `dayNotBefore` kept) while the new zone's day is still before it; else
 * null, nothing to hold (a move east, or one within the same day).
 */
export function dayNotBeforeAfterZoneMove(now: InstantInput, fromZone: string, toZone: string, dayNotBefore: string | null): string | null {
  const wasIn = memberToday(now, fromZone, dayNotBefore);
  return memberDateOf(now, toZone) < wasIn ? wasIn : null;
}

/** `memberDateOf` as a day counted from 1970-01-01: streaks loop over these without building text. */
export function memberEpochDayOf(instant: InstantInput, zone: string): number {
  const wall = wallEpochMillis(instant, zone);
  const wallDay = Math.floor(wall / MILLIS_PER_DAY);
  // Far from 04:00 the wall clock decides alone (no zone moves its clocks by
  // four hours); near it, the boundary instant itself decides, which keeps odd
  // DST days consistent with memberDayStart.
  if (wall - wallDay * MILLIS_PER_DAY >= CHECK_UNTIL_MILLIS) return wallDay;
  return toEpochMillis(instant) >= memberDayStartMillis(wallDay, zone) ? wallDay : wallDay - 1;
}

/** `Date.prototype.toISOString()`'s form, as `/cohort edit` stores `Cohort.optionalFrom` (UTC, `Z`; milliseconds optional). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * The member day Optional items count from (`MemberPlanInput.optionalFrom`), from the stored `Cohort.optionalFrom`:
 * the moment `/cohort edit include_optional:true` turned them on (an ISO instant, `ISO_INSTANT`), read as the member
 * day it fell in, in the member's zone, the frame of their due days (so it rolls over at 04:00: an edit at 01:00
 * their time falls in the day before); or a cohort-local day (YYYY-MM-DD, as stored before 2026-12-05's instants),
 * read as it is. A malformed value never reads as "no switch day" (every Optional item overdue at once): one that
 * begins with a valid day reads as that day, as an old row would; anything else is an error.
 */
export function memberOptionalFrom(stored: string | null, zone: string): string | null {
  if (stored === null) return null;
  const day = parseLocalDate(stored);
  if (day !== null) return day;
  if (ISO_INSTANT.test(stored)) {
    const instant = new Date(stored);
    // Only the instant written: no 30 February rolled into March, no 24:00.
    if (!Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 19) === stored.slice(0, 19)) return memberDateOf(instant, zone);
  }
  const leadingDay = parseLocalDate(stored.slice(0, 10));
  if (leadingDay !== null) return leadingDay;
  throw new Error(`Cohort.optionalFrom ${JSON.stringify(stored)} is neither an ISO instant nor a day`);
}
