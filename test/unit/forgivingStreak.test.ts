import { describe, expect, it } from "vitest";
import { addDays, epochDayOfLocalDate, isoWeekday, zonedInstant } from "../../src/domain/schedule/localTime.js";
import { memberDateOf, memberDayEnd, memberDayStart, memberTimeZone } from "../../src/domain/schedule/memberDay.js";
import {
  forgivingStreak,
  FREEZE_EVERY_DAYS,
  streakWithFrozenDays,
  MAX_FREEZES,
  yesterdayTarget,
  type StreakCompletion,
  type StreakInput,
  type StreakView,
} from "../../src/domain/scoring/forgivingStreak.js";
import { randomInt, seededRandom } from "../helpers/planFixtures.js";

const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** A completion at a wall time on a date in `zone`. */
const doneAt = (date: string, clock = "20:00", zone = "UTC"): StreakCompletion => ({
  completedAt: zonedInstant(date, clock, zone),
  day: null,
});
/** One completion a day on each of `dates`, evening local time. */
const doneOn = (dates: readonly string[], zone = "UTC"): StreakCompletion[] => dates.map((date) => doneAt(date, "20:00", zone));
/** Days off from `from` through `to`, both included. */
const off = (from: string, to: string) => [{ from: epochDayOfLocalDate(from), to: epochDayOfLocalDate(to) }];
/** `count` consecutive dates from `from`. */
const run = (from: string, count: number): string[] => Array.from({ length: count }, (_, index) => addDays(from, index));

function streakAt(now: Date, completions: readonly StreakCompletion[], overrides: Partial<StreakInput> = {}): StreakView {
  return forgivingStreak({ completions, timeZone: "UTC", studyDays: EVERY_DAY, daysOff: [], now, ...overrides });
}

describe("member day (04:00 rollover)", () => {
  it("counts 01:30 for the day before and 04:00 for the day itself", () => {
    expect(memberDateOf(new Date("2027-03-02T01:30:00Z"), "UTC")).toBe("2027-03-01");
    expect(memberDateOf(new Date("2027-03-02T03:59:59Z"), "UTC")).toBe("2027-03-01");
    expect(memberDateOf(new Date("2027-03-02T04:00:00Z"), "UTC")).toBe("2027-03-02");
  });

  it("keeps 04:00 local on daylight-saving days (New York, spring and fall)", () => {
    const ny = "America/New_York";
    // 2027-03-14: 02:00 EST jumps to 03:00 EDT. 03:59 EDT = 07:59Z, 04:00 EDT = 08:00Z.
    expect(memberDateOf(new Date("2027-03-14T06:59:00Z"), ny)).toBe("2027-03-13"); // 01:59 EST
    expect(memberDateOf(new Date("2027-03-14T07:59:00Z"), ny)).toBe("2027-03-13"); // 03:59 EDT
    expect(memberDateOf(new Date("2027-03-14T08:00:00Z"), ny)).toBe("2027-03-14"); // 04:00 EDT
    expect(memberDayStart("2027-03-14", ny).toISOString()).toBe("2027-03-14T08:00:00.000Z");
    // 2027-11-07: 02:00 EDT falls back to 01:00 EST; both 01:30s belong to the 6th.
    expect(memberDateOf(new Date("2027-11-07T05:30:00Z"), ny)).toBe("2027-11-06"); // 01:30 EDT
    expect(memberDateOf(new Date("2027-11-07T06:30:00Z"), ny)).toBe("2027-11-06"); // 01:30 EST
    expect(memberDateOf(new Date("2027-11-07T08:59:00Z"), ny)).toBe("2027-11-06"); // 03:59 EST
    expect(memberDateOf(new Date("2027-11-07T09:00:00Z"), ny)).toBe("2027-11-07"); // 04:00 EST
    // The 6th lasted 25 hours.
    expect(memberDayEnd("2027-11-06", ny).getTime() - memberDayStart("2027-11-06", ny).getTime()).toBe(25 * 3_600_000);
  });

  it("agrees with its own day boundaries in zones with odd transitions", () => {
    const zones = [
      "America/New_York",
      "Europe/London",
      "Australia/Lord_Howe",
      "America/Santiago",
      "America/Havana",
      "Antarctica/Troll",
      "Asia/Kolkata",
      "Pacific/Chatham",
    ];
    const random = seededRandom(404);
    const from = Date.UTC(2026, 0, 1);
    const span = Date.UTC(2028, 0, 1) - from;
    for (let sample = 0; sample < 2000; sample += 1) {
      const zone = zones[sample % zones.length] ?? "UTC";
      const instant = from + Math.floor(random() * span);
      const date = memberDateOf(instant, zone);
      expect(memberDayStart(date, zone).getTime()).toBeLessThanOrEqual(instant);
      expect(memberDayEnd(date, zone).getTime()).toBeGreaterThan(instant);
    }
  });

  it("uses the member's zone when they set one, else the cohort's", () => {
    expect(memberTimeZone("Asia/Tokyo", "Europe/Berlin")).toBe("Asia/Tokyo");
    expect(memberTimeZone(null, "Europe/Berlin")).toBe("Europe/Berlin");
  });
});

