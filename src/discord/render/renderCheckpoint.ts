import { ButtonStyle, type APIEmbed } from "discord.js";
import { CheckpointAnswerKind } from "../../domain/cohort/cohortModel.js";
import type { CheckpointAnswerView, CheckpointSectionView, CheckpointView } from "../../services/CheckpointService.js";
import type { PrivateReply, Reply } from "../commandTypes.js";
import type { MessageKey } from "../i18n/locales/en.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { button, buttonRows, colors, limits, truncate } from "./format.js";
import { checkpointAnswerLabel, checkpointButtonId, checkpointFooter, checkpointPromptText } from "./renderCheckpointPost.js";

const answerStyles = {
  confident: ButtonStyle.Success,
  partly: ButtonStyle.Primary,
  not_yet: ButtonStyle.Secondary,
} as const satisfies Record<CheckpointAnswerKind, ButtonStyle>;

/** One section's embed, within `budget` characters (a message's embeds share Discord's 6,000). */
function sectionEmbed(t: Translator, view: CheckpointView, entry: CheckpointSectionView, budget: number): APIEmbed {
  const footerLines: string[] = [t.t("checkpoint.ask")];
  if (entry.answer !== null) footerLines.push(t.t("checkpoint.yourAnswer", { answer: checkpointAnswerLabel(t, entry.answer) }));
  const tail = `\n\n${footerLines.join("\n")}`;
  const title = truncate(t.t("checkpoint.title", { section: entry.section.title }), limits.title);
  const footer = truncate(checkpointFooter(t, view.cohort.name, entry.section, view.totalWeeks), limits.footer);
  const room = Math.min(limits.description, budget - title.length - footer.length) - tail.length;
  return {
    color: colors.success,
    title,
    description: `${truncate(checkpointPromptText(t, entry.prompt, entry.section.title), room)}${tail}`,
    footer: { text: footer },
  };
}

/** "{section}: {answer}" within a button's 80 characters: a long title is shortened, the answer always kept whole. */
function namedLabel(t: Translator, sectionTitle: string, answer: string): string {
  const frame = t.plain("checkpoint.buttonFor", { section: "", answer }).length;
  const section = truncate(t.plainUser(sectionTitle), Math.max(1, limits.buttonLabel - frame));
  return t.plain("checkpoint.buttonFor", { section: markup(section), answer });
}

/**
 * `/checkpoint`: the current section's checkpoint with the three self-assessment buttons; the other sections
 * that end the same week follow, each with its own row, its buttons naming it.
 */
export function renderCheckpoint(t: Translator, view: CheckpointView): Reply {
  const named = view.sections.length > 1;
  const rows = view.sections.map((entry) => {
    const buttons = Object.values(CheckpointAnswerKind).map((answer) => {
      const label = `${entry.answer === answer ? "✓ " : ""}${checkpointAnswerLabel(t, answer)}`;
      return button(
        checkpointButtonId(view.cohort.id, entry.section.id, answer),
        named ? namedLabel(t, entry.section.title, label) : label,
        answerStyles[answer],
      );
    });
    return buttonRows(buttons);
  });
  const budget = Math.floor(limits.embedTotal / Math.max(1, view.sections.length));
  return {
    // Discord allows five rows of buttons: the rest are answered from their posts, and the member is told so.
    ...(view.moreSections > 0 ? { content: t.t("checkpoint.moreSections", { count: view.moreSections }) } : {}),
    embeds: view.sections.map((entry) => sectionEmbed(t, view, entry, budget)),
    components: rows.flat(),
    ephemeral: true,
  };
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
