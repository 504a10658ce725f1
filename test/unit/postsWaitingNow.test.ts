import { describe, expect, it } from "vitest";
import { postsWaitingNow, type PostRowState } from "../../src/domain/schedule/catchUpRule.js";
import type { PlannedPost } from "../../src/domain/schedule/scheduleTypes.js";
import { PostStatus } from "../../src/domain/schedule/scheduledPostModel.js";
import { setAsideWeekPeriod } from "../../src/domain/schedule/weekPostPeriod.js";
import { settings } from "../helpers/planFixtures.js";

/** Which due posts the scheduler still sends at its next tick (what /cohort info names as going out "within a minute"). */
describe("postsWaitingNow", () => {
  const week1: PlannedPost = {
    kind: "week",
    period: "week-1",
    dueAt: new Date("2027-03-01T09:00:00Z"),
    localDate: "2027-03-01",
    localTime: "09:00",
    weekNumber: 1,
  };
  const now = new Date("2027-03-01T10:00:00Z");
  const rows = (...list: PostRowState[]) => new Map(list.map((row) => [`${row.kind}|${row.period}`, row]));
  const waiting = (map: ReadonlyMap<string, PostRowState>) => postsWaitingNow([week1], map, [], settings(), now).map((post) => post.period);

  it("names a due post with no row", () => {
    expect(waiting(rows())).toEqual(["week-1"]);
  });

  it("does not name a week's post already sent for its very time (a start put back to it)", () => {
    const setAside = { kind: "week", period: setAsideWeekPeriod(1, week1.dueAt), status: PostStatus.Sent, nextAttemptAt: null } as const;
    expect(waiting(rows(setAside))).toEqual([]);
  });

  it("names a post whose failed send will be retried, not one failed for good or sent", () => {
    const failed = (nextAttemptAt: Date | null) => ({ kind: "week", period: "week-1", status: PostStatus.Failed, nextAttemptAt }) as const;
    expect(waiting(rows(failed(new Date("2027-03-01T10:05:00Z"))))).toEqual(["week-1"]);
    expect(waiting(rows(failed(null)))).toEqual([]);
    expect(waiting(rows({ kind: "week", period: "week-1", status: PostStatus.Sent, nextAttemptAt: null }))).toEqual([]);
  });
});
