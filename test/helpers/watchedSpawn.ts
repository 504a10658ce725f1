import { Worker } from "node:worker_threads";
import { spawnWorker } from "../../src/workers/spawnWorker.js";
import { workerReady } from "../../src/workers/workerReady.js";

/** A worker whose program throws as it loads, as a broken deploy's would: it is never ready. */
export function brokenWorker(): Worker {
  return new Worker(`throw new Error("the worker program could not load");`, { eval: true });
}

/** A worker that loads (says it is ready) and whose thread ends at the first message it gets, as a request it cannot survive would. */
export function crashingWorker(): Worker {
  return new Worker(
    `const { parentPort } = require("node:worker_threads");
parentPort.on("message", () => process.exit(1));
parentPort.postMessage(${JSON.stringify(workerReady)});`,
    { eval: true },
  );
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
