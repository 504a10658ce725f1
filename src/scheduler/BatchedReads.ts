interface Waiter<V> {
  readonly resolve: (value: V | undefined) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Reads by key in batches: keys asked for side by side share one read, and a key asked for while a read is under
 * way waits for the next one, so every read begins after its asks (what a caller wrote just before asking is seen).
 * Undefined for a key the read did not find; a failed read rejects each of its asks.
 */
export class BatchedReads<K, V> {
  private waiting = new Map<K, Waiter<V>[]>();
  private draining = false;

  constructor(private readonly readMany: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>) {}

  get(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.set(key, [...(this.waiting.get(key) ?? []), { resolve, reject }]);
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    // Asks of the same turn join the first read.
    await Promise.resolve();
    while (this.waiting.size > 0) {
      const batch = this.waiting;
      this.waiting = new Map();
      try {
        const found = await this.readMany([...batch.keys()]);
        for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(key));
      } catch (error) {
        for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.draining = false;
  }
}
