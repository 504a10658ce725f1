import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../src/db/openDatabase.js";
import { DiscordEmulator, type EmulatorGuild, type EmulatorMessage } from "../../src/emulator/DiscordEmulator.js";
import { projectPaths } from "../../src/projectPaths.js";
import { unhurriedDeadlineMs, visibleText } from "../helpers/botHarness.js";
import { spawnBotProcess, SharedTestClock, type BotProcess, type LogLine } from "../helpers/botProcess.js";
import { chronologicalPosts, expectedCoursePosts, postLabel } from "../helpers/schedulerWorld.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { makeTempDir } from "../helpers/tempDir.js";
import { createTestDatabase, testDatabaseProvider, type TestDatabase } from "../helpers/testDatabase.js";

/**
 * Several real bot processes (`node --import tsx src/main.ts`, as `npm start`
 * runs it) on one database and one Discord emulator. Their clock is a file
 * the test moves (COHORT_BOT_TEST_CLOCK_FILE); each process's scheduler ticks
 * every second on its own and the test waits until every process has logged a
 * tick at the new instant before it moves on.
 *
 * It runs on the database under test, like the rest of the suite: PostgreSQL
 * (npm run test:postgres), the database meant for several processes, and
 * SQLite, which must work with them too (one file shared by the processes).
 */
const learningPath = "backend-engineer-learning-path";
const zone = "Europe/Berlin";
const start = "2027-03-01";

/** Discord's shard rule, written out here rather than taken from the code under test. */
function discordShardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

interface Server {
  readonly guild: EmulatorGuild;
  readonly channelId: string;
  readonly adminId: string;
}

interface World {
  readonly database: TestDatabase;
  readonly emulator: DiscordEmulator;
  readonly clock: SharedTestClock;
  readonly prisma: DatabaseHandle["prisma"];
  /** The environment every bot process gets. */
  readonly environment: Record<string, string>;
  /** The instant each bot message arrived at, by the shared clock. */
  readonly sentAt: Map<string, Date>;
  now: Date;
  setClock(instant: Date): void;
  addServer(guild: EmulatorGuild): Server;
  close(): Promise<void>;
}

async function startWorld(startAt: Date, emulatorOptions: { recommendedShards?: number; maxConcurrency?: number } = {}): Promise<World> {
  const database = await createTestDatabase(testDatabaseProvider);
  // Discord's 3 s on the wall clock would make a busy machine's late answers failures; see unhurriedDeadlineMs.
  const emulator = await DiscordEmulator.start({
    ...emulatorOptions,
    interactionDeadlineMs: unhurriedDeadlineMs,
    answerWaitMs: unhurriedDeadlineMs,
  });
  const temp = makeTempDir();
  const clock = new SharedTestClock(path.join(temp.dir, "clock"));
  // Opened (and migrated) before any bot process: the test reads the rows the processes write.
  const handle = await openDatabase({
    url: database.url,
    migrationsDir: projectPaths().migrationsDir,
    logger: captureLogger("warn").logger,
  });
  const sentAt = new Map<string, Date>();
  const world: World = {
    database,
    emulator,
    clock,
    prisma: handle.prisma,
    environment: {
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.apiUrl,
      DATABASE_URL: database.url,
      COHORT_BOT_TEST_CLOCK_FILE: clock.file,
      // "scheduler tick done" is a debug line when a tick had nothing to do.
      LOG_LEVEL: "debug",
      LOG_FORMAT: "json",
      HEALTH_FILE: path.join(temp.dir, "health"),
    },
    sentAt,
    now: startAt,
    setClock(instant) {
      world.now = instant;
      clock.set(instant);
    },
    addServer(guild) {
      const channel = emulator.createChannel(guild.id, { name: "cohort" });
      const admin = emulator.createMember(guild.id, { username: `admin-${guild.name}`, manageGuild: true });
      return { guild, channelId: channel.id, adminId: admin.id };
    },
    async close() {
      await handle.close();
      await emulator.stop();
      await database.drop();
      temp.cleanup();
    },
  };
  world.setClock(startAt);
  emulator.on("message", (message) => sentAt.set(message.id, world.now));
  return world;
}

