import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { GlobalFonts, createCanvas } from "@napi-rs/canvas";
import { PictureFonts, type FontWeight } from "../../src/discord/pictures/PictureFonts.js";

/**
 * Names in Arabic and Hebrew must draw with the fonts the app ships, not with whatever the machine
 * has: the Docker image (bookworm-slim) has no system fonts, so a glyph found only there is a box in
 * production. This machine has system fonts (DejaVu covers Hebrew and Arabic), so "it draws" proves
 * nothing here: the test compares the pixels of the pictures' font with those of the bundled Noto
 * file registered alone under a family of its own. A system fallback draws other shapes.
 */
const fonts = new PictureFonts();
const require = createRequire(import.meta.url);

function pixelsOf(font: string, text: string): Buffer {
  const canvas = createCanvas(240, 60);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, 240, 60);
  context.fillStyle = "#000000";
  context.font = font;
  context.fillText(text, 10, 42);
  return Buffer.from(context.getImageData(0, 0, 240, 60).data);
}

function inkOf(pixels: Buffer): number {
  let ink = 0;
  for (let index = 0; index < pixels.length; index += 4) if ((pixels[index] ?? 255) < 128) ink += 1;
  return ink;
}

describe("the pictures' fonts for right-to-left names", () => {
  it.each([
    ["Hebrew", "regular", "@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff2", "שלוםדניאל"],
    ["Hebrew", "bold", "@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-700-normal.woff2", "שלוםדניאל"],
    ["Arabic", "regular", "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2", "مرحبافاطمة"],
    ["Arabic", "bold", "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2", "مرحبافاطمة"],
  ] as const)("draws %s (%s) with the bundled Noto font", (script, weight: FontWeight, file, text) => {
    const reference = `Bundled ${script} ${weight} (test)`;
    if (!GlobalFonts.has(reference)) expect(GlobalFonts.registerFromPath(require.resolve(file), reference)).not.toBeNull();
    const expected = pixelsOf(`24px "${reference}"`, text);
    expect(inkOf(expected)).toBeGreaterThan(100);
    expect(pixelsOf(fonts.font(24, weight), text).equals(expected)).toBe(true);
  });
});

/**
 * The same for Chinese, Japanese and Korean names (this machine may have system CJK fonts): drawn with
 * the bundled Noto Sans SC and KR subsets, in both weights, since a CJK name in a bold line draws regular.
 */
describe("the pictures' fonts for Chinese, Japanese and Korean names", () => {
  it.each([
    ["Chinese", "regular", "@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff", "王小明李秀英"],
    ["Japanese", "regular", "@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff", "山田さくら"],
    ["Japanese", "bold", "@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff", "山田さくら"],
    ["Korean", "regular", "@fontsource/noto-sans-kr/files/noto-sans-kr-korean-400-normal.woff", "김민준이서연"],
    ["Korean", "bold", "@fontsource/noto-sans-kr/files/noto-sans-kr-korean-400-normal.woff", "김민준이서연"],
  ] as const)("draws %s (%s line) with the bundled Noto font", (script, weight: FontWeight, file, text) => {
    const reference = `Bundled ${script} CJK (test)`;
    if (!GlobalFonts.has(reference)) expect(GlobalFonts.registerFromPath(require.resolve(file), reference)).not.toBeNull();
    const expected = pixelsOf(`24px "${reference}"`, text);
    expect(inkOf(expected)).toBeGreaterThan(100);
    expect(pixelsOf(fonts.font(24, weight), text).equals(expected)).toBe(true);
  });
});

/**
 * Names in the scripts Noto Sans leaves out whose fonts are paged in only when drawn: each bundled Noto subset, both
 * weights. No spaces in the samples: a space comes from Noto Sans, as in any name, and is narrower than the script font's.
 */
const lazyScriptNames = [
  ["Thai", "thai", "สมชายศรีสุขที่น้ำ"],
  ["Devanagari", "devanagari", "प्रियाशर्माक्षत्रिय"],
  ["Bengali", "bengali", "রহিমকরিমশ্রী"],
  ["Tamil", "tamil", "பிரியாசெல்வி"],
  ["Telugu", "telugu", "రవిసీతశ్రీ"],
  ["Gujarati", "gujarati", "રાજનીલક્ષ"],
  ["Kannada", "kannada", "ರವಿಗೀತಕ್ಷ"],
  ["Malayalam", "malayalam", "മീരരവിക്ഷ"],
  ["Gurmukhi", "gurmukhi", "ਜੀਤਗੁਰਪ੍ਰੀਤ"],
  ["Sinhala", "sinhala", "කමල්නිමල"],
  ["Myanmar", "myanmar", "ကျော်အောင်"],
  ["Khmer", "khmer", "សុខាដារាស្រី"],
  ["Lao", "lao", "ສົມນາງ"],
  ["Georgian", "georgian", "ნინოლაშა"],
  ["Armenian", "armenian", "ԱննաԱրամ"],
  ["Ethiopic", "ethiopic", "አበበሰላም"],
] as const;

describe("the pictures' fonts for names in Indic, Southeast Asian, Caucasian and Ethiopic scripts", () => {
  it.each(
    lazyScriptNames.flatMap(([script, slug, text]) =>
      (["regular", "bold"] as const).map((weight) => [script, weight, slug, text] as const),
    ),
  )("draws %s (%s) with the bundled Noto font", (script, weight: FontWeight, slug, text) => {
    const file = `@fontsource/noto-sans-${slug}/files/noto-sans-${slug}-${slug}-${weight === "bold" ? 700 : 400}-normal.woff`;
    const reference = `Bundled ${script} ${weight} (test)`;
    if (!GlobalFonts.has(reference)) expect(GlobalFonts.registerFromPath(require.resolve(file), reference)).not.toBeNull();
    const expected = pixelsOf(`24px "${reference}"`, text);
    expect(inkOf(expected)).toBeGreaterThan(100);
    fonts.coverScriptsIn(text);
    expect(pixelsOf(fonts.font(24, weight), text).equals(expected)).toBe(true);
  });

  it.each([
    ["a conjunct", "क्ष", ["क", "्", "ष"]],
    ["a reph (र above the next consonant)", "र्क", ["र", "्", "क"]],
  ] as const)("shapes Devanagari: %s draws as one glyph, narrower than its letters apart", (_form, shaped, letters) => {
    // Unshaped, the letters and a visible virama stand side by side; shaped (HarfBuzz), the font's joined form.
    const context = createCanvas(8, 8).getContext("2d");
    fonts.coverScriptsIn(shaped);
    context.font = fonts.font(24);
    const apart = letters.reduce((width, letter) => width + context.measureText(letter).width, 0);
    expect(context.measureText(shaped).width).toBeLessThan(apart * 0.8);
  });
});
