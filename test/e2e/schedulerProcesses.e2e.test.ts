import { afterEach, describe, expect, it } from "vitest";
import { ScheduledPostRepository } from "../../src/db/repositories/ScheduledPostRepository.js";
import {
  chronologicalPosts,
  expectedCoursePosts,
  hourlyInstants,
  localStamp,
  postLabel,
  probeInstants,
  startSchedulerWorld,
  type BotProcess,
  type SchedulerWorld,
} from "../helpers/schedulerWorld.js";

const minute = 60_000;

/** A process's post rows, where `beforeRecorded` runs between a post's send and its record (another process's tick). */
class Overtaken extends ScheduledPostRepository {
  beforeRecorded: (() => Promise<unknown>) | null = null;

  override async markSent(...args: Parameters<ScheduledPostRepository["markSent"]>) {
    const meanwhile = this.beforeRecorded;
    this.beforeRecorded = null;
    if (meanwhile !== null) await meanwhile();
    return super.markSent(...args);
  }
}

describe("restarts and several bot processes on one database", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it("sends a post that came due while the bot was down when it is back within 24 hours, and skips (and logs) one that is older", async () => {
    world = await startSchedulerWorld(new Date("2027-03-01T08:00:00Z"));
    const channel = world.createChannel("restart-cohort");
    const cohort = await world.createCohort({ name: "Restart", channelId: channel.id, start: "2027-03-01" });

    // Up at 08:00 Monday, one hour before the week-1 post; then the process stops.
    const first = world.first;
    expect((await first.tickAt(new Date("2027-03-01T08:00:00Z"))).sent).toEqual([]);
    await first.stop();

    // Back at 14:00 the same day: week 1 goes out five hours late.
    const second = await world.startProcess(new Date("2027-03-01T14:00:00Z"));
    const back = await second.tickAt(new Date("2027-03-01T14:00:00Z"));
    expect(back.sent.map((post) => post.period)).toEqual(["week-1"]);
    expect(back.sent[0]?.lateMs).toBe(5 * 60 * minute);
    expect(second.test.logs().some((line) => line.msg === "post sent late" && line.period === "week-1" && line.lateMinutes === 300)).toBe(
      true,
    );
    await second.stop();

    // Down from Monday 2027-03-08 08:00 to Tuesday 10:00: week 2 (Monday 09:00) is 25 hours late.
    const third = await world.startProcess(new Date("2027-03-09T10:00:00Z"));
    const late = await third.tickAt(new Date("2027-03-09T10:00:00Z"));
    expect(late.sent).toEqual([]);
    expect(late.skipped.map((post) => post.period)).toEqual(["week-2"]);
    const warning = third.test.logs().find((line) => line.msg === "post skipped: more than 24 hours late");
    expect(warning).toMatchObject({ level: 40, period: "week-2", cohortId: cohort.id });
    // Skipped for good: later ticks do not send it, and the next post is on time.
    for (const at of hourlyInstants(new Date("2027-03-09T11:00:00Z"), new Date("2027-03-12T18:00:00Z"))) await third.tickAt(at);

    const seen = world.posts(channel.id).map((post) => `${postLabel(post.message)} @ ${localStamp(post.sentAt, "UTC")}`);
    expect(seen).toEqual(["week 1 @ Mon 2027-03-01 14:00", "checkpoint Database Fundamentals @ Fri 2027-03-12 17:00"]);
    const rows = await third.test.app.database.prisma.scheduledPost.findMany({ where: { cohortId: cohort.id }, orderBy: { dueAt: "asc" } });
    expect(rows.map((row) => [row.period, row.status])).toEqual([
      ["week-1", "sent"],
      ["week-2", "skipped"],
      ["checkpoint-w1-2-database-fundamentals", "sent"],
    ]);
  });

  it("finishes the send of a process that died between posting and recording it, without posting twice", async () => {
    world = await startSchedulerWorld(new Date("2027-03-01T09:00:00Z"));
    const channel = world.createChannel("crash-cohort");
    const cohort = await world.createCohort({ name: "Crash", channelId: channel.id, start: "2027-03-01" });
    const dead = world.first;
    await dead.tickAt(new Date("2027-03-01T09:00:00Z"));
    const prisma = dead.test.app.database.prisma;
    // As if the process had crashed right after Discord accepted the message: the claim is still open.
    await prisma.scheduledPost.updateMany({
      where: { cohortId: cohort.id, period: "week-1" },
      data: { status: "claimed", messageId: null, sentAt: null, claimedAt: new Date("2027-03-01T09:00:00Z") },
    });
    await dead.stop();

    const survivor = await world.startProcess(new Date("2027-03-01T09:01:00Z"));
    // A fresh claim may belong to a process that is still sending: left alone.
    expect((await survivor.tickAt(new Date("2027-03-01T09:01:00Z"))).sent).toEqual([]);
    // Two minutes on it is stale: taken over and sent again with the same nonce, which Discord deduplicates.
    const takeover = await survivor.tickAt(new Date("2027-03-01T09:03:00Z"));
    expect(takeover.sent.map((post) => post.period)).toEqual(["week-1"]);
    const posts = world.posts(channel.id);
    expect(posts).toHaveLength(1);
    expect(takeover.sent[0]?.messageId).toBe(posts[0]?.message.id);
    const row = await survivor.test.app.database.prisma.scheduledPost.findFirst({ where: { cohortId: cohort.id, period: "week-1" } });
    expect(row).toMatchObject({ status: "sent", messageId: posts[0]?.message.id, claimedBy: survivor.test.app.scheduler.instanceId });
    expect(survivor.test.logs().some((line) => line.msg === "took over a stale claim")).toBe(true);
  });

  it("leaves the post to the process that took over a slow process's claim: the slow one reports nothing sent and opens no thread", async () => {
    const repositories: Overtaken[] = [];
    world = await startSchedulerWorld(new Date("2027-03-01T09:00:00Z"), {
      scheduledPostRepository: (prisma, writes) => {
        const repository = new Overtaken(prisma, writes);
        repositories.push(repository);
        return repository;
      },
    });
    const channel = world.createChannel("slow-cohort");
    const cohort = await world.createCohort({ name: "Slow", channelId: channel.id, start: "2027-03-01" });
    const slow = world.first;
    const other = await world.startProcess(new Date("2027-03-01T09:03:00Z"));
    // The slow process has sent the post at 09:00; before it records the send, the other process finds its claim
    // stale (09:03) and takes over: it sends again under the same nonces (Discord returns the same messages).
    let takeover: Awaited<ReturnType<BotProcess["tickAt"]>> | undefined;
    const slowRepository = repositories[0];
    if (slowRepository === undefined) throw new Error("the slow process did not build its post repository");
    slowRepository.beforeRecorded = async () => (takeover = await other.tickAt(new Date("2027-03-01T09:03:00Z")));
    const lost = await slow.tickAt(new Date("2027-03-01T09:00:00Z"));

    expect(takeover?.sent.map((post) => post.period)).toEqual(["week-1"]);
    expect(lost.sent).toEqual([]);
    const posts = world.posts(channel.id, { liveBoards: true });
    expect(posts.map((post) => postLabel(post.message))).toEqual(["week 1", "live board 1"]);
    expect(posts[0]?.message.threadId).not.toBeNull();
    // One discussion thread was asked for, by the process that owns the post; the slow one asked for none.
    const threadRequests = world.emulator.requestLog().filter((entry) => entry.method === "POST" && entry.path.endsWith("/threads"));
    expect(threadRequests).toHaveLength(1);
    const row = await other.test.app.database.prisma.scheduledPost.findFirst({ where: { cohortId: cohort.id, period: "week-1" } });
    expect(row).toMatchObject({ status: "sent", claimedBy: other.test.app.scheduler.instanceId, boardMessageId: posts[1]?.message.id });
  });

  it("stops a slow process whose post another process took over mid-send: it sends nothing more, and the post appears once", async () => {
    world = await startSchedulerWorld(new Date("2027-03-01T09:00:00Z"));
    const channel = world.createChannel("stale-pass");
    const cohort = await world.createCohort({ name: "Stale Pass", channelId: channel.id, start: "2027-03-01" });
    const slow = world.first;
    const other = await world.startProcess(new Date("2027-03-01T09:03:00Z"));
    const postPath = `/channels/${channel.id}/messages`;
    const isPost = (entry: { method: string; path: string }) => entry.method === "POST" && entry.path === postPath;
    // Discord stores the slow process's first message (the week's words) at 09:00, but its answer is held.
    const held = world.emulator.holdNext((request) => isPost(request));
    const lost = slow.tickAt(new Date("2027-03-01T09:00:00Z"));
    await held.arrived;
    // Its claim stale at 09:03, the other process takes the post over and sends it whole (the first message found
    // in the channel, the board sent).
    const takeover = await other.tickAt(new Date("2027-03-01T09:03:00Z"));
    expect(takeover.sent.map((post) => post.period)).toEqual(["week-1"]);
    const postsBefore = world.emulator.requestLog().filter(isPost).length;
    held.release();
    const report = await lost;

    // The slow process, its part's row moved on, sends nothing more and reports nothing, sent or failed.
    // (The held request is logged when answered: the one more.)
    expect(world.emulator.requestLog().filter(isPost)).toHaveLength(postsBefore + 1);
    expect(report.sent).toEqual([]);
    const posts = world.posts(channel.id, { liveBoards: true });
    expect(posts.map((post) => postLabel(post.message))).toEqual(["week 1", "live board 1"]);
    // The post's retries are untouched: nothing failed.
    const row = await other.test.app.database.prisma.scheduledPost.findFirst({ where: { cohortId: cohort.id, period: "week-1" } });
    expect(row).toMatchObject({ status: "sent", attempts: 0, lastError: null, claimedBy: other.test.app.scheduler.instanceId });
    expect(slow.test.logs().some((line) => line.msg === "post failed: will retry")).toBe(false);
    expect(report.failed).toEqual([]);
    expect(slow.test.logs().some((line) => line.msg === "post left to the process that took its claim over")).toBe(true);
  });

  /**
   * A process died after Discord stored the week's post at 09:00 (Discord's clock), with its part recorded as
   * attempted at `attemptedAt` (the bot's clock); a survivor takes the post over at `takeoverAt`, when Discord has
   * forgotten the nonce (it remembers them for one minute here: less than the two minutes before a stale claim is
   * taken over). Returns the survivor, its report, the post's row filter and the posts in the channel.
   */
  async function diedAfterStore(attemptedAt: string, takeoverAt: string) {
    world = await startSchedulerWorld(new Date("2027-03-01T09:00:00Z"), { nonceWindowMs: 60_000 });
    const channel = world.createChannel("died-after-store");
    const cohort = await world.createCohort({ name: "Died After Store", channelId: channel.id, start: "2027-03-01" });
    const dead = world.first;
    await dead.tickAt(new Date("2027-03-01T09:00:00Z"));
    const prisma = dead.test.app.database.prisma;
    const where = { cohortId: cohort.id, period: "week-1" };
    await prisma.scheduledPost.updateMany({
      where,
      data: { status: "claimed", messageId: null, sentAt: null, claimedAt: new Date(attemptedAt) },
    });
    await prisma.scheduledPostPart.updateMany({
      where: { post: where },
      data: { status: "attempted", messageId: null, sentAt: null, attemptedAt: new Date(attemptedAt) },
    });
    await dead.stop();
    const survivor = await world.startProcess(new Date(takeoverAt));
    const takeover = await survivor.tickAt(new Date(takeoverAt));
    return { survivor, takeover, where, posts: world.posts(channel.id) };
  }

  it("finishes the send of a process that died after Discord stored the post, once, even when Discord has forgotten the nonce", async () => {
    const { survivor, takeover, where, posts } = await diedAfterStore("2027-03-01T09:00:00Z", "2027-03-01T09:03:00Z");
    expect(takeover.sent.map((post) => post.period)).toEqual(["week-1"]);
    expect(posts.map((post) => postLabel(post.message))).toEqual(["week 1"]);
    expect(takeover.sent[0]?.messageId).toBe(posts[0]?.message.id);
    expect(await survivor.test.app.database.prisma.scheduledPost.findFirst({ where })).toMatchObject({
      status: "sent",
      messageId: posts[0]?.message.id,
    });
    expect(survivor.test.logs().some((line) => line.msg === "post part found in the channel: an earlier attempt had sent it")).toBe(true);
  });

  it("takes the message found in the channel for the post when the bot's clock ran twenty minutes ahead of Discord's", async () => {
    const { takeover, posts } = await diedAfterStore("2027-03-01T09:20:00Z", "2027-03-01T09:23:00Z");
    expect(takeover.sent.map((post) => post.period)).toEqual(["week-1"]);
    expect(posts.map((post) => postLabel(post.message))).toEqual(["week 1"]);
    expect(takeover.sent[0]?.messageId).toBe(posts[0]?.message.id);
  });

  it("does not take an identical message posted an hour before the attempt for the post: it posts it", async () => {
    const { takeover, posts } = await diedAfterStore("2027-03-01T10:00:00Z", "2027-03-01T10:03:00Z");
    expect(takeover.sent.map((post) => post.period)).toEqual(["week-1"]);
    expect(posts.map((post) => postLabel(post.message))).toEqual(["week 1", "week 1"]);
    expect(takeover.sent[0]?.messageId).toBe(posts[1]?.message.id);
  });

  it("ticks on its own with node-cron once the bot has started", async () => {
    // Every second, so the test need not wait long; the bot's clock stands at 09:00:30, just after the week-1 post.
    const started = await startSchedulerWorld(new Date("2027-03-01T09:00:30Z"), { tickCron: "* * * * * *" });
    world = started;
    const channel = world.createChannel("automatic");
    await world.createCohort({ name: "Automatic", channelId: channel.id, start: "2027-03-01" });
    const scheduler = world.first.test.app.scheduler;
    const until = async (condition: () => boolean) => {
      while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    // The week's post and its live board.
    await until(() => started.emulator.channelMessages(channel.id).length > 1);
    expect(world.emulator.channelMessages(channel.id).map((message) => postLabel(message))).toEqual(["week 1", "live board 1"]);
    // Two further ticks, counted rather than waited for, send nothing more.
    const ticksAfterPost = scheduler.ticksFinished;
    await until(() => scheduler.ticksFinished >= ticksAfterPost + 2);
    expect(world.emulator.channelMessages(channel.id)).toHaveLength(2);
    expect(world.first.test.logs().some((line) => line.msg === "scheduler started")).toBe(true);
  });

  it("posts each post of a whole course exactly once with two bot processes ticking at the same moments", async () => {
    world = await startSchedulerWorld(new Date("2027-02-13T00:00:00Z"));
    const zones = ["America/New_York", "Australia/Sydney"] as const;
    const channels = new Map<string, { id: string }>();
    for (const zone of zones) {
      const channel = world.createChannel(`two-${zone.toLowerCase().replace(/\//g, "-")}`);
      channels.set(zone, channel);
      await world.createCohort({ name: `Two ${zone}`, channelId: channel.id, start: "2027-02-15", timeZone: zone });
    }
    const one = world.first;
    const two = await world.startProcess(new Date("2027-02-13T00:00:00Z"));
    const sections = (
      await one.test.app.database.prisma.section.findMany({
        where: { curriculum: { slug: "backend-engineer-learning-path" }, checkpoint: { not: null } },
      })
    ).map((row) => ({ title: row.title, weekEnd: row.weekEnd }));
    const expected = zones.flatMap((zone) => expectedCoursePosts("2027-02-15", zone, sections).map((post) => post.at));
    const sentBy = { one: 0, two: 0 };
    let round = 0;
    for (const at of probeInstants(expected, new Date("2027-02-13T00:00:00Z"), new Date("2027-05-12T00:00:00Z"))) {
      // Both processes tick at the same instant, concurrently; who starts first alternates.
      const [first, second] = round % 2 === 0 ? [one, two] : [two, one];
      const [a, b] = await Promise.all([first.tickAt(at), second.tickAt(at)]);
      sentBy[first === one ? "one" : "two"] += a.sent.length;
      sentBy[second === one ? "one" : "two"] += b.sent.length;
      round += 1;
    }
    for (const zone of zones) {
      const labels = world.posts(channels.get(zone)?.id ?? "").map((post) => postLabel(post.message));
      const onTime = chronologicalPosts(
        world.posts(channels.get(zone)?.id ?? "").map((post) => ({ label: postLabel(post.message), at: post.sentAt })),
        zone,
      );
      expect(onTime).toEqual(chronologicalPosts(expectedCoursePosts("2027-02-15", zone, sections), zone));
      expect(labels).toHaveLength(24);
      expect(new Set(labels).size).toBe(24);
      expect(labels.filter((label) => label.startsWith("week"))).toEqual(Array.from({ length: 12 }, (_, index) => `week ${index + 1}`));
      expect(labels.at(-1)).toBe("closing");
    }
    expect(sentBy.one + sentBy.two).toBe(48);
    // Both processes really competed: each won some of the posts.
    expect(sentBy.one).toBeGreaterThan(0);
    expect(sentBy.two).toBeGreaterThan(0);
    const rows = await one.test.app.database.prisma.scheduledPost.findMany();
    expect(rows).toHaveLength(48);
    expect(rows.every((row) => row.status === "sent" && row.attempts === 0)).toBe(true);
    // A hang guard, not a speed claim: about 500 instants over three months, each ticked by both processes
    // (some 1,000 ticks, each a few statements); a busy PostgreSQL spends about 90 s on them.
  }, 300_000);
});
