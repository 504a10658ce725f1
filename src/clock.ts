import fs from "node:fs";

/** Where "now" comes from. Production uses the system clock; tests and the playground move their own. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date): void {
    this.current = instant.getTime();
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A clock that reads "now" (an ISO instant) from a file on every call. Tests
 * that run the bot as separate processes move one shared clock this way; see
 * Config.testClockFile. A file caught mid-write keeps the last instant read.
 */
export class FileClock implements Clock {
  private last: number | null = null;

  constructor(private readonly file: string) {}

  now(): Date {
    let instant = Number.NaN;
    try {
      const text = fs.readFileSync(this.file, "utf8").trim();
      if (isoInstant.test(text)) instant = Date.parse(text);
    } catch (error) {
      if (this.last === null)
        throw new Error(`The test clock file ${this.file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (Number.isNaN(instant)) {
      if (this.last === null) throw new Error(`The test clock file ${this.file} holds no ISO instant`);
      return new Date(this.last);
    }
    this.last = instant;
    return new Date(instant);
  }
}
