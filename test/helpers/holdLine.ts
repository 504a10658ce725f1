/**
 * A gate a test puts in the bot's way: while `holding`, the work that reaches it waits in line until
 * `release()`, so the test, not the machine's speed, decides how long that work stays unfinished.
 */
export class HoldLine {
  holding = false;
  private readonly held: (() => void)[] = [];
  private readonly onHeld = new Set<() => void>();

  /** How much work waits in line. */
  get waiting(): number {
    return this.held.length;
  }

  /** Runs `go` now, or, while holding, once released. */
  pass(go: () => void): void {
    if (!this.holding) {
      go();
      return;
    }
    this.held.push(go);
    for (const check of [...this.onHeld]) check();
  }

  /** Resolves now, or, while holding, once released. */
  through(): Promise<void> {
    return new Promise((resolve) => this.pass(resolve));
  }

  /** Resolves once `count` pieces of work wait. */
  waitingFor(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.held.length < count) return;
        this.onHeld.delete(check);
        resolve();
      };
      this.onHeld.add(check);
      check();
    });
  }

  /** Stops holding and lets everything in line go, in the order it came. */
  release(): void {
    this.holding = false;
    for (const go of this.held.splice(0)) go();
  }
}
