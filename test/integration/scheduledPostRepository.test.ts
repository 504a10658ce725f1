import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScheduledPostRepository, type PostKey } from "../../src/db/repositories/ScheduledPostRepository.js";
import { PostStatus, type ScheduledPostRecord } from "../../src/domain/schedule/scheduledPostModel.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/**
 * The exactly-once ledger against a real database: every state change must be
 * refused when the row is not in the state the caller saw, or a second process
 * (or a late first one) would send a post twice or overwrite its outcome.
 */
describe("ScheduledPostRepository state conditions", () => {
  const now = new Date("2027-03-01T09:00:00Z");
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  /** Claims older than this may be taken over (the scheduler uses 2 minutes). */
  const staleBefore = minutesAgo(2);
  let handle: TestDatabaseHandle;
  let posts: ScheduledPostRepository;
  let cohortId: number;
  let nextPeriod = 0;

  beforeAll(async () => {
    handle = await openTestDatabase();
    posts = new ScheduledPostRepository(handle.prisma);
    const curriculum = await createCurriculumRow(handle.prisma, "ledger-test", 1);
    const cohort = await createCohortRow(handle.prisma, curriculum.id, { name: "Ledger" });
    cohortId = cohort.id;
  });
  afterAll(async () => {
    await handle.closeAndDrop();
  });

  const newKey = (): PostKey => ({ cohortId, kind: "week", period: `week-${++nextPeriod}` });

  /** A post claimed by `owner` at `claimedAt`, as claimNew leaves it. */
  async function claimed(owner: string, claimedAt: Date): Promise<ScheduledPostRecord> {
    const post = await posts.claimNew(newKey(), minutesAgo(60), owner, claimedAt);
    if (post === null) throw new Error("claimNew lost a race nobody ran");
    return post;
  }

  async function rowOf(post: ScheduledPostRecord) {
    return handle.prisma.scheduledPost.findUniqueOrThrow({ where: { id: post.id } });
  }

  describe("reclaim", () => {
    it("takes over a claim gone stale, and a failed post whose retry is due", async () => {
      const stale = await claimed("process-a", minutesAgo(3));
      expect((await posts.reclaim(stale, "process-b", now, staleBefore))?.claimedBy).toBe("process-b");

      const failed = await claimed("process-a", minutesAgo(10));
      await posts.markFailed(failed.id, "process-a", { error: "timeout", nextAttemptAt: minutesAgo(1), countAttempt: true });
      expect(await posts.reclaim(failed, "process-b", now, staleBefore)).toMatchObject({
        status: PostStatus.Claimed,
        claimedBy: "process-b",
        nextAttemptAt: null,
      });
    });

    it("leaves a fresh claim to the process that holds it", async () => {
      const fresh = await claimed("process-a", minutesAgo(1));
      expect(await posts.reclaim(fresh, "process-b", now, staleBefore)).toBeNull();
      expect(await rowOf(fresh)).toMatchObject({ status: PostStatus.Claimed, claimedBy: "process-a" });
    });

    it("never takes a post that was sent, however long ago it was claimed", async () => {
      const post = await claimed("process-a", minutesAgo(30));
      expect(await posts.markSent(post.id, "process-a", "message-1", minutesAgo(29))).toBe(true);
      expect(await posts.reclaim(post, "process-b", now, staleBefore)).toBeNull();
      expect(await rowOf(post)).toMatchObject({ status: PostStatus.Sent, claimedBy: "process-a", messageId: "message-1" });
    });

    it("never takes a failed post before its retry is due, nor one given up", async () => {
      const waiting = await claimed("process-a", minutesAgo(30));
      await posts.markFailed(waiting.id, "process-a", {
        error: "timeout",
        nextAttemptAt: new Date(now.getTime() + 60_000),
        countAttempt: true,
      });
      const givenUp = await claimed("process-a", minutesAgo(30));
      await posts.markFailed(givenUp.id, "process-a", { error: "fifth failure", nextAttemptAt: null, countAttempt: true });
      for (const post of [waiting, givenUp]) {
        expect(await posts.reclaim(post, "process-b", now, staleBefore)).toBeNull();
        expect(await rowOf(post)).toMatchObject({ status: PostStatus.Failed, claimedBy: "process-a" });
      }
    });

    it("never takes a skipped post", async () => {
      const key = newKey();
      expect(await posts.recordSkipped(key, minutesAgo(60 * 30), "more than 24 hours late", minutesAgo(30))).toBe(true);
      const skipped = await posts.find(key);
      if (skipped === null) throw new Error("the skipped post was not recorded");
      expect(await posts.reclaim(skipped, "process-b", now, staleBefore)).toBeNull();
      expect((await rowOf(skipped)).status).toBe(PostStatus.Skipped);
    });
  });

  describe("markSent", () => {
    it("refuses a process whose claim was taken over, and keeps the new owner's claim", async () => {
      const post = await claimed("process-a", minutesAgo(3));
      expect(await posts.reclaim(post, "process-b", now, staleBefore)).not.toBeNull();
      expect(await posts.markSent(post.id, "process-a", "message-from-a", now)).toBe(false);
      expect(await rowOf(post)).toMatchObject({ status: PostStatus.Claimed, claimedBy: "process-b", messageId: null });
    });

    it("records a post once: a second markSent of the same claim changes nothing", async () => {
      const post = await claimed("process-a", minutesAgo(1));
      expect(await posts.markSent(post.id, "process-a", "message-1", minutesAgo(1))).toBe(true);
      expect(await posts.markSent(post.id, "process-a", "message-2", now)).toBe(false);
      expect(await rowOf(post)).toMatchObject({ status: PostStatus.Sent, messageId: "message-1", sentAt: minutesAgo(1) });
    });

    it("refuses to mark sent a post its owner already recorded as failed", async () => {
      const post = await claimed("process-a", minutesAgo(1));
      await posts.markFailed(post.id, "process-a", {
        error: "timeout",
        nextAttemptAt: new Date(now.getTime() + 60_000),
        countAttempt: true,
      });
      expect(await posts.markSent(post.id, "process-a", "message-late", now)).toBe(false);
      expect(await rowOf(post)).toMatchObject({ status: PostStatus.Failed, messageId: null });
    });
  });
});
