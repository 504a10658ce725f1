import { ButtonStyle } from "discord.js";
import { CheckpointAnswerKind } from "../../domain/cohort/cohortModel.js";
import type { CheckpointPrompt } from "../../domain/curriculum/checkpointPrompt.js";
import type { CheckpointPostView } from "../../services/PostService.js";
import { weeksText } from "../i18n/formatters.js";
import type { Translator } from "../i18n/Translator.js";
import { button, buttonRows, colors, limits, truncate } from "./format.js";
import { packEmbeds, type RenderedPost } from "./postMessage.js";

/** Custom id of the self-assessment buttons: checkpoint:<cohortId>:<sectionId>:<answer>. */
export function checkpointButtonId(cohortId: number, sectionId: number, answer: CheckpointAnswerKind): string {
  return `checkpoint:${cohortId}:${sectionId}:${answer}`;
}

/** "Confident", "Partly", "Not yet" in the translator's language. */
export function checkpointAnswerLabel(t: Translator, answer: CheckpointAnswerKind): string {
  return t.plain(`checkpoint.answer.${answer}`);
}

/** "Cohort · weeks 3–4 of 12": plain text for footers. */
export function checkpointFooter(
  t: Translator,
  cohortName: string,
  section: { weekStart: number; weekEnd: number },
  totalWeeks: number,
): string {
  return t.plain("checkpoint.footer", { cohort: cohortName, weeks: weeksText(t, section.weekStart, section.weekEnd), total: totalWeeks });
}

/** What a checkpoint asks about (checkpointPrompt), as /checkpoint and the channel's checkpoint post both word it. */
export function checkpointPromptText(t: Translator, prompt: CheckpointPrompt, sectionTitle: string): string {
  switch (prompt.source) {
    case "checkpoint":
      return t.user(prompt.text);
    case "objective":
      return t.t("checkpoint.objective", { text: prompt.text });
    case "outcomes":
      return [t.t("checkpoint.outcomesIntro"), ...prompt.outcomes.map((outcome) => t.t("checkpoint.outcome", { text: outcome }))].join(
        "\n",
      );
    case "none":
      return t.t("checkpoint.noText", { section: sectionTitle });
  }
}

/**
 * A section's checkpoint prompt with the three self-assessment buttons.
 * `disabled` renders them inert (for /cohort preview, where a click must not
 * record an answer).
 */
export function renderCheckpointPost(t: Translator, view: CheckpointPostView, options: { readonly disabled?: boolean } = {}): RenderedPost {
  const { cohort, section } = view;
  const styles = { confident: ButtonStyle.Success, partly: ButtonStyle.Primary, not_yet: ButtonStyle.Secondary } as const;
  const buttons = Object.values(CheckpointAnswerKind)
    .map((answer) => button(checkpointButtonId(cohort.id, section.id, answer), checkpointAnswerLabel(t, answer), styles[answer]))
    .map((component) => (options.disabled === true ? { ...component, disabled: true } : component));
  const description = [truncate(checkpointPromptText(t, view.prompt, section.title), 3500), "", t.t("checkpoint.postAsk")].join("\n");
  const messages = packEmbeds(
    {
      color: colors.success,
      title: t.t("checkpoint.title", { section: section.title }),
      description: truncate(description, limits.description),
      footer: { text: checkpointFooter(t, cohort.name, section, view.totalWeeks) },
    },
    [],
    { continuationTitle: t.plain("checkpoint.continued"), components: buttonRows(buttons) },
  );
  return { messages, threadName: null };
}