describe("forgivingStreak: table", () => {
  // 2027-03-01 is a Monday.
  it("is empty without completions", () => {
    expect(streakAt(new Date("2027-03-05T12:00:00Z"), [])).toEqual({
      current: 0,
      best: 0,
      freezesHeld: 0,
      actBy: null,
      safeUntil: null,
      final: false,
      startsOn: null,
    });
  });

  it("does not break on a today with nothing done yet, and counts today once something is done", () => {
    const now = new Date("2027-03-04T12:00:00Z");
    const before = streakAt(now, doneOn(run("2027-03-01", 3)));
    expect(before).toMatchObject({ current: 3, best: 3, freezesHeld: 0 });
    expect(before.actBy?.toISOString()).toBe("2027-03-05T04:00:00.000Z");
    expect(before.safeUntil).toEqual(before.actBy);
    const after = streakAt(now, [...doneOn(run("2027-03-01", 3)), doneAt("2027-03-04", "09:00")]);
    expect(after).toMatchObject({ current: 4, best: 4 });
    expect(after.actBy?.toISOString()).toBe("2027-03-06T04:00:00.000Z");
  });

  it("skips days that are not study days", () => {
    const view = streakAt(new Date("2027-03-08T21:00:00Z"), doneOn(["2027-03-04", "2027-03-05", "2027-03-08"]), { studyDays: WEEKDAYS });
    expect(view.current).toBe(3);
    // Saturday: the next study day that needs a completion is Monday.
    const weekend = streakAt(new Date("2027-03-06T12:00:00Z"), doneOn(["2027-03-04", "2027-03-05"]), { studyDays: WEEKDAYS });
    expect(weekend.actBy?.toISOString()).toBe("2027-03-09T04:00:00.000Z");
  });

  it("ends on a missed study day when no freeze is held, keeping the best", () => {
    const view = streakAt(new Date("2027-03-05T21:00:00Z"), doneOn(["2027-03-01", "2027-03-02", "2027-03-04", "2027-03-05"]));
    expect(view).toMatchObject({ current: 2, best: 2, freezesHeld: 0 });
    const longer = streakAt(new Date("2027-03-09T21:00:00Z"), doneOn([...run("2027-03-01", 4), "2027-03-09"]));
    expect(longer).toMatchObject({ current: 1, best: 4 });
  });

  it("earns a freeze every 5 counted days, at most 2", () => {
    const at = (days: number) => streakAt(new Date(`${addDays("2027-03-01", days - 1)}T21:00:00Z`), doneOn(run("2027-03-01", days)));
    expect(at(4).freezesHeld).toBe(0);
    expect(at(FREEZE_EVERY_DAYS).freezesHeld).toBe(1);
    expect(at(9).freezesHeld).toBe(1);
    expect(at(10).freezesHeld).toBe(2);
    expect(at(15).freezesHeld).toBe(MAX_FREEZES);
  });

  it("spends a freeze on a missed day: the streak lives on without growing", () => {
    const dates = [...run("2027-03-01", 5), ...run("2027-03-07", 2)]; // 6 March missed
    const view = streakAt(new Date("2027-03-08T21:00:00Z"), doneOn(dates));
    expect(view).toMatchObject({ current: 7, best: 7, freezesHeld: 0 });
    // A freeze needs 5 new counted days after a miss.
    const later = streakAt(new Date("2027-03-11T21:00:00Z"), doneOn([...dates, ...run("2027-03-09", 3)]));
    expect(later).toMatchObject({ current: 10, freezesHeld: 1 });
  });

  it("survives two missed days with two freezes, not three", () => {
    const ten = run("2027-03-01", 10);
    expect(streakAt(new Date("2027-03-13T21:00:00Z"), doneOn([...ten, "2027-03-13"]))).toMatchObject({ current: 11, freezesHeld: 0 });
    expect(streakAt(new Date("2027-03-14T21:00:00Z"), doneOn([...ten, "2027-03-14"]))).toMatchObject({ current: 1, best: 10 });
  });

  it("names the missed days a freeze covered, and not the one that ended the streak", () => {
    const input = (now: string, dates: readonly string[]): StreakInput => ({
      completions: doneOn(dates),
      timeZone: "UTC",
      studyDays: EVERY_DAY,
      daysOff: [],
      now: new Date(now),
    });
    // Ten days earn two freezes: 11 and 12 March are covered by them, 13 March ends the streak.
    const ten = run("2027-03-01", 10);
    expect([...streakWithFrozenDays(input("2027-03-14T21:00:00Z", [...ten, "2027-03-14"])).frozenDays]).toEqual([
      "2027-03-11",
      "2027-03-12",
    ]);
    // Today, not over yet, is no miss: nothing frozen.
    expect([...streakWithFrozenDays(input("2027-03-11T21:00:00Z", ten)).frozenDays]).toEqual([]);
  });

  it("says until when the streak is safe with the freezes held", () => {
    const view = streakAt(new Date("2027-03-10T12:00:00Z"), doneOn(run("2027-03-01", 9)));
    expect(view.freezesHeld).toBe(1);
    expect(view.actBy?.toISOString()).toBe("2027-03-11T04:00:00.000Z"); // today still counts
    expect(view.safeUntil?.toISOString()).toBe("2027-03-12T04:00:00.000Z"); // a freeze covers today
  });

  it("counts a 01:30 completion for the day before", () => {
    const completions = [...doneOn(run("2027-03-01", 2)), { completedAt: new Date("2027-03-04T01:30:00Z"), day: null }];
    expect(streakAt(new Date("2027-03-04T12:00:00Z"), completions).current).toBe(3);
    expect(streakAt(new Date("2027-03-04T03:00:00Z"), completions).current).toBe(3);
  });

  it("counts a when:yesterday completion for its target day", () => {
    const yesterday: StreakCompletion = { completedAt: new Date("2027-03-04T09:00:00Z"), day: "2027-03-03" };
    const view = streakAt(new Date("2027-03-04T12:00:00Z"), [...doneOn(run("2027-03-01", 2)), yesterday]);
    expect(view.current).toBe(3);
    expect(yesterdayTarget("2027-03-08", WEEKDAYS, [])).toBe("2027-03-05");
    expect(yesterdayTarget("2027-03-08", WEEKDAYS, off("2027-03-05", "2027-03-05"))).toBe("2027-03-04");
    // Nothing before the course's first day.
    expect(yesterdayTarget("2027-03-08", WEEKDAYS, [], "2027-03-08")).toBeNull();
    expect(yesterdayTarget("2027-03-09", WEEKDAYS, [], "2027-03-08")).toBe("2027-03-08");
  });

  it("neither breaks nor extends on days off", () => {
    const daysOff = off("2027-03-03", "2027-03-05");
    const dates = ["2027-03-01", "2027-03-02", "2027-03-04", "2027-03-08"];
    const view = streakAt(new Date("2027-03-08T21:00:00Z"), doneOn(dates), { studyDays: WEEKDAYS, daysOff });
    expect(view.current).toBe(3);
    const onBreak = streakAt(new Date("2027-03-04T21:00:00Z"), doneOn(dates), { studyDays: WEEKDAYS, daysOff });
    expect(onBreak.current).toBe(2);
    expect(onBreak.actBy?.toISOString()).toBe("2027-03-09T04:00:00.000Z");
  });

  it("ignores completions after now", () => {
    expect(streakAt(new Date("2027-03-02T12:00:00Z"), doneOn(run("2027-03-01", 5))).current).toBe(1);
  });
});

