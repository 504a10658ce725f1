import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Where the running bot records that it is healthy; the container health check reads it. */
export function defaultHealthFile(): string {
  return path.join(os.tmpdir(), "cohort-bot.health");
}

/** HEALTH_FILE, or the default when it is unset or empty (an empty variable counts as unset, as for every setting). */
export function healthFileOf(environment: Readonly<Record<string, string | undefined>>): string {
  const file = environment.HEALTH_FILE?.trim() ?? "";
  return file === "" ? defaultHealthFile() : file;
}

/** Why the bot could not write its heartbeat to `file` (checked before it connects), or null when it can. */
export function heartbeatProblem(file: string): string | null {
  const folder = path.dirname(path.resolve(file));
  try {
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true) return `is a folder (${file}); name a file in it instead`;
    if (!fs.statSync(folder).isDirectory()) return `must be a file in a folder, and ${folder} is not a folder`;
    fs.accessSync(folder, fs.constants.W_OK);
    return null;
  } catch {
    return `must be a file in a folder the bot can write to, and ${folder} does not exist or is not writable`;
  }
}

/** A heartbeat older than this means the bot is stuck or disconnected. */
export const healthStaleAfterMs = 90_000;

/**
 * Written whole or not at all: the stamp goes to a file of its own next to `file` and is renamed over it (atomic in
 * one folder), so the health check never reads a file created but not yet written, which it would count as stale.
 */
export function writeHeartbeat(file: string, now: Date): void {
  const written = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(written, now.toISOString());
  fs.renameSync(written, file);
}

export function isHeartbeatFresh(file: string, now: Date): boolean {
  try {
    const stamp = Date.parse(fs.readFileSync(file, "utf8"));
    return Number.isFinite(stamp) && now.getTime() - stamp < healthStaleAfterMs;
  } catch {
    return false;
  }
}
