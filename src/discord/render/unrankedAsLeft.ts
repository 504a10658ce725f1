import { cohortBoardClosed } from "../../domain/cohort/cohortModel.js";
import type { ProgressView } from "../../services/StudyService.js";

/**
 * Someone else's `/progress` of a member who left, with no rank while the boards still take points: they are on
 * no board while away, so "not ranked yet: points put them on the leaderboard" would promise a place points do
 * not give. Once the final board is kept, its own wording stands.
 */
export function unrankedAsLeft(view: Pick<ProgressView, "member" | "rank" | "cohort">): boolean {
  return view.rank === null && view.member.leftAt !== null && !cohortBoardClosed(view.cohort);
}
