import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CohortStatus } from "../../src/domain/cohort/cohortModel.js";
import { LiveBoardRepository } from "../../src/db/repositories/LiveBoardRepository.js";
import { ScheduledPostRepository } from "../../src/db/repositories/ScheduledPostRepository.js";
import { weekPostChangeWrites } from "../../src/db/repositories/weekPostChangeWrites.js";
import { PostStatus, type ScheduledPostRecord } from "../../src/domain/schedule/scheduledPostModel.js";
import type { WeekPostChanges } from "../../src/domain/schedule/weekPostsAfterStartEdit.js";
import { setAsideWeekPeriod } from "../../src/domain/schedule/weekPostPeriod.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/**
 * A weekly post whose row start edits changed while it was being sent is recorded where its row is now, once:
 * as the week's post when a second edit took it back, as set aside otherwise, and not at all when another
 * process took the claim over. Against a real database (SQLite, or PostgreSQL with TEST_DATABASE=postgresql).
 */
describe("LiveBoardRepository.attachAfterMove", () => {
  const dueAt = new Date("2027-03-01T09:00:00Z");
  const now = new Date("2027-03-01T09:01:00Z");
  const weekEnd = new Date("2027-03-08T00:00:00Z");
  let handle: TestDatabaseHandle;
  let posts: ScheduledPostRepository;
  let boards: LiveBoardRepository;
  let cohortId: number;
  let nextWeek = 0;

  beforeAll(async () => {
    handle = await openTestDatabase();
    posts = new ScheduledPostRepository(handle.prisma);
    boards = new LiveBoardRepository(handle.prisma, handle.target.provider);
    const curriculum = await createCurriculumRow(handle.prisma, "moved-send", 8);
    cohortId = (await createCohortRow(handle.prisma, curriculum.id, { name: "Moved" })).id;
  });
  afterAll(async () => {
    await handle.closeAndDrop();
  });

  /** A week's post claimed by `owner`, as claimNew leaves it. */
  async function claimed(owner: string): Promise<ScheduledPostRecord> {
    const post = await posts.claimNew({ cohortId, kind: "week", period: `week-${++nextWeek}` }, dueAt, owner, dueAt);
    if (post === null) throw new Error("claimNew lost a race nobody ran");
    return post;
  }
  const setAsidePeriod = (post: ScheduledPostRecord) => setAsideWeekPeriod(Number(post.period.slice("week-".length)), dueAt);
  /** A start edit's writes to the post's row, as CohortRepository.updateWithWeekPosts runs them. */
  async function edit(changes: Partial<WeekPostChanges>): Promise<void> {
    await handle.prisma.$transaction(
      weekPostChangeWrites(handle.prisma, { setAside: [], takenBack: [], boardsMoved: [], at: now, ...changes }),
    );
  }
  const setAside = (post: ScheduledPostRecord) => edit({ setAside: [{ postId: post.id, from: post.period, to: setAsidePeriod(post) }] });
  const takeBack = (post: ScheduledPostRecord, liveUntil: Date) =>
    edit({ takenBack: [{ postId: post.id, from: setAsidePeriod(post), to: post.period, liveUntil }] });
  const record = (post: ScheduledPostRecord, owner: string) =>
    boards.attachAfterMove(
      { postId: post.id, claimedBy: owner, messageId: `message-${post.id}`, period: post.period, setAsidePeriod: setAsidePeriod(post) },
      { messageId: `board-${post.id}`, channelId: "channel", liveUntil: weekEnd },
      now,
    );
  const rowOf = (post: ScheduledPostRecord) => handle.prisma.scheduledPost.findUniqueOrThrow({ where: { id: post.id } });

  it("records a post set aside while being sent as set aside, with its messages, flagged for a redraw", async () => {
    const post = await claimed("process-a");
    await setAside(post);
    expect(await record(post, "process-a")).toBe("setAside");
    expect(await rowOf(post)).toMatchObject({
      period: setAsidePeriod(post),
      status: PostStatus.Sent,
      messageId: `message-${post.id}`,
      boardMessageId: `board-${post.id}`,
      boardLiveUntil: now,
      nextAttemptAt: now,
      sentAt: null,
    });
    // Put back by a later edit, it is the week's post: reported sent (its thread opened) once, by whoever claims that first.
    expect(await posts.claimPutBack(post.id, post.period, now)).toBe(false);
    await takeBack(post, weekEnd);
    expect(await posts.claimPutBack(post.id, post.period, now)).toBe(true);
    expect(await posts.claimPutBack(post.id, post.period, now)).toBe(false);
    expect(await rowOf(post)).toMatchObject({ period: post.period, status: PostStatus.Sent, sentAt: now, boardLiveUntil: weekEnd });
  });

  it("records as the week's post one a second edit took back, its board live until the end the taking back gave it", async () => {
    const takenBackUntil = new Date("2027-03-09T00:00:00Z");
    for (const recordedFirst of [false, true]) {
      const post = await claimed("process-a");
      // Recorded sent first (then renamed before its board was attached), or given up by the edit before.
      if (recordedFirst) expect(await posts.markSent(post.id, "process-a", `message-${post.id}`, now)).toBe(true);
      await setAside(post);
      await takeBack(post, takenBackUntil);
      expect(await record(post, "process-a")).toBe("week");
      expect(await rowOf(post)).toMatchObject({
        period: post.period,
        status: PostStatus.Sent,
        messageId: `message-${post.id}`,
        boardMessageId: `board-${post.id}`,
        boardLiveUntil: takenBackUntil,
      });
    }
  });

  it("records as the week's post one another process gave up on as a stale claim while it was going out, its board ending with an ended cohort", async () => {
    const staleBefore = new Date(now.getTime() + 1);
    // Given up as more than 24 hours late: nothing else sends that week, this post is its post.
    const late = await claimed("process-a");
    expect(await posts.skipPending(late, "more than 24 hours late", staleBefore)).toBe(true);
    expect(await record(late, "process-a")).toBe("week");
    expect(await rowOf(late)).toMatchObject({
      period: late.period,
      status: PostStatus.Sent,
      messageId: `message-${late.id}`,
      boardMessageId: `board-${late.id}`,
      boardLiveUntil: weekEnd,
      nextAttemptAt: now,
    });
    expect(await record(late, "process-a")).toBeNull();

    // Given up as its cohort ended: the week's post too, its board ending at the cohort's end, as attach does.
    const endedAt = new Date("2027-03-03T12:00:00Z");
    const endedPost = await claimed("process-a");
    await handle.prisma.cohort.update({ where: { id: cohortId }, data: { status: CohortStatus.Ended, endedAt } });
    try {
      expect(await posts.skipPending(endedPost, "cohort ended", staleBefore)).toBe(true);
      expect(await record(endedPost, "process-a")).toBe("week");
      expect(await rowOf(endedPost)).toMatchObject({
        status: PostStatus.Sent,
        boardMessageId: `board-${endedPost.id}`,
        boardLiveUntil: endedAt,
      });
    } finally {
      await handle.prisma.cohort.update({ where: { id: cohortId }, data: { status: CohortStatus.Active, endedAt: null } });
    }
  });

  it("records a post once: a second process's record of the same messages, or of a claim it no longer holds, writes nothing", async () => {
    const post = await claimed("process-a");
    await setAside(post);
    await takeBack(post, weekEnd);
    expect(await record(post, "process-b")).toBe("week");
    expect(await record(post, "process-a")).toBeNull();
    expect(await record(post, "process-b")).toBeNull();

    const takenOver = await claimed("process-b");
    expect(await posts.markSent(takenOver.id, "process-b", `message-${takenOver.id}`, now)).toBe(true);
    expect(await record(takenOver, "process-a")).toBeNull();
    expect(await rowOf(takenOver)).toMatchObject({ status: PostStatus.Sent, claimedBy: "process-b", boardMessageId: null });
  });
});
