/**
 * Throws what a run of steps that each ran despite earlier failures collected: nothing when none failed,
 * a single failure as it is, several as one AggregateError (none lost).
 */
export function throwFailures(failures: readonly unknown[], message: string): void {
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, message);
}
