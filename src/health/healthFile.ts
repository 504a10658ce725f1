import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Where the running bot records that it is healthy; the container health check reads it. */
export function defaultHealthFile(): string {
  return path.join(os.tmpdir(), "cohort-bot.health");
}

/** A heartbeat older than this means the bot is stuck or disconnected. */
export const healthStaleAfterMs = 90_000;

export function writeHeartbeat(file: string, now: Date): void {
  fs.writeFileSync(file, now.toISOString());
}

export function isHeartbeatFresh(file: string, now: Date): boolean {
  try {
    const stamp = Date.parse(fs.readFileSync(file, "utf8"));
    return Number.isFinite(stamp) && now.getTime() - stamp < healthStaleAfterMs;
  } catch {
    return false;
  }
}
