import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/**
 * In a process of its own (the canvas library's fonts are per process): the families registered and the
 * bundled script font files mapped, after a card with a Latin name, then after one with a Thai name.
 */
const probe = `
import fs from "node:fs";
import { GlobalFonts } from "@napi-rs/canvas";
import { PictureFonts } from "./src/discord/pictures/PictureFonts.ts";
import { PictureRenderer } from "./src/discord/pictures/PictureRenderer.ts";
import { cyrillicCardView } from "./test/helpers/stagedPictureViews.ts";
const state = () => ({
  families: GlobalFonts.families.map((font) => font.family),
  mapped: fs.readFileSync("/proc/self/maps", "utf8").split("\\n").filter((line) => line.includes("noto-sans-")).map((line) => line.split("/").pop()),
});
const renderer = new PictureRenderer(await PictureFonts.load());
await renderer.renderProgressCard({ ...cyrillicCardView, memberName: "Ana Núñez" });
const latin = state();
await renderer.renderProgressCard({ ...cyrillicCardView, memberName: "สมชาย ศรีสุข" });
console.log(JSON.stringify({ latin, thai: state() }));
`;

interface FontState {
  readonly families: string[];
  readonly mapped: string[];
}

describe("the fonts of scripts beyond Noto Sans (Devanagari … Ethiopic)", () => {
  it("are neither registered nor mapped by a process that has drawn only Latin names, and only the script drawn is", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", probe], {
      cwd: new URL("../..", import.meta.url).pathname,
    });
    const { latin, thai } = JSON.parse(stdout) as { latin: FontState; thai: FontState };
    expect(latin.families).toContain("Cohort Sans");
    expect(latin.families.filter((family) => /^Cohort (Thai|Devanagari|Bengali|Ethiopic)/.test(family))).toEqual([]);
    expect(latin.mapped.filter((file) => /thai|devanagari|bengali|ethiopic/.test(file))).toEqual([]);
    expect(thai.families).toEqual(expect.arrayContaining(["Cohort Thai", "Cohort Thai Bold"]));
    expect(thai.families.filter((family) => /^Cohort (Devanagari|Bengali|Ethiopic)/.test(family))).toEqual([]);
    expect(thai.mapped).toEqual(expect.arrayContaining(["noto-sans-thai-thai-400-normal.ttf", "noto-sans-thai-thai-700-normal.ttf"]));
    expect(thai.mapped.filter((file) => /devanagari|bengali|ethiopic/.test(file))).toEqual([]);
  });
});
