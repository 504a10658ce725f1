import { describe, expect, it } from "vitest";
import { pointsForCompletion } from "../../src/domain/scoring/pointsForCompletion.js";
import { progressBar } from "../../src/domain/scoring/progressBar.js";
import { competitionRank, rankStandings } from "../../src/domain/scoring/rankStandings.js";
import { streak } from "../../src/domain/scoring/streak.js";
import { addDays, isoWeekday, localDateOf } from "../../src/domain/schedule/localTime.js";

const at = (iso: string): Date => new Date(iso);

describe("pointsForCompletion", () => {
  const required = (minutes: number | null) => ({ kind: "Required" as const, minutes });

  it.each([
    [25, 30],
    [15, 18],
    [13, 16], // 15.6 rounds up
    [12, 14], // 14.4 rounds down
    [30, 36],
    [1, 1], // 1.2 rounds down
    [3, 4], // 3.6 rounds up
    [0, 0],
  ])("gives %i minutes on time %i points (a 20 percent bonus, nearest point)", (minutes, expected) => {
    expect(pointsForCompletion(required(minutes), at("2027-03-01T12:00:00Z"), "2027-03-01", "UTC")).toEqual({
      points: expected,
      onTime: true,
    });
  });

  it("gives the plain minutes when late", () => {
    expect(pointsForCompletion(required(25), at("2027-03-02T00:00:00Z"), "2027-03-01", "UTC")).toEqual({ points: 25, onTime: false });
  });

  it("counts items without an estimate as 15 minutes", () => {
    expect(pointsForCompletion(required(null), at("2027-03-03T00:00:00Z"), "2027-03-01", "UTC")).toEqual({ points: 15, onTime: false });
    expect(pointsForCompletion(required(null), at("2027-03-01T08:00:00Z"), "2027-03-01", "UTC")).toEqual({ points: 18, onTime: true });
  });

  it("gives Optional items points and bonus like Required ones", () => {
    expect(pointsForCompletion({ kind: "Optional", minutes: 20 }, at("2027-03-01T08:00:00Z"), "2027-03-01", "UTC")).toEqual({
      points: 24,
      onTime: true,
    });
  });

  it("gives Reference items nothing, on time or not", () => {
    expect(pointsForCompletion({ kind: "Reference", minutes: 30 }, at("2027-03-01T08:00:00Z"), "2027-03-01", "UTC")).toEqual({
      points: 0,
      onTime: false,
    });
    expect(pointsForCompletion({ kind: "Reference", minutes: null }, at("2027-03-05T08:00:00Z"), null, "UTC").points).toBe(0);
  });

  it("gives no bonus to an item without an assigned day", () => {
    expect(pointsForCompletion({ kind: "Optional", minutes: 20 }, at("2027-03-01T08:00:00Z"), null, "UTC")).toEqual({
      points: 20,
      onTime: false,
    });
  });

  it("counts completing ahead of the assigned day as on time", () => {
    expect(pointsForCompletion(required(25), at("2027-02-25T10:00:00Z"), "2027-03-01", "UTC").onTime).toBe(true);
  });

  it("draws the on-time line at cohort-local midnight in New York (23:59 on time, 00:00 late)", () => {
    const zone = "America/New_York";
    // 2027-03-10 is EST (−05:00): local midnight is 05:00 UTC the next day.
    expect(pointsForCompletion(required(25), at("2027-03-11T04:59:00Z"), "2027-03-10", zone)).toEqual({ points: 30, onTime: true });
    expect(pointsForCompletion(required(25), at("2027-03-11T04:59:59.999Z"), "2027-03-10", zone).onTime).toBe(true);
    expect(pointsForCompletion(required(25), at("2027-03-11T05:00:00Z"), "2027-03-10", zone)).toEqual({ points: 25, onTime: false });
  });

  it("draws the on-time line at local midnight after the clocks change (New York, 2027-03-14 ends at 04:00 UTC)", () => {
    const zone = "America/New_York";
    expect(pointsForCompletion(required(25), at("2027-03-15T03:59:00Z"), "2027-03-14", zone).onTime).toBe(true);
    expect(pointsForCompletion(required(25), at("2027-03-15T04:00:00Z"), "2027-03-14", zone).onTime).toBe(false);
  });

  it("draws the on-time line at local midnight in Kolkata and Chatham", () => {
    expect(pointsForCompletion(required(25), at("2027-03-10T18:29:00Z"), "2027-03-10", "Asia/Kolkata").onTime).toBe(true);
    expect(pointsForCompletion(required(25), at("2027-03-10T18:30:00Z"), "2027-03-10", "Asia/Kolkata").onTime).toBe(false);
    // Chatham +13:45: 2027-03-10 ends at 10:15 UTC the same calendar day.
    expect(pointsForCompletion(required(25), at("2027-03-10T10:14:00Z"), "2027-03-10", "Pacific/Chatham").onTime).toBe(true);
    expect(pointsForCompletion(required(25), at("2027-03-10T10:15:00Z"), "2027-03-10", "Pacific/Chatham").onTime).toBe(false);
  });

  it("accepts epoch milliseconds", () => {
    expect(pointsForCompletion(required(15), Date.parse("2027-03-01T23:59:00Z"), "2027-03-01", "UTC").points).toBe(18);
  });
});

