/**
 * Progress card render time and memory. Run: npm run bench:pictures [-- --renders 300]
 * Goal (issue 15): p99 under 30 ms and under 20 MB of extra RSS per card.
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { PictureFonts } from "../src/discord/pictures/PictureFonts.js";
import { PictureRenderer } from "../src/discord/pictures/PictureRenderer.js";
import { drawProgressCard, progressCardSize } from "../src/discord/pictures/drawProgressCard.js";
import { createCanvas } from "@napi-rs/canvas";
import { cyrillicCardView } from "../test/helpers/stagedPictureViews.js";
import { summarizeTimings, type TimingSummary } from "./summarizeTimings.js";

const megabyte = 1024 * 1024;
const { values } = parseArgs({ options: { renders: { type: "string", default: "300" } } });
const renders = Number(values.renders);
if (!Number.isInteger(renders) || renders < 10) throw new Error("--renders must be a whole number of at least 10");

const settle = (): void => {
  // With --expose-gc (the npm script passes it) we measure live memory, not garbage waiting for a collection.
  (globalThis as { gc?: () => void }).gc?.();
};
const rssMegabytes = (): number => process.memoryUsage().rss / megabyte;
const signedMegabytes = (value: number): string => `${value < 0 ? "−" : "+"}${Math.abs(value).toFixed(1)} MB`;

settle();
const rssBeforeFonts = rssMegabytes();
const fonts = new PictureFonts();
const renderer = new PictureRenderer(fonts);
const fontsMegabytes = rssMegabytes() - rssBeforeFonts;

settle();
const rssBeforeFirstCard = rssMegabytes();
await renderer.renderProgressCard(cyrillicCardView);
settle();
// The first card decodes the fonts' glyphs it uses (colour emoji above all): paid once per process.
const firstCardMegabytes = rssMegabytes() - rssBeforeFirstCard;
for (let warmUp = 1; warmUp < 20; warmUp++) await renderer.renderProgressCard(cyrillicCardView);
settle();
// A Thai and a Hindi name: their script fonts are registered (and mapped) only when a card first has their letters.
const rssBeforeOtherScripts = rssMegabytes();
await renderer.renderProgressCard({ ...cyrillicCardView, memberName: "สมชาย ศรีสุข" });
await renderer.renderProgressCard({ ...cyrillicCardView, memberName: "प्रिया शर्मा" });
settle();
const otherScriptsMegabytes = rssMegabytes() - rssBeforeOtherScripts;
const rssBeforeCards = rssMegabytes();

const total: number[] = [];
const cpu: number[] = [];
let peakExtra = 0;
for (let index = 0; index < renders; index++) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const png = await renderer.renderProgressCard(cyrillicCardView);
  total.push(performance.now() - start);
  // CPU time of the whole process, encoder threads included: less at the mercy of a loaded machine than wall time.
  const cpuUsed = process.cpuUsage(cpuStart);
  cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
  // Measured while this card's bytes are still held: what one card in flight costs on top of an idle renderer.
  peakExtra = Math.max(peakExtra, rssMegabytes() - rssBeforeCards);
  if (png.length === 0) throw new Error("empty picture");
}
settle();
const retainedAfter = rssMegabytes() - rssBeforeCards;

// The drawing alone, on a canvas of the card's size: the part of a render that holds the event loop (the
// renderer awaits its fonts first, so timing its synchronous part would end before the drawing).
const drawCanvas = createCanvas(progressCardSize.width, progressCardSize.height);
const drawContext = drawCanvas.getContext("2d");
const drawOnly: number[] = [];
for (let index = 0; index < renders; index++) {
  const start = performance.now();
  drawContext.clearRect(0, 0, progressCardSize.width, progressCardSize.height);
  drawContext.save();
  drawProgressCard(drawContext, fonts, cyrillicCardView);
  drawContext.restore();
  drawOnly.push(performance.now() - start);
}

// Cards rendered at once (a burst of /progress): the RSS each one adds while they are all in flight.
const parallelCards = 10;
const rssBeforeBurst = rssMegabytes();
const burst = await Promise.all(Array.from({ length: parallelCards }, () => renderer.renderProgressCard(cyrillicCardView)));
const perParallelCard = (rssMegabytes() - rssBeforeBurst) / burst.length;

const row = (name: string, summary: TimingSummary): string =>
  `| ${name} | ${summary.count} | ${summary.p50.toFixed(1)} | ${summary.p99.toFixed(1)} | ${summary.max.toFixed(1)} |`;
console.log("| progress card | renders | p50 ms | p99 ms | max ms |");
console.log("| --- | ---: | ---: | ---: | ---: |");
console.log(row("draw + PNG encode", summarizeTimings(total)));
console.log(row("draw alone (on the event loop)", summarizeTimings(drawOnly)));
console.log(row("CPU time (all threads)", summarizeTimings(cpu)));
console.log("");
console.log(`fonts registered once: ${signedMegabytes(fontsMegabytes)} RSS`);
console.log(`first card (glyphs decoded once per process): ${signedMegabytes(firstCardMegabytes)}`);
console.log(`extra RSS of rendering cards one at a time (peak over ${renders} renders, after warm-up): ${signedMegabytes(peakExtra)}`);
console.log(`of which still held after a GC (caches and allocator high-water; levels off, see README): ${signedMegabytes(retainedAfter)}`);
console.log(`extra RSS per card with ${parallelCards} rendered at once: ${signedMegabytes(perParallelCard)}`);
console.log(`first cards with a Thai and a Hindi name (their fonts registered): ${signedMegabytes(otherScriptsMegabytes)}`);
