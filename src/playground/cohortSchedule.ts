import type { Cohort } from "../domain/cohort/cohortModel.js";
import type { CohortPlan, PlanCurriculum, PlannedPost } from "../domain/schedule/scheduleTypes.js";
import type { Translator } from "../discord/i18n/Translator.js";
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

/** "Week 3 assignment", "Checkpoint: Database Fundamentals", "Closing post", in the translator's language. */
export function describePost(post: PlannedPost, curriculum: PlanCurriculum, translator: Translator): string {
  switch (post.kind) {
    case "week":
      return translator.plain("playground.clock.weekPost", { week: post.weekNumber ?? "?" });
    case "checkpoint": {
      const section = curriculum.sections.find((candidate) => candidate.key === post.sectionKey);
      return translator.plain("playground.clock.checkpointPost", { section: section?.title ?? post.sectionKey ?? "?" });
    }
    case "closing":
      return translator.plain("playground.clock.closingPost");
  }
}
