import { cohortBoardClosed } from "../../domain/cohort/cohortModel.js";
import { OwnRanking, ProgressRanking } from "../../domain/privacy/boardPresentation.js";
import { isoWeekday } from "../../domain/schedule/localTime.js";
import { StudyDayMark } from "../../domain/scoring/studyDayGrid.js";
import type { MemberRecord } from "../../domain/cohort/cohortModel.js";
import type { ProgressView } from "../../services/StudyService.js";
import type { ReplyFile } from "../commandTypes.js";
import { localDateText, shortWeekdayName } from "../i18n/formatters.js";
import type { Translator } from "../i18n/Translator.js";
import type { Pictures } from "../pictures/Pictures.js";
import type { ProgressCardView } from "../pictures/pictureViews.js";
import { memberName } from "./standingLines.js";

export const progressCardFileName = "progress.png";

/**
 * How the card names the member: by name, as `/progress` only shows another
 * member's card when the boards show them by name (StudyService.progress), and
 * a member's own card is shown to them alone.
 */
export function cardMemberName(t: Translator, member: MemberRecord): string {
  return t.plainUser(memberName(t, member.displayName));
}

/** "Mo", "Tu", … (or "lu", "ma", … in Spanish) for the grid's columns, starting on the cohort's first weekday. */
function weekdayLabels(t: Translator, startDate: string): string[] {
  const first = isoWeekday(startDate);
  return Array.from({ length: 7 }, (_, index) => shortWeekdayName(t, ((first - 1 + index) % 7) + 1).slice(0, 2));
}

/**
 * Which sections the card draws when not all fit, around the member's current week in their own plan (a
 * `/pace extend` moves a section's items later): the week's own, then the earlier ones still unfinished (the
 * most recent first), then the next ones (the nearest first), then the earlier ones finished (the most recent
 * first). The sections' places in that order, by index.
 */
function cardSectionPriorities(view: ProgressView): number[] {
  const week = view.currentWeek;
  const keys = view.sections.map(({ dueWeeks: { first, last }, done, total }, index) => {
    if (first <= week && week <= last) return { index, group: 0, distance: week - first };
    if (first > week) return { index, group: 2, distance: first - week };
    return { index, group: done < total ? 1 : 3, distance: week - last };
  });
  const priorities: number[] = [];
  keys
    .sort((a, b) => a.group - b.group || a.distance - b.distance || a.index - b.index)
    .forEach((key, place) => (priorities[key.index] = place));
  return priorities;
}

/** The words and numbers of `/progress`'s card, in the reader's language. */
export function progressCardView(t: Translator, view: ProgressView): ProgressCardView {
  const priorities = cardSectionPriorities(view);
  return {
    memberName: cardMemberName(t, view.member),
    cohortName: t.plainUser(view.cohort.name),
    required: view.required,
    sections: view.sections.map(({ section, done, total }, index) => ({
      title: t.plainUser(section.title),
      done,
      total,
      priority: priorities[index] ?? index,
    })),
    points: view.points,
    streakDays: view.streak.current,
    freezesLeft: view.streak.freezesHeld,
    weeks: view.studyWeeks.map((week) => ({ label: t.plain("progressCard.week", { week: week.weekNumber }), days: week.days })),
    labels: {
      required: t.plain("progressCard.required"),
      sections: t.plain("progressCard.sections"),
      points: t.plain("progressCard.points", { points: view.points }),
      pointsValue: t.plain("pictures.number", { value: view.points }),
      rank: rankLabel(t, view),
      streak: t.plain("progressCard.streak"),
      streakValue: streakValue(t, view),
      freezes: view.streak.freezesHeld === 0 ? "" : t.plain("progressCard.freezes", { count: view.streak.freezesHeld }),
      weekdays: weekdayLabels(t, view.cohort.settings.startDate),
      legend: {
        done: t.plain("progressCard.legendDone"),
        missed: t.plain("progressCard.legendMissed"),
        frozen: t.plain("progressCard.legendFrozen"),
        dayOff: t.plain("progressCard.legendDayOff"),
      },
      moreSections: (hidden) => t.plain("progressCard.more", { count: hidden }),
      count: ({ done, total }) => t.plain("progressCard.count", { done, total }),
      sectionCount: ({ done, total }) => t.plain("progressCard.sectionCount", { done, total }),
    },
  };
}

/** The streak's days, or before the course's first day when it starts, as `/progress`'s streak line says. */
function streakValue(t: Translator, view: ProgressView): string {
  const { startsOn, current } = view.streak;
  if (startsOn !== null) return t.plain("progressCard.streakStarts", { date: localDateText(t, startsOn) });
  return t.plain("progressCard.streakValue", { days: current });
}

/** The card's rank, as `/progress` says it: none when excluded, the place a hidden member would take. */
function rankLabel(t: Translator, view: ProgressView): string {
  if (view.rank === null || view.ranking === OwnRanking.Excluded) return "";
  if (view.ranking === OwnRanking.Hidden) return t.plain("progressCard.rankHidden", { rank: view.rank });
  return t.plain("progressCard.rank", { rank: view.rank, ranked: view.rankedMembers });
}

/** The alt text's standing: the same words as the card and `/progress`. */
function altStanding(t: Translator, view: ProgressView): string {
  if (view.ranking === OwnRanking.Excluded) return t.plain("progressCard.altExcluded");
  if (view.rank !== null && view.ranking === OwnRanking.Hidden) return t.plain("progressCard.altHidden", { rank: view.rank });
  if (view.rank !== null) return t.plain("progressCard.altRanked", { rank: view.rank, ranked: view.rankedMembers });
  if (view.ranking === ProgressRanking.Left) return t.plain("progressCard.altLeft");
  return t.plain(cohortBoardClosed(view.cohort) ? "progressCard.altOffFinalBoard" : "progressCard.altUnranked");
}

/** The grid's filled cells by kind, as its legend names them: what the alt text says of the grid. */
function gridCounts(view: ProgressView): { studied: number; missed: number; frozen: number; off: number } {
  const counts = { studied: 0, missed: 0, frozen: 0, off: 0 };
  for (const day of view.studyWeeks.flatMap((week) => week.days)) {
    if (day === StudyDayMark.done) counts.studied += 1;
    else if (day === StudyDayMark.missed) counts.missed += 1;
    else if (day === StudyDayMark.frozen) counts.frozen += 1;
    else if (day === StudyDayMark.dayOff) counts.off += 1;
  }
  return counts;
}

/** Draws the card; its alt text says what it shows for screen readers (the numbers, the rank, the grid). */
export async function progressCardFile(t: Translator, pictures: Pictures, view: ProgressView): Promise<ReplyFile> {
  const card = progressCardView(t, view);
  return {
    name: progressCardFileName,
    data: await pictures.renderProgressCard(card),
    description: t.plain("progressCard.alt", {
      name: card.memberName,
      done: view.required.done,
      total: view.required.total,
      timed: view.required.timed ? "yes" : "no",
      points: view.points,
      standing: altStanding(t, view),
      streak: view.streak.current,
      // Before the course's first day: when the streak starts, as the card says, not "0 study days".
      starts: view.streak.startsOn === null ? "no" : "yes",
      startsOn: view.streak.startsOn === null ? "" : localDateText(t, view.streak.startsOn),
      ...gridCounts(view),
    }),
  };
}
