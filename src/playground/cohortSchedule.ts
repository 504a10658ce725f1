import type { Cohort } from "../domain/cohort/cohortModel.js";
import { buildCohortPlan } from "../domain/schedule/buildCohortPlan.js";
import { plannedPosts } from "../domain/schedule/plannedPosts.js";
import type { CohortPlan, PlanCurriculum, PlannedPost } from "../domain/schedule/scheduleTypes.js";
import type { Services } from "../services/Services.js";
import { toPlanCurriculum } from "../services/PlanService.js";

export interface CohortSchedule {
  readonly plan: CohortPlan;
  readonly curriculum: PlanCurriculum;
  /** Every post the scheduler will make for the cohort, in due order. */
  readonly posts: readonly PlannedPost[];
}

/** The cohort's plan and posts, computed from its current settings as the scheduler does. */
export async function cohortSchedule(services: Services, cohort: Cohort): Promise<CohortSchedule> {
  const summary = (await services.curricula.list(cohort.guildId)).find((candidate) => candidate.id === cohort.curriculumId);
  const stored = summary === undefined ? null : await services.curricula.show(summary.slug, cohort.guildId);
  if (stored === null) throw new Error(`curriculum ${cohort.curriculumId} of cohort ${cohort.id} is missing`);
  const curriculum = toPlanCurriculum(stored);
  const plan = buildCohortPlan(curriculum, cohort.settings);
  return { plan, curriculum, posts: plannedPosts(plan, curriculum, cohort.settings) };
}

/** "Week 3 assignment", "Checkpoint: Database Fundamentals", "Closing post". */
export function describePost(post: PlannedPost, curriculum: PlanCurriculum): string {
  switch (post.kind) {
    case "week":
      return `Week ${post.weekNumber ?? "?"} assignment`;
    case "checkpoint": {
      const section = curriculum.sections.find((candidate) => candidate.key === post.sectionKey);
      return `Checkpoint: ${section?.title ?? post.sectionKey ?? "section"}`;
    }
    case "closing":
      return "Closing post";
  }
}
