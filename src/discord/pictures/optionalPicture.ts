import type { Logger } from "../../logging/createLogger.js";

/** Which picture, in the log line of one that could not be drawn. */
export const PictureKind = { ProgressCard: "progressCard", PostCharts: "postCharts" } as const;
export type PictureKind = (typeof PictureKind)[keyof typeof PictureKind];

/**
 * Draws a picture its message can go without. Every picture repeats what the message's words
 * already say (its alt text too), so a drawing that fails (the canvas library cannot load on
 * this platform, a font file is gone, the encoder throws) is logged and the member still gets
 * the reply, the channel its post: without the picture, instead of an error or no post at all.
 */
export async function optionalPicture<T>(draw: () => Promise<T>, logger: Logger, picture: PictureKind): Promise<T | null> {
  try {
    return await draw();
  } catch (error) {
    logger.error({ err: error, picture }, "could not draw a picture: sent without it");
    return null;
  }
}
