/**
 * What a worker program posts once its module has loaded, before anything else: SupervisedWorker backs
 * off only from workers that die before saying it (a broken deploy, a program that throws on load), not
 * from one that loaded and then died on a request. Node's 'online' event cannot tell these apart: it
 * fires before the program is evaluated, so also for one that throws on load. In a module of its own so
 * worker programs import it without loading the supervisor.
 */
export const workerReady = { ready: true } as const;
export type WorkerReady = typeof workerReady;

/** Whether a message from a worker is its `workerReady`, not an answer. */
export function isWorkerReady(message: unknown): message is WorkerReady {
  return typeof message === "object" && message !== null && (message as { readonly ready?: unknown }).ready === true;
}
