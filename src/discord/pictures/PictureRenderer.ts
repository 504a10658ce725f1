import { PngFilter, createCanvas } from "@napi-rs/canvas";
import type { Canvas, SKRSContext2D } from "@napi-rs/canvas";
import { PictureFonts } from "./PictureFonts.js";
import type { Pictures } from "./Pictures.js";
import type { CourseChartView, ProgressCardView, WeeklyChartView } from "./pictureViews.js";
import { drawProgressCard, progressCardSize } from "./drawProgressCard.js";
import { drawWeeklyChart, weeklyChartSize } from "./drawWeeklyChart.js";
import { drawCourseChart, courseChartSize } from "./drawCourseChart.js";

/**
 * Our pictures are flat colours: without row filters, zlib level 3 makes smaller files than the
 * defaults (level 6, all filters) at about a fifth of the CPU time (measured: 52 KB in 2.4 ms vs 58 KB in 13 ms).
 */
const pngEncoding = { compressionLevel: 3, filters: PngFilter.None } as const;

/** Idle canvases kept per picture size: enough for pictures drawn one after another, and for a short overlap. */
const idleCanvasesPerSize = 2;

/**
 * Turns picture views into PNG bytes. Drawing is synchronous and short; PNG encoding,
 * the costly part, runs on the canvas library's own thread pool, off the event loop.
 */
export class PictureRenderer implements Pictures {
  private fonts: PictureFonts | null;
  private loading: Promise<PictureFonts> | null = null;
  private readonly idle = new Map<string, Canvas[]>();

  /** `fonts`, or how to load them on first use (PictureFonts.load: the first picture waits, the event loop does not). */
  constructor(fonts: PictureFonts | (() => Promise<PictureFonts>)) {
    if (fonts instanceof PictureFonts) {
      this.fonts = fonts;
    } else {
      this.fonts = null;
      this.load = fonts;
    }
  }

  private load: () => Promise<PictureFonts> = () => PictureFonts.load();

  async renderProgressCard(view: ProgressCardView): Promise<Buffer> {
    const fonts = await this.ready();
    fonts.coverScriptsIn(textsOf(view));
    return this.render(progressCardSize, (context) => drawProgressCard(context, fonts, view));
  }

  async renderWeeklyChart(view: WeeklyChartView): Promise<Buffer> {
    const fonts = await this.ready();
    fonts.coverScriptsIn(textsOf(view));
    return this.render(weeklyChartSize, (context) => drawWeeklyChart(context, fonts, view));
  }

  async renderCourseChart(view: CourseChartView): Promise<Buffer> {
    const fonts = await this.ready();
    fonts.coverScriptsIn(textsOf(view));
    return this.render(courseChartSize, (context) => drawCourseChart(context, fonts, view));
  }

  /** Loads the fonts now (the first draw included), so no interaction waits for them. */
  async warmUp(): Promise<void> {
    await this.ready();
  }

  /** Canvases waiting to be reused, of every size (for tests). */
  idleCanvases(): number {
    return [...this.idle.values()].reduce((total, canvases) => total + canvases.length, 0);
  }

  private async ready(): Promise<PictureFonts> {
    if (this.fonts !== null) return this.fonts;
    this.loading ??= this.load().then((fonts) => (this.fonts = fonts));
    return this.loading;
  }

  /**
   * Draws on a canvas reused from an earlier picture of the same size. Why: a canvas's pixels
   * (1.3 MB at 800×420) are native memory the JS heap does not count, so a dropped canvas
   * waits for a full collection, which a small heap seldom needs: 21 pictures held 28 MB more
   * (measured). A canvas is out of the pool from drawing until its PNG is encoded, and goes
   * back only if both worked: after a failed draw or encode it may hold half a picture or
   * unbalanced saved states, so it is left for the collector.
   */
  private async render(size: { width: number; height: number }, draw: (context: SKRSContext2D) => void): Promise<Buffer> {
    const key = `${size.width}x${size.height}`;
    const canvas = this.idle.get(key)?.pop() ?? createCanvas(size.width, size.height);
    const context = canvas.getContext("2d");
    // A fresh canvas: no pixels, and the default state back after drawing.
    context.clearRect(0, 0, size.width, size.height);
    context.save();
    try {
      draw(context);
    } finally {
      context.restore();
    }
    const png = await canvas.encode("png", pngEncoding);
    this.putBack(key, canvas);
    return png;
  }

  private putBack(key: string, canvas: Canvas): void {
    const idle = this.idle.get(key) ?? [];
    if (idle.length < idleCanvasesPerSize) idle.push(canvas);
    this.idle.set(key, idle);
  }
}

/**
 * Every text of a view in one string (its JSON: names and labels stay as they are), to find the
 * scripts whose fonts the picture needs. Views are small: a card's JSON is a few KB at most. The
 * labels' functions (moreSections, count, sectionCount) drop out: their words come from the catalogue, Latin script.
 */
function textsOf(view: ProgressCardView | WeeklyChartView | CourseChartView): string {
  return JSON.stringify(view);
}
