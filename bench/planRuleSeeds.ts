/**
 * The built-in paths (prisma/seed/) under plan rule 1 and plan rule 2: how many items move, the busiest day, and
 * how many days hold two or more items while a day of the same week is free. Run with
 * `npx tsx bench/planRuleSeeds.ts`; prints one line per path, optional setting and study-day set.
 */
import { readFileSync } from "node:fs";
import { parseCurriculum } from "../src/domain/curriculum/parse/parseCurriculum.js";
import { buildCohortPlan } from "../src/domain/schedule/buildCohortPlan.js";
import { estimatedMinutes } from "../src/domain/schedule/estimatedMinutes.js";
import { toPlanCurriculum } from "../test/helpers/planFixtures.js";
import { DEFAULT_COHORT_SETTINGS, type CohortPlan, type PlanCurriculum, type PlanRule } from "../src/domain/schedule/scheduleTypes.js";

function seed(name: string): PlanCurriculum {
  const result = parseCurriculum(readFileSync(new URL(`../prisma/seed/${name}`, import.meta.url), "utf8"));
  if (!result.ok) throw new Error(`seed ${name} does not parse`);
  return toPlanCurriculum(result.curriculum);
}

interface Shape {
  /** The heaviest day as the balancer weighs it (items without an estimate at their fixed weight). */
  readonly busiestWeight: number;
  readonly busiestMinutes: number;
  readonly mostItems: number;
  /** Days with two or more items in a week that also has a day without any. */
  readonly doubledBesideFree: number;
  readonly weeksWithThem: readonly number[];
}

function shapeOf(plan: CohortPlan): Shape {
  let busiestWeight = 0;
  let busiestMinutes = 0;
  let mostItems = 0;
  let doubledBesideFree = 0;
  const weeksWithThem: number[] = [];
  for (const week of plan.weeks) {
    const counts = week.days.map((day) => day.items.length);
    const doubled = counts.some((count) => count === 0) ? counts.filter((count) => count > 1).length : 0;
    if (doubled > 0) weeksWithThem.push(week.number);
    doubledBesideFree += doubled;
    for (const day of week.days) {
      busiestWeight = Math.max(
        busiestWeight,
        day.items.reduce((sum, item) => sum + estimatedMinutes(item), 0),
      );
      busiestMinutes = Math.max(busiestMinutes, day.minutes);
      mostItems = Math.max(mostItems, day.items.length);
    }
  }
  return { busiestWeight, busiestMinutes, mostItems, doubledBesideFree, weeksWithThem };
}

const describeShape = (shape: Shape): string =>
  `busiest ${shape.busiestMinutes} min (weight ${shape.busiestWeight}, ${shape.mostItems} items), ` +
  `${shape.doubledBesideFree} doubled days beside a free day${shape.weeksWithThem.length > 0 ? ` (weeks ${shape.weeksWithThem.join(", ")})` : ""}`;

const studyDaySets = [
  [1, 2, 3, 4, 5],
  [1, 3, 5],
  [6, 7],
  [1, 2, 3, 4, 5, 6, 7],
];
for (const name of ["backend-engineer-learning-path.txt", "backend-engineer-mastery-path.txt"]) {
  const curriculum = seed(name);
  for (const studyDays of studyDaySets) {
    for (const includeOptional of [false, true]) {
      const plans = ([1, 2] as PlanRule[]).map((planRule) =>
        buildCohortPlan(curriculum, { ...DEFAULT_COHORT_SETTINGS, startDate: "2027-03-01", studyDays, includeOptional, planRule }),
      );
      const [before, after] = plans as [CohortPlan, CohortPlan];
      let moved = 0;
      for (const [id, date] of before.assignedDateByItemId) if (after.assignedDateByItemId.get(id) !== date) moved += 1;
      process.stdout.write(
        `${name} days ${studyDays.join("")} optional ${String(includeOptional).padEnd(5)}: ${moved} of ${before.assignedDateByItemId.size} items moved\n` +
          `  rule 1: ${describeShape(shapeOf(before))}\n  rule 2: ${describeShape(shapeOf(after))}\n`,
      );
    }
  }
}