describe("forgivingStreak: the course's first day", () => {
  // 2027-03-01 is a Monday; the course starts on Wednesday 3 March, weekdays are the study days.
  const course = { studyDays: WEEKDAYS, firstDay: "2027-03-03" };

  it("neither counts nor breaks on days before the first day, and says the streak starts on it", () => {
    const early = doneOn(["2027-03-01", "2027-03-02"]);
    const tuesday = streakAt(new Date("2027-03-02T21:00:00Z"), early, course);
    expect(tuesday).toEqual({ current: 0, best: 0, freezesHeld: 0, actBy: null, safeUntil: null, final: false, startsOn: "2027-03-03" });
    // Without a first day the same reading is a streak of two.
    expect(streakAt(new Date("2027-03-02T21:00:00Z"), early, { studyDays: WEEKDAYS })).toMatchObject({ current: 2, startsOn: null });
    // Nothing logged on the first day's morning: no miss, and the streak counts from that day on.
    const wednesday = streakAt(new Date("2027-03-03T09:00:00Z"), early, course);
    expect(wednesday).toMatchObject({ current: 0, best: 0, startsOn: null });
    const thursday = streakAt(new Date("2027-03-04T21:00:00Z"), doneOn([...run("2027-03-01", 4)]), course);
    expect(thursday).toMatchObject({ current: 2, best: 2, startsOn: null });
  });

  it("counts the first day itself, and in the member's own day (04:00 rollover)", () => {
    expect(streakAt(new Date("2027-03-03T21:00:00Z"), doneOn(["2027-03-03"]), course)).toMatchObject({ current: 1, startsOn: null });
    // 02:00 on the first day is still the member day before it.
    const night = [{ completedAt: new Date("2027-03-03T02:00:00Z"), day: null }];
    expect(streakAt(new Date("2027-03-03T02:30:00Z"), night, course)).toMatchObject({ current: 0, startsOn: "2027-03-03" });
    expect(streakAt(new Date("2027-03-03T21:00:00Z"), night, course)).toMatchObject({ current: 0, startsOn: null });
  });

  it("starts on the first study day from the first day on: not a weekend, not a day off", () => {
    const saturdayStart = { studyDays: WEEKDAYS, firstDay: "2027-03-06" };
    expect(streakAt(new Date("2027-03-04T12:00:00Z"), [], saturdayStart).startsOn).toBe("2027-03-08");
    const offFirstDays = { ...course, daysOff: off("2027-03-03", "2027-03-09") };
    expect(streakAt(new Date("2027-03-02T12:00:00Z"), [], offFirstDays).startsOn).toBe("2027-03-10");
  });

  it("starts on no day once the cohort has ended, even before its first day", () => {
    const until = new Date("2027-03-01T12:00:00Z");
    expect(streakAt(new Date("2027-03-02T12:00:00Z"), doneOn(["2027-03-01"]), { ...course, until })).toMatchObject({
      current: 0,
      final: true,
      startsOn: null,
    });
  });

  it("gives when:yesterday no day before the first day", () => {
    expect(yesterdayTarget("2027-03-03", WEEKDAYS, [], "2027-03-03")).toBeNull();
    expect(yesterdayTarget("2027-03-02", WEEKDAYS, [], "2027-03-03")).toBeNull();
    expect(yesterdayTarget("2027-03-04", WEEKDAYS, [], "2027-03-03")).toBe("2027-03-03");
    // The first day off: the first study day after it is the earliest target.
    expect(yesterdayTarget("2027-03-05", WEEKDAYS, off("2027-03-03", "2027-03-03"), "2027-03-03")).toBe("2027-03-04");
    expect(yesterdayTarget("2027-03-04", WEEKDAYS, off("2027-03-03", "2027-03-03"), "2027-03-03")).toBeNull();
    // Monday after a Saturday start: Friday is before the course, so there is none.
    expect(yesterdayTarget("2027-03-08", WEEKDAYS, [], "2027-03-06")).toBeNull();
  });
});

