import type { Worker } from "node:worker_threads";
import { applyCohortBreaks } from "../domain/schedule/cohortBreaks.js";
import { planWork, replayBalancing } from "../domain/schedule/recordedBalancing.js";
import { buildMemberPlan, type MemberPlan } from "../domain/schedule/memberPlan.js";
import { cohortPlannedPosts } from "../domain/schedule/plannedPosts.js";
import { replayMemberPlan } from "../domain/schedule/recordedMemberPlan.js";
import { planRuleOf, type CohortSettings, type PlanCurriculum, type PlannedPost } from "../domain/schedule/scheduleTypes.js";
import { assertValidCohortSettings } from "../domain/schedule/validateCohortSettings.js";
import type { Logger } from "../logging/createLogger.js";
import {
  buildPlanInline,
  type BuiltPlan,
  type MemberPlanBuildInput,
  type PlanBuildInput,
  type PlanBuilder,
  type PostsInput,
} from "../services/PlanService.js";
import { PlanTask, type PlanBuildReply, type PlanBuildRequest } from "./planBuildProtocol.js";
import { spawnWorker } from "./spawnWorker.js";
import { SupervisedWorker, TimeoutRule, WorkerStop, WorkerStoppedError } from "./SupervisedWorker.js";

/**
 * Plans with less work than this (`planWork`: items + study days) are built
 * inline: the seeds (about 250) take a fraction of a millisecond, less than a
 * round trip to the worker; at 2,000 an inline build is a few milliseconds,
 * the maximal curriculum's (about 9,000) 25–40.
 */
export const defaultPlanWorkerMinWork = 2_000;

/**
 * Why a plan could not be built on the worker; the interaction gets the generic error. A worker that
 * died or stopped answering is replaced at the next build (after a back-off when it died before it was
 * ready: `workerBackOff`, plans are built inline meanwhile); one that reported a failure is kept.
 */
export class PlanBuildFailedError extends Error {
  override readonly name = "PlanBuildFailedError";
}

export interface PlanBuildThreadOptions {
  readonly logger: Logger;
  /** See `defaultPlanWorkerMinWork`; Infinity builds every plan inline. */
  readonly minWork?: number;
  /** A worker that answers nothing for this long while work waits on it is taken as stuck: it is replaced and its work rejected. Default 10 s. */
  readonly timeoutMs?: number;
  /** Starts the worker program (tests watch the workers this way). Default: `spawnWorker`. */
  readonly spawn?: (name: string) => Worker;
  /** Milliseconds from any fixed origin, for the restart back-off; tests step it. Default: `performance.now()`. */
  readonly monotonicNow?: () => number;
}

/** What a task asks beyond the curriculum and the settings. */
type TaskDetails = Pick<PlanBuildRequest, "breakWeeks" | "member">;

/** Curriculum keys remembered as sent to the worker; it keeps fewer, and asks again for one it dropped. */
const rememberedCurricula = 64;

/**
 * Builds big cohort plans with their balancing on one worker thread, started
 * on the first big build and kept for the next; the event loop serves other
 * servers meanwhile. The main thread then replays the chosen days
 * (`replayBalancing`), so callers get the plan `buildCohortPlan` gives, its
 * objects shared with the curriculum as before. A worker that stops
 * answering for `timeoutMs` or dies rejects the builds in flight; the next
 * starts a fresh worker. One that dies before it is ready is restarted after
 * a growing back-off, and the builds it held are built inline instead. The
 * post schedules of big plans (with or without breaks) and their members'
 * plans are worked out there too. Small plans, and any plan while the worker
 * is closed or backed off, are built inline.
 */
export class PlanBuildThread implements PlanBuilder {
  private readonly worker: SupervisedWorker<PlanBuildRequest, PlanBuildReply>;
  /** Curriculum keys the current worker has been sent. */
  private readonly sentCurricula = new Set<string>();
  private readonly minWork: number;
  /** Tasks asked of the worker (balancings and schedules): lets tests see the work left the main thread. */
  workerTasks = 0;

