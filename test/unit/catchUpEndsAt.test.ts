import { describe, expect, it } from "vitest";
import { catchUpEndsAt, currentWeekPost, postsWaitingNow, type PostTimeChange } from "../../src/domain/schedule/catchUpRule.js";
import type { PlannedPost } from "../../src/domain/schedule/scheduleTypes.js";
import { settings } from "../helpers/planFixtures.js";

/**
 * The instant /cohort info names for a post on hold ("it goes out then if that is before …") is the scheduler's own
 * catch-up rule: the post is still sent a moment before it (postsWaitingNow at each later tick) and not at it.
 */
describe("catchUpEndsAt", () => {
  const weekPost = (weekNumber: number, dueAt: string): PlannedPost => ({
    kind: "week",
    period: `week-${weekNumber}`,
    dueAt: new Date(dueAt),
    localDate: dueAt.slice(0, 10),
    localTime: "09:00",
    weekNumber,
  });
  const checkpoint: PlannedPost = {
    kind: "checkpoint",
    period: "checkpoint-a",
    dueAt: new Date("2027-03-12T17:00:00Z"),
    localDate: "2027-03-12",
    localTime: "17:00",
    weekNumber: 2,
    sectionKey: "a",
  };
  const created = (at: string): PostTimeChange => ({ at: new Date(at), replaced: null, reopens: false });
  const resumed = (at: string): PostTimeChange => ({ at: new Date(at), replaced: {}, reopens: true });
  const hour = 60 * 60 * 1000;

  /** The instant named at `now`, checked against the rule at every hour up to it, and just before and at it. */
  function endsAtMatchesRule(planned: readonly PlannedPost[], period: string, changes: readonly PostTimeChange[], now: Date): Date {
    const post = planned.find((candidate) => candidate.period === period);
    if (post === undefined) throw new Error(`no ${period} in the plan`);
    const current = currentWeekPost(planned.filter((candidate) => candidate.dueAt.getTime() <= now.getTime()));
    const endsAt = catchUpEndsAt(settings(), planned, post, post === current, changes);
    const sentAt = (at: number) => postsWaitingNow(planned, new Map(), changes, settings(), new Date(at)).includes(post);
    for (let at = now.getTime(); at < endsAt.getTime(); at += hour) expect(sentAt(at), new Date(at).toISOString()).toBe(true);
    expect(sentAt(endsAt.getTime() - 1)).toBe(true);
    expect(sentAt(endsAt.getTime())).toBe(false);
    return endsAt;
  }

  const weeks = [weekPost(1, "2027-03-01T09:00:00Z"), weekPost(2, "2027-03-08T09:00:00Z"), weekPost(3, "2027-03-15T09:00:00Z")];

  it("is a day after the post's time for a cohort created on time, or a pause resumed", () => {
    const now = new Date("2027-03-08T10:00:00Z");
    expect(endsAtMatchesRule(weeks, "week-2", [created("2027-02-20T12:00:00Z")], now)).toEqual(new Date("2027-03-09T09:00:00Z"));
    expect(endsAtMatchesRule(weeks, "week-2", [resumed("2027-03-08T09:30:00Z")], now)).toEqual(new Date("2027-03-09T09:00:00Z"));
  });

  it("is a day after the creation of a cohort created after the post's time", () => {
    const now = new Date("2027-03-09T10:30:00Z");
    expect(endsAtMatchesRule(weeks, "week-2", [created("2027-03-09T10:00:00Z")], now)).toEqual(new Date("2027-03-10T10:00:00Z"));
  });

  it("is the next week's post time when that comes first: the late week's post is no longer the running week's then", () => {
    const now = new Date("2027-03-14T10:30:00Z");
    expect(endsAtMatchesRule(weeks, "week-2", [created("2027-03-14T10:00:00Z")], now)).toEqual(new Date("2027-03-15T09:00:00Z"));
  });

  it("is the next week's post time across a break week too", () => {
    const withBreak = [...weeks.slice(0, 2), weekPost(3, "2027-03-22T09:00:00Z")];
    const now = new Date("2027-03-21T10:30:00Z");
    expect(endsAtMatchesRule(withBreak, "week-2", [created("2027-03-21T10:00:00Z")], now)).toEqual(new Date("2027-03-22T09:00:00Z"));
  });

  it("keeps a checkpoint prompt to a day after its time, however late the cohort was created", () => {
    const now = new Date("2027-03-12T18:00:00Z");
    const planned = [...weeks, checkpoint];
    expect(endsAtMatchesRule(planned, "checkpoint-a", [created("2027-03-12T17:30:00Z")], now)).toEqual(new Date("2027-03-13T17:00:00Z"));
  });
});
