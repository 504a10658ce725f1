import type { SKRSContext2D } from "@napi-rs/canvas";
import { drawProgressCard } from "../../src/discord/pictures/drawProgressCard.js";
import type { PictureFonts } from "../../src/discord/pictures/PictureFonts.js";
import type { Pictures } from "../../src/discord/pictures/Pictures.js";

/**
 * A 2D context that only records the text drawn on it, in `texts` (every text is measured at 9 px a
 * character): what a picture's reader would read on it, without drawing pixels.
 */
export function textRecordingContext(texts: string[]): SKRSContext2D {
  const target: Record<string, unknown> = {};
  return new Proxy(target, {
    get(_, key) {
      if (key === "measureText") return (text: string) => ({ width: text.length * 9 });
      if (key === "fillText") return (text: string) => texts.push(text);
      if (typeof key === "string" && key in target) return target[key];
      return () => undefined;
    },
    set(_, key, value) {
      if (typeof key === "string") target[key] = value;
      return true;
    },
  }) as unknown as SKRSContext2D;
}

/** Fonts for textRecordingContext: any font name will do. */
export const recordingFonts = { font: () => "16px sans-serif" } as unknown as PictureFonts;

/** Pictures that record in `texts` what each progress card prints (the charts are left blank). */
export function cardTextRecorder(texts: string[]): Pictures {
  return {
    renderWeeklyChart: async () => Buffer.from("png"),
    renderCourseChart: async () => Buffer.from("png"),
    renderProgressCard: async (view) => {
      drawProgressCard(textRecordingContext(texts), recordingFonts, view);
      return Buffer.from("png");
    },
  };
}
