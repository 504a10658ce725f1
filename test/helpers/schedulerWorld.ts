import { DateTime } from "luxon";
import { ManualClock } from "../../src/clock.js";
import type { AppOverrides } from "../../src/createApp.js";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import { DiscordEmulator, type EmulatorGuild } from "../../src/emulator/DiscordEmulator.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { unhurriedDeadlineMs } from "./botHarness.js";
import { createMigratedTestDatabase } from "./migratedTestDatabase.js";
import { startTestApp, type TestApp } from "./testApp.js";

/** One bot process of a scheduler test: its own app (and discord.js client), its own clock. */
export interface BotProcess {
  readonly test: TestApp;
  readonly clock: ManualClock;
  /** Moves this process's clock to `at` and runs one scheduler tick there. */
  tickAt(at: Date): ReturnType<TestApp["app"]["scheduler"]["tick"]>;
  stop(): Promise<void>;
}

/** A post as a channel reader sees it, with the instant the bot sent it (the test clock at that moment). */
export interface ObservedPost {
  readonly message: EmulatorMessage;
  readonly sentAt: Date;
}

/**
 * The Discord emulator with one guild, and any number of real bot processes
 * (createApp + discord.js, logged in to the emulator) sharing one database.
 * Automatic scheduler ticks are off: tests move the clock and tick by hand.
 */
export interface SchedulerWorld {
  readonly emulator: DiscordEmulator;
  readonly guild: EmulatorGuild;
  readonly admin: { id: string; username: string };
  /** The database every process of this world opens. */
  readonly databaseUrl: string;
  /** The process started with the world. */
  readonly first: BotProcess;
  /** Starts another bot process on the same database. */
  startProcess(start: Date): Promise<BotProcess>;
  createChannel(name: string): { id: string; name: string };
  createCohort(input: { name: string; channelId: string; start: string; timeZone?: string; curriculum?: string }): Promise<Cohort>;
  /** Every message the bot posted in a channel, oldest first, with when it was sent. */
  /** `liveBoards`: include the weekly posts' live board messages (left out by default). */
  posts(channelId: string, options?: { readonly liveBoards?: boolean }): ObservedPost[];
  /** Every direct message the bot sent a user, oldest first, with when it was sent. */
  dms(userId: string): ObservedPost[];
  close(): Promise<void>;
}

/**
 * `tickCron`: the scheduler's automatic tick for every process (default none: tests call tickAt).
 * `nonceWindowMs`: how long the emulator remembers a nonce, on the test clock (default: the emulator's 5 minutes).
 * `finalEditsPerTick`: the scheduler's cap on final board edits per tick (default: the product's).
 * `scheduledPostRepository`: every process's post repository (a test's subclass; default: the app's own).
 * `cohortRepository`: every process's cohort repository (a test's subclass; default: the app's own).
 * `postedBoardsPerTick`: the scheduler's cap on posted boards edited again per tick (default: the product's).
 */
export async function startSchedulerWorld(
  start: Date,
  options: {
    readonly tickCron?: string;
    readonly nonceWindowMs?: number;
    readonly finalEditsPerTick?: number;
    readonly scheduledPostRepository?: AppOverrides["scheduledPostRepository"];
    readonly cohortRepository?: AppOverrides["cohortRepository"];
    readonly postedBoardsPerTick?: number;
  } = {},
): Promise<SchedulerWorld> {
  // The instant each message arrived, read from the clock of whichever process was ticking; the emulator's nonce memory runs on it too.
  let currentTime = start;
  const database = await createMigratedTestDatabase();
  // Discord's 3 s and a 10 s answer wait on the wall clock would fail a busy machine; see unhurriedDeadlineMs.
  const emulator = await DiscordEmulator.start({
    nonceWindowMs: options.nonceWindowMs,
    now: () => currentTime.getTime(),
    interactionDeadlineMs: unhurriedDeadlineMs,
    answerWaitMs: unhurriedDeadlineMs,
  });
  const guild = emulator.createGuild({ name: "Study Server" });
  const admin = emulator.createMember(guild.id, { username: "admin", manageGuild: true });
  const processes: BotProcess[] = [];
  const sentAt = new Map<string, Date>();
  emulator.on("message", (message) => sentAt.set(message.id, currentTime));

  // Every process opens the world's database by URL, so stopping one (a restart) leaves the data in place.
  const launch = async (at: Date): Promise<BotProcess> => {
    const clock = new ManualClock(at);
    const environment = { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, DATABASE_URL: database.url };
    const test = await startTestApp({
      clock,
      schedulerTickCron: options.tickCron ?? null,
      environment,
      ...(options.finalEditsPerTick === undefined ? {} : { schedulerFinalEditsPerTick: options.finalEditsPerTick }),
      ...(options.scheduledPostRepository === undefined ? {} : { scheduledPostRepository: options.scheduledPostRepository }),
      ...(options.cohortRepository === undefined ? {} : { cohortRepository: options.cohortRepository }),
      ...(options.postedBoardsPerTick === undefined ? {} : { schedulerPostedBoardsPerTick: options.postedBoardsPerTick }),
    });
    try {
      await test.app.start();
    } catch (error) {
      await test.close();
      throw error;
    }
    const process: BotProcess = {
      test,
      clock,
      tickAt(instant) {
        clock.set(instant);
        currentTime = instant;
        return test.app.scheduler.tick(instant);
      },
      async stop() {
        const index = processes.indexOf(process);
        if (index >= 0) processes.splice(index, 1);
        await test.close();
      },
    };
    processes.push(process);
    return process;
  };

  let first: BotProcess;
  try {
    first = await launch(start);
  } catch (error) {
    await emulator.stop();
    await database.drop();
    throw error;
  }
  return {
    emulator,
    guild,
    admin,
    databaseUrl: database.url,
    first,
    startProcess: (at) => launch(at),
    createChannel: (name) => emulator.createChannel(guild.id, { name }),
    async createCohort(input) {
      const owner = processes[0] ?? first;
      return owner.test.app.services.cohorts.create({
        guildId: guild.id,
        actorId: admin.id,
        name: input.name,
        curriculum: input.curriculum ?? "backend-engineer-learning-path",
        channelId: input.channelId,
        start: input.start,
        timeZone: input.timeZone,
      });
    },
    posts(channelId, options = {}) {
      return emulator
        .channelMessages(channelId)
        .filter((message) => message.authorId === emulator.botUserId)
        .filter((message) => options.liveBoards === true || !postLabel(message).startsWith("live board"))
        .map((message) => ({ message, sentAt: sentAt.get(message.id) ?? new Date(0) }));
    },
    dms(userId) {
      return emulator.dmMessages(userId).map((message) => ({ message, sentAt: sentAt.get(message.id) ?? new Date(0) }));
    },
    async close() {
      for (const process of [...processes]) await process.stop();
      await emulator.stop();
      await database.drop();
    },
  };
}

