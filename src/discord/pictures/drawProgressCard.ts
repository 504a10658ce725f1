import type { SKRSContext2D } from "@napi-rs/canvas";
import type { PictureFonts } from "./PictureFonts.js";
import type { ProgressCardView } from "./pictureViews.js";
import { StudyDayState } from "./pictureViews.js";
import { pictureTheme, studyDayColour } from "./pictureTheme.js";
import { drawBar, fillRoundedRect, shareOf } from "./drawShapes.js";
import { fitText } from "./fitText.js";
import { fillLine } from "./textDirection.js";
import { largestFittingSize } from "./largestFittingSize.js";
import { rowsThatFit } from "./rowsThatFit.js";

export const progressCardSize = { width: 800, height: 470 } as const;

const padding = 32;
const sectionColumn = { x: padding, width: 380 } as const;
const streakColumn = { x: 448, width: 320 } as const;
const bodyTop = 196;
/** The most section rows the card draws (the last one may be "+n more"). */
export const maxSectionRows = 5;
const cell = { size: 30, gap: 6 } as const;
/** Where the member's name starts and stands (34 px bold). */
export const memberNameLine = { x: padding, baseline: 62 } as const;
const swatch = { size: 14, gap: 6, after: 14 } as const;
/** The weekday letters' line, over the grid. */
const gridTop = bodyTop + 62;
const weekLabelWidth = streakColumn.width - 7 * (cell.size + cell.gap) + cell.gap;
/** Where the study-day grid's cells and its legend's swatches are drawn (the tests look at them there). */
export const studyGridLayout = {
  column: streakColumn,
  left: streakColumn.x + weekLabelWidth,
  top: gridTop + 20,
  cell,
  legendTop: gridTop + 20 + 4 * (cell.size + cell.gap) + 10,
  swatch,
} as const;

export function drawProgressCard(context: SKRSContext2D, fonts: PictureFonts, view: ProgressCardView): void {
  const { width, height } = progressCardSize;
  context.fillStyle = pictureTheme.background;
  context.fillRect(0, 0, width, height);
  fillRoundedRect(context, { x: 0, y: 0, width, height: 6 }, 0, pictureTheme.accent);
  drawHeader(context, fonts, view);
  drawRequired(context, fonts, view);
  drawSections(context, fonts, view);
  drawStreak(context, fonts, view);
}

function drawHeader(context: SKRSContext2D, fonts: PictureFonts, view: ProgressCardView): void {
  const scoreWidth = 220;
  const nameWidth = progressCardSize.width - padding * 2 - scoreWidth - 16;
  context.textBaseline = "alphabetic";
  context.textAlign = "left";
  context.fillStyle = pictureTheme.text;
  context.font = fonts.font(34, "bold");
  fillLine(context, fitText(context, view.memberName, nameWidth), memberNameLine.x, memberNameLine.baseline);
  context.fillStyle = pictureTheme.mutedText;
  context.font = fonts.font(20);
  fillLine(context, fitText(context, view.cohortName, nameWidth), padding, 92);

  const right = progressCardSize.width - padding;
  context.textAlign = "right";
  context.fillStyle = pictureTheme.warning;
  context.font = fonts.font(34, "bold");
  const points = view.labels.pointsValue;
  context.fillText(points, right, 62);
  const pointsWidth = context.measureText(points).width;
  context.fillStyle = pictureTheme.mutedText;
  context.font = fonts.font(18);
  context.fillText(fitText(context, view.labels.points, scoreWidth - pointsWidth - 10), right - pointsWidth - 10, 62);
  context.font = fonts.font(20, "bold");
  context.fillStyle = pictureTheme.text;
  context.fillText(fitText(context, view.labels.rank, scoreWidth), right, 92);
  context.textAlign = "left";
}