/** An admin creates the server's cohort with /cohort create, as on Discord. */
async function createCohort(world: World, server: Server, name: string): Promise<number> {
  const reply = await world.emulator
    .runCommand({
      guildId: server.guild.id,
      channelId: server.channelId,
      userId: server.adminId,
      name: "cohort create",
      options: { name, curriculum: learningPath, channel: server.channelId, start, timezone: zone },
    })
    .final();
  expect(visibleText(reply)).toContain(`**${name}** is set up`);
  const row = await world.prisma.cohort.findFirstOrThrow({ where: { guildId: server.guild.id, name } });
  return row.id;
}

/** `count` members of a server who joined its cohort a week before it starts (setup only, not what is tested). */
async function addMembers(world: World, server: Server, cohortId: number, count: number, prefix: string): Promise<string[]> {
  const ids = Array.from(
    { length: count },
    (_, index) => world.emulator.createMember(server.guild.id, { username: `${prefix}-${index}` }).id,
  );
  await world.prisma.member.createMany({
    data: ids.map((userId, index) => ({ cohortId, userId, displayName: `${prefix}-${index}`, joinedAt: new Date("2027-02-22T08:00:00Z") })),
  });
  return ids;
}

const isTickAt = (instant: Date) => (line: LogLine) => line.msg === "scheduler tick done" && line.at === instant.toISOString();

/** The bot's messages in a channel since `after` (by the shared clock), as "label @ local time". */
function messagesIn(world: World, channelId: string, after: Date): string[] {
  return chronologicalPosts(
    world.emulator
      .channelMessages(channelId)
      .filter((message: EmulatorMessage) => message.authorId === world.emulator.botUserId)
      .filter((message) => (world.sentAt.get(message.id)?.getTime() ?? 0) >= after.getTime())
      .map((message) => ({ label: postLabel(message), at: world.sentAt.get(message.id) ?? new Date(0) })),
    zone,
  );
}

/** The posts, without the weekly posts' live board messages (checked on their own: one per weekly post). */
function postsIn(world: World, channelId: string, after: Date): string[] {
  return messagesIn(world, channelId, after).filter((label) => !label.startsWith("live board"));
}

/** Each weekly post's live board message, "week n @ time" as its post is labelled. */
function liveBoardsIn(world: World, channelId: string, after: Date): string[] {
  return messagesIn(world, channelId, after)
    .filter((label) => label.startsWith("live board"))
    .map((label) => label.replace(/^live board /, "week "));
}

async function checkpointSections(world: World): Promise<{ title: string; weekEnd: number }[]> {
  const rows = await world.prisma.section.findMany({ where: { curriculum: { slug: learningPath }, checkpoint: { not: null } } });
  return rows.map((row) => ({ title: row.title, weekEnd: row.weekEnd }));
}

async function itemOf(world: World, title: string): Promise<{ id: number; minutes: number }> {
  const item = await world.prisma.item.findFirstOrThrow({ where: { curriculum: { slug: learningPath }, title } });
  return { id: item.id, minutes: item.minutes ?? 0 };
}

