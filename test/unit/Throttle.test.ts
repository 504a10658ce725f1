import { describe, expect, it } from "vitest";
import { Throttle } from "../../src/scheduler/Throttle.js";

describe("Throttle: at most once every N ms, on an explicit clock", () => {
  it("lets the first try through, then none until N ms have passed", () => {
    const throttle = new Throttle(300_000);
    expect(throttle.take(1_000_000)).toBe(true);
    expect(throttle.take(1_000_000)).toBe(false);
    expect(throttle.take(1_299_999)).toBe(false);
    expect(throttle.take(1_300_000)).toBe(true);
    expect(throttle.take(1_300_001)).toBe(false);
  });

  it("lets a try through when the clock went back, and counts from then", () => {
    const throttle = new Throttle(300_000);
    expect(throttle.take(1_000_000)).toBe(true);
    expect(throttle.take(999_999)).toBe(true);
    expect(throttle.take(1_000_000)).toBe(false);
    expect(throttle.take(1_299_999)).toBe(true);
  });

  it("lets the next try through after a reset (the last one failed)", () => {
    const throttle = new Throttle(300_000);
    expect(throttle.take(1_000_000)).toBe(true);
    throttle.reset();
    expect(throttle.take(1_000_001)).toBe(true);
    expect(throttle.take(1_000_002)).toBe(false);
  });
});
