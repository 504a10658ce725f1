/** Plain data the pictures are drawn from; the caller has already applied the privacy rule and chosen the words. */
import { StudyDayMark } from "../../domain/scoring/studyDayGrid.js";
import type { PrioritizedRow } from "./rowsThatFit.js";

/** How one day of the card's grid looks: the domain's marks themselves (one colour each, pictureTheme). */
export const StudyDayState = StudyDayMark;
export type StudyDayState = StudyDayMark;

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface ProgressCardLabels {
  readonly required: string;
  readonly sections: string;
  readonly points: string;
  /** The points as the reader's language writes numbers: "1,240" (English), "1240" or "12.345" (Spanish). */
  readonly pointsValue: string;
  /** e.g. "#3 of 24"; empty when the member has no rank yet. */
  readonly rank: string;
  readonly streak: string;
  /** e.g. "5 days". */
  readonly streakValue: string;
  /** e.g. "2 freezes left". */
  readonly freezes: string;
  /** Seven one- or two-letter weekday names, in the grid's column order. */
  readonly weekdays: readonly string[];
  /** Legend words for the filled cells; not-a-study-day and future cells explain themselves by looking empty. */
  readonly legend: { readonly done: string; readonly missed: string; readonly frozen: string; readonly dayOff: string };
  /** e.g. "+2 more" when not every section fits. */
  readonly moreSections: (hidden: number) => string;
  /** Required items done of all, as the reader's language writes numbers: "1,204 / 2,000". */
  readonly count: (progress: Progress) => string;
  /** A section's items done of all, likewise: "150/1,200". */
  readonly sectionCount: (progress: Progress) => string;
}

export interface ProgressCardView {
  /** What the privacy rule allows us to show for the member. */
  readonly memberName: string;
  readonly cohortName: string;
  readonly required: Progress;
  /** In course order; when not all fit, the card keeps those of the lowest `priority` (the member's current ones). */
  readonly sections: readonly ({ readonly title: string } & Progress & PrioritizedRow)[];
  readonly points: number;
  readonly streakDays: number;
  readonly freezesLeft: number;
  /** The last four weeks, oldest first; each has seven days in the column order of labels.weekdays. */
  readonly weeks: readonly { readonly label: string; readonly days: readonly StudyDayState[] }[];
  readonly labels: ProgressCardLabels;
}

export interface WeeklyChartView {
  /** e.g. "Week 3 · 6–12 April". */
  readonly title: string;
  /** What the cohort read on each study day of last week: minutes, or topics on a path without estimates (labels.perDay says which). */
  readonly days: readonly { readonly label: string; readonly value: number; readonly text: string }[];
  /**
   * Completion of each section by the cohort, 0–100, in course order, and that percent as the reader's language writes
   * it ("67 %"); when not all fit, the chart keeps those of the lowest `priority` (the week's own).
   */
  readonly sections: readonly ({ readonly title: string; readonly percent: number; readonly text: string } & PrioritizedRow)[];
  readonly labels: {
    /** "Minutes read" or "Topics read". */
    readonly perDay: string;
    readonly sectionCompletion: string;
    readonly moreSections: (hidden: number) => string;
  };
}

export interface CourseChartView {
  readonly title: string;
  /**
   * The cohort's completion of each week's reading, 0–100, in course order; `text` is printed above the bar:
   * its percent as the reader's language writes it ("67 %"), or a word for a break week.
   */
  readonly weeks: readonly { readonly label: string; readonly percent: number; readonly text: string }[];
  readonly labels: {
    readonly completionPerWeek: string;
    /** The axis's 50 % and 100 % lines' labels, as the reader's language writes them. */
    readonly percentAxis: { readonly half: string; readonly full: string };
  };
}
