/**
 * The bench runs the bot compiled, as `npm start` does: dist/ is built by
 * scripts/buildIfChanged.mjs (only when a source changed), and the bench's own
 * entry scripts, which import the bot from ../src, are transpiled one file
 * each beside it into dist/bench/, so their imports land on dist/src's
 * compiled JavaScript. (tsc -p tsconfig.json --noEmit type-checks them.)
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { build, inputsDigest, isBuildCurrent } from "../scripts/buildIfChanged.mjs";

/** The bench files the bot processes run, and what they import from bench/. */
const benchEntries = ["botProcessMain.ts", "floorBotMain.ts", "botProcessProtocol.ts"] as const;

/** Builds dist/ if needed and writes dist/bench/; returns that folder. */
export function compileBotEntries(root: string): string {
  const digest = inputsDigest(root);
  if (!isBuildCurrent(root, digest) && build(root, digest) !== 0) throw new Error("the build (scripts/buildIfChanged.mjs) failed");
  const outDir = path.join(root, "dist", "bench");
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of benchEntries) {
    const source = fs.readFileSync(path.join(root, "bench", file), "utf8");
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    fs.writeFileSync(path.join(outDir, file.replace(/\.ts$/, ".js")), outputText);
  }
  return outDir;
}
