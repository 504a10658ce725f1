import type { CourseChartView, ProgressCardView, WeeklyChartView } from "./pictureViews.js";

/** Picture views in, PNG bytes out: what commands and posts need of the picture renderer. */
export interface Pictures {
  renderProgressCard(view: ProgressCardView): Promise<Buffer>;
  renderWeeklyChart(view: WeeklyChartView): Promise<Buffer>;
  renderCourseChart(view: CourseChartView): Promise<Buffer>;
}
