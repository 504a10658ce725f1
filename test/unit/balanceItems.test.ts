import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCurriculum } from "../../src/domain/curriculum/parse/parseCurriculum.js";
import { balanceItems } from "../../src/domain/schedule/balanceItems.js";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
import {
  DEFAULT_COHORT_SETTINGS,
  type CohortSettings,
  type PlanCurriculum,
  type PlanRule,
} from "../../src/domain/schedule/scheduleTypes.js";
import { toPlanCurriculum } from "../helpers/planFixtures.js";
import { referenceBalanceItems } from "../helpers/referenceBalanceItems.js";

/** mulberry32: reproducible random inputs. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function seed(name: string): PlanCurriculum {
  const result = parseCurriculum(readFileSync(new URL(`../../prisma/seed/${name}`, import.meta.url), "utf8"));
  if (!result.ok) throw new Error(`seed ${name} does not parse`);
  return toPlanCurriculum(result.curriculum);
}

describe("balanceItems matches the original O(days · items²) programme", () => {
  it("on thousands of random small inputs: zero weights, heavy items, shared days already loaded", () => {
    const random = seededRandom(20261203);
    const int = (limit: number) => Math.floor(random() * limit);
    for (let run = 0; run < 6_000; run += 1) {
      const dayCount = 1 + int(9);
      const itemCount = 1 + int(16);
      const scale = [1, 3, 15, 60, 240][int(5)] ?? 1;
      const weights = Array.from({ length: itemCount }, () => (random() < 0.1 ? 0 : int(scale + 1)));
      if (random() < 0.2) weights[int(itemCount)] = scale * (2 + int(10)); // one item far longer than the rest
      const bases = Array.from({ length: dayCount }, () => (random() < 0.5 ? 0 : int(2 * scale + 1)));
      const input = JSON.stringify({ weights, bases });
      expect(balanceItems(weights, bases, 1), input).toEqual(referenceBalanceItems(weights, bases));
      // Rule 2 differs only with fewer items than days.
      if (itemCount >= dayCount) expect(balanceItems(weights, bases, 2), input).toEqual(referenceBalanceItems(weights, bases));
    }
  });

  it("on larger inputs where the corridor of possible splits is wide", () => {
    const random = seededRandom(7);
    for (let run = 0; run < 40; run += 1) {
      const dayCount = 5 + Math.floor(random() * 40);
      const itemCount = dayCount + Math.floor(random() * 60);
      const weights = Array.from({ length: itemCount }, () => (random() < 0.3 ? 15 : 5 + Math.floor(random() * 90)));
      if (run % 2 === 0) weights[Math.floor(random() * itemCount)] = 600;
      const bases = Array.from({ length: dayCount }, () => (random() < 0.7 ? 0 : Math.floor(random() * 120)));
      expect(balanceItems(weights, bases, 1)).toEqual(referenceBalanceItems(weights, bases));
      expect(balanceItems(weights, bases, 2)).toEqual(referenceBalanceItems(weights, bases));
    }
  });

  it("above the exact-search budget keeps rule 1 exactly and stays within the band rule for 2–3", () => {
    const random = seededRandom(99);
    const loads = (dayOfItem: readonly number[], weights: readonly number[], bases: readonly number[]) => {
      const result = [...bases];
      dayOfItem.forEach((day, index) => (result[day] = (result[day] ?? 0) + (weights[index] ?? 0)));
      return result;
    };
    for (let run = 0; run < 300; run += 1) {
      const dayCount = 2 + Math.floor(random() * 30);
      const itemCount = dayCount + Math.floor(random() * 80);
      const weights = Array.from({ length: itemCount }, () => 5 + Math.floor(random() * 80));
      const bases = Array.from({ length: dayCount }, () => (random() < 0.6 ? 0 : Math.floor(random() * 90)));
      const banded = balanceItems(weights, bases, 2, 0);
      const exact = referenceBalanceItems(weights, bases);
      // Every day holds a non-empty run, in order.
      expect(new Set(banded).size).toBe(dayCount);
      expect(banded.every((day, index) => index === 0 || day >= (banded[index - 1] ?? 0))).toBe(true);
      const bandedLoads = loads(banded, weights, bases);
      const exactLoads = loads(exact, weights, bases);
      expect(Math.max(...bandedLoads)).toBe(Math.max(...exactLoads));
      const squares = (values: number[]) => values.reduce((sum, value) => sum + value * value, 0);
      expect(squares(bandedLoads)).toBeGreaterThanOrEqual(squares(exactLoads));
      // With a band wider than the whole problem the search is exact again.
      if (itemCount - dayCount < 24) expect(banded).toEqual(exact);
    }
  });

  const studyDaySets = [[1, 2, 3, 4, 5], [1, 3, 5], [5, 1, 3], [6, 7], [2, 4], [1, 2, 3, 4, 5, 6, 7], [3]];
  const startDates = ["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05", "2027-03-06", "2027-03-07"];
  for (const name of ["backend-engineer-learning-path.txt", "backend-engineer-mastery-path.txt"]) {
    it(`gives the same plan of ${name} under plan rule 1 for every study-day set, start weekday and optional setting`, () => {
      const curriculum = seed(name);
      let calls = 0;
      const compareEachCall = (weights: readonly number[], bases: ArrayLike<number>, planRule: PlanRule): number[] => {
        calls += 1;
        expect(planRule).toBe(1);
        const fast = balanceItems(weights, bases, planRule);
        expect(fast).toEqual(referenceBalanceItems(weights, bases));
        return fast;
      };
      for (const studyDays of studyDaySets) {
        for (const startDate of startDates) {
          for (const includeOptional of [false, true]) {
            const settings: CohortSettings = { ...DEFAULT_COHORT_SETTINGS, studyDays, startDate, includeOptional, planRule: 1 };
            const fast = buildCohortPlan(curriculum, settings, compareEachCall);
            const reference = buildCohortPlan(curriculum, settings, referenceBalanceItems);
            expect(fast).toEqual(reference);
          }
        }
      }
      expect(calls).toBeGreaterThan(studyDaySets.length * startDates.length * 2 * 5);
    });
  }
});