describe("rankStandings", () => {
  const entry = (memberId: number, points: number) => ({ memberId, points });

  it("gives competition ranks to a board in order: 1, 2, 2, 4", () => {
    const ranked = rankStandings([entry(10, 30), entry(11, 20), entry(12, 20), entry(13, 10)]);
    expect(ranked.map((standing) => standing.rank)).toEqual([1, 2, 2, 4]);
  });

  it("shares a rank across a tie of three and skips the places they fill", () => {
    const ranked = rankStandings([entry(2, 120), entry(5, 80), entry(3, 80), entry(1, 80), entry(4, 50)]);
    expect(ranked.map((standing) => [standing.memberId, standing.rank])).toEqual([
      [2, 1],
      [5, 2],
      [3, 2],
      [1, 2],
      [4, 5],
    ]);
  });

  it("keeps the board's order and extra fields, and does not change its input", () => {
    const input = [
      { memberId: 2, points: 9, name: "Grace" },
      { memberId: 1, points: 5, name: "Ada" },
    ];
    const ranked = rankStandings(input);
    expect(ranked).toEqual([
      { memberId: 2, points: 9, name: "Grace", rank: 1 },
      { memberId: 1, points: 5, name: "Ada", rank: 2 },
    ]);
    expect(input[0]).not.toHaveProperty("rank");
  });

  it("handles nobody", () => {
    expect(rankStandings([])).toEqual([]);
  });
});

describe("competitionRank", () => {
  it("is one more than the members strictly ahead", () => {
    expect(competitionRank(0)).toBe(1);
    expect(competitionRank(3)).toBe(4);
  });
});

