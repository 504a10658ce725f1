import { OwnRanking } from "../../domain/privacy/boardPresentation.js";
import type { APIEmbed } from "discord.js";
import { LeaderboardPeriod, LeaderboardScope, type LeaderboardCaller, type LeaderboardView } from "../../services/StudyService.js";
import type { Reply } from "../commandTypes.js";
import type { Translator } from "../i18n/Translator.js";
import { fitLines } from "./fitLines.js";
import { colors, limits, truncate } from "./format.js";
import { cohortTranslator } from "../i18n/Translator.js";
import { memberName, standingLines } from "./standingLines.js";

function standingLine(t: Translator, view: LeaderboardView, caller: LeaderboardCaller, weekly: boolean): string {
  const name = memberName(t, caller.displayName);
  if (caller.excluded) return t.t("leaderboard.callerExcluded", { name, points: caller.points });
  // After the close, points logged late count, but the final board is settled: never "no points yet".
  if (caller.rank === null && view.final)
    return caller.points > 0
      ? t.t("leaderboard.callerOffFinalBoard", { name, points: caller.points })
      : t.t("leaderboard.callerUnrankedCourse", { name });
  if (caller.rank === null && weekly && view.weekOver === true)
    return t.t("leaderboard.callerUnrankedWeekOver", { name, week: view.weekNumber ?? 1 });
  if (caller.rank === null && !weekly && view.boardClosed === true) return t.t("leaderboard.callerUnrankedCourse", { name });
  if (caller.rank === null) return t.t(weekly ? "leaderboard.callerUnrankedWeek" : "leaderboard.callerUnrankedAll", { name });
  // Not counted among the ranked members (also on a board that is off): never "#3 of 2".
  if (caller.ranking === OwnRanking.Hidden) return t.t("leaderboard.callerHidden", { name, rank: caller.rank, points: caller.points });
  return t.t("leaderboard.callerRanked", { name, rank: caller.rank, ranked: view.rankedMembers, points: caller.points });
}

/** The caller's own line, and (privately) how public boards show them. Members always see their own rank. */
function callerLines(t: Translator, view: LeaderboardView, weekly: boolean): string[] {
  const caller = view.caller;
  if (caller === null) return [];
  const lines = [standingLine(t, view, caller, weekly)];
  if (!view.boardOn) lines.push(t.t("leaderboard.privacyNote", { shown: "off" }));
  else if (!caller.excluded && caller.presentation !== "name") lines.push(t.t("leaderboard.privacyNote", { shown: caller.presentation }));
  return lines;
}

function boardLines(t: Translator, view: LeaderboardView, weekly: boolean, week: number): string[] {
  if (!view.boardOn) return [t.t("leaderboard.boardOff")];
  if (view.top.length > 0) return [fitLines(standingLines(t, view.top), 3000, (hidden) => t.t("format.more", { count: hidden }))];
  if (view.scope === LeaderboardScope.Near)
    // No place of their own (excluded, or no points in the period) while others are on it: nobody to show around them,
    // as on the final board. A week over with nobody on its board says so; the never-ranked caller has no place anyway.
    return [
      view.caller?.excluded === true || (view.caller?.rank === null && view.rankedMembers > 0)
        ? t.t("leaderboard.nearNoPlace")
        : weekly && view.weekOver === true
          ? t.t("leaderboard.nearEmptyWeekOver", { week })
          : view.caller?.rank === null
            ? t.t("leaderboard.nearNoPlace")
            : t.t("leaderboard.nearEmpty"),
    ];
  if (weekly && view.weekOver === true) return [t.t("leaderboard.emptyWeekOver", { week })];
  // A closed board (the course over, or the cohort ended) takes no more reading: no invitation to log some.
  if (!weekly && view.boardClosed === true) return [t.t("closingPost.finalEmpty")];
  return [weekly ? t.t("leaderboard.emptyWeek", { week }) : t.t("leaderboard.emptyAll")];
}

/**
 * `/leaderboard`: the top 10 (competition ranks) or the caller's neighbours,
 * and the caller's own line. Public only when the board is on and the caller
 * appears on it by name; otherwise private, so nobody can tie an alias or a
 * hidden rank to the member who asked. Names are inert text, never mentions.
 * A public reply is worded in the cohort's language, a private one in `asker`'s.
 */
