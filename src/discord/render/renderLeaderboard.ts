import type { APIEmbed } from "discord.js";
import { messages } from "../../messages.js";
import { LeaderboardPeriod, type LeaderboardView } from "../../services/StudyService.js";
import type { Reply } from "../commandTypes.js";
import { fitLines } from "./fitLines.js";
import { colors, limits, truncate } from "./format.js";
import { standingLines } from "./standingLines.js";

/**
 * `/leaderboard`: a public reply with the top 10 (competition ranks) and the
 * caller's own line. Names are plain escaped text, never mentions.
 */
export function renderLeaderboard(view: LeaderboardView): Reply {
  const weekly = view.period === LeaderboardPeriod.Week;
  const lines: string[] = [];
  if (view.top.length === 0) lines.push(weekly ? messages.leaderboard.emptyWeek(view.weekNumber ?? 1) : messages.leaderboard.emptyAll);
  else lines.push(fitLines(standingLines(view.top), 3000, (hidden) => `…and ${hidden} more`));
  const caller = view.caller;
  if (caller !== null) {
    lines.push(
      "",
      caller.rank === null
        ? messages.leaderboard.callerUnranked(caller.displayName, weekly)
        : messages.leaderboard.callerRanked(caller.displayName, caller.rank, view.rankedMembers, caller.points),
    );
  }
  const embed: APIEmbed = {
    color: colors.warning,
    title: truncate(`🏆 ${view.cohort.name} · ${weekly ? `Week ${view.weekNumber ?? 1}` : "All time"}`, limits.title),
    description: truncate(lines.join("\n"), limits.description),
    footer: {
      text: truncate(
        `${view.rankedMembers} member${view.rankedMembers === 1 ? "" : "s"} with points · ${weekly ? "/leaderboard period:all for all time" : "/leaderboard for this week"}`,
        limits.footer,
      ),
    },
  };
  return { embeds: [embed], ephemeral: false };
}
