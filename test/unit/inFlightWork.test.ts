import { describe, expect, it } from "vitest";
import { InFlightWork } from "../../src/discord/InFlightWork.js";

describe("InFlightWork", () => {
  it("settles at once when nothing runs", async () => {
    expect(await new InFlightWork().settle(10_000)).toBe(true);
  });

  it("waits for work that succeeds or fails, then counts it as done", async () => {
    const work = new InFlightWork();
    let finish!: () => void;
    let fail!: (error: Error) => void;
    work.track(new Promise<void>((resolve) => (finish = resolve)));
    const failing = new Promise<void>((_, reject) => (fail = reject));
    failing.catch(() => undefined);
    work.track(failing);
    expect(work.size).toBe(2);
    const settled = work.settle(10_000);
    finish();
    fail(new Error("boom"));
    expect(await settled).toBe(true);
    expect(work.size).toBe(0);
  });

  it("gives up on work that never finishes, which stays counted", async () => {
    const work = new InFlightWork();
    work.track(new Promise<void>(() => undefined));
    expect(await work.settle(1)).toBe(false);
    expect(work.size).toBe(1);
  });
});
