import type { CheckpointTallyRepository } from "../db/repositories/CheckpointTallyRepository.js";
import type { CohortInfoExtension } from "./CohortInfoService.js";

/**
 * /cohort info: how the cohort's members rated themselves at each section's
 * checkpoint (the buttons under the checkpoint prompts), as totals per section.
 */
export function checkpointTallyInfo(tallies: CheckpointTallyRepository): CohortInfoExtension {
  return async (cohort, context) => {
    // Every section counts, as in the confidence map: `/checkpoint` also asks about one without a checkpoint paragraph
    // (the path's last section, by its outcomes; a phase by its aim), which the scheduler never posts.
    const { sections } = context.curriculum;
    if (sections.length === 0) return [];
    const counts = await tallies.countsForCohort(cohort.id);
    const answered = sections.flatMap((section) => {
      const count = counts.get(section.id);
      return count === undefined
        ? []
        : [{ sectionTitle: section.title, confident: count.confident, partly: count.partly, notYet: count.not_yet }];
    });
    return [{ kind: "checkpointTallies", sections: answered }];
  };
}
