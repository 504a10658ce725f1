import { afterEach, describe, expect, it } from "vitest";
import { botCanSend, visibleText } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

const minute = 60_000;
const postMessages = "POST /channels/:channelId/messages";

/** True once the bot's discord.js cache has the channel, with Send Messages allowed for the bot when `canSend`. */
function botSees(world: SchedulerWorld, channelId: string, canSend = false): boolean {
  const client = world.first.test.app.discord.client;
  const channel = client.channels.cache.get(channelId);
  if (channel === undefined || client.user === null) return false;
  return !canSend || botCanSend(world.first.test, channelId);
}

/** A cohort (starting 2027-03-01) whose week 1 holds 120 long items: too much for one message. Returns its channel. */
async function denseWeekCohort(world: SchedulerWorld): Promise<{ id: string }> {
  const items = Array.from(
    { length: 120 },
    (_, index) =>
      `- [ ] Required -- Reading number ${index + 1}: a deliberately long title about distributed systems and consensus (${10 + (index % 5)} min)`,
  );
  const document = [
    "Huge Week Path",
    "One very dense week.",
    "Week 1: Everything At Once",
    "Estimated reading time: 30 hours",
    "All of it.",
    ...items,
    "",
  ].join("\n");
  const imported = await world.first.test.app.services.curricula.importDocument(document, world.guild.id);
  expect(imported.ok).toBe(true);
  const channel = world.createChannel("dense");
  await world.createCohort({ name: "Dense", channelId: channel.id, start: "2027-03-01", curriculum: "huge-week-path" });
  return channel;
}

/** Requests the bot made to post in `channelId`, with their status. */
function postAttempts(world: SchedulerWorld, channelId: string): number[] {
  return world.emulator
    .requestLog()
    .filter((entry) => entry.method === "POST" && entry.path === `/channels/${channelId}/messages`)
    .map((entry) => entry.status);
}

