import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startBotHarness, waitLimitMs, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { runCommand } from "../helpers/rankedCohort.js";
import { startAgain } from "../helpers/restartBot.js";
import type { TestApp } from "../helpers/testApp.js";
import { shardOfGuild } from "../../src/domain/privacy/shardOfGuild.js";
import { DiscordEmulator } from "../../src/emulator/DiscordEmulator.js";
import { ReminderRepository } from "../../src/db/repositories/ReminderRepository.js";

/** The cohort starts Monday 2027-01-04 (UTC, posts Mondays 09:00); "now" is Tuesday of week 1. */
const tuesdayOfWeek1 = new Date("2027-01-05T10:00:00Z");
const cohortName = "Departing";

/** A bot on a fresh database, on Tuesday of week 1, with the cohort in its server. */
async function startWithCohort(): Promise<BotHarness> {
  const bot = await startBotHarness({ now: tuesdayOfWeek1 });
  await bot.createCohort({ name: cohortName, start: "2027-01-04" });
  return bot;
}

/** A server of its own with the cohort in its channel, made through `running` (the bot connected to `bot`'s emulator). */
async function serverWithCohort(bot: BotHarness, running: TestApp, name: string): Promise<{ guildId: string; channelId: string }> {
  const guild = bot.emulator.createGuild({ name });
  const channel = bot.emulator.createChannel(guild.id, { name: "cohort" });
  const admin = bot.emulator.createMember(guild.id, { username: `${name}-admin`, manageGuild: true });
  // The bot checks the channel in what Discord told it: the server's GUILD_CREATE first.
  await vi.waitFor(() => expect(running.app.discord.client.channels.cache.has(channel.id)).toBe(true), { timeout: waitLimitMs });
  await running.app.services.cohorts.create({
    guildId: guild.id,
    actorId: admin.id,
    name: cohortName,
    curriculum: "backend-engineer-learning-path",
    channelId: channel.id,
    start: "2027-01-04",
  });
  return { guildId: guild.id, channelId: channel.id };
}

/**
 * The bot removed from a server: its data waits 30 days for deletion, and meanwhile nothing is
 * posted in the server or DMed to its members on the cohorts' behalf; when the bot comes back
 * within the 30 days, both start again.
 */
describe("a server the bot was removed from", () => {
  let bot: BotHarness;
  let ada: { id: string };

  const weekPosts = (week: number) =>
    bot.emulator.channelMessages(bot.channel.id).filter((message) => visibleText(message).includes(`Week ${week} of 12`));
  const departures = () => bot.test.app.database.prisma.guildDeparture.count({ where: { guildId: bot.guild.id } });

  beforeAll(async () => {
    bot = await startWithCohort();
    ada = bot.member("ada");
    await runCommand(bot, ada.id, "join", { cohort: cohortName });
    await runCommand(bot, ada.id, "remind", { time: "18:00" });
    await bot.test.app.scheduler.tick(tuesdayOfWeek1);
  }, 120_000);
  afterAll(async () => bot.close());

  it("gets no reminders and no posts while the bot is out, and both again once it is back", async () => {
    bot.emulator.removeBotFromGuild(bot.guild.id);
    await vi.waitFor(async () => expect(await departures()).toBe(1), { timeout: waitLimitMs });

    const tuesdayEvening = new Date("2027-01-05T18:01:00Z");
    await bot.test.app.scheduler.tick(tuesdayEvening);
    expect(bot.emulator.dmMessages(ada.id)).toEqual([]);
    // The reminder read leaves the server's members out: no cohort of theirs is read for them.
    const { prisma } = bot.test.app.database;
    const read = await new ReminderRepository(prisma, bot.test.provider).membersWithReminders(["2027-01-05"], undefined, new Date(0));
    expect(read.map(({ member }) => member.userId)).not.toContain(ada.id);
    const week2 = new Date("2027-01-11T09:01:00Z");
    bot.clock.set(week2);
    await bot.test.app.scheduler.tick(week2);
    expect(weekPosts(2)).toEqual([]);
    // Nothing counted against the member's reminder while the bot could not reach them.
    const member = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: ada.id } });
    expect(member.remindFailures).toBe(0);

    bot.emulator.restoreBotToGuild(bot.guild.id);
    await vi.waitFor(async () => expect(await departures()).toBe(0), { timeout: waitLimitMs });
    await bot.test.app.scheduler.tick(week2);
    expect(weekPosts(2)).toHaveLength(1);
    const mondayEvening = new Date("2027-01-11T18:01:00Z");
    bot.clock.set(mondayEvening);
    await bot.test.app.scheduler.tick(mondayEvening);
    expect(bot.emulator.dmMessages(ada.id).length).toBeGreaterThan(0);
  });

  it("forgets a departure record once the server is available again, however it comes back", async () => {
    // A record the bot could not cancel: it came back while disconnected, and a fresh session
    // brings the server back as an outage's end (GuildAvailable), not as a join (GuildCreate).
    const now = bot.clock.now();
    await bot.test.app.database.prisma.guildDeparture.create({
      data: { guildId: bot.guild.id, leftAt: now, purgeAt: new Date(now.getTime() + 30 * 86_400_000) },
    });
    bot.emulator.removeBotFromGuild(bot.guild.id, { outage: true });
    await vi.waitFor(() => expect(bot.test.app.discord.client.guilds.cache.get(bot.guild.id)?.available).toBe(false), {
      timeout: waitLimitMs,
    });
    bot.emulator.restoreBotToGuild(bot.guild.id);
    await vi.waitFor(async () => expect(await departures()).toBe(0), { timeout: waitLimitMs });
  });
});

