/**
 * Lets at most `limit` tasks run at once; the rest wait in line and start in
 * arrival order as earlier ones finish, each on a new turn of the event loop.
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A gate needs a limit of at least 1, not ${limit}`);
  }

  /** True when a task started now would have to wait. */
  get full(): boolean {
    return this.running >= this.limit;
  }

  /** Tasks running plus tasks waiting. */
  get size(): number {
    return this.running + this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next in line, so a newcomer cannot jump the queue, and start it
      // from a fresh turn of the event loop: work whose awaits resolve at once (SQLite answers
      // synchronously) would otherwise chain task after task in one microtask run and starve all I/O,
      // including the acknowledgements of the interactions still waiting.
      const next = this.waiting.shift();
      if (next === undefined) this.running -= 1;
      else setImmediate(next);
    }
  }
}
