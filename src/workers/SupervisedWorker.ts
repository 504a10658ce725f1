import type { Worker } from "node:worker_threads";
import type { Logger } from "../logging/createLogger.js";

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
  /** The last workers failed before answering anything; none is started until the back-off (`workerBackOff`) has passed. */
  Unavailable: "unavailable",
} as const;
export type WorkerStop = (typeof WorkerStop)[keyof typeof WorkerStop];

/** The rejection of a request that got no answer; its owner turns `stop` into its own error or result. */
export class WorkerStoppedError extends Error {
  override readonly name = "WorkerStoppedError";

  constructor(
    readonly stop: WorkerStop,
    options?: ErrorOptions,
  ) {
    super(`the worker request was given up: ${stop}`, options);
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
 * How long starts wait after workers that failed before answering anything:
 * `firstMs` after one, doubling with each further one, at most `maxMs`. A
 * single crash (a request the worker could not survive) costs a second of
 * refused work; a broken deploy costs one start and its log lines a minute
 * instead of one per request, and a worker that can start again (resources
 * freed) is back within a minute.
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
 * first request and kept for the next, never keeping the process alive while
 * idle. A worker that fails, exits or is taken as stuck (`timeout`) is
 * terminated and every request waiting on it rejected (`WorkerStoppedError`);
 * the next request starts a fresh one, at once if the worker had answered
 * something or was taken as stuck. Workers that fail before answering anything
 * (or cannot be spawned) put the next start off (`workerBackOff`); requests
 * meanwhile are rejected at once (`WorkerStop.Unavailable`). After close()
 * none is started again.
 */
export class SupervisedWorker<Request extends { readonly id: number }, Reply extends WorkerReply> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending<Reply>>();
  private watchdog: NodeJS.Timeout | null = null;
  private closedFlag = false;
  private readonly answeredOn = new Set<number>();
  /** Whether the current worker has answered a request: one that fails afterwards is not taken as broken. */
  private answeredSinceStart = false;
  /** Workers in a row that failed (or could not be spawned) before answering anything. */
  private failuresBeforeAnswer = 0;
  /** When the next start may happen (`monotonicNow`); null while no back-off was set since the last answer. */
  private startsFrom: number | null = null;
  private readonly monotonicNow: () => number;

  constructor(private readonly options: SupervisedWorkerOptions) {
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** The last `rememberedThreads` thread ids that answered: lets tests see the work left the main thread. */
  get answeredOnThreads(): ReadonlySet<number> {
    return this.answeredOn;
  }

  /** Posts the request `message` builds around its id; `onPosted` runs once it was posted. */
  request(message: (id: number) => Request, onPosted?: () => void): Promise<Reply> {
    // A request after close() must not start a worker nothing would end.
    if (this.closedFlag) return Promise.reject(new WorkerStoppedError(WorkerStop.Closed));
    // Neither a start nor a log line per request while the last workers keep failing.
    if (this.worker === null && this.startsFrom !== null && this.monotonicNow() < this.startsFrom) {
      return Promise.reject(new WorkerStoppedError(WorkerStop.Unavailable));
    }
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
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      try {
        worker.postMessage(message(id));
      } catch (error) {
        reject(new WorkerStoppedError(WorkerStop.Unsendable, { cause: error }));
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
    const worker = this.worker;
    if (worker === null) return;
    this.worker = null;
    this.rejectAll(WorkerStop.Closed);
    await worker.terminate();
  }

  private start(): Worker {
    const worker = this.options.spawn();
    worker.on("message", (reply: Reply) => this.answer(worker, reply));
    worker.on("error", (error) => {
      this.options.logger.error({ err: error }, this.options.logMessages.failed);
      this.abandon(worker, WorkerStop.Failed);
    });
    worker.on("exit", () => this.abandon(worker, WorkerStop.Exited));
    // Waiting for an answer is no reason to keep the process alive.
    worker.unref();
    this.worker = worker;
    this.answeredSinceStart = false;
    // Last: the worker is supervised by then, so an owner's hook that throws cannot leave it running unwatched.
    this.options.onStart?.();
    return worker;
  }

  private answer(worker: Worker, reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (pending === undefined) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (this.options.timeout.rule === TimeoutRule.Watchdog) this.armWatchdog(worker);
    this.answeredSinceStart = true;
    this.failuresBeforeAnswer = 0;
    this.startsFrom = null;
    this.rememberAnswerer(reply.threadId);
    pending.resolve(reply);
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
    this.worker = null;
    void worker.terminate();
    if (stop === WorkerStop.TimedOut) {
      // Not backed off: a stuck worker is slow on a big task or answered before, and the timeout already spaces its restarts.
      this.options.logger.warn({ timeoutMs: this.options.timeout.ms, waiting: this.pending.size }, this.options.logMessages.timedOut);
    } else if (!this.answeredSinceStart) {
      // Dead before any answer: likely the program itself (missing, throws on load). A crash after good work restarts at once.
      this.backOff();
    }
    this.rejectAll(stop);
  }

  /** Puts the next start off after one more worker failed before answering: `workerBackOff`, logged once per step. */
  private backOff(): void {
    this.failuresBeforeAnswer += 1;
    const retryInMs = Math.min(workerBackOff.firstMs * 2 ** (this.failuresBeforeAnswer - 1), workerBackOff.maxMs);
    this.startsFrom = this.monotonicNow() + retryInMs;
    this.options.logger.warn({ failures: this.failuresBeforeAnswer, retryInMs }, this.options.logMessages.backedOff);
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
