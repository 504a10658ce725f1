import type { APIEmbed } from "discord.js";
import { LeaderboardPeriod, type LeaderboardView } from "../../services/StudyService.js";
import type { Reply } from "../commandTypes.js";
import type { Translator } from "../i18n/Translator.js";
import { fitLines } from "./fitLines.js";
import { colors, limits, truncate } from "./format.js";
import { memberName, standingLines } from "./standingLines.js";

function callerLine(t: Translator, view: LeaderboardView, weekly: boolean): string | null {
  const caller = view.caller;
  if (caller === null) return null;
  const name = memberName(t, caller.displayName);
  if (caller.rank === null) return t.t(weekly ? "leaderboard.callerUnrankedWeek" : "leaderboard.callerUnrankedAll", { name });
  return t.t("leaderboard.callerRanked", { name, rank: caller.rank, ranked: view.rankedMembers, points: caller.points });
}

/**
 * `/leaderboard`: a public reply with the top 10 (competition ranks) and the
 * caller's own line. Names are inert text, never mentions or links.
 */
export function renderLeaderboard(t: Translator, view: LeaderboardView): Reply {
  if (view.final) return renderFinalLeaderboard(t, view);
  const weekly = view.period === LeaderboardPeriod.Week;
  const week = view.weekNumber ?? 1;
  const lines: string[] = [];
  if (view.top.length === 0) lines.push(weekly ? t.t("leaderboard.emptyWeek", { week }) : t.t("leaderboard.emptyAll"));
  else lines.push(fitLines(standingLines(t, view.top), 3000, (hidden) => t.t("format.more", { count: hidden })));
  const caller = callerLine(t, view, weekly);
  if (caller !== null) lines.push("", caller);
  const embed: APIEmbed = {
    color: colors.warning,
    title: truncate(t.t("leaderboard.title", { cohort: view.cohort.name, weekly: weekly ? "yes" : "no", week }), limits.title),
    description: truncate(lines.join("\n"), limits.description),
    footer: { text: truncate(t.plain("leaderboard.footer", { ranked: view.rankedMembers, weekly: weekly ? "yes" : "no" }), limits.footer) },
  };
  return { embeds: [embed], ephemeral: false };
}

/** After the course: the board exactly as the closing post showed it, and the caller's place on it. */
function renderFinalLeaderboard(t: Translator, view: LeaderboardView): Reply {
  const more = view.rankedMembers - view.top.length;
  const lines =
    view.top.length === 0
      ? [t.t("closingPost.finalEmpty")]
      : [...standingLines(t, view.top), ...(more > 0 ? [t.t("boardPost.more", { count: more })] : [])];
  const caller = callerLine(t, view, false);
  if (caller !== null) lines.push("", caller);
  const embed: APIEmbed = {
    color: colors.success,
    title: truncate(t.t("leaderboard.finalTitle", { cohort: view.cohort.name }), limits.title),
    description: truncate(lines.join("\n"), limits.description),
    footer: { text: truncate(t.plain("leaderboard.finalFooter", { ranked: view.rankedMembers }), limits.footer) },
  };
  return { embeds: [embed], ephemeral: false };
}