describe(`three bot processes on one ${testDatabaseProvider === "postgresql" ? "PostgreSQL database" : "SQLite file"}`, () => {
  let world: World | undefined;
  const processes: BotProcess[] = [];
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((process) => process.stop()));
    await world?.close();
    world = undefined;
  });

  it("posts every post of a whole course exactly once, on time, while three independent processes race for each; /done delivered to all three is counted once", async () => {
    const current = await startWorld(new Date("2027-02-26T12:00:00Z"));
    world = current;
    const servers = ["North", "South", "West"].map((name) => current.addServer(current.emulator.createGuild({ name })));
    const first = spawnBotProcess(world.environment);
    processes.push(first);
    await first.waitForLog((line) => line.msg === "scheduler started", "the first process to start");
    // One process only while the cohorts are created: every process would answer the command.
    const cohortIds: number[] = [];
    for (const server of servers) cohortIds.push(await createCohort(world, server, `${server.guild.name} Cohort`));
    const [second, third] = [spawnBotProcess(world.environment), spawnBotProcess(world.environment)];
    processes.push(second, third);
    await Promise.all(
      [second, third].map((process) => process.waitForLog((line) => line.msg === "scheduler started", "the other processes to start")),
    );
    expect(world.emulator.gatewaySessions()).toHaveLength(3);

    const expected = expectedCoursePosts(start, zone, await checkpointSections(world));
    const courseStart = world.now;
    // Tuesday of week 1, 10:00 local: "Storage Engines" is the day's item; members run /done then.
    const doneAt = new Date("2027-03-02T09:00:00Z");
    const instants = [...new Set([...expected.map((post) => post.at.getTime()), doneAt.getTime()])]
      .sort((a, b) => a - b)
      .map((at) => new Date(at));
    const storageEngines = await itemOf(world, "Storage Engines");
    const [north] = servers;
    const [northCohortId] = cohortIds;
    if (north === undefined || northCohortId === undefined) throw new Error("the North server has no cohort");
    const members = await addMembers(world, north, northCohortId, 40, "north-member");

    for (const instant of instants) {
      world.setClock(instant);
      await Promise.all(
        processes.map((process) => process.waitForLog(isTickAt(instant), `every process to tick at ${instant.toISOString()}`)),
      );
      if (instant.getTime() !== doneAt.getTime()) continue;
      // Every process holds the same (only) shard, so each gets every interaction and races to answer, as on Discord.
      const handles = members.map((userId) =>
        current.emulator.runCommand({
          guildId: north.guild.id,
          channelId: north.channelId,
          userId,
          name: "done",
          options: { item: String(storageEngines.id) },
        }),
      );
      const replies = await Promise.all(handles.map((handle) => handle.final()));
      expect(handles.filter((handle) => handle.failed)).toEqual([]);
      for (const reply of replies) expect(visibleText(reply)).toContain("**Storage Engines**");
    }

    for (const server of servers) {
      expect(postsIn(world, server.channelId, courseStart)).toEqual(chronologicalPosts(expected, zone));
      expect(liveBoardsIn(world, server.channelId, courseStart)).toEqual(
        chronologicalPosts(expected, zone).filter((label) => label.startsWith("week ")),
      );
    }
    const rows = await world.prisma.scheduledPost.findMany();
    expect(rows).toHaveLength(expected.length * servers.length);
    expect(rows.filter((row) => row.status !== "sent" || row.attempts !== 0)).toEqual([]);
    // The processes really competed: the database, not one process, decided who sent what.
    expect(new Set(rows.map((row) => row.claimedBy)).size).toBeGreaterThan(1);

    const completions = await world.prisma.completion.findMany({ where: { itemId: storageEngines.id }, select: { memberId: true } });
    expect(completions).toHaveLength(members.length);
    expect(new Set(completions.map((row) => row.memberId)).size).toBe(members.length);
    const points = await world.prisma.member.findMany({
      where: { cohortId: northCohortId, userId: { in: members } },
      select: { points: true },
    });
    expect(points.map((member) => member.points)).toEqual(members.map(() => Math.round(storageEngines.minutes * 1.2)));
  }, 150_000);

  it("SHARD_COUNT=auto: three shard processes, each serving its own servers' /done and posts; 200 members at once, none lost or doubled; a restarted shard posts nothing twice", async () => {
    const current = await startWorld(new Date("2027-03-01T07:00:00Z"), { recommendedShards: 3, maxConcurrency: 16 });
    world = current;
    // Servers until each shard holds one: a guild's id carries its creation millisecond.
    const byShard = new Map<number, Server>();
    while (byShard.size < 3) {
      const guild = world.emulator.createGuild({ name: `Server ${byShard.size + 1}` });
      if (!byShard.has(discordShardOf(guild.id, 3))) byShard.set(discordShardOf(guild.id, 3), world.addServer(guild));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const manager = spawnBotProcess({ ...world.environment, SHARD_COUNT: "auto" });
    processes.push(manager);
    await manager.waitForLog((line) => line.msg === "all shards connected", "the shards to connect", 90_000);
    for (const shard of [0, 1, 2])
      await manager.waitForLog((line) => line.msg === "scheduler started" && line.shard === shard, `shard ${shard}'s scheduler`);
    expect(
      world.emulator
        .gatewaySessions()
        .map((session) => session.shard)
        .sort(),
    ).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    // The manager registered the commands once; no shard did it again.
    const commandRequests = world.emulator
      .requestLog()
      .filter((entry) => /^\/applications\/\d+\/commands$/.test(entry.path.replace(/^\/api\/v10/, "")));
    expect(commandRequests.map((entry) => entry.method)).toEqual(["GET", "PUT"]);

    const cohorts = new Map<number, number>();
    for (const [shard, server] of byShard) cohorts.set(shard, await createCohort(world, server, `Shard ${shard} Cohort`));

    // Week 1 at 09:00 local (08:00 UTC): each shard posts its own server's, and only that.
    const weekOne = new Date("2027-03-01T08:00:00Z");
    world.setClock(weekOne);
    for (const shard of [0, 1, 2])
      await manager.waitForLog((line) => isTickAt(weekOne)(line) && line.shard === shard, `shard ${shard} to tick at week 1`);
    for (const [shard, server] of byShard) {
      expect(postsIn(world, server.channelId, weekOne)).toEqual(["week 1 @ Mon 2027-03-01 09:00"]);
      expect(liveBoardsIn(world, server.channelId, weekOne)).toEqual(["week 1 @ Mon 2027-03-01 09:00"]);
      const senders = manager
        .logs()
        .filter((line) => line.msg === "post sent" && line.cohortId === cohorts.get(shard))
        .map((line) => line.shard);
      expect(senders).toEqual([shard]);
    }

    // Tuesday 10:00 local: 200 members over the three servers run /done at the same moment.
    const doneAt = new Date("2027-03-02T09:00:00Z");
    world.setClock(doneAt);
    const storageEngines = await itemOf(world, "Storage Engines");
    const runs: { userId: string; server: Server }[] = [];
    for (const [shard, server] of byShard) {
      const cohortId = cohorts.get(shard);
      if (cohortId === undefined) throw new Error(`shard ${shard} has no cohort`);
      const ids = await addMembers(world, server, cohortId, shard === 0 ? 68 : 66, `shard-${shard}-member`);
      runs.push(...ids.map((userId) => ({ userId, server })));
    }
    expect(runs).toHaveLength(200);
    const handles = runs.map(({ userId, server }) =>
      current.emulator.runCommand({
        guildId: server.guild.id,
        channelId: server.channelId,
        userId,
        name: "done",
        options: { item: String(storageEngines.id) },
      }),
    );
    const replies = await Promise.all(handles.map((handle) => handle.final()));
    expect(handles.filter((handle) => handle.failed)).toEqual([]);
    const onTimePoints = Math.round(storageEngines.minutes * 1.2);
    for (const reply of replies) expect(visibleText(reply)).toContain(`Logged **Storage Engines**: **+${onTimePoints} points**`);
    const completions = await world.prisma.completion.findMany({ where: { itemId: storageEngines.id }, select: { memberId: true } });
    expect(completions).toHaveLength(200);
    expect(new Set(completions.map((row) => row.memberId)).size).toBe(200);
    const points = await world.prisma.member.findMany({
      where: { userId: { in: runs.map((run) => run.userId) } },
      select: { points: true },
    });
    expect(points.map((member) => member.points)).toEqual(runs.map(() => onTimePoints));

    // Shard 1's process dies; the manager starts it again (after its first wait, 1 s), and it sends nothing that was already sent.
    const shardOne = manager.logs().find((line) => line.msg === "shard process started" && line.shard === 1);
    process.kill(Number(shardOne?.pid), "SIGKILL");
    await manager.waitForLog(
      (line) => line.msg === "shard process started" && line.shard === 1 && line.pid !== shardOne?.pid,
      "shard 1 to be started again",
    );
    const restartedAt = manager.logs().length;
    await manager.waitForLog(
      (line) => manager.logs().indexOf(line) >= restartedAt && line.msg === "scheduler tick done" && line.shard === 1,
      "the restarted shard 1 to tick",
      60_000,
    );
    // Monday of week 2, 09:00 local: its post, once per server.
    const weekTwo = new Date("2027-03-08T08:00:00Z");
    world.setClock(weekTwo);
    for (const shard of [0, 1, 2])
      await manager.waitForLog((line) => isTickAt(weekTwo)(line) && line.shard === shard, `shard ${shard} to tick at week 2`);
    for (const server of byShard.values()) {
      expect(postsIn(world, server.channelId, weekOne)).toEqual(["week 1 @ Mon 2027-03-01 09:00", "week 2 @ Mon 2027-03-08 09:00"]);
    }
    const rows = await world.prisma.scheduledPost.findMany();
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.status === "sent")).toBe(true);
  }, 150_000);
});
