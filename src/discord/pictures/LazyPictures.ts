import type { Pictures } from "./Pictures.js";
import type { CourseChartView, ProgressCardView, WeeklyChartView } from "./pictureViews.js";

/**
 * The app's pictures, with the canvas library and the fonts loaded by the
 * first picture asked for (a /progress card, a post's chart) instead of at
 * start: a process that draws none never holds them (about 20 MB of native
 * library and fonts; README "Sizing a process"). The first picture waits for
 * the load (measured: 0.2-0.9 s on a loaded 2-core machine, most of it the
 * library's own import; fonts register a file at a time with the event loop
 * free between). A load that fails is tried again by the next picture.
 */
export class LazyPictures implements Pictures {
  private renderer: Promise<Pictures> | null = null;

  async renderProgressCard(view: ProgressCardView): Promise<Buffer> {
    return (await this.loaded()).renderProgressCard(view);
  }

  async renderWeeklyChart(view: WeeklyChartView): Promise<Buffer> {
    return (await this.loaded()).renderWeeklyChart(view);
  }

  async renderCourseChart(view: CourseChartView): Promise<Buffer> {
    return (await this.loaded()).renderCourseChart(view);
  }

  private loaded(): Promise<Pictures> {
    this.renderer ??= loadRenderer().catch((error: unknown) => {
      this.renderer = null;
      throw error;
    });
    return this.renderer;
  }
}

async function loadRenderer(): Promise<Pictures> {
  const [{ PictureRenderer }, { PictureFonts }] = await Promise.all([import("./PictureRenderer.js"), import("./PictureFonts.js")]);
  return new PictureRenderer(await PictureFonts.load());
}
