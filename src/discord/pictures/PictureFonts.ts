import { GlobalFonts, createCanvas } from "@napi-rs/canvas";
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { createRequire } from "node:module";
import { PlainFontCache } from "./PlainFontCache.js";

/** Family names we register under, so no system font can sneak in and make output machine-dependent. */
const family = {
  regular: "Cohort Sans",
  bold: "Cohort Sans Bold",
  emoji: "Cohort Emoji",
} as const;

/**
 * Scripts Noto Sans leaves out, each from its own Noto package (the script's subset only): names in
 * Arabic and Hebrew must not depend on system fonts (the Docker image has none). Families of their
 * own, after Noto Sans in the font string: in one family with it, their copies of spaces, digits and
 * punctuation would be picked for Latin text too and move its pixels.
 */
const scriptFonts = [
  { packageName: "@fontsource/noto-sans-arabic", subset: "noto-sans-arabic-arabic", regular: "Cohort Arabic", bold: "Cohort Arabic Bold" },
  { packageName: "@fontsource/noto-sans-hebrew", subset: "noto-sans-hebrew-hebrew", regular: "Cohort Hebrew", bold: "Cohort Hebrew Bold" },
] as const;

/**
 * More scripts Noto Sans leaves out, for names across South and Southeast Asia, the Caucasus and
 * Ethiopia: each its own Noto package's script subset (10-120 KB a weight as WOFF), in families of
 * their own for the same reason as Arabic and Hebrew. Decoded by PlainFontCache into plain files the
 * library maps, as the CJK fonts, but registered only once a text to draw holds a letter of the
 * script (coverScriptsIn): the library maps a registered file whole and the kernel reads small
 * files ahead, so registering all 32 faces put 3.5 MB of file pages into every process that draws
 * a picture. The library shapes them (HarfBuzz): conjuncts, reordered vowel signs and stacked marks
 * draw as the script wants. The Dockerfile keeps only these files of the packages (a test holds
 * its list to this one).
 */
export const lazyScripts = [
  "devanagari",
  "bengali",
  "tamil",
  "telugu",
  "gujarati",
  "kannada",
  "malayalam",
  "gurmukhi",
  "sinhala",
  "thai",
  "lao",
  "khmer",
  "myanmar",
  "georgian",
  "armenian",
  "ethiopic",
] as const;

interface LazyScriptFont {
  readonly packageName: string;
  readonly subset: string;
  readonly regular: string;
  readonly bold: string;
  /** The script's letters (its Unicode Script property, whose names are these with a capital). */
  readonly letters: RegExp;
}

const lazyScriptFonts: readonly LazyScriptFont[] = lazyScripts.map((script) => {
  const name = `${script.charAt(0).toUpperCase()}${script.slice(1)}`;
  return {
    packageName: `@fontsource/noto-sans-${script}`,
    subset: `noto-sans-${script}-${script}`,
    regular: `Cohort ${name}`,
    bold: `Cohort ${name} Bold`,
    letters: new RegExp(`\\p{Script=${name}}`, "u"),
  };
});

/**
 * Chinese and Japanese (Noto Sans SC's Chinese subset: common Han and kana), then Korean (Noto Sans KR's
 * Korean subset: Hangul), last in the font string: names in them must not be boxes, and the Docker image
 * has no system fonts. One subset file each, not the packages' hundred unicode-range slices: every slice
 * is a face the library searches at each text drawn (measured: text 20 times slower). Regular only: a CJK
 * name in a bold line draws regular. WOFF, decoded by PlainFontCache into a plain file the library maps,
 * as the colour emoji (each face decompressed whole would be 2.5 MB held for the life of the process).
 */
export const cjkFonts = [
  { packageName: "@fontsource/noto-sans-sc", subset: "noto-sans-sc-chinese-simplified", family: "Cohort CJK" },
  { packageName: "@fontsource/noto-sans-kr", subset: "noto-sans-kr-korean", family: "Cohort Korean" },
] as const;

/** Noto Sans subsets covering Latin (with accents), Cyrillic, Greek and Vietnamese. */
const textSubsets = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "greek-ext", "vietnamese"] as const;

export type FontWeight = "regular" | "bold";

