import { CohortStatus, type Cohort } from "../domain/cohort/cohortModel.js";
import { wasEndedEarly, type BreakCalendar } from "../domain/schedule/cohortBreaks.js";
import { UserError, type UserErrorCode, type UserErrorParams } from "../errors.js";

/** The codes whose message takes the cohort's name and nothing else. */
export type CohortNameCode = {
  [Code in UserErrorCode]: UserErrorParams[Code] extends { readonly name: string }
    ? { readonly name: string } extends UserErrorParams[Code]
      ? Code
      : never
    : never;
}[UserErrorCode];

/** The two wordings of a refusal in a cohort no longer running. */
export interface ClosedWording<Ended extends CohortNameCode, Finished extends CohortNameCode> {
  /** An admin ended it before its planned last day. */
  readonly ended: Ended;
  /** It finished, or an admin ended it on that day or later. */
  readonly finished: Finished;
}

/** Each refusal's wordings, so that the same refusal reads alike wherever it is made. */
export const ClosedWordings = {
  /** `/join`. */
  join: { ended: "cohort.ended", finished: "cohort.finished" },
  /** A completion or an undo (as /today says). */
  completions: { ended: "cohort.ended", finished: "cohort.finishedNoCompletions" },
  /** A pace change (`/pace mode:`, its buttons, a late joiner's welcome buttons), in `/pace`'s words. */
  pace: { ended: "pace.cohortEnded", finished: "pace.cohortFinished" },
  /** A schedule change (`/cohort edit`), as /cohort info says. */
  schedule: { ended: "cohort.endedNoChange", finished: "cohort.finishedNoChange" },
  /** A post (`/cohort announce`, its preview) or a break (`/cohort break`), as /cohort info says. */
  posts: { ended: "cohort.endedNoChange", finished: "cohort.finished" },
  /** A Nudge button from a roster shown before `/cohort end`. */
  nudge: { ended: "nudge.cohortEnded", finished: "nudge.cohortFinished" },
  /** Days off (`/break`), taken or ended. */
  personalBreak: { ended: "break.cohortEnded", finished: "break.cohortFinished" },
  /** A checkpoint (`/checkpoint`, its answer buttons) of a cohort an admin ended. */
  checkpoint: { ended: "checkpoint.cohortEnded", finished: "checkpoint.cohortFinished" },
  /** `/remind` (a setting, or timezone:cohort) in a cohort an admin ended. */
  remind: { ended: "remind.cohortEnded", finished: "remind.cohortFinished" },
} as const satisfies Record<string, ClosedWording<CohortNameCode, CohortNameCode>>;

/**
 * Whether a cohort no longer running reads as "ended": an admin ended it before its planned last day
 * (`wasEndedEarly`). One ended on that day or later finished, as one whose closing post went out did.
 * A `calendar` of null (its curriculum cannot be read) reads as ended.
 */
export function readsAsEnded(cohort: Cohort, calendar: BreakCalendar | null): boolean {
  return cohort.status === CohortStatus.Ended && (calendar === null || wasEndedEarly(cohort.endedAt, calendar));
}

/** The refusal of something a cohort no longer running does not take, in the `wording` for how it reads (readsAsEnded). */
export function closedCohortError<Ended extends CohortNameCode, Finished extends CohortNameCode>(
  cohort: Cohort,
  calendar: BreakCalendar | null,
  wording: ClosedWording<Ended, Finished>,
): UserError<Ended | Finished> {
  const code: CohortNameCode = readsAsEnded(cohort, calendar) ? wording.ended : wording.finished;
  // Every CohortNameCode takes just the name: the narrowing to the two codes passed is the caller's own.
  return new UserError(code, { name: cohort.name }) as UserError<Ended | Finished>;
}
