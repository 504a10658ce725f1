/**
 * Calendar and wall-clock helpers for cohort-local time.
 *
 * A cohort-local date is a plain "YYYY-MM-DD" string: calendar arithmetic on it
 * never touches a time zone, so adding days across a daylight-saving change is
 * always exact. Only `zonedInstant` (and the helpers built on it) turn a local
 * date and clock into a real instant, and they decide the two awkward cases
 * explicitly instead of inheriting a library default:
 *
 * - a wall time inside a DST gap (02:30 on 2027-03-14 in New York never
 *   happens) moves forward to the first instant that exists after the gap,
 *   i.e. the transition itself (03:00 local);
 * - a wall time inside a fall-back overlap (01:30 on 2027-11-07 in New York
 *   happens twice) takes the earlier of the two instants.
 *
 * Nothing here reads the clock: every function that needs "now" takes it.
 */
import { IANAZone } from "luxon";

/** An instant as callers hold it: a `Date` or epoch milliseconds. */
export type InstantInput = Date | number;

/** A wall-clock time of day, 00:00–23:59. */
export interface Clock {
  readonly hour: number;
  readonly minute: number;
}

const MILLIS_PER_MINUTE = 60_000;
const MILLIS_PER_DAY = 86_400_000;
const MILLIS_PER_HOUR = 3_600_000;
const CLOCK_PATTERN = /^(\d{1,2}):(\d{2})$/;

export function toEpochMillis(instant: InstantInput): number {
  const millis = typeof instant === "number" ? instant : instant.getTime();
  if (!Number.isFinite(millis)) throw new RangeError("Invalid instant");
  return millis;
}

// Zone names already found valid. Why: luxon's isValidZone builds a new
// Intl.DateTimeFormat on every call (~0.1 ms, plus ICU memory the GC does not
// see), and requireZone runs for every date computed — streak() alone calls it
// once per completion, which made each /done cost ~10 ms and ~3 MB of RSS on a
// member with 100 completions. Only valid names are kept, and only so many
// (names are case-insensitive, so typed variants could otherwise pile up);
// validity never changes while the process runs.
const knownValidZones = new Set<string>();
const maxKnownValidZones = 1_000;

/** True for a time-zone name the runtime knows (IANA names such as "Europe/Berlin", plus "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== "string" || zone.trim() === "") return false;
  if (knownValidZones.has(zone)) return true;
  const valid = IANAZone.isValidZone(zone);
  if (valid && knownValidZones.size < maxKnownValidZones) knownValidZones.add(zone);
  return valid;
}

/**
 * Three-letter names the runtime still accepts (old Java zone ids) that keep what they say: UTC's
 * spellings, the European zones with summer time, and China's and Korea's country names.
 */
const faithfulThreeLetterZones = new Set(["utc", "gmt", "uct", "cet", "eet", "wet", "met", "prc", "rok"]);

/**
 * Whether typed input names a zone by three letters that mislead: the runtime reads each as one place,
 * rarely the one meant (BST is Bangladesh, not British summer time; IST is India; ART is Cairo, not
 * Argentina; EST is Panama, without New York's summer time). Refused, with a place to use instead.
 * Longer names without a "/" mean what they say: "Singapore", "Japan", "NZ", "EST5EDT", "GMT+0".
 */
export function isAbbreviatedTimeZone(zone: string): boolean {
  const name = zone.trim();
  return /^[a-z]{3}$/i.test(name) && !faithfulThreeLetterZones.has(name.toLowerCase()) && isValidTimeZone(name);
}

function requireZone(zone: string): IANAZone {
  if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
  return IANAZone.create(zone);
}

// Zone offsets per (zone, UTC hour). Why: luxon asks Intl for the offset on
// every call (formatToParts, a few microseconds and garbage each time), and
// a streak or a member plan asks hundreds of times for the same few days;
// that was about 10 % of a /done (issue 14). An hour is cached only when the
// offset is the same at its first and last millisecond (no zone changes its
// offset twice within an hour), so an hour holding a transition is always
// asked of luxon. Bounded: the oldest hours go first.
const offsetByZoneHour = new Map<string, Map<number, number>>();
let cachedOffsets = 0;
const maxCachedOffsets = 20_000;
/** How many hours were asked of luxon (memo misses): lets tests see the memo work. */
let offsetLookups = 0;