/**
 * Text in the scripts and styles the pictures use: drawing it once makes the library decode those fonts.
 * No Chinese, Japanese or Korean (a process that never draws them should not hold their pages: about
 * 2.3 MB), nor the scripts of lazyScriptFonts, not even registered until a text needs them.
 */
const warmUpSamples = ["Aa Ññ 0123", "Жж Ёё", "Ωω Άά", "Ạạ", "שלום", "مرحبا", "🔥❄📚✨🦊"] as const;

/** A bundled font: a WOFF2 file the library reads as it is, or the WOFF of one PlainFontCache decodes first. */
interface FontFile {
  readonly path: string;
  readonly alias: string;
  readonly decode: boolean;
  /** Registered only when a text holds a letter of this script. */
  readonly script?: LazyScriptFont;
}

/**
 * Registers the bundled fonts with the canvas library once, when the caller builds it
 * (never at import), and hands out CSS font strings that fall back to emoji. The fonts of
 * lazyScriptFonts are decoded then but registered only when coverScriptsIn meets their letters.
 */
export class PictureFonts {
  /** Scripts of lazyScriptFonts this instance's font strings name (registered, by it or another). */
  private readonly covered: LazyScriptFont[] = [];
  /** Letters of any script not yet covered: one test a text, null once all are. */
  private uncoveredLetters: RegExp | null = lettersOf(lazyScriptFonts);
  private scriptFamilies = familyList(scriptFonts);
  /** The decoded fonts' folder this process registered from, kept for the scripts registered later. */
  private readonly fontCache: PlainFontCache | undefined;

  constructor(opened?: PlainFontCache) {
    this.fontCache = opened;
    if (GlobalFonts.has(family.regular)) return;
    const files = fontFiles();
    const cache = plainFontCacheFor(files);
    this.fontCache = cache;
    for (const file of files) {
      if (file.script === undefined) register(file, cache);
      else cache.plainFontFor(file.path);
    }
    cache.removeOtherVersions();
  }

  /**
   * The same fonts, registered a file at a time with the event loop free in between, then
   * drawn once in every script, so the first picture's own drawing finds every face decoded.
   * With the colour emoji decompressed from WOFF2 this held the loop for seconds under load
   * (6 s and 3 s measured); read from the plain file PlainFontCache writes, it takes well
   * under a second, so the app's LazyPictures does it with the first picture.
   */
  static async load(): Promise<PictureFonts> {
    let cache: PlainFontCache | undefined;
    if (!GlobalFonts.has(family.regular)) {
      // The regular face last: its presence is what says every face is registered (and every file decoded).
      const files = fontFiles();
      cache = plainFontCacheFor(files);
      const ordered = [...files.filter((file) => file.alias !== family.regular), ...files.filter((file) => file.alias === family.regular)];
      for (const file of ordered) {
        await yieldToEventLoop();
        if (file.script === undefined) register(file, cache);
        else cache.plainFontFor(file.path);
      }
      cache.removeOtherVersions();
    }
    const fonts = new PictureFonts(cache);
    const context = createCanvas(8, 8).getContext("2d");
    for (const weight of ["regular", "bold"] as const) {
      for (const sample of warmUpSamples) {
        await yieldToEventLoop();
        context.font = fonts.font(20, weight);
        context.fillText(sample, 0, 8);
      }
    }
    return fonts;
  }

  /**
   * Registers the fonts of the lazyScriptFonts scripts `text` has letters of (both weights) and
   * names them in this instance's font strings from now on. Call it with every text of a picture
   * before drawing it. Cheap when there are none: one regular expression test.
   */
  coverScriptsIn(text: string): void {
    if (this.uncoveredLetters === null || !this.uncoveredLetters.test(text)) return;
    const found = lazyScriptFonts.filter((script) => !this.covered.includes(script) && script.letters.test(text));
    for (const script of found) {
      if (!GlobalFonts.has(script.regular)) registerScript(script, this.fontCache);
      this.covered.push(script);
    }
    const uncovered = lazyScriptFonts.filter((script) => !this.covered.includes(script));
    this.uncoveredLetters = uncovered.length === 0 ? null : lettersOf(uncovered);
    // In lazyScriptFonts' order, whatever order the names came in: the same text draws the same pixels.
    this.scriptFamilies = familyList([...scriptFonts, ...lazyScriptFonts.filter((script) => this.covered.includes(script))]);
  }

