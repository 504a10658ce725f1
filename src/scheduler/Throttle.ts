/**
 * "At most once every `everyMs`", for work a tick does now and then (a sweep, a look for something that may have
 * changed), on the clock the caller passes. A clock gone back (a time before the last run) lets the work run: waiting
 * for it to catch up could skip the work for as long as it went back.
 */
export class Throttle {
  private lastAt: number | undefined;

  constructor(private readonly everyMs: number) {}

  /** Whether the work may run at `now` (ms); when it may, it counts as run then. */
  take(now: number): boolean {
    const last = this.lastAt;
    if (last !== undefined && now >= last && now - last < this.everyMs) return false;
    this.lastAt = now;
    return true;
  }

  /** The last run is forgotten (it failed): the next take lets the work run. */
  reset(): void {
    this.lastAt = undefined;
  }
}
