/** A member taken off a kept final board; `ranked`: the board counted them among its ranked members, listed or below its top. */
export interface MemberOffFinalBoard {
  readonly memberId: number;
  readonly ranked: boolean;
}

/**
 * A kept final board (JSON, as the closing post shows it: CourseEndService) without these members' lines, and
 * one ranked member fewer for each it listed or ranked below its top (its "…and N more with points" no longer
 * counts them), and never more ranked members than `rankedAtMost`; the other lines keep their ranks and points as
 * shown. Null when the JSON is not such a board.
 * Used by a member's deletion after the board was kept (PrivacyRepository.deleteMember); a deletion between the
 * board's read and its keeping is counted by the keeping itself (CohortRepository.saveFinalBoard).
 */
export function finalBoardWithout(
  json: string,
  members: readonly MemberOffFinalBoard[],
  rankedAtMost = Number.POSITIVE_INFINITY,
): string | null {
  const board = JSON.parse(json) as { top?: { memberId?: unknown }[]; rankedMembers?: unknown } | null;
  if (board === null || !Array.isArray(board.top)) return null;
  const listed = new Set(board.top.map((entry) => entry.memberId));
  const off = new Set(members.map((member) => member.memberId));
  const top = board.top.filter((entry) => typeof entry.memberId !== "number" || !off.has(entry.memberId));
  const fewer = members.filter((member) => listed.has(member.memberId) || member.ranked).length;
  const rankedMembers =
    typeof board.rankedMembers === "number" ? Math.max(top.length, Math.min(board.rankedMembers - fewer, rankedAtMost)) : null;
  const ranked = rankedMembers === null || rankedMembers === board.rankedMembers ? {} : { rankedMembers };
  return JSON.stringify({ ...board, top, ...ranked });
}
