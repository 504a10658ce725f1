/**
 * Main-thread time of the two plan computations of the largest curriculum
 * (bench/maximalCurriculum.ts, 520 weeks) that are not balancing: the post
 * schedule of a cohort with break weeks, and a member's own plan. Run with
 * `npx tsx bench/longPlans.ts [runs]`; prints median and max per case.
 * Cold cases use another start date each run, so the zone-offset memo has
 * not seen those hours yet (what a new cohort or a changed break costs).
 * The "worker:" lines do the same through PlanBuildThread and report the
 * event loop's active time during each call: the main thread's share.
 */
import { performance } from "node:perf_hooks";
import { maximalCurriculum, planCurriculumOf } from "./maximalCurriculum.js";
import { buildCohortPlan } from "../src/domain/schedule/buildCohortPlan.js";
import { applyCohortBreaks } from "../src/domain/schedule/cohortBreaks.js";
import { addDays } from "../src/domain/schedule/localTime.js";
import { buildMemberPlan, MemberAdjustmentKind, type MemberAdjustment } from "../src/domain/schedule/memberPlan.js";
import { plannedPosts } from "../src/domain/schedule/plannedPosts.js";
import { recordMemberPlan, replayMemberPlan } from "../src/domain/schedule/recordedMemberPlan.js";
import { createLogger } from "../src/logging/createLogger.js";
import { PlanBuildThread } from "../src/workers/PlanBuildThread.js";
import { DEFAULT_COHORT_SETTINGS, type CohortSettings } from "../src/domain/schedule/scheduleTypes.js";

function summary(name: string, times: readonly number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const max = sorted.at(-1) ?? 0;
  process.stdout.write(`${name.padEnd(58)} median ${median.toFixed(2)} ms  max ${max.toFixed(2)} ms  (n=${times.length})\n`);
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const runs = Number(process.argv[2] ?? 30);
const curriculum = planCurriculumOf(maximalCurriculum());
const breaks = [3, 50, 100, 200, 300, 400, 500];
const settingsAt = (startDate: string, timeZone = "America/New_York"): CohortSettings => ({
  ...DEFAULT_COHORT_SETTINGS,
  timeZone,
  startDate,
  includeOptional: true,
});

// (a) post schedule with breaks, from the calendar plan (what PlanService.schedule does after contextFor).
const base = buildCohortPlan(curriculum, settingsAt("2027-03-01"));
const calendar = applyCohortBreaks(base, curriculum, breaks);
for (const zone of ["UTC", "America/New_York"]) {
  const warm = settingsAt("2027-03-01", zone);
  summary(
    `posts with breaks, ${zone}, warm zone memo`,
    Array.from({ length: runs }, () => timed(() => plannedPosts(calendar.plan, calendar.curriculum, warm))),
  );
  summary(
    `posts with breaks, ${zone}, new start date each run`,
    Array.from({ length: runs }, (_, run) => {
      const cohort = settingsAt(addDays("2030-01-07", 7 * 600 * (run + 1)), zone);
      const plan = applyCohortBreaks(buildCohortPlan(curriculum, cohort), curriculum, breaks);
      return timed(() => plannedPosts(plan.plan, plan.curriculum, cohort));
    }),
  );
}

// (b) member plans of the same cohort.
const allItemIds = [...base.assignedDateByItemId.keys()];
const catchUp = (appliedOn: string, share: number): MemberAdjustment => ({
  kind: MemberAdjustmentKind.CatchUp,
  appliedOn,
  days: 20,
  itemIds: allItemIds.slice(0, Math.floor(allItemIds.length * share)),
});
const personalBreaks = Array.from({ length: 10 }, (_, index) => {
  const from = addDays("2027-06-01", 30 * index);
  return { from, to: addDays(from, 28) };
});
const members = {
  "no adjustments": { adjustments: [], personalBreaks: [], joinedOn: "2027-03-01" },
  "late join, catch-up of half the course, 4 extends, 10 breaks": {
    adjustments: [catchUp("2032-03-01", 0.5), ...Array.from({ length: 4 }, () => ({ kind: MemberAdjustmentKind.Extend }) as const)],
    personalBreaks,
    joinedOn: "2032-03-01",
  },
  "3 catch-ups of most of the course, 4 extends, 10 breaks": {
    adjustments: [
      catchUp("2028-03-01", 0.2),
      catchUp("2031-03-01", 0.5),
      catchUp("2035-03-01", 0.9),
      ...Array.from({ length: 4 }, () => ({ kind: MemberAdjustmentKind.Extend }) as const),
    ],
    personalBreaks,
    joinedOn: "2027-03-01",
  },
};
for (const [name, member] of Object.entries(members)) {
  summary(
    `member plan, ${name}`,
    Array.from({ length: runs }, () => timed(() => buildMemberPlan({ basePlan: base, breakWeeks: breaks, ...member }))),
  );
}

// (b′) what the main thread still does when the worker builds the member plan: assemble it from its record.
for (const [name, member] of Object.entries(members)) {
  const input = { basePlan: base, breakWeeks: breaks, ...member };
  const record = recordMemberPlan(buildMemberPlan(input), base);
  summary(
    `member plan replayed from its record, ${name}`,
    Array.from({ length: runs }, () => timed(() => replayMemberPlan(input, record))),
  );
}

// After: the same work through the app's PlanBuildThread (worker thread). The main thread's share of a call is
// the event loop's active time while the call runs (eventLoopUtilization): sending, receiving, assembling.
async function mainThreadMsDuring(work: () => Promise<unknown>): Promise<number> {
  const before = performance.eventLoopUtilization();
  await work();
  return performance.eventLoopUtilization(before).active;
}

const thread = new PlanBuildThread({ logger: createLogger({ level: "silent" }) });
try {
  const source = (startDate: string) => ({ curriculumKey: "maximal|v1", curriculum, settings: settingsAt(startDate) });
  // Starts the worker and sends it the curriculum: not what a call costs once the bot runs.
  await thread.posts({ ...source("2027-03-01"), breakWeeks: breaks });
  const postsTurns: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const postsInput = { ...source(addDays("2030-01-07", 7 * 600 * (run + 1))), breakWeeks: breaks };
    postsTurns.push(await mainThreadMsDuring(() => thread.posts(postsInput)));
  }
  summary("worker: posts with breaks, America/New_York, new start date each run (main-thread active time)", postsTurns);
  const { basePlan } = await thread.build({ ...source("2027-03-01"), breakWeeks: breaks });
  for (const [name, member] of Object.entries(members)) {
    const input = { ...source("2027-03-01"), member: { basePlan, breakWeeks: breaks, ...member } };
    const turns: number[] = [];
    for (let run = 0; run < runs; run += 1) turns.push(await mainThreadMsDuring(() => thread.memberPlan(input)));
    process.stdout.write(`  first call ${(turns[0] ?? 0).toFixed(2)} ms (the cohort plan's items listed once)\n`);
    summary(`worker: member plan, ${name} (main-thread active time)`, turns);
  }
} finally {
  await thread.close();
}
