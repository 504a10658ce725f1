import type { OwnRanking } from "../privacy/boardPresentation.js";

/**
 * A member's course summary: what `/today` shows once the course is over
 * (`courseHasEnded` in `schedule/cohortBreaks.ts`). The service fills it; the
 * Discord layer words it.
 */
export interface MemberCourseSummary {
  readonly cohortName: string;
  /** Required items done, of all Required items in the curriculum. */
  readonly requiredDone: number;
  readonly requiredTotal: number;
  /** Optional items done (whether or not the cohort assigned them). */
  readonly optionalDone: number;
  /** All points, late completions included (`/progress` keeps counting). */
  readonly points: number;
  /**
   * Rank on the final board as the closing post showed it, among the members ranked on it; null when the member
   * was not on it. For a member hidden from it (`ranking`), the place they would take. Before a final board is kept,
   * the member's standing on the all-time board, which replies call final only once it can no longer move (`rankFinal`).
   */
  readonly finalRank: number | null;
  readonly ranking: OwnRanking;
  readonly rankedMembers: number;
  /** `forgivingStreak(...).best`. */
  readonly bestStreak: number;
  /** Checkpoints the member answered, of the checkpoints posted. */
  readonly checkpointsAnswered: number;
  readonly checkpointsTotal: number;
  /** Exclusive end of the cohort's course (`courseEndDate`): "finished on …". */
  readonly courseEndDate: string;
  /** The cohort's day (its zone) an admin ended it on (`/cohort end`) when that came before the course's last day; else null. */
  readonly endedEarlyOn: string | null;
  /**
   * A final board is kept, readable, and shown with the board on, and the closing post that showed it went out, as
   * `/leaderboard` shows it as the final board (with its "as posted" footer): false before the close, while the board
   * is `off`, when the close kept it private (the board was off then), when the stored board no longer reads, and
   * when the closing post was skipped (more than 24 hours late) or failed for good, though the board was kept.
   */
  readonly finalBoardPosted: boolean;
  /**
   * `finalRank` can no longer move: a final board is kept (the close was made, posted or not), or the cohort is over
   * (an admin ended it: it takes no more completions, though its closing post never kept a board). Until then no rank
   * is final, whatever the member's own day says (a member in a zone ahead reaches their summary first).
   */
  readonly rankFinal: boolean;
  /**
   * The cohort's course ends after the summary's `now`, by the cohort's own clock (`courseEndInstant`): reading
   * logged until then still counts in its final standings. Shown to a member in a zone ahead of the cohort's, whose
   * own last day is over first; null once it has ended, and for a cohort an admin ended (it takes no completions).
   */
  readonly countsUntil: Date | null;
}
