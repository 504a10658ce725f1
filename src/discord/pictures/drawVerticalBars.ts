import type { SKRSContext2D } from "@napi-rs/canvas";
import type { PictureFonts } from "./PictureFonts.js";
import type { Box } from "./drawShapes.js";
import { pictureTheme } from "./pictureTheme.js";
import { fitText } from "./fitText.js";
import { largestFittingSize } from "./largestFittingSize.js";

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
    // Counted from the last bar, so the latest week always has its texts.
    if ((bars.length - 1 - index) % labelStride !== 0) return;
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
/** Font sizes for the bars' texts, largest first: 13 px is the smallest that still reads on a phone. */
const fontSizes = [16, 15, 14, 13] as const;
const smallestFontSize = 13;

/**
 * The font size and how many bars share one pair of texts (the last bar of each stride, counted from
 * the end, has them): measured, so that a number is never cut short, since "10…" above a week everyone
 * read looks like 10 %. The largest size at which every bar has its texts, else 13 px with every n-th bar's.
 */
function labelLayout(
  context: SKRSContext2D,
  fonts: PictureFonts,
  bars: readonly VerticalBar[],
  slot: number,
): { fontSize: number; labelStride: number } {
  // Each distinct text measured once per size: a course's bars repeat the same few percents.
  const texts = new Set(bars.map((bar) => bar.text));
  const labels = new Set(bars.map((bar) => bar.label));
  const widestAt = new Map<number, number>();
  const widest = (fontSize: number): number => {
    const known = widestAt.get(fontSize);
    if (known !== undefined) return known;
    const width = Math.max(widestOf(context, fonts.font(fontSize, "bold"), texts), widestOf(context, fonts.font(fontSize), labels));
    widestAt.set(fontSize, width);
    return width;
  };
  const fontSize = largestFittingSize(fontSizes, (size) => widest(size) + textGap <= slot);
  if (fontSize !== undefined) return { fontSize, labelStride: 1 };
  return { fontSize: smallestFontSize, labelStride: Math.ceil((widest(smallestFontSize) + textGap) / slot) };
}

function widestOf(context: SKRSContext2D, font: string, texts: ReadonlySet<string>): number {
  context.font = font;
  return Math.max(0, ...[...texts].map((text) => context.measureText(text).width));
}

/** Where a chart's title starts and stands (30 px bold). */
export const chartTitleLine = { x: 32, baseline: 58 } as const;

export function drawChartTitle(context: SKRSContext2D, fonts: PictureFonts, title: string, width: number): void {
  context.font = fonts.font(30, "bold");
  context.fillStyle = pictureTheme.text;
  context.textAlign = "left";
  context.fillText(fitText(context, title, width), chartTitleLine.x, chartTitleLine.baseline);
}
