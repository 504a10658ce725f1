import { Worker } from "node:worker_threads";

/** A worker whose thread ends at the first message it gets, as a crashed worker program would. */
export function dyingWorker(): Worker {
  return new Worker(`require("node:worker_threads").parentPort.on("message", () => process.exit(1));`, { eval: true });
}

/**
 * A `spawn` for the worker threads that starts a dying worker first and the real program (`spawnReal`) after,
 * recording every worker it starts in `workers`.
 */
export function firstWorkerDies(spawnReal: (name: string) => Worker, workers: Worker[]): (name: string) => Worker {
  return (name) => {
    const worker = workers.length === 0 ? dyingWorker() : spawnReal(name);
    workers.push(worker);
    return worker;
  };
}
