import { pino, type Logger, type LevelWithSilent } from "pino";

export type { Logger } from "pino";

export interface LoggerOptions {
  readonly level: LevelWithSilent;
  /** "pretty" for people at a terminal, "json" for log collectors. Default: pretty on a TTY. */
  readonly format?: "json" | "pretty" | undefined;
  /** Where JSON lines go; tests pass a stream to read them back (written synchronously, as given). */
  readonly destination?: NodeJS.WritableStream | undefined;
}

export function createLogger(options: LoggerOptions): Logger {
  const format = options.format ?? (process.stdout.isTTY ? "pretty" : "json");
  const base = { level: options.level, base: { service: "cohort-bot" } };
  if (options.destination !== undefined) {
    return pino(base, options.destination);
  }
  if (format === "pretty") {
    return pino({
      ...base,
      transport: { target: "pino-pretty", options: { colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" } },
    });
  }
  return pino(base, asyncStdout());
}

/**
 * Standard output written asynchronously. Why: a synchronous write per line
 * was about 6 % of the bot's CPU time per interaction (issue 14), paid while
 * the member waits for the reply. pino registers the stream with its exit
 * hook, which writes the lines still queued synchronously when the process
 * exits (the SIGTERM shutdown's process.exit, a fatal error), so none is lost
 * (test/integration/asyncLogging.test.ts).
 */
function asyncStdout(): ReturnType<typeof pino.destination> {
  return pino.destination({ dest: 1, sync: false });
}
