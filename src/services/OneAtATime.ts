/**
 * How long a hold lasts at most: an interaction's token, which the upload of its reply needs, expires after
 * 15 minutes, so by then the work is over, whether or not its end was heard.
 */
export const holdLimitMs = 15 * 60_000;

interface Hold {
  readonly since: number;
}

/**
 * Work that runs one at a time per key (a server's `/cohort export`, a member's `/privacy export`): each holds
 * its file, up to 10 MB, until the upload. In this process only: a server's interactions all reach the one
 * shard that holds it, so per-process is per-server.
 */
export class OneAtATime {
  private readonly holds = new Map<string, Hold>();

  /** The release of a hold on `key` (calling it again does nothing), or null while another holds it. */
  take(key: string, now: Date): (() => void) | null {
    const held = this.holds.get(key);
    if (held !== undefined && now.getTime() - held.since < holdLimitMs) return null;
    const hold: Hold = { since: now.getTime() };
    this.holds.set(key, hold);
    // A hold that outlived holdLimitMs and was taken over is no longer this release's to end.
    return () => {
      if (this.holds.get(key) === hold) this.holds.delete(key);
    };
  }
}
