import { Worker } from "node:worker_threads";
import { spawnWorker } from "../../src/workers/spawnWorker.js";

/** A worker whose thread ends at the first message it gets, as a crashed worker program would. */
export function dyingWorker(): Worker {
  return new Worker(`require("node:worker_threads").parentPort.on("message", () => process.exit(1));`, { eval: true });
}

/**
 * A `spawn` for the worker threads that records every worker it starts in `workers` (a worker's threadId
 * is -1 once its thread has stopped); `first`, when given, stands in for the real program's first worker.
 */
export function watchedSpawn(workers: Worker[], first?: () => Worker): (name: string) => Worker {
  return (name) => {
    const worker = workers.length === 0 && first !== undefined ? first() : spawnWorker(name);
    workers.push(worker);
    return worker;
  };
}
