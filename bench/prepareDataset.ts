/**
 * Child process of bench/run.ts: builds the data set's template database for
 * one target (unless a matching one is cached) and writes its manifest.
 *
 *   node --import tsx bench/prepareDataset.ts '<BenchOptions JSON>' <database>
 *
 * The cohort itself is made by the real bot (CohortService through the
 * emulator); members and completions are then inserted directly, many rows
 * per statement inside one transaction, and the denormalised scores are
 * derived with CompletionRepository's own formulas and checked against an
 * independent tally kept while generating.
 */
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { ManualClock } from "../src/clock.js";
import { CurriculumRepository } from "../src/db/repositories/CurriculumRepository.js";
import { dayInfo } from "../src/domain/schedule/dayInfo.js";
import {
  addDays,
  daysBetween,
  endOfLocalDay,
  epochDayOfLocalDate,
  localDateOfEpochDay,
  startOfLocalDay,
} from "../src/domain/schedule/localTime.js";
import { memberDateOf } from "../src/domain/schedule/memberDay.js";
import { pointsForCompletion } from "../src/domain/scoring/pointsForCompletion.js";
import type { Cohort } from "../src/domain/cohort/cohortModel.js";
import { PlanService, type CohortContext } from "../src/services/PlanService.js";
import { BenchDataGenerator, type GeneratorItem } from "./BenchDataGenerator.js";
import type { BenchOptions } from "./benchOptions.js";
import { benchCohort, benchNow, datasetKey, readManifest, type DatasetManifest } from "./benchDataset.js";
import { completionFields, type CompletionRows, type MemberRow } from "./BenchStore.js";
import { benchTargetFor } from "./benchTargetFor.js";
import { BenchWorld, CountingLog } from "./BenchWorld.js";

/** Active members with fewer items left than this never act: their /done runs would run out of items. */
const minItemsLeftForActors = 12;