/** How many times `zoneOffsetMinutes` asked luxon rather than its memo, since the process started. */
export function zoneOffsetLookups(): number {
  return offsetLookups;
}

/** Empties the zone-offset memo (tests that need to know what it holds). */
export function forgetZoneOffsets(): void {
  offsetByZoneHour.clear();
  cachedOffsets = 0;
}

/**
 * The zone's UTC offset in minutes at `millis` (luxon's `IANAZone.offset`,
 * memoised per hour). `zone` must be valid (`requireZone`).
 */
export function zoneOffsetMinutes(zone: string, millis: number): number {
  const hour = Math.floor(millis / MILLIS_PER_HOUR);
  const known = offsetByZoneHour.get(zone)?.get(hour);
  if (known !== undefined) return known;
  offsetLookups += 1;
  const ianaZone = IANAZone.create(zone);
  const start = hour * MILLIS_PER_HOUR;
  const offset = ianaZone.offset(start);
  if (ianaZone.offset(start + MILLIS_PER_HOUR - 1) !== offset) return ianaZone.offset(millis);
  if (cachedOffsets >= maxCachedOffsets) forgetOldestOffset();
  // Looked up after the eviction: it may have emptied and dropped this zone's map.
  let hours = offsetByZoneHour.get(zone);
  if (hours === undefined) {
    hours = new Map();
    offsetByZoneHour.set(zone, hours);
  }
  hours.set(hour, offset);
  cachedOffsets += 1;
  return offset;
}

function forgetOldestOffset(): void {
  for (const [zone, hours] of offsetByZoneHour) {
    const oldest = hours.keys().next();
    if (oldest.done === true) {
      offsetByZoneHour.delete(zone);
      continue;
    }
    hours.delete(oldest.value);
    cachedOffsets -= 1;
    if (hours.size === 0) offsetByZoneHour.delete(zone);
    return;
  }
}