describe("forgivingStreak: until (an ended cohort, a course over)", () => {
  // 2027-03-01 is a Monday; weekdays are the study days.
  const weekdays = { studyDays: WEEKDAYS };

  it("stands as it did at the end, days after it, with no deadline", () => {
    // Twelve study days in a row, the last one's reading done at 09:00 on Tuesday 16 March.
    const history = [...doneOn([...run("2027-03-01", 5), ...run("2027-03-08", 5), "2027-03-15"]), doneAt("2027-03-16", "09:00")];
    // Ended on that Tuesday at 10:00.
    const until = new Date("2027-03-16T10:00:00Z");
    const atEnd = streakAt(until, history, weekdays);
    for (const now of [until, new Date("2027-03-19T12:00:00Z"), new Date("2027-04-30T12:00:00Z")]) {
      const frozen = streakAt(now, history, { ...weekdays, until });
      expect(frozen).toEqual({ ...atEnd, current: 12, best: 12, actBy: null, safeUntil: null, final: true });
    }
    // Without `until` the same history runs down to nothing.
    expect(streakAt(new Date("2027-03-25T12:00:00Z"), history, weekdays).current).toBe(0);
  });

  it("does not count the end's own day as missed when it was cut short before anything was done", () => {
    const history = doneOn([...run("2027-03-01", 5), ...run("2027-03-08", 4)]);
    const until = new Date("2027-03-12T10:00:00Z"); // Friday, before the evening's reading
    const later = new Date("2027-03-22T12:00:00Z");
    expect(streakAt(later, history, { ...weekdays, until })).toMatchObject({ current: 9, freezesHeld: 1 });
    expect(streakAt(later, history, weekdays).current).toBe(0);
  });

  it("counts the last day in full when the course ended at its close", () => {
    const history = doneOn(run("2027-03-01", 5));
    // The end of Friday 5 March in the member's day: 04:00 the next morning.
    const until = memberDayEnd("2027-03-05", "UTC");
    expect(streakAt(new Date("2027-03-20T12:00:00Z"), history, { ...weekdays, until }).current).toBe(5);
    const missedLast = doneOn(run("2027-03-01", 4));
    const view = streakAt(new Date("2027-03-20T12:00:00Z"), missedLast, { ...weekdays, until });
    // Friday missed: no freeze held yet after four days, so the streak had ended by the close.
    expect(view).toMatchObject({ current: 0, best: 4, actBy: null, safeUntil: null });
  });

  it("counts reading logged `when:yesterday` the morning after the last day for that day, and no later day", () => {
    // Monday to Thursday read on the day; Friday 5 March's reading logged on Monday morning, after the course's Sunday close.
    const history = [...doneOn(run("2027-03-01", 4)), { completedAt: new Date("2027-03-08T09:00:00Z"), day: "2027-03-05" }];
    const until = memberDayEnd("2027-03-07", "UTC");
    const later = new Date("2027-03-20T12:00:00Z");
    expect(streakAt(later, history, { ...weekdays, until })).toMatchObject({ current: 5, final: true });
    // Reading logged for a day after the close counts for nothing.
    const afterClose = [...history, { completedAt: new Date("2027-03-09T09:00:00Z"), day: "2027-03-08" }];
    expect(streakAt(later, afterClose, { ...weekdays, until }).current).toBe(5);
  });

  it("ignores completions after the end and changes nothing before it", () => {
    const until = new Date("2027-03-03T10:00:00Z");
    const late = doneOn(run("2027-03-01", 8));
    expect(streakAt(new Date("2027-03-08T21:00:00Z"), late, { until }).current).toBe(2);
    const before = new Date("2027-03-02T21:00:00Z");
    expect(streakAt(before, late, { until })).toEqual(streakAt(before, late));
  });
});

