/**
 * Child process of bench/run.ts: measures the real bot on a fresh copy of
 * one target's data set and writes a BenchResult as JSON.
 *
 *   node --import tsx bench/measureBot.ts '<BenchOptions JSON>' <database> <result.json>
 *
 * The bot runs in a process of its own (bench/BotProcess.ts), pinned to its
 * own core when run.ts could pin; this process holds the emulator and the
 * hand-written SQL. Each measured interaction is timed from the emulator
 * dispatching it on the gateway to the bot's interaction callback arriving
 * back at the emulator's REST API (both seen as emulator events, with
 * performance.now()). Beside every bot run the same database work runs once
 * by hand-written SQL (bench/handWrittenWork.ts), interleaved so both see the
 * same machine noise.
 */
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { ManualClock } from "../src/clock.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { CohortRepository } from "../src/db/repositories/CohortRepository.js";
import { CurriculumRepository } from "../src/db/repositories/CurriculumRepository.js";
import type { Cohort } from "../src/domain/cohort/cohortModel.js";
import { dayInfo } from "../src/domain/schedule/dayInfo.js";
import { epochDayOfLocalDate } from "../src/domain/schedule/localTime.js";
import { memberDateOf } from "../src/domain/schedule/memberDay.js";
import { requiredItemsDue } from "../src/domain/schedule/requiredItemsDue.js";
import { pointsForCompletion } from "../src/domain/scoring/pointsForCompletion.js";
import { PlanService, type CohortContext } from "../src/services/PlanService.js";
import { createLogger } from "../src/logging/createLogger.js";
import { projectPaths } from "../src/projectPaths.js";
import { randomSource } from "./BenchDataGenerator.js";
import { benchNow, datasetKey, readManifest } from "./benchDataset.js";
import type { BenchOptions } from "./benchOptions.js";
import {
  measuredCommands,
  rosterEvery,
  type BenchResult,
  type BurstResult,
  type CommandId,
  type CommandResult,
  type FloorResult,
} from "./BenchResult.js";
import type { BenchStore } from "./BenchStore.js";
import { benchTargetFor } from "./benchTargetFor.js";
import { BenchWorld, CountingLog } from "./BenchWorld.js";
import { BotProcess } from "./BotProcess.js";
import { floorReply } from "./botProcessProtocol.js";
import { doneWork, leaderboardWork, rosterWork, todayWork, type DoneInput } from "./handWrittenWork.js";
import { summarizeTimings } from "./summarizeTimings.js";

const progress = (message: string) => process.stderr.write(`  [measure] ${message}\n`);
interface Actor {
  readonly memberId: number;
  readonly userId: string;
  /** Items this member has not done yet, in plan order; /done takes them from the front. */
  readonly pending: number[];
}

class BotMeasurement {
  private readonly dispatchedAt = new Map<string, number>();
  private readonly respondedAt = new Map<string, number>();
  readonly usersServed = new Set<string>();
  interactions = 0;
  completionsLogged = 0;
  sqlCompletionsLogged = 0;

  constructor(
    private readonly world: BenchWorld,
    private readonly store: BenchStore,
    private readonly cohort: Cohort,
    private readonly context: CohortContext,
    private readonly clock: ManualClock,
  ) {
    world.emulator.on("interaction", (event) => this.dispatchedAt.set(event.id, performance.now()));
    world.emulator.on("interactionResponse", (event) => this.respondedAt.set(event.interactionId, performance.now()));
  }

  /** One command through Discord; resolves once the reply is complete, with dispatch → callback in ms. */
  async runBot(command: CommandId, actor: Actor): Promise<number> {
    if (command === "roster") return this.runRoster();
    this.interactions += 1;
    this.usersServed.add(actor.userId);
    const period = command === "leaderboardAll" ? { period: "all" } : {};
    const item = command === "done" ? this.takePending(actor) : null;
    const name = command.startsWith("leaderboard") ? "leaderboard" : command;
    const handle = this.world.emulator.runCommand({
      guildId: this.world.guild.id,
      channelId: this.world.channel.id,
      userId: actor.userId,
      name,
      options: item === null ? period : { item: String(item) },
    });
    const response = await handle.response({ timeoutMs: 15_000 });
    const message = await handle.final({ timeoutMs: 15_000 });
    // Error replies (UserError or the generic one) are plain text; every success here has an embed.
    const expectEphemeral = name !== "leaderboard";
    if (message.embeds.length === 0 || response.ephemeral !== expectEphemeral) {
      throw new Error(`/${name} by member ${actor.memberId} did not succeed: ${JSON.stringify(message.content).slice(0, 300)}`);
    }
    if (item !== null) this.completionsLogged += 1;
    const dispatched = this.dispatchedAt.get(handle.id);
    const responded = this.respondedAt.get(handle.id);
    this.dispatchedAt.delete(handle.id);
    this.respondedAt.delete(handle.id);
    if (dispatched === undefined || responded === undefined) throw new Error(`no timing events for interaction ${handle.id}`);
    return responded - dispatched;
  }

