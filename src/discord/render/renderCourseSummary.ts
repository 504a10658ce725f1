import { OwnRanking } from "../../domain/privacy/boardPresentation.js";
import type { APIEmbed } from "discord.js";
import { CohortStatus, type Cohort } from "../../domain/cohort/cohortModel.js";
import type { MemberCourseSummary } from "../../domain/cohort/courseSummary.js";
import { addDays } from "../../domain/schedule/localTime.js";
import { progressBar } from "../../domain/scoring/progressBar.js";
import type { Reply } from "../commandTypes.js";
import { localDateText } from "../i18n/formatters.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { colors, limits, timestamp, truncate } from "./format.js";

/** `/today` once the course is over: the member's course in six numbers, and no more buttons. */
export function renderCourseSummary(t: Translator, cohort: Cohort, summary: MemberCourseSummary): Reply {
  const field = (name: Parameters<Translator["plain"]>[0], value: string) => ({ name: t.plain(name), value, inline: true });
  // Ended by an admin before its planned last day: the cohort ended (as its closing post says) that day, said once.
  const endedEarlyOn = summary.endedEarlyOn;
  const embed: APIEmbed = {
    color: colors.success,
    title: truncate(t.t(endedEarlyOn === null ? "summary.title" : "summary.titleEndedEarly", { cohort: cohort.name }), limits.title),
    description: [
      // Else the course finished: the stored end is exclusive, its last day is the day before.
      endedEarlyOn === null
        ? t.t("summary.description", { date: localDateText(t, addDays(summary.courseEndDate, -1)) })
        : t.t("summary.descriptionEndedEarly", { date: localDateText(t, endedEarlyOn) }),
      "",
      lateLine(t, cohort, summary),
    ].join("\n"),
    fields: [
      field(
        "summary.requiredName",
        t.t("summary.requiredValue", {
          bar: markup(progressBar(summary.requiredDone, summary.requiredTotal)),
          done: summary.requiredDone,
          total: summary.requiredTotal,
        }),
      ),
      field("summary.optionalName", t.t("summary.optionalValue", { count: summary.optionalDone })),
      field("summary.pointsName", t.t("summary.pointsValue", { points: summary.points })),
      field(
        // No rank is final while it can still move (a member in a zone ahead gets here first).
        summary.rankFinal ? "summary.rankName" : "summary.rankNameSoFar",
        // Excluded first: the reason they have no rank, as /progress says it (never just "not on the final board").
        summary.ranking === OwnRanking.Excluded
          ? t.t("summary.excluded")
          : summary.finalRank === null
            ? t.t(summary.rankFinal ? "summary.unranked" : "summary.unrankedSoFar")
            : summary.ranking === OwnRanking.Hidden
              ? t.t("summary.rankHidden", { rank: summary.finalRank })
              : t.t("summary.rankValue", { rank: summary.finalRank, ranked: summary.rankedMembers }),
      ),
      field("summary.streakName", t.t("summary.streakValue", { days: summary.bestStreak })),
      field(
        "summary.checkpointsName",
        t.t("summary.checkpointsValue", { answered: summary.checkpointsAnswered, total: summary.checkpointsTotal }),
      ),
    ],
  };
  return { embeds: [embed], ephemeral: true };
}

/** What reading logged from now on still does: until the cohort's own end it counts in the final standings. */
function lateLine(t: Translator, cohort: Cohort, summary: MemberCourseSummary): string {
  const until = summary.countsUntil;
  if (until !== null)
    return t.t("summary.lateBeforeCourseEnd", { at: markup(timestamp(until, "f")), relative: markup(timestamp(until, "R")) });
  // "As posted" only where `/leaderboard` shows the kept board with its "as posted" footer (finalBoardPosted).
  // An ended cohort takes no more completions: nothing logged now would count. Said without "has ended",
  // which an end on the planned last day (a course that finished) would contradict.
  if (cohort.status === CohortStatus.Ended)
    return t.t(summary.finalBoardPosted ? "summary.lateEndedEarly" : "summary.lateEndedEarlyUnposted");
  return t.t(summary.finalBoardPosted ? "summary.late" : "summary.lateUnposted");
}
