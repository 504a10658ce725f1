import { addDays } from "../../domain/schedule/localTime.js";
import type { PostFile } from "../../services/PostRenderer.js";
import type { PostView } from "../../services/PostService.js";
import type { CourseChartData, WeeklyChartData } from "../../services/StudyService.js";
import { localDateText, shortWeekdayName } from "../i18n/formatters.js";
import type { Translator } from "../i18n/Translator.js";
import { clampPercent } from "../pictures/drawShapes.js";
import type { Pictures } from "../pictures/Pictures.js";
import type { CourseChartView, WeeklyChartView } from "../pictures/pictureViews.js";
import { truncate } from "./format.js";

/** Discord's limit for an attachment's description (its alt text). */
const maxAltText = 1024;

/** A chart's percent as the reader's language writes it ("67%", "67 %"), rounded as the bar is drawn. */
function percentText(t: Translator, percent: number): string {
  return t.plain("pictures.percent", { value: Math.round(clampPercent(percent)) });
}

export function weeklyChartView(t: Translator, chart: WeeklyChartData): WeeklyChartView {
  return {
    title: t.plain("weeklyChart.title", {
      week: chart.weekNumber,
      from: localDateText(t, chart.startDate),
      to: localDateText(t, addDays(chart.endDate, -1)),
    }),
    days: [
      ...beforeStartBars(t, chart),
      ...chart.days.map((day) => {
        const value = chart.timed ? day.minutes : day.completions;
        return { label: shortWeekdayName(t, day.weekday), value, text: dayText(t, chart, day, "bar") };
      }),
    ],
    sections: chart.sections.map((section) => ({
      title: t.plainUser(section.title),
      percent: section.percent,
      priority: weeklySectionPriority(section, chart.weekNumber),
      text: percentText(t, section.percent),
    })),
    labels: {
      perDay: t.plain(chart.timed ? "weeklyChart.minutesRead" : "weeklyChart.topicsRead"),
      sectionCompletion: t.plain("weeklyChart.sectionCompletion"),
      moreSections: (hidden) => t.plain("weeklyChart.more", { count: hidden }),
    },
  };
}

/** Week 1's reading logged before its first day: a bar of its own, so the chart's total is what its board counted. */
function beforeStartBars(t: Translator, chart: WeeklyChartData): WeeklyChartView["days"] {
  if (chart.beforeStart === null) return [];
  const value = chart.timed ? chart.beforeStart.minutes : chart.beforeStart.completions;
  return [{ label: t.plain("weeklyChart.beforeStartBar"), value, text: t.plain("pictures.number", { value: Math.round(value) }) }];
}

/**
 * A day's count as the chart writes it over its bar (`bar`) or in its alt text (`alt`): a day not over when the
 * chart was drawn (an early post) has none, a mark instead of "0".
 */
function dayText(t: Translator, chart: WeeklyChartData, day: WeeklyChartData["days"][number], place: "bar" | "alt"): string {
  const name = shortWeekdayName(t, day.weekday);
  if (!day.over) return place === "bar" ? t.plain("weeklyChart.notOverBar") : t.plain("weeklyChart.dayNotOver", { day: name });
  if (place === "bar") return t.plain("pictures.number", { value: Math.round(chart.timed ? day.minutes : day.completions) });
  return chart.timed
    ? t.plain("weeklyChart.dayMinutes", { day: name, minutes: day.minutes })
    : t.plain("weeklyChart.dayTopics", { day: name, topics: day.completions });
}

/**
 * Which sections the weekly chart draws when not all fit: the charted week's own (the most recently
 * begun first), then the others, the most recently read first.
 */
function weeklySectionPriority(section: { readonly weekStart: number; readonly weekEnd: number }, weekNumber: number): number {
  return section.weekEnd >= weekNumber ? weekNumber - section.weekStart : 2 * weekNumber - section.weekEnd;
}

export function courseChartView(t: Translator, cohortName: string, chart: CourseChartData): CourseChartView {
  return {
    title: t.plain("courseChart.title", { cohort: cohortName }),
    weeks: chart.weeks.map((week) => ({
      label: t.plain("courseChart.week", { week: week.weekNumber }),
      // A break week, or one that assigned nothing, had nothing to read: no bar, and a mark instead of "0%".
      ...(week.breakWeek
        ? { percent: 0, text: t.plain("courseChart.breakBar") }
        : week.nothingAssigned
          ? { percent: 0, text: t.plain("courseChart.nothingAssignedBar") }
          : { percent: week.percent, text: percentText(t, week.percent) }),
    })),
    labels: {
      completionPerWeek: t.plain("courseChart.completionPerWeek"),
      percentAxis: { half: percentText(t, 50), full: percentText(t, 100) },
    },
  };
}

async function weeklyChartFile(t: Translator, pictures: Pictures, chart: WeeklyChartData): Promise<PostFile> {
  const sections = chart.sections
    .map((section) => t.plain("weeklyChart.sectionPercent", { title: section.title, percent: Math.round(section.percent) }))
    .join(", ");
  // The bars, day by day, as the chart labels them.
  const before = chart.beforeStart;
  const days = [
    ...(before === null
      ? []
      : [
          chart.timed
            ? t.plain("weeklyChart.beforeStartMinutes", { minutes: before.minutes })
            : t.plain("weeklyChart.beforeStartTopics", { topics: before.completions }),
        ]),
    ...chart.days.map((day) => dayText(t, chart, day, "alt")),
  ].join(", ");
  // Drawn before the week was over (an early post): what was read so far, not in all.
  const partial = chart.days.some((day) => !day.over) ? "yes" : "no";
  return {
    name: `week-${chart.weekNumber}.png`,
    data: await pictures.renderWeeklyChart(weeklyChartView(t, chart)),
    description: truncate(
      chart.timed
        ? t.plain("weeklyChart.alt", {
            week: chart.weekNumber,
            minutes: chart.days.reduce((sum, day) => sum + day.minutes, before?.minutes ?? 0),
            partial,
            days,
            sections,
          })
        : t.plain("weeklyChart.altTopics", {
            week: chart.weekNumber,
            topics: chart.days.reduce((sum, day) => sum + day.completions, before?.completions ?? 0),
            partial,
            days,
            sections,
          }),
      maxAltText,
    ),
  };
}

async function courseChartFile(t: Translator, pictures: Pictures, cohortName: string, chart: CourseChartData): Promise<PostFile> {
  const percents = chart.weeks
    .map((week) => {
      if (week.breakWeek) return t.plain("courseChart.weekBreak", { week: week.weekNumber });
      if (week.nothingAssigned) return t.plain("courseChart.weekNothingAssigned", { week: week.weekNumber });
      return t.plain("courseChart.weekPercent", { week: week.weekNumber, percent: Math.round(week.percent) });
    })
    .join(", ");
  return {
    name: "course.png",
    data: await pictures.renderCourseChart(courseChartView(t, cohortName, chart)),
    description: truncate(t.plain("courseChart.alt", { percents }), maxAltText),
  };
}

/** The pictures of a post: last week's chart on the weekly post (from week 2), the course's on the closing post (of the weeks that ran). */
export async function postPictures(t: Translator, pictures: Pictures, post: PostView): Promise<PostFile[]> {
  if (post.kind === "week" && post.view.chart !== null) return [await weeklyChartFile(t, pictures, post.view.chart)];
  // A cohort ended before its first week has no week to chart.
  if (post.kind === "closing" && post.view.course.weeks.length > 0)
    return [await courseChartFile(t, pictures, post.view.cohort.name, post.view.course)];
  return [];
}
