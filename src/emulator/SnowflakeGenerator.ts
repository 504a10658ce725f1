/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from it. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000n;

const MAX_INCREMENT = 0xfffn;

/**
 * Produces Discord-style snowflake ids (timestamp << 22 | worker | process | increment) as strings.
 * Ids are strictly increasing, so sorting by id sorts by creation like on Discord.
 */
export class SnowflakeGenerator {
  private lastTimestamp = 0n;
  private increment = 0n;

  constructor(private readonly workerId = 1n) {}

  next(now: number = Date.now()): string {
    let timestamp = BigInt(now) - DISCORD_EPOCH_MS;
    if (timestamp < this.lastTimestamp) timestamp = this.lastTimestamp;
    if (timestamp === this.lastTimestamp) {
      this.increment += 1n;
      if (this.increment > MAX_INCREMENT) {
        // More than 4096 ids in one millisecond: borrow the next millisecond to stay unique and ordered.
        timestamp += 1n;
        this.increment = 0n;
      }
    } else {
      this.increment = 0n;
    }
    this.lastTimestamp = timestamp;
    return ((timestamp << 22n) | ((this.workerId & 0x1fn) << 17n) | this.increment).toString();
  }
}
