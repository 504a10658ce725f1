/**
 * The worker thread's program: parses the documents the main thread sends.
 * Parsing a large document takes tens of milliseconds of CPU; here it never
 * holds up the bot's event loop.
 */
import { parentPort, threadId } from "node:worker_threads";
import { parseCurriculum } from "../domain/curriculum/parse/parseCurriculum.js";
import { workerReady } from "./workerReady.js";

export interface ParseRequest {
  readonly id: number;
  readonly text: string;
}

if (parentPort !== null) {
  const port = parentPort;
  port.on("message", (request: ParseRequest) => {
    port.postMessage({ id: request.id, threadId, result: parseCurriculum(request.text) });
  });
  // Loaded: from here on a death is a request's doing, and the supervisor restarts the worker at once.
  port.postMessage(workerReady);
}
