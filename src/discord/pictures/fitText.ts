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
/**
 * The scripts whose letters read right to left (Unicode's bidi class R or AL). JavaScript regular expressions
 * cannot ask for a bidi class, so by script; only scripts Node 20's ICU knows (an unknown name is a syntax error).
 */
const rightToLeftScripts = [
  "Adlam",
  "Arabic",
  "Avestan",
  "Chorasmian",
  "Cypriot",
  "Elymaic",
  "Hanifi_Rohingya",
  "Hatran",
  "Hebrew",
  "Imperial_Aramaic",
  "Inscriptional_Pahlavi",
  "Inscriptional_Parthian",
  "Kharoshthi",
  "Lydian",
  "Mandaic",
  "Manichaean",
  "Mende_Kikakui",
  "Meroitic_Cursive",
  "Meroitic_Hieroglyphs",
  "Nabataean",
  "Nko",
  "Old_Hungarian",
  "Old_North_Arabian",
  "Old_Sogdian",
  "Old_South_Arabian",
  "Old_Turkic",
  "Old_Uyghur",
  "Palmyrene",
  "Phoenician",
  "Psalter_Pahlavi",
  "Samaritan",
  "Sogdian",
  "Syriac",
  "Thaana",
  "Yezidi",
];
const rightToLeftLetter = new RegExp(`[${rightToLeftScripts.map((script) => `\\p{Script=${script}}`).join("")}]`, "u");
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

/**
 * The ellipsis that ends `text` cut short, on the side its reader reads last. A name mixing scripts is judged by
 * its first letter: an Arabic name cut in a Latin part after it ("محمد Smi…") still ends well (between a Latin
 * letter and the mark, the ellipsis follows the Latin, on the right where that part is cut); a Latin name cut in
 * an Arabic part ("Ann مح…") gets its ellipsis on the right of the Arabic, not on its left where the cut is.
 * Accepted: rare, and the name stays readable.
 */
function ellipsisOf(text: string): string {
  const letter = firstLetter.exec(text)?.[0];
  return letter !== undefined && rightToLeftLetter.test(letter) ? ellipsis + rightToLeftMark : ellipsis;
}
