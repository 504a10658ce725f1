import { ButtonStyle } from "discord.js";
import { CheckpointAnswerKind } from "../../domain/cohort/cohortModel.js";
import type { CheckpointPostView } from "../../services/PostService.js";
import { button, buttonRows, colors, escapeText, limits, truncate } from "./format.js";
import { packEmbeds, type RenderedPost } from "./postMessage.js";

/** Custom id of the self-assessment buttons: checkpoint:<cohortId>:<sectionId>:<answer>. */
export function checkpointButtonId(cohortId: number, sectionId: number, answer: CheckpointAnswerKind): string {
  return `checkpoint:${cohortId}:${sectionId}:${answer}`;
}

export const checkpointAnswerLabels: Readonly<Record<CheckpointAnswerKind, string>> = {
  confident: "Confident",
  partly: "Partly",
  not_yet: "Not yet",
};

/**
 * A section's checkpoint prompt with the three self-assessment buttons.
 * `disabled` renders them inert (for /cohort preview, where a click must not
 * record an answer).
 */
export function renderCheckpointPost(view: CheckpointPostView, options: { readonly disabled?: boolean } = {}): RenderedPost {
  const { cohort, section } = view;
  const weeks = section.weekStart === section.weekEnd ? `week ${section.weekStart}` : `weeks ${section.weekStart}–${section.weekEnd}`;
  const buttons = [
    button(checkpointButtonId(cohort.id, section.id, CheckpointAnswerKind.Confident), checkpointAnswerLabels.confident, ButtonStyle.Success),
    button(checkpointButtonId(cohort.id, section.id, CheckpointAnswerKind.Partly), checkpointAnswerLabels.partly, ButtonStyle.Primary),
    button(checkpointButtonId(cohort.id, section.id, CheckpointAnswerKind.NotYet), checkpointAnswerLabels.not_yet, ButtonStyle.Secondary),
  ].map((component) => (options.disabled === true ? { ...component, disabled: true } : component));
  const description = [
    truncate(escapeText(section.checkpoint ?? ""), 3500),
    "",
    "How confident do you feel about it? Pick an answer below. You can change it later; admins only see the totals.",
  ].join("\n");
  const messages = packEmbeds(
    {
      color: colors.success,
      title: `✅ Checkpoint · ${section.title}`,
      description: truncate(description, limits.description),
      footer: { text: `${cohort.name} · ${weeks} of ${view.totalWeeks}` },
    },
    [],
    { continuationTitle: "Checkpoint (continued)", components: buttonRows(buttons) },
  );
  return { messages, threadName: null };
}