  /** Families of lazyScriptFonts this instance has registered or found registered (for tests). */
  coveredScriptFamilies(): string[] {
    return this.covered.map((script) => script.regular);
  }

  font(sizePx: number, weight: FontWeight = "regular"): string {
    const cjk = cjkFonts.map((font) => `"${font.family}"`).join(", ");
    return `${sizePx}px "${family[weight]}", ${this.scriptFamilies[weight]}, "${family.emoji}", ${cjk}`;
  }
}

function lettersOf(scripts: readonly LazyScriptFont[]): RegExp {
  return new RegExp(scripts.map((script) => script.letters.source).join("|"), "u");
}

function familyList(scripts: readonly { regular: string; bold: string }[]): Record<FontWeight, string> {
  return {
    regular: scripts.map((script) => `"${script.regular}"`).join(", "),
    bold: scripts.map((script) => `"${script.bold}"`).join(", "),
  };
}

/**
 * Every bundled font file and the family it joins. The text faces are read as WOFF2 (small:
 * decompressed whole they cost little); the colour emoji, decompressed whole, would hold
 * 75 MB, so it comes as WOFF, whose tables PlainFontCache unpacks into a plain file once.
 * (Its WOFF and WOFF2 draw the same pixels; Noto Sans's do not, by a shade of anti-aliasing.)
 */
function fontFiles(): FontFile[] {
  const require = createRequire(import.meta.url);
  const sansDir = dirname(require.resolve("@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2"));
  const files: FontFile[] = [];
  for (const subset of textSubsets) {
    files.push({ path: `${sansDir}/noto-sans-${subset}-400-normal.woff2`, alias: family.regular, decode: false });
    files.push({ path: `${sansDir}/noto-sans-${subset}-700-normal.woff2`, alias: family.bold, decode: false });
  }
  for (const script of scriptFonts) {
    const dir = dirname(require.resolve(`${script.packageName}/files/${script.subset}-400-normal.woff2`));
    files.push({ path: `${dir}/${script.subset}-400-normal.woff2`, alias: script.regular, decode: false });
    files.push({ path: `${dir}/${script.subset}-700-normal.woff2`, alias: script.bold, decode: false });
  }
  for (const script of lazyScriptFonts) files.push(...scriptFontFiles(script));
  for (const font of cjkFonts) {
    files.push({ path: require.resolve(`${font.packageName}/files/${font.subset}-400-normal.woff`), alias: font.family, decode: true });
  }
  const emojiDir = dirname(require.resolve("@fontsource/noto-color-emoji/files/noto-color-emoji-emoji-400-normal.woff"));
  for (const file of readdirSync(emojiDir)
    .filter((name) => name.endsWith("-400-normal.woff"))
    .sort()) {
    files.push({ path: `${emojiDir}/${file}`, alias: family.emoji, decode: true });
  }
  return files;
}

function scriptFontFiles(script: LazyScriptFont): FontFile[] {
  const require = createRequire(import.meta.url);
  return (["regular", "bold"] as const).map((weight) => ({
    path: require.resolve(`${script.packageName}/files/${script.subset}-${weight === "bold" ? 700 : 400}-normal.woff`),
    alias: script[weight],
    decode: true,
    script,
  }));
}

/**
 * The two faces of a script, from the plain files the first registration decoded (or decoded now), in the folder
 * it opened: opening one again checks every font's file. A second PictureFonts of the process opens it here.
 */
function registerScript(script: LazyScriptFont, opened: PlainFontCache | undefined): void {
  const cache = opened ?? plainFontCacheFor(fontFiles());
  for (const file of scriptFontFiles(script)) register(file, cache);
}

function plainFontCacheFor(files: readonly FontFile[]): PlainFontCache {
  return PlainFontCache.open(files.filter((file) => file.decode).map((file) => file.path));
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function register(file: FontFile, cache: PlainFontCache): void {
  const path = file.decode ? cache.plainFontFor(file.path) : file.path;
  // registerFromPath returns null when the file cannot be read as a font; a missing font must fail loudly.
  const registered = GlobalFonts.registerFromPath(path, file.alias);
  if (registered === null) throw new Error(`Could not register font ${path}`);
}
