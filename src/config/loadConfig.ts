import { z } from "zod";

/** Environment variables the bot reads, with the form each must take. */
const snowflake = /^\d{17,20}$/;

const environmentSchema = z.object({
  DISCORD_TOKEN: z
    .string()
    .trim()
    .min(1, "must not be empty when set (a bot token from the Discord developer portal)")
    .regex(/^\S+$/, "must be a bot token without spaces")
    .optional(),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://discord.com/api" })
    .default("https://discord.com/api")
    .transform((url) => url.replace(/\/+$/, "")),
  DISCORD_GUILD_ID: z
    .string()
    .trim()
    .regex(snowflake, "must be a server id (17 to 20 digits)")
    .optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/cohort-bot.db")
    .refine((url) => /^file:.+/.test(url) || /^postgres(ql)?:\/\/.+/.test(url), {
      message: "must be file:<path> for SQLite or postgresql://user:password@host:port/database",
    }),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
    message: "must be one of fatal, error, warn, info, debug, trace, silent",
  }).default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"], { message: "must be json or pretty" }).optional(),
});

export interface Config {
  readonly discordToken: string | undefined;
  readonly discordApiUrl: string;
  readonly discordGuildId: string | undefined;
  readonly databaseUrl: string;
  readonly logLevel: z.infer<typeof environmentSchema>["LOG_LEVEL"];
  /** JSON in production; human-readable when unset and stdout is a terminal. */
  readonly logFormat: "json" | "pretty" | undefined;
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
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`),
    );
  }
  const env = parsed.data;
  return {
    discordToken: env.DISCORD_TOKEN,
    discordApiUrl: env.DISCORD_API_URL,
    discordGuildId: env.DISCORD_GUILD_ID,
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
  };
}
