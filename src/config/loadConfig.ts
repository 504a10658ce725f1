import path from "node:path";
import { z } from "zod";
import { isDiscordId } from "../shared/discordId.js";
import { postgresUrlProblem } from "../shared/databaseUrl.js";

/**
 * What the database layer would otherwise find only as it opens the database, with a stack trace: a PostgreSQL URL
 * that does not parse or names an unusable schema, and a SQLite "file" that is none (in memory, the bot's worker
 * threads and every restart would each see another, empty database).
 */
function databaseUrlProblems(url: string, context: z.RefinementCtx): void {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).replace(/\?.*$/, "");
    if (file === "") context.addIssue({ code: "custom", message: "must be file:<path> with a path before any ?parameters" });
    else if (file === ":memory:")
      context.addIssue({ code: "custom", message: "must name a file: an in-memory SQLite database would lose everything at each restart" });
    return;
  }
  const problem = postgresUrlProblem(url);
  if (problem !== null) context.addIssue({ code: "custom", message: problem });
}

/** Environment variables the bot reads, with the form each must take. */
const environmentSchema = z.object({
  DISCORD_TOKEN: z
    .string()
    .trim()
    .min(1, "must not be empty when set (a bot token from the Discord developer portal)")
    .regex(/^\S+$/, "must be a bot token without spaces")
    .optional(),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://discord.com/api" })
    .default("https://discord.com/api")
    .transform((url) => url.replace(/\/+$/, ""))
    // discord.js adds the version (/v10) itself: one in the URL would make every request a 404.
    .refine((url) => !/\/v\d+$/i.test(url), {
      error: "must be the API's base URL without a version, such as https://discord.com/api (discord.js adds /v10 itself)",
    }),
  DISCORD_GUILD_ID: z.string().trim().refine(isDiscordId, { error: "must be a server id (17 to 20 digits, below 2^64)" }).optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/cohort-bot.db")
    .refine((url) => /^file:.+/.test(url) || /^postgres(ql)?:\/\/.+/.test(url), {
      error: "must be file:<path> for SQLite or postgresql://user:password@host:port/database",
      abort: true,
    })
    .superRefine(databaseUrlProblems),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"], { error: "must be json or pretty" }).optional(),
  PLAYGROUND_PORT: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, "must be a port number from 0 to 65535 (0 picks a free port)")
    .default("3000")
    .transform(Number)
    .refine((port) => port <= 65_535, { error: "must be a port number from 0 to 65535 (0 picks a free port)" }),
  SHARD_COUNT: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(auto|[1-9]\d{0,3})$/, "must be a number of shards from 1 to 9999, or auto (the count Discord recommends)")
    .transform((value): number | "auto" => (value === "auto" ? "auto" : Number(value)))
    .optional(),
  SHARD_LIST: z
    .string()
    .trim()
    .regex(/^\d{1,4}(\s*,\s*\d{1,4})*$/, "must be the shard ids this machine runs, separated by commas, e.g. 0,1 (ids count from 0)")
    .transform((value) => value.split(",").map((id) => Number(id.trim())))
    .refine((ids) => new Set(ids).size === ids.length, { error: "must not name a shard twice" })
    .optional(),
  // Set by discord.js's ShardingManager in the shard processes it starts (with SHARD_COUNT as a number).
  SHARDING_MANAGER: z.string().optional(),
  SHARDS: z.string().trim().regex(/^\d+$/, "must be a shard id (set by discord.js's ShardingManager)").transform(Number).optional(),
  COHORT_BOT_TEST_CLOCK_FILE: z
    .string()
    .trim()
    .refine((file) => path.isAbsolute(file), {
      error: "must be an absolute path (a test-only setting: the bot's clock read from that file)",
    })
    .optional(),
  // "off" in the Docker image, where the playground could not serve its page (only 127.0.0.1 inside the container).
  COHORT_BOT_PLAYGROUND: z.enum(["on", "off"], { error: "must be on or off (off: DISCORD_TOKEN is required)" }).default("on"),
  PLAYGROUND_DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/playground.db")
    .refine((url) => /^file:.+/.test(url), {
      error: "must be file:<path> (the playground keeps its demo in its own SQLite file)",
      abort: true,
    })
    .superRefine(databaseUrlProblems),
});

export interface Config {
  readonly discordToken: string | undefined;
  readonly discordApiUrl: string;
  readonly discordGuildId: string | undefined;
  readonly databaseUrl: string;
  readonly logLevel: z.infer<typeof environmentSchema>["LOG_LEVEL"];
  /** JSON in production; human-readable when unset and stdout is a terminal. */
  readonly logFormat: "json" | "pretty" | undefined;
  /** The local playground (no DISCORD_TOKEN): its web page's port on 127.0.0.1; 0 picks a free one. */
  readonly playgroundPort: number;
  /** The playground's own demo database, never the deployment's DATABASE_URL. */
  readonly playgroundDatabaseUrl: string;
  /** The playground logs only warnings unless LOG_LEVEL is set, so its address stays readable. */
  readonly playgroundLogLevel: z.infer<typeof environmentSchema>["LOG_LEVEL"];
  /**
   * SHARD_COUNT: run discord.js's ShardingManager with this many shard
   * processes ("auto": as many as Discord recommends); undefined runs the bot
   * in this one process.
   */
  readonly shardCount: number | "auto" | undefined;
  /**
   * SHARD_LIST: the shards this machine's ShardingManager runs, of
   * SHARD_COUNT in all (other machines run the rest); undefined runs them all.
   */
  readonly shardList: readonly number[] | undefined;
  /** In a shard process started by the ShardingManager: which shard this is, of how many. */
  readonly shard: ShardIdentity | undefined;
  /**
   * COHORT_BOT_TEST_CLOCK_FILE, for tests that run the bot as separate
   * processes: "now" is the ISO instant written in this file, and the
   * scheduler ticks every second to follow it. Never set in production.
   */
  readonly testClockFile: string | undefined;
}

