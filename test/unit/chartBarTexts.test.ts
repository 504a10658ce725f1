import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { drawCourseChart } from "../../src/discord/pictures/drawCourseChart.js";
import { drawWeeklyChart } from "../../src/discord/pictures/drawWeeklyChart.js";
import { PictureFonts } from "../../src/discord/pictures/PictureFonts.js";
import { courseChartView, weeklyChartView } from "../../src/discord/render/postPictures.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";

const fonts = new PictureFonts();

/** Every text a chart prints on its picture. */
function printedBy(draw: (context: SKRSContext2D) => void): string[] {
  const context = createCanvas(800, 420).getContext("2d");
  const printed: string[] = [];
  const fillText = context.fillText.bind(context);
  context.fillText = (text: string, x: number, y: number) => {
    printed.push(text);
    fillText(text, x, y);
  };
  draw(context);
  return printed;
}

/** A course of `weeks` weeks, every third one read by everyone: the widest percent, "100%", on its bars. */
function courseOf(weeks: number) {
  return {
    weeks: Array.from({ length: weeks }, (_, index) => ({ weekNumber: index + 1, percent: index % 3 === 0 ? 100 : 67, breakWeek: false })),
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
        const printed = printedBy((context) => drawCourseChart(context, fonts, view));
        const cut = printed.filter((text) => text.endsWith("…"));
        expect({ weeks, cut }).toEqual({ weeks, cut: [] });
        // Still labelled: the first week's bar says its percent and its week.
        expect(printed).toEqual(expect.arrayContaining([view.weeks[0]?.text, view.weeks[0]?.label]));
      }
    });
  }

  it("labels every week of a 16-week course", () => {
    const view = courseChartView(translatorFor("en"), "Spring", courseOf(16));
    const printed = printedBy((context) => drawCourseChart(context, fonts, view));
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
      days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ date: "2027-01-11", weekday, minutes: 123_456, completions: 2 })),
      sections: [{ title: "Basics", percent: 50, weekStart: 1, weekEnd: 2 }],
    };
    const printed = printedBy((context) => drawWeeklyChart(context, fonts, weeklyChartView(translatorFor("en"), week)));
    expect(printed.filter((text) => text === "123,456")).toHaveLength(7);
  });
});
