import { describe, expect, it } from "vitest";
import { pointsForCompletion } from "../../src/domain/scoring/pointsForCompletion.js";
import { progressBar } from "../../src/domain/scoring/progressBar.js";
import { competitionRank, rankStandings } from "../../src/domain/scoring/rankStandings.js";

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
