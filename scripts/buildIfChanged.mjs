// `npm start` and `npm run build`: compiles the TypeScript into dist/ unless
// nothing it reads has changed since the last successful build. "Changed" is by
// content (a SHA-256 over every input's path and bytes), so a checkout, an edit
// or a restored old file all rebuild, and a touch alone does not.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** What tsc -p tsconfig.build.json reads besides node_modules: its sources and its settings. */
const sourceDirs = ["src", "commands"];
const sourceExtensions = [".ts", ".mts", ".cts", ".tsx", ".json"];
const settingsFiles = ["tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"];

/** Written after a successful build: the digest of the inputs it compiled. */
export const stampFile = path.join("dist", ".build-inputs.sha256");
const buildInfoFile = path.join("dist", ".tsbuildinfo");
const entryFile = path.join("dist", "src", "main.js");

/** The digest of every build input under `root`, in a stable order. */
export function inputsDigest(root) {
  const files = settingsFiles.filter((file) => fs.existsSync(path.join(root, file)));
  for (const dir of sourceDirs) files.push(...sourceFilesUnder(root, dir));
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    hash.update(`${file}\0`);
    hash.update(
      createHash("sha256")
        .update(fs.readFileSync(path.join(root, file)))
        .digest(),
    );
  }
  return hash.digest("hex");
}

/** True when dist/ was built from exactly these inputs. */
export function isBuildCurrent(root, digest) {
  if (!fs.existsSync(path.join(root, entryFile))) return false;
  const stamp = path.join(root, stampFile);
  return fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8").trim() === digest;
}

/** Runs tsc (incrementally) and records the digest taken before it started, so an edit made during the build rebuilds next time. */
export function build(root, digest) {
  const tsc = createRequire(path.join(root, "package.json")).resolve("typescript/bin/tsc");
  // tsc --incremental trusts its build info over what is on disk: without the entry point, compile from scratch.
  if (!fs.existsSync(path.join(root, entryFile))) fs.rmSync(path.join(root, buildInfoFile), { force: true });
  removeStaleOutputs(root);
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--incremental", "--tsBuildInfoFile", buildInfoFile], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) return result.status ?? 1;
  fs.writeFileSync(path.join(root, stampFile), `${digest}\n`);
  return 0;
}

/** What tsc writes for a source, by the output's ending: the source endings it may come from. */
const outputSources = [
  [".d.ts.map", [".ts", ".tsx"]],
  [".d.mts.map", [".mts"]],
  [".d.cts.map", [".cts"]],
  [".d.ts", [".ts", ".tsx"]],
  [".d.mts", [".mts"]],
  [".d.cts", [".cts"]],
  [".js.map", [".ts", ".tsx"]],
  [".mjs.map", [".mts"]],
  [".cjs.map", [".cts"]],
  [".js", [".ts", ".tsx"]],
  [".mjs", [".mts"]],
  [".cjs", [".cts"]],
];

/**
 * Deletes the compiled files in dist/ whose source is gone: tsc never does, and a deleted or renamed
 * file would still run (languages.ts loads every file of its built locales/ folder).
 */
export function removeStaleOutputs(root) {
  for (const dir of sourceDirs) {
    const built = path.join(root, "dist", dir);
    if (!fs.existsSync(built)) continue;
    for (const entry of fs.readdirSync(built, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const match = outputSources.find(([ending]) => entry.name.endsWith(ending));
      if (match === undefined) continue;
      const [ending, sourceEndings] = match;
      const output = path.join(entry.parentPath, entry.name);
      const stem = path.join(root, path.relative(path.join(root, "dist"), output)).slice(0, -ending.length);
      if (!sourceEndings.some((sourceEnding) => fs.existsSync(stem + sourceEnding))) fs.rmSync(output);
    }
  }
}

function sourceFilesUnder(root, dir) {
  const absolute = path.join(root, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && sourceExtensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

function main() {
  const root = process.cwd();
  const always = process.argv.includes("--always");
  const digest = inputsDigest(root);
  if (!always && isBuildCurrent(root, digest)) {
    console.error("build: dist/ is up to date (no source changed since the last build)");
    return 0;
  }
  console.error("build: compiling the TypeScript into dist/ …");
  return build(root, digest);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