  /** `/cohort roster` by the server's admin: deferred at once, timed until the first page is edited in. */
  private async runRoster(): Promise<number> {
    this.interactions += 1;
    const handle = this.world.emulator.runCommand({
      guildId: this.world.guild.id,
      channelId: this.world.channel.id,
      userId: this.world.admin.id,
      name: "cohort roster",
      options: {},
    });
    const started = performance.now();
    const message = await handle.final({ timeoutMs: 60_000 });
    const finished = performance.now();
    if (message.embeds.length === 0) throw new Error(`/cohort roster did not succeed: ${JSON.stringify(message.content).slice(0, 300)}`);
    const dispatched = this.dispatchedAt.get(handle.id) ?? started;
    this.dispatchedAt.delete(handle.id);
    this.respondedAt.delete(handle.id);
    return finished - dispatched;
  }

  /** The same database work, hand-written, for another member. */
  async runSql(command: CommandId, actor: Actor): Promise<number> {
    const guildId = this.world.guild.id;
    if (command === "roster") {
      const input = {
        cohortId: this.cohort.id,
        required: requiredItemsDue(this.context.basePlan, this.context.breakWeeks).map((item) => [
          item.itemId,
          item.minutes,
          ...item.dueDays,
        ]),
        startDay: epochDayOfLocalDate(this.context.plan.startDate),
        today: epochDayOfLocalDate(memberDateOf(this.clock.now(), this.cohort.settings.timeZone)),
      };
      const started = performance.now();
      await rosterWork(this.store.sql, this.store.provider, input);
      return performance.now() - started;
    }
    if (command === "done") {
      const done = this.doneInputFor(this.takePending(actor));
      const started = performance.now();
      await doneWork(this.store.sql, this.store.provider, guildId, actor.userId, done);
      this.sqlCompletionsLogged += 1;
      return performance.now() - started;
    }
    const weekNumber = command === "leaderboardWeek" ? Math.max(1, dayInfo(this.cohort.settings, this.clock.now()).weekNumber) : null;
    const started = performance.now();
    if (command === "today") await todayWork(this.store.sql, this.store.provider, guildId, actor.userId);
    else await leaderboardWork(this.store.sql, guildId, actor.userId, weekNumber);
    return performance.now() - started;
  }

  private takePending(actor: Actor): number {
    const item = actor.pending.shift();
    if (item === undefined) throw new Error(`member ${actor.memberId} has done every item; lower --runs or raise --actors`);
    return item;
  }

  /** Computed as StudyService.complete does; pure computation, so outside the timed part. */
  private doneInputFor(itemId: number): DoneInput {
    const item = this.context.itemsById.get(itemId);
    if (item === undefined) throw new Error(`item ${itemId} is not in the curriculum`);
    const now = this.clock.now();
    const score = pointsForCompletion(item, now, this.context.plan.assignedDateByItemId.get(itemId) ?? null, this.cohort.settings.timeZone);
    return {
      itemId,
      completedAt: now.getTime(),
      weekNumber: Math.max(0, dayInfo(this.cohort.settings, now).weekNumber),
      points: score.points,
      onTime: score.onTime,
    };
  }
}

function shuffled(count: number, seed: number): number[] {
  const random = randomSource(seed);
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other] ?? 0, order[index] ?? 0];
  }
  return order;
}

/** Items in the order members work through them: assigned ones by day, then the rest; references earn nothing, so never "done" here. */
function itemsInPlanOrder(context: CohortContext): number[] {
  const items = [...context.itemsById.values()].filter((item) => item.kind !== "Reference");
  const dateOf = (id: number) => context.plan.assignedDateByItemId.get(id) ?? "9999-12-31";
  return items.sort((a, b) => dateOf(a.id).localeCompare(dateOf(b.id)) || a.position - b.position).map((item) => item.id);
}

