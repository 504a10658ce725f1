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
});
