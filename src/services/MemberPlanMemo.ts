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
/** One cohort plan's member plans: those built, and those being built (concurrent misses share one build). */
interface MemberPlansOf {
  readonly built: WeightedLruCache<string, MemberPlan>;
  readonly building: Map<string, Promise<MemberPlan>>;
}

export class MemberPlanMemo {
  private readonly byCohortPlan = new WeakMap<CohortPlan, MemberPlansOf>();

  async planOf(input: MemberPlanInput, build: MemberPlanBuild = buildInline): Promise<MemberPlan> {
    let plans = this.byCohortPlan.get(input.basePlan);
    if (plans === undefined) {
      plans = { built: new WeightedLruCache(maxPlansPerCohortPlan), building: new Map() };
      this.byCohortPlan.set(input.basePlan, plans);
    }
    const { built, building } = plans;
    const key = JSON.stringify([input.breakWeeks, input.joinedOn, input.optionalFrom ?? null, input.adjustments, input.personalBreaks]);
    const known = built.get(key);
    if (known !== undefined) return known;
    return shareInFlight(building, key, async () => {
      const plan = await build(input);
      built.set(key, plan);
      return plan;
    });
  }
}
