import type { SchedulerBenchResult } from "./measureScheduler.js";

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

/** The planning and scheduler section of bench/results.md (see bench/measureScheduler.ts). */
export function renderSchedulerResults(result: SchedulerBenchResult): string {
  const { match, plan, stall } = result;
  const lines = [
    "### Planning and the scheduler (SQLite, one process)",
    "",
    `- **Plan of the largest curriculum** (generated: ${(plan.bytes / 1024).toFixed(0)} KB, ${plan.weeks} weeks, ${plan.items.toLocaleString("en-US")} items; bench/maximalCurriculum.ts): p50 ${ms(plan.p50Ms)} (CPU time ${ms(plan.cpuP50Ms)}), max ${ms(plan.maxMs)} over ${plan.runs} builds (goal: well under 100 ms); the bot balances it on a worker thread, leaving the event loop ${ms(plan.replayCpuP50Ms)} of CPU to replay the chosen days (src/workers/PlanBuildThread.ts).`,
    `- **Re-import match of the largest curriculum** (${match.items.toLocaleString("en-US")} items, every section's lines reversed; src/domain/curriculum/matchCurriculumVersions.ts): p50 ${ms(match.p50Ms)} (CPU time ${ms(match.cpuP50Ms)}) over ${match.runs} runs.`,
    `- **Event loop beside it**: ${stall.interactions} /today and /progress in one server while another server's cohort on that curriculum is re-planned (start date edited) and shown every 20 interactions: worst event-loop stall ${ms(stall.worstStallMs)} (p99 ${ms(stall.p99StallMs)}, monitorEventLoopDelay), slowest reply ${ms(stall.slowestReplyMs)}, ${stall.failed} missed Discord's window (and ${stall.bigServerFailed} of the big server's own edits and /week).`,
    "",
    "| cohorts (distinct settings) | first tick (cold caches) | tick with nothing due p50 / max | its CPU time p50 | tick posting every weekly assignment | posts |",
    "|---:|---:|---:|---:|---:|---:|",
    ...result.scheduler.map(
      (row) =>
        `| ${row.cohorts.toLocaleString("en-US")} | ${ms(row.firstTickMs)} | ${ms(row.idleTickP50Ms)} / ${ms(row.idleTickMaxMs)} | ${ms(row.idleTickCpuP50Ms)} | ${ms(row.postTickMs)} | ${row.posted.toLocaleString("en-US")} |`,
    ),
    "",
    "- The weekly post goes to every cohort's own channel through the emulator without rate limits, sent one after another.",
  ];
  return lines.join("\n");
}
