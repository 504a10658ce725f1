import type { Worker } from "node:worker_threads";
import type { ParseResult } from "../domain/curriculum/curriculumModel.js";
import { ProblemCode } from "../domain/curriculum/parse/problemCodes.js";
import type { Logger } from "../logging/createLogger.js";
import { spawnWorker } from "./spawnWorker.js";

interface ParseReply {
  readonly id: number;
  readonly threadId: number;
  readonly result: ParseResult;
}

interface Pending {
  readonly resolve: (result: ParseResult) => void;
  readonly timer: NodeJS.Timeout;
}

export interface CurriculumParserThreadOptions {
  readonly logger: Logger;
  /** A parse that takes longer is abandoned (the worker is replaced) and the document refused. Default 10 s. */
  readonly timeoutMs?: number;
}

/**
 * Parses curriculum documents on one worker thread, started on first use and
 * kept for the next import. Requests queue in the worker one at a time; a
 * parse that hangs or a worker that dies refuses the documents in flight and
 * the next request starts a fresh worker. Never rejects.
 */
export class CurriculumParserThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly timeoutMs: number;
  /** Thread ids that have parsed documents: lets tests see the work left the main thread. */
  readonly parsedOnThreads = new Set<number>();

  constructor(private readonly options: CurriculumParserThreadOptions) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  parse(text: string): Promise<ParseResult> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<ParseResult>((resolve) => {
      const timer = setTimeout(() => this.abandon(worker, ProblemCode.ParseTimedOut), this.timeoutMs);
      this.pending.set(id, { resolve, timer });
      worker.postMessage({ id, text });
    });
  }

  /** Stops the worker; documents in flight are refused. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return;
    this.settleAll(ProblemCode.ImporterFailed, "closed");
    this.worker = null;
    await worker.terminate();
  }

  private start(): Worker {
    const worker = spawnWorker("curriculumParserWorker");
    worker.on("message", (reply: ParseReply) => {
      const pending = this.pending.get(reply.id);
      if (pending === undefined) return;
      this.pending.delete(reply.id);
      clearTimeout(pending.timer);
      this.parsedOnThreads.add(reply.threadId);
      pending.resolve(reply.result);
    });
    worker.on("error", (error) => {
      this.options.logger.error({ err: error }, "curriculum parser worker failed");
      this.abandon(worker, ProblemCode.ImporterFailed);
    });
    worker.on("exit", () => {
      if (this.worker === worker) this.abandon(worker, ProblemCode.ImporterFailed);
    });
    // Waiting for an import is no reason to keep the process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private abandon(worker: Worker, code: ProblemCode): void {
    if (this.worker !== worker) return;
    this.worker = null;
    void worker.terminate();
    if (code === ProblemCode.ParseTimedOut) this.options.logger.warn({ timeoutMs: this.timeoutMs }, "curriculum parse timed out");
    this.settleAll(code, "worker stopped");
  }

  private settleAll(code: ProblemCode, reason: string): void {
    const params = code === ProblemCode.ParseTimedOut ? { seconds: Math.round(this.timeoutMs / 1000) } : { reason };
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.resolve({ ok: false, problems: [{ line: 1, code, params }] });
      this.pending.delete(id);
    }
  }
}
