/**
 * Runs `work` on every item, at most `limit` at a time, and resolves when all
 * are done. `work` handles its own errors; one that throws stops the run: no
 * new item is started, the work already running is waited for (so nothing of
 * the run goes on after it has returned), then the first error is rethrown.
 */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== undefined) throw failure.error;
}