/** "Mon 2027-03-15 09:00" in `zone`: how a test states an expected local time. */
/**
 * "label @ local time" in time order; posts due at the same instant (two
 * checkpoints on one Friday) may be sent by different processes in either
 * order, so those are ordered by label.
 */
export function chronologicalPosts(posts: readonly { label: string; at: Date }[], zone: string): string[] {
  return [...posts]
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.label.localeCompare(b.label))
    .map((post) => `${post.label} @ ${localStamp(post.at, zone)}`);
}

export function localStamp(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("ccc yyyy-MM-dd HH:mm");
}

/** Hourly instants on the hour (UTC) from `from` to `to`, both included when on the hour. */
export function hourlyInstants(from: Date, to: Date): Date[] {
  const instants: Date[] = [];
  const first = Math.ceil(from.getTime() / 3_600_000) * 3_600_000;
  for (let at = first; at <= to.getTime(); at += 3_600_000) instants.push(new Date(at));
  return instants;
}

/** What kind of post a channel message is, read from its embed title as a member would. */
export function postLabel(message: EmulatorMessage): string {
  const title = message.embeds[0]?.title ?? "";
  const week = /^📚 Week (\d+) of \d+/.exec(title);
  if (week !== null) return `week ${week[1]}`;
  if (title.startsWith("✅ Checkpoint · ")) return `checkpoint ${title.slice("✅ Checkpoint · ".length)}`;
  // 🏁: the closing post of a cohort ended early.
  if (title.startsWith("🎓 ") || title.startsWith("🏁 ")) return "closing";
  if (title.endsWith("(continued)")) return "continued";
  // A board says "live" while its week runs, "final" after its last edit, "moved" when a start edit set its post aside.
  const board = /^🏆 Week (\d+) leaderboard · (?:live|final|moved)/.exec(title);
  if (board !== null) return `live board ${board[1]}`;
  return `other: ${title}`;
}

export interface ExpectedPost {
  readonly label: string;
  readonly at: Date;
}

/**
 * The posts of the 12-week learning path for a cohort starting on Monday
 * `start` in `zone`, from the product rules and luxon alone (not the code
 * under test): each week's assignment on its Monday at 09:00, each section's
 * checkpoint on the Friday of its final week at 17:00, the closing post on the
 * Monday after week 12 at 09:00, all local.
 */
export function expectedCoursePosts(
  start: string,
  zone: string,
  sections: readonly { readonly title: string; readonly weekEnd: number }[],
): ExpectedPost[] {
  const first = DateTime.fromISO(start, { zone });
  const entries: { at: DateTime; order: number; label: string }[] = [];
  for (let week = 1; week <= 12; week += 1) {
    entries.push({ at: first.plus({ days: 7 * (week - 1) }).set({ hour: 9, minute: 0 }), order: 1, label: `week ${week}` });
  }
  for (const section of sections) {
    entries.push({
      at: first.plus({ days: 7 * (section.weekEnd - 1) + 4 }).set({ hour: 17, minute: 0 }),
      order: 0,
      label: `checkpoint ${section.title}`,
    });
  }
  entries.push({ at: first.plus({ days: 84 }).set({ hour: 9, minute: 0 }), order: 2, label: "closing" });
  return entries
    .sort((a, b) => a.at.toMillis() - b.at.toMillis() || a.order - b.order)
    .map((entry) => ({ label: entry.label, at: entry.at.toJSDate() }));
}

/**
 * When to tick so that a post sent at the wrong time shows: at each expected
 * instant, one minute and one hour before it (an early post would go out
 * there), and every six hours in between (a late or stray post would go out
 * there, visibly off its time).
 */
export function probeInstants(expected: readonly Date[], from: Date, to: Date): Date[] {
  const instants = new Set<number>();
  for (const at of expected) for (const offset of [0, 60_000, 3_600_000]) instants.add(at.getTime() - offset);
  for (const at of hourlyInstants(from, to)) if (at.getUTCHours() % 6 === 0) instants.add(at.getTime());
  return [...instants]
    .filter((at) => at >= from.getTime() && at <= to.getTime())
    .sort((a, b) => a - b)
    .map((at) => new Date(at));
}
