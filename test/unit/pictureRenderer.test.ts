import { describe, expect, it } from "vitest";
import { createCanvas } from "@napi-rs/canvas";
import { PictureFonts } from "../../src/discord/pictures/PictureFonts.js";
import { PictureRenderer } from "../../src/discord/pictures/PictureRenderer.js";
import { LazyPictures } from "../../src/discord/pictures/LazyPictures.js";
import { fitText } from "../../src/discord/pictures/fitText.js";
import type { ProgressCardView } from "../../src/discord/pictures/pictureViews.js";
import { compareWithReference, differenceBetween, looksTheSame } from "../helpers/pictureComparison.js";
import { courseChartView, cyrillicCardView, emojiCardView, weeklyChartView } from "../helpers/stagedPictureViews.js";

const fonts = new PictureFonts();
const renderer = new PictureRenderer(fonts);

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("pictures", () => {
  it.each([
    ["progress-card-cyrillic", () => renderer.renderProgressCard(cyrillicCardView)],
    ["progress-card-emoji", () => renderer.renderProgressCard(emojiCardView)],
    ["weekly-chart", () => renderer.renderWeeklyChart(weeklyChartView)],
    ["course-chart", () => renderer.renderCourseChart(courseChartView)],
  ] as const)("%s matches its reference picture", async (name, render) => {
    const png = await render();
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const result = await compareWithReference(name, png);
    expect(result, `differs from the reference; actual kept at ${result.actualPath}`).toMatchObject({ sameSize: true });
    expect(looksTheSame(result), `${result.differingPixels} pixels differ; actual kept at ${result.actualPath}`).toBe(true);
  });

  it("draws the app's first picture, loaded on demand, exactly as the loaded renderer does", async () => {
    // The app's renderer (createApp) loads the library and fonts with its first picture.
    const lazy = new LazyPictures();
    const [card, chart] = await Promise.all([lazy.renderProgressCard(emojiCardView), lazy.renderWeeklyChart(weeklyChartView)]);
    expect(card.equals(await renderer.renderProgressCard(emojiCardView))).toBe(true);
    expect(chart.equals(await renderer.renderWeeklyChart(weeklyChartView))).toBe(true);
  });

  it("draws a picture the same after another on the same canvas size", async () => {
    // The renderer reuses canvases: nothing of the previous picture may show through.
    const first = await new PictureRenderer(fonts).renderProgressCard(cyrillicCardView);
    const reused = new PictureRenderer(fonts);
    await reused.renderProgressCard(emojiCardView);
    const [afterEmoji, concurrent] = await Promise.all([
      reused.renderProgressCard(cyrillicCardView),
      reused.renderProgressCard(cyrillicCardView),
    ]);
    expect(afterEmoji.equals(first)).toBe(true);
    expect(concurrent.equals(first)).toBe(true);
  });

  it("drops a canvas whose drawing failed, and draws the next picture as if nothing happened", async () => {
    const pictures = new PictureRenderer(fonts);
    const good = await pictures.renderProgressCard(cyrillicCardView);
    expect(pictures.idleCanvases()).toBe(1);
    // Fails halfway: the header and progress are drawn before the sections are read.
    const broken = { ...cyrillicCardView, sections: undefined } as unknown as ProgressCardView;
    await expect(pictures.renderProgressCard(broken)).rejects.toThrow();
    expect(pictures.idleCanvases()).toBe(0);
    expect((await pictures.renderProgressCard(cyrillicCardView)).equals(good)).toBe(true);
    expect(pictures.idleCanvases()).toBe(1);
  });

  it("renders the same view to the same bytes", async () => {
    const first = await renderer.renderProgressCard(cyrillicCardView);
    const second = await renderer.renderProgressCard(cyrillicCardView);
    expect(second.equals(first)).toBe(true);
  });

  it("tells a member's card apart from one with a single more reading done", async () => {
    const before = await renderer.renderProgressCard(cyrillicCardView);
    const after = await renderer.renderProgressCard({ ...cyrillicCardView, required: { done: 15, total: 22 } });
    expect(looksTheSame(await differenceBetween(after, before))).toBe(false);
  });

  it("tells a card apart from one whose rank moved by one", async () => {
    const third = await renderer.renderProgressCard(cyrillicCardView);
    const fourth = await renderer.renderProgressCard({ ...cyrillicCardView, labels: { ...cyrillicCardView.labels, rank: "#4 of 24" } });
    expect(looksTheSame(await differenceBetween(fourth, third))).toBe(false);
  });

  it("draws a name in another script with its own glyphs, not with missing-glyph boxes", async () => {
    // Names of equal length in another script must look different; rows of missing-glyph boxes would not.
    const olga = await renderer.renderProgressCard({ ...cyrillicCardView, memberName: "Ольга" });
    const yelena = await renderer.renderProgressCard({ ...cyrillicCardView, memberName: "Елена" });
    const fox = await renderer.renderProgressCard({ ...cyrillicCardView, memberName: "🦊" });
    const owl = await renderer.renderProgressCard({ ...cyrillicCardView, memberName: "🦉" });
    expect(looksTheSame(await differenceBetween(olga, yelena))).toBe(false);
    expect(looksTheSame(await differenceBetween(fox, owl))).toBe(false);
  });

  it.each([
    ["Chinese", "王小明", "李秀英"],
    ["Traditional Chinese", "陳怡君", "張雅婷"],
    ["Japanese kanji", "山田太郎", "佐藤花子"],
    ["Japanese kana", "さくら", "ひかり"],
    ["Korean", "김민준", "이서연"],
    ["Thai", "สมชาย", "สมศรี"],
    ["Hindi (Devanagari)", "प्रिया", "अनन्या"],
    ["Bengali", "রহিম", "করিম"],
    ["Tamil", "பிரியா", "செல்வி"],
    ["Telugu", "రవి", "సీత"],
    ["Gujarati", "રાજ", "નીલ"],
    ["Kannada", "ರವಿ", "ಗೀತ"],
    ["Malayalam", "മീര", "രവി"],
    ["Punjabi (Gurmukhi)", "ਜੀਤ", "ਗੁਰ"],
    ["Sinhala", "කමල්", "නිමල"],
    ["Burmese", "ကျော်", "အောင်"],
    ["Khmer", "សុខា", "ដារា"],
    ["Lao", "ສົມ", "ນາງ"],
    ["Georgian", "ნინო", "ლაშა"],
    ["Armenian", "Աննա", "Արամ"],
    ["Amharic (Ethiopic)", "አበበ", "ሰላም"],
  ])("draws a name in %s with its own glyphs, not with missing-glyph boxes", async (_script, first, second) => {
    const one = await renderer.renderProgressCard({ ...cyrillicCardView, memberName: first });
    const other = await renderer.renderProgressCard({ ...cyrillicCardView, memberName: second });
    expect(looksTheSame(await differenceBetween(one, other))).toBe(false);
  });

  it("keeps Discord-friendly sizes", async () => {
    expect(pngSize(await renderer.renderProgressCard(cyrillicCardView))).toEqual({ width: 800, height: 470 });
    expect(pngSize(await renderer.renderWeeklyChart(weeklyChartView))).toEqual({ width: 800, height: 420 });
    expect(pngSize(await renderer.renderCourseChart(courseChartView))).toEqual({ width: 800, height: 420 });
  });

  it("draws empty weeks and charts without failing", async () => {
    await expect(renderer.renderWeeklyChart({ ...weeklyChartView, days: [], sections: [] })).resolves.toBeInstanceOf(Buffer);
    await expect(renderer.renderCourseChart({ ...courseChartView, weeks: [] })).resolves.toBeInstanceOf(Buffer);
    await expect(
      renderer.renderProgressCard({ ...cyrillicCardView, sections: [], weeks: [], required: { done: 0, total: 0 } }),
    ).resolves.toBeInstanceOf(Buffer);
  });
});

describe("fitText", () => {
  const context = createCanvas(10, 10).getContext("2d");
  context.font = fonts.font(20);

  it("leaves text that fits alone", () => {
    expect(fitText(context, "Zoë", 200)).toBe("Zoë");
  });

  it("cuts long text with an ellipsis to the measured width", () => {
    const fitted = fitText(context, "Дмитрий Александрович Ковалёв-Семёнов", 150);
    expect(fitted.endsWith("…")).toBe(true);
    expect(context.measureText(fitted).width).toBeLessThanOrEqual(150);
    expect("Дмитрий Александрович Ковалёв-Семёнов".startsWith(fitted.slice(0, -1))).toBe(true);
  });

  it("never splits an emoji sequence", () => {
    const family = "👩‍👩‍👧‍👦";
    const text = `Reader ${family}${family}${family}${family}${family}${family}`;
    for (let width = 40; width < 200; width += 7) {
      const kept = fitText(context, text, width).slice(0, -1);
      const tail = kept.slice("Reader ".length);
      expect(tail.replaceAll(family, "")).toBe("");
    }
  });
});
