import type { SKRSContext2D } from "@napi-rs/canvas";

const ellipsis = "…";
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The text cut at a whole grapheme (so emoji sequences never split) with an ellipsis,
 * so that it fits maxWidth in the context's current font. The ellipsis ends the text; drawn with `fillLine`, in the
 * text's own direction, it stands where its reader reaches the cut: on the left of an Arabic or Hebrew name, a Latin
 * part cut in it included ("…Smi محمد").
 */
export function fitText(context: SKRSContext2D, text: string, maxWidth: number): string {
  if (context.measureText(text).width <= maxWidth) return text;
  const parts = Array.from(graphemes.segment(text), (segment) => segment.segment);
  let low = 0;
  let high = parts.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const candidate = parts.slice(0, middle).join("").trimEnd() + ellipsis;
    if (context.measureText(candidate).width <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return parts.slice(0, low).join("").trimEnd() + ellipsis;
}