export function renderLeaderboard(asker: Translator, view: LeaderboardView): Reply {
  // The whole channel reads a public board: in the cohort's language, as its posts are; a private one in the asker's.
  const t = view.publicReply ? cohortTranslator(view.cohort.language) : asker;
  if (view.final) return renderFinalLeaderboard(t, view);
  const weekly = view.period === LeaderboardPeriod.Week;
  const week = view.weekNumber ?? 1;
  const lines = boardLines(t, view, weekly, week);
  const caller = callerLines(t, view, weekly);
  if (caller.length > 0 && !(view.scope === LeaderboardScope.Near && view.top.some((entry) => entry.isCaller))) lines.push("", ...caller);
  else if (caller.length > 1) lines.push("", ...caller.slice(1));
  const embed: APIEmbed = {
    color: colors.warning,
    title: truncate(t.t("leaderboard.title", { cohort: view.cohort.name, weekly: weekly ? "yes" : "no", week }), limits.title),
    description: truncate(lines.join("\n"), limits.description),
    footer: {
      text: truncate(
        t.plain("leaderboard.footer", { ranked: view.rankedMembers, weekly: weekly ? "yes" : view.boardClosed === true ? "over" : "no" }),
        limits.footer,
      ),
    },
  };
  return { embeds: [embed], ephemeral: !view.publicReply };
}

/** The final board's lines: as the closing post showed them, or (view:near) the caller's neighbours on it. */
function finalBoardLines(t: Translator, view: LeaderboardView): string[] {
  if (!view.boardOn) return [t.t("leaderboard.boardOff")];
  if (view.finalKeptPrivate) return [t.t("leaderboard.finalKeptPrivate")];
  if (view.scope === LeaderboardScope.Near) {
    if (view.top.length > 0) return standingLines(t, view.top);
    // No rank of their own on it: nobody to show around them; their own line below says where they stand. With
    // one, the members around it chose since not to be shown (the board did rank members: never "nobody logged").
    return [t.t(view.caller?.rank === null ? "leaderboard.nearOffFinalBoard" : "leaderboard.finalNearNobodyShown")];
  }
  if (view.top.length === 0) return [t.t(view.rankedMembers > 0 ? "leaderboard.finalNobodyShown" : "closingPost.finalEmpty")];
  const more = view.rankedMembers - view.top.length;
  return [...standingLines(t, view.top), ...(more > 0 ? [t.t("boardPost.more", { count: more })] : [])];
}

/** After the course: the board exactly as the closing post showed it, and the caller's place on it. */
function renderFinalLeaderboard(t: Translator, view: LeaderboardView): Reply {
  const lines = finalBoardLines(t, view);
  const caller = callerLines(t, view, false);
  // view:near marks the caller's own line on the board: only the privacy note is left to add.
  const callerListed = view.scope === LeaderboardScope.Near && view.top.some((entry) => entry.isCaller);
  if (caller.length > 0 && !callerListed) lines.push("", ...caller);
  else if (caller.length > 1) lines.push("", ...caller.slice(1));
  const embed: APIEmbed = {
    color: colors.success,
    title: truncate(
      t.t(view.endedEarly ? "leaderboard.finalTitleEnded" : "leaderboard.finalTitle", { cohort: view.cohort.name }),
      limits.title,
    ),
    description: truncate(lines.join("\n"), limits.description),
    footer: {
      text: truncate(t.plain(finalFooterKey(view), { ranked: view.rankedMembers }), limits.footer),
    },
  };
  return { embeds: [embed], ephemeral: !view.publicReply };
}

/**
 * The final board's footer: "as posted" only where the closing post showed the board this reply shows and went out
 * (finalPosted: not a close that kept it private, a board off now, nor a closing post skipped as more than 24 hours
 * late or failed for good, whose board was kept all the same). As the course summary says it (finalBoardPosted).
 */
function finalFooterKey(view: LeaderboardView) {
  const posted = view.finalPosted;
  if (view.endedEarly) return posted ? "leaderboard.finalFooterEnded" : "leaderboard.finalFooterEndedUnposted";
  return posted ? "leaderboard.finalFooter" : "leaderboard.finalFooterUnposted";
}
