/**
 * The worker thread's program: balances the big cohort plans the main thread
 * sends (tens of milliseconds of CPU each) and answers with the chosen days
 * only (see recordedBalancing.ts), and works out their post schedules (a
 * time-zone lookup per post: hundreds of milliseconds the first time).
 * Curricula are sent once per version and kept here, so a re-plan of the
 * same curriculum copies only its settings.
 */
import { parentPort, threadId } from "node:worker_threads";
import { recordBalancing } from "../domain/schedule/recordedBalancing.js";
import { cohortPlannedPosts } from "../domain/schedule/plannedPosts.js";
import type { PlanCurriculum } from "../domain/schedule/scheduleTypes.js";
import { PlanTask, type PlanBuildReply, type PlanBuildRequest } from "./planBuildProtocol.js";

/** Curricula kept by the worker; the oldest sent goes first (a request for it then sends it again). */
const keptCurricula = 16;

if (parentPort !== null) {
  const port = parentPort;
  const curricula = new Map<string, PlanCurriculum>();
  port.on("message", (request: PlanBuildRequest) => {
    if (request.curriculum !== undefined) {
      curricula.delete(request.curriculumKey);
      curricula.set(request.curriculumKey, request.curriculum);
      for (const key of curricula.keys()) if (curricula.size > keptCurricula) curricula.delete(key);
    }
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
      const chosenDays = recordBalancing(curriculum, request.settings);
      port.postMessage({ id: request.id, threadId, outcome: "built", chosenDays } satisfies PlanBuildReply, [chosenDays.buffer]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      port.postMessage({ id: request.id, threadId, outcome: "failed", message } satisfies PlanBuildReply);
    }
  });
}