type Samples = Record<CommandId, { bot: number[]; sql: number[] }>;

/** Sequential runs: every round runs each command once through the bot and once by hand-written SQL, each by another member. */
async function runRounds(
  bench: BotMeasurement,
  actors: readonly Actor[],
  options: BenchOptions,
  clock: ManualClock,
  bot: BotProcess,
  label: string,
): Promise<Samples> {
  const botOrder = shuffled(actors.length, options.seed + 11);
  const sqlOrder = shuffled(actors.length, options.seed + 23);
  const samples = Object.fromEntries(measuredCommands.map(({ id }) => [id, { bot: [], sql: [] }])) as unknown as Samples;
  const rounds = options.warmup + options.runs;
  let turn = 0;
  for (let round = 0; round < rounds; round++) {
    for (const { id } of measuredCommands) {
      // Once to warm up, then every `rosterEvery`-th measured round, the first included (so even a short run measures it).
      const rosterRound = round === 0 || (round >= options.warmup && (round - options.warmup) % rosterEvery === 0);
      if (id === "roster" && !rosterRound) continue;
      const botActor = actors[botOrder[turn % actors.length] ?? 0];
      const sqlActor = actors[sqlOrder[turn % actors.length] ?? 0];
      turn += 1;
      if (botActor === undefined || sqlActor === undefined) throw new Error("no actors");
      const botMs = await bench.runBot(id, botActor);
      const sqlMs = await bench.runSql(id, sqlActor);
      if (round >= options.warmup) {
        samples[id].bot.push(botMs);
        samples[id].sql.push(sqlMs);
      }
    }
    clock.advance(1_000);
    await bot.setClock(clock.now());
    if ((round + 1) % 50 === 0 || round + 1 === rounds) {
      const usage = await bot.usage();
      progress(
        `${label}: round ${round + 1}/${rounds}${round < options.warmup ? " (warm-up)" : ""}; bot process RSS up to ${formatBytes(usage.servingRssMaxBytes)}`,
      );
    }
  }
  return samples;
}

