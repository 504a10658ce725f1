/**
 * Work started and not yet finished, to wait for with a limit: interaction
 * handlers at shutdown (a /done halfway through would otherwise fail against
 * a closed database), early acknowledgements before queued work starts.
 */
export class InFlightWork {
  private readonly running = new Set<Promise<void>>();

  /** How many are still running. */
  get size(): number {
    return this.running.size;
  }

  /** Counts `work` as running until it settles (its outcome is the caller's to handle). */
  track(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
  }

  /**
   * Resolves once everything tracked so far has settled (true), or after
   * `timeoutMs` with some still running (false): a handler that hangs must
   * not hold shutdown forever.
   */
  async settle(timeoutMs: number): Promise<boolean> {
    if (this.running.size === 0) return true;
    return settledWithin(Promise.all([...this.running]), timeoutMs);
  }
}

/**
 * Waits for `work` at most `timeoutMs`: true once it settled (its outcome, a rejection included, is the
 * caller's to handle), false when the time ran out first (it goes on running).
 */
export async function settledWithin(work: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const settled = work.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([settled, giveUp]);
  } finally {
    clearTimeout(timer);
  }
}
