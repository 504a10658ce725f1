import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { productionNodeEnv, productionNodeFlags } from "../../scripts/productionNode.mjs";
import { projectPaths } from "../../src/projectPaths.js";
import { cjkFonts, lazyScripts } from "../../src/discord/pictures/PictureFonts.js";

const read = (file: string) => fs.readFileSync(path.join(projectPaths().root, file), "utf8");

// The memory a process needs (README "Sizing a process") holds only if every way production starts Node uses the same settings.
describe("production Node settings", () => {
  it("npm start runs the compiled bot with them", () => {
    const start = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts.start ?? "";
    const env = Object.entries(productionNodeEnv).map(([name, value]) => `${name}=${value}`);
    expect(start).toContain(`${env.join(" ")} node ${productionNodeFlags.join(" ")} dist/src/main.js`);
  });

  it("the Docker image runs the compiled bot with them", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toContain(`CMD ${JSON.stringify(["node", ...productionNodeFlags, "dist/src/main.js"]).replaceAll(",", ", ")}`);
    for (const [name, value] of Object.entries(productionNodeEnv)) expect(dockerfile).toMatch(new RegExp(`^\\s+${name}=${value}$`, "m"));
  });

  it("shard processes inherit them: the manager hands its own Node flags to every shard", () => {
    expect(read("src/main.ts")).toContain("execArgv: process.execArgv");
  });
});

// The image deletes every other file of these font packages: a font the pictures register but the image deleted fails the first picture.
describe("the Docker image's font files", () => {
  it("keeps the one file of each CJK package the pictures use", () => {
    const dockerfile = read("Dockerfile");
    for (const font of cjkFonts) {
      expect(dockerfile).toContain(`node_modules/${font.packageName}/files`);
      expect(dockerfile).toContain(`! -name '${font.subset}-400-normal.woff'`);
    }
  });

  it("keeps the regular and bold file of every script package the pictures use", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toContain(`for script in ${lazyScripts.join(" ")}; do`);
    expect(dockerfile).toContain('find "node_modules/@fontsource/noto-sans-$script/files"');
    expect(dockerfile).toContain(
      '! -name "noto-sans-$script-$script-400-normal.woff" ! -name "noto-sans-$script-$script-700-normal.woff" -delete',
    );
  });
});
