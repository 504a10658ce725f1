import type { SKRSContext2D } from "@napi-rs/canvas";
import type { PictureFonts } from "./PictureFonts.js";
import type { WeeklyChartView } from "./pictureViews.js";
import { pictureTheme } from "./pictureTheme.js";
import { clampPercent, drawBar, fillRoundedRect } from "./drawShapes.js";
import { fitText } from "./fitText.js";
import { fillLine } from "./textDirection.js";
import { rowsThatFit } from "./rowsThatFit.js";
import { drawChartTitle, drawVerticalBars } from "./drawVerticalBars.js";

export const weeklyChartSize = { width: 800, height: 420 } as const;

const padding = 32;
const minutesPanel = { x: padding, y: 120, width: 400, height: 260 } as const;
const sectionsPanel = { x: 472, width: 296 } as const;
/** Where the first section's title starts and stands (17 px). */
export const firstSectionLine = { x: sectionsPanel.x, baseline: minutesPanel.y + 12 + 14 } as const;
/** The most section rows the chart draws (the last one may be "+n more"). */
export const maxSectionRows = 6;

export function drawWeeklyChart(context: SKRSContext2D, fonts: PictureFonts, view: WeeklyChartView): void {
  context.fillStyle = pictureTheme.background;
  context.fillRect(0, 0, weeklyChartSize.width, weeklyChartSize.height);
  fillRoundedRect(context, { x: 0, y: 0, width: weeklyChartSize.width, height: 6 }, 0, pictureTheme.accent);
  drawChartTitle(context, fonts, view.title, weeklyChartSize.width - padding * 2);
  drawPanelTitle(context, fonts, view.labels.perDay, minutesPanel.x, minutesPanel.width);
  const bars = view.days.map((day) => ({
    label: day.label,
    value: Math.max(0, day.value),
    text: day.text,
  }));
  drawVerticalBars(context, fonts, minutesPanel, bars, pictureTheme.accent);
  drawPanelTitle(context, fonts, view.labels.sectionCompletion, sectionsPanel.x, sectionsPanel.width);
  drawSectionRows(context, fonts, view);
}

function drawSectionRows(context: SKRSContext2D, fonts: PictureFonts, view: WeeklyChartView): void {
  const { x, width } = sectionsPanel;
  const { shown, hidden } = rowsThatFit(view.sections, maxSectionRows);
  shown.forEach((section, index) => {
    const top = minutesPanel.y + 12 + index * 44;
    const percent = clampPercent(section.percent);
    const percentText = section.text;
    context.font = fonts.font(17, "bold");
    context.fillStyle = pictureTheme.mutedText;
    context.textAlign = "right";
    context.fillText(percentText, x + width, top + 14);
    const percentWidth = context.measureText(percentText).width;
    context.textAlign = "left";
    context.font = fonts.font(17);
    context.fillStyle = pictureTheme.text;
    fillLine(context, fitText(context, section.title, width - percentWidth - 12), x, top + 14);
    const colour = percent >= 100 ? pictureTheme.success : pictureTheme.accent;
    drawBar(context, { x, y: top + 22, width, height: 10 }, percent / 100, colour);
  });
  if (hidden > 0) {
    context.font = fonts.font(17);
    context.fillStyle = pictureTheme.faintText;
    context.fillText(fitText(context, view.labels.moreSections(hidden), width), x, minutesPanel.y + 12 + shown.length * 44 + 20);
  }
}

function drawPanelTitle(context: SKRSContext2D, fonts: PictureFonts, title: string, x: number, width: number): void {
  context.font = fonts.font(15, "bold");
  context.fillStyle = pictureTheme.faintText;
  context.textAlign = "left";
  context.fillText(fitText(context, title.toUpperCase(), width), x, 104);
}