export interface ShardIdentity {
  readonly id: number;
  readonly count: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates configuration; throws ConfigError naming each bad variable. */
export function loadConfig(environment: Readonly<Record<string, string | undefined>>): Config {
  // An empty variable counts as unset, as in most shells' `VAR=` idiom.
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const env = parsed.data;
  if (sameSqliteFile(env.PLAYGROUND_DATABASE_URL, env.DATABASE_URL)) {
    throw new ConfigError([
      "PLAYGROUND_DATABASE_URL must name a different file than DATABASE_URL (the playground's demo data never goes into the bot's database)",
    ]);
  }
  if (env.COHORT_BOT_PLAYGROUND === "off" && env.DISCORD_TOKEN === undefined) {
    throw new ConfigError([
      "DISCORD_TOKEN must be set to your bot's token (Discord Developer Portal → your application → Bot): the playground without a token is for `npm start` on your machine, not this deployment (COHORT_BOT_PLAYGROUND=off, as in the Docker image)",
    ]);
  }
  const shard = shardIdentity(env);
  if (env.SHARD_COUNT !== undefined && env.DISCORD_TOKEN === undefined) {
    throw new ConfigError(["SHARD_COUNT needs DISCORD_TOKEN: without a token the bot runs the local playground, in one process"]);
  }
  checkShardList(env.SHARD_LIST, env.SHARD_COUNT, env.DATABASE_URL);
  return {
    discordToken: env.DISCORD_TOKEN,
    discordApiUrl: env.DISCORD_API_URL,
    discordGuildId: env.DISCORD_GUILD_ID,
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    playgroundPort: env.PLAYGROUND_PORT,
    playgroundDatabaseUrl: env.PLAYGROUND_DATABASE_URL,
    playgroundLogLevel: present.LOG_LEVEL === undefined ? "warn" : env.LOG_LEVEL,
    shardCount: shard === undefined ? env.SHARD_COUNT : undefined,
    shardList: shard === undefined ? env.SHARD_LIST : undefined,
    shard,
    testClockFile: env.COHORT_BOT_TEST_CLOCK_FILE,
  };
}

/**
 * SHARD_LIST names shards of a known total: SHARD_COUNT must be a number and every id below it. The other machines
 * run the rest on the same database, so it must be PostgreSQL: a SQLite file is on this machine only.
 */
function checkShardList(list: readonly number[] | undefined, count: number | "auto" | undefined, databaseUrl: string): void {
  if (list === undefined) return;
  if (typeof count !== "number") {
    throw new ConfigError([
      `SHARD_LIST needs SHARD_COUNT set to the total number of shards across all machines (a number, not ${count === undefined ? "unset" : "auto"})`,
    ]);
  }
  const outside = list.filter((id) => id >= count);
  if (outside.length > 0) {
    throw new ConfigError([
      `SHARD_LIST must name shards from 0 to ${count - 1} (SHARD_COUNT is ${count}); ${outside.join(", ")} ${outside.length === 1 ? "is" : "are"} not one of them`,
    ]);
  }
  if (databaseUrl.startsWith("file:")) {
    throw new ConfigError([
      "SHARD_LIST needs DATABASE_URL to be a PostgreSQL database (postgresql://…) that every machine shares: a SQLite file is on one machine only (without SHARD_LIST, SHARD_COUNT runs every shard on this machine)",
    ]);
  }
}

/** A process the ShardingManager started has SHARDING_MANAGER=true, its id in SHARDS and the total in SHARD_COUNT. */
function shardIdentity(env: z.infer<typeof environmentSchema>): ShardIdentity | undefined {
  if (env.SHARDING_MANAGER !== "true" || env.SHARDS === undefined) return undefined;
  const count = env.SHARD_COUNT;
  if (typeof count !== "number" || env.SHARDS >= count) {
    throw new ConfigError([
      `SHARDS and SHARD_COUNT must name one of the shards (got shard ${env.SHARDS} of ${String(count)}); they are set by discord.js's ShardingManager`,
    ]);
  }
  return { id: env.SHARDS, count };
}

function sameSqliteFile(first: string, second: string): boolean {
  const fileOf = (url: string) => (url.startsWith("file:") ? path.resolve(url.slice("file:".length).replace(/\?.*$/, "")) : null);
  const a = fileOf(first);
  return a !== null && a === fileOf(second);
}
