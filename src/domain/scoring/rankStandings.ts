/**
 * The one ranking rule, used by the leaderboard, `/progress` and the posts:
 * standard competition ranks (1, 2, 2, 4), where a score's rank is one more
 * than the number of ranked members who scored strictly more.
 */
export function competitionRank(membersAhead: number): number {
  return membersAhead + 1;
}

export type Ranked<T> = T & { readonly rank: number };

/**
 * Ranks a board that is already in board order: points, highest first; among
 * equal points whoever reached the score first, then the lower member id. The
 * repositories' queries put it in that order, because only the database can
 * pick the top N of a large cohort in it.
 */
export function rankStandings<T extends { readonly points: number }>(board: readonly T[]): Ranked<T>[] {
  let ahead = 0;
  return board.map((entry, index) => {
    if (index > 0 && board[index - 1]?.points !== entry.points) ahead = index;
    return { ...entry, rank: competitionRank(ahead) };
  });
}