const progress = (message: string) => process.stderr.write(`  [prepare] ${message}\n`);

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? "{}") as BenchOptions;
  const database = process.argv[3] ?? "sqlite";
  const target = benchTargetFor(database);
  const key = datasetKey(options, target.provider);
  if (!options.fresh && readManifest(target.manifestFile)?.key === key && (await target.hasTemplate(key))) {
    progress(`${target.label}: cached data set ${key} is up to date`);
    return;
  }
  const started = performance.now();
  progress(
    `${target.label}: building ${options.members.toLocaleString("en")} members / ${options.completions.toLocaleString("en")} completions`,
  );
  const url = await target.createTemplate();

  // 1. Migrate, seed and create the cohort through the real bot.
  const { cohort, context } = await createCohortThroughBot(url);
  const { settings } = cohort;
  const cohortId = cohort.id;
  const items: GeneratorItem[] = [...context.itemsById.values()].map((item) => {
    const assignedDate = context.plan.assignedDateByItemId.get(item.id) ?? null;
    const dayEnd = assignedDate === null ? null : endOfLocalDay(assignedDate, settings.timeZone).getTime();
    const points = (at: number) => pointsForCompletion(item, at, assignedDate, settings.timeZone).points;
    return {
      id: item.id,
      position: item.position,
      assignedDay: assignedDate === null ? null : daysBetween(settings.startDate, assignedDate),
      onTimePoints: dayEnd === null ? points(benchNow.getTime()) : points(dayEnd - 1),
      latePoints: dayEnd === null ? points(benchNow.getTime()) : points(dayEnd),
    };
  });

  // 2. Members and completions, straight into the database.
  const todayIndex = daysBetween(settings.startDate, dayInfo(settings, benchNow).localDate);
  const dayStarts = Array.from({ length: todayIndex + 1 }, (_, index) =>
    startOfLocalDay(addDays(settings.startDate, index), settings.timeZone).getTime(),
  );
  const generator = new BenchDataGenerator({
    cohortId,
    firstMemberId: 1,
    members: options.members,
    completions: options.completions,
    seed: options.seed,
    items,
    dayStarts,
    todayIndex,
    startEpochDay: epochDayOfLocalDate(settings.startDate),
  });
  const expectedMembers = new Map<number, { points: number; reachedAt: number | null }>();
  const expectedWeeks = new Map<string, { points: number; reachedAt: number }>();
  const actorCandidates: number[] = [];
  let activeMembers = 0;
  let memberBuffer: MemberRow[] = [];
  let completionBuffer: CompletionRows = [];
  let inserted = 0;
  let checked = 0;
  const store = await target.openStore(url);
  try {
    await store.beginLoad();
    const flush = async () => {
      await store.insertMembers(memberBuffer);
      await store.insertCompletions(completionBuffer);
      inserted += completionBuffer.length / completionFields;
      memberBuffer = [];
      completionBuffer = [];
    };
    const loadStarted = performance.now();
    for (const member of generator.members()) {
      memberBuffer.push(member.row);
      if (member.row.leftAt === null) activeMembers += 1;
      // Acting members need items left to log with /done (a few each, see measureBot).
      if (member.row.leftAt === null && items.length - member.completions.length / completionFields >= minItemsLeftForActors)
        actorCandidates.push(member.row.id);
      const tally = { points: 0, reachedAt: null as number | null };
      const rows = member.completions;
      for (let offset = 0; offset < rows.length; offset += completionFields) {
        const itemId = rows[offset + 1] ?? 0;
        const completedAt = rows[offset + 3] ?? 0;
        const weekNumber = rows[offset + 4] ?? 0;
        const points = rows[offset + 5] ?? 0;
        tally.points += points;
        if (points > 0) {
          tally.reachedAt = Math.max(tally.reachedAt ?? 0, completedAt);
          const weekKey = `${member.row.id}:${weekNumber}`;
          const week = expectedWeeks.get(weekKey) ?? { points: 0, reachedAt: 0 };
          expectedWeeks.set(weekKey, { points: week.points + points, reachedAt: Math.max(week.reachedAt, completedAt) });
        }
        // Spot checks: the generator's shortcuts must agree with the domain's own functions.
        if ((inserted + offset / completionFields) % 997 === 0) {
          const assignedDate = context.plan.assignedDateByItemId.get(itemId) ?? null;
          const item = context.itemsById.get(itemId);
          if (item === undefined) throw new Error(`unknown item ${itemId}`);
          const score = pointsForCompletion(item, completedAt, assignedDate, settings.timeZone);
          const week = Math.max(0, dayInfo(settings, completedAt).weekNumber);
          // Bench members set no /remind zone: their member day is in the cohort's zone.
          const day = localDateOfEpochDay(rows[offset + 7] ?? 0);
          if (
            score.points !== points ||
            (score.onTime ? 1 : 0) !== rows[offset + 6] ||
            week !== weekNumber ||
            day !== memberDateOf(completedAt, settings.timeZone)
          ) {
            throw new Error(
              `generated completion of item ${itemId} at ${new Date(completedAt).toISOString()} disagrees with pointsForCompletion/dayInfo/memberDateOf`,
            );
          }
          checked += 1;
        }
      }
      expectedMembers.set(member.row.id, tally);
      completionBuffer.push(...rows);
      if (completionBuffer.length >= 100_000 * completionFields) await flush();
    }
    await flush();
    progress(
      `inserted ${inserted.toLocaleString("en")} completions in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s (${checked} spot-checked)`,
    );

    // 3. Member.points/pointsReachedAt and WeeklyScore, as CompletionRepository leaves them.
    const deriveStarted = performance.now();
    await store.deriveScores(cohortId);
    await store.endLoad();
    progress(`derived scores in ${((performance.now() - deriveStarted) / 1000).toFixed(1)} s`);

    const storedMembers = await store.memberScores(cohortId);
    for (const stored of storedMembers) {
      const expected = expectedMembers.get(stored.id);
      if (expected === undefined || expected.points !== stored.points || expected.reachedAt !== stored.reachedAt) {
        throw new Error(`member ${stored.id}: stored ${JSON.stringify(stored)} but completions give ${JSON.stringify(expected)}`);
      }
    }
    const storedWeeks = await store.weeklyScores(cohortId);
    for (const stored of storedWeeks) {
      const expected = expectedWeeks.get(`${stored.memberId}:${stored.weekNumber}`);
      if (
        expected === undefined ||
        expected.points !== stored.points ||
        expected.reachedAt !== stored.reachedAt ||
        stored.cohortId !== cohortId
      ) {
        throw new Error(`weekly score ${JSON.stringify(stored)} disagrees with the completions (${JSON.stringify(expected)})`);
      }
    }
    const completions = await store.countCompletions(cohortId);
    if (storedMembers.length !== options.members || storedWeeks.length !== expectedWeeks.size || completions !== options.completions) {
      throw new Error(
        `row counts: ${storedMembers.length} members, ${storedWeeks.length} weekly scores (expected ${expectedWeeks.size}), ${completions} completions`,
      );
    }
    progress(
      `checked ${storedMembers.length.toLocaleString("en")} member totals and ${storedWeeks.length.toLocaleString("en")} weekly scores`,
    );

    const actorCount = Math.min(options.actors, actorCandidates.length);
    const manifest: DatasetManifest = {
      key,
      cohortId,
      members: options.members,
      activeMembers,
      completions,
      weeklyScores: storedWeeks.length,
      // Spread over the member ids, so actors come from every part of the leaderboard.
      actorMemberIds: Array.from(
        { length: actorCount },
        (_, index) => actorCandidates[Math.floor(((index + 0.5) * actorCandidates.length) / actorCount)] ?? 0,
      ),
      buildSeconds: Math.round((performance.now() - started) / 100) / 10,
    };
    await store.close();
    await target.sealTemplate(key);
    fs.writeFileSync(target.manifestFile, JSON.stringify(manifest));
    progress(`data set ready in ${manifest.buildSeconds} s`);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}

async function createCohortThroughBot(url: string): Promise<{ cohort: Cohort; context: CohortContext }> {
  const world = await BenchWorld.start();
  const log = new CountingLog();
  try {
    const app = await world.startBot(url, new ManualClock(benchNow), log.logger);
    const cohort = await app.services.cohorts.create({
      guildId: world.guild.id,
      actorId: world.admin.id,
      name: benchCohort.name,
      curriculum: benchCohort.curriculum,
      channelId: world.channel.id,
      start: benchCohort.start,
      timeZone: benchCohort.timeZone,
    });
    const context = await new PlanService(new CurriculumRepository(app.database.prisma)).contextFor(cohort);
    if (log.problems.length > 0) throw new Error(`the bot logged problems while creating the cohort:\n${log.problems.join("\n")}`);
    return { cohort, context };
  } finally {
    await world.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`prepare failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
