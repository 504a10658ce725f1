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
import { createTestDatabase, testDatabaseProvider } from "../helpers/testDatabase.js";

/**
 * SHARD_LIST: two ShardingManagers, as on two machines, each running half of
 * four shards, against one Discord emulator and one PostgreSQL database,
 * through a whole 12-week course. Real processes (`node --import tsx
 * src/main.ts`), their clock a file the test moves (COHORT_BOT_TEST_CLOCK_FILE).
 *
 * PostgreSQL only: machines cannot share a SQLite file, so SHARD_LIST has no
 * meaning there.
 */
const learningPath = "backend-engineer-learning-path";
const zone = "Europe/Berlin";
const start = "2027-03-01";
const shardCount = 4;
const machines = [
  { name: "machine A", shards: [0, 1] },
  { name: "machine B", shards: [2, 3] },
] as const;

/** Discord's shard rule, written out here rather than taken from the code under test. */
function discordShardOf(guildId: string): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

interface Server {
  readonly guild: EmulatorGuild;
  readonly channelId: string;
  readonly adminId: string;
}

const isTickAt = (instant: Date, shard: number) => (line: LogLine) =>
  line.msg === "scheduler tick done" && line.at === instant.toISOString() && line.shard === shard;

describe.skipIf(testDatabaseProvider !== "postgresql")(
  "SHARD_LIST: two machines' sharding managers on one PostgreSQL database (PostgreSQL only: machines cannot share a SQLite file)",
  () => {
    const cleanups: (() => Promise<void> | void)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    it("runs each shard once across both, prepares the deployment once, and posts and counts everything exactly once through a course with 200 /done at once", async () => {
      const database = await createTestDatabase("postgresql");
      cleanups.push(() => database.drop());
      // Discord's 3 s on the wall clock would make a busy machine's late answers failures; see unhurriedDeadlineMs.
      const emulator = await DiscordEmulator.start({
        maxConcurrency: 16,
        interactionDeadlineMs: unhurriedDeadlineMs,
        answerWaitMs: unhurriedDeadlineMs,
      });
      cleanups.push(() => emulator.stop());
      const temp = makeTempDir();
      cleanups.push(() => temp.cleanup());
      const clock = new SharedTestClock(path.join(temp.dir, "clock"));
      let now = new Date("2027-02-26T12:00:00Z");
      const sentAt = new Map<string, Date>();
      emulator.on("message", (message) => sentAt.set(message.id, now));
      const setClock = (instant: Date) => {
        now = instant;
        clock.set(instant);
      };
      setClock(now);

      // One server per shard: a guild's id carries its creation millisecond.
      const byShard = new Map<number, Server>();
      while (byShard.size < shardCount) {
        const guild = emulator.createGuild({ name: `Server ${byShard.size + 1}` });
        const shard = discordShardOf(guild.id);
        if (!byShard.has(shard)) {
          const channel = emulator.createChannel(guild.id, { name: "cohort" });
          const admin = emulator.createMember(guild.id, { username: `admin-${shard}`, manageGuild: true });
          byShard.set(shard, { guild, channelId: channel.id, adminId: admin.id });
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }

      // Both machines start at the same moment on an empty database: one prepares it, the other finds it done.
      const environment = {
        DISCORD_TOKEN: emulator.token,
        DISCORD_API_URL: emulator.apiUrl,
        DATABASE_URL: database.url,
        COHORT_BOT_TEST_CLOCK_FILE: clock.file,
        LOG_LEVEL: "debug",
        LOG_FORMAT: "json",
        SHARD_COUNT: String(shardCount),
      };
      const managers = machines.map((machine) =>
        spawnBotProcess({
          ...environment,
          SHARD_LIST: machine.shards.join(","),
          HEALTH_FILE: path.join(temp.dir, `health-${machine.shards.join("")}`),
        }),
      );
      cleanups.push(() => Promise.all(managers.map((manager) => manager.stop())).then(() => undefined));
      const managerAt = (index: number): BotProcess => {
        const manager = managers[index];
        if (manager === undefined) throw new Error(`no manager for machine ${index}`);
        return manager;
      };
      const managerOf = (shard: number): BotProcess => managerAt(shard < 2 ? 0 : 1);
      for (const manager of managers)
        await manager.waitForLog((line) => line.msg === "all shards connected", "the shards to connect", 110_000);
      for (let shard = 0; shard < shardCount; shard += 1) {
        await managerOf(shard).waitForLog((line) => line.msg === "scheduler started" && line.shard === shard, `shard ${shard}'s scheduler`);
      }

      // Each shard runs once, on the machine that lists it.
      expect(
        emulator
          .gatewaySessions()
          .map((session) => session.shard)
          .sort(),
      ).toEqual([0, 1, 2, 3].map((shard) => [shard, shardCount]));
      machines.forEach((machine, index) => {
        const started = managerAt(index)
          .logs()
          .filter((line) => line.msg === "shard process started")
          .map((line) => line.shard);
        expect([...new Set(started)].sort()).toEqual([...machine.shards]);
      });
      // Prepared once: one manager applied the migrations and registered the commands, the other found them done.
      const applied = managers.map(
        (manager) => manager.logs().filter((line) => line.msg === "migration applied" && line.shard === undefined).length,
      );
      expect(applied.filter((count) => count > 0)).toHaveLength(1);
      const commandPuts = emulator
        .requestLog()
        .filter((entry) => entry.method === "PUT" && /\/applications\/\d+\/commands$/.test(entry.path));
      expect(commandPuts).toHaveLength(1);

      const handle: DatabaseHandle = await openDatabase({
        url: database.url,
        migrationsDir: projectPaths().migrationsDir,
        logger: captureLogger("warn").logger,
      });
      cleanups.push(() => handle.close());
      const prisma = handle.prisma;
      expect(await prisma.curriculum.count({ where: { scope: "" } })).toBe(2);

      const cohortIds = new Map<number, number>();
      for (const [shard, server] of byShard) {
        const name = `Shard ${shard} Cohort`;
        const reply = await emulator
          .runCommand({
            guildId: server.guild.id,
            channelId: server.channelId,
            userId: server.adminId,
            name: "cohort create",
            options: { name, curriculum: learningPath, channel: server.channelId, start, timezone: zone },
          })
          .final();
        expect(visibleText(reply)).toContain(`**${name}** is set up`);
        cohortIds.set(shard, (await prisma.cohort.findFirstOrThrow({ where: { guildId: server.guild.id, name } })).id);
      }
      const members = new Map<number, string[]>();
      for (const [shard, server] of byShard) {
        const ids = Array.from(
          { length: 50 },
          (_, index) => emulator.createMember(server.guild.id, { username: `shard-${shard}-member-${index}` }).id,
        );
        const cohortId = cohortIds.get(shard);
        if (cohortId === undefined) throw new Error(`no cohort on shard ${shard}`);
        await prisma.member.createMany({
          data: ids.map((userId, index) => ({
            cohortId,
            userId,
            displayName: `shard-${shard}-member-${index}`,
            joinedAt: new Date("2027-02-22T08:00:00Z"),
          })),
        });
        members.set(shard, ids);
      }

      const sections = await prisma.section.findMany({ where: { curriculum: { slug: learningPath }, checkpoint: { not: null } } });
      const expected = expectedCoursePosts(
        start,
        zone,
        sections.map((row) => ({ title: row.title, weekEnd: row.weekEnd })),
      );
      const courseStart = now;
      // Tuesday of week 1, 10:00 local: "Storage Engines" is the day's item; 200 members run /done then.
      const doneAt = new Date("2027-03-02T09:00:00Z");
      const storageEngines = await prisma.item.findFirstOrThrow({
        where: { curriculum: { slug: learningPath }, title: "Storage Engines" },
      });
      const onTimePoints = Math.round((storageEngines.minutes ?? 0) * 1.2);
      const instants = [...new Set([...expected.map((post) => post.at.getTime()), doneAt.getTime()])]
        .sort((a, b) => a - b)
        .map((at) => new Date(at));
      for (const instant of instants) {
        setClock(instant);
        for (let shard = 0; shard < shardCount; shard += 1) {
          await managerOf(shard).waitForLog(isTickAt(instant, shard), `shard ${shard} to tick at ${instant.toISOString()}`);
        }
        if (instant.getTime() !== doneAt.getTime()) continue;
        const runs = [...byShard].flatMap(([shard, server]) => (members.get(shard) ?? []).map((userId) => ({ userId, server })));
        expect(runs).toHaveLength(200);
        const handles = runs.map(({ userId, server }) =>
          emulator.runCommand({
            guildId: server.guild.id,
            channelId: server.channelId,
            userId,
            name: "done",
            options: { item: String(storageEngines.id) },
          }),
        );
        const replies = await Promise.all(handles.map((interaction) => interaction.final()));
        expect(handles.filter((interaction) => interaction.failed)).toEqual([]);
        for (const reply of replies) expect(visibleText(reply)).toContain(`Logged **Storage Engines**: **+${onTimePoints} points**`);
      }

      // Every post once per server, each sent by the shard that holds the server; each weekly post's live board once.
      const messagesIn = (channelId: string) =>
        chronologicalPosts(
          emulator
            .channelMessages(channelId)
            .filter((message: EmulatorMessage) => message.authorId === emulator.botUserId)
            .filter((message) => (sentAt.get(message.id)?.getTime() ?? 0) >= courseStart.getTime())
            .map((message) => ({ label: postLabel(message), at: sentAt.get(message.id) ?? new Date(0) })),
          zone,
        );
      const isBoard = (label: string) => label.startsWith("live board");
      for (const server of byShard.values()) {
        const labels = messagesIn(server.channelId);
        expect(labels.filter((label) => !isBoard(label))).toEqual(chronologicalPosts(expected, zone));
        expect(labels.filter(isBoard).map((label) => label.replace(/^live board /, "week "))).toEqual(
          chronologicalPosts(expected, zone).filter((label) => label.startsWith("week ")),
        );
      }
      for (const [shard, cohortId] of cohortIds) {
        const senders = managerOf(shard)
          .logs()
          .filter((line) => line.msg === "post sent" && line.cohortId === cohortId)
          .map((line) => line.shard);
        expect(new Set(senders)).toEqual(new Set([shard]));
      }
      const rows = await prisma.scheduledPost.findMany();
      expect(rows).toHaveLength(expected.length * shardCount);
      expect(rows.filter((row) => row.status !== "sent" || row.attempts !== 0)).toEqual([]);

      // Every completion once, and each member's points once.
      const completions = await prisma.completion.findMany({ where: { itemId: storageEngines.id }, select: { memberId: true } });
      expect(completions).toHaveLength(200);
      expect(new Set(completions.map((row) => row.memberId)).size).toBe(200);
      const points = await prisma.member.findMany({ where: { userId: { in: [...members.values()].flat() } }, select: { points: true } });
      expect(points.map((member) => member.points)).toEqual(points.map(() => onTimePoints));
    }, 600_000);
  },
);
