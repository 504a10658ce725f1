import type { APIEmbed, APIEmbedField } from "discord.js";
import { cohortBoardClosed } from "../../domain/cohort/cohortModel.js";
import { OwnRanking, ProgressRanking } from "../../domain/privacy/boardPresentation.js";
import { progressBar } from "../../domain/scoring/progressBar.js";
import type { ProgressView } from "../../services/StudyService.js";
import type { Reply } from "../commandTypes.js";
import { durationText, weeksText } from "../i18n/formatters.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { embedLength } from "./fitLines.js";
import { colors, limits, truncate } from "./format.js";
import { chunkLines } from "./postMessage.js";
import { StreakOwner, streakLine } from "./renderStreak.js";
import { memberName } from "./standingLines.js";

/** `/progress`: required items, reading time, points, rank, streak and a bar per section. */
export function renderProgress(t: Translator, view: ProgressView): Reply {
  const { member, required } = view;
  const name = memberName(t, member.displayName);
  const lines = [
    t.t("progress.required", {
      bar: markup(progressBar(required.done, required.total)),
      done: required.done,
      total: required.total,
      timed: required.timed ? "yes" : "no",
    }),
    // A path without estimates (the 36-week path's topics) counts topics: never "0 min of 0 min".
    view.minutesTotal === 0 && view.assigned.total > 0
      ? t.t("progress.topicsRead", { done: view.assigned.done, total: view.assigned.total })
      : t.t("progress.readingTime", { done: durationText(t, view.minutesDone), total: durationText(t, view.minutesTotal) }),
    pointsLine(t, view),
    streakLine(t, view.streak, view.own ? StreakOwner.Own : StreakOwner.Other),
  ];
  if (member.leftAt !== null) lines.push("", t.t("progress.leftCohort", { name }));
  const sectionLines = view.sections.map(({ section, done, total }) =>
    t.t("progress.section", {
      bar: markup(progressBar(done, total)),
      done,
      total,
      title: section.title,
      weeks: markup(weeksText(t, section.weekStart, section.weekEnd)),
    }),
  );
  const embed: APIEmbed = {
    color: colors.brand,
    title: truncate(t.t("progress.title", { name }), limits.title),
    description: truncate(lines.join("\n"), limits.description),
    footer: { text: truncate(t.plainUser(view.cohort.name), limits.footer) },
  };
  embed.fields = sectionFields(t, sectionLines, limits.embedTotal - embedLength(embed));
  return { embeds: [embed], ephemeral: true };
}

/** The section lines packed into fields of at most 1,024 characters: "Sections", then "Sections (continued)". */
function layoutSections(t: Translator, lines: readonly string[]): APIEmbedField[] {
  return chunkLines(lines, limits.fieldValue).map((value, index) => ({
    name: t.plain(index === 0 ? "progress.sections" : "progress.sectionsContinued"),
    value,
  }));
}

/**
 * Every section line, over as many fields as Discord allows within `room` characters (its 6,000 per embed) and
 * 25 fields; only past that the last lines give way to "…and N more". Binary search on how many lines are shown.
 */
function sectionFields(t: Translator, sectionLines: readonly string[], room: number): APIEmbedField[] {
  const fits = (fields: readonly APIEmbedField[]) =>
    fields.length <= limits.fields && fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0) <= room;
  const withFirst = (shown: number) => {
    const hidden = sectionLines.length - shown;
    return layoutSections(t, hidden === 0 ? sectionLines : [...sectionLines.slice(0, shown), t.t("format.more", { count: hidden })]);
  };
  if (fits(withFirst(sectionLines.length))) return withFirst(sectionLines.length);
  let low = 0;
  let high = sectionLines.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(withFirst(middle))) low = middle;
    else high = middle - 1;
  }
  return withFirst(low);
}

/**
 * Points and rank; once the cohort takes no more points (ended, or the closing post kept the final board),
 * nobody is told that points will rank them.
 */
function pointsLine(t: Translator, view: ProgressView): string {
  const { points, rank, cohort } = view;
  // As /leaderboard's own line: never a rank counted among members the excluded or hidden member is not counted with.
  if (view.ranking === OwnRanking.Excluded) return t.t("progress.pointsExcluded", { points });
  if (rank !== null && view.ranking === OwnRanking.Hidden) return t.t("progress.pointsHidden", { points, rank });
  if (rank !== null) return t.t("progress.pointsRanked", { points, rank, ranked: view.rankedMembers });
  // Someone who left is off the boards until they come back: points would not rank them.
  if (view.ranking === ProgressRanking.Left) return t.t("progress.pointsLeft", { points });
  return t.t(cohortBoardClosed(cohort) ? "progress.pointsOffFinalBoard" : "progress.pointsUnranked", {
    points,
    own: view.own ? "yes" : "no",
  });
}
