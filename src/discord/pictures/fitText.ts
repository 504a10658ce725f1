import type { SKRSContext2D } from "@napi-rs/canvas";

const ellipsis = "…";
/**
 * A right-to-left mark after the ellipsis of a right-to-left text: the pictures draw left-to-right lines, where
 * a bare ellipsis at the text's end would take the line's direction and stand on the right, where an Arabic or
 * Hebrew name begins. Between two right-to-left characters it takes theirs: on the left, where the cut is.
 */
const rightToLeftMark = "\u200F";
/** The first letter of a text decides which way it reads (as HTML's dir="auto" does). */
const firstLetter = /\p{L}/u;
const rightToLeftLetter = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The text cut at a whole grapheme (so emoji sequences never split) with an ellipsis,
 * so that it fits maxWidth in the context's current font.
 */
export function fitText(context: SKRSContext2D, text: string, maxWidth: number): string {
  if (context.measureText(text).width <= maxWidth) return text;
  const cut = ellipsisOf(text);
  const parts = Array.from(graphemes.segment(text), (segment) => segment.segment);
  let low = 0;
  let high = parts.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const candidate = parts.slice(0, middle).join("").trimEnd() + cut;
    if (context.measureText(candidate).width <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return parts.slice(0, low).join("").trimEnd() + cut;
}

/** The ellipsis that ends `text` cut short, on the side its reader reads last. */
function ellipsisOf(text: string): string {
  const letter = firstLetter.exec(text)?.[0];
  return letter !== undefined && rightToLeftLetter.test(letter) ? ellipsis + rightToLeftMark : ellipsis;
}
