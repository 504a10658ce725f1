import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { drawCourseChart } from "../../src/discord/pictures/drawCourseChart.js";
import { PictureFonts } from "../../src/discord/pictures/PictureFonts.js";
import { courseChartView } from "../../src/discord/render/postPictures.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";

/**
 * QA probe. "Dates, times, numbers and plurals follow the language" (PRODUCT.md, Languages). The Spanish
 * closing post's course chart says "semana 1: 67 %" in its alt text (the catalogue's `{percent, number} %`),
 * but the picture itself prints "67%" and "50%"/"100%" on its axis, formatted in code outside the catalogue.
 */
describe("QA: the Spanish course chart writes its percents as Spanish does", () => {
  it("prints 67 % (as its alt text does), not 67%", () => {
    const t = translatorFor("es");
    const view = courseChartView(t, "Primavera", {
      weeks: [
        { weekNumber: 1, percent: 67, breakWeek: false },
        { weekNumber: 2, percent: 100, breakWeek: false },
      ],
    });
    const canvas = createCanvas(800, 420);
    const context = canvas.getContext("2d");
    const printed: string[] = [];
    const fillText = context.fillText.bind(context);
    context.fillText = (text: string, x: number, y: number) => {
      printed.push(text);
      fillText(text, x, y);
    };
    const fonts = new PictureFonts();
    drawCourseChart(context, fonts, view);

    expect(printed).toContain("67 %");
    expect(printed.filter((text) => /\d%/.test(text))).toEqual([]);
  });
});