  constructor(options: PlanBuildThreadOptions) {
    this.minWork = options.minWork ?? defaultPlanWorkerMinWork;
    const spawn = options.spawn ?? spawnWorker;
    this.worker = new SupervisedWorker({
      spawn: () => spawn("planBuildWorker"),
      // A watchdog, not a timer per request: a task queued behind others is not stuck.
      timeout: { rule: TimeoutRule.Watchdog, ms: options.timeoutMs ?? 10_000 },
      logger: options.logger,
      logMessages: {
        failed: "plan build worker failed",
        timedOut: "plan worker stopped answering",
        backedOff: "plan worker restarts backed off",
      },
      onStart: () => this.sentCurricula.clear(),
      monotonicNow: options.monotonicNow,
    });
  }

  /** The thread ids that did the tasks. */
  get builtOnThreads(): ReadonlySet<number> {
    return this.worker.answeredOnThreads;
  }

  async build(input: PlanBuildInput): Promise<BuiltPlan> {
    const { curriculum, settings, breakWeeks } = input;
    if (this.inline(curriculum, settings)) return buildPlanInline(input);
    // Refused here as inline, with the same error, before any thread is involved.
    assertValidCohortSettings(settings);
    planRuleOf(settings.planRule);
    return this.orInlineOnceBackedOff(
      async () => {
        const chosenDays = await this.balance(input.curriculumKey, curriculum, settings);
        const basePlan = replayBalancing(curriculum, settings, chosenDays);
        // Replaying and moving the dates for breaks take a few milliseconds each: two turns of the loop, not one.
        if (breakWeeks.length > 0) await new Promise((resolve) => setImmediate(resolve));
        return { basePlan, calendar: applyCohortBreaks(basePlan, curriculum, breakWeeks) };
      },
      () => buildPlanInline(input),
    );
  }

  async posts({ curriculumKey, curriculum, settings, breakWeeks }: PostsInput): Promise<readonly PlannedPost[]> {
    if (this.inline(curriculum, settings)) return cohortPlannedPosts(curriculum, settings, breakWeeks);
    assertValidCohortSettings(settings);
    return this.orInlineOnceBackedOff(
      async () => {
        const reply = await this.ask(PlanTask.Posts, curriculumKey, curriculum, settings, { breakWeeks });
        if (reply.outcome !== "posted") throw new PlanBuildFailedError("the plan worker answered a schedule with something else");
        return reply.posts;
      },
      () => cohortPlannedPosts(curriculum, settings, breakWeeks),
    );
  }

  /**
   * Member plans of big cohorts are built on the worker (on the cohort plan it built, or builds again) and
   * come back as records: the main thread only assembles them (`replayMemberPlan`), about a tenth of the work.
   */
  async memberPlan({ curriculumKey, curriculum, settings, member }: MemberPlanBuildInput): Promise<MemberPlan> {
    if (this.inline(curriculum, settings)) return buildMemberPlan(member);
    // The worker has the cohort plan (or builds it again): only the member's own inputs are copied over.
    const { breakWeeks, joinedOn, optionalFrom, adjustments, personalBreaks } = member;
    return this.orInlineOnceBackedOff(
      async () => {
        const reply = await this.ask(PlanTask.MemberPlan, curriculumKey, curriculum, settings, {
          member: { breakWeeks, joinedOn, optionalFrom: optionalFrom ?? null, adjustments, personalBreaks },
        });
        if (reply.outcome !== "memberPlanned") throw new PlanBuildFailedError("the plan worker answered a member plan with something else");
        return replayMemberPlan(member, reply.record);
      },
      () => buildMemberPlan(member),
    );
  }

