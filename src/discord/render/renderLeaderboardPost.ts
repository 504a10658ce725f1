import type { APIEmbedField } from "discord.js";
import { ON_TIME_BONUS_PERCENT } from "../../domain/scoring/pointsForCompletion.js";
import { UNESTIMATED_ITEM_MINUTES } from "../../domain/schedule/estimatedMinutes.js";
import type { LeaderboardPostView } from "../../services/PostService.js";
import type { LeaderboardView } from "../../services/StudyService.js";
import type { Translator } from "../i18n/Translator.js";
import { colors } from "./format.js";
import { packEmbeds, type RenderedPost } from "./postMessage.js";
import { standingLines } from "./standingLines.js";

function boardValue(t: Translator, board: LeaderboardView, empty: string): string {
  const lines = standingLines(t, board.top);
  if (lines.length === 0) return empty;
  const more = board.rankedMembers - board.top.length;
  return more > 0 ? [...lines, t.t("boardPost.more", { count: more })].join("\n") : lines.join("\n");
}

/** `/cohort announce kind:leaderboard`: this week's and the all-time top ten. */
export function renderLeaderboardPost(t: Translator, view: LeaderboardPostView): RenderedPost {
  const fields: APIEmbedField[] = [];
  if (view.week !== null) {
    fields.push({
      name: t.plain("boardPost.thisWeek", { week: String(view.week.weekNumber ?? "") }),
      value: boardValue(t, view.week, t.t("boardPost.thisWeekEmpty")),
    });
  }
  fields.push({ name: t.plain("boardPost.allTime"), value: boardValue(t, view.allTime, t.t("boardPost.allTimeEmpty")) });
  const messages = packEmbeds(
    {
      color: colors.brand,
      title: t.t("boardPost.title", { cohort: view.cohort.name }),
      description: t.t("boardPost.description", {
        bonus: ON_TIME_BONUS_PERCENT,
        timed: view.timed ? "yes" : "no",
        points: UNESTIMATED_ITEM_MINUTES,
      }),
      footer: { text: t.plainUser(view.cohort.name) },
    },
    fields,
    { continuationTitle: t.plain("boardPost.continued") },
  );
  return { messages, threadName: null };
}
