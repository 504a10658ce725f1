import { describe, expect, it } from "vitest";
import { autoDeferDelay } from "../../src/discord/autoDeferDelay.js";

const created = 1_800_000_000_000;

describe("autoDeferDelay", () => {
  it("gives a fresh interaction until it is 1.5 s old", () => {
    expect(autoDeferDelay(created, created)).toBe(1500);
    expect(autoDeferDelay(created + 200, created)).toBe(1300);
  });

  it("defers at once an interaction that waited in line past 1.5 s", () => {
    expect(autoDeferDelay(created + 1500, created)).toBe(0);
    expect(autoDeferDelay(created + 2900, created)).toBe(0);
  });

  it("falls back to 2 s from now when the clocks disagree", () => {
    // The interaction looks as if it came from the future, or is older than the whole window.
    expect(autoDeferDelay(created - 5000, created)).toBe(2000);
    expect(autoDeferDelay(created + 60_000, created)).toBe(2000);
  });
});
