import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCanvas, loadImage } from "@napi-rs/canvas";

/** A channel may differ by this much (anti-aliasing across library builds) before the pixel counts as different. */
const channelTolerance = 24;
/**
 * Share of pixels allowed to differ beyond channelTolerance: 0.01 % (about 38 pixels of a card), below the
 * ~100 pixels that one changed character of the smallest text on a card makes (measured), so no such change hides.
 */
const differingShareTolerance = 0.0001;

export interface PictureDifference {
  readonly sameSize: boolean;
  readonly differingPixels: number;
  readonly differingShare: number;
}

async function pixelsOf(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
}

export async function differenceBetween(actual: Buffer, expected: Buffer): Promise<PictureDifference> {
  const [a, b] = await Promise.all([pixelsOf(actual), pixelsOf(expected)]);
  if (a.width !== b.width || a.height !== b.height) return { sameSize: false, differingPixels: Infinity, differingShare: 1 };
  let differingPixels = 0;
  for (let offset = 0; offset < a.data.length; offset += 4) {
    for (let channel = 0; channel < 4; channel++) {
      if (Math.abs((a.data[offset + channel] ?? 0) - (b.data[offset + channel] ?? 0)) > channelTolerance) {
        differingPixels++;
        break;
      }
    }
  }
  return { sameSize: true, differingPixels, differingShare: differingPixels / (a.width * a.height) };
}

export function looksTheSame(difference: PictureDifference): boolean {
  return difference.sameSize && difference.differingShare <= differingShareTolerance;
}

export const pictureFixtureDir = path.resolve(import.meta.dirname, "../fixtures/pictures");

/**
 * Compares a rendered picture with its committed reference. With UPDATE_PICTURES=1 the reference is
 * (re)written instead; a missing reference without it is a failure, so CI never blesses its own output.
 * On a mismatch the actual picture is kept in the temp dir for a look.
 */
export async function compareWithReference(name: string, actual: Buffer): Promise<PictureDifference & { actualPath?: string }> {
  const referencePath = path.join(pictureFixtureDir, `${name}.png`);
  if (process.env.UPDATE_PICTURES === "1") {
    fs.mkdirSync(pictureFixtureDir, { recursive: true });
    fs.writeFileSync(referencePath, actual);
  }
  if (!fs.existsSync(referencePath))
    throw new Error(`No reference picture ${referencePath}; run the test with UPDATE_PICTURES=1 and look at it`);
  const difference = await differenceBetween(actual, fs.readFileSync(referencePath));
  if (looksTheSame(difference)) return difference;
  const actualPath = path.join(os.tmpdir(), `picture-${name}-actual.png`);
  fs.writeFileSync(actualPath, actual);
  return { ...difference, actualPath };
}
