import type { Worker } from "node:worker_threads";
import type { ParseResult } from "../domain/curriculum/curriculumModel.js";
import { ProblemCode, type ProblemParams } from "../domain/curriculum/parse/problemCodes.js";
import type { Logger } from "../logging/createLogger.js";
import type { ParseRequest } from "./curriculumParserWorker.js";
import { spawnWorker } from "./spawnWorker.js";
import { SupervisedWorker, TimeoutRule, WorkerStop, WorkerStoppedError } from "./SupervisedWorker.js";

interface ParseReply {
  readonly id: number;
  readonly threadId: number;
  readonly result: ParseResult;
}

export interface CurriculumParserThreadOptions {
  readonly logger: Logger;
  /** A parse that takes longer is abandoned (the worker is replaced) and the document refused. Default 30 s. */
  readonly timeoutMs?: number;
  /** Starts the worker program (tests watch the workers this way). Default: `spawnWorker`. */
  readonly spawn?: (name: string) => Worker;
  /** Milliseconds from any fixed origin, for the restart back-off; tests step it. Default: `performance.now()`. */
  readonly monotonicNow?: () => number;
}

/**
 * Parses curriculum documents on one worker thread, started on first use and
 * kept for the next import. Requests queue in the worker one at a time; a
 * parse that hangs or a worker that dies refuses the documents in flight and
 * the next request starts a fresh worker (workers that die before they are
 * ready are restarted after a growing back-off; documents are refused
 * meanwhile with the time left: parsing them inline would give up the
 * timeout that protects the bot from a pathological document). Once closed,
 * documents are refused.
 * Never rejects.
 */
export class CurriculumParserThread {
  private readonly worker: SupervisedWorker<ParseRequest, ParseReply>;
  private readonly timeoutMs: number;

  constructor(options: CurriculumParserThreadOptions) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    const spawn = options.spawn ?? spawnWorker;
    this.worker = new SupervisedWorker({
      spawn: () => spawn("curriculumParserWorker"),
      // Documents are bounded in size, so each parse gets the same time, queued or not.
      timeout: { rule: TimeoutRule.PerRequest, ms: this.timeoutMs },
      logger: options.logger,
      logMessages: {
        failed: "curriculum parser worker failed",
        timedOut: "curriculum parse timed out",
        backedOff: "curriculum parser worker restarts backed off",
      },
      monotonicNow: options.monotonicNow,
    });
  }

  /** Thread ids that have parsed documents: lets tests see the work left the main thread. */
  get parsedOnThreads(): ReadonlySet<number> {
    return this.worker.answeredOnThreads;
  }

  parse(text: string): Promise<ParseResult> {
    return this.worker
      .request((id) => ({ id, text }))
      .then(
        (reply) => reply.result,
        (error: unknown) => this.refusal(error),
      );
  }

  /** Stops the worker; documents in flight are refused, later ones too. */
  close(): Promise<void> {
    return this.worker.close();
  }

  private refusal(error: unknown): ParseResult {
    const stopped = error instanceof WorkerStoppedError ? error : new WorkerStoppedError(WorkerStop.Failed, { cause: error });
    if (stopped.stop === WorkerStop.TimedOut) return refused(ProblemCode.ParseTimedOut, { seconds: Math.round(this.timeoutMs / 1000) });
    // The worker could not load (this document found it so, or an earlier one): the admin is told when to try
    // again, not that the file is at fault.
    const retryInMs = stopped.retryInMs ?? this.worker.retryInMs();
    if (stopped.stop !== WorkerStop.Closed && retryInMs > 0) {
      return refused(ProblemCode.ImporterUnavailable, { seconds: Math.ceil(retryInMs / 1000) });
    }
    return refused(ProblemCode.ImporterFailed, { reason: stopped.stop === WorkerStop.Closed ? "closed" : "worker stopped" });
  }
}

/** A document refused as a whole, for a reason of the importer's rather than a line of its own. */
function refused(code: ProblemCode, params: ProblemParams): ParseResult {
  return { ok: false, problems: [{ line: 1, code, params }] };
}