describe("forgivingStreak: zones", () => {
  it("keeps a streak through spring-forward and fall-back weeks in New York", () => {
    const ny = "America/New_York";
    const spring = streakAt(zonedInstant("2027-03-17", "12:00", ny), doneOn(run("2027-03-10", 7), ny), { timeZone: ny });
    expect(spring.current).toBe(7);
    // A late-night completion at 01:30 on the fall-back night (either 01:30) keeps Saturday.
    const fall = [
      ...doneOn(["2027-11-05"], ny),
      { completedAt: new Date("2027-11-07T06:30:00Z"), day: null },
      ...doneOn(["2027-11-07"], ny),
    ];
    expect(streakAt(new Date("2027-11-08T02:00:00Z"), fall, { timeZone: ny }).current).toBe(3);
    // 03:59 EDT on the spring-forward day is still Saturday; 04:00 is Sunday.
    const edge = (instant: string) =>
      streakAt(new Date("2027-03-14T20:00:00Z"), [...doneOn(["2027-03-12"], ny), { completedAt: new Date(instant), day: null }], {
        timeZone: ny,
      }).current;
    expect(edge("2027-03-14T07:59:00Z")).toBe(2);
    expect(edge("2027-03-14T08:00:00Z")).toBe(1);
  });

  it("gives the safe-until instant at 04:00 local across a change to summer time", () => {
    const london = "Europe/London"; // 2027-03-28 01:00 UTC: 01:00 GMT → 02:00 BST
    const view = streakAt(zonedInstant("2027-03-27", "20:00", london), doneOn(run("2027-03-25", 3), london), { timeZone: london });
    expect(view.actBy?.toISOString()).toBe("2027-03-29T03:00:00.000Z");
  });

  it("follows the member's zone, not the cohort's", () => {
    // 20:00 UTC on Monday is 05:00 Tuesday in Tokyo.
    const completions = ["2027-03-01", "2027-03-02", "2027-03-03"].map((date) => ({
      completedAt: zonedInstant(date, "20:00", "UTC"),
      day: null,
    }));
    const now = new Date("2027-03-04T01:00:00Z"); // Thursday 10:00 in Tokyo, Thursday 01:00 (still Wednesday's member day) in UTC
    const tokyo = streakAt(now, completions, { timeZone: memberTimeZone("Asia/Tokyo", "UTC"), studyDays: WEEKDAYS });
    const cohortZone = streakAt(now, completions, { timeZone: memberTimeZone(null, "UTC"), studyDays: WEEKDAYS });
    expect(tokyo.current).toBe(3); // Tue, Wed, Thu in Tokyo
    expect(cohortZone.current).toBe(3); // Mon, Tue, Wed in UTC
    // Thursday is done in Tokyo (05:00 there), so Friday is the next day that needs one: it ends Saturday 04:00 Tokyo.
    expect(tokyo.actBy?.toISOString()).toBe("2027-03-05T19:00:00.000Z");
    expect(cohortZone.actBy?.toISOString()).toBe("2027-03-05T04:00:00.000Z"); // Thursday's day ends Friday 04:00 UTC
    // A week later, with Monday morning Tokyo completions landing on Sunday in UTC:
    const sundayUtc = streakAt(new Date("2027-03-08T12:00:00Z"), [{ completedAt: new Date("2027-03-07T23:00:00Z"), day: null }], {
      timeZone: "UTC",
      studyDays: WEEKDAYS,
    });
    expect(sundayUtc.current).toBe(0);
    const mondayTokyo = streakAt(new Date("2027-03-08T12:00:00Z"), [{ completedAt: new Date("2027-03-07T23:00:00Z"), day: null }], {
      timeZone: "Asia/Tokyo",
      studyDays: WEEKDAYS,
    });
    expect(mondayTokyo.current).toBe(1);
  });

  it("stands on the day already logged for after a move west, where the new zone's day is still the one before", () => {
    // Monday to Thursday read in Berlin (stored member days); Thursday 01:30 in Los Angeles is still Wednesday's day there.
    const completions = run("2027-03-01", 4).map((date) => ({ completedAt: zonedInstant(date, "10:00", "Europe/Berlin"), day: date }));
    const input = { completions, timeZone: "America/Los_Angeles", studyDays: WEEKDAYS, daysOff: [], now: new Date("2027-03-04T09:30:00Z") };
    const { streak, today } = streakWithFrozenDays(input);
    expect(today).toBe("2027-03-04");
    expect(streak.current).toBe(4);
    // Thursday is done: Friday in Los Angeles is the next day that needs reading, ending Saturday 04:00 there.
    expect(streak.actBy?.toISOString()).toBe("2027-03-06T12:00:00.000Z");
    // Reading logged after `now` moves no day: the streak read earlier stands on the zone's own day.
    expect(streakWithFrozenDays({ ...input, now: new Date("2027-03-04T08:30:00Z") }).today).toBe("2027-03-03");
  });
});