/** Throughput: many interactions in flight at once, mixed roughly as members use the bot. */
async function runBurst(bench: BotMeasurement, actors: readonly Actor[], options: BenchOptions, label: string): Promise<BurstResult> {
  const mix: CommandId[] = [
    "today",
    "today",
    "done",
    "leaderboardWeek",
    "today",
    "done",
    "leaderboardAll",
    "today",
    "done",
    "leaderboardWeek",
  ];
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency, options.burst) }, async () => {
      while (next < options.burst) {
        const index = next++;
        const actor = actors[(index * 37) % actors.length];
        if (actor === undefined) throw new Error("no actors");
        latencies.push(await bench.runBot(mix[index % mix.length] ?? "today", actor));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const burst = {
    interactions: options.burst,
    concurrency: options.concurrency,
    seconds,
    perSecond: options.burst / seconds,
    latency: summarizeTimings(latencies),
  };
  progress(`${label}: burst of ${options.burst} at concurrency ${options.concurrency}: ${burst.perSecond.toFixed(0)} interactions/s`);
  return burst;
}

/** Where run.ts pinned this process, and the CPU it chose for the bot (env set by run.ts; null when not pinned). */
function pinning(): { readonly bot: string | null; readonly harness: string | null } {
  const cpu = (name: string) => {
    const value = process.env[name];
    return value === undefined || value === "" ? null : value;
  };
  return { bot: cpu("BENCH_BOT_CPU"), harness: cpu("BENCH_HARNESS_CPU") };
}

async function measure(options: BenchOptions, database: string): Promise<BenchResult> {
  const target = benchTargetFor(database);
  const manifest = readManifest(target.manifestFile);
  if (manifest === null || manifest.key !== datasetKey(options, target.provider)) {
    throw new Error(`no data set for these options at ${target.manifestFile}: run it through npm run bench, which prepares it first`);
  }
  const cpus = pinning();
  const world = await BenchWorld.start();
  let store: BenchStore | null = null;
  let bot: BotProcess | null = null;
  const log = new CountingLog();
  try {
    const url = await target.createRunCopy();
    store = await target.openStore(url);
    const actorNames = await store.displayNames(manifest.actorMemberIds);
    const userIds = world.addMembers(actorNames);
    const userIdByMemberId = new Map(manifest.actorMemberIds.map((memberId, index) => [memberId, userIds[index] ?? ""]));
    await store.assignDiscordIds(manifest.cohortId, world.guild.id, world.channel.id, userIdByMemberId);
    const alreadyDone = await store.completedItemIds(manifest.actorMemberIds);

    const clock = new ManualClock(benchNow);
    progress(`starting the bot process${cpus.bot === null ? "" : ` on CPU ${cpus.bot}`}`);
    bot = await BotProcess.start({
      discordToken: world.emulator.token,
      discordApiUrl: world.emulator.apiUrl,
      databaseUrl: url,
      clockStart: clock.now(),
      cpu: cpus.bot,
      onLogLine: (line) => log.count(line),
    });
    const connected = await bot.usage({ collectGarbage: true });
    progress(`bot connected: ${formatBytes(connected.peakRssBytes)} peak RSS, ${formatBytes(connected.liveHeapBytes ?? 0)} live heap`);
    const { cohort, context } = await readCohortPlan(url, manifest.cohortId);
    const planOrder = itemsInPlanOrder(context);
    const actors: Actor[] = manifest.actorMemberIds.map((memberId) => ({
      memberId,
      userId: userIdByMemberId.get(memberId) ?? "",
      pending: planOrder.filter((itemId) => !(alreadyDone.get(memberId)?.has(itemId) ?? false)),
    }));
    const bench = new BotMeasurement(world, store, cohort, context, clock);

    await bot.startServing();
    const servingStarted = performance.now();
    const samples = await runRounds(bench, actors, options, clock, bot, target.label);
    const roundsUsage = await bot.usage();
    const roundsInteractions = bench.interactions;
    const burst = options.burst > 0 ? await runBurst(bench, actors, options, target.label) : null;
    const servingSeconds = (performance.now() - servingStarted) / 1000;
    const usage = await bot.usage({ collectGarbage: true });
    progress(`after serving: bot process peak RSS ${formatBytes(usage.peakRssBytes)}, ${formatBytes(usage.liveHeapBytes ?? 0)} live heap`);

    // Every /done was recorded exactly once: nothing lost, nothing doubled.
    const completionsAfter = await store.countCompletions(manifest.cohortId);
    const expected = manifest.completions + bench.completionsLogged + bench.sqlCompletionsLogged;
    if (completionsAfter !== expected) throw new Error(`${completionsAfter} completions after the run, expected ${expected}`);
    // Nobody was renamed: each actor's interactions carried its stored name, so none of them wrote one (a rename
    // is a transaction of its own that a member's everyday command does not carry).
    const namesAfter = await store.displayNames(manifest.actorMemberIds);
    const renamed = namesAfter.filter((name, index) => name !== actorNames[index]).length;
    if (renamed > 0) throw new Error(`${renamed} acting members were renamed by their interactions: the run measured renames`);

    const commands: CommandResult[] = measuredCommands.map(({ id }) => ({
      id,
      bot: summarizeTimings(samples[id].bot),
      sql: summarizeTimings(samples[id].sql),
    }));
    // Each command's figures as soon as they are known: a long run that fails later still leaves them in the log.
    for (const command of commands) {
      progress(
        `${target.label}: ${command.id} p50 ${command.bot.p50.toFixed(2)} ms, p99 ${command.bot.p99.toFixed(2)} ms; SQL p50 ${command.sql.p50.toFixed(2)} ms, p99 ${command.sql.p99.toFixed(2)} ms`,
      );
    }
    await bot.stop();
    bot = null;
    const floor = await measureFloor(world, actors, options, cpus.bot, target.label);
    return {
      database: target.provider === "sqlite" ? "sqlite" : database.replace(/\/\/[^@/]*@/, "//"),
      label: target.label,
      commands,
      peakRssBytes: usage.peakRssBytes,
      servingRssMaxBytes: usage.servingRssMaxBytes,
      cpuMsPerInteraction: roundsUsage.servingCpuMs / roundsInteractions,
      liveHeapBytes: { connected: connected.liveHeapBytes ?? 0, afterServing: usage.liveHeapBytes ?? 0 },
      burst,
      floor,
      dataset: {
        cohorts: 1,
        members: manifest.members,
        activeMembers: manifest.activeMembers,
        completionsBefore: manifest.completions,
        completionsAfter,
        weeklyScores: manifest.weeklyScores,
      },
      served: { interactions: bench.interactions, members: bench.usersServed.size, seconds: servingSeconds },
      pinnedCpus: cpus,
      logLines: log.lines,
      logProblems: log.problems,
    };
  } catch (error) {
    // The bot answers a failure with a reference id only: its own log says what went wrong.
    if (log.problems.length > 0) progress(`the bot logged:\n${log.problems.join("\n")}`);
    throw error;
  } finally {
    await bot?.stop();
    await store?.close();
    await world.close();
  }
}

/**
 * The framework floor, after the bot has stopped (both would answer otherwise): the bare discord.js client of
 * bench/floorBotMain.ts, on the same core and emulator, answering `/today` with a fixed reply as often as the
 * bot answered each command.
 */
async function measureFloor(
  world: BenchWorld,
  actors: readonly Actor[],
  options: BenchOptions,
  cpu: string | null,
  label: string,
): Promise<FloorResult> {
  const dispatchedAt = new Map<string, number>();
  const respondedAt = new Map<string, number>();
  const onDispatch = (event: { id: string }) => dispatchedAt.set(event.id, performance.now());
  const onResponse = (event: { interactionId: string }) => respondedAt.set(event.interactionId, performance.now());
  world.emulator.on("interaction", onDispatch);
  world.emulator.on("interactionResponse", onResponse);
  const floor = await BotProcess.start({
    discordToken: world.emulator.token,
    discordApiUrl: world.emulator.apiUrl,
    databaseUrl: "",
    clockStart: benchNow,
    cpu,
    onLogLine: () => undefined,
    entry: "floor",
  });
  try {
    const samples: number[] = [];
    for (let run = 0; run < options.warmup + options.runs; run++) {
      const actor = actors[run % actors.length];
      if (actor === undefined) throw new Error("no actors");
      const handle = world.emulator.runCommand({
        guildId: world.guild.id,
        channelId: world.channel.id,
        userId: actor.userId,
        name: "today",
      });
      const message = await handle.final({ timeoutMs: 15_000 });
      if (message.content !== floorReply) throw new Error(`the floor bot answered ${JSON.stringify(message.content).slice(0, 100)}`);
      const dispatched = dispatchedAt.get(handle.id);
      const responded = respondedAt.get(handle.id);
      if (dispatched === undefined || responded === undefined) throw new Error(`no timing events for interaction ${handle.id}`);
      if (run >= options.warmup) samples.push(responded - dispatched);
    }
    const usage = await floor.usage();
    const latency = summarizeTimings(samples);
    progress(
      `${label}: floor bot p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms, peak RSS ${formatBytes(usage.peakRssBytes)}`,
    );
    return { latency, peakRssBytes: usage.peakRssBytes };
  } finally {
    await floor.stop();
    world.emulator.off("interaction", onDispatch);
    world.emulator.off("interactionResponse", onResponse);
  }
}

function formatBytes(bytes: number): string {
  return `${Math.round(bytes / 1_048_576)} MB`;
}

/**
 * The cohort and its plan, read as the bot reads them (to pick items and compute the hand-written /done's
 * points), over a connection closed before the measured runs start.
 */
async function readCohortPlan(url: string, cohortId: number): Promise<{ cohort: Cohort; context: CohortContext }> {
  // The migration check openDatabase runs logs nothing worth showing.
  const logger = createLogger({
    level: "warn",
    format: "json",
    destination: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
  });
  const reader = await openDatabase({ url, migrationsDir: projectPaths().migrationsDir, logger });
  try {
    const cohort = await new CohortRepository(reader.prisma, reader.target.provider).findById(cohortId);
    if (cohort === null) throw new Error(`cohort ${cohortId} is missing from the data set`);
    return { cohort, context: await new PlanService(new CurriculumRepository(reader.prisma)).contextFor(cohort) };
  } finally {
    await reader.close();
  }
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? "{}") as BenchOptions;
  const database = process.argv[3] ?? "sqlite";
  const resultFile = process.argv[4];
  if (resultFile === undefined) throw new Error("usage: measureBot.ts <options JSON> <database> <result file>");
  const result = await measure(options, database);
  fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
}

main().catch((error: unknown) => {
  process.stderr.write(`measure failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
