import { CheckpointAnswerKind } from "../cohort/cohortModel.js";
import type { PlannedPost } from "./scheduleTypes.js";

/**
 * The sections whose checkpoint prompts went out at the latest posting moment up to `at`: every section
 * ending the same week is posted at the same instant, so there may be several (none before the first).
 */
export function latestCheckpointKeys(posts: readonly PlannedPost[], at: Date): string[] {
  let latest = Number.NEGATIVE_INFINITY;
  let keys: string[] = [];
  for (const post of posts) {
    const time = post.dueAt.getTime();
    if (post.kind !== "checkpoint" || post.sectionKey === undefined || time > at.getTime() || time < latest) continue;
    if (time > latest) keys = [];
    latest = time;
    keys.push(post.sectionKey);
  }
  return keys;
}

/** Where a member stands on the latest posting's checkpoints (`latestCheckpointKeys`). */
export interface CheckpointStanding {
  readonly total: number;
  /** Sections with no answer from the member (or one this version does not know): the Nudge names them, no group. */
  readonly unanswered: readonly number[];
  /** Sections the member answered "Not yet". */
  readonly notYet: readonly number[];
}

/**
 * Where a member stands on the latest posting's checkpoints: which they left unanswered, which they answered
 * "Not yet". THE rule of the roster's *not yet* is `isPending` on it; the roster's SQL (`RosterRepository`) decides
 * the same for every member at once, and the oracle test holds the two together.
 */
export function checkpointStanding(sectionIds: readonly number[], answers: ReadonlyMap<number, string>): CheckpointStanding {
  const unanswered: number[] = [];
  const notYet: number[] = [];
  for (const sectionId of sectionIds) {
    const answer = answers.get(sectionId);
    if (answer === CheckpointAnswerKind.NotYet) notYet.push(sectionId);
    else if (answer !== CheckpointAnswerKind.Confident && answer !== CheckpointAnswerKind.Partly) unanswered.push(sectionId);
  }
  return { total: sectionIds.length, unanswered, notYet };
}

/**
 * Whether the member is *not yet* there: they answered "Not yet" on any of the latest posting's checkpoints (each
 * counts, whichever the schedule lists last). One left unanswered does not count: a member who simply has not
 * answered stays in their other group.
 */
export function isPending(standing: CheckpointStanding): boolean {
  return standing.notYet.length > 0;
}
