/**
 * The worker thread's program: balances the big cohort plans the main thread
 * sends (tens of milliseconds of CPU each) and answers with the chosen days
 * only (see recordedBalancing.ts), and works out their post schedules (a
 * time-zone lookup per post: hundreds of milliseconds the first time) and
 * their members' plans (tens of milliseconds each, answered as records, see
 * recordedMemberPlan.ts). Curricula are sent once per version and kept here,
 * so a re-plan of the same curriculum copies only its settings; the last
 * cohort plans built are kept for their members' plans.
 */
import { parentPort, threadId } from "node:worker_threads";
import { buildCohortPlan } from "../domain/schedule/buildCohortPlan.js";
import { buildMemberPlan } from "../domain/schedule/memberPlan.js";
import { recordBalancing, replayBalancing } from "../domain/schedule/recordedBalancing.js";
import { recordMemberPlan } from "../domain/schedule/recordedMemberPlan.js";
import { cohortPlannedPosts } from "../domain/schedule/plannedPosts.js";
import type { CohortPlan, PlanCurriculum } from "../domain/schedule/scheduleTypes.js";
import { PlanTask, type PlanBuildReply, type PlanBuildRequest } from "./planBuildProtocol.js";
import { workerReady } from "./workerReady.js";

/** Curricula kept by the worker; the oldest sent goes first (a request for it then sends it again). */
const keptCurricula = 16;

/**
 * Cohort plans kept for member plans; the oldest built goes first, and a member plan on a plan no longer
 * kept rebuilds it (tens of milliseconds of balancing). Only big cohorts' plans come here, and a roster
 * asks five member plans per cohort plan, so with 4 a few busy big cohorts kept rebuilding each other's.
 * 16 keep at most about 30 MB: the maximal curriculum's plan (6,318 items, 2,600 study days) weighs about
 * 1.9 MB of heap (8 built with different start dates, heap after gc, 2026-12-04).
 */
const keptPlans = 16;

/** Keeps `value` under `key` as the newest of at most `limit` entries. */
function keep<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) if (map.size > limit) map.delete(oldest);
}

/** A cohort plan's identity: the curriculum version and the settings `buildCohortPlan` reads. */
function planKey({ curriculumKey, settings }: PlanBuildRequest): string {
  return JSON.stringify([
    curriculumKey,
    settings.startDate,
    settings.studyDays,
    settings.includeOptional,
    settings.timeZone,
    settings.planRule,
  ]);
}

if (parentPort !== null) {
  const port = parentPort;
  const curricula = new Map<string, PlanCurriculum>();
  const plans = new Map<string, CohortPlan>();
  port.on("message", (request: PlanBuildRequest) => {
    if (request.curriculum !== undefined) keep(curricula, request.curriculumKey, request.curriculum, keptCurricula);
    const curriculum = curricula.get(request.curriculumKey);
    if (curriculum === undefined) {
      port.postMessage({ id: request.id, threadId, outcome: "unknownCurriculum" } satisfies PlanBuildReply);
      return;
    }
    try {
      if (request.task === PlanTask.Posts) {
        const posts = cohortPlannedPosts(curriculum, request.settings, request.breakWeeks ?? []);
        port.postMessage({ id: request.id, threadId, outcome: "posted", posts } satisfies PlanBuildReply);
        return;
      }
      if (request.task === PlanTask.MemberPlan && request.member !== undefined) {
        const key = planKey(request);
        const basePlan = plans.get(key) ?? buildCohortPlan(curriculum, request.settings);
        keep(plans, key, basePlan, keptPlans);
        const record = recordMemberPlan(buildMemberPlan({ ...request.member, basePlan }), basePlan);
        const buffers = [record.cohortDates.buffer, record.dueDates.buffer, record.sources.buffer, record.dueOrder.buffer];
        port.postMessage({ id: request.id, threadId, outcome: "memberPlanned", record } satisfies PlanBuildReply, buffers);
        return;
      }
      const chosenDays = recordBalancing(curriculum, request.settings);
      // Its members' plans come next: the plan is kept (replayed, a fraction of the balancing).
      keep(plans, planKey(request), replayBalancing(curriculum, request.settings, chosenDays), keptPlans);
      port.postMessage({ id: request.id, threadId, outcome: "built", chosenDays } satisfies PlanBuildReply, [chosenDays.buffer]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      port.postMessage({ id: request.id, threadId, outcome: "failed", message } satisfies PlanBuildReply);
    }
  });
  // Loaded: from here on a death is a request's doing, and the supervisor restarts the worker at once.
  port.postMessage(workerReady);
}