describe("streak", () => {
  const weekdays = { timeZone: "UTC", studyDays: [1, 2, 3, 4, 5] };
  // 2027-03-08 is a Monday; 2027-03-10 a Wednesday.
  const wednesdayNoon = at("2027-03-10T12:00:00Z");

  it("counts back from yesterday while today has nothing done yet", () => {
    expect(streak([at("2027-03-08T10:00:00Z"), at("2027-03-09T10:00:00Z")], wednesdayNoon, weekdays)).toBe(2);
  });

  it("counts today once something is done today, however many things", () => {
    const instants = [at("2027-03-08T10:00:00Z"), at("2027-03-09T10:00:00Z"), at("2027-03-10T08:00:00Z"), at("2027-03-10T09:00:00Z")];
    expect(streak(instants, wednesdayNoon, weekdays)).toBe(3);
  });

  it("is 1 for a first completion today", () => {
    expect(streak([at("2027-03-10T08:00:00Z")], wednesdayNoon, weekdays)).toBe(1);
  });

  it("skips the weekend without breaking", () => {
    const instants = [at("2027-03-04T10:00:00Z"), at("2027-03-05T10:00:00Z"), at("2027-03-08T10:00:00Z"), at("2027-03-09T10:00:00Z")];
    expect(streak(instants, wednesdayNoon, weekdays)).toBe(4);
  });

  it("does not count weekend completions", () => {
    const mondayMorning = at("2027-03-08T07:00:00Z");
    expect(streak([at("2027-03-06T10:00:00Z")], mondayMorning, weekdays)).toBe(0);
    expect(streak([at("2027-03-05T10:00:00Z"), at("2027-03-06T10:00:00Z"), at("2027-03-07T10:00:00Z")], mondayMorning, weekdays)).toBe(1);
  });

  it("keeps the streak on a weekend day", () => {
    const saturday = at("2027-03-06T12:00:00Z");
    expect(streak([at("2027-03-04T10:00:00Z"), at("2027-03-05T10:00:00Z")], saturday, weekdays)).toBe(2);
    expect(streak([at("2027-03-04T10:00:00Z"), at("2027-03-05T10:00:00Z"), at("2027-03-06T10:00:00Z")], saturday, weekdays)).toBe(2);
  });

  it("breaks on a missed study day", () => {
    expect(streak([at("2027-03-05T10:00:00Z"), at("2027-03-09T10:00:00Z")], wednesdayNoon, weekdays)).toBe(1);
    expect(streak([at("2027-03-08T10:00:00Z")], wednesdayNoon, weekdays)).toBe(0);
    expect(streak([], wednesdayNoon, weekdays)).toBe(0);
  });

  it("uses the cohort's local date (22:00 Tuesday in New York is Wednesday in UTC)", () => {
    const newYork = { timeZone: "America/New_York", studyDays: [1, 2, 3, 4, 5] };
    const instants = [at("2027-03-08T15:00:00Z"), at("2027-03-10T03:00:00Z")]; // Mon 10:00, Tue 22:00 local
    expect(streak(instants, at("2027-03-10T16:00:00Z"), newYork)).toBe(2);
    // Read in UTC the late completion is Wednesday's: Tuesday was missed, only today counts.
    expect(streak(instants, at("2027-03-10T16:00:00Z"), weekdays)).toBe(1);
  });

  it("ignores completions after now", () => {
    expect(streak([at("2027-03-09T10:00:00Z"), at("2027-03-10T18:00:00Z")], wednesdayNoon, weekdays)).toBe(1);
  });

  it("follows custom study days", () => {
    const monWedFri = { timeZone: "UTC", studyDays: [1, 3, 5] };
    const thursday = at("2027-03-11T12:00:00Z");
    expect(streak([at("2027-03-05T10:00:00Z"), at("2027-03-08T10:00:00Z"), at("2027-03-10T10:00:00Z")], thursday, monWedFri)).toBe(3);
    // Tuesday is not a study day for them: a Tuesday completion neither counts nor bridges a missed Wednesday.
    expect(streak([at("2027-03-08T10:00:00Z"), at("2027-03-09T10:00:00Z")], thursday, monWedFri)).toBe(0);
  });
});

