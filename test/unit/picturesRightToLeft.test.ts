import { describe, expect, it } from "vitest";
import { createCanvas } from "@napi-rs/canvas";
import type { SKRSContext2D } from "@napi-rs/canvas";
import { PictureFonts } from "../../src/discord/pictures/PictureFonts.js";
import { drawProgressCard, memberNameLine, progressCardSize } from "../../src/discord/pictures/drawProgressCard.js";
import { drawWeeklyChart, firstSectionLine, weeklyChartSize } from "../../src/discord/pictures/drawWeeklyChart.js";
import { chartTitleLine } from "../../src/discord/pictures/drawVerticalBars.js";
import { drawCourseChart, courseChartSize } from "../../src/discord/pictures/drawCourseChart.js";
import { courseChartView } from "../../src/discord/render/postPictures.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { cyrillicCardView, weeklyChartView } from "../helpers/stagedPictureViews.js";

/**
 * An Arabic or Hebrew name reads from right to left, a Latin part in it included: "محمد Smith" puts محمد on the
 * right, where the line begins for its reader, and Smith on its left. The pictures keep each column's edge (the
 * names start where the other rows start) and draw such a line in its own direction, judged by its first letter.
 */
const fonts = new PictureFonts();

interface Band {
  readonly x: number;
  readonly width: number;
  readonly top: number;
  readonly baseline: number;
}
/** The card's name line (34 px bold) and the weekly chart's first section title (17 px), from where they start. */
const cardName: Band = { ...memberNameLine, width: 500, top: memberNameLine.baseline - 40 };
const chartSection: Band = { ...firstSectionLine, width: 230, top: firstSectionLine.baseline - 16 };

function cardWithName(name: string): SKRSContext2D {
  const context = createCanvas(progressCardSize.width, progressCardSize.height).getContext("2d");
  drawProgressCard(context, fonts, { ...cyrillicCardView, memberName: name });
  return context;
}

function chartWithSection(title: string): SKRSContext2D {
  const context = createCanvas(weeklyChartSize.width, weeklyChartSize.height).getContext("2d");
  const [first, ...rest] = weeklyChartView.sections;
  drawWeeklyChart(context, fonts, { ...weeklyChartView, sections: [{ ...(first ?? { percent: 50, text: "50%" }), title }, ...rest] });
  return context;
}

/** For each column of the band, whether it has light ink (text) between `top` and `bottom`. */
function inkedColumns(context: SKRSContext2D, band: Band, top: number, bottom: number): boolean[] {
  const { data } = context.getImageData(band.x - 8, top, band.width + 8, bottom - top);
  const width = band.width + 8;
  const columns = Array.from({ length: width }, () => false);
  for (let index = 0; index < data.length; index += 4) {
    if ((data[index] ?? 0) > 150) columns[(index / 4) % width] = true;
  }
  return columns;
}

function extent(columns: readonly boolean[]): { from: number; to: number } {
  return { from: columns.indexOf(true), to: columns.lastIndexOf(true) };
}

/** Where two lines drawn in the same band differ: the first and last differing columns. */
function differingColumns(one: SKRSContext2D, other: SKRSContext2D, band: Band): { from: number; to: number } {
  const a = inkedColumns(one, band, band.top, band.baseline + 10);
  const b = inkedColumns(other, band, band.top, band.baseline + 10);
  return extent(a.map((ink, column) => ink !== b[column]));
}

describe.each([
  ["the progress card's name", cardName, cardWithName],
  ["the weekly chart's section titles", chartSection, chartWithSection],
] as const)("right-to-left lines in %s", (_, band, draw) => {
  it("start at the column's edge and put a Latin part after the Arabic, on its left", () => {
    const smith = draw("محمد Smith");
    const jones = draw("محمد Jones");
    // Only the Latin part differs: it must stand at the column's edge (8 px of margin in the band), not after محمد.
    expect(differingColumns(smith, jones, band).from).toBeLessThan(8 + 6);
    expect(extent(inkedColumns(smith, band, band.top, band.baseline + 10)).from).toBeLessThan(8 + 6);
  });

  it("keep a left-to-right line with an Arabic part as it was: Latin first, on the left", () => {
    const ada = draw("Ada محمد");
    const eve = draw("Eve محمد");
    expect(differingColumns(ada, eve, band).from).toBeLessThan(8 + 6);
    const ahmed = draw("Ada أحمد");
    // The Arabic part follows on the right.
    expect(differingColumns(ada, ahmed, band).from).toBeGreaterThan(8 + 30);
  });
});

describe("an Arabic name cut in a Latin part", () => {
  it("ends with its ellipsis on the left, where its reader reaches the cut", () => {
    const name = "محمد عبد الرحمن Alexandrovich-Kovalev-Semenov of the Very Long Name";
    const card = cardWithName(name);
    // The ellipsis's dots sit on the baseline; letters rise 9 px or more above it.
    const letters = extent(inkedColumns(card, cardName, cardName.top, cardName.baseline - 9));
    const line = extent(inkedColumns(card, cardName, cardName.top, cardName.baseline + 10));
    const measure = createCanvas(10, 10).getContext("2d");
    measure.font = fonts.font(34, "bold");
    const ellipsis = measure.measureText("…").width;
    expect(letters.from - line.from).toBeGreaterThan(ellipsis / 2);
    expect(line.to - letters.to).toBeLessThan(ellipsis / 2);
  });
});

describe("the course chart's title naming a cohort with an Arabic name", () => {
  /** The title's line: 30 px bold. */
  const title: Band = { ...chartTitleLine, width: 736, top: chartTitleLine.baseline - 32 };
  const weeks = [60, 80].map((percent, index) => ({ weekNumber: index + 1, percent, breakWeek: false, nothingAssigned: false }));

  function chartFor(cohortName: string): SKRSContext2D {
    const context = createCanvas(courseChartSize.width, courseChartSize.height).getContext("2d");
    drawCourseChart(context, fonts, courseChartView(translatorFor("en"), cohortName, { weeks }));
    return context;
  }

  it('stays an English sentence, read left to right: the name first, on the left, then "· the whole course"', () => {
    // Only the names differ; in an English title they begin it, at the column's edge.
    expect(differingColumns(chartFor("الربيع"), chartFor("الخريف"), title).from).toBeLessThan(8 + 6);
    // The name is isolated, so neither the sentence nor its "·" is read into its direction.
    expect(courseChartView(translatorFor("en"), "الربيع", { weeks }).title).toBe("\u2068الربيع\u2069 · the whole course");
  });
});
