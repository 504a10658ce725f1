import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../logging/createLogger.js";
import type { MemberRepository } from "./repositories/MemberRepository.js";

/** Members per statement: a short write each, so interactions' writes wait little between them. */
const membersPerChunk = 500;

/** The pauses before trying again after a failure (a busy lock, a deadlock), then it is left for the next start. */
export const fillRetryPausesMs = [1_000, 5_000, 30_000, 120_000, 600_000] as const;

/** Waits `ms`, or rejects once `signal` aborts; does not keep the process alive. */
export type FillPause = (ms: number, signal: AbortSignal) => Promise<unknown>;

const pauseFor: FillPause = (ms, signal) => sleep(ms, undefined, { signal, ref: false });

/** What the fill needs of the members' repository. */
export type NameKeyFiller = Pick<MemberRepository, "anyStaleNameKeys" | "staleNameKeyCohorts" | "fillNameKeys">;

/**
 * Fills the name key (`Member.nameKey`) of members stored before it existed or by an older rule
 * (`currentNameKeyRule`), when any is (one look first), in the cohorts that have such rows only, cohort by cohort,
 * a chunk at a time after start-up, off the interactions' path (a turn of the event loop between chunks and
 * between cohorts). Until a row is filled the roster works its key out as it reads it (`namesWithKeysThrough`), so
 * nothing waits for this. A failure is tried again after each of `fillRetryPausesMs`, then logged and left for the
 * next start. Stops once `signal` aborts (the app closing). Returns how many chunks it wrote.
 */
export async function fillNameKeys(
  members: NameKeyFiller,
  logger: Logger,
  signal: AbortSignal,
  pause: FillPause = pauseFor,
): Promise<number> {
  const progress = { chunks: 0 };
  for (const pauseMs of [...fillRetryPausesMs, null]) {
    try {
      await fillEveryCohort(members, signal, progress);
      break;
    } catch (error) {
      logger.warn({ err: error, retryInMs: pauseMs }, "could not fill members' name keys");
      if (pauseMs === null || !(await pausedWhole(pause, pauseMs, signal))) break;
    }
  }
  if (progress.chunks > 0) logger.info({ chunks: progress.chunks }, "members' name keys filled");
  return progress.chunks;
}

async function fillEveryCohort(members: NameKeyFiller, signal: AbortSignal, progress: { chunks: number }): Promise<void> {
  // Once every key is filled (every start after the first), one look instead of a read per cohort.
  if (!(await members.anyStaleNameKeys())) return;
  // Only the cohorts with keys to fill, a batch at a time. A cohort once gone through is not gone through again at
  // this start: a row it left stale (renamed between the fill's read and its write) is left for the next start.
  const filled = new Set<number>();
  for (;;) {
    const cohorts = (await members.staleNameKeyCohorts(membersPerChunk)).filter((cohortId) => !filled.has(cohortId));
    if (cohorts.length === 0) return;
    for (const cohortId of cohorts) {
      filled.add(cohortId);
      while (!signal.aborted && (await members.fillNameKeys(cohortId, membersPerChunk)) > 0) {
        progress.chunks += 1;
        await nextTurn();
      }
      if (signal.aborted) return;
      await nextTurn();
    }
  }
}

/** Whether the pause ran to its end (false: the app is closing). */
async function pausedWhole(pause: FillPause, ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  try {
    await pause(ms, signal);
    return !signal.aborted;
  } catch {
    return false;
  }
}