  /**
   * The work on the worker; inline instead when the worker it went to could not load and the back-off
   * began (the request that found the program broken is served too, not only the ones after it).
   */
  private async orInlineOnceBackedOff<T>(onWorker: () => Promise<T>, inline: () => T): Promise<T> {
    try {
      return await onWorker();
    } catch (error) {
      const workerStopped = error instanceof PlanBuildFailedError && error.cause instanceof WorkerStoppedError;
      if (!workerStopped || this.worker.closed || this.worker.available) throw error;
      return inline();
    }
  }

  /**
   * Whether to build inline: small plans, and any plan while no worker can take it (closed, or backed off
   * after workers that could not load). A big plan inline stalls the loop 20–40 ms: a degraded mode, chosen
   * over failing every big cohort's interactions and ticks until the worker is back.
   */
  private inline(curriculum: PlanCurriculum, settings: CohortSettings): boolean {
    return !this.worker.available || planWork(curriculum, settings) < this.minWork;
  }

  /** Stops the worker; builds in flight are rejected, later ones run inline. */
  close(): Promise<void> {
    return this.worker.close();
  }

  private async balance(curriculumKey: string, curriculum: PlanCurriculum, settings: CohortSettings): Promise<Int32Array> {
    const reply = await this.ask(PlanTask.Balance, curriculumKey, curriculum, settings);
    if (reply.outcome !== "built") throw new PlanBuildFailedError("the plan worker answered a plan with something else");
    return reply.chosenDays;
  }

  /** The worker's answer to `task`; rejects when it failed. */
  private async ask(
    task: PlanTask,
    curriculumKey: string,
    curriculum: PlanCurriculum,
    settings: CohortSettings,
    details: TaskDetails = {},
  ): Promise<PlanBuildReply> {
    this.workerTasks += 1;
    const known = this.sentCurricula.has(curriculumKey);
    let reply = await this.request({ task, curriculumKey, settings, ...details }, known ? undefined : curriculum);
    // The worker dropped it (it keeps a few): send it again, once.
    if (reply.outcome === "unknownCurriculum") reply = await this.request({ task, curriculumKey, settings, ...details }, curriculum);
    if (reply.outcome === "failed") throw new PlanBuildFailedError(reply.message);
    if (reply.outcome === "unknownCurriculum") throw new PlanBuildFailedError("the plan worker lost the curriculum it was sent");
    return reply;
  }

  private request(task: Omit<PlanBuildRequest, "id" | "curriculum">, curriculum?: PlanCurriculum): Promise<PlanBuildReply> {
    const remember = curriculum === undefined ? undefined : () => this.rememberSent(task.curriculumKey);
    return this.worker
      .request((id) => ({ ...task, id, curriculum }) satisfies PlanBuildRequest, remember)
      .catch((error: unknown) => {
        throw planBuildFailure(error);
      });
  }

  private rememberSent(curriculumKey: string): void {
    this.sentCurricula.delete(curriculumKey);
    this.sentCurricula.add(curriculumKey);
    for (const key of this.sentCurricula) if (this.sentCurricula.size > rememberedCurricula) this.sentCurricula.delete(key);
  }
}

const stopMessages = {
  [WorkerStop.Closed]: "the plan worker was closed",
  [WorkerStop.Failed]: "the plan worker failed",
  [WorkerStop.Exited]: "the plan worker stopped",
  [WorkerStop.TimedOut]: "the plan build timed out",
  [WorkerStop.Unsendable]: "the plan worker could not be sent the task",
  // Not met in practice: builds go inline while the worker is backed off (`inline`, `orInlineOnceBackedOff`).
  [WorkerStop.Unavailable]: "the plan worker keeps failing and is restarted later",
} as const satisfies Record<WorkerStop, string>;

/** The worker's stop as this thread's error (the interaction gets the generic error either way). */
function planBuildFailure(error: unknown): unknown {
  if (!(error instanceof WorkerStoppedError)) return error;
  const message = stopMessages[error.stop];
  if (error.stop === WorkerStop.Unsendable) return new PlanBuildFailedError(`${message}: ${String(error.cause)}`, { cause: error });
  return new PlanBuildFailedError(message, { cause: error });
}
