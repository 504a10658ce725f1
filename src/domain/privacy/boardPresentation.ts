/** A cohort's `leaderboard` setting: how its public boards show members. */
export const CohortBoard = { Names: "names", Aliases: "aliases", Off: "off" } as const;
export type CohortBoard = (typeof CohortBoard)[keyof typeof CohortBoard];

/** A member's `/privacy leaderboard:` choice, and how one member is shown on a public board. */
export const BoardVisibility = { Name: "name", Alias: "alias", Hidden: "hidden" } as const;
export type BoardVisibility = (typeof BoardVisibility)[keyof typeof BoardVisibility];

export interface BoardPrivacy {
  readonly visibility: BoardVisibility;
  /** Holds the cohort's exclude_role. */
  readonly excluded: boolean;
}

export function isCohortBoard(value: string): value is CohortBoard {
  return value === CohortBoard.Names || value === CohortBoard.Aliases || value === CohortBoard.Off;
}

export function isBoardVisibility(value: string): value is BoardVisibility {
  return value === BoardVisibility.Name || value === BoardVisibility.Alias || value === BoardVisibility.Hidden;
}

/**
 * The one privacy rule: how a member appears on every public board (the
 * leaderboard, the weekly top five, the closing post). The more private of
 * the cohort's setting and the member's choice wins; an excluded member and
 * every member of a cohort whose board is off appear nowhere.
 */
export function boardPresentation(cohortBoard: CohortBoard, member: BoardPrivacy): BoardVisibility {
  if (cohortBoard === CohortBoard.Off || member.excluded || member.visibility === BoardVisibility.Hidden) return BoardVisibility.Hidden;
  if (cohortBoard === CohortBoard.Aliases || member.visibility === BoardVisibility.Alias) return BoardVisibility.Alias;
  return BoardVisibility.Name;
}

/**
 * Whether the member takes a place in the ranking. Hidden and excluded members
 * take none, so nobody's rank has a gap that would give them away; a cohort
 * whose board is off still ranks its members (each sees their own standing).
 */
export function isRanked(member: BoardPrivacy): boolean {
  return !member.excluded && member.visibility !== BoardVisibility.Hidden;
}

/**
 * Where a member stands in the ranking, as they are told it themselves (`/leaderboard`'s own line,
 * `/progress`, the course summary): ranked; hidden (no place, only the one they would take); or off
 * every board (the exclude_role: no rank at all).
 */
export const OwnRanking = { Ranked: "ranked", Hidden: "hidden", Excluded: "excluded" } as const;
export type OwnRanking = (typeof OwnRanking)[keyof typeof OwnRanking];

export function ownRanking(member: BoardPrivacy): OwnRanking {
  if (member.excluded) return OwnRanking.Excluded;
  return member.visibility === BoardVisibility.Hidden ? OwnRanking.Hidden : OwnRanking.Ranked;
}

/**
 * Where the member of a `/progress` stands, worked out once (StudyService.progress) for its renderers to word: an
 * OwnRanking, or left (they left the cohort, which is still taking points: off the boards until they come back).
 */
export const ProgressRanking = { ...OwnRanking, Left: "left" } as const;
export type ProgressRanking = (typeof ProgressRanking)[keyof typeof ProgressRanking];

/** `ownRanking` of a member row, as they choose now. */
export function ownRankingOf(member: { readonly boardVisibility: BoardVisibility; readonly excluded: boolean }): OwnRanking {
  return ownRanking({ visibility: member.boardVisibility, excluded: member.excluded });
}
