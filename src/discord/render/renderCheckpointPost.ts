import { ButtonStyle } from "discord.js";
import { CheckpointAnswerKind } from "../../domain/cohort/cohortModel.js";
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

/** The prompt: a phase whose checkpoint is its Objective (the 36-week path's) is framed as its aim, as `/checkpoint` does. */
function postPromptText(t: Translator, section: CheckpointPostView["section"]): string {
  const text = section.checkpoint?.trim() ?? "";
  if (text !== "" && text === section.summary.trim()) return t.t("checkpoint.objective", { text });
  return t.user(section.checkpoint ?? "");
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
  const description = [truncate(postPromptText(t, section), 3500), "", t.t("checkpoint.postAsk")].join("\n");
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
