import { describe, expect, it } from "vitest";
import { BatchedReads } from "../../src/scheduler/BatchedReads.js";

describe("BatchedReads", () => {
  it("shares one read among keys asked side by side, and reads again for a key asked during a read", async () => {
    const reads: number[][] = [];
    let release: () => void = () => undefined;
    const reader = new BatchedReads<number, string>(async (keys) => {
      reads.push([...keys]);
      if (reads.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return new Map(keys.filter((key) => key !== 3).map((key) => [key, `cohort ${key}`]));
    });
    const first = [reader.get(1), reader.get(2), reader.get(1)];
    await new Promise((resolve) => setImmediate(resolve));
    const during = reader.get(3);
    release();
    expect(await Promise.all(first)).toEqual(["cohort 1", "cohort 2", "cohort 1"]);
    expect(await during).toBeUndefined();
    expect(reads).toEqual([[1, 2], [3]]);
  });

  it("rejects the asks of a failed read, and reads again for later ones", async () => {
    let fail = true;
    const reader = new BatchedReads<number, string>(async (keys) => {
      if (fail) throw new Error("database busy");
      return new Map(keys.map((key) => [key, `cohort ${key}`]));
    });
    await expect(reader.get(1)).rejects.toThrow("database busy");
    fail = false;
    expect(await reader.get(1)).toBe("cohort 1");
  });
});
