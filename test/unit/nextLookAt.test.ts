import { describe, expect, it } from "vitest";
import { CohortStatus, type Cohort } from "../../src/domain/cohort/cohortModel.js";
import { PostStatus, type ScheduledPostRecord } from "../../src/domain/schedule/scheduledPostModel.js";
import type { PlannedPost } from "../../src/domain/schedule/scheduleTypes.js";
import { nextLookAt, schedulerTiming } from "../../src/scheduler/Scheduler.js";
import { settings } from "../helpers/planFixtures.js";
import { cohortFixture } from "../helpers/cohortFixture.js";

/** When the scheduler next looks at a cohort: never later than a post, retry or stale claim needs it. */
describe("nextLookAt", () => {
  const now = new Date("2027-03-01T08:00:00Z");
  const cohort: Cohort = cohortFixture({
    id: 30,
    guildId: "1",
    channelId: "2",
    name: "C",
    curriculumId: 1,
    settings: settings(),
    createdAt: now,
  });
  const post = (period: string, dueAt: string): PlannedPost => ({
    kind: "week",
    period,
    dueAt: new Date(dueAt),
    localDate: dueAt.slice(0, 10),
    localTime: dueAt.slice(11, 16),
  });
  const week1 = post("week-1", "2027-03-01T09:00:00Z");
  const week2 = post("week-2", "2027-03-08T09:00:00Z");
  const row = (period: string, status: PostStatus, extra: Partial<ScheduledPostRecord> = {}): [string, ScheduledPostRecord] => [
    `${cohort.id}|week|${period}`,
    {
      id: 1,
      cohortId: cohort.id,
      kind: "week",
      period,
      dueAt: now,
      status,
      attempts: 0,
      claimedBy: null,
      claimedAt: null,
      sentAt: null,
      messageId: null,
      lastError: null,
      nextAttemptAt: null,
      ...extra,
    },
  ];
  /** Nothing due: the cohort is still looked at again within about ten minutes. */
  const latest = now.getTime() + 10 * 60_000 + (cohort.id % 30) * 20_000;

  it("is the next post's due time when it comes before the periodic look", () => {
    const soon = post("week-1", "2027-03-01T08:05:00Z");
    expect(nextLookAt(cohort, [soon, week2], new Map(), now)).toBe(soon.dueAt.getTime());
  });

  it("is the periodic look when the next post is further away, and skips posts already sent", () => {
    expect(nextLookAt(cohort, [week1, week2], new Map(), now)).toBe(latest);
    const sent = new Map([row("week-1", PostStatus.Sent)]);
    expect(nextLookAt(cohort, [post("week-1", "2027-03-01T07:00:00Z"), week2], sent, now)).toBe(latest);
  });

  it("is when a claim goes stale, or a failed post's retry is due", () => {
    const claimedAt = new Date(now.getTime() - 30_000);
    const claimed = new Map([row("week-1", PostStatus.Claimed, { claimedAt })]);
    expect(nextLookAt(cohort, [week1, week2], claimed, now)).toBe(claimedAt.getTime() + schedulerTiming.claimLifetimeMs + 1);
    const nextAttemptAt = new Date(now.getTime() + 60_000);
    const failed = new Map([row("week-1", PostStatus.Failed, { nextAttemptAt })]);
    expect(nextLookAt(cohort, [week1, week2], failed, now)).toBe(nextAttemptAt.getTime());
  });

  it("is now for a post sent while set aside that an edit put back under its week's name, until it is reported sent", () => {
    const putBack = new Map([row("week-1", PostStatus.Sent, { messageId: "m1" })]);
    expect(nextLookAt(cohort, [week1, week2], putBack, now)).toBe(now.getTime());
    const reported = new Map([row("week-1", PostStatus.Sent, { messageId: "m1", sentAt: now })]);
    expect(nextLookAt(cohort, [week1, week2], reported, now)).toBe(latest);
  });

  it("keeps looking at an ended cohort until its closing post is settled", () => {
    const ended = { ...cohort, status: CohortStatus.Ended };
    const closing: PlannedPost = { ...post("closing", "2027-06-01T09:00:00Z"), kind: "closing" };
    expect(nextLookAt(ended, [week1, closing], new Map(), now)).toBe(now.getTime());
    const closed = new Map([[`${cohort.id}|closing|closing`, { ...row("closing", PostStatus.Sent)[1], kind: "closing" as const }]]);
    expect(nextLookAt(ended, [week1, closing], closed, now)).toBe(latest);
  });
});
