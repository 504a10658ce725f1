import { describe, expect, it } from "vitest";
import { forEachConcurrently } from "../../src/scheduler/forEachConcurrently.js";

/** A promise with its resolve function, so a test decides when each piece of work ends. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("forEachConcurrently", () => {
  it("runs every item, at most `limit` at a time", async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      most = Math.max(most, running);
      await Promise.resolve();
      seen.push(item);
      running -= 1;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it("after a failure takes no new item, and rejects only once the work already started has finished", async () => {
    const slow = deferred();
    const started: number[] = [];
    let slowFinished = false;
    const run = forEachConcurrently([1, 2, 3, 4], 2, async (item) => {
      started.push(item);
      if (item === 1) {
        await slow.promise;
        slowFinished = true;
        return;
      }
      throw new Error(`item ${item} failed`);
    });
    let settled = false;
    const outcome = run.then(
      () => "resolved",
      (error: unknown) => (error instanceof Error ? error.message : "?"),
    );
    void outcome.then(() => (settled = true));
    // Let the failure of item 2 propagate: the run must still wait for item 1.
    for (let turn = 0; turn < 20; turn += 1) await Promise.resolve();
    expect(settled).toBe(false);
    slow.resolve();
    expect(await outcome).toBe("item 2 failed");
    expect(slowFinished).toBe(true);
    expect(started).toEqual([1, 2]);
  });
});
