import type { BoardVisibility, CohortBoard } from "../privacy/boardPresentation.js";
import type { CohortSettings } from "../schedule/scheduleTypes.js";

export const CohortStatus = {
  Active: "active",
  Paused: "paused",
  Ended: "ended",
  /** The course ran to its end: the closing post went out, the final board is kept, nothing more is posted or reminded. */
  Finished: "finished",
} as const;
export type CohortStatus = (typeof CohortStatus)[keyof typeof CohortStatus];

/** A cohort still running: an admin may pause, resume or end it. */
export type RunningStatus = typeof CohortStatus.Active | typeof CohortStatus.Paused;

export function isRunning(status: CohortStatus): status is RunningStatus {
  return status === CohortStatus.Active || status === CohortStatus.Paused;
}

/**
 * Whether the cohort's checkpoints still take answers: until the closing post goes out (it then finishes) or an
 * admin ends it. THE rule: the checkpoint buttons refuse otherwise, and a Nudge then names no checkpoint.
 */
export function takesCheckpointAnswers(cohort: { readonly status: CohortStatus }): boolean {
  return isRunning(cohort.status);
}

/** The weeks a finished cohort's course keeps (`Cohort.courseWeeks`); null for any other cohort, and one finished before they were kept. */
export function finishedCourseWeeks(cohort: Pick<Cohort, "status" | "courseWeeks">): number | null {
  return cohort.status === CohortStatus.Finished ? cohort.courseWeeks : null;
}

/** Once ended or its final board kept, a cohort's points rank nobody new: nothing may promise a place on its board. */
export function cohortBoardClosed(cohort: Pick<Cohort, "status" | "finalBoardKept">): boolean {
  return cohort.finalBoardKept || cohort.status === CohortStatus.Ended || cohort.status === CohortStatus.Finished;
}

/**
 * The moment a cohort's standing is read at: now, or once an admin ended it, that end (it takes no more reading,
 * so the days and weeks after it change nobody's standing, and its weekly board stays the week it ended in).
 */
export function cohortStandingMoment(cohort: Pick<Cohort, "endedAt">, now: Date): Date {
  return cohort.endedAt !== null && cohort.endedAt.getTime() < now.getTime() ? cohort.endedAt : now;
}

/** Why the bot could not post in a cohort's channel: a code, worded by whoever shows it. */
export const ChannelProblem = { Missing: "channel_missing", NoPermission: "no_permission" } as const;
export type ChannelProblem = (typeof ChannelProblem)[keyof typeof ChannelProblem];

export function isChannelProblem(value: string | null): value is ChannelProblem {
  return value === ChannelProblem.Missing || value === ChannelProblem.NoPermission;
}

export interface Cohort {
  readonly id: number;
  readonly guildId: string;
  readonly channelId: string;
  readonly name: string;
  readonly curriculumId: number;
  readonly status: CohortStatus;
  /** When an admin ended it (`/cohort end`); null for a cohort not ended (or ended before this was recorded, with no audit line). */
  readonly endedAt: Date | null;
  /**
   * When `/cohort edit include_optional:true` turned Optional items on during the course (an ISO instant, or a
   * cohort-local day as stored before instants were; null: from the start): Optional items due before it, in each
   * member's days (`memberOptionalFrom`), are backlog, never overdue (`MemberPlanInput.optionalFrom`).
   */
  readonly optionalFrom: string | null;
  readonly settings: CohortSettings;
  /** Why the bot could not post in the channel last time, until an admin fixes it. */
  readonly channelProblem: ChannelProblem | null;
  /** The language of the cohort channel's posts (a shipped language code, "en" by default). */
  readonly language: string;
  /** How the cohort's public boards show members (see domain/privacy/boardPresentation). */
  readonly leaderboard: CohortBoard;
  /** Members holding this role are never ranked; null: nobody is excluded. */
  readonly excludeRoleId: string | null;
  /** When the members' exclusion marks were last refreshed from a listing of that role (null: never). */
  readonly exclusionsCheckedAt: Date | null;
  /** Whether the closing post's final board is kept (the board itself is read only then: it is a few KB of JSON). */
  readonly finalBoardKept: boolean;
  /**
   * The curriculum's weeks (breaks not counted) when it finished: its course, which a later import adding weeks
   * does not lengthen. Null while not finished, and for a cohort finished before this was recorded.
   */
  readonly courseWeeks: number | null;
  readonly createdAt: Date;
  /** `/cohort break` weeks as stored (calendar weeks, ascending). */
  readonly breakWeeks: readonly number[];
}

export interface MemberRecord {
  readonly id: number;
  readonly cohortId: number;
  readonly userId: string;
  readonly displayName: string;
  readonly joinedAt: Date;
  /**
   * Member-local date of a late join (after week 1), or of a join after week 1's last study day (no buttons then):
   * earlier items are backlog, not overdue. Null: the whole plan.
   */
  readonly joinedOn: string | null;
  readonly leftAt: Date | null;
  /** The latest `/join` back after `/leave` in a later course week (null: never): quiet is counted from it. */
  readonly returnedAt: Date | null;
  readonly remindTime: string | null;
  readonly remindTimeZone: string | null;
  /** Member-local day their day never goes back before (`memberToday`); null: none. */
  readonly dayNotBefore: string | null;
  readonly remindFailures: number;
  readonly remindDisabledNotice: boolean;
  readonly points: number;
  readonly pointsReachedAt: Date | null;
  /** Points when the cohort's final board was made (null before, or when the member was not on it). */
  readonly finalPoints: number | null;
  /** Whether the member took a place on the final board when it was made (not hidden, not excluded): only those rank. */
  readonly finalRanked: boolean;
  /** `/privacy nudges:`. */
  readonly nudges: boolean;
  /**
   * The user's Discord locale ("es-419") as of their last `/join`, `/remind` or `/privacy` change in the server
   * (stored on all their memberships there: Discord's language is the user's): their DMs' language when shipped.
   * Null: none stored (a member from before it was): their DMs follow the cohort's language.
   */
  readonly locale: string | null;
  /** `/privacy leaderboard:`. */
  readonly boardVisibility: BoardVisibility;
  /** "Member 7" once the member has been shown by alias. */
  readonly alias: number | null;
  /** Holds the cohort's exclude_role. */
  readonly excluded: boolean;
}

/** What `/cohort join` did: a first join, a return after leaving, or nothing (already a member). */
export type JoinOutcome = "joined" | "rejoined" | "already";

export const CheckpointAnswerKind = {
  Confident: "confident",
  Partly: "partly",
  NotYet: "not_yet",
} as const;
export type CheckpointAnswerKind = (typeof CheckpointAnswerKind)[keyof typeof CheckpointAnswerKind];
