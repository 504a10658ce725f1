import { describe, expect, it } from "vitest";
import { ConcurrencyGate } from "../../src/discord/ConcurrencyGate.js";

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("ConcurrencyGate", () => {
  it("runs at most `limit` tasks at once and starts the rest in arrival order", async () => {
    const gate = new ConcurrencyGate(2);
    const started: number[] = [];
    const blockers = [0, 1, 2, 3].map(() => deferred());
    const runs = blockers.map((blocker, index) =>
      gate.run(async () => {
        started.push(index);
        await blocker.promise;
        return index;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    expect(gate.full).toBe(true);
    expect(gate.size).toBe(4);
    blockers[1]?.resolve();
    // Turn by turn until the freed slot's task starts (a 5 ms timer could fire before the gate's hand-off on a busy machine).
    while (started.length < 3) await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    expect(gate.size).toBe(3);
    for (const blocker of blockers) blocker.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(gate.full).toBe(false);
    expect(gate.size).toBe(0);
  });

  it("lets I/O run between queued tasks even when the tasks never really wait", async () => {
    const gate = new ConcurrencyGate(1);
    const order: string[] = [];
    const busy = Array.from({ length: 3 }, (_, index) =>
      gate.run(async () => {
        order.push(`task ${index}`);
      }),
    );
    setImmediate(() => order.push("I/O"));
    await Promise.all(busy);
    // Without the hand-off on a fresh turn, all three tasks would finish before the I/O callback.
    expect(order.indexOf("I/O")).toBeLessThan(order.indexOf("task 2"));
  });

  it("frees the slot when a task fails", async () => {
    const gate = new ConcurrencyGate(1);
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(gate.run(async () => "next")).resolves.toBe("next");
  });

  it("refuses a limit below one", () => {
    expect(() => new ConcurrencyGate(0)).toThrow(RangeError);
  });
});
