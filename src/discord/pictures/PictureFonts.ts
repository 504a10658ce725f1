import { GlobalFonts } from "@napi-rs/canvas";
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { createRequire } from "node:module";

/** Family names we register under, so no system font can sneak in and make output machine-dependent. */
const family = {
  regular: "Cohort Sans",
  bold: "Cohort Sans Bold",
  emoji: "Cohort Emoji",
} as const;

/** Noto Sans subsets covering Latin (with accents), Cyrillic, Greek and Vietnamese. */
const textSubsets = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "greek-ext", "vietnamese"] as const;

export type FontWeight = "regular" | "bold";

/**
 * Registers the bundled fonts with the canvas library once, when the caller builds it
 * (never at import), and hands out CSS font strings that fall back to emoji.
 */
export class PictureFonts {
  constructor() {
    if (GlobalFonts.has(family.regular)) return;
    const require = createRequire(import.meta.url);
    const sansDir = dirname(require.resolve("@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2"));
    for (const subset of textSubsets) {
      register(`${sansDir}/noto-sans-${subset}-400-normal.woff2`, family.regular);
      register(`${sansDir}/noto-sans-${subset}-700-normal.woff2`, family.bold);
    }
    const emojiDir = dirname(require.resolve("@fontsource/noto-color-emoji/files/noto-color-emoji-emoji-400-normal.woff2"));
    for (const file of readdirSync(emojiDir)
      .filter((name) => name.endsWith("-400-normal.woff2"))
      .sort()) {
      register(`${emojiDir}/${file}`, family.emoji);
    }
  }

  font(sizePx: number, weight: FontWeight = "regular"): string {
    return `${sizePx}px "${family[weight]}", "${family.emoji}"`;
  }
}

function register(path: string, alias: string): void {
  // registerFromPath returns null when the file cannot be read as a font; a missing font must fail loudly.
  const registered = GlobalFonts.registerFromPath(path, alias);
  if (registered === null) throw new Error(`Could not register font ${path}`);
}
