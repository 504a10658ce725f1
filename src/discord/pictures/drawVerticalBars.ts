import type { SKRSContext2D } from "@napi-rs/canvas";
import type { PictureFonts } from "./PictureFonts.js";
import type { Box } from "./drawShapes.js";
import { pictureTheme } from "./pictureTheme.js";
import { fitText } from "./fitText.js";

export interface VerticalBar {
  readonly label: string;
  readonly value: number;
  /** Printed above the bar. */
  readonly text: string;
  readonly colour?: string;
}

const labelBand = 26;
const valueBand = 24;

/** Bars scaled to the largest value (or to `scaleMax` when given), with labels below and values above. */
export function drawVerticalBars(
  context: SKRSContext2D,
  fonts: PictureFonts,
  area: Box,
  bars: readonly VerticalBar[],
  colour: string,
  scaleMax?: number,
): void {
  const baseline = area.y + area.height - labelBand;
  const plotHeight = area.height - labelBand - valueBand;
  context.fillStyle = pictureTheme.gridLine;
  context.fillRect(area.x, baseline, area.width, 2);
  if (bars.length === 0) return;
  const max = scaleMax ?? Math.max(1, ...bars.map((bar) => bar.value));
  const slot = area.width / bars.length;
  const barWidth = Math.max(4, Math.min(56, slot * 0.62));
  const { fontSize, labelStride } = labelLayout(context, fonts, bars, slot);
  bars.forEach((bar, index) => {
    const centre = area.x + slot * index + slot / 2;
    const scaled = Math.round((Math.min(bar.value, max) / max) * plotHeight);
    // A little reading still shows as a sliver, so it never looks like none.
    const height = bar.value > 0 ? Math.max(3, scaled) : 0;
    if (height > 0) {
      const box = { x: Math.round(centre - barWidth / 2), y: baseline - height, width: Math.round(barWidth), height };
      const radius = Math.min(6, barWidth / 2, height);
      context.fillStyle = bar.colour ?? colour;
      context.beginPath();
      // Rounded at the top only, so the bar stands on the baseline.
      context.roundRect(box.x, box.y, box.width, box.height, [radius, radius, 0, 0]);
      context.fill();
    }
    if (index % labelStride !== 0) return;
    context.textAlign = "center";
    context.font = fonts.font(fontSize, "bold");
    context.fillStyle = pictureTheme.text;
    context.fillText(fitText(context, bar.text, slot * labelStride - textGap), centre, baseline - height - 8);
    context.font = fonts.font(fontSize);
    context.fillStyle = pictureTheme.mutedText;
    context.fillText(fitText(context, bar.label, slot * labelStride - textGap), centre, baseline + labelBand - 6);
  });
  context.textAlign = "left";
}

/** Room a bar's texts leave between them and their neighbours'. */
const textGap = 4;
/** Font sizes for the bars' texts, largest first: the smallest still reads on a phone. */
const fontSizes = [16, 15, 14, 13, 12, 11] as const;

/**
 * The font size and how many bars share one pair of texts (the first bar of each stride has them):
 * measured, so that a number is never cut short, since "10…" above a week everyone read looks like 10 %.
 * The largest size at which every bar has its texts, else the smaller 13 px with every n-th bar's.
 */
function labelLayout(
  context: SKRSContext2D,
  fonts: PictureFonts,
  bars: readonly VerticalBar[],
  slot: number,
): { fontSize: number; labelStride: number } {
  const widest = (fontSize: number): number => {
    context.font = fonts.font(fontSize, "bold");
    const texts = Math.max(...bars.map((bar) => context.measureText(bar.text).width));
    context.font = fonts.font(fontSize);
    return Math.max(texts, ...bars.map((bar) => context.measureText(bar.label).width));
  };
  for (const fontSize of fontSizes) if (widest(fontSize) + textGap <= slot) return { fontSize, labelStride: 1 };
  const fontSize = 13;
  return { fontSize, labelStride: Math.ceil((widest(fontSize) + textGap) / slot) };
}

export function drawChartTitle(context: SKRSContext2D, fonts: PictureFonts, title: string, width: number): void {
  context.font = fonts.font(30, "bold");
  context.fillStyle = pictureTheme.text;
  context.textAlign = "left";
  context.fillText(fitText(context, title, width), 32, 58);
}
