import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli as cli } from "../helpers/runCli.js";
import { createTestDatabase, type TestDatabase } from "../helpers/testDatabase.js";
import { makeTempDir } from "../helpers/tempDir.js";

describe("npm run cli -- with a command it does not know", () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());
  // A command that cannot run must not create, migrate or seed a database on the way.
  const untouched = path.join(temp.dir, "never-created.db");

  it.each([
    [["curriculum", "lsit"], 'Unknown command "curriculum lsit"'],
    // The group alone is known: it lacks its action.
    [["curriculum"], "curriculum needs an action: list, show or import."],
    [["purge-guild", "abc"], '"abc" is not a server id'],
    // Discord's ids are 17 to 20 digits and below 2^64: nothing else names a server.
    [["purge-guild", "1000000000000000"], '"1000000000000000" is not a server id: Discord server ids are 17 to 20 digits, below 2^64.'],
    [["purge-guild", "100000000000000000000"], '"100000000000000000000" is not a server id'],
    [
      ["purge-guild", "18446744073709551616"],
      '"18446744073709551616" is not a server id: Discord server ids are 17 to 20 digits, below 2^64.',
    ],
    [["simulate", "backend-engineer-learning-path", "--weeks", "0"], "--weeks needs a whole number"],
    [["curriculum", "import"], "Name the file to import"],
    [["curriculum", "show", "backend-engineer-learning-path", "extra"], "Unexpected arguments: extra"],
    [["curriculum", "show", "--json"], "Unknown option --json."],
    [["purge-guild", "100000000000000001", "--yes"], "Unknown option --yes."],
    // One dash is an option too, not a cohort called "-x".
    [["simulate", "-x"], "Unknown option -x."],
    [["simulate", "backend-engineer-learning-path", "-w", "2"], "Unknown option -w."],
  ])(
    "%j says what was wrong, shows the usage and exits 2 without opening the database",
    async (args, message) => {
      const result = await cli(`file:${untouched}`, args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain("Usage: npm run cli -- <command>");
      expect(fs.existsSync(untouched)).toBe(false);
    },
    120_000,
  );

  it("-h prints the usage and exits 0", async () => {
    const result = await cli(`file:${untouched}`, ["-h"]);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain("Usage: npm run cli -- <command>");
    expect(fs.existsSync(untouched)).toBe(false);
  }, 120_000);

  // The Docker image sets COHORT_BOT_PLAYGROUND=off; the CLI runs no bot and no playground, so it needs no token there.
  it("runs without DISCORD_TOKEN where the playground is off, as in the Docker image", async () => {
    const result = await cli(`file:${untouched}`, ["-h"], { COHORT_BOT_PLAYGROUND: "off", DISCORD_TOKEN: "" });
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain("Usage: npm run cli -- <command>");
  }, 120_000);

  // Help is about the command line: a setting still to be fixed must not hide it (nor turn its exit code into 2).
  it("prints the usage and exits 0 even where a setting is wrong, and refuses a bad command line as such", async () => {
    const help = await cli("not-a-database-url", ["--help"], { LOG_LEVEL: "loud" });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: npm run cli -- <command>");
    expect(help.stderr).toBe("");
    const typo = await cli("not-a-database-url", ["curriculum", "lsit"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Unknown command "curriculum lsit"');
  }, 120_000);

  // Not read as a slug, a file or a server id ("No curriculum "--help"").
  it.each([[["curriculum", "show", "--help"]], [["curriculum", "import", "--help"]], [["simulate", "--help"]], [["purge-guild", "-h"]]])(
    "%j prints the usage and exits 0 without opening the database",
    async (args) => {
      const result = await cli(`file:${untouched}`, args);
      expect(result.code, result.stderr + result.stdout).toBe(0);
      expect(result.stdout).toContain("Usage: npm run cli -- <command>");
      expect(result.stderr).toBe("");
      expect(fs.existsSync(untouched)).toBe(false);
    },
    120_000,
  );

  it("says why the database cannot be opened, in one line without a stack trace, and exits 1", async () => {
    const result = await cli("postgresql://nobody@127.0.0.1:1/cohort", ["curriculum", "list"]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot start: Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/cohort: /);
  }, 120_000);

  // A typo in the URL is a configuration mistake, not a bug: named as the bot names any bad variable.
  it("names DATABASE_URL when it is not a URL the bot can use, without a stack trace, and exits 2", async () => {
    const result = await cli("postgres://cohort:secret@db:notaport/cohort", ["curriculum", "list"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Invalid configuration:");
    expect(result.stderr).toContain("DATABASE_URL");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 120_000);

  it("says why a SQLite file cannot be created, in one line, and exits 1", async () => {
    // A file where the database's folder should be: the folder cannot be made.
    const blocker = path.join(temp.dir, "a-file");
    fs.writeFileSync(blocker, "");
    const result = await cli(`file:${path.join(blocker, "cohort.db")}`, ["curriculum", "list"]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot start: /);
    expect(lines[0]).toContain(`Cannot open the SQLite database at ${path.join(blocker, "cohort.db")}: `);
  }, 120_000);
});

describe("npm run cli -- where LOG_LEVEL=info (docker compose sets it)", () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it("prints the command's output alone on standard output, its log lines on standard error", async () => {
    const result = await cli(`file:${path.join(temp.dir, "cli.db")}`, ["curriculum", "list"], { LOG_LEVEL: "info" });
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain("backend-engineer-learning-path");
    expect(result.stdout.split("\n").filter((line) => line.startsWith("{"))).toEqual([]);
    expect(result.stderr.split("\n").filter((line) => line.startsWith("{")).length).toBeGreaterThan(0);
  });

  // An empty variable counts as unset (README, Configuration): the CLI's own quiet default, not the bot's info.
  it("logs only warnings where LOG_LEVEL is set but empty", async () => {
    const result = await cli(`file:${path.join(temp.dir, "cli.db")}`, ["curriculum", "list"], { LOG_LEVEL: "" });
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain("backend-engineer-learning-path");
    expect(result.stderr).toBe("");
  });
});

describe("npm run cli -- curriculum import", () => {
  const temp = makeTempDir();
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
    temp.cleanup();
  });

  it("counts sections and items in words that agree with the numbers", async () => {
    const file = path.join(temp.dir, "tiny-path.md");
    fs.writeFileSync(file, "Tiny Path\n\nWeek 1: Basics\n- [ ] Required -- Hello (30 min)\n");
    const result = await cli(database.url, ["curriculum", "import", file]);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain("1 section, 1 item");
    expect(result.stdout).not.toMatch(/1 sections|1 items/);
  }, 120_000);

  it("reads a file saved as UTF-16 or Windows-1252 as /curriculum import does, and refuses a binary one", async () => {
    const text = "Café Path\n\nWeek 1: Basics\n- [ ] Required -- Crème brûlée (30 min)\n";
    const utf16 = path.join(temp.dir, "notepad-unicode.md");
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const utf16Result = await cli(database.url, ["curriculum", "import", utf16]);
    expect([utf16Result.code, utf16Result.stderr]).toEqual([0, expect.not.stringContaining("control characters")]);
    expect(utf16Result.stdout).toContain("created: cafe-path");
    const latin = path.join(temp.dir, "windows-1252.md");
    fs.writeFileSync(latin, Buffer.from(text.replace("Café Path", "Café Latin Path"), "latin1"));
    expect((await cli(database.url, ["curriculum", "import", latin])).code).toBe(0);
    expect((await cli(database.url, ["curriculum", "show", "cafe-latin-path"])).stdout).toContain("Crème brûlée");
    const png = path.join(temp.dir, "picture.md");
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const binary = await cli(database.url, ["curriculum", "import", png]);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toContain("is not a text file");
  }, 120_000);

  it("refuses a title that only slugs like a built-in curriculum's, instead of replacing it", async () => {
    const file = path.join(temp.dir, "lookalike.md");
    fs.writeFileSync(file, "Backend Engineer: Learning Path\n\nWeek 1: Basics\n- [ ] Required -- One Reading (20 min)\n");
    const result = await cli(database.url, ["curriculum", "import", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Backend Engineer Learning Path already has the id `backend-engineer-learning-path`");
    expect((await cli(database.url, ["curriculum", "show", "backend-engineer-learning-path"])).stdout).toContain("Week 12");
  }, 120_000);

  it("refuses a file larger than any curriculum without reading it, and says so", async () => {
    const huge = path.join(temp.dir, "huge.md");
    // Sparse: its size is past four bytes per allowed character, with nothing written.
    fs.writeFileSync(huge, "Huge Path\n");
    fs.truncateSync(huge, 4 * 256 * 1024 + 1);
    const result = await cli(database.url, ["curriculum", "import", huge]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is too large: a curriculum has at most 262144 characters.");
    expect((await cli(database.url, ["curriculum", "list"])).stdout).not.toContain("huge-path");
  }, 120_000);

  it("lists, outlines and simulates a one-week curriculum in words that agree with the numbers", async () => {
    const file = path.join(temp.dir, "one-week.md");
    fs.writeFileSync(file, "One Week Path\n\nWeek 1: Basics\n- [ ] Required -- Hello (30 min)\n");
    expect((await cli(database.url, ["curriculum", "import", file])).code).toBe(0);
    const list = await cli(database.url, ["curriculum", "list"]);
    // The numbers right-aligned in their column, the word after them agreeing: " 1 week ", "12 weeks", "36 weeks".
    expect(list.stdout).toMatch(/one-week-path + {2}1 week {3}One Week Path/);
    const lines = list.stdout.trim().split("\n");
    const columns = lines
      .map((line) => /(\d+) weeks? +/.exec(line))
      .map((match) => [(match?.index ?? 0) + (match?.[1]?.length ?? 0), (match?.index ?? 0) + (match?.[0].length ?? 0)]);
    // Where the numbers end and where the titles start: one column each.
    expect(new Set(columns.map(([numberEnd]) => numberEnd)).size).toBe(1);
    expect(new Set(columns.map(([, titleStart]) => titleStart)).size).toBe(1);
    const show = await cli(database.url, ["curriculum", "show", "one-week-path"]);
    expect(show.stdout).toContain("slug: one-week-path · 1 week · 1 section");
    expect(show.stdout).toMatch(/Required +1 item +30 min/);
    const simulation = await cli(database.url, ["simulate", "one-week-path", "--start", "2027-03-01"]);
    expect(simulation.stdout).toContain("One Week Path · 1 week · starts Mon, 1 Mar 2027");
    expect(simulation.stdout).toContain("2 posts:");
    for (const output of [list.stdout, show.stdout, simulation.stdout]) expect(output).not.toMatch(/\b1 (weeks|sections|items)\b/);
  }, 120_000);

  it("outlines the mastery path's language tracks as one Required choice, as members are measured", async () => {
    const show = await cli(database.url, ["curriculum", "show", "backend-engineer-complete-mastery-path"]);
    expect(show.code).toBe(0);
    // 60 Required items and one "choose one" slot for the four language tracks: never "4 optional".
    expect(show.stdout).toMatch(/^ {2}Required +61 items /m);
    expect(show.stdout).not.toMatch(/^ {2}Optional /m);
    expect(show.stdout).toMatch(/^ {6}Choice +— +Python Path: /m);
    expect(show.stdout).not.toMatch(/^ +Optional +— +Go Path/m);
  }, 120_000);
});
