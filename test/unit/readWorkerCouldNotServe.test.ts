import { describe, expect, it } from "vitest";
import { readWorkerCouldNotServe, SqliteReadError } from "../../src/db/SqliteReadWorker.js";
import { WorkerStop, WorkerStoppedError } from "../../src/workers/SupervisedWorker.js";

/** A worker's stop as SqliteReadWorker.read rejects with it: a SqliteReadError with no code, caused by the stop. */
function stoppedRead(stop: WorkerStop): SqliteReadError {
  return new SqliteReadError(`the read worker gave up: ${stop}`, null, { cause: new WorkerStoppedError(stop) });
}

/** Which read failures send a Nudge's names to the main thread (RosterRepository.activeNamesOr) and which reach the facilitator. */
describe("readWorkerCouldNotServe", () => {
  const fallsBack: Record<WorkerStop, boolean> = {
    [WorkerStop.Closed]: true,
    [WorkerStop.Unavailable]: true,
    [WorkerStop.Exited]: true,
    [WorkerStop.Failed]: true,
    [WorkerStop.Unsendable]: true,
    // Stuck for minutes: running it again on the main thread would hold the event loop as long.
    [WorkerStop.TimedOut]: false,
  };

  it.each(Object.entries(fallsBack))("a read the worker gave up as %s: %s", (stop, expected) => {
    expect(readWorkerCouldNotServe(stoppedRead(stop as WorkerStop))).toBe(expected);
  });

  it("a read SQLite itself refused is not one the worker could not serve", () => {
    expect(readWorkerCouldNotServe(new SqliteReadError("no such table: NoSuchTable", "SQLITE_ERROR"))).toBe(false);
  });
});
