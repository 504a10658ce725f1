import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";

/** A text a picture printed, with the font it was printed in. */
export interface PrintedText {
  readonly text: string;
  readonly font: string;
}

/** Every text `draw` prints on a real canvas of the given size, in order, with its font. */
export function printedWithFontsBy(size: { width: number; height: number }, draw: (context: SKRSContext2D) => void): PrintedText[] {
  const context = createCanvas(size.width, size.height).getContext("2d");
  const printed: PrintedText[] = [];
  const fillText = context.fillText.bind(context);
  context.fillText = (text: string, x: number, y: number) => {
    printed.push({ text, font: context.font });
    fillText(text, x, y);
  };
  draw(context);
  return printed;
}

/** Every text `draw` prints on a real canvas of the given size, in order. */
export function printedBy(size: { width: number; height: number }, draw: (context: SKRSContext2D) => void): string[] {
  return printedWithFontsBy(size, draw).map((printed) => printed.text);
}
