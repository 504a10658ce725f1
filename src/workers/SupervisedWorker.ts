import type { Worker } from "node:worker_threads";
import type { Logger } from "../logging/createLogger.js";
import { isWorkerReady, type WorkerReady } from "./workerReady.js";

/** Why a request was given up without an answer. */
export const WorkerStop = {
  /** close() was called, before the request or while it waited. */
  Closed: "closed",
  /** The worker reported an uncaught error. */
  Failed: "failed",
  /** The worker's thread ended without being asked to. */
  Exited: "exited",
  /** The timeout rule took the worker as stuck. */
  TimedOut: "timedOut",
  /** The request could not be posted (postMessage threw, e.g. it could not be cloned); the worker is kept. */
  Unsendable: "unsendable",
  /** The last workers died before they were ready (`workerReady`); none is started until the back-off (`workerBackOff`) has passed. */
  Unavailable: "unavailable",
} as const;
export type WorkerStop = (typeof WorkerStop)[keyof typeof WorkerStop];

/** The rejection of a request that got no answer; its owner turns `stop` into its own error or result. */
export class WorkerStoppedError extends Error {
  override readonly name = "WorkerStoppedError";
  /** `Unavailable` only: how long until a request may start a worker again. */
  readonly retryInMs: number | undefined;

  constructor(
    readonly stop: WorkerStop,
    options?: ErrorOptions & { readonly retryInMs?: number },
  ) {
    super(`the worker request was given up: ${stop}`, options);
    this.retryInMs = options?.retryInMs;
  }
}

/** How a stuck worker is told from a busy one. */
export const TimeoutRule = {
  /** Each request has `ms` from when it was posted, its time queued in the worker included. */
  PerRequest: "perRequest",
  /** The worker must answer something within `ms` while requests wait; each answer restarts the clock, so a long queue is not taken as stuck. */
  Watchdog: "watchdog",
} as const;
export type TimeoutRule = (typeof TimeoutRule)[keyof typeof TimeoutRule];

export interface WorkerTimeout {
  readonly rule: TimeoutRule;
  readonly ms: number;
}

/**
 * How long starts wait after workers that could not be spawned or died before
 * they were ready (`workerReady`): `firstMs` after one, doubling with each
 * further one, at most `maxMs`. A broken deploy (a missing file, a program
 * that throws on load) costs one start and its log lines a minute instead of
 * one per request, and a worker that can start again (resources freed) is
 * back within a minute. A worker that loaded and then died on a request is
 * not backed off from: that request must not hold up everyone else's.
 */
export const workerBackOff = { firstMs: 1_000, maxMs: 60_000 } as const;

/** What every worker answers with: the request's id and the thread that did the work. */
export interface WorkerReply {
  readonly id: number;
  readonly threadId: number;
}

export interface SupervisedWorkerOptions {
  /** Starts a fresh worker: at the first request, and at the first after the last worker was abandoned. */
  readonly spawn: () => Worker;
  readonly timeout: WorkerTimeout;
  readonly logger: Logger;
  /** The owner's constant log messages for a worker that failed, one taken as stuck, and starts put off (`workerBackOff`). */
  readonly logMessages: { readonly failed: string; readonly timedOut: string; readonly backedOff: string };
  /** Runs when a fresh worker starts, before anything is posted to it (state kept about the last worker is stale). */
  readonly onStart?: () => void;
  /** Milliseconds from any fixed origin, for the back-off; tests step it. Default: `performance.now()`. */
  readonly monotonicNow?: (() => number) | undefined;
  /** The worker is stopped after this long with no request waiting, and started again by the next. Default: kept until close(). */
  readonly idleMs?: number | undefined;
}

/** Thread ids kept in `answeredOnThreads`: a long-running process restarts its worker now and then. */
export const rememberedThreads = 16;

interface Pending<Reply> {
  readonly resolve: (reply: Reply) => void;
  readonly reject: (error: WorkerStoppedError) => void;
  /** Only under `TimeoutRule.PerRequest`. */
  readonly timer: NodeJS.Timeout | undefined;
}

/**
 * The lifecycle of one worker thread that answers requests: started on the
 * first request and kept for the next (or stopped after `idleMs` unused),
 * never keeping the process alive. A worker that fails, exits or is taken as
 * stuck (`timeout`) is terminated and every request waiting on it rejected
 * (`WorkerStoppedError`); the next request starts a fresh one, at once if
 * the worker had said it was ready (`workerReady`) or was taken as stuck. Workers that die before they
 * are ready (or cannot be spawned) put the next start off (`workerBackOff`);
 * requests meanwhile are rejected at once (`WorkerStop.Unavailable`, see
 * `available`). After close() none is started again.
 */