/** The wall clock in `zone` at `millis`, as an ISO string read as if it were UTC ("2027-03-01T09:30:00.000Z"). */
function wallClockText(millis: number, zone: string): string {
  return new Date(millis + zoneOffsetMinutes(zone, millis) * MILLIS_PER_MINUTE).toISOString();
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DIGIT_ZERO = 48;
const DASH = 45;

/** The value of `count` ASCII digits of `text` from `at`, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let index = at; index < at + count; index += 1) {
    const digit = text.charCodeAt(index) - DIGIT_ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * "YYYY-MM-DD" → its parts; null for anything else. Why not a regular
 * expression: stored dates are read by the hundred per /today and /done
 * (streaks), and reading the characters is several times cheaper. Accepts
 * exactly what `^(\d{4})-(\d{2})-(\d{2})$` did.
 */
function splitLocalDate(text: string): CalendarDate | null {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  // Four-digit years from 1000 only (they once kept Date.UTC away from its 0–99 → 1900s quirk).
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function requireLocalDate(text: string): CalendarDate {
  const date = splitLocalDate(text);
  if (!date) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${text}`);
  return date;
}

/**
 * "2027-03-01" → "2027-03-01"; null for text that is not a date that exists
 * ("2027-02-29", "2026-13-01", "2027-3-1").
 */
export function parseLocalDate(text: string): string | null {
  const trimmed = text.trim();
  return splitLocalDate(trimmed) ? trimmed : null;
}

/**
 * Why typed text is not a local date: not in the YYYY-MM-DD form at all, in it with a year before the calendar's
 * first (1000: "0027-03-01", a year cut short), or in it but no such day ("2027-02-30").
 */
export const LocalDateProblem = { Format: "format", Year: "year", NoSuchDate: "no_such_date" } as const;
export type LocalDateProblem = (typeof LocalDateProblem)[keyof typeof LocalDateProblem];

/**
 * Why `text` (trimmed) is not a date `parseLocalDate` accepts, or null when it is: "11/01/2027" and "2027-3-1" are
 * `Format`, "0999-01-01" is `Year`, "2027-02-30" and "2026-13-01" are `NoSuchDate`.
 */
export function localDateProblem(text: string): LocalDateProblem | null {
  const trimmed = text.trim();
  if (splitLocalDate(trimmed) !== null) return null;
  const shaped =
    trimmed.length === 10 &&
    trimmed.charCodeAt(4) === DASH &&
    trimmed.charCodeAt(7) === DASH &&
    digitsAt(trimmed, 0, 4) >= 0 &&
    digitsAt(trimmed, 5, 2) >= 0 &&
    digitsAt(trimmed, 8, 2) >= 0;
  if (!shaped) return LocalDateProblem.Format;
  return digitsAt(trimmed, 0, 4) < 1000 ? LocalDateProblem.Year : LocalDateProblem.NoSuchDate;
}

/** "09:00" or "9:00" → { hour: 9, minute: 0 }; null outside 00:00–23:59. */
export function parseClock(text: string): Clock | null {
  const match = CLOCK_PATTERN.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

/** { hour: 9, minute: 5 } → "09:05". */
export function formatClock(clock: Clock): string {
  return `${pad2(clock.hour)}:${pad2(clock.minute)}`;
}

function requireClock(clock: Clock | string): Clock {
  const parsed = typeof clock === "string" ? parseClock(clock) : clock;
  if (
    !parsed ||
    !Number.isInteger(parsed.hour) ||
    !Number.isInteger(parsed.minute) ||
    parsed.hour < 0 ||
    parsed.hour > 23 ||
    parsed.minute < 0 ||
    parsed.minute > 59
  ) {
    throw new RangeError(`Not a time of day (HH:MM): ${typeof clock === "string" ? clock : formatClock(clock)}`);
  }
  return parsed;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date: Date.UTC's answer in
 * plain integer arithmetic (the "days from civil" algorithm, March-based years).
 */
function epochDayOf(date: CalendarDate): number {
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** "00" … "99": the two-digit parts of a date, built once. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, "0"));

/**
 * "YYYY-MM-DD" of an epoch day ("civil from days", the inverse of `epochDayOf`).
 * Why not Date#toISOString: it ran for every day of every streak. Years outside
 * 1000–9999 (never a cohort's) keep toISOString's text exactly.
 */
function localDateFromEpochDay(epochDay: number): string {
  const shifted = epochDay + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) return new Date(epochDay * MILLIS_PER_DAY).toISOString().slice(0, 10);
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

/** Days since 1970-01-01 of a calendar date: date arithmetic for loops over many days without re-parsing. */
export function epochDayOfLocalDate(localDate: string): number {
  return epochDayOf(requireLocalDate(localDate));
}

/** `epochDayOfLocalDate`, or null for text that is not a "YYYY-MM-DD" date that exists. */
export function epochDayOfLocalDateOrNull(localDate: string): number | null {
  const date = splitLocalDate(localDate);
  return date === null ? null : epochDayOf(date);
}

/** The calendar date of a day counted from 1970-01-01 (inverse of `epochDayOfLocalDate`). */
export function localDateOfEpochDay(epochDay: number): string {
  if (!Number.isInteger(epochDay)) throw new RangeError(`Not a whole number of days: ${epochDay}`);
  return localDateFromEpochDay(epochDay);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day counted from 1970-01-01, a Thursday. */
export function isoWeekdayOfEpochDay(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** The calendar date `days` days after (or before, when negative) `localDate`. */
export function addDays(localDate: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return localDateFromEpochDay(epochDayOf(requireLocalDate(localDate)) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDayOf(requireLocalDate(to)) - epochDayOf(requireLocalDate(from));
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(localDate: string): number {
  return isoWeekdayOfEpochDay(epochDayOf(requireLocalDate(localDate)));
}

/** The latest date on or before `localDate` that falls on ISO weekday `weekday`. */
export function latestWeekdayOnOrBefore(localDate: string, weekday: number): string {
  const daysBack = (isoWeekday(localDate) - weekday + 7) % 7;
  return addDays(localDate, -daysBack);
}

/** The cohort-local calendar date at instant `now`. */
export function localDateOf(now: InstantInput, zone: string): string {
  return localDateFromEpochDay(Math.floor(wallEpochMillis(now, zone) / MILLIS_PER_DAY));
}

/** The cohort-local wall-clock time at instant `now`, as "HH:MM". */
export function localClockOf(now: InstantInput, zone: string): string {
  requireZone(zone);
  return wallClockText(toEpochMillis(now), zone).slice(11, 16);
}

/**
 * The wall clock in `zone` at `instant` as epoch milliseconds read as if it
 * were UTC: its epoch day and time of day without building text.
 */
export function wallEpochMillis(instant: InstantInput, zone: string): number {
  requireZone(zone);
  const millis = toEpochMillis(instant);
  return millis + zoneOffsetMinutes(zone, millis) * MILLIS_PER_MINUTE;
}

/** The wall clock in `zone` at `instant`, read as if it were UTC: `localDateOf` and `localClockOf` in one look-up. */
export function wallClockOf(instant: InstantInput, zone: string): string {
  requireZone(zone);
  return wallClockText(toEpochMillis(instant), zone);
}

/**
 * The instant at which the wall clock in `zone` shows `clock` on `localDate`.
 * Gap → the first instant after the gap; overlap → the earlier instant (see the
 * module comment).
 */
export function zonedInstant(localDate: string, clock: Clock | string, zone: string): Date {
  requireZone(zone);
  const date = requireLocalDate(localDate);
  return new Date(zonedMillis(epochDayOf(date), requireClock(clock), zone));
}

/** `zonedInstant` in epoch milliseconds, for a day counted from 1970-01-01: for loops over days. */
export function zonedEpochMillis(epochDay: number, clock: Clock, zone: string): number {
  requireZone(zone);
  if (!Number.isInteger(epochDay)) throw new RangeError(`Not a whole number of days: ${epochDay}`);
  return zonedMillis(epochDay, requireClock(clock), zone);
}

/** `zonedInstant`'s rules on checked inputs. */
function zonedMillis(epochDay: number, time: Clock, zone: string): number {
  // The wall time read as if it were UTC; subtracting the zone's offset at the
  // real instant gives that instant.
  const wallMillis = epochDay * MILLIS_PER_DAY + time.hour * MILLIS_PER_HOUR + time.minute * MILLIS_PER_MINUTE;
  const wallAt = (instant: number): number => instant + zoneOffsetMinutes(zone, instant) * MILLIS_PER_MINUTE;

  // Any offset in force within a day either side covers both sides of a
  // transition near this wall time (offsets stay within ±14 h).
  const dayBefore = zoneOffsetMinutes(zone, wallMillis - MILLIS_PER_DAY);
  const sameTime = zoneOffsetMinutes(zone, wallMillis);
  const dayAfter = zoneOffsetMinutes(zone, wallMillis + MILLIS_PER_DAY);
  let earliest = Number.POSITIVE_INFINITY;
  for (const offset of [dayBefore, sameTime, dayAfter]) {
    const instant = wallMillis - offset * MILLIS_PER_MINUTE;
    if (instant < earliest && wallAt(instant) === wallMillis) earliest = instant;
  }
  if (earliest !== Number.POSITIVE_INFINITY) return earliest;

  // A gap: the wall clock jumps over this time. Binary-search the transition,
  // the first instant whose wall time is at or after the requested one.
  let before = wallMillis - Math.max(dayBefore, sameTime, dayAfter) * MILLIS_PER_MINUTE;
  let after = wallMillis - Math.min(dayBefore, sameTime, dayAfter) * MILLIS_PER_MINUTE;
  if (!(wallAt(before) < wallMillis && wallAt(after) >= wallMillis)) {
    throw new RangeError(`Cannot place ${localDateFromEpochDay(epochDay)} ${formatClock(time)} in ${zone}`);
  }
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallAt(middle) >= wallMillis) after = middle;
    else before = middle;
  }
  return after;
}

/** The instant the cohort-local day `localDate` begins. */
export function startOfLocalDay(localDate: string, zone: string): Date {
  return zonedInstant(localDate, { hour: 0, minute: 0 }, zone);
}

/** The instant the local day after `localDate` begins: the exclusive end of `localDate`. */
export function endOfLocalDay(localDate: string, zone: string): Date {
  return startOfLocalDay(addDays(localDate, 1), zone);
}
