/** Text gathered before it becomes a chunk of the file: few, large buffers rather than one per row. */
const chunkBytes = 64 * 1024;

/**
 * Bytes written between two pauses for other work: SQLite's driver answers without waiting, so an export
 * would otherwise hold the event loop (every other interaction) from start to end.
 */
const bytesBetweenPauses = 64 * 1024;

/** A file (`/privacy export`, `/cohort export`) as written so far, refused as soon as it would pass its limit. */
export class BoundedFile {
  private readonly chunks: Buffer[] = [];
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;
  private sincePause = 0;

  constructor(private readonly limitBytes: number) {}

  /** Bytes still allowed. */
  get room(): number {
    return this.limitBytes - this.written;
  }

  /** False, and nothing more kept, once the file would pass its limit. */
  write(text: string): boolean {
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes > this.room) return false;
    this.written += bytes;
    this.sincePause += bytes;
    this.pending.push(text);
    this.pendingBytes += bytes;
    if (this.pendingBytes >= chunkBytes) this.flush();
    return true;
  }

  /**
   * Writes the pieces as they come, letting other work run every bytesBetweenPauses; stops reading them
   * (and so the rows behind them) at the limit.
   */
  async writeAll(pieces: AsyncIterable<string>): Promise<boolean> {
    for await (const piece of pieces) {
      if (!this.write(piece)) return false;
      if (this.sincePause >= bytesBetweenPauses) {
        this.sincePause = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return true;
  }

  toBuffer(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks, this.written);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(Buffer.from(this.pending.join(""), "utf8"));
    this.pending = [];
    this.pendingBytes = 0;
  }
}
