import { pino, type Logger, type LevelWithSilent } from "pino";

export type { Logger } from "pino";

export interface LoggerOptions {
  readonly level: LevelWithSilent;
  /** "pretty" for people at a terminal, "json" for log collectors. Default: pretty on a TTY. */
  readonly format?: "json" | "pretty" | undefined;
  /** Where JSON lines go; tests pass a stream to read them back (written synchronously, as given). */
  readonly destination?: NodeJS.WritableStream | undefined;
  /** Standard output (1, the default) or standard error (2: the operator CLI, whose output is on standard output). */
  readonly fd?: 1 | 2 | undefined;
}

export function createLogger(options: LoggerOptions): Logger {
  const fd = options.fd ?? 1;
  const format = options.format ?? ((fd === 1 ? process.stdout : process.stderr).isTTY ? "pretty" : "json");
  const base = { level: options.level, base: { service: "cohort-bot" } };
  if (options.destination !== undefined) {
    return pino(base, options.destination);
  }
  if (format === "pretty") {
    return pino({
      ...base,
      transport: {
        target: "pino-pretty",
        options: { destination: fd, colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" },
      },
    });
  }
  return pino(base, asyncOutput(fd));
}

/**
 * Standard output written asynchronously. Why: a synchronous write per line
 * was about 6 % of the bot's CPU time per interaction (issue 14), paid while
 * the member waits for the reply. pino registers the stream with its exit
 * hook, which writes the lines still queued synchronously when the process
 * exits; but a write already handed to libuv's threads is cut short (or
 * lands after the later lines) by process.exit, so a planned stop waits for
 * `drainLogs` first (test/integration/asyncLogging.test.ts). `minLength: 1`
 * still writes each line at once; with 0 the stream's flush would not wait.
 */
function asyncOutput(fd: 1 | 2): ReturnType<typeof pino.destination> {
  return pino.destination({ dest: fd, sync: false, minLength: 1 });
}

/**
 * Resolves once every line logged so far has been written (at most `timeoutMs`, for an output that no
 * longer drains): before a planned process.exit, which would cut an asynchronous write short.
 */
export function drainLogs(logger: Logger, timeoutMs = 2_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    logger.flush(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
