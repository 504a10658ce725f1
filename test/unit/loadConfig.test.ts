import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/loadConfig.js";
import { problemsOf } from "../helpers/configProblems.js";

describe("loadConfig", () => {
  it("uses the documented defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config.discordToken).toBeUndefined();
    expect(config.discordApiUrl).toBe("https://discord.com/api");
    expect(config.databaseUrl).toBe("file:./data/cohort-bot.db");
    expect(config.logLevel).toBe("info");
    expect(config.playgroundPort).toBe(3000);
    expect(config.playgroundDatabaseUrl).toBe("file:./data/playground.db");
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DISCORD_TOKEN: "", DATABASE_URL: "" }).databaseUrl).toBe("file:./data/cohort-bot.db");
  });

  it("accepts a full valid environment and strips a trailing slash from the API URL", () => {
    const config = loadConfig({
      DISCORD_TOKEN: "abc.def.ghi",
      DISCORD_API_URL: "http://127.0.0.1:4000/api/",
      DISCORD_GUILD_ID: "123456789012345678",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/cohort",
      LOG_LEVEL: "debug",
    });
    expect(config.discordApiUrl).toBe("http://127.0.0.1:4000/api");
    expect(config.discordGuildId).toBe("123456789012345678");
    expect(config.databaseUrl).toBe("postgresql://postgres@127.0.0.1:5432/cohort");
  });

  it.each([
    ["DISCORD_API_URL", "discord.com/api", "http(s) URL"],
    ["DISCORD_GUILD_ID", "my-server", "server id"],
    ["DISCORD_GUILD_ID", "18446744073709551616", "server id (17 to 20 digits, below 2^64)"],
    ["DATABASE_URL", "mysql://root@localhost/db", "file:<path>"],
    ["LOG_LEVEL", "loud", "one of"],
    ["DISCORD_TOKEN", "has spaces in it", "without spaces"],
    ["PLAYGROUND_PORT", "http", "port number"],
    ["PLAYGROUND_PORT", "70000", "port number"],
    ["PLAYGROUND_DATABASE_URL", "postgresql://postgres@127.0.0.1/demo", "file:<path>"],
  ])("names %s and the expected form when it is %s", (variable, value, expected) => {
    const problems = problemsOf({ [variable]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(variable);
    expect(problems[0]).toContain(expected);
  });

  // Formed well enough to pass a prefix check, but not a database the bot can use: refused at start-up like any bad
  // value (exit 2, the variable named), not as a stack trace from wherever the URL is first parsed.
  it.each([
    ["postgres://cohort:secret@db:notaport/cohort", "postgresql://user:password@host:port/database"],
    ["postgresql://postgres@127.0.0.1:5432/cohort?schema=cohort-bot", "schema"],
    ["file::memory:", "a file"],
    ["file:?mode=ro", "file:<path>"],
  ])("names DATABASE_URL when it is %s", (value, expected) => {
    const problems = problemsOf({ DATABASE_URL: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("DATABASE_URL");
    expect(problems[0]).toContain(expected);
  });

  // discord.js adds the API version itself: ".../api/v10" would be asked for ".../api/v10/v10/..." and answer 404.
  it("names DISCORD_API_URL when it ends in an API version", () => {
    const problems = problemsOf({ DISCORD_API_URL: "https://discord.com/api/v10/" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("DISCORD_API_URL");
    expect(problems[0]).toContain("https://discord.com/api");
  });

  // The Docker image sets COHORT_BOT_PLAYGROUND=off: there the playground could not serve its page (not in the image,
  // on 127.0.0.1 inside the container), so a forgotten token is a configuration error naming DISCORD_TOKEN.
  it("refuses a missing DISCORD_TOKEN where COHORT_BOT_PLAYGROUND=off, pointing to npm start for the playground", () => {
    const problems = problemsOf({ COHORT_BOT_PLAYGROUND: "off" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("DISCORD_TOKEN");
    expect(problems[0]).toContain("npm start");
    expect(problemsOf({ COHORT_BOT_PLAYGROUND: "off", DISCORD_TOKEN: "abc.def.ghi" })).toEqual([]);
    expect(problemsOf({ COHORT_BOT_PLAYGROUND: "maybe" })[0]).toContain("COHORT_BOT_PLAYGROUND");
  });

  it("refuses an in-memory playground database, whose demo the bot's own workers could not see", () => {
    const problems = problemsOf({ PLAYGROUND_DATABASE_URL: "file::memory:" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("PLAYGROUND_DATABASE_URL");
  });

  it("accepts a PostgreSQL URL with a plain schema name and a SQLite file with parameters", () => {
    expect(problemsOf({ DATABASE_URL: "postgresql://postgres:p%40ss@127.0.0.1:5432/cohort?schema=cohort_bot&sslmode=disable" })).toEqual(
      [],
    );
    expect(problemsOf({ DATABASE_URL: "file:./data/cohort-bot.db?connection_limit=1" })).toEqual([]);
  });

  // A raw # or / in the password, or a socket URL without a host, does not parse: the message says how to write them.
  it.each([
    "postgresql://cohort:pa#ss@db:5432/cohort",
    "postgresql://cohort:pa/ss@db:5432/cohort",
    "postgresql://cohort:p@/cohort?host=/var/run/postgresql",
  ])("says how to encode the password and reach a Unix socket when DATABASE_URL is %s", (value) => {
    const problems = problemsOf({ DATABASE_URL: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("DATABASE_URL");
    expect(problems[0]).toContain("encodeURIComponent");
    expect(problems[0]).toContain("# → %23");
    expect(problems[0]).toContain("postgresql://user@localhost/database?host=/var/run/postgresql");
  });

  it("accepts the socket form the message suggests and a percent-encoded password", () => {
    expect(problemsOf({ DATABASE_URL: "postgresql://cohort@localhost/cohort?host=/var/run/postgresql" })).toEqual([]);
    expect(problemsOf({ DATABASE_URL: `postgresql://cohort:${encodeURIComponent("pa#s/s?@:")}@db:5432/cohort` })).toEqual([]);
  });

  it("reports every bad variable at once", () => {
    const problems = problemsOf({ LOG_LEVEL: "loud", DISCORD_GUILD_ID: "x" });
    expect(problems.map((problem) => problem.split(" ")[0]).sort()).toEqual(["DISCORD_GUILD_ID", "LOG_LEVEL"]);
  });

  it("reads the playground's port, with 0 meaning any free port", () => {
    expect(loadConfig({ PLAYGROUND_PORT: "8080" }).playgroundPort).toBe(8080);
    expect(loadConfig({ PLAYGROUND_PORT: "0" }).playgroundPort).toBe(0);
  });

  it("refuses a playground database that is the bot's own database file", () => {
    const problems = problemsOf({ DATABASE_URL: "file:./data/bot.db", PLAYGROUND_DATABASE_URL: "file:data/bot.db" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("PLAYGROUND_DATABASE_URL");
  });

  it("keeps the playground quiet unless LOG_LEVEL is set", () => {
    expect(loadConfig({}).playgroundLogLevel).toBe("warn");
    expect(loadConfig({ LOG_LEVEL: "debug" }).playgroundLogLevel).toBe("debug");
  });
});
