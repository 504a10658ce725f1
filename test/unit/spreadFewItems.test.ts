import { describe, expect, it } from "vitest";
import { balanceItems, spreadFewItems } from "../../src/domain/schedule/balanceItems.js";
import { seededRandom } from "../helpers/planFixtures.js";

/**
 * Plan rule 2 for fewer items than days, by brute force: every strictly increasing choice of days, compared by
 * (1) the heaviest day of the section (base loads included), (2) the sum of squared day loads, (3) the distance
 * Σ |day − ⌊i·days/items⌋| from rule 1's spacing, (4) the earliest days, item by item.
 */
function bruteForce(weights: readonly number[], bases: readonly number[]): number[] {
  const itemCount = weights.length;
  const dayCount = bases.length;
  const best: { key: number[]; days: number[] }[] = []; // the best so far, or none yet
  const days: number[] = [];
  const visit = (item: number, firstDay: number): void => {
    if (item === itemCount) {
      const loads = [...bases];
      days.forEach((day, index) => (loads[day] = (loads[day] ?? 0) + (weights[index] ?? 0)));
      const heaviest = Math.max(...loads);
      const squares = loads.reduce((sum, load) => sum + load * load, 0);
      const distance = days.reduce((sum, day, index) => sum + Math.abs(day - Math.floor((index * dayCount) / itemCount)), 0);
      const key = [heaviest, squares, distance, ...days];
      const known = best[0];
      const at = known === undefined ? -1 : key.findIndex((value, index) => value !== known.key[index]);
      if (known === undefined || (at >= 0 && (key[at] ?? 0) < (known.key[at] ?? 0))) best[0] = { key, days: [...days] };
      return;
    }
    for (let day = firstDay; day <= dayCount - (itemCount - item); day += 1) {
      days.push(day);
      visit(item + 1, day + 1);
      days.pop();
    }
  };
  visit(0, 0);
  const found = best[0];
  if (found === undefined) throw new Error("no placement");
  return found.days;
}

describe("plan rule 2: a section with fewer items than study days", () => {
  it("matches the brute-force reference on thousands of small random inputs", () => {
    const random = seededRandom(20261207);
    const int = (limit: number) => Math.floor(random() * limit);
    for (let run = 0; run < 4_000; run += 1) {
      const dayCount = 2 + int(10);
      const itemCount = 1 + int(dayCount - 1);
      const scale = [1, 3, 15, 30, 60][int(5)] ?? 1;
      const weights = Array.from({ length: itemCount }, () => (random() < 0.1 ? 0 : int(scale + 1)));
      if (random() < 0.2) weights[int(itemCount)] = scale * (2 + int(6));
      // Base loads: free days, days as loaded as an item, and some far heavier (another section's long item).
      const bases = Array.from({ length: dayCount }, () => (random() < 0.5 ? 0 : random() < 0.8 ? int(scale + 1) : scale * (1 + int(8))));
      const input = JSON.stringify({ weights, bases });
      expect(spreadFewItems(weights, bases), input).toEqual(bruteForce(weights, bases));
      expect(balanceItems(weights, bases, 2), input).toEqual(bruteForce(weights, bases));
    }
  });

  it("keeps rule 1's days when no other section loads them, and rule 1 keeps them whatever the loads", () => {
    const random = seededRandom(5);
    for (let run = 0; run < 300; run += 1) {
      const dayCount = 2 + Math.floor(random() * 60);
      const itemCount = 1 + Math.floor(random() * (dayCount - 1));
      const weights = Array.from({ length: itemCount }, () => 5 + Math.floor(random() * 90));
      const evenly = weights.map((_, index) => Math.floor((index * dayCount) / itemCount));
      expect(balanceItems(weights, new Array<number>(dayCount).fill(0), 2)).toEqual(evenly);
      const bases = Array.from({ length: dayCount }, () => Math.floor(random() * 60));
      expect(balanceItems(weights, bases, 1)).toEqual(evenly);
    }
  });

  it("puts no item beside another while a day of the section is free (equal items, a shared week)", () => {
    // Week 2 of the overlap e2e: Alpha already on Monday and Wednesday; Beta's items go to the free days.
    expect(balanceItems([30, 30, 30], [30, 0, 30, 0, 0], 1)).toEqual([0, 1, 3]);
    expect(balanceItems([30, 30, 30], [30, 0, 30, 0, 0], 2)).toEqual([1, 3, 4]);
  });

  it("handles a section of hundreds of weeks in one pass (O(items · days))", () => {
    const dayCount = 2_600;
    const itemCount = 1_300;
    const weights = Array.from({ length: itemCount }, (_, index) => 10 + ((index * 37) % 50));
    const bases = Array.from({ length: dayCount }, (_, day) => (day % 3 === 0 ? 40 : 0));
    const days = balanceItems(weights, bases, 2);
    expect(days).toHaveLength(itemCount);
    expect(days.every((day, index) => index === 0 || day > (days[index - 1] ?? 0))).toBe(true);
    // 1,733 free days for 1,300 items: every item on a free day.
    expect(days.every((day) => day % 3 !== 0)).toBe(true);
  });
});
