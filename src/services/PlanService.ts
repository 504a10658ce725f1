import type { Cohort } from "../domain/cohort/cohortModel.js";
import type { StoredCurriculum, StoredItem } from "../domain/curriculum/storedCurriculum.js";
import { buildCohortPlan } from "../domain/schedule/buildCohortPlan.js";
import type { CohortPlan, CohortSettings, PlanCurriculum } from "../domain/schedule/scheduleTypes.js";
import type { CurriculumRepository } from "../db/repositories/CurriculumRepository.js";

export interface CohortContext {
  readonly curriculum: StoredCurriculum;
  readonly planCurriculum: PlanCurriculum;
  readonly plan: CohortPlan;
  readonly itemsById: ReadonlyMap<number, StoredItem>;
}

export function toPlanCurriculum(curriculum: StoredCurriculum): PlanCurriculum {
  return {
    totalWeeks: curriculum.totalWeeks,
    sections: curriculum.sections.map((section) => ({
      key: section.key,
      title: section.title,
      weekStart: section.weekStart,
      weekEnd: section.weekEnd,
      checkpoint: section.checkpoint,
      position: section.position,
      items: section.items.map((item) => ({
        id: item.id,
        key: item.key,
        title: item.title,
        kind: item.kind,
        minutes: item.minutes,
        sectionKey: section.key,
        position: item.position,
      })),
    })),
  };
}

const maxCachedPlans = 500;
/** Other bot processes may re-import a curriculum; cached copies expire after this. */
const curriculumCacheMs = 30_000;

/**
 * The plan is a pure function of (curriculum, settings); this caches both
 * the loaded curriculum and the plan so a /today costs no recomputation.
 * Cache keys include the curriculum's content hash, so a re-import is seen.
 */
export class PlanService {
  private readonly curricula = new Map<number, { loadedAt: number; curriculum: StoredCurriculum; planCurriculum: PlanCurriculum; itemsById: Map<number, StoredItem> }>();
  private readonly plans = new Map<string, CohortPlan>();

  constructor(private readonly curriculumRepository: CurriculumRepository) {}

  /** Drops cached data of a curriculum, after an import changed it. */
  invalidate(curriculumId: number): void {
    this.curricula.delete(curriculumId);
    for (const key of this.plans.keys()) if (key.startsWith(`${curriculumId}|`)) this.plans.delete(key);
  }

  async contextFor(cohort: Cohort): Promise<CohortContext> {
    return this.contextForSettings(cohort.curriculumId, cohort.settings);
  }

  async contextForSettings(curriculumId: number, settings: CohortSettings): Promise<CohortContext> {
    let cached = this.curricula.get(curriculumId);
    if (cached !== undefined && Date.now() - cached.loadedAt > curriculumCacheMs) {
      this.invalidate(curriculumId);
      cached = undefined;
    }
    if (cached === undefined) {
      const curriculum = await this.curriculumRepository.load(curriculumId);
      if (curriculum === null) throw new Error(`curriculum ${curriculumId} is missing`);
      const itemsById = new Map<number, StoredItem>();
      for (const section of curriculum.sections) for (const item of section.items) itemsById.set(item.id, item);
      cached = { loadedAt: Date.now(), curriculum, planCurriculum: toPlanCurriculum(curriculum), itemsById };
      this.curricula.set(curriculumId, cached);
    }
    const key = `${curriculumId}|${JSON.stringify(settings)}`;
    let plan = this.plans.get(key);
    if (plan === undefined) {
      plan = buildCohortPlan(cached.planCurriculum, settings);
      if (this.plans.size >= maxCachedPlans) {
        const oldest = this.plans.keys().next();
        if (oldest.done !== true) this.plans.delete(oldest.value);
      }
      this.plans.set(key, plan);
    }
    return { curriculum: cached.curriculum, planCurriculum: cached.planCurriculum, plan, itemsById: cached.itemsById };
  }
}
