import type { StoredCurriculum, StoredSection } from "./storedCurriculum.js";

/**
 * What a section's self-assessment asks about:
 * - "checkpoint": the section's own Checkpoint paragraph;
 * - "outcomes": the last section of a path without one, where the path's
 *   closing "what you will be able to do" list is its outcome;
 * - "objective": the section's objective (the mastery path's phases);
 * - "none": nothing written down, only the section's title.
 */
export type CheckpointPrompt =
  | { readonly source: "checkpoint" | "objective"; readonly text: string }
  | { readonly source: "outcomes"; readonly outcomes: readonly string[] }
  | { readonly source: "none" };

export function checkpointPrompt(section: StoredSection, curriculum: Pick<StoredCurriculum, "sections" | "outcomes">): CheckpointPrompt {
  const checkpoint = section.checkpoint?.trim() ?? "";
  // A phase whose checkpoint is its Objective (the mastery path's) is asked about as its aim.
  if (checkpoint !== "") return { source: checkpoint === section.summary.trim() ? "objective" : "checkpoint", text: checkpoint };
  const last = curriculum.sections.reduce<StoredSection | null>(
    (latest, candidate) => (latest === null || candidate.position > latest.position ? candidate : latest),
    null,
  );
  const outcomes = curriculum.outcomes.map((outcome) => outcome.trim()).filter((outcome) => outcome !== "");
  if (last?.id === section.id && outcomes.length > 0) return { source: "outcomes", outcomes };
  const objective = section.summary.trim();
  if (objective !== "") return { source: "objective", text: objective };
  return { source: "none" };
}
