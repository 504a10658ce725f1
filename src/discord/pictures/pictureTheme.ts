import type { StudyDayState } from "./pictureViews.js";

/** Colours picked to sit well on Discord's dark theme while staying legible on the light one. */
export const pictureTheme = {
  background: "#1e1f22",
  panel: "#2b2d31",
  track: "#3a3c43",
  text: "#f2f3f5",
  mutedText: "#b5bac1",
  faintText: "#80848e",
  accent: "#5865f2",
  success: "#3ba55d",
  warning: "#f0b232",
  gridLine: "#3f4147",
  /** The snowflake on a day a streak freeze covered. */
  frost: "#ffffff",
} as const;

export const studyDayColour: { readonly [state in StudyDayState]: string } = {
  done: "#3ba55d",
  missed: "#ed4245",
  // Ice blue, with a snowflake drawn over it (drawProgressCard): unlike a miss in colour and in shape.
  frozen: "#4fb3e8",
  dayOff: "#5865f2",
  notStudyDay: "#2e3035",
  future: "#3a3c43",
};
