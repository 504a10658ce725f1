import { describe, expect, it } from "vitest";
import { completionShare, completionsIn, minutesRead } from "../../src/domain/scoring/completionShare.js";

describe("completionShare", () => {
  it("is completions of the items over members × items, in percent", () => {
    const counts = new Map([
      [1, 4],
      [2, 2],
    ]);
    // 4 members, items 1–3: 6 of 12 possible completions.
    expect(completionShare(counts, [1, 2, 3], 4)).toBe(50);
  });

  it("is 0 without items or members, and never above 100", () => {
    expect(completionShare(new Map([[1, 3]]), [], 3)).toBe(0);
    expect(completionShare(new Map([[1, 3]]), [1], 0)).toBe(0);
    // More completions than members (counts of members who left meanwhile) are capped.
    expect(completionShare(new Map([[1, 9]]), [1], 3)).toBe(100);
  });
});

describe("minutesRead", () => {
  it("counts each completion at its item's estimate, and nothing for items without one", () => {
    const counts = new Map([
      [1, 3],
      [2, 2],
    ]);
    expect(minutesRead(counts, (id) => (id === 1 ? 30 : null))).toBe(90);
  });
});

describe("completionsIn", () => {
  it("counts every completion, estimated or not", () => {
    expect(
      completionsIn(
        new Map([
          [1, 3],
          [2, 2],
        ]),
      ),
    ).toBe(5);
    expect(completionsIn(new Map())).toBe(0);
  });
});
