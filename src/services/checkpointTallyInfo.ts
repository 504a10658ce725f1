import type { CheckpointTallyRepository } from "../db/repositories/CheckpointTallyRepository.js";
import type { CohortInfoExtension } from "./CohortInfoService.js";

/** Discord allows 1,024 characters in a field value. */
const maxFieldValue = 1024;

/**
 * /cohort info: how the cohort's members rated themselves at each section's
 * checkpoint (the buttons under the checkpoint prompts), as totals per section.
 */
export function checkpointTallyInfo(tallies: CheckpointTallyRepository): CohortInfoExtension {
  return async (cohort, context) => {
    const sections = context.curriculum.sections.filter((section) => section.checkpoint !== null && section.checkpoint.trim() !== "");
    if (sections.length === 0) return [];
    const counts = await tallies.countsForCohort(cohort.id);
    const lines = sections.flatMap((section) => {
      const count = counts.get(section.id);
      if (count === undefined) return [];
      // Section titles come from curricula; keep them from formatting anything.
      const title = section.title.replace(/[\\*_~`|]/g, (character) => `\\${character}`);
      return [`${title}: Confident ${count.confident} · Partly ${count.partly} · Not yet ${count.not_yet}`];
    });
    let value = lines.length === 0 ? "No answers yet." : "";
    for (const [index, line] of lines.entries()) {
      const more = `\n…and ${lines.length - index} more sections`;
      if (value.length + line.length + 1 + more.length > maxFieldValue) {
        value += more;
        break;
      }
      value += `${value === "" ? "" : "\n"}${line}`;
    }
    return [{ name: "Checkpoint self-assessments", value }];
  };
}
