import type { CohortPlan } from "../domain/schedule/scheduleTypes.js";
import { buildMemberPlan, type MemberPlan, type MemberPlanInput } from "../domain/schedule/memberPlan.js";
import { shareInFlight } from "../shared/shareInFlight.js";
import { WeightedLruCache } from "../shared/WeightedLruCache.js";

/** Distinct member plans kept per cohort plan; the least recently used go first. */
const maxPlansPerCohortPlan = 256;

/** Builds a member plan on a miss: `PlanService.memberPlan` (on the worker for big cohorts), or inline. */
export type MemberPlanBuild = (input: MemberPlanInput) => Promise<MemberPlan>;

const buildInline: MemberPlanBuild = (input) => Promise.resolve().then(() => buildMemberPlan(input));

/**
 * `buildMemberPlan` remembered by its inputs. Why: every /today and /done
 * builds the member's plan (a few hundred items, every due date worked out),
 * while most members of a cohort have no adjustments or breaks and share one
 * plan. Nothing can go stale: the key is the whole input (the cohort plan by
 * identity, the rest by value), and a cohort plan PlanService drops takes its
 * member plans with it (a WeakMap). Concurrent misses of one plan share its build.
 */
export class MemberPlanMemo {
  private readonly byCohortPlan = new WeakMap<CohortPlan, WeightedLruCache<string, MemberPlan>>();
  private readonly buildingByCohortPlan = new WeakMap<CohortPlan, Map<string, Promise<MemberPlan>>>();

  async planOf(input: MemberPlanInput, build: MemberPlanBuild = buildInline): Promise<MemberPlan> {
    let plans = this.byCohortPlan.get(input.basePlan);
    if (plans === undefined) {
      plans = new WeightedLruCache(maxPlansPerCohortPlan);
      this.byCohortPlan.set(input.basePlan, plans);
    }
    const key = JSON.stringify([input.breakWeeks, input.joinedOn, input.adjustments, input.personalBreaks]);
    const known = plans.get(key);
    if (known !== undefined) return known;
    const kept = plans;
    return shareInFlight(this.buildingOf(input.basePlan), key, async () => {
      const plan = await build(input);
      kept.set(key, plan);
      return plan;
    });
  }

  private buildingOf(basePlan: CohortPlan): Map<string, Promise<MemberPlan>> {
    let building = this.buildingByCohortPlan.get(basePlan);
    if (building === undefined) {
      building = new Map();
      this.buildingByCohortPlan.set(basePlan, building);
    }
    return building;
  }
}