// ---------------------------------------------------------------- reference model

/** The member day of an instant by brute force over nearby dates and their 04:00 boundaries. */
function referenceDateOf(millis: number, zone: string): string {
  const utcDate = new Date(millis).toISOString().slice(0, 10);
  for (let offset = -2; offset <= 2; offset += 1) {
    const date = addDays(utcDate, offset);
    if (zonedInstant(date, "04:00", zone).getTime() <= millis && millis < zonedInstant(addDays(date, 1), "04:00", zone).getTime())
      return date;
  }
  throw new Error("no member day");
}

interface ReferenceDay {
  readonly streak: number;
  readonly freezes: number;
  readonly run: number;
}

/** One day of the rules, written out plainly. */
function referenceStep(day: ReferenceDay, studyDay: boolean, active: boolean, dayIsOver: boolean): ReferenceDay {
  if (!studyDay) return day;
  if (active) {
    const run = day.run + 1;
    if (run === 5) return { streak: day.streak + 1, freezes: Math.min(2, day.freezes + 1), run: 0 };
    return { streak: day.streak + 1, freezes: day.freezes, run };
  }
  if (!dayIsOver) return day;
  if (day.streak > 0 && day.freezes > 0) return { streak: day.streak, freezes: day.freezes - 1, run: 0 };
  return { streak: 0, freezes: 0, run: 0 };
}

