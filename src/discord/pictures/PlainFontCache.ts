import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { tableTag, woffToSfnt } from "./woffToSfnt.js";

/** Bump when what is written changes (the tables kept, the format): older caches are then removed (removeOtherVersions). */
const cacheFormat = 1;

/**
 * Left out of the plain fonts: Noto Color Emoji carries each emoji twice, as
 * COLR vector layers (what the canvas library draws) and as an SVG table
 * (20 of its 25 MB, which the library never draws with). Without it the
 * pictures are the same bytes and the library pages in less of the file.
 */
const droppedTables: ReadonlySet<number> = new Set([tableTag("SVG ")]);

/**
 * The bundled WOFF fonts decoded once into plain font files on disk, which
 * the canvas library maps and pages in as glyphs are needed, instead of
 * decompressing each WOFF whole into memory for the life of the process
 * (measured: 75 MB more peak RSS with the colour emoji; see README "Sizing a
 * process"). Files are written under a temporary name and renamed, so
 * processes starting at once (shards) never read a half-written one.
 */
export class PlainFontCache {
  /** Whether this process wrote a file into the folder: only then may older folders be left behind. */
  private wrote = false;

  private constructor(
    private readonly directory: string,
    private readonly woffFiles: readonly string[],
  ) {}

  /**
   * The cache for these WOFF files: node_modules/.cache beside the font
   * packages (written by the first start, or the Docker image's build), or the
   * system's temporary folder where that is read-only.
   */
  static open(woffFiles: readonly string[]): PlainFontCache {
    const first = woffFiles[0];
    if (first === undefined) throw new Error("no fonts to cache");
    const key = `v${cacheFormat}-${contentKey(woffFiles)}`;
    const candidates = [
      path.join(nodeModulesOf(first), ".cache", "cohort-bot", `fonts-${key}`),
      path.join(os.tmpdir(), `cohort-bot-fonts-${key}`),
    ];
    // Complete from an earlier start or the image's build: used as it is, writable or not (the Docker image's user cannot write it).
    const complete = candidates.find((directory) => woffFiles.every((file) => fs.existsSync(plainFileIn(directory, file))));
    if (complete !== undefined) return new PlainFontCache(complete, woffFiles);
    const failures: string[] = [];
    for (const directory of candidates) {
      try {
        fs.mkdirSync(directory, { recursive: true });
        fs.accessSync(directory, fs.constants.W_OK);
        return new PlainFontCache(directory, woffFiles);
      } catch (error) {
        failures.push(`${directory}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    throw new Error(`no writable folder for the decoded fonts (${failures.join("; ")})`);
  }

  /** The plain font file for this WOFF file, decoded now if no process has yet. */
  plainFontFor(woffFile: string): string {
    const target = plainFileIn(this.directory, woffFile);
    if (fs.existsSync(target)) return target;
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
      // The folder may have gone since open: a process of another font set removed it (removeOtherVersions).
      fs.mkdirSync(this.directory, { recursive: true });
      fs.writeFileSync(temporary, woffToSfnt(fs.readFileSync(woffFile), droppedTables));
      fs.renameSync(temporary, target);
      this.wrote = true;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
    return target;
  }

  /**
   * Once this process has completed the folder, removes the folders of other font sets beside
   * it (the bot's own only, by name): every change of a font package starts a new folder, and
   * the old ones (15 MB) would pile up. A process still using an old folder keeps the files it
   * has mapped (Linux keeps an unlinked file while mapped) and decodes again any it opens later.
   * Best effort: a folder that cannot be removed (another user's, in the temporary folder) stays.
   */
  removeOtherVersions(): void {
    if (!this.wrote || !this.woffFiles.every((file) => fs.existsSync(plainFileIn(this.directory, file)))) return;
    const parent = path.dirname(this.directory);
    const prefix = path.basename(this.directory).replace(/v\d+-[0-9a-f]+$/, "v");
    for (const name of fs.readdirSync(parent)) {
      if (name === path.basename(this.directory) || !name.startsWith(prefix)) continue;
      try {
        fs.rmSync(path.join(parent, name), { recursive: true, force: true });
      } catch {
        // Left for whoever owns it.
      }
    }
  }
}

function plainFileIn(directory: string, woffFile: string): string {
  return path.join(directory, path.basename(woffFile).replace(/\.woff$/, ".ttf"));
}

/** node_modules holding this file's package (…/node_modules/@scope/pkg/files/x.woff → …/node_modules). */
function nodeModulesOf(file: string): string {
  let directory = path.dirname(file);
  while (path.basename(directory) !== "node_modules") {
    const parent = path.dirname(directory);
    if (parent === directory) return path.dirname(file);
    directory = parent;
  }
  return directory;
}

/** Names and sizes of the sources: another font package version gives another folder, not stale files. */
function contentKey(woffFiles: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of woffFiles) hash.update(`${path.basename(file)}:${fs.statSync(file).size}\n`);
  return hash.digest("hex").slice(0, 16);
}
