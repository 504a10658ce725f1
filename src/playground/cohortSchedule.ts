import type { Cohort } from "../domain/cohort/cohortModel.js";
import type { CohortPlan, PlanCurriculum, PlannedPost } from "../domain/schedule/scheduleTypes.js";
import type { Services } from "../services/Services.js";

export interface CohortSchedule {
  readonly plan: CohortPlan;
  readonly curriculum: PlanCurriculum;
  /** Every post the scheduler will make for the cohort, in due order. */
  readonly posts: readonly PlannedPost[];
}

/** The cohort's plan and posts, exactly as the scheduler computes them (PostService). */
export async function cohortSchedule(services: Services, cohort: Cohort): Promise<CohortSchedule> {
  return services.posts.plannedCourse(cohort);
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