function referenceStreak(input: StreakInput, windowStart: string): StreakView {
  const nowMillis = new Date(input.now).getTime();
  const active = new Set<string>();
  for (const completion of input.completions) {
    const millis = new Date(completion.completedAt).getTime();
    if (millis > nowMillis) continue;
    active.add(completion.day ?? referenceDateOf(millis, input.timeZone));
  }
  // Today: the zone's day, or a later day already logged for (in a zone further east, before a move west).
  const today = [...active].reduce((latest, date) => (date > latest ? date : latest), referenceDateOf(nowMillis, input.timeZone));
  const isDayOff = (date: string) =>
    input.daysOff.some((range) => range.from <= epochDayOfLocalDate(date) && epochDayOfLocalDate(date) <= range.to);
  const firstDay = input.firstDay ?? null;
  const studyDay = (date: string) =>
    (firstDay === null || date >= firstDay) && input.studyDays.includes(isoWeekday(date)) && !isDayOff(date);
  // Before the first day: the first study day from it on.
  let startsOn: string | null = null;
  if (firstDay !== null && today < firstDay)
    for (let date = firstDay, steps = 0; steps <= 400 && startsOn === null; steps += 1, date = addDays(date, 1))
      if (studyDay(date)) startsOn = date;
  let day: ReferenceDay = { streak: 0, freezes: 0, run: 0 };
  let best = 0;
  for (let date = windowStart; date <= today; date = addDays(date, 1)) {
    day = referenceStep(day, studyDay(date), active.has(date), date < today);
    best = Math.max(best, day.streak);
  }
  if (day.streak === 0) return { current: 0, best, freezesHeld: day.freezes, actBy: null, safeUntil: null, final: false, startsOn };
  // Let the days run on with nothing done: the first day that costs something, and the day the streak ends.
  let actBy: Date | null = null;
  let safeUntil: Date | null = null;
  let future = day;
  let date = active.has(today) ? addDays(today, 1) : today;
  for (let steps = 0; steps < 400 && safeUntil === null; steps += 1, date = addDays(date, 1)) {
    const next = referenceStep(future, studyDay(date), false, true);
    if (actBy === null && (next.freezes < future.freezes || next.streak === 0))
      actBy = zonedInstant(addDays(date, 1), "04:00", input.timeZone);
    if (next.streak === 0) safeUntil = zonedInstant(addDays(date, 1), "04:00", input.timeZone);
    future = next;
  }
  return { current: day.streak, best, freezesHeld: day.freezes, actBy, safeUntil, final: false, startsOn };
}

