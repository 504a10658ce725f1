import { describe, expect, it } from "vitest";
import { courseChartSize, drawCourseChart } from "../../src/discord/pictures/drawCourseChart.js";
import { drawWeeklyChart, weeklyChartSize } from "../../src/discord/pictures/drawWeeklyChart.js";
import { PictureFonts } from "../../src/discord/pictures/PictureFonts.js";
import { courseChartView, weeklyChartView } from "../../src/discord/render/postPictures.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { printedBy, printedWithFontsBy } from "../helpers/printedBy.js";

const fonts = new PictureFonts();

/** The size in pixels a CSS font string asks for. */
function pixelsOf(font: string): number {
  return Number(/(\d+)px/.exec(font)?.[1]);
}

/** A course of `weeks` weeks, every third one read by everyone: the widest percent, "100%", on its bars. */
function courseOf(weeks: number) {
  return {
    weeks: Array.from({ length: weeks }, (_, index) => ({
      weekNumber: index + 1,
      percent: index % 3 === 0 ? 100 : 67,
      breakWeek: false,
      nothingAssigned: false,
    })),
  };
}

/**
 * A bar's number cut short reads as another number: "10…" above a week everyone finished looks like 10 %.
 * However many weeks the course has (the 36-week path, a year-long one), a number is printed whole or not at all.
 */
describe("numbers above a chart's bars", () => {
  for (const language of ["en", "es"] as const) {
    it(`prints every course chart's percents whole, 1 to 60 weeks (${language})`, () => {
      const t = translatorFor(language);
      for (let weeks = 1; weeks <= 60; weeks++) {
        const view = courseChartView(t, "Spring", courseOf(weeks));
        const printed = printedBy(courseChartSize, (context) => drawCourseChart(context, fonts, view));
        const cut = printed.filter((text) => text.endsWith("…"));
        expect({ weeks, cut }).toEqual({ weeks, cut: [] });
        // Still labelled: the last week's bar (the course's end, what readers look for) says its percent and its week.
        const last = view.weeks.at(-1);
        expect({ weeks, last: printed.slice(-2) }).toEqual({ weeks, last: [last?.text, last?.label] });
      }
    });
  }

  it("never prints a bar's texts smaller than 13 px, and never larger for a longer course", () => {
    const t = translatorFor("en");
    let previous = Infinity;
    for (let weeks = 1; weeks <= 60; weeks++) {
      const view = courseChartView(t, "Spring", courseOf(weeks));
      const printed = printedWithFontsBy(courseChartSize, (context) => drawCourseChart(context, fonts, view));
      const barLabelSizes = printed
        .filter((text) => view.weeks.some((week) => week.label === text.text))
        .map((text) => pixelsOf(text.font));
      const size = Math.min(...barLabelSizes);
      expect({ weeks, size: Math.max(...barLabelSizes) }).toEqual({ weeks, size });
      expect(size).toBeGreaterThanOrEqual(13);
      expect({ weeks, size: Math.min(size, previous) }).toEqual({ weeks, size });
      previous = size;
    }
  });

  it("labels a 41-week course's last week even when only some weeks have labels", () => {
    const view = courseChartView(translatorFor("en"), "Spring", courseOf(41));
    const printed = printedBy(courseChartSize, (context) => drawCourseChart(context, fonts, view));
    const labelled = view.weeks.filter((week) => printed.includes(week.label));
    expect(labelled.length).toBeLessThan(41);
    expect(labelled.at(-1)).toBe(view.weeks.at(-1));
  });

  it("labels every week of a 16-week course", () => {
    const view = courseChartView(translatorFor("en"), "Spring", courseOf(16));
    const printed = printedBy(courseChartSize, (context) => drawCourseChart(context, fonts, view));
    expect(printed).toEqual(expect.arrayContaining(view.weeks.map((week) => week.label)));
    // Each week's own "100%", and the axis's.
    const finishedWeeks = view.weeks.filter((week) => week.percent === 100).length;
    expect(printed.filter((text) => text === "100%")).toHaveLength(finishedWeeks + 1);
  });

  it("prints a big cohort's minutes of a day whole on the weekly chart", () => {
    const week = {
      weekNumber: 2,
      startDate: "2027-01-11",
      endDate: "2027-01-18",
      timed: true,
      beforeStart: null,
      days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ date: "2027-01-11", weekday, minutes: 123_456, completions: 2, over: true })),
      sections: [{ title: "Basics", percent: 50, weekStart: 1, weekEnd: 2 }],
    };
    const printed = printedBy(weeklyChartSize, (context) => drawWeeklyChart(context, fonts, weeklyChartView(translatorFor("en"), week)));
    expect(printed.filter((text) => text === "123,456")).toHaveLength(7);
  });
});
