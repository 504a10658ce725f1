import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/logging/createLogger.js";

export interface CapturedLogger {
  readonly logger: Logger;
  /** Every JSON log line written so far, parsed. */
  readonly lines: () => Record<string, unknown>[];
}

/** A real pino logger whose output is kept in memory for assertions. */
export function captureLogger(
  level: "info" | "debug" | "warn" = "info",
  /** Called with each line as it is logged (synchronously, inside the logging call): a test acts at that exact moment. */
  onLine?: (line: Record<string, unknown>) => void,
): CapturedLogger {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const text = chunk.toString("utf8");
      chunks.push(text);
      if (onLine !== undefined) {
        for (const line of text.split("\n").filter((part) => part.trim() !== "")) onLine(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  const logger = createLogger({ level, format: "json", destination });
  return {
    logger,
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
