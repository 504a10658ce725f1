import fs from "node:fs";
import path from "node:path";
import type { SeedDocument } from "../domain/curriculum/seedDocument.js";

/** The built-in learning paths shipped in prisma/seed/*.txt, in name order. */
export function readSeedDocuments(seedDir: string): SeedDocument[] {
  return fs
    .readdirSync(seedDir)
    .filter((name) => name.endsWith(".txt") || name.endsWith(".md"))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(seedDir, name), "utf8") }));
}
