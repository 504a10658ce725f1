import { describe, expect, it } from "vitest";
import { createCanvas } from "@napi-rs/canvas";
import type { SKRSContext2D } from "@napi-rs/canvas";
import { PictureFonts } from "../../src/discord/pictures/PictureFonts.js";
import { drawProgressCard, progressCardSize, studyGridLayout } from "../../src/discord/pictures/drawProgressCard.js";
import type { ProgressCardView } from "../../src/discord/pictures/pictureViews.js";
import { studyDayColour } from "../../src/discord/pictures/pictureTheme.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { cyrillicCardView } from "../helpers/stagedPictureViews.js";

/**
 * A study day a streak freeze covered kept the streak: on the card's grid it must not look like a miss, and the
 * legend says what it is.
 */
const fonts = new PictureFonts();

const { cell, column: streakColumn, legendTop, swatch } = studyGridLayout;
/** One of the grid's cells on the card. */
const cellAt = (row: number, column: number) => ({
  x: studyGridLayout.left + column * (cell.size + cell.gap),
  y: studyGridLayout.top + row * (cell.size + cell.gap),
  size: cell.size,
});

function drawn(view: ProgressCardView): SKRSContext2D {
  const context = createCanvas(progressCardSize.width, progressCardSize.height).getContext("2d");
  drawProgressCard(context, fonts, view);
  return context;
}

function colourAt(context: SKRSContext2D, x: number, y: number): string {
  const [red = 0, green = 0, blue = 0] = context.getImageData(x, y, 1, 1).data;
  return `${red},${green},${blue}`;
}

/** The distinct colours inside a cell (a 1 px margin left for its rounded corners' edges). */
function coloursIn(context: SKRSContext2D, cell: { x: number; y: number; size: number }): Set<string> {
  const inner = cell.size - 8;
  const { data } = context.getImageData(cell.x + 4, cell.y + 4, inner, inner);
  const colours = new Set<string>();
  for (let index = 0; index < data.length; index += 4) colours.add(`${data[index]},${data[index + 1]},${data[index + 2]}`);
  return colours;
}

describe("the progress card's frozen study day", () => {
  // Week W5's Tuesday: missed in one card, covered by a freeze in the other.
  const missedView = cyrillicCardView;
  const frozenWeeks = cyrillicCardView.weeks.map((week, row) =>
    row === 2 ? { ...week, days: week.days.map((day, column) => (column === 1 ? ("frozen" as const) : day)) } : week,
  );
  const frozenView: ProgressCardView = { ...cyrillicCardView, weeks: frozenWeeks };

  it("draws a frozen day unlike a missed one, with a mark a colour-blind reader can tell apart", () => {
    expect(missedView.weeks[2]?.days[1]).toBe("missed");
    const missed = drawn(missedView);
    const frozen = drawn(frozenView);
    const cell = cellAt(2, 1);
    const edge = { x: cell.x + 4, y: cell.y + cell.size / 2 };
    expect(colourAt(frozen, edge.x, edge.y)).not.toBe(colourAt(missed, edge.x, edge.y));
    // A missed day is one flat colour; a frozen one carries a drawn mark over its fill.
    expect(coloursIn(missed, cell).size).toBe(1);
    expect(coloursIn(frozen, cell).size).toBeGreaterThan(1);
  });

  it("names the frozen day in the legend, beside done, missed and day off", () => {
    const frozen = drawn(frozenView);
    const cell = cellAt(2, 1);
    const fill = colourAt(frozen, cell.x + 4, cell.y + cell.size / 2);
    // The legend's row, under the grid, through its swatches' middle.
    const legendRow = frozen.getImageData(streakColumn.x, legendTop + Math.floor(swatch.size / 2), streakColumn.width, 1).data;
    const colours = new Set<string>();
    for (let index = 0; index < legendRow.length; index += 4)
      colours.add(`${legendRow[index]},${legendRow[index + 1]},${legendRow[index + 2]}`);
    expect(colours).toContain(fill);
    const unlabelled = drawn({ ...frozenView, labels: { ...frozenView.labels, legend: { ...frozenView.labels.legend, frozen: "" } } });
    const band = [streakColumn.x, legendTop - 2, streakColumn.width, swatch.size + 6] as const;
    expect(Buffer.from(unlabelled.getImageData(...band).data).equals(Buffer.from(frozen.getImageData(...band).data))).toBe(false);
  });
});

describe("the progress card's legend", () => {
  const order = ["done", "missed", "frozen", "dayOff"] as const;
  const es = translatorFor("es");
  const spanish = {
    done: es.plain("progressCard.legendDone"),
    missed: es.plain("progressCard.legendMissed"),
    frozen: es.plain("progressCard.legendFrozen"),
    dayOff: es.plain("progressCard.legendDayOff"),
  };
  const long = {
    done: "Día de estudio completado",
    missed: "Día de estudio perdido",
    frozen: "Cubierto por un comodín de racha",
    dayOff: "Día de descanso de la cohorte",
  };

  /** Where each swatch's colour runs along a line through the swatches' top part (over the snowflake's arms). */
  function swatchRuns(context: SKRSContext2D): { from: number; to: number }[] {
    const y = legendTop + 2;
    const { data } = context.getImageData(0, y, progressCardSize.width, 1);
    return order.map((state) => {
      const hex = studyDayColour[state];
      const wanted = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(",");
      const xs: number[] = [];
      for (let x = streakColumn.x; x < data.length / 4; x += 1)
        if (`${data[x * 4]},${data[x * 4 + 1]},${data[x * 4 + 2]}` === wanted) xs.push(x);
      return { from: Math.min(...xs), to: Math.max(...xs) };
    });
  }

  /** The columns with light ink (words) in the legend's line. */
  function inkedColumns(context: SKRSContext2D): number[] {
    const { data } = context.getImageData(0, legendTop - 4, progressCardSize.width, swatch.size + 10);
    const columns = new Set<number>();
    for (let index = 0; index < data.length; index += 4)
      if ((data[index] ?? 0) > 120 && (data[index + 1] ?? 0) > 120 && (data[index + 2] ?? 0) > 120)
        columns.add((index / 4) % progressCardSize.width);
    return [...columns];
  }

  it.each([
    ["Spanish words", spanish],
    ["long words, cut to fit", long],
  ])("keeps its four entries in order inside the streak column, none over the next, with %s", (_, legend) => {
    const card = drawn({ ...cyrillicCardView, labels: { ...cyrillicCardView.labels, legend } });
    const runs = swatchRuns(card);
    runs.forEach((run, index) => {
      // Each swatch whole (no word drawn over it), left of the next one's.
      expect(run.to - run.from).toBeGreaterThanOrEqual(swatch.size - 4);
      if (index > 0) expect(run.from).toBeGreaterThan((runs[index - 1]?.to ?? 0) + swatch.gap);
    });
    const ink = inkedColumns(card);
    const right = streakColumn.x + streakColumn.width;
    expect(Math.min(...ink)).toBeGreaterThanOrEqual(streakColumn.x);
    expect(Math.max(...ink)).toBeLessThanOrEqual(right);
    // A word ends before the next swatch begins.
    for (const run of runs.slice(1)) expect(ink.filter((x) => x >= run.from - 3 && x < run.from)).toEqual([]);
  });
});
