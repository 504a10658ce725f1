import { ButtonStyle, type APIEmbed } from "discord.js";
import { CheckpointAnswerKind } from "../../domain/cohort/cohortModel.js";
import { messages } from "../../messages.js";
import type { CheckpointAnswerView, CheckpointView } from "../../services/CheckpointService.js";
import type { Reply } from "../commandTypes.js";
import { button, buttonRows, colors, escapeText, limits, truncate } from "./format.js";
import { checkpointAnswerLabels, checkpointButtonId } from "./renderCheckpointPost.js";

const answerStyles = {
  confident: ButtonStyle.Success,
  partly: ButtonStyle.Primary,
  not_yet: ButtonStyle.Secondary,
} as const satisfies Record<CheckpointAnswerKind, ButtonStyle>;

function promptText(view: CheckpointView): string {
  const prompt = view.prompt;
  switch (prompt.source) {
    case "checkpoint":
      return escapeText(prompt.text);
    case "objective":
      return `${messages.checkpoint.objectiveIntro} ${escapeText(prompt.text)}`;
    case "outcomes":
      return [messages.checkpoint.outcomesIntro, ...prompt.outcomes.map((outcome) => `• ${escapeText(outcome)}`)].join("\n");
    case "none":
      return messages.checkpoint.noText(view.section.title);
  }
}

/** `/checkpoint`: the current section's checkpoint with the three self-assessment buttons. */
export function renderCheckpoint(view: CheckpointView): Reply {
  const { cohort, section } = view;
  const weeks = section.weekStart === section.weekEnd ? `week ${section.weekStart}` : `weeks ${section.weekStart}–${section.weekEnd}`;
  const footerLines: string[] = [messages.checkpoint.ask];
  if (view.answer !== null) footerLines.push(messages.checkpoint.yourAnswer(checkpointAnswerLabels[view.answer]));
  const tail = `\n\n${footerLines.join("\n")}`;
  const embed: APIEmbed = {
    color: colors.success,
    title: truncate(`✅ Checkpoint · ${escapeText(section.title)}`, limits.title),
    description: `${truncate(promptText(view), limits.description - tail.length)}${tail}`,
    footer: { text: truncate(`${cohort.name} · ${weeks} of ${view.totalWeeks}`, limits.footer) },
  };
  const buttons = Object.values(CheckpointAnswerKind).map((answer) =>
    button(
      checkpointButtonId(cohort.id, section.id, answer),
      `${view.answer === answer ? "✓ " : ""}${checkpointAnswerLabels[answer]}`,
      answerStyles[answer],
    ),
  );
  return { embeds: [embed], components: buttonRows(buttons), ephemeral: true };
}

const hints = {
  confident: messages.checkpoint.confidentHint,
  partly: messages.checkpoint.partlyHint,
  not_yet: messages.checkpoint.notYetHint,
} as const satisfies Record<CheckpointAnswerKind, string>;

/** What a self-assessment button recorded, shown only to the member who clicked. */
export function renderCheckpointAnswer(view: CheckpointAnswerView): Reply {
  const label = checkpointAnswerLabels[view.answer];
  const title = view.section.title;
  const sentence =
    view.previous === null
      ? messages.checkpoint.recorded(label, title)
      : view.previous === view.answer
        ? messages.checkpoint.unchanged(label, title)
        : messages.checkpoint.changed(checkpointAnswerLabels[view.previous], label, title);
  return {
    embeds: [
      {
        color: colors.success,
        description: truncate(`${sentence}\n${hints[view.answer]}`, limits.description),
        footer: { text: truncate(view.cohort.name, limits.footer) },
      },
    ],
    ephemeral: true,
  };
}