function drawRequired(context: SKRSContext2D, fonts: PictureFonts, view: ProgressCardView): void {
  const barWidth = progressCardSize.width - padding * 2;
  const { done, total } = view.required;
  context.fillStyle = pictureTheme.text;
  context.font = fonts.font(22, "bold");
  const count = view.labels.count(view.required);
  context.textAlign = "right";
  context.fillText(count, padding + barWidth, 136);
  const countWidth = context.measureText(count).width;
  context.textAlign = "left";
  context.fillText(fitText(context, view.labels.required, barWidth - countWidth - 16), padding, 136);
  const complete = total > 0 && done >= total;
  drawBar(
    context,
    { x: padding, y: 148, width: barWidth, height: 20 },
    shareOf(done, total),
    complete ? pictureTheme.success : pictureTheme.accent,
  );
}

function drawSections(context: SKRSContext2D, fonts: PictureFonts, view: ProgressCardView): void {
  const { x, width } = sectionColumn;
  drawColumnTitle(context, fonts, view.labels.sections, x, width);
  const { shown, hidden } = rowsThatFit(view.sections, maxSectionRows);
  shown.forEach((section, index) => {
    const top = bodyTop + 24 + index * 46;
    context.font = fonts.font(18, "bold");
    context.fillStyle = pictureTheme.mutedText;
    const count = view.labels.sectionCount(section);
    context.textAlign = "right";
    context.fillText(count, x + width, top + 14);
    const countWidth = context.measureText(count).width;
    context.textAlign = "left";
    context.font = fonts.font(18);
    context.fillStyle = pictureTheme.text;
    fillLine(context, fitText(context, section.title, width - countWidth - 12), x, top + 14);
    const complete = section.total > 0 && section.done >= section.total;
    drawBar(
      context,
      { x, y: top + 22, width, height: 10 },
      shareOf(section.done, section.total),
      complete ? pictureTheme.success : pictureTheme.accent,
    );
  });
  if (hidden > 0) {
    context.font = fonts.font(18);
    context.fillStyle = pictureTheme.faintText;
    context.fillText(fitText(context, view.labels.moreSections(hidden), width), x, bodyTop + 24 + shown.length * 46 + 20);
  }
}

function drawStreak(context: SKRSContext2D, fonts: PictureFonts, view: ProgressCardView): void {
  const { x, width } = streakColumn;
  drawColumnTitle(context, fonts, view.labels.streak, x, width);
  context.font = fonts.font(16);
  context.fillStyle = pictureTheme.mutedText;
  context.textAlign = "right";
  const freezes = fitText(context, view.labels.freezes, width / 2 - 8);
  context.fillText(freezes, x + width, bodyTop + 42);
  context.textAlign = "left";
  // The streak takes the rest of the line, in a smaller font rather than cut: "🔥 Starts…" would lose its date.
  const room = freezes === "" ? width : width - context.measureText(freezes).width - 12;
  context.font = fonts.font(fontSizeThatFits(context, fonts, view.labels.streakValue, room), "bold");
  context.fillStyle = view.streakDays > 0 ? pictureTheme.warning : pictureTheme.mutedText;
  context.fillText(fitText(context, view.labels.streakValue, room), x, bodyTop + 44);
  drawStudyGrid(context, fonts, view);
}

/** Sizes for the streak's value, largest first. */
const streakFontSizes = [26, 24, 22, 20, 18] as const;
const smallestStreakFont = 16;

/** The largest of streakFontSizes at which the bold text fits `room`, else the smallest (the text is then cut). */
function fontSizeThatFits(context: SKRSContext2D, fonts: PictureFonts, text: string, room: number): number {
  const fits = (size: number): boolean => {
    context.font = fonts.font(size, "bold");
    return context.measureText(text).width <= room;
  };
  return largestFittingSize(streakFontSizes, fits) ?? smallestStreakFont;
}