describe("scheduler faults, through discord.js and the emulator", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it("posts once when Discord fails the send twice and then accepts it", async () => {
    world = await startSchedulerWorld(new Date("2027-03-01T09:00:00Z"));
    const channel = world.createChannel("flaky");
    await world.createCohort({ name: "Flaky", channelId: channel.id, start: "2027-03-01" });
    world.emulator.clearRequestLog();
    world.emulator.failNext(postMessages, 500, 2);
    const report = await world.first.tickAt(new Date("2027-03-01T09:00:00Z"));
    expect(report.sent.map((post) => post.period)).toEqual(["week-1"]);
    // Two parts: the week, then its live board.
    expect(postAttempts(world, channel.id)).toEqual([500, 500, 200, 200]);
    expect(world.posts(channel.id).map((post) => postLabel(post.message))).toEqual(["week 1"]);
  });

  it("retries with backoff when the send keeps failing, then posts once", async () => {
    world = await startSchedulerWorld(new Date("2027-03-01T09:00:00Z"));
    const channel = world.createChannel("down");
    const cohort = await world.createCohort({ name: "Down", channelId: channel.id, start: "2027-03-01" });
    const prisma = world.first.test.app.database.prisma;
    // More failures than discord.js retries on its own (three): this attempt fails.
    world.emulator.failNext(postMessages, 503, 4);
    const failed = await world.first.tickAt(new Date("2027-03-01T09:00:00Z"));
    expect(failed.sent).toEqual([]);
    expect(failed.failed).toEqual([{ cohortId: cohort.id, kind: "week", period: "week-1", failure: "transient", willRetry: true }]);
    const row = await prisma.scheduledPost.findFirstOrThrow({ where: { cohortId: cohort.id, period: "week-1" } });
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.nextAttemptAt?.toISOString()).toBe("2027-03-01T09:01:00.000Z");
    expect(world.first.test.logs().some((line) => line.msg === "post failed: will retry" && line.period === "week-1")).toBe(true);

    expect((await world.first.tickAt(new Date("2027-03-01T09:00:30Z"))).sent).toEqual([]);
    const retried = await world.first.tickAt(new Date("2027-03-01T09:01:00Z"));
    expect(retried.sent.map((post) => post.period)).toEqual(["week-1"]);
    expect(world.posts(channel.id)).toHaveLength(1);
    expect(await prisma.scheduledPost.findFirstOrThrow({ where: { cohortId: cohort.id, period: "week-1" } })).toMatchObject({
      status: "sent",
      attempts: 1,
    });
  });

  it("gives up after the last retry, marks the post failed and logs it as an error", async () => {
    world = await startSchedulerWorld(new Date("2027-03-01T09:00:00Z"));
    const channel = world.createChannel("broken");
    const cohort = await world.createCohort({ name: "Broken", channelId: channel.id, start: "2027-03-01" });
    world.emulator.failNext(postMessages, 500, 1000);
    // Attempts at 09:00, then after 1, 5, 15 and 60 minutes.
    let at = new Date("2027-03-01T09:00:00Z").getTime();
    for (const wait of [0, 1, 5, 15, 60]) {
      at += wait * minute;
      await world.first.tickAt(new Date(at));
    }
    await world.first.tickAt(new Date(at + 120 * minute));
    const row = await world.first.test.app.database.prisma.scheduledPost.findFirstOrThrow({
      where: { cohortId: cohort.id, period: "week-1" },
    });
    expect(row).toMatchObject({ status: "failed", attempts: 5, nextAttemptAt: null });
    const error = world.first.test.logs().find((line) => line.msg === "post failed for good: not sent");
    expect(error).toMatchObject({ level: 50, period: "week-1", attempts: 5 });
    expect(world.posts(channel.id)).toEqual([]);
  });

  it("flags a cohort whose channel was deleted, keeps posting for the others, and resumes after /cohort edit", async () => {
    world = await startSchedulerWorld(new Date("2027-03-01T08:00:00Z"));
    const doomed = world.createChannel("doomed");
    const healthy = world.createChannel("healthy");
    await world.createCohort({ name: "Doomed", channelId: doomed.id, start: "2027-03-01" });
    await world.createCohort({ name: "Healthy", channelId: healthy.id, start: "2027-03-01" });
    world.emulator.deleteChannel(doomed.id);
    world.emulator.clearRequestLog();

    const report = await world.first.tickAt(new Date("2027-03-01T09:00:00Z"));
    expect(report.sent.map((post) => post.period)).toEqual(["week-1"]);
    expect(world.posts(healthy.id).map((post) => postLabel(post.message))).toEqual(["week 1"]);
    expect(report.failed.map((post) => post.failure)).toEqual(["channel_missing"]);

    // No endless retries: while flagged, the cohort's channel is left alone.
    for (const hours of [1, 2, 3]) await world.first.tickAt(new Date(Date.UTC(2027, 2, 1, 9 + hours)));
    expect(postAttempts(world, doomed.id)).toHaveLength(1);

    const run = (name: string, options: Record<string, string>) =>
      world?.emulator.runCommand({ guildId: world.guild.id, channelId: healthy.id, userId: world.admin.id, name, options }).final();
    const info = await run("cohort info", { cohort: "Doomed" });
    expect(info === undefined ? "" : visibleText(info)).toContain("no longer exists");

    const replacement = world.createChannel("replacement");
    await run("cohort edit", { cohort: "Doomed", channel: replacement.id });
    const resumed = await world.first.tickAt(new Date("2027-03-01T13:00:00Z"));
    expect(resumed.sent.map((post) => post.period)).toEqual(["week-1"]);
    expect(world.posts(replacement.id).map((post) => postLabel(post.message))).toEqual(["week 1"]);
    const infoAfter = await run("cohort info", { cohort: "Doomed" });
    expect(infoAfter === undefined ? "" : visibleText(infoAfter)).not.toContain("no longer exists");
  });

  it("holds a cohort's posts while the bot may not send in its channel and resumes once the permission is back", async () => {
    const started = await startSchedulerWorld(new Date("2027-03-01T09:00:00Z"));
    world = started;
    const closed = world.createChannel("closed");
    const cohort = await world.createCohort({ name: "Closed", channelId: closed.id, start: "2027-03-01" });
    world.emulator.setBotChannelPermissions(closed.id, { botCanSend: false });
    const refused = await world.first.tickAt(new Date("2027-03-01T09:00:00Z"));
    expect(refused.failed.map((post) => post.failure)).toEqual(["no_permission"]);
    const prisma = world.first.test.app.database.prisma;
    expect((await prisma.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).channelProblem).toBe("no_permission");

    // An admin fixes the channel in Discord; the bot notices on its next check (every 5 minutes) and posts.
    world.emulator.setBotChannelPermissions(closed.id, { botCanSend: true });
    await until(() => botSees(started, closed.id, true), "the bot to see the channel with Send Messages allowed");
    expect((await world.first.tickAt(new Date("2027-03-01T09:02:00Z"))).sent).toEqual([]);
    const resumed = await world.first.tickAt(new Date("2027-03-01T09:05:00Z"));
    expect(resumed.sent.map((post) => post.period)).toEqual(["week-1"]);
    expect((await prisma.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).channelProblem).toBeNull();
    expect(world.posts(closed.id)).toHaveLength(1);
  });

  it("posts the weekly assignment without a thread where the bot may not create threads", async () => {
    const started = await startSchedulerWorld(new Date("2027-03-01T09:00:00Z"));
    world = started;
    const noThreads = world.emulator.createChannel(world.guild.id, { name: "no-threads", botCanCreateThreads: false });
    await world.createCohort({ name: "No threads", channelId: noThreads.id, start: "2027-03-01" });
    await until(() => botSees(started, noThreads.id), "the bot to see the channel without threads");
    const report = await world.first.tickAt(new Date("2027-03-01T09:00:00Z"));
    expect(report.sent.map((post) => post.period)).toEqual(["week-1"]);
    expect(world.posts(noThreads.id)[0]?.message.threadId).toBeNull();
    expect(report.failed).toEqual([]);
  });

  it("splits a week too long for one message over several, within Discord's limits", async () => {
    world = await startSchedulerWorld(new Date("2027-03-01T09:00:00Z"));
    const channel = await denseWeekCohort(world);
    const report = await world.first.tickAt(new Date("2027-03-01T09:00:00Z"));
    expect(report.sent.map((post) => post.period)).toEqual(["week-1"]);
    const posts = world.posts(channel.id);
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.slice(1).every((post) => postLabel(post.message) === "continued")).toBe(true);
    const text = posts.map((post) => visibleText(post.message)).join("\n");
    for (let index = 1; index <= 120; index += 1) expect(text).toContain(`Reading number ${index}:`);
    for (const post of posts) {
      const embed = post.message.embeds[0];
      const length =
        (embed?.title?.length ?? 0) +
        (embed?.description?.length ?? 0) +
        (embed?.footer?.text.length ?? 0) +
        (embed?.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
      expect(length).toBeLessThanOrEqual(6000);
      expect(embed?.fields?.length ?? 0).toBeLessThanOrEqual(25);
    }
  });

  it("sends each part of a split week once when a later part keeps failing past Discord's nonce window", async () => {
    // The emulator remembers nonces for 5 minutes of the test clock, as Discord does for "a few minutes".
    world = await startSchedulerWorld(new Date("2027-03-01T09:00:00Z"));
    const channel = await denseWeekCohort(world);
    const failPart2 = () => world?.emulator.failNext(`POST /channels/${channel.id}/messages`, 503, 4);
    // Part 1 goes out; then every send fails long enough for the attempt to fail (discord.js retries three times itself).
    world.emulator.once("message", failPart2);
    const first = await world.first.tickAt(new Date("2027-03-01T09:00:00Z"));
    expect(first.failed.map((post) => post.period)).toEqual(["week-1"]);
    expect(world.posts(channel.id)).toHaveLength(1);
    // The retry a minute later fails at part 2 again; the one after comes 5 minutes later, when Discord has forgotten part 1's nonce.
    failPart2();
    expect((await world.first.tickAt(new Date("2027-03-01T09:01:00Z"))).failed.map((post) => post.period)).toEqual(["week-1"]);
    const retried = await world.first.tickAt(new Date("2027-03-01T09:06:00Z"));
    expect(retried.sent.map((post) => post.period)).toEqual(["week-1"]);

    const posts = world.posts(channel.id);
    expect(posts.map((post) => postLabel(post.message))).toEqual(["week 1", ...posts.slice(1).map(() => "continued")]);
    const text = posts.map((post) => visibleText(post.message)).join("\n");
    for (let index = 1; index <= 120; index += 1) expect(text.split(`Reading number ${index}:`)).toHaveLength(2);
    expect(retried.sent[0]?.messageId).toBe(posts[0]?.message.id);
  });
});
