import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { GlobalFonts, createCanvas } from "@napi-rs/canvas";
import { PlainFontCache } from "../../src/discord/pictures/PlainFontCache.js";
import { makeTempDir } from "../helpers/tempDir.js";

const emojiWoff = createRequire(import.meta.url).resolve("@fontsource/noto-color-emoji/files/noto-color-emoji-1-400-normal.woff");

/** The four-letter tags of a plain font's tables. */
function tableTags(font: Buffer): string[] {
  const count = font.readUInt16BE(4);
  return Array.from({ length: count }, (_, index) => font.toString("latin1", 12 + 16 * index, 16 + 16 * index));
}

describe("PlainFontCache", () => {
  const temps: (() => void)[] = [];
  afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

  function copiedWoff(): string {
    const { dir, cleanup } = makeTempDir();
    temps.push(cleanup);
    const file = path.join(dir, path.basename(emojiWoff));
    fs.copyFileSync(emojiWoff, file);
    return file;
  }

  it("decodes a WOFF font into a plain font the canvas library draws with, without the SVG table", () => {
    const woff = copiedWoff();
    const plain = PlainFontCache.open([woff]).plainFontFor(woff);
    const font = fs.readFileSync(plain);
    expect(tableTags(font)).toContain("COLR");
    expect(tableTags(font)).not.toContain("SVG ");
    expect(GlobalFonts.registerFromPath(plain, "Plain Font Cache Test")).not.toBeNull();
    const context = createCanvas(40, 40).getContext("2d");
    context.font = '32px "Plain Font Cache Test"';
    context.fillText("🥇", 0, 32);
    expect(context.getImageData(0, 0, 40, 40).data.some((channel) => channel !== 0)).toBe(true);
  });

  it("decodes once: a later start finds the file and leaves it as it is", () => {
    const woff = copiedWoff();
    const plain = PlainFontCache.open([woff]).plainFontFor(woff);
    const written = fs.statSync(plain).mtimeMs;
    expect(PlainFontCache.open([woff]).plainFontFor(woff)).toBe(plain);
    expect(fs.statSync(plain).mtimeMs).toBe(written);
    expect(fs.readdirSync(path.dirname(plain)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("once it has completed a new folder, removes the folders of other font sets beside it, and nothing else", () => {
    const woff = copiedWoff();
    const cacheRoot = path.join(path.dirname(woff), ".cache", "cohort-bot");
    const older = path.join(cacheRoot, "fonts-v1-0123456789abcdef");
    const unrelated = path.join(cacheRoot, "notes");
    for (const folder of [older, unrelated]) {
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, "kept.ttf"), "x");
    }
    const cache = PlainFontCache.open([woff]);
    const plain = cache.plainFontFor(woff);
    cache.removeOtherVersions();
    expect(fs.existsSync(older)).toBe(false);
    expect(fs.existsSync(path.join(unrelated, "kept.ttf"))).toBe(true);
    expect(fs.existsSync(plain)).toBe(true);
    // A later start that finds the folder complete wrote nothing: it leaves the folders beside it alone.
    fs.mkdirSync(older);
    const later = PlainFontCache.open([woff]);
    expect(later.plainFontFor(woff)).toBe(plain);
    later.removeOtherVersions();
    expect(fs.existsSync(older)).toBe(true);
  });

  it("decodes again into its folder a file it needs after a process of another font set removed the folder", () => {
    const woff = copiedWoff();
    const cache = PlainFontCache.open([woff]);
    const plain = cache.plainFontFor(woff);
    fs.rmSync(path.dirname(plain), { recursive: true });
    expect(cache.plainFontFor(woff)).toBe(plain);
    expect(GlobalFonts.registerFromPath(plain, "Plain Font Cache Test Again")).not.toBeNull();
  });
});
