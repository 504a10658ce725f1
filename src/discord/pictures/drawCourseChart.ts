import type { SKRSContext2D } from "@napi-rs/canvas";
import type { PictureFonts } from "./PictureFonts.js";
import type { CourseChartView } from "./pictureViews.js";
import { pictureTheme } from "./pictureTheme.js";
import { clampPercent, fillRoundedRect } from "./drawShapes.js";
import { fitText } from "./fitText.js";
import { drawChartTitle, drawVerticalBars } from "./drawVerticalBars.js";

export const courseChartSize = { width: 800, height: 420 } as const;

const padding = 32;
const axisWidth = 48;
const plot = { x: padding + axisWidth, y: 120, width: 800 - padding * 2 - axisWidth, height: 268 } as const;

export function drawCourseChart(context: SKRSContext2D, fonts: PictureFonts, view: CourseChartView): void {
  context.fillStyle = pictureTheme.background;
  context.fillRect(0, 0, courseChartSize.width, courseChartSize.height);
  fillRoundedRect(context, { x: 0, y: 0, width: courseChartSize.width, height: 6 }, 0, pictureTheme.accent);
  drawChartTitle(context, fonts, view.title, courseChartSize.width - padding * 2);
  context.font = fonts.font(15, "bold");
  context.fillStyle = pictureTheme.faintText;
  context.fillText(fitText(context, view.labels.completionPerWeek.toUpperCase(), plot.width), padding, 104);
  drawPercentAxis(context, fonts, view.labels.percentAxis);
  const bars = view.weeks.map((week) => {
    const percent = clampPercent(week.percent);
    return {
      label: week.label,
      value: percent,
      text: week.text,
      colour: percent >= 100 ? pictureTheme.success : pictureTheme.accent,
    };
  });
  drawVerticalBars(context, fonts, plot, bars, pictureTheme.accent, 100);
}

/** Faint lines at 50% and 100% so the bars can be read without their labels. */
function drawPercentAxis(context: SKRSContext2D, fonts: PictureFonts, labels: CourseChartView["labels"]["percentAxis"]): void {
  const baseline = plot.y + plot.height - 26;
  const plotHeight = plot.height - 26 - 24;
  context.font = fonts.font(13);
  context.textAlign = "right";
  for (const [percent, label] of [
    [50, labels.half],
    [100, labels.full],
  ] as const) {
    const y = baseline - Math.round((percent / 100) * plotHeight);
    context.fillStyle = pictureTheme.gridLine;
    context.fillRect(plot.x, y, plot.width, 1);
    context.fillStyle = pictureTheme.faintText;
    context.fillText(label, plot.x - 8, y + 4);
  }
  context.textAlign = "left";
}
