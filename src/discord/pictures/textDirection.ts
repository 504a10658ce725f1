import type { SKRSContext2D } from "@napi-rs/canvas";

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

/** Which way a line reads, by its first letter: right to left for an Arabic or Hebrew name (or any R/AL script). */
export function textDirection(text: string): "ltr" | "rtl" {
  const letter = firstLetter.exec(text)?.[0];
  return letter !== undefined && rightToLeftLetter.test(letter) ? "rtl" : "ltr";
}

/**
 * Draws one line of a member's own text (a name, a section title) in its own direction, at the context's alignment:
 * the pictures keep each column's edge, so a right-to-left name starts where the other rows start, and reads right to
 * left within (a Latin part after the Arabic stands on its left, an ellipsis at its end on the far left). Catalogue
 * sentences are not judged so: they read in the language's direction, any name in them set between U+2068 and U+2069
 * (first-strong isolate) in the catalogue.
 */
export function fillLine(context: SKRSContext2D, text: string, x: number, y: number): void {
  if (textDirection(text) === "ltr") {
    context.fillText(text, x, y);
    return;
  }
  const previous = context.direction;
  context.direction = "rtl";
  context.fillText(text, x, y);
  context.direction = previous;
}
