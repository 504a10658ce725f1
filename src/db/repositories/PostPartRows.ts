import type { SerialWriteQueue } from "../SerialWriteQueue.js";
import { PostPartStatus, type PostPartLedger, type PostPartRecord, type SpentNonce } from "./PostPartLedger.js";

/** The columns a part's row has in either table (ScheduledPostPart, AnnouncementPart), its post's id aside. */
export interface PostPartRow {
  readonly part: number;
  readonly nonce: string;
  readonly fingerprint: string;
  readonly status: string;
  readonly attemptedAt: Date;
  readonly messageId: string | null;
  readonly channelId: string | null;
  readonly strippedMessageId: string | null;
}

/** What a part's first attempt writes; a later attempt of it writes only `fingerprint`. */
export interface PostPartAttempt {
  readonly nonce: string;
  readonly fingerprint: string;
  readonly status: PostPartStatus;
  readonly attemptedAt: Date;
}

/** What recording a part as sent writes. */
export interface PostPartSent {
  readonly status: PostPartStatus;
  readonly messageId: string;
  readonly channelId: string;
  readonly sentAt: Date;
}

/** What recording a part's stripped message (or that it is gone) writes. */
export type PostPartStripped =
  { readonly strippedMessageId: string; readonly channelId: string } | { readonly strippedMessageId: null; readonly nonce: string };

/** What a row must still hold for an update to be written (a stale one changes nothing). */
export interface PostPartGuard {
  readonly status?: PostPartStatus;
  readonly nonce?: string;
  readonly strippedMessageId?: string;
}

/**
 * The ledger of a post's parts over one table: the rules (what an attempt and a send write, the record read
 * back) are here; each table's repository only says how its rows are read and written.
 */
export abstract class PostPartRows implements PostPartLedger {
  /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
  constructor(private readonly writes: SerialWriteQueue) {}

  /** The post's part rows, in order. */
  protected abstract rowsOf(postId: number): Promise<PostPartRow[]>;
  /** Creates the part's row with `created` unless there is one (which is left as it is). */
  protected abstract createRow(postId: number, part: number, created: PostPartAttempt): Promise<unknown>;
  /** Sets `data` on the part's row, if there is one (and it holds what `guard` says): how many rows changed (0 or 1). */
  protected abstract updateRow(
    postId: number,
    part: number,
    data: PostPartSent | PostPartStripped | Pick<PostPartAttempt, "fingerprint">,
    guard?: PostPartGuard,
  ): Promise<number>;

  async listFor(postId: number): Promise<PostPartRecord[]> {
    return (await this.rowsOf(postId)).map((row) => ({
      postId,
      part: row.part,
      nonce: row.nonce,
      fingerprint: row.fingerprint,
      status: row.status as PostPartStatus,
      attemptedAt: row.attemptedAt,
      messageId: row.messageId,
      channelId: row.channelId,
      strippedMessageId: row.strippedMessageId,
    }));
  }

  async recordAttempt(
    part: { readonly postId: number; readonly part: number; readonly nonce: string; readonly fingerprint: string },
    now: Date,
  ): Promise<boolean> {
    const { nonce, fingerprint } = part;
    // attemptedAt stays the first attempt's: every attempt shares the part's nonce, so Discord may answer a later one
    // with the message the first stored, and a lookup in the channel must still take that message for the part.
    // The nonce is never changed here (only recordNonceRenewed does): a row under another nonce, or sent, is another's.
    return this.writes.run(async () => {
      await this.createRow(part.postId, part.part, { nonce, fingerprint, status: PostPartStatus.Attempted, attemptedAt: now });
      return (await this.updateRow(part.postId, part.part, { fingerprint }, { status: PostPartStatus.Attempted, nonce })) > 0;
    });
  }

  async markSent(postId: number, part: number, messageId: string, channelId: string, now: Date): Promise<void> {
    await this.writes.run(() => this.updateRow(postId, part, { status: PostPartStatus.Sent, messageId, channelId, sentAt: now }));
  }

  async recordStripped(postId: number, part: number, nonce: string, messageId: string, channelId: string): Promise<boolean> {
    const changed = await this.writes.run(() =>
      this.updateRow(postId, part, { strippedMessageId: messageId, channelId }, { status: PostPartStatus.Attempted, nonce }),
    );
    return changed > 0;
  }

  async recordNonceRenewed(postId: number, part: number, spent: SpentNonce, nonce: string): Promise<boolean> {
    const guard: PostPartGuard =
      "nonce" in spent ? { status: PostPartStatus.Attempted, nonce: spent.nonce } : { strippedMessageId: spent.strippedMessageId };
    return (await this.writes.run(() => this.updateRow(postId, part, { strippedMessageId: null, nonce }, guard))) > 0;
  }
}
