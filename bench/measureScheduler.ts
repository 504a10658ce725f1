/**
 * The planning and scheduler rows of `npm run bench`, on SQLite, in one
 * process (the bot by createApp, logged in to the emulator in the same
 * process; scheduler cron off, ticks driven by hand on a test clock):
 *
 * - plan: buildCohortPlan of the generated 256 KB, 520-week curriculum;
 * - event-loop stall: a cohort on that curriculum in one server whose plan is
 *   rebuilt (start date edited) and shown while members of another server
 *   run /today and /done; the worst monitorEventLoopDelay sample and the
 *   slowest interaction response;
 * - scheduler: N cohorts with distinct settings (N = members/10 and members,
 *   at most 1,000 and 10,000: those by default): a tick with nothing due, and the tick that
 *   posts every cohort's weekly assignment (emulator without rate limits).
 *
 *   node --import tsx bench/measureScheduler.ts '<options json>' <result file>
 *
 * Besides the bench's options the JSON may say `"planningOnly": true` (the
 * plan, match and stall rows only: the tick rows take minutes) and
 * `"inlinePlans": true` (every plan built on the event loop, as before plans
 * had a worker: the stall row's "before").
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Writable } from "node:stream";
import { PermissionFlagsBits } from "discord.js";
import { ManualClock } from "../src/clock.js";
import { loadConfig } from "../src/config/loadConfig.js";
import { createApp, type App } from "../src/createApp.js";
import { CurriculumRepository } from "../src/db/repositories/CurriculumRepository.js";
import { cohortNameKey } from "../src/domain/cohort/cohortNameKey.js";
import { matchCurriculumVersions } from "../src/domain/curriculum/matchCurriculumVersions.js";
import { buildCohortPlan } from "../src/domain/schedule/buildCohortPlan.js";
import { recordBalancing, replayBalancing } from "../src/domain/schedule/recordedBalancing.js";
import { CURRENT_PLAN_RULE, DEFAULT_COHORT_SETTINGS } from "../src/domain/schedule/scheduleTypes.js";
import { DiscordEmulator } from "../src/emulator/DiscordEmulator.js";
import { createLogger } from "../src/logging/createLogger.js";
import type { BenchOptions } from "./benchOptions.js";
import { maximalCurriculum, planCurriculumOf } from "./maximalCurriculum.js";

export interface SchedulerBenchResult {
  /** Matching a re-import of the largest curriculum (every section's items reversed) to its stored version. */
  readonly match: {
    readonly items: number;
    readonly p50Ms: number;
    readonly cpuP50Ms: number;
    readonly runs: number;
  };
  readonly plan: {
    readonly bytes: number;
    readonly weeks: number;
    readonly items: number;
    readonly p50Ms: number;
    readonly maxMs: number;
    readonly cpuP50Ms: number;
    /** What the main thread still does per build when the worker balances: replaying the chosen days (CPU time). */
    readonly replayCpuP50Ms: number;
    readonly runs: number;
  };
  readonly stall: {
    readonly interactions: number;
    readonly worstStallMs: number;
    readonly p99StallMs: number;
    readonly slowestReplyMs: number;
    readonly failed: number;
    readonly bigServerFailed: number;
  };
  readonly scheduler: readonly {
    readonly cohorts: number;
    readonly idleTickP50Ms: number;
    readonly idleTickMaxMs: number;
    /** CPU time of the process (the bot; the emulator is idle then) per tick with nothing due: steadier than wall time on a busy machine. */
    readonly idleTickCpuP50Ms: number;
    readonly firstTickMs: number;
    readonly postTickMs: number;
    readonly posted: number;
  }[];
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function measureMatch(runs: number): SchedulerBenchResult["match"] {
  const { curriculum } = maximalCurriculum();
  const sections = curriculum.sections.map((section, index) => ({ id: index + 1, ...section, retired: false }));
  let nextId = 1;
  const items = sections.flatMap((section) =>
    section.items.map((item) => ({ id: nextId++, sectionId: section.id, ...item, retired: false })),
  );
  // Every line moved: the matcher cannot get away with comparing positions.
  const reimported = {
    ...curriculum,
    sections: curriculum.sections.map((section) => ({ ...section, items: [...section.items].reverse() })),
  };
  const timings: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = -3; run < runs; run += 1) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    matchCurriculumVersions(reimported, sections, items);
    const cpu = process.cpuUsage(cpuBefore);
    if (run >= 0) timings.push(performance.now() - started);
    if (run >= 0) cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return { items: items.length, p50Ms: median(timings), cpuP50Ms: median(cpuTimes), runs };
}

