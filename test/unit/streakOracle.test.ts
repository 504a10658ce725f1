/**
 * The streak and the date helpers it runs on, on integer epoch days, against
 * the string-date versions they replaced (copied below as they were, with
 * luxon's offsets asked directly): the same answers on many random inputs
 * around daylight-saving changes, 04:00 rollovers, breaks and stored days.
 */
import { IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { breakDayRanges, effectiveBreakWeeks } from "../../src/domain/schedule/cohortBreaks.js";
import { isInDayRanges, localDateRanges } from "../../src/domain/schedule/dayRanges.js";
import {
  addDays,
  daysBetween,
  epochDayOfLocalDate,
  epochDayOfLocalDateOrNull,
  isoWeekday,
  localDateOf,
  localDateOfEpochDay,
  parseLocalDate,
  zonedInstant,
} from "../../src/domain/schedule/localTime.js";
import { memberDateOf, memberDayEnd, memberDayStart } from "../../src/domain/schedule/memberDay.js";
import { memberDaysOff, type PersonalBreak } from "../../src/domain/schedule/memberPlan.js";
import { forgivingStreak, yesterdayTarget, type StreakView } from "../../src/domain/scoring/forgivingStreak.js";
import { randomInt, seededRandom } from "../helpers/planFixtures.js";

// ---------------------------------------------------------------- the old string-date code, as it was

const MILLIS_PER_DAY = 86_400_000;
const MILLIS_PER_MINUTE = 60_000;

function oldSplit(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > days) return null;
  return { year, month, day };
}