export class SupervisedWorker<Request extends { readonly id: number }, Reply extends WorkerReply> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending<Reply>>();
  private watchdog: NodeJS.Timeout | null = null;
  /** Only with `idleMs`: stops the worker once nothing has waited on it for that long. */
  private idleTimer: NodeJS.Timeout | null = null;
  private closedFlag = false;
  private readonly answeredOn = new Set<number>();
  /** Whether the current worker said it is ready (`workerReady`): one that dies afterwards is not taken as broken. */
  private readySinceStart = false;
  /** Workers in a row that died before they were ready (or could not be spawned). */
  private failuresBeforeReady = 0;
  /** The exit of the current worker once it reported an error (it is given up at its exit, see start()). */
  private ending: Promise<void> | null = null;
  /** When the next start may happen (`monotonicNow`); null while no back-off was set since the last worker was ready. */
  private startsFrom: number | null = null;
  private readonly monotonicNow: () => number;

  constructor(private readonly options: SupervisedWorkerOptions) {
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Whether a request now would be posted: not closed, and not waiting out a back-off (`WorkerStop.Unavailable`). */
  get available(): boolean {
    return !this.closedFlag && this.retryInMs() === 0;
  }

  /** Whether a worker is started (it starts on demand, and with `idleMs` stops when unused). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** The last `rememberedThreads` thread ids that answered: lets tests see the work left the main thread. */
  get answeredOnThreads(): ReadonlySet<number> {
    return this.answeredOn;
  }

  /** Posts the request `message` builds around its id; `onPosted` runs once it was posted. */
  request(message: (id: number) => Request, onPosted?: () => void): Promise<Reply> {
    // A request after close() must not start a worker nothing would end.
    if (this.closedFlag) return Promise.reject(new WorkerStoppedError(WorkerStop.Closed));
    // The worker failed and its thread is ending: the request goes to the next one (or meets the back-off it sets).
    const ending = this.ending;
    if (ending !== null) return ending.then(() => this.request(message, onPosted));
    // Neither a start nor a log line per request while the last workers keep failing.
    const retryInMs = this.retryInMs();
    if (retryInMs > 0) return Promise.reject(new WorkerStoppedError(WorkerStop.Unavailable, { retryInMs }));
    let worker: Worker;
    try {
      worker = this.worker ?? this.start();
    } catch (error) {
      // A worker that cannot start (no program, out of resources) rejects like one that failed: owners promise not to throw.
      this.options.logger.error({ err: error }, this.options.logMessages.failed);
      // Only spawn() leaves no worker; one whose owner's start hook threw is supervised and serves the next request.
      if (this.worker === null) this.backOff();
      return Promise.reject(new WorkerStoppedError(WorkerStop.Failed, { cause: error }));
    }
    this.clearIdleTimer();
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      try {
        worker.postMessage(message(id));
      } catch (error) {
        reject(new WorkerStoppedError(WorkerStop.Unsendable, { cause: error }));
        this.idleIfNothingWaits(worker);
        return;
      }
      onPosted?.();
      this.pending.set(id, { resolve, reject, timer: this.requestTimer(worker) });
      if (this.options.timeout.rule === TimeoutRule.Watchdog && this.watchdog === null) this.armWatchdog(worker);
    });
  }

  /** Stops the worker; requests in flight are rejected, later ones too. */
  async close(): Promise<void> {
    this.closedFlag = true;
    this.clearIdleTimer();
    const worker = this.worker;
    if (worker === null) return;
    this.worker = null;
    this.ending = null;
    this.rejectAll(WorkerStop.Closed);
    await worker.terminate();
  }

  /** Milliseconds until a request may start a worker again; 0 when one runs or may start now. */
  retryInMs(): number {
    if (this.worker !== null || this.startsFrom === null) return 0;
    return Math.max(0, this.startsFrom - this.monotonicNow());
  }

  private start(): Worker {
    const worker = this.options.spawn();
    worker.on("message", (message: Reply | WorkerReady) => {
      if (isWorkerReady(message)) this.ready(worker);
      else this.answer(worker, message);
    });
    // Given up at 'exit', not here: Node delivers the worker's messages before 'exit' but not before 'error',
    // so only then is it known whether a worker that threw on a request had said it was ready.
    let failed = false;
    worker.on("error", (error) => {
      this.options.logger.error({ err: error }, this.options.logMessages.failed);
      failed = true;
      // Resolved after abandon(), which the earlier 'exit' listener runs.
      if (this.worker === worker) this.ending ??= new Promise((resolve) => worker.once("exit", () => resolve()));
      void worker.terminate();
    });
    worker.on("exit", () => this.abandon(worker, failed ? WorkerStop.Failed : WorkerStop.Exited));
    // Waiting for an answer is no reason to keep the process alive.
    worker.unref();
    this.worker = worker;
    this.readySinceStart = false;
    // Last: the worker is supervised by then, so an owner's hook that throws cannot leave it running unwatched.
    this.options.onStart?.();
    return worker;
  }

  /** The worker's program loaded: whatever kills it from now on is a request's doing, not the program's. */
  private ready(worker: Worker): void {
    if (this.worker !== worker) return;
    this.readySinceStart = true;
    this.failuresBeforeReady = 0;
    this.startsFrom = null;
  }

  private answer(worker: Worker, reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (pending === undefined) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (this.options.timeout.rule === TimeoutRule.Watchdog) this.armWatchdog(worker);
    this.rememberAnswerer(reply.threadId);
    pending.resolve(reply);
    this.idleIfNothingWaits(worker);
  }

  /** With `idleMs`, arms the stop of a worker nothing waits on: an owner that stops asking keeps no thread. */
  private idleIfNothingWaits(worker: Worker): void {
    if (this.options.idleMs === undefined || this.pending.size > 0) return;
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => this.stopIdle(worker), this.options.idleMs);
    // An idle worker is no reason to keep the process alive, nor is the timer that would stop it.
    this.idleTimer.unref();
  }

  /** Ends an idle worker; the next request starts a fresh one at once (it was ready, nothing to back off from). */
  private stopIdle(worker: Worker): void {
    this.idleTimer = null;
    // A worker that failed since is given up at its exit (`ending`); one replaced or with work is not idle.
    if (this.worker !== worker || this.ending !== null || this.pending.size > 0) return;
    this.worker = null;
    void worker.terminate();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Keeps `threadId` as the newest answerer; each restart brings a new id, so only the last few are kept. */
  private rememberAnswerer(threadId: number): void {
    this.answeredOn.delete(threadId);
    this.answeredOn.add(threadId);
    for (const oldest of this.answeredOn) if (this.answeredOn.size > rememberedThreads) this.answeredOn.delete(oldest);
  }

  private requestTimer(worker: Worker): NodeJS.Timeout | undefined {
    if (this.options.timeout.rule !== TimeoutRule.PerRequest) return undefined;
    return setTimeout(() => this.abandon(worker, WorkerStop.TimedOut), this.options.timeout.ms);
  }

  /** (Re)starts the watchdog while requests wait, stops it when none do. */
  private armWatchdog(worker: Worker): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = this.pending.size === 0 ? null : setTimeout(() => this.abandon(worker, WorkerStop.TimedOut), this.options.timeout.ms);
  }

  /** Terminates `worker` and rejects what waits on it, unless it was already replaced or closed. */
  private abandon(worker: Worker, stop: WorkerStop): void {
    if (this.worker !== worker) return;
    // A timeout while the failed worker ends: its exit gives it up, as failed (and backed off if it was never ready).
    if (stop === WorkerStop.TimedOut && this.ending !== null) return;
    this.worker = null;
    this.ending = null;
    this.clearIdleTimer();
    void worker.terminate();
    if (stop === WorkerStop.TimedOut) {
      // Not backed off: a stuck worker is slow on a big task or answered before, and the timeout already spaces its restarts.
      this.options.logger.warn({ timeoutMs: this.options.timeout.ms, waiting: this.pending.size }, this.options.logMessages.timedOut);
    } else if (!this.readySinceStart) {
      // Dead before it was ready: the program itself (missing, throws on load). A crash on a request restarts at once.
      this.backOff();
    }
    this.rejectAll(stop);
  }

  /** Puts the next start off after one more worker died before it was ready: `workerBackOff`, logged once per step. */
  private backOff(): void {
    this.failuresBeforeReady += 1;
    const retryInMs = Math.min(workerBackOff.firstMs * 2 ** (this.failuresBeforeReady - 1), workerBackOff.maxMs);
    this.startsFrom = this.monotonicNow() + retryInMs;
    this.options.logger.warn({ failures: this.failuresBeforeReady, retryInMs }, this.options.logMessages.backedOff);
  }

  private rejectAll(stop: WorkerStop): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = null;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new WorkerStoppedError(stop));
      this.pending.delete(id);
    }
  }
}
