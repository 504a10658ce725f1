import { describe, expect, it } from "vitest";
import { WeightedLruCache } from "../../src/shared/WeightedLruCache.js";

describe("WeightedLruCache", () => {
  it("stays within its weight, dropping the least recently used first", () => {
    const cache = new WeightedLruCache<string, number>(10);
    cache.set("a", 1, 4);
    cache.set("b", 2, 4);
    expect(cache.get("a")).toBe(1); // a is now the most recently used
    cache.set("c", 3, 4);
    expect(cache.weight).toBeLessThanOrEqual(10);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    cache.set("huge", 4, 50); // larger than the budget: kept alone, as the newest
    expect(cache.size).toBe(1);
    expect(cache.get("huge")).toBe(4);
  });

  it("bounds the number of entries with the default weight of 1, keeping the most recently read", () => {
    const cache = new WeightedLruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.get("a");
    cache.set("c", 3);
    expect([cache.size, cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([2, 1, undefined, 3]);
  });

  it("drops exactly the entries a predicate matches", () => {
    const cache = new WeightedLruCache<string, number>(10);
    for (const key of ["a1", "a2", "b1"]) cache.set(key, 1, 2);
    cache.deleteWhere((key) => key.startsWith("a"));
    expect([cache.size, cache.weight, cache.get("b1")]).toEqual([1, 2, 1]);
  });
});