describe("streak against counting every date", () => {
  /** The definition, spelled out: every completion's local date, then walk back from today. */
  function streakByEveryDate(instants: readonly Date[], now: Date, settings: { timeZone: string; studyDays: number[] }): number {
    const dates = new Set(instants.filter((instant) => instant <= now).map((instant) => localDateOf(instant, settings.timeZone)));
    if (dates.size === 0) return 0;
    const earliest = [...dates].sort()[0] ?? "";
    const isStudyDay = (date: string) => settings.studyDays.includes(isoWeekday(date));
    const today = localDateOf(now, settings.timeZone);
    let count = isStudyDay(today) && dates.has(today) ? 1 : 0;
    for (let date = addDays(today, -1); date >= earliest; date = addDays(date, -1)) {
      if (!isStudyDay(date)) continue;
      if (!dates.has(date)) break;
      count += 1;
    }
    return count;
  }

  /** Small deterministic generator, so a failure names a reproducible case. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
  }

  const hour = 3_600_000;
  // Zones whose offset changes do odd things to local dates near the walk.
  const cases = [
    { timeZone: "UTC", now: "2027-03-10T12:00:00Z" },
    { timeZone: "America/New_York", now: "2027-03-16T03:30:00Z" }, // days after spring forward, evening local
    { timeZone: "Australia/Sydney", now: "2027-04-06T13:30:00Z" }, // after the April fall-back, just before local midnight
    { timeZone: "Australia/Lord_Howe", now: "2027-04-05T12:50:00Z" }, // half-hour daylight saving
    { timeZone: "Asia/Kathmandu", now: "2027-03-10T18:14:00Z" }, // +05:45, a minute before local midnight
    { timeZone: "America/Sao_Paulo", now: "2018-02-20T02:30:00Z" }, // fell back at local midnight to 23:00 of the day before
    { timeZone: "America/Sao_Paulo", now: "2017-10-17T02:30:00Z" }, // sprang forward at local midnight: 00:00–01:00 never happened
    { timeZone: "Pacific/Apia", now: "2012-01-02T10:00:00Z" }, // skipped 2011-12-30 entirely
    { timeZone: "Antarctica/Casey", now: "2010-03-06T02:00:00Z" }, // +11 → +08 at 02:00: local dates ran backwards into the day before
  ];

  it.each(cases)("agrees in $timeZone around $now for random histories and study days", ({ timeZone, now }) => {
    const nowDate = new Date(now);
    const next = random(timeZone.length * 7919 + nowDate.getTime() / hour);
    for (let trial = 0; trial < 150; trial++) {
      const studyDays = [1, 2, 3, 4, 5, 6, 7].filter(() => next() < (trial % 10 === 0 ? 0.2 : 0.8));
      const instants: Date[] = [];
      const days = 5 + Math.floor(next() * 40);
      const perDay = next() < 0.5 ? 0.95 : 0.7;
      for (let day = 0; day < days; day++) {
        // Hours after midnight in any zone, a little into the future too (ignored by both).
        if (next() < perDay) instants.push(new Date(nowDate.getTime() + 2 * hour - day * 24 * hour - Math.floor(next() * 24 * hour)));
        if (next() < 0.2) instants.push(new Date(nowDate.getTime() - day * 24 * hour - Math.floor(next() * 24 * hour)));
      }
      if (next() < 0.3) instants.push(new Date(nowDate.getTime() - 400 * 24 * hour));
      const shuffled = instants.sort(() => next() - 0.5);
      const settings = { timeZone, studyDays };
      expect(streak(shuffled, nowDate, settings), `trial ${trial}: ${JSON.stringify({ studyDays, instants: shuffled })}`).toBe(
        streakByEveryDate(shuffled, nowDate, settings),
      );
    }
  });

  it("finds a completion whose local date is later than a later completion's (Casey went from 01:59 on 5 March back to 23:00 on the 4th)", () => {
    const casey = { timeZone: "Antarctica/Casey", studyDays: [1, 2, 3, 4, 5, 6, 7] };
    const instants = [at("2010-03-04T14:30:00Z"), at("2010-03-04T15:30:00Z")]; // local 5 March 01:30, then 4 March 23:30
    expect(streak(instants, at("2010-03-05T02:00:00Z"), casey)).toBe(2);
  });

  it("stops on an empty week of study days", () => {
    expect(
      streak([at("2027-03-01T10:00:00Z"), at("2027-03-09T10:00:00Z")], at("2027-03-10T12:00:00Z"), { timeZone: "UTC", studyDays: [] }),
    ).toBe(0);
  });

  it("counts a streak across Samoa's skipped day (2011-12-30 never happened there)", () => {
    const apia = { timeZone: "Pacific/Apia", studyDays: [1, 2, 3, 4, 5, 6, 7] };
    // Local Thu 29 Dec 12:00 (UTC-10), then Sat 31 Dec 12:00 (UTC+14), now Sun 1 Jan 12:00.
    const instants = [at("2011-12-29T22:00:00Z"), at("2011-12-30T22:00:00Z")];
    expect(streak(instants, at("2011-12-31T22:00:00Z"), apia)).toBe(streakByEveryDate(instants, at("2011-12-31T22:00:00Z"), apia));
  });
});

describe("progressBar", () => {
  it.each([
    [3, 10, 10, "▰▰▰▱▱▱▱▱▱▱"],
    [0, 10, 10, "▱▱▱▱▱▱▱▱▱▱"],
    [10, 10, 10, "▰▰▰▰▰▰▰▰▰▰"],
    [99, 100, 10, "▰▰▰▰▰▰▰▰▰▱"],
    [29, 100, 10, "▰▰▱▱▱▱▱▱▱▱"],
    [1, 3, 6, "▰▰▱▱▱▱"],
    [15, 10, 10, "▰▰▰▰▰▰▰▰▰▰"],
    [5, 0, 10, "▱▱▱▱▱▱▱▱▱▱"],
    [2, 4, 4, "▰▰▱▱"],
  ])("draws %i of %i at width %i as %s", (done, total, width, expected) => {
    expect(progressBar(done, total, width)).toBe(expected);
  });

  it("is ten cells wide by default", () => {
    expect(progressBar(5, 10)).toBe("▰▰▰▰▰▱▱▱▱▱");
  });
});