describe("forgivingStreak: against a day-by-day reference model (seeded)", () => {
  const zones = ["UTC", "America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "America/Santiago", "Australia/Lord_Howe"];
  // Zones a member moved from: as far east and west as zones go (a day's lead of up to two), and nearer ones.
  const movedFrom = ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Tokyo", "America/Los_Angeles", "Europe/London"];
  // Windows that contain DST changes in the northern and southern hemispheres.
  const windowStarts = ["2027-03-01", "2027-10-10", "2027-03-20"];

  it("matches on random histories, zones, study days, days off, first days, yesterday logs and days logged before a move", () => {
    const random = seededRandom(5);
    for (let sample = 0; sample < 300; sample += 1) {
      const zone = zones[sample % zones.length] ?? "UTC";
      const windowStart = windowStarts[sample % windowStarts.length] ?? "2027-03-01";
      const studyDays = EVERY_DAY.filter(() => random() < 0.75);
      if (studyDays.length === 0) studyDays.push(randomInt(random, 1, 7));
      const offFrom = addDays(windowStart, randomInt(random, 0, 50));
      const offTo = addDays(offFrom, randomInt(random, -1, 6));
      const daysOff = off(offFrom, offTo);
      // Half the samples have a course's first day somewhere in the window.
      const firstDay = random() < 0.5 ? addDays(windowStart, randomInt(random, 0, 40)) : null;
      const density = 0.5 + random() * 0.5;
      const completions: StreakCompletion[] = [];
      for (let day = 0; day < 60; day += 1) {
        if (random() > density) continue;
        const date = addDays(windowStart, day);
        const clock = `${String(randomInt(random, 0, 23)).padStart(2, "0")}:${String(randomInt(random, 0, 59)).padStart(2, "0")}`;
        const completedAt = zonedInstant(date, clock, zone);
        const yesterday = random() < 0.1 ? yesterdayTarget(memberDateOf(completedAt, zone), studyDays, daysOff, firstDay) : null;
        // Some logged while the member's zone was another (before a move): the day stored is that zone's.
        const elsewhere = random() < 0.15 ? memberDateOf(completedAt, movedFrom[randomInt(random, 0, movedFrom.length - 1)] ?? zone) : null;
        completions.push({ completedAt, day: yesterday ?? elsewhere });
      }
      const now = zonedInstant(
        addDays(windowStart, randomInt(random, 0, 62)),
        `${String(randomInt(random, 0, 23)).padStart(2, "0")}:30`,
        zone,
      );
      // Half the samples are read soon after a move: the latest reading, hours before, was logged in the zone left.
      if (random() < 0.5) {
        const completedAt = new Date(now.getTime() - randomInt(random, 0, 12) * 3_600_000);
        completions.push({ completedAt, day: memberDateOf(completedAt, movedFrom[randomInt(random, 0, movedFrom.length - 1)] ?? zone) });
      }
      const input: StreakInput = { completions, timeZone: zone, studyDays, daysOff, firstDay, now };
      expect(forgivingStreak(input), `sample ${sample} in ${zone}`).toEqual(referenceStreak(input, addDays(windowStart, -14)));
    }
  });
});
