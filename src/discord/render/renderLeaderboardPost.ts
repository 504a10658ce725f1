import type { APIEmbedField } from "discord.js";
import type { LeaderboardPostView } from "../../services/PostService.js";
import type { LeaderboardView } from "../../services/StudyService.js";
import { colors } from "./format.js";
import { packEmbeds, type RenderedPost } from "./postMessage.js";
import { standingLines } from "./standingLines.js";

function boardValue(board: LeaderboardView, empty: string): string {
  const lines = standingLines(board.top);
  if (lines.length === 0) return empty;
  const more = board.rankedMembers - board.top.length;
  return `${lines.join("\n")}${more > 0 ? `\n…and ${more} more with points` : ""}`;
}

/** `/cohort announce kind:leaderboard`: this week's and the all-time top ten. */
export function renderLeaderboardPost(view: LeaderboardPostView): RenderedPost {
  const fields: APIEmbedField[] = [];
  if (view.week !== null) {
    fields.push({ name: `This week (week ${view.week.weekNumber ?? ""})`, value: boardValue(view.week, "No points logged this week yet.") });
  }
  fields.push({ name: "All time", value: boardValue(view.allTime, "No points logged yet.") });
  const messages = packEmbeds(
    {
      color: colors.brand,
      title: `🏆 Leaderboard · ${view.cohort.name}`,
      description: "Points come from logged reading: its estimated minutes, plus 20 % when it's done by the end of its day. Use `/leaderboard` any time.",
      footer: { text: view.cohort.name },
    },
    fields,
    { continuationTitle: "Leaderboard (continued)" },
  );
  return { messages, threadName: null };
}
