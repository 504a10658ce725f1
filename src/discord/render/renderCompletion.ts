import type { APIEmbed } from "discord.js";
import { ItemKind } from "../../domain/curriculum/curriculumModel.js";
import { ON_TIME_BONUS_PERCENT } from "../../domain/scoring/pointsForCompletion.js";
import { progressBar } from "../../domain/scoring/progressBar.js";
import type { CompletionView, UndoView } from "../../services/StudyService.js";
import type { Reply } from "../commandTypes.js";
import { localDateText } from "../i18n/formatters.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { colors, limits, truncate } from "./format.js";
import { streakLine, StreakOwner } from "./renderStreak.js";

/** `whose`: the member's own `/done`, or an admin's `/cohort credit` for them. */
export function renderCompletion(t: Translator, view: CompletionView, whose: StreakOwner = StreakOwner.Own): Reply {
  const title = view.item.title;
  const reference = view.item.kind === ItemKind.Reference ? "yes" : "no";
  // An item without an estimate is a topic: Spanish says it is "hecho", not "hecha" as a reading.
  const topic = view.item.minutes === null;
  const lines = view.alreadyDone
    ? [t.t(topic ? "completion.alreadyDoneTopic" : "completion.alreadyDone", { title })]
    : view.points === 0
      ? // No "+0 points": an item worth none (Reference material) says so.
        [
          t.t("completion.loggedNoPoints", {
            title,
            reference,
            forDay: view.loggedFor === null ? "no" : "yes",
            date: view.loggedFor === null ? "" : localDateText(t, view.loggedFor),
          }),
        ]
      : view.loggedFor !== null
        ? [t.t("completion.loggedYesterday", { title, date: localDateText(t, view.loggedFor), points: view.points })]
        : [t.t("completion.logged", { title, points: view.points, onTime: view.onTime ? "yes" : "no", bonus: ON_TIME_BONUS_PERCENT })];
  // Points logged once the cohort's course is over are on no board: say so where they were won.
  if (!view.alreadyDone && view.points > 0 && view.afterCourse) lines.push(t.t("completion.afterCourse"));
  lines.push(
    "",
    t.t("completion.totals", { total: view.totalPoints }),
    streakLine(t, view.streak, whose),
    t.t("completion.required", {
      bar: markup(progressBar(view.required.done, view.required.total)),
      done: view.required.done,
      total: view.required.total,
      timed: view.required.timed ? "yes" : "no",
    }),
  );
  const embed: APIEmbed = {
    color: view.alreadyDone ? colors.neutral : colors.success,
    title: truncate(
      t.t(view.alreadyDone ? (topic ? "completion.titleAlreadyTopic" : "completion.titleAlready") : "completion.titleDone"),
      limits.title,
    ),
    description: truncate(lines.join("\n"), limits.description),
    footer: { text: truncate(t.plainUser(view.cohort.name), limits.footer) },
  };
  return { embeds: [embed], ephemeral: true };
}

export function renderUndo(t: Translator, view: UndoView): Reply {
  const topic = view.item.minutes === null;
  return {
    embeds: [
      {
        color: colors.neutral,
        title: t.t(topic ? "undo.titleTopic" : "undo.title"),
        description:
          view.pointsRemoved === 0
            ? t.t("undo.descriptionNoPoints", {
                title: view.item.title,
                reference: view.item.kind === ItemKind.Reference ? "yes" : "no",
                total: view.totalPoints,
              })
            : t.t(topic ? "undo.descriptionTopic" : "undo.description", {
                title: view.item.title,
                points: view.pointsRemoved,
                total: view.totalPoints,
              }),
        footer: { text: truncate(t.plainUser(view.cohort.name), limits.footer) },
      },
    ],
    ephemeral: true,
  };
}