function measurePlan(runs: number): SchedulerBenchResult["plan"] {
  const generated = maximalCurriculum();
  const curriculum = planCurriculumOf(generated);
  const timings: number[] = [];
  const cpuTimes: number[] = [];
  const replayCpuTimes: number[] = [];
  for (let run = -3; run < runs; run += 1) {
    // Alternate the settings so no run reuses another's work.
    const settings = { ...DEFAULT_COHORT_SETTINGS, startDate: "2027-03-01", includeOptional: run % 2 === 0 };
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    buildCohortPlan(curriculum, settings);
    const cpu = process.cpuUsage(cpuBefore);
    if (run >= 0) timings.push(performance.now() - started);
    // CPU time of the build itself: on a busy machine the wall time also counts waiting for a core.
    if (run >= 0) cpuTimes.push((cpu.user + cpu.system) / 1000);
    const chosenDays = recordBalancing(curriculum, settings);
    const replayCpuBefore = process.cpuUsage();
    replayBalancing(curriculum, settings, chosenDays);
    const replayCpu = process.cpuUsage(replayCpuBefore);
    if (run >= 0) replayCpuTimes.push((replayCpu.user + replayCpu.system) / 1000);
  }
  return {
    bytes: Buffer.byteLength(generated.text),
    weeks: curriculum.totalWeeks,
    items: curriculum.sections.reduce((sum, section) => sum + section.items.length, 0),
    p50Ms: median(timings),
    maxMs: Math.max(...timings),
    cpuP50Ms: median(cpuTimes),
    replayCpuP50Ms: median(replayCpuTimes),
    runs,
  };
}

/** measureScheduler's options: the bench's, and which rows and plan builds (see the header). */
interface SchedulerBenchOptions extends BenchOptions {
  readonly planningOnly?: boolean;
  readonly inlinePlans?: boolean;
}

interface World {
  readonly emulator: DiscordEmulator;
  readonly app: App;
  readonly clock: ManualClock;
  close(): Promise<void>;
}