function oldEpochDay(text: string): number {
  const date = oldSplit(text);
  if (!date) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${text}`);
  return Date.UTC(date.year, date.month - 1, date.day) / MILLIS_PER_DAY;
}

const oldDateOfEpochDay = (epochDay: number): string => new Date(epochDay * MILLIS_PER_DAY).toISOString().slice(0, 10);
const oldAddDays = (date: string, days: number): string => oldDateOfEpochDay(oldEpochDay(date) + days);
function oldIsoWeekday(date: string): number {
  const sundayBased = new Date(oldEpochDay(date) * MILLIS_PER_DAY).getUTCDay();
  return sundayBased === 0 ? 7 : sundayBased;
}
const offsetAt = (zone: string, millis: number): number => IANAZone.create(zone).offset(millis);
const oldWallText = (millis: number, zone: string): string => new Date(millis + offsetAt(zone, millis) * MILLIS_PER_MINUTE).toISOString();

function oldZonedInstant(localDate: string, hour: number, minute: number, zone: string): Date {
  const date = oldSplit(localDate);
  if (!date) throw new RangeError("bad date");
  const wallMillis = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const wallAt = (instant: number): number => instant + offsetAt(zone, instant) * MILLIS_PER_MINUTE;
  const offsets = [...new Set([-1, 0, 1].map((days) => offsetAt(zone, wallMillis + days * MILLIS_PER_DAY)))];
  const matching = offsets.map((offset) => wallMillis - offset * MILLIS_PER_MINUTE).filter((instant) => wallAt(instant) === wallMillis);
  if (matching.length > 0) return new Date(Math.min(...matching));
  let before = wallMillis - Math.max(...offsets) * MILLIS_PER_MINUTE;
  let after = wallMillis - Math.min(...offsets) * MILLIS_PER_MINUTE;
  if (!(wallAt(before) < wallMillis && wallAt(after) >= wallMillis)) throw new RangeError("cannot place");
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallAt(middle) >= wallMillis) after = middle;
    else before = middle;
  }
  return new Date(after);
}

/**
 * Remembered per zone and date (the old function is pure): the oracle asks the same few days' rollover
 * again and again, and each answer costs several of luxon's offset look-ups.
 */
const memberDayStarts = new Map<string, Date>();
function oldMemberDayStart(date: string, zone: string): Date {
  const key = `${zone} ${date}`;
  let start = memberDayStarts.get(key);
  if (start === undefined) {
    start = oldZonedInstant(date, 4, 0, zone);
    memberDayStarts.set(key, start);
  }
  return new Date(start.getTime());
}
const oldMemberDayEnd = (date: string, zone: string): Date => oldMemberDayStart(oldAddDays(date, 1), zone);

function oldMemberDateOf(millis: number, zone: string): string {
  const wall = oldWallText(millis, zone);
  const wallDate = wall.slice(0, 10);
  if (wall.slice(11, 16) >= "08:00") return wallDate;
  return millis >= oldMemberDayStart(wallDate, zone).getTime() ? wallDate : oldAddDays(wallDate, -1);
}

interface OldDaysOff {
  readonly startDate: string;
  readonly breakWeeks: readonly number[];
  readonly personalBreaks: readonly PersonalBreak[];
}

/** `isMemberDayOff` as it was (and `isBreakDate` with no personal breaks). */
function oldIsDayOff(plan: OldDaysOff, date: string): boolean {
  return (
    plan.breakWeeks.includes(Math.floor((oldEpochDay(date) - oldEpochDay(plan.startDate)) / 7) + 1) ||
    plan.personalBreaks.some((entry) => entry.from <= date && date <= entry.to)
  );
}

interface OldInput {
  readonly completions: readonly { readonly completedAt: number; readonly day: string | null }[];
  readonly timeZone: string;
  readonly studyDays: readonly number[];
  readonly isDayOff: (date: string) => boolean;
  readonly now: number;
}

interface OldState {
  readonly current: number;
  readonly best: number;
  readonly freezes: number;
  readonly towardsFreeze: number;
}

function oldCounted(state: OldState): OldState {
  const earned = state.towardsFreeze + 1 === 5;
  const current = state.current + 1;
  return {
    current,
    best: Math.max(state.best, current),
    freezes: earned ? Math.min(2, state.freezes + 1) : state.freezes,
    towardsFreeze: earned ? 0 : state.towardsFreeze + 1,
  };
}

function oldMissed(state: OldState): OldState {
  if (state.current > 0 && state.freezes > 0) return { ...state, freezes: state.freezes - 1, towardsFreeze: 0 };
  return { ...state, current: 0, freezes: 0, towardsFreeze: 0 };
}

function oldForgivingStreak(input: OldInput): StreakView {
  const today = oldMemberDateOf(input.now, input.timeZone);
  const active = new Set<string>();
  for (const completion of input.completions) {
    if (completion.completedAt > input.now) continue;
    const date = completion.day ?? oldMemberDateOf(completion.completedAt, input.timeZone);
    if (date <= today) active.add(date);
  }
  const isStudyDay = (date: string): boolean => input.studyDays.includes(oldIsoWeekday(date)) && !input.isDayOff(date);
  let state: OldState = { current: 0, best: 0, freezes: 0, towardsFreeze: 0 };
  const first = [...active].sort()[0];
  if (first !== undefined) {
    for (let date = first; date < today; date = oldAddDays(date, 1)) {
      if (isStudyDay(date)) state = active.has(date) ? oldCounted(state) : oldMissed(state);
    }
    if (isStudyDay(today) && active.has(today)) state = oldCounted(state);
  }
  let actBy: Date | null = null;
  let safeUntil: Date | null = null;
  if (state.current > 0) {
    let misses = 0;
    for (let offset = active.has(today) ? 1 : 0; offset <= 400; offset += 1) {
      const date = oldAddDays(today, offset);
      if (!isStudyDay(date)) continue;
      const end = oldMemberDayEnd(date, input.timeZone);
      actBy ??= end;
      misses += 1;
      if (misses > state.freezes) {
        safeUntil = end;
        break;
      }
    }
  }
  // The old streak had no course's first day: nothing started later.
  return { current: state.current, best: state.best, freezesHeld: state.freezes, actBy, safeUntil, final: false, startsOn: null };
}

function oldYesterdayTarget(today: string, studyDays: readonly number[], isDayOff: (date: string) => boolean): string | null {
  for (let offset = 1; offset <= 400; offset += 1) {
    const date = oldAddDays(today, -offset);
    if (studyDays.includes(oldIsoWeekday(date)) && !isDayOff(date)) return date;
  }
  return null;
}

// ---------------------------------------------------------------- random inputs

const ZONES = [
  "America/New_York",
  "Europe/Berlin",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "America/Santiago",
  "Antarctica/Troll",
  "America/Havana",
  "UTC",
];
/** Windows holding northern and southern DST changes (March, April, September–November). */
const WINDOW_STARTS = ["2027-02-20", "2027-03-15", "2027-09-01", "2027-09-25", "2027-10-20", "2026-12-28"];

/**
 * Every zone in every window, `perPair` random histories each: all 54 pairs are covered for sure, as a
 * larger purely random sample covered them only most likely, at a fraction of its cost.
 */
function* everyZoneAndWindow(random: () => number, perPair: number): Generator<Case> {
  for (const zone of ZONES)
    for (const windowStart of WINDOW_STARTS) for (let index = 0; index < perPair; index += 1) yield randomCase(random, zone, windowStart);
}

const pad = (value: number): string => String(value).padStart(2, "0");

/** An instant near `date` in `zone`, often close to the 04:00 rollover. */
function instantNear(random: () => number, date: string, zone: string): number {
  const hour = random() < 0.5 ? randomInt(random, 2, 5) : randomInt(random, 0, 23);
  const base = oldZonedInstant(date, hour, randomInt(random, 0, 59), zone).getTime();
  return base + randomInt(random, -90_000, 90_000);
}

interface Case {
  readonly zone: string;
  readonly studyDays: number[];
  readonly daysOff: OldDaysOff;
  readonly completions: { completedAt: number; day: string | null }[];
  readonly now: number;
}

/** `history`: false leaves the completions out, for comparisons that read only the days off and `now` (and so cost less). */
function randomCase(
  random: () => number,
  zone = ZONES[randomInt(random, 0, ZONES.length - 1)] ?? "UTC",
  windowStart = WINDOW_STARTS[randomInt(random, 0, WINDOW_STARTS.length - 1)] ?? "2027-03-01",
  history = true,
): Case {
  const studyDays = [1, 2, 3, 4, 5, 6, 7].filter(() => random() < 0.7);
  if (studyDays.length === 0) studyDays.push(randomInt(random, 1, 7));
  const startDate = oldAddDays(windowStart, randomInt(random, -20, 10));
  const breakWeeks = effectiveBreakWeeks(
    12,
    Array.from({ length: randomInt(random, 0, 3) }, () => randomInt(random, 1, 12)),
  );
  const personalBreaks = Array.from({ length: randomInt(random, 0, 3) }, () => {
    const from = oldAddDays(windowStart, randomInt(random, -5, 60));
    return { from, to: oldAddDays(from, randomInt(random, -1, 10)) };
  });
  const daysOff = { startDate, breakWeeks, personalBreaks };
  const isDayOff = (date: string) => oldIsDayOff(daysOff, date);
  const span = randomInt(random, 1, 70);
  const density = random();
  const completions: { completedAt: number; day: string | null }[] = [];
  for (let day = 0; history && day < span; day += 1) {
    if (random() > density) continue;
    for (let count = randomInt(random, 1, 3); count > 0; count -= 1) {
      const completedAt = instantNear(random, oldAddDays(windowStart, day), zone);
      const loggedOn = oldMemberDateOf(completedAt, zone);
      const kind = random();
      // Stored member day (as every completion logged now carries), none (older rows), or a when:yesterday target.
      const memberDay = kind < 0.5 ? loggedOn : kind < 0.85 ? null : oldYesterdayTarget(loggedOn, studyDays, isDayOff);
      completions.push({ completedAt, day: memberDay });
    }
  }
  const now = instantNear(random, oldAddDays(windowStart, randomInt(random, 0, span + 5)), zone);
  return { zone, studyDays, daysOff, completions, now };
}

// ---------------------------------------------------------------- the comparisons

/**
 * Where the new code and the old disagree, asserted once per test (empty): a vitest `expect` per value
 * cost more than the code compared, over the hundred thousand values these tests compare.
 */
/**
 * The comparisons with luxon's offsets are CPU work that a shared machine (load 20) stretches several
 * times over (a few seconds alone): their timeout only catches a hang, it measures no speed.
 */
const oracleHangGuardMs = 300_000;

function disagreements(): { same(actual: unknown, expected: unknown, context: string): void; readonly found: string[] } {
  const found: string[] = [];
  return {
    found,
    same(actual, expected, context) {
      if (!Object.is(actual, expected)) found.push(`${context}: ${String(actual)}, was ${String(expected)}`);
    },
  };
}

describe("forgivingStreak on epoch days agrees with the string-date streak", () => {
  it(
    "on random histories across DST changes, rollovers, breaks and stored days",
    () => {
      let sample = 0;
      for (const c of everyZoneAndWindow(seededRandom(2027), 8)) {
        sample += 1;
        const expected = oldForgivingStreak({
          completions: c.completions,
          timeZone: c.zone,
          studyDays: c.studyDays,
          isDayOff: (date) => oldIsDayOff(c.daysOff, date),
          now: c.now,
        });
        const actual = forgivingStreak({
          completions: c.completions.map((entry) => ({ completedAt: new Date(entry.completedAt), day: entry.day })),
          timeZone: c.zone,
          studyDays: c.studyDays,
          daysOff: memberDaysOff(c.daysOff),
          now: new Date(c.now),
        });
        expect(actual, `sample ${sample} in ${c.zone} at ${new Date(c.now).toISOString()}`).toEqual(expected);
      }
    },
    oracleHangGuardMs,
  );

  it(
    "with cohort break weeks only, as the roster and the course summary ask",
    () => {
      const random = seededRandom(77);
      for (let sample = 0; sample < 300; sample += 1) {
        const c = randomCase(random);
        const stored = Array.from({ length: randomInt(random, 0, 4) }, () => randomInt(random, 0, 14));
        const calendar = { startDate: c.daysOff.startDate, curriculumWeeks: 10, breakWeeks: stored };
        const cohortOff = { startDate: calendar.startDate, breakWeeks: effectiveBreakWeeks(10, stored), personalBreaks: [] };
        const completions = c.completions.map((entry) => ({ completedAt: entry.completedAt, day: null }));
        const expected = oldForgivingStreak({
          completions,
          timeZone: c.zone,
          studyDays: c.studyDays,
          isDayOff: (date) => oldIsDayOff(cohortOff, date),
          now: c.now,
        });
        const actual = forgivingStreak({
          completions,
          timeZone: c.zone,
          studyDays: c.studyDays,
          daysOff: breakDayRanges(calendar),
          now: c.now,
        });
        expect(actual, `sample ${sample}`).toEqual(expected);
      }
    },
    oracleHangGuardMs,
  );

  it(
    "picks the same when:yesterday day",
    () => {
      const random = seededRandom(31);
      const differ = disagreements();
      for (let sample = 0; sample < 500; sample += 1) {
        const c = randomCase(random, undefined, undefined, false);
        const today = oldMemberDateOf(c.now, c.zone);
        differ.same(
          yesterdayTarget(today, c.studyDays, memberDaysOff(c.daysOff)),
          oldYesterdayTarget(today, c.studyDays, (date) => oldIsDayOff(c.daysOff, date)),
          `sample ${sample}`,
        );
      }
      expect(differ.found).toEqual([]);
    },
    oracleHangGuardMs,
  );

  it("counts a stored day that is not a date for no day", () => {
    const now = new Date("2027-03-10T12:00:00Z");
    const view = forgivingStreak({
      completions: [
        { completedAt: new Date("2027-03-09T12:00:00Z"), day: "2027-03-09" },
        { completedAt: new Date("2027-03-09T13:00:00Z"), day: "2027-02-30" },
        { completedAt: new Date("2027-03-09T14:00:00Z"), day: "garbage" },
      ],
      timeZone: "UTC",
      studyDays: [1, 2, 3, 4, 5, 6, 7],
      daysOff: [],
      now,
    });
    expect(view.current).toBe(1);
  });
});

describe("day ranges agree with the date tests they replace", () => {
  it(
    "memberDaysOff holds exactly the days isMemberDayOff named",
    () => {
      const random = seededRandom(8);
      const differ = disagreements();
      for (let sample = 0; sample < 200; sample += 1) {
        const { daysOff } = randomCase(random, undefined, undefined, false);
        const ranges = memberDaysOff(daysOff);
        for (let day = -30; day < 120; day += 1) {
          const date = oldAddDays(daysOff.startDate, day);
          differ.same(isInDayRanges(ranges, oldEpochDay(date)), oldIsDayOff(daysOff, date), `${date} of sample ${sample}`);
        }
      }
      expect(differ.found).toEqual([]);
    },
    oracleHangGuardMs,
  );

  it("skips a stored break whose ends are not dates", () => {
    expect(localDateRanges([{ from: "2027-03-01", to: "2027-3-5" }])).toEqual([]);
    expect(localDateRanges([{ from: "2027-03-01", to: "2027-03-05" }])).toEqual([
      { from: epochDayOfLocalDate("2027-03-01"), to: epochDayOfLocalDate("2027-03-05") },
    ]);
  });
});

describe("date helpers agree with the string-date versions", () => {
  it("parse, format, add and weekday over centuries and leap days", () => {
    const random = seededRandom(12);
    const differ = disagreements();
    for (let sample = 0; sample < 20_000; sample += 1) {
      const epochDay = randomInt(random, -350_000, 2_900_000); // years 1011 … 9909
      const date = oldDateOfEpochDay(epochDay);
      differ.same(localDateOfEpochDay(epochDay), date, `localDateOfEpochDay(${epochDay})`);
      differ.same(epochDayOfLocalDate(date), epochDay, `epochDayOfLocalDate(${date})`);
      differ.same(epochDayOfLocalDateOrNull(date), epochDay, `epochDayOfLocalDateOrNull(${date})`);
      const days = randomInt(random, -800, 800);
      differ.same(addDays(date, days), oldAddDays(date, days), `addDays(${date}, ${days})`);
      differ.same(isoWeekday(date), oldIsoWeekday(date), `isoWeekday(${date})`);
      differ.same(daysBetween(date, oldAddDays(date, days)), days, `daysBetween(${date}, +${days})`);
    }
    expect(differ.found).toEqual([]);
  });

  it("format years outside 1000–9999 as Date#toISOString did", () => {
    for (const epochDay of [-719_528, -400_000, -1, 2_932_897, 2_932_896, 3_000_000]) {
      expect(localDateOfEpochDay(epochDay)).toBe(oldDateOfEpochDay(epochDay));
    }
  });

  it("accept and refuse exactly the text the regular expression did", () => {
    const random = seededRandom(99);
    const alphabet = "0123456789--/ aZ٣\n";
    const texts = [
      "2027-03-01",
      "2028-02-29",
      "2027-02-29",
      "0999-12-31",
      "1000-01-01",
      "9999-12-31",
      "2027-03-01\n",
      " 2027-03-01",
      "２027-03-01",
    ];
    for (let sample = 0; sample < 20_000; sample += 1) {
      // Mostly near-dates: a real date with one character changed, or random text of about the right length.
      const base = oldDateOfEpochDay(randomInt(random, -400_000, 2_900_000));
      const at = randomInt(random, 0, 10);
      const char = alphabet[randomInt(random, 0, alphabet.length - 1)] ?? "0";
      texts.push(random() < 0.7 ? base.slice(0, at) + char + base.slice(at + 1) : base.slice(0, randomInt(random, 8, 11)));
    }
    const differ = disagreements();
    for (const text of texts) {
      const old = oldSplit(text);
      differ.same(
        epochDayOfLocalDateOrNull(text),
        old === null ? null : oldEpochDay(text),
        `epochDayOfLocalDateOrNull(${JSON.stringify(text)})`,
      );
      differ.same(parseLocalDate(text), oldSplit(text.trim()) ? text.trim() : null, `parseLocalDate(${JSON.stringify(text)})`);
    }
    expect(differ.found).toEqual([]);
  });

  it(
    "place wall times, member days and local dates as before, around every DST change",
    () => {
      const random = seededRandom(4);
      const differ = disagreements();
      for (let sample = 0; sample < 6000; sample += 1) {
        const zone = ZONES[sample % ZONES.length] ?? "UTC";
        const windowStart = WINDOW_STARTS[randomInt(random, 0, WINDOW_STARTS.length - 1)] ?? "2027-03-01";
        const date = oldAddDays(windowStart, randomInt(random, 0, 45));
        const hour = randomInt(random, 0, 23);
        const minute = randomInt(random, 0, 59);
        const context = `${date} ${pad(hour)}:${pad(minute)} ${zone}`;
        differ.same(
          zonedInstant(date, `${pad(hour)}:${pad(minute)}`, zone).getTime(),
          oldZonedInstant(date, hour, minute, zone).getTime(),
          `zonedInstant ${context}`,
        );
        differ.same(memberDayStart(date, zone).getTime(), oldMemberDayStart(date, zone).getTime(), `memberDayStart ${context}`);
        differ.same(memberDayEnd(date, zone).getTime(), oldMemberDayEnd(date, zone).getTime(), `memberDayEnd ${context}`);
        const instant = instantNear(random, date, zone);
        const at = `${new Date(instant).toISOString()} ${zone}`;
        differ.same(memberDateOf(instant, zone), oldMemberDateOf(instant, zone), `memberDateOf ${at}`);
        differ.same(localDateOf(instant, zone), oldWallText(instant, zone).slice(0, 10), `localDateOf ${at}`);
      }
      expect(differ.found).toEqual([]);
    },
    oracleHangGuardMs,
  );
});