/**
 * The bot removed from a server while it was not connected: no GUILD_DELETE ever arrives, so its
 * next start finds the server missing from READY and records the departure itself. A server listed
 * in READY as unavailable (an outage) is still the bot's.
 */
describe("a server the bot was removed from while it was offline", () => {
  let bot: BotHarness;
  let restarted: TestApp | undefined;
  const week2 = new Date("2027-01-11T09:01:00Z");

  /** A server of its own with a cohort in its channel, made while the bot (as last started) is connected. */
  const serverWithCohortNow = (name: string) => serverWithCohort(bot, restarted ?? bot.test, name);
  const departureOf = (guildId: string) =>
    (restarted ?? bot.test).app.database.prisma.guildDeparture.findUnique({ where: { guildId }, select: { leftAt: true } });
  const weekPostsIn = (channelId: string) =>
    bot.emulator.channelMessages(channelId).filter((message) => visibleText(message).includes("Week 2 of 12"));

  /**
   * The bot started again on the same database (as shard `shard` of 2 when given), after the one running
   * stopped; `whileOffline` runs between the two.
   */
  async function restart(options: { shard?: number; whileOffline?: () => void } = {}): Promise<TestApp> {
    await (restarted ?? bot.test).app.close();
    options.whileOffline?.();
    const sharding = options.shard === undefined ? {} : { SHARDING_MANAGER: "true", SHARDS: String(options.shard), SHARD_COUNT: "2" };
    restarted = await startAgain(bot, sharding);
    return restarted;
  }

  beforeAll(async () => {
    bot = await startWithCohort();
  }, 120_000);
  afterAll(async () => {
    await restarted?.close();
    await bot.close();
  });

  it("records the departure at the next start and posts nothing there, while a server in an outage keeps its cohort", async () => {
    bot.clock.set(tuesdayOfWeek1);
    const removed = await serverWithCohortNow("Removed");
    const down = await serverWithCohortNow("Down");
    // A server that only imported a curriculum (no cohort) has data too.
    const importedOnly = bot.emulator.createGuild({ name: "Imported only" });
    await bot.test.app.database.prisma.curriculum.create({
      data: { scope: importedOnly.id, slug: "own-path", title: "Own path", totalWeeks: 4, sourceHash: "own-path" },
    });
    // So does one whose admin only previewed an import and never confirmed it: the uploaded document is stored.
    const previewOnly = bot.emulator.createGuild({ name: "Preview only" });
    await bot.test.app.database.prisma.pendingImport.create({
      data: {
        scope: previewOnly.id,
        userId: "100000000000000005",
        slug: "draft-path",
        baseVersion: "",
        document: "title: Draft path\n",
        expiresAt: new Date(tuesdayOfWeek1.getTime() + 15 * 60_000),
      },
    });
    // Removed while the bot was online: its departure was recorded then, and keeps that date.
    const leftEarlier = await serverWithCohortNow("Left earlier");
    bot.emulator.removeBotFromGuild(leftEarlier.guildId);
    await vi.waitFor(async () => expect(await departureOf(leftEarlier.guildId)).toEqual({ leftAt: tuesdayOfWeek1 }), {
      timeout: waitLimitMs,
    });
    bot.emulator.removeBotFromGuild(removed.guildId);
    bot.emulator.removeBotFromGuild(importedOnly.id);
    bot.emulator.removeBotFromGuild(previewOnly.id);
    bot.emulator.removeBotFromGuild(down.guildId, { outage: true });

    bot.clock.set(week2);
    const { app } = await restart();

    // Recorded by the time the bot has started, before its scheduler's first tick.
    expect(await departureOf(removed.guildId)).toEqual({ leftAt: week2 });
    expect(await departureOf(importedOnly.id)).toEqual({ leftAt: week2 });
    expect(await departureOf(previewOnly.id)).toEqual({ leftAt: week2 });
    expect(await departureOf(leftEarlier.guildId)).toEqual({ leftAt: tuesdayOfWeek1 });
    expect(await departureOf(down.guildId)).toBeNull();
    expect(await departureOf(bot.guild.id)).toBeNull();

    await app.scheduler.tick(week2);
    expect(weekPostsIn(removed.channelId)).toEqual([]);
    expect(weekPostsIn(bot.channel.id)).toHaveLength(1);
  });

  // Before the sharded start below: it makes its servers through a process that runs every shard.
  it("keeps a server the bot is added back to while its start compares READY with the database", async () => {
    const week3 = new Date("2027-01-18T09:01:00Z");
    bot.clock.set(week3);
    const readded = await serverWithCohortNow("Re-added");
    const gone = await serverWithCohortNow("Gone");

    await restart({
      whileOffline: () => {
        bot.emulator.removeBotFromGuild(readded.guildId);
        bot.emulator.removeBotFromGuild(gone.guildId);
        // READY leaves it out; its GUILD_CREATE (a join) follows at once, while the check runs.
        bot.emulator.afterNextReady(() => bot.emulator.restoreBotToGuild(readded.guildId));
      },
    });

    expect(await departureOf(gone.guildId)).toEqual({ leftAt: week3 });
    expect(await departureOf(readded.guildId)).toBeNull();
  });

  it("leaves the servers of shards it does not run to those shards' processes", async () => {
    bot.clock.set(week2);
    // Two servers with a cohort on each shard: one removed while the bot was offline, one kept.
    const servers: { guildId: string; channelId: string }[] = [];
    const onShard = (shard: number) => servers.filter((server) => shardOfGuild(server.guildId, 2) === shard);
    while (onShard(0).length < 2 || onShard(1).length < 2) {
      servers.push(await serverWithCohortNow(`Sharded ${servers.length + 1}`));
      // Server ids carry their creation millisecond: spaced out, they fall on both shards.
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const kept = [...onShard(0).slice(0, 1), ...onShard(1).slice(0, 1)];
    const removed0 = onShard(0).slice(1);
    const removed1 = onShard(1).slice(1);
    for (const server of [...removed0, ...removed1]) bot.emulator.removeBotFromGuild(server.guildId);

    const shard0 = await restart({ shard: 0 });

    for (const server of removed0) expect(await departureOf(server.guildId)).toEqual({ leftAt: week2 });
    for (const server of [...kept, ...removed1]) expect(await departureOf(server.guildId)).toBeNull();

    // A deletion falls due for shard 1's server the bot is still in: shard 0's process, which cannot see
    // that shard's servers, leaves it to shard 1's (which finds the bot there and cancels it).
    const [stillServed] = onShard(1);
    if (stillServed === undefined) throw new Error("no server on shard 1");
    const past = new Date(week2.getTime() - 86_400_000);
    const prisma = shard0.app.database.prisma;
    await prisma.guildDeparture.create({ data: { guildId: stillServed.guildId, leftAt: past, purgeAt: past } });
    await shard0.app.scheduler.tick(bot.clock.now());
    expect(await prisma.cohort.count({ where: { guildId: stillServed.guildId } })).toBe(1);
    expect(await departureOf(stillServed.guildId)).toEqual({ leftAt: past });

    // Shard 1's process is down: a dozen of its servers' deletions, due first, do not hold up shard 0's own.
    const longAgo = new Date(past.getTime() - 86_400_000);
    await prisma.guildDeparture.createMany({
      data: Array.from({ length: 12 }, (_, index) => ({
        guildId: String((BigInt(2 * index + 1) << 22n) + 5n),
        leftAt: longAgo,
        purgeAt: longAgo,
      })),
    });
    const [ownRemoved] = removed0;
    if (ownRemoved === undefined) throw new Error("no removed server on shard 0");
    await prisma.guildDeparture.update({ where: { guildId: ownRemoved.guildId }, data: { purgeAt: past } });
    await shard0.app.scheduler.tick(bot.clock.now());
    expect(await prisma.cohort.count({ where: { guildId: ownRemoved.guildId } })).toBe(0);
  });
});

/**
 * Safeguards against deleting what the bot still serves: a start with another application's token
 * (which sees none of the servers), and a deletion falling due for a server the bot is in.
 */
describe("data of servers the bot has not left", () => {
  let bot: BotHarness;
  let other: DiscordEmulator | undefined;
  let restarted: TestApp | undefined;
  const departures = () => bot.test.app.database.prisma.guildDeparture.count();
  const cohorts = (guildId: string) => bot.test.app.database.prisma.cohort.count({ where: { guildId } });

  beforeAll(async () => {
    bot = await startWithCohort();
    await serverWithCohort(bot, bot.test, "Second");
  }, 120_000);
  afterAll(async () => {
    await restarted?.close();
    await other?.stop();
    await bot.close();
  });

  it("cancels a deletion that falls due while the bot is in the server", async () => {
    const past = new Date(tuesdayOfWeek1.getTime() - 86_400_000);
    await bot.test.app.database.prisma.guildDeparture.create({ data: { guildId: bot.guild.id, leftAt: past, purgeAt: past } });

    await bot.test.app.scheduler.tick(tuesdayOfWeek1);

    expect(await cohorts(bot.guild.id)).toBe(1);
    expect(await departures()).toBe(0);
  });

  it("records no departure when started with another application's token, which is in none of the servers", async () => {
    await bot.test.app.close();
    other = await DiscordEmulator.start();
    other.createGuild({ name: "Its own server" });
    restarted = await startAgain(bot, { DISCORD_TOKEN: other.token, DISCORD_API_URL: other.apiUrl });

    expect(await restarted.app.database.prisma.guildDeparture.count()).toBe(0);
    expect(restarted.logs().some((line) => line.level === 40 && line.knownServers === 2)).toBe(true);
  });
});

/**
 * The wrong-token guard counts only servers not already leaving: a bot whose other server left while it
 * was online, then removed from its last one while offline, records that departure at its next start.
 */
describe("a removal while offline after another server already left", () => {
  let bot: BotHarness;
  let restarted: TestApp | undefined;

  beforeAll(async () => {
    bot = await startWithCohort();
  }, 120_000);
  afterAll(async () => {
    await restarted?.close();
    await bot.close();
  });

  it("records it, though the session lists none of the servers with data", async () => {
    const prisma = bot.test.app.database.prisma;
    const { guildId } = await serverWithCohort(bot, bot.test, "Left online");
    bot.emulator.removeBotFromGuild(guildId);
    await vi.waitFor(async () => expect(await prisma.guildDeparture.count({ where: { guildId } })).toBe(1), {
      timeout: waitLimitMs,
    });

    await bot.test.app.close();
    bot.emulator.removeBotFromGuild(bot.guild.id);
    restarted = await startAgain(bot);

    expect(await restarted.app.database.prisma.guildDeparture.count({ where: { guildId: bot.guild.id } })).toBe(1);
  });
});
