/**
 * A cohort plan rebuilt from the days its balancing chose. Why: balancing is
 * most of a big plan's cost, and a plan is a graph of Maps and objects that
 * costs as much to copy between threads as to build. A worker balances and
 * hands back one typed array (transferred, not copied); the thread that needs
 * the plan replays those choices, which assembles the same plan, object
 * sharing with the curriculum included, in a fraction of the time.
 */
import { balanceItems } from "./balanceItems.js";
import { buildCohortPlan, type ItemBalancer } from "./buildCohortPlan.js";
import type { CohortPlan, CohortSettings, PlanCurriculum } from "./scheduleTypes.js";

/**
 * How much building the plan costs, in the units PlanService weighs plans by:
 * items plus study days. The 12-week seed is about 250, the 520-week maximum
 * about 9,000 (roughly 4 µs of CPU per unit there).
 */
export function planWork(curriculum: PlanCurriculum, settings: Pick<CohortSettings, "studyDays">): number {
  let items = 0;
  for (const section of curriculum.sections) items += section.items.length;
  return items + curriculum.totalWeeks * new Set(settings.studyDays).size;
}

/** Every day `balanceItems` chooses while building the plan, section after section, in the order `buildCohortPlan` asks. */
export function recordBalancing(curriculum: PlanCurriculum, settings: CohortSettings): Int32Array<ArrayBuffer> {
  const chosen: number[] = [];
  buildCohortPlan(curriculum, settings, (weights, dayBaseLoads, planRule) => {
    const days = balanceItems(weights, dayBaseLoads, planRule);
    for (const day of days) chosen.push(day);
    return days;
  });
  return Int32Array.from(chosen);
}

/** The plan `buildCohortPlan(curriculum, settings)` gives, its balancing taken from `recordBalancing` of the same inputs. */
export function replayBalancing(curriculum: PlanCurriculum, settings: CohortSettings, chosen: Int32Array): CohortPlan {
  let next = 0;
  const replay: ItemBalancer = (weights) => {
    if (next + weights.length > chosen.length) throw new Error("The recorded balancing is shorter than the plan (other inputs?)");
    const days = Array.from(chosen.subarray(next, next + weights.length));
    next += weights.length;
    return days;
  };
  const plan = buildCohortPlan(curriculum, settings, replay);
  if (next !== chosen.length) throw new Error("The recorded balancing is longer than the plan (other inputs?)");
  return plan;
}
