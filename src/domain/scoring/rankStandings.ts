export interface StandingEntry {
  readonly memberId: number;
  readonly points: number;
  /** When the member reached their current score. */
  readonly reachedAt: Date;
}

export type RankedStanding<T extends StandingEntry = StandingEntry> = T & { readonly rank: number };

/**
 * Orders by points (highest first) with standard competition ranks (1, 2, 2, 4).
 * Equal scores are listed by who reached the score first, then by member id so
 * the order never depends on input order.
 */
export function rankStandings<T extends StandingEntry>(entries: readonly T[]): RankedStanding<T>[] {
  const sorted = [...entries].sort(
    (a, b) => b.points - a.points || a.reachedAt.getTime() - b.reachedAt.getTime() || a.memberId - b.memberId,
  );
  let rank = 0;
  return sorted.map((entry, index) => {
    const previous = sorted[index - 1];
    if (previous === undefined || previous.points !== entry.points) rank = index + 1;
    return { ...entry, rank };
  });
}
