import { describe, expect, it } from "vitest";
import { PostStatus, type ScheduledPostRecord } from "../../src/domain/schedule/scheduledPostModel.js";
import { weekPostsAfterStartEdit } from "../../src/domain/schedule/weekPostsAfterStartEdit.js";
import { settings } from "../helpers/planFixtures.js";

/** What a start-date edit does to the weekly post rows: one post per (week, instant). */
const at = (iso: string) => new Date(iso);

describe("weekPostsAfterStartEdit", () => {
  const row = (id: number, period: string, dueAt: string, status: PostStatus = PostStatus.Sent): ScheduledPostRecord => ({
    id,
    cohortId: 1,
    kind: period.startsWith("week-") ? "week" : "checkpoint",
    period,
    dueAt: new Date(dueAt),
    status,
    attempts: 0,
    claimedBy: null,
    claimedAt: null,
    sentAt: null,
    messageId: null,
    lastError: null,
    nextAttemptAt: null,
  });

  it("sets aside the sent week 1 of a start postponed a week and names it as left up", () => {
    const result = weekPostsAfterStartEdit(
      [row(1, "week-1", "2027-03-01T09:00:00Z")],
      settings(),
      settings({ startDate: "2027-03-08" }),
      at("2027-03-02T10:00:00Z"),
    );
    expect(result.changes.setAside).toEqual([{ postId: 1, from: "week-1", to: "week-1@2027-03-01T09:00:00.000Z" }]);
    expect(result.changes.takenBack).toEqual([]);
    expect(result.postsLeftUp).toEqual([1]);
  });

  it("does not name a post that never went out (skipped, or waiting for a retry) as left up", () => {
    const rows = [
      row(1, "week-1", "2027-03-01T09:00:00Z", PostStatus.Skipped),
      row(2, "week-2", "2027-03-08T09:00:00Z", PostStatus.Failed),
    ];
    const result = weekPostsAfterStartEdit(rows, settings(), settings({ startDate: "2027-03-15" }), at("2027-03-09T10:00:00Z"));
    expect(result.changes.setAside.map((change) => change.postId)).toEqual([1, 2]);
    expect(result.postsLeftUp).toEqual([]);
  });

  it("takes back the row set aside for the instant a start put back returns to, rather than announcing it again", () => {
    const rows = [row(1, "week-1@2027-03-01T09:00:00.000Z", "2027-03-01T09:00:00Z"), row(2, "week-1", "2027-03-08T09:00:00Z")];
    const result = weekPostsAfterStartEdit(
      rows,
      settings({ startDate: "2027-03-08" }),
      settings({ startDate: "2027-03-01" }),
      at("2027-03-09T10:00:00Z"),
    );
    expect(result.changes.setAside).toEqual([{ postId: 2, from: "week-1", to: "week-1@2027-03-08T09:00:00.000Z" }]);
    expect(result.changes.takenBack).toEqual([
      // Week 1 ended on 8 March: its board ends at the edit, for its final edit a minute later.
      { postId: 1, from: "week-1@2027-03-01T09:00:00.000Z", to: "week-1", liveUntil: new Date("2027-03-09T10:00:00Z") },
    ]);
    // Week 1 is not announced again (its 1 March post is back): the reply does not say it will be.
    expect(result.postsLeftUp).toEqual([]);
  });

  it("keeps a row whose instant the new start leaves in place, its board live until the week's new end", () => {
    // Monday posts: a Wednesday start announces week 1 on the Monday before, as the Monday start did.
    const result = weekPostsAfterStartEdit(
      [row(1, "week-1", "2027-03-01T09:00:00Z"), row(2, "checkpoint-a", "2027-03-05T17:00:00Z")],
      settings(),
      settings({ startDate: "2027-03-03" }),
      at("2027-03-02T10:00:00Z"),
    );
    expect(result.changes.setAside).toEqual([]);
    expect(result.changes.boardsMoved).toEqual([{ postId: 1, liveUntil: new Date("2027-03-10T00:00:00Z") }]);
    expect(result.postsLeftUp).toEqual([]);
  });

  it("does not count an announce time edited after the post went out as a move of the week", () => {
    // Week 1 sent at 09:00, then announce_time 10:00, then a Wednesday start: the start edit leaves week 1 on Monday 1 March.
    const result = weekPostsAfterStartEdit(
      [row(1, "week-1", "2027-03-01T09:00:00Z")],
      settings({ announceTime: "10:00" }),
      settings({ startDate: "2027-03-03", announceTime: "10:00" }),
      at("2027-03-02T10:00:00Z"),
    );
    expect(result.changes.setAside).toEqual([]);
    expect(result.postsLeftUp).toEqual([]);
  });

  it("moves a board's end with the zone, leaving the week's post where it is", () => {
    const result = weekPostsAfterStartEdit(
      [row(1, "week-1", "2027-03-01T09:00:00Z")],
      settings(),
      settings({ timeZone: "America/Los_Angeles" }),
      at("2027-03-03T10:00:00Z"),
    );
    expect(result.changes.setAside).toEqual([]);
    expect(result.changes.boardsMoved).toEqual([{ postId: 1, liveUntil: new Date("2027-03-08T08:00:00Z") }]);
  });

  // Wednesday starts. Week 1 went out on Monday 1 March (Monday posts then); announce_day then became Wednesday,
  // so under the settings before the start edit its time is Wednesday 3 March 09:00, still to come on 2 March.
  const wednesdays = (startDate: string) => settings({ startDate, announceDay: 3 });

  it("names the running week's post moved from a time still to come into the past as announced again", () => {
    // Start a week earlier: week 1 (24 Feb - 2 Mar) is running, its post more than a day late only since this edit.
    const result = weekPostsAfterStartEdit(
      [row(1, "week-1", "2027-03-01T09:00:00Z")],
      wednesdays("2027-03-03"),
      wednesdays("2027-02-24"),
      at("2027-03-02T10:00:00Z"),
    );
    expect(result.changes.setAside.map((change) => change.postId)).toEqual([1]);
    expect(result.postsLeftUp).toEqual([1]);
  });

  it("does not name that post when the week after it, a break week, is already running: its own post is the current one", () => {
    // Start two weeks earlier, week 2 a break: week 1 is 17-23 Feb, break week 2 (24 Feb - 2 Mar) runs. A break
    // week has its weekly post (telling members when reading resumes), due 24 Feb: the scheduler sends that one
    // as the running week's (currentWeekPost) and skips week 1's by the catch-up rule.
    const result = weekPostsAfterStartEdit(
      [row(1, "week-1", "2027-03-01T09:00:00Z")],
      wednesdays("2027-03-03"),
      wednesdays("2027-02-17"),
      at("2027-03-02T10:00:00Z"),
    );
    expect(result.changes.setAside.map((change) => change.postId)).toEqual([1]);
    expect(result.postsLeftUp).toEqual([]);
  });

  it("names only the weeks that will be announced again, not past weeks the catch-up rule skips", () => {
    // On Wednesday 10 March the start goes a week earlier: week 1 (new time 22 Feb) is long past and is skipped;
    // week 2 (new time 1 March) is past too; week 3 is the running week, moved from 15 March into the past: sent.
    const rows = [row(1, "week-1", "2027-03-01T09:00:00Z"), row(2, "week-2", "2027-03-08T09:00:00Z")];
    const result = weekPostsAfterStartEdit(rows, settings(), settings({ startDate: "2027-02-22" }), at("2027-03-10T10:00:00Z"));
    expect(result.changes.setAside.map((change) => change.postId)).toEqual([1, 2]);
    expect(result.postsLeftUp).toEqual([]);
  });
});
