import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

function start(environment: Record<string, string>) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...environment };
  return spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
}

describe("npm start", () => {
  it("names the variable to set when DISCORD_TOKEN is missing, in one line", () => {
    const result = start({ DISCORD_TOKEN: "" });
    expect(result.status).not.toBe(0);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("DISCORD_TOKEN");
  });

  it("stops with a message naming a badly formed variable", () => {
    const result = start({ DISCORD_TOKEN: "x", LOG_LEVEL: "chatty" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("LOG_LEVEL must be one of");
  });
});
