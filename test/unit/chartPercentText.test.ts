import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { drawCourseChart } from "../../src/discord/pictures/drawCourseChart.js";
import { drawWeeklyChart } from "../../src/discord/pictures/drawWeeklyChart.js";
import { PictureFonts } from "../../src/discord/pictures/PictureFonts.js";
import { courseChartView, weeklyChartView } from "../../src/discord/render/postPictures.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";

const fonts = new PictureFonts();
const course = {
  weeks: [
    { weekNumber: 1, percent: 67, breakWeek: false, nothingAssigned: false },
    { weekNumber: 2, percent: 100, breakWeek: false, nothingAssigned: false },
  ],
};
const week = {
  weekNumber: 2,
  startDate: "2027-01-11",
  endDate: "2027-01-18",
  timed: true,
  beforeStart: null,
  days: [{ date: "2027-01-11", weekday: 1, minutes: 45, completions: 2, over: true }],
  sections: [{ title: "Fundamentos", percent: 66.7, weekStart: 1, weekEnd: 2 }],
};

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

/** "Numbers follow the language" (PRODUCT.md, Languages): the pictures' percents too, as their alt text writes them. */
describe("percents on the charts", () => {
  it("writes the Spanish course chart's bars and axis as Spanish does: 67 %, never 67%", () => {
    const printed = printedBy((context) => drawCourseChart(context, fonts, courseChartView(translatorFor("es"), "Primavera", course)));
    expect(printed).toEqual(expect.arrayContaining(["67 %", "100 %", "50 %"]));
    expect(printed.filter((text) => /\d%/.test(text))).toEqual([]);
  });

  it("writes the Spanish weekly chart's section percents as Spanish does", () => {
    const printed = printedBy((context) => drawWeeklyChart(context, fonts, weeklyChartView(translatorFor("es"), week)));
    expect(printed).toContain("67 %");
    expect(printed.filter((text) => /\d%/.test(text))).toEqual([]);
  });

  it("prints a dash, not 0 %, over a Spanish course chart's week that assigned nothing", () => {
    const empty = { weeks: [...course.weeks, { weekNumber: 3, percent: 0, breakWeek: false, nothingAssigned: true }] };
    const printed = printedBy((context) => drawCourseChart(context, fonts, courseChartView(translatorFor("es"), "Primavera", empty)));
    expect(printed).toContain("–");
    expect(printed).not.toContain("0 %");
  });

  it("keeps English percents as English writes them", () => {
    const printed = printedBy((context) => drawCourseChart(context, fonts, courseChartView(translatorFor("en"), "Spring", course)));
    expect(printed).toEqual(expect.arrayContaining(["67%", "100%", "50%"]));
    const weekly = printedBy((context) => drawWeeklyChart(context, fonts, weeklyChartView(translatorFor("en"), week)));
    expect(weekly).toContain("67%");
  });
});