function drawStudyGrid(context: SKRSContext2D, fonts: PictureFonts, view: ProgressCardView): void {
  const gridLeft = studyGridLayout.left;
  context.font = fonts.font(13);
  context.fillStyle = pictureTheme.faintText;
  context.textAlign = "center";
  view.labels.weekdays.slice(0, 7).forEach((weekday, column) => {
    const centre = gridLeft + column * (cell.size + cell.gap) + cell.size / 2;
    context.fillText(fitText(context, weekday, cell.size + cell.gap - 2), centre, gridTop + 12);
  });
  context.textAlign = "left";
  view.weeks.slice(-4).forEach((week, row) => {
    const rowTop = studyGridLayout.top + row * (cell.size + cell.gap);
    context.font = fonts.font(13);
    context.fillStyle = pictureTheme.faintText;
    context.fillText(fitText(context, week.label, weekLabelWidth - 8), streakColumn.x, rowTop + cell.size / 2 + 5);
    week.days.slice(0, 7).forEach((state, column) => {
      const box = { x: gridLeft + column * (cell.size + cell.gap), y: rowTop, width: cell.size, height: cell.size };
      drawDayCell(context, box, state);
    });
  });
  drawLegend(context, fonts, view, studyGridLayout.legendTop);
}

function drawDayCell(context: SKRSContext2D, box: { x: number; y: number; width: number; height: number }, state: StudyDayState): void {
  if (state === StudyDayState.future) {
    // An outline: the day is still to come, nothing to judge yet.
    context.strokeStyle = studyDayColour.future;
    context.lineWidth = 2;
    context.beginPath();
    context.roundRect(box.x + 1, box.y + 1, box.width - 2, box.height - 2, 6);
    context.stroke();
    return;
  }
  fillRoundedRect(context, box, 6, studyDayColour[state]);
  if (state === StudyDayState.frozen) drawSnowflake(context, box);
}

/** Three strokes crossing at the box's centre: a frozen day tells itself apart from a miss by shape, not colour alone. */
function drawSnowflake(context: SKRSContext2D, box: { x: number; y: number; width: number; height: number }): void {
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const arm = box.width * 0.3;
  context.strokeStyle = pictureTheme.frost;
  context.lineWidth = Math.max(1.5, box.width / 15);
  context.lineCap = "round";
  context.beginPath();
  for (const angle of [90, 30, 150]) {
    const dx = arm * Math.cos((angle * Math.PI) / 180);
    const dy = arm * Math.sin((angle * Math.PI) / 180);
    context.moveTo(centre.x - dx, centre.y - dy);
    context.lineTo(centre.x + dx, centre.y + dy);
  }
  context.stroke();
  context.lineCap = "butt";
}

const legendOrder = [StudyDayState.done, StudyDayState.missed, StudyDayState.frozen, StudyDayState.dayOff] as const;
/** The legend's font sizes, largest first: four words share one line under the grid. */
const legendFontSizes = [14, 13, 12] as const;
const smallestLegendFont = 12;

/** One line of swatches and words, each entry as wide as its word; cut to equal shares only when even 12 px overflows. */
function drawLegend(context: SKRSContext2D, fonts: PictureFonts, view: ProgressCardView, top: number): void {
  const words = legendOrder.map((state) => view.labels.legend[state]);
  const fixed = legendOrder.length * (swatch.size + swatch.gap) + (legendOrder.length - 1) * swatch.after;
  const fits = (size: number): boolean => {
    context.font = fonts.font(size);
    return words.reduce((sum, word) => sum + context.measureText(word).width, 0) <= streakColumn.width - fixed;
  };
  const size = largestFittingSize(legendFontSizes, fits);
  context.font = fonts.font(size ?? smallestLegendFont);
  const share = (streakColumn.width - fixed) / legendOrder.length;
  let left = streakColumn.x;
  legendOrder.forEach((state, index) => {
    const box = { x: left, y: top, width: swatch.size, height: swatch.size };
    fillRoundedRect(context, box, 3, studyDayColour[state]);
    if (state === StudyDayState.frozen) drawSnowflake(context, box);
    const word = size === undefined ? fitText(context, words[index] ?? "", share) : (words[index] ?? "");
    context.fillStyle = pictureTheme.mutedText;
    context.fillText(word, left + swatch.size + swatch.gap, top + 12);
    left += swatch.size + swatch.gap + context.measureText(word).width + swatch.after;
  });
}

function drawColumnTitle(context: SKRSContext2D, fonts: PictureFonts, title: string, x: number, width: number): void {
  context.font = fonts.font(15, "bold");
  context.fillStyle = pictureTheme.faintText;
  context.textAlign = "left";
  context.fillText(fitText(context, title.toUpperCase(), width), x, bodyTop + 4);
}
