import type { APIEmbed } from "discord.js";
import { progressBar } from "../../domain/scoring/progressBar.js";
import type { CompletionView, UndoView } from "../../services/StudyService.js";
import type { Reply } from "../commandTypes.js";
import { colors, escapeText, truncate, limits } from "./format.js";

export function renderCompletion(view: CompletionView): Reply {
  const title = escapeText(view.item.title);
  const lines = view.alreadyDone
    ? [`You had already marked **${title}** as done, so nothing changed.`]
    : [`Logged **${title}**: **+${view.points} points**${view.onTime ? " (includes the 20 % on-time bonus)" : ""}.`];
  lines.push(
    "",
    `Total: **${view.totalPoints} points** · Streak: **${view.streak} study day${view.streak === 1 ? "" : "s"}**`,
    `Required items: ${progressBar(view.required.done, view.required.total)} ${view.required.done}/${view.required.total}`,
  );
  const embed: APIEmbed = {
    color: view.alreadyDone ? colors.neutral : colors.success,
    title: truncate(view.alreadyDone ? "Already done" : "Done!", limits.title),
    description: truncate(lines.join("\n"), limits.description),
    footer: { text: truncate(view.cohort.name, limits.footer) },
  };
  return { embeds: [embed], ephemeral: true };
}

export function renderUndo(view: UndoView): Reply {
  return {
    embeds: [
      {
        color: colors.neutral,
        title: "Completion removed",
        description: `**${escapeText(view.item.title)}** is no longer marked as done: **−${view.pointsRemoved} points**. Total: **${view.totalPoints} points**.`,
        footer: { text: truncate(view.cohort.name, limits.footer) },
      },
    ],
    ephemeral: true,
  };
}