async function startWorld(now: Date, inlinePlans = false): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-bench-scheduler-"));
  const emulator = await DiscordEmulator.start();
  const clock = new ManualClock(now);
  const discard = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const logger = createLogger({ level: "warn", format: "json", destination: discard });
  const config = loadConfig({
    DISCORD_TOKEN: emulator.token,
    DISCORD_API_URL: emulator.apiUrl,
    DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
  });
  const app = await createApp(config, {
    clock,
    logger,
    schedulerTickCron: null,
    ...(inlinePlans ? { planBuilds: { minWork: Number.POSITIVE_INFINITY } } : {}),
  });
  return {
    emulator,
    app,
    clock,
    async close() {
      await app.close();
      await emulator.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const everyPermission = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function measureStall(interactionCount: number, inlinePlans: boolean): Promise<SchedulerBenchResult["stall"]> {
  const world = await startWorld(new Date("2027-01-05T10:00:00Z"), inlinePlans);
  try {
    const { emulator, app } = world;
    const small = emulator.createGuild({ name: "Small", botPermissions: everyPermission });
    const smallChannel = emulator.createChannel(small.id, { name: "cohort" });
    const big = emulator.createGuild({ name: "Big", botPermissions: everyPermission });
    const bigChannel = emulator.createChannel(big.id, { name: "marathon" });
    const bigAdmin = emulator.createMember(big.id, { username: "big-admin", manageGuild: true });
    const smallAdmin = emulator.createMember(small.id, { username: "small-admin", manageGuild: true });
    await app.start();
    await waitFor(() => app.discord.client.channels.cache.has(bigChannel.id) && app.discord.client.channels.cache.has(smallChannel.id));
    const generated = maximalCurriculum();
    await new CurriculumRepository(app.database.prisma).applyImport(generated.curriculum, "bench-maximal", big.id);
    const cohortInput = { actorId: "", start: "2027-01-04" };
    await app.services.cohorts.create({
      ...cohortInput,
      guildId: big.id,
      actorId: bigAdmin.id,
      name: "Marathon",
      curriculum: generated.curriculum.slug,
      channelId: bigChannel.id,
    });
    await app.services.cohorts.create({
      ...cohortInput,
      guildId: small.id,
      actorId: smallAdmin.id,
      name: "Small",
      curriculum: "backend-engineer-learning-path",
      channelId: smallChannel.id,
    });
    const members = Array.from({ length: 10 }, (_, index) => emulator.createMember(small.id, { username: `reader-${index}` }));
    const run = (guildId: string, channelId: string, userId: string, name: string, options: Record<string, string | number> = {}) =>
      emulator.runCommand({ guildId, channelId, userId, name, options });
    for (const member of members) await run(small.id, smallChannel.id, member.id, "join", { cohort: "Small" }).final();

    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    const handles = [];
    const bigWork: Promise<unknown>[] = [];
    for (let index = 0; index < interactionCount; index += 1) {
      if (index % 20 === 0) {
        // Every 20 interactions of the small server, the big one gets a new plan (a new start date) and shows a week of it.
        const day = 4 + ((index / 20) % 5);
        bigWork.push(
          run(big.id, bigChannel.id, bigAdmin.id, "cohort", { subcommand: "edit", cohort: "Marathon", start: `2027-01-0${day}` }).final(),
        );
        bigWork.push(run(big.id, bigChannel.id, bigAdmin.id, "week", { number: 1 + ((index * 37) % 520) }).final());
      }
      const member = members[index % members.length];
      if (member === undefined) continue;
      const handle = run(small.id, smallChannel.id, member.id, index % 2 === 0 ? "today" : "progress");
      handles.push(handle);
      // A reply that missed Discord's window is counted below (handle.failed), not fatal.
      await handle.final().catch(() => undefined);
    }
    const bigResults = await Promise.allSettled(bigWork);
    histogram.disable();
    const replies = handles.map((handle) => handle.respondedWithinMs ?? Number.POSITIVE_INFINITY);
    return {
      interactions: handles.length,
      worstStallMs: histogram.max / 1e6,
      p99StallMs: histogram.percentile(99) / 1e6,
      slowestReplyMs: Math.max(...replies),
      failed: handles.filter((handle) => handle.failed).length,
      bigServerFailed: bigResults.filter((outcome) => outcome.status === "rejected").length,
    };
  } finally {
    await world.close();
  }
}

async function measureTicks(cohortCount: number): Promise<SchedulerBenchResult["scheduler"][number]> {
  const weekOnePost = new Date("2027-03-01T09:00:00Z");
  const world = await startWorld(new Date(weekOnePost.getTime() - 3_600_000));
  try {
    const { emulator, app } = world;
    const guild = emulator.createGuild({ name: "Many cohorts", botPermissions: everyPermission });
    await app.start();
    const curriculum = await app.services.curricula.resolve(guild.id, "backend-engineer-learning-path");
    const rows = Array.from({ length: cohortCount }, (_, index) => {
      const mask = (index % 127) + 1;
      const channel = emulator.createChannel(guild.id, { name: `cohort-${index}` });
      return {
        guildId: guild.id,
        channelId: channel.id,
        name: `Cohort ${index}`,
        nameKey: cohortNameKey(`Cohort ${index}`),
        curriculumId: curriculum.id,
        createdBy: "bench",
        startDate: "2027-03-01",
        timeZone: "UTC",
        studyDays: [1, 2, 3, 4, 5, 6, 7].filter((day) => (mask >> (day - 1)) & 1).join(","),
        includeOptional: Math.floor(index / 127) % 2 === 1,
        announceDay: 1,
        announceTime: "09:00",
        checkpointTime: `${10 + (Math.floor(index / 254) % 10)}:${String(Math.floor(index / 2540) % 60).padStart(2, "0")}`,
        planRule: CURRENT_PLAN_RULE,
      };
    });
    for (let start = 0; start < rows.length; start += 500)
      await app.database.prisma.cohort.createMany({ data: rows.slice(start, start + 500) });
    await waitFor(() => app.discord.client.channels.cache.size >= cohortCount);

    const timeTick = async (at: Date) => {
      world.clock.set(at);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const report = await app.scheduler.tick(at);
      const used = process.cpuUsage(cpu);
      return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, report };
    };
    const first = await timeTick(new Date(weekOnePost.getTime() - 600_000));
    const idle: number[] = [];
    const idleCpu: number[] = [];
    for (let tick = 1; tick <= 5; tick += 1) {
      const timed = await timeTick(new Date(weekOnePost.getTime() - 600_000 + tick * 20_000));
      idle.push(timed.ms);
      idleCpu.push(timed.cpuMs);
    }
    const posting = await timeTick(weekOnePost);
    return {
      cohorts: cohortCount,
      firstTickMs: first.ms,
      idleTickP50Ms: median(idle),
      idleTickMaxMs: Math.max(...idle),
      idleTickCpuP50Ms: median(idleCpu),
      postTickMs: posting.ms,
      posted: posting.report.sent.length,
    };
  } finally {
    await world.close();
  }
}

async function main(): Promise<void> {
  const [optionsJson, resultFile] = process.argv.slice(2);
  if (optionsJson === undefined || resultFile === undefined) throw new Error("usage: measureScheduler.ts '<options json>' <result file>");
  const options = JSON.parse(optionsJson) as SchedulerBenchOptions;
  const match = measureMatch(options.members >= 10_000 ? 20 : 3);
  process.stderr.write(`scheduler bench: re-import match of the maximal curriculum p50 ${match.p50Ms.toFixed(1)} ms\n`);
  const plan = measurePlan(options.members >= 10_000 ? 20 : 1);
  process.stderr.write(`scheduler bench: plan of the maximal curriculum p50 ${plan.p50Ms.toFixed(1)} ms\n`);
  const stall = await measureStall(options.members >= 10_000 ? 200 : 10, options.inlinePlans === true);
  process.stderr.write(`scheduler bench: worst event-loop stall ${stall.worstStallMs.toFixed(1)} ms\n`);
  const scheduler: SchedulerBenchResult["scheduler"][number][] = [];
  if (options.planningOnly === true) {
    fs.writeFileSync(resultFile, JSON.stringify({ match, plan, stall, scheduler } satisfies SchedulerBenchResult));
    return;
  }
  // 1,000 and 10,000 cohorts at the default size (the rows); never more, whatever the member count.
  for (const cohorts of [
    Math.min(1_000, Math.max(10, Math.round(options.members / 10))),
    Math.min(10_000, Math.max(20, options.members)),
  ]) {
    scheduler.push(await measureTicks(cohorts));
    process.stderr.write(`scheduler bench: ${JSON.stringify(scheduler.at(-1))}\n`);
  }
  const result: SchedulerBenchResult = { match, plan, stall, scheduler };
  fs.writeFileSync(resultFile, JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
