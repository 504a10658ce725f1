import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inputsDigest, isBuildCurrent, stampFile } from "../../scripts/buildIfChanged.mjs";
import { makeTempDir } from "../helpers/tempDir.js";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const script = path.join(projectRoot, "scripts", "buildIfChanged.mjs");

/** A project shaped like ours, small enough for tsc to build in moments. */
function writeProject(root: string): void {
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write("package.json", JSON.stringify({ name: "tiny", type: "module" }));
  write("package-lock.json", "{}");
  write(
    "tsconfig.json",
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        outDir: "dist",
        rootDir: ".",
        strict: true,
        types: [],
        skipLibCheck: true,
      },
    }),
  );
  write("tsconfig.build.json", JSON.stringify({ extends: "./tsconfig.json", include: ["src", "commands"] }));
  write("src/main.ts", `import { greeting } from "./greeting.js";\nconsole.log(greeting);\n`);
  write("src/greeting.ts", `export const greeting: string = "first";\n`);
  write("commands/today.ts", `export const name = "today";\n`);
  write("src/playground/static/style.css", "body { color: red; }\n");
  fs.symlinkSync(path.join(projectRoot, "node_modules"), path.join(root, "node_modules"), "dir");
}

function start(root: string): { log: string; output: string; status: number | null } {
  const built = spawnSync(process.execPath, [script], { cwd: root, encoding: "utf8" });
  const ran = built.status === 0 ? spawnSync(process.execPath, ["dist/src/main.js"], { cwd: root, encoding: "utf8" }).stdout.trim() : "";
  return { log: built.stderr, output: ran, status: built.status };
}

describe("buildIfChanged (npm start's build step)", () => {
  let temp: { dir: string; cleanup: () => void };
  beforeEach(() => {
    temp = makeTempDir();
    writeProject(temp.dir);
  });
  afterEach(() => temp.cleanup());

  const digest = () => inputsDigest(temp.dir);
  const edit = (file: string, text: string) => fs.writeFileSync(path.join(temp.dir, file), text);
  const markBuilt = () => {
    fs.mkdirSync(path.join(temp.dir, "dist", "src"), { recursive: true });
    fs.writeFileSync(path.join(temp.dir, "dist", "src", "main.js"), "");
    fs.writeFileSync(path.join(temp.dir, stampFile), `${digest()}\n`);
  };

  it("builds on the first start, skips tsc on the next, and rebuilds after a source changes", () => {
    const first = start(temp.dir);
    expect(first).toMatchObject({ status: 0, output: "first" });
    expect(first.log).toContain("compiling");

    const mainJs = path.join(temp.dir, "dist", "src", "main.js");
    const builtAt = fs.statSync(mainJs).mtimeMs;
    const second = start(temp.dir);
    expect(second).toMatchObject({ status: 0, output: "first" });
    expect(second.log).toContain("up to date");
    expect(fs.statSync(mainJs).mtimeMs).toBe(builtAt);

    edit("src/greeting.ts", `export const greeting: string = "second";\n`);
    expect(start(temp.dir)).toMatchObject({ status: 0, output: "second" });

    // Without its entry point dist/ is rebuilt, though tsc's build info says all is built.
    fs.rmSync(mainJs);
    expect(start(temp.dir)).toMatchObject({ status: 0, output: "second" });
  }, 120_000);

  it("leaves in dist/ nothing of a source since deleted or renamed, so npm start cannot load it", () => {
    // src/discord/i18n/languages.ts loads every file of its built locales/ folder.
    const built = () => fs.readdirSync(path.join(temp.dir, "dist", "src", "locales")).filter((file) => file.endsWith(".js"));
    fs.mkdirSync(path.join(temp.dir, "src", "locales"));
    edit("src/locales/en.ts", `export const label: string = "English";\n`);
    edit("src/locales/pt.ts", `export const label: string = "Português";\n`);
    expect(start(temp.dir).status).toBe(0);
    expect(built()).toEqual(["en.js", "pt.js"]);

    fs.renameSync(path.join(temp.dir, "src", "locales", "pt.ts"), path.join(temp.dir, "src", "locales", "pt-BR.ts"));
    expect(start(temp.dir).status).toBe(0);
    expect(built()).toEqual(["en.js", "pt-BR.js"]);
    fs.rmSync(path.join(temp.dir, "src", "locales", "pt-BR.ts"));
    expect(start(temp.dir)).toMatchObject({ status: 0, output: "first" });
    expect(built()).toEqual(["en.js"]);
  }, 120_000);

  it("fails the start, and records nothing, when the TypeScript does not compile", () => {
    edit("src/greeting.ts", `export const greeting: string = 42;\n`);
    expect(start(temp.dir).status).not.toBe(0);
    expect(fs.existsSync(path.join(temp.dir, stampFile))).toBe(false);
  }, 120_000);

  it("counts any change to a source, a command or the settings, by content", () => {
    markBuilt();
    expect(isBuildCurrent(temp.dir, digest())).toBe(true);
    for (const [file, text] of [
      ["src/greeting.ts", `export const greeting: string = "changed";\n`],
      ["commands/today.ts", `export const name = "done";\n`],
      ["tsconfig.build.json", JSON.stringify({ extends: "./tsconfig.json", include: ["src"] })],
      ["package-lock.json", `{"lockfileVersion":3}`],
    ] as const) {
      const before = fs.readFileSync(path.join(temp.dir, file), "utf8");
      edit(file, text);
      expect(isBuildCurrent(temp.dir, digest()), file).toBe(false);
      // Putting the old text back is the same build again, whatever the file's new mtime.
      edit(file, before);
      expect(isBuildCurrent(temp.dir, digest()), file).toBe(true);
    }
  });

  it("counts a new or a deleted source, and ignores files tsc does not read", () => {
    markBuilt();
    edit("src/playground/static/style.css", "body { color: blue; }\n");
    expect(isBuildCurrent(temp.dir, digest())).toBe(true);
    edit("src/extra.ts", "export {};\n");
    expect(isBuildCurrent(temp.dir, digest())).toBe(false);
    fs.rmSync(path.join(temp.dir, "src", "extra.ts"));
    expect(isBuildCurrent(temp.dir, digest())).toBe(true);
    fs.rmSync(path.join(temp.dir, "commands", "today.ts"));
    expect(isBuildCurrent(temp.dir, digest())).toBe(false);
  });
});
