import { ButtonStyle, type APIEmbed } from "discord.js";
import { CheckpointAnswerKind } from "../../domain/cohort/cohortModel.js";
import type { CheckpointAnswerView, CheckpointView } from "../../services/CheckpointService.js";
import type { PrivateReply, Reply } from "../commandTypes.js";
import type { MessageKey } from "../i18n/locales/en.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { button, buttonRows, colors, limits, truncate } from "./format.js";
import { checkpointAnswerLabel, checkpointButtonId, checkpointFooter } from "./renderCheckpointPost.js";

const answerStyles = {
  confident: ButtonStyle.Success,
  partly: ButtonStyle.Primary,
  not_yet: ButtonStyle.Secondary,
} as const satisfies Record<CheckpointAnswerKind, ButtonStyle>;

function promptText(t: Translator, view: CheckpointView): string {
  const prompt = view.prompt;
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
      return t.t("checkpoint.noText", { section: view.section.title });
  }
}

/** `/checkpoint`: the current section's checkpoint with the three self-assessment buttons. */
export function renderCheckpoint(t: Translator, view: CheckpointView): Reply {
  const { cohort, section } = view;
  const footerLines: string[] = [t.t("checkpoint.ask")];
  if (view.answer !== null) footerLines.push(t.t("checkpoint.yourAnswer", { answer: checkpointAnswerLabel(t, view.answer) }));
  const tail = `\n\n${footerLines.join("\n")}`;
  const embed: APIEmbed = {
    color: colors.success,
    title: truncate(t.t("checkpoint.title", { section: section.title }), limits.title),
    description: `${truncate(promptText(t, view), limits.description - tail.length)}${tail}`,
    footer: { text: truncate(checkpointFooter(t, cohort.name, section, view.totalWeeks), limits.footer) },
  };
  const buttons = Object.values(CheckpointAnswerKind).map((answer) =>
    button(
      checkpointButtonId(cohort.id, section.id, answer),
      `${view.answer === answer ? "✓ " : ""}${checkpointAnswerLabel(t, answer)}`,
      answerStyles[answer],
    ),
  );
  return { embeds: [embed], components: buttonRows(buttons), ephemeral: true };
}

const hints = {
  confident: "checkpoint.confidentHint",
  partly: "checkpoint.partlyHint",
  not_yet: "checkpoint.notYetHint",
} as const satisfies Record<CheckpointAnswerKind, MessageKey>;

/** After the last week `/today` is the course summary: "Not yet" points at `/week` alone. */
function hintOf(view: CheckpointAnswerView): MessageKey {
  return view.courseOver && view.answer === "not_yet" ? "checkpoint.notYetHintAfterCourse" : hints[view.answer];
}

/** What a self-assessment button recorded, shown only to the member who clicked. */
export function renderCheckpointAnswer(t: Translator, view: CheckpointAnswerView): PrivateReply {
  const answer = checkpointAnswerLabel(t, view.answer);
  const section = view.section.title;
  const sentence =
    view.previous === null
      ? t.t("checkpoint.recorded", { answer, section })
      : view.previous === view.answer
        ? t.t("checkpoint.unchanged", { answer, section })
        : t.t("checkpoint.changed", { previous: markup(checkpointAnswerLabel(t, view.previous)), answer, section });
  return {
    embeds: [
      {
        color: colors.success,
        description: truncate(`${sentence}\n${t.t(hintOf(view))}`, limits.description),
        footer: { text: truncate(t.plainUser(view.cohort.name), limits.footer) },
      },
    ],
    ephemeral: true,
  };
}
