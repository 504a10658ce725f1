import { createCanvas } from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { PictureFonts } from './PictureFonts.js';
import type { CourseChartView, ProgressCardView, WeeklyChartView } from './pictureViews.js';
import { drawProgressCard, progressCardSize } from './drawProgressCard.js';
import { drawWeeklyChart, weeklyChartSize } from './drawWeeklyChart.js';
import { drawCourseChart, courseChartSize } from './drawCourseChart.js';

/**
 * Turns picture views into PNG bytes. Drawing is synchronous and short; PNG encoding,
 * the costly part, runs on the canvas library's own thread pool, off the event loop.
 */
export class PictureRenderer {
  constructor(private readonly fonts: PictureFonts) {}

  renderProgressCard(view: ProgressCardView): Promise<Buffer> {
    return this.render(progressCardSize, (context) => drawProgressCard(context, this.fonts, view));
  }

  renderWeeklyChart(view: WeeklyChartView): Promise<Buffer> {
    return this.render(weeklyChartSize, (context) => drawWeeklyChart(context, this.fonts, view));
  }

  renderCourseChart(view: CourseChartView): Promise<Buffer> {
    return this.render(courseChartSize, (context) => drawCourseChart(context, this.fonts, view));
  }

  private render(size: { width: number; height: number }, draw: (context: SKRSContext2D) => void): Promise<Buffer> {
    const canvas = createCanvas(size.width, size.height);
    draw(canvas.getContext('2d'));
    return canvas.encode('png');
  }
}
