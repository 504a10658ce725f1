import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { waitLimitMs } from "../helpers/botHarness.js";
import { makeTempDir } from "../helpers/tempDir.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

function environmentWith(environment: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...environment };
}

function start(environment: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: environmentWith(environment),
    encoding: "utf8",
    // vitest cannot time a test out while spawnSync blocks its thread: this is the hang guard, vitest's own 120 s.
    timeout: 120_000,
  });
}

describe("npm start", () => {
  it("starts the local playground when DISCORD_TOKEN is missing, prints its address and serves the page there", async () => {
    const temp = makeTempDir();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: environmentWith({
        DISCORD_TOKEN: "",
        PLAYGROUND_PORT: "0",
        PLAYGROUND_DATABASE_URL: `file:${path.join(temp.dir, "playground.db")}`,
        DATABASE_URL: `file:${path.join(temp.dir, "bot.db")}`,
      }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // However the test ends, its timeout (the hang guard) included, the playground stops.
    onTestFinished(() => {
      child.kill("SIGTERM");
    });
    try {
      // Until the address is printed or the process exits, at most waitLimitMs (a hang guard below the
      // test's timeout): a start that never prints it fails with what the process printed.
      let limit: NodeJS.Timeout | undefined;
      const address = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", () => {
          const match = /playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
          if (match?.[1]) resolve(match[1]);
        });
        void exited.then((code) => reject(new Error(`exited with ${code}; stdout: ${stdout}\nstderr: ${stderr}`)));
        limit = setTimeout(
          () => reject(new Error(`no address printed within ${waitLimitMs} ms; stdout: ${stdout}\nstderr: ${stderr}`)),
          waitLimitMs,
        );
      }).finally(() => clearTimeout(limit));

      const page = await fetch(address);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("cohort-bot playground");
      const state = (await (await fetch(new URL("api/state", address))).json()) as { commands: { name: string }[] };
      expect(state.commands.map((command) => command.name)).toContain("today");
    } finally {
      child.kill("SIGTERM");
      await exited;
      temp.cleanup();
    }
    expect(await exited).toBe(0);
  });

  it("stops with a message naming a badly formed variable", () => {
    const result = start({ DISCORD_TOKEN: "x", LOG_LEVEL: "chatty" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("LOG_LEVEL must be one of");
  });

  it("says which variable to change when the playground's port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    try {
      const result = start({ PLAYGROUND_PORT: String(port), PLAYGROUND_DATABASE_URL: "file:/nonexistent-dir/never-created.db" });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("PLAYGROUND_PORT");
      expect(result.stderr).toContain(String(port));
    } finally {
      blocker.close();
    }
  });

  it("stops before connecting, naming HEALTH_FILE, when the heartbeat cannot be written there", () => {
    const temp = makeTempDir();
    try {
      const result = start({
        DISCORD_TOKEN: "x",
        // Nothing listens there: a bot that got as far as connecting fails differently.
        DISCORD_API_URL: "http://127.0.0.1:1/api",
        DATABASE_URL: `file:${path.join(temp.dir, "bot.db")}`,
        HEALTH_FILE: path.join(temp.dir, "no-such-folder", "cohort-bot.health"),
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("HEALTH_FILE");
      expect(result.stderr).toContain("no-such-folder");
    } finally {
      temp.cleanup();
    }
  });

  // As in the Docker image, which sets COHORT_BOT_PLAYGROUND=off: a forgotten token is not a playground nobody can open.
  it("stops naming DISCORD_TOKEN (exit 2) when it is missing and the playground is off", () => {
    const result = start({ COHORT_BOT_PLAYGROUND: "off" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("DISCORD_TOKEN");
    expect(result.stderr).toContain("npm start");
    expect(result.stdout).not.toContain("playground:");
  });

  // The operator's to fix (a database not started yet, a wrong host): what and where, as one line, not a stack to read.
  it.each([
    ["one process", {}],
    ["under the shard manager", { SHARD_COUNT: "1" }],
  ])("%s: a database it cannot reach stops start-up (exit 1) with one fatal line naming it, without a stack", (_, extra) => {
    const temp = makeTempDir();
    try {
      const result = start({
        DISCORD_TOKEN: "x",
        DISCORD_API_URL: "http://127.0.0.1:1/api",
        // Nothing listens on port 1: the connection is refused at once.
        DATABASE_URL: "postgresql://postgres@127.0.0.1:1/cohort",
        HEALTH_FILE: path.join(temp.dir, "health"),
        LOG_FORMAT: "json",
        ...extra,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("Cannot connect to PostgreSQL at 127.0.0.1:1/cohort");
      const fatal = result.stdout
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.level === 60);
      expect(fatal).toHaveLength(1);
      expect(fatal[0]).toMatchObject({ msg: "start-up failed", setting: "DATABASE_URL" });
      expect(fatal[0]?.reason).toContain("Cannot connect to PostgreSQL at 127.0.0.1:1/cohort");
      expect(fatal[0]).not.toHaveProperty("err");
      expect(result.stdout + result.stderr).not.toMatch(/\n\s+at |\\n\s+at /);
    } finally {
      temp.cleanup();
    }
  });

  it("stops with a message naming a bad playground port", () => {
    const result = start({ PLAYGROUND_PORT: "99999" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("PLAYGROUND_PORT");
  });
});
