import type { SKRSContext2D } from "@napi-rs/canvas";
import { pictureTheme } from "./pictureTheme.js";

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function fillRoundedRect(context: SKRSContext2D, box: Box, radius: number, colour: string): void {
  context.fillStyle = colour;
  context.beginPath();
  context.roundRect(box.x, box.y, box.width, box.height, Math.min(radius, box.height / 2, box.width / 2));
  context.fill();
}

/** A track with a filled part for the share 0–1; a tiny non-zero share still shows a sliver. */
export function drawBar(context: SKRSContext2D, box: Box, share: number, colour: string): void {
  fillRoundedRect(context, box, box.height / 2, pictureTheme.track);
  const clamped = Math.min(1, Math.max(0, share));
  if (clamped === 0) return;
  const width = Math.max(box.height, Math.round(box.width * clamped));
  fillRoundedRect(context, { ...box, width }, box.height / 2, colour);
}

/** done / total as 0–1, treating an empty total as nothing to do. */
export function shareOf(done: number, total: number): number {
  return total > 0 ? done / total : 0;
}

export function clampPercent(percent: number): number {
  return Math.min(100, Math.max(0, percent));
}
