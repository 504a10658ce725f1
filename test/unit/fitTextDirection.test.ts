import { describe, expect, it } from "vitest";
import { createCanvas } from "@napi-rs/canvas";
import type { SKRSContext2D } from "@napi-rs/canvas";
import { PictureFonts } from "../../src/discord/pictures/PictureFonts.js";
import { fitText } from "../../src/discord/pictures/fitText.js";
import { fillLine } from "../../src/discord/pictures/textDirection.js";

/**
 * A name in Arabic, Hebrew (or Adlam, Samaritan, …) reads from right to left: cut short, its ellipsis belongs at its end, on the
 * left, where the cut is. Drawn at the right (where a left-to-right line ends), it reads as if the name's
 * beginning were missing.
 */
const fonts = new PictureFonts();
const size = { width: 520, height: 60 } as const;
const baseline = 44;
const left = 10;

/** The leftmost and rightmost columns with ink in rows [top, bottom). */
function inkColumns(context: SKRSContext2D, top: number, bottom: number): { from: number; to: number } {
  const { data } = context.getImageData(0, top, size.width, bottom - top);
  let from: number = size.width;
  let to = -1;
  for (let index = 0; index < data.length; index += 4) {
    if ((data[index] ?? 255) >= 128) continue;
    const column = (index / 4) % size.width;
    from = Math.min(from, column);
    to = Math.max(to, column);
  }
  return { from, to };
}

/**
 * How far the ellipsis's dots stand out of the letters on each side: the dots of a 30 px ellipsis sit within
 * 4 px of the baseline, so the letters are the ink 9 px or more above it, and the dots the rest of the line's.
 */
function dotsBeyondLetters(text: string, maxWidth: number): { onTheLeft: number; onTheRight: number; ellipsis: number } {
  const context = createCanvas(size.width, size.height).getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, size.width, size.height);
  context.fillStyle = "#000000";
  context.font = fonts.font(30);
  context.textAlign = "left";
  const fitted = fitText(context, text, maxWidth);
  expect(fitted).not.toBe(text);
  // As the pictures draw every line: in its own direction.
  fillLine(context, fitted, left, baseline);
  const letters = inkColumns(context, 0, baseline - 9);
  const line = inkColumns(context, 0, size.height);
  return { onTheLeft: letters.from - line.from, onTheRight: line.to - letters.to, ellipsis: context.measureText("…").width };
}

describe("a right-to-left name cut to fit", () => {
  it.each([
    ["Arabic", "محمد عبد الرحمن الخوارزمي بن موسى"],
    ["Hebrew", "דוד בן גוריון ומשפחתו הגדולה מאוד"],
    ["Adlam", "𞤀𞤌𞤃𞤔𞤅𞤢𞤈𞤞𞤂 𞤣𞤧𞤫𞤥𞤰𞤩𞤤𞤭 𞤄𞤒𞤆𞤙𞤊𞤁𞤍"],
    ["Samaritan", "ࠁࠅࠉࠃࠎࠇࠂࠋ ࠄࠒࠆࠔࠊࠁࠍࠏ ࠀࠌࠃࠑࠅࠈࠓ"],
  ])("in %s shows its ellipsis on the left, where the name's end was cut", (_, name) => {
    const { onTheLeft, onTheRight, ellipsis } = dotsBeyondLetters(name, 260);
    expect(onTheLeft).toBeGreaterThan(ellipsis / 2);
    expect(onTheRight).toBeLessThan(ellipsis / 2);
  });

  it("keeps a left-to-right name's ellipsis on the right", () => {
    const { onTheLeft, onTheRight, ellipsis } = dotsBeyondLetters("Dmitri Alexandrovich Kovalev-Semenov", 260);
    expect(onTheRight).toBeGreaterThan(ellipsis / 2);
    expect(onTheLeft).toBeLessThan(ellipsis / 2);
  });
});
