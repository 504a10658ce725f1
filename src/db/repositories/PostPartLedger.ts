/**
 * Where one message of a post or an announcement stands:
 * - attempted: a send was started; Discord may or may not have stored it
 *   (the process died, the request timed out), so before sending it again the
 *   sender looks for it in the channel;
 * - sent: Discord stored it as `messageId`; it is never sent again.
 */
export const PostPartStatus = {
  Attempted: "attempted",
  Sent: "sent",
} as const;
export type PostPartStatus = (typeof PostPartStatus)[keyof typeof PostPartStatus];

export interface PostPartRecord {
  /** The id of the scheduled post, or of the announcement, the message belongs to. */
  readonly postId: number;
  /** 0 for the first message of the post. */
  readonly part: number;
  readonly nonce: string;
  readonly fingerprint: string;
  readonly status: PostPartStatus;
  /** When its first send was started (a later attempt, under the same nonce, may be answered with that send's message). */
  readonly attemptedAt: Date;
  readonly messageId: string | null;
  /** The channel it was sent in (or its stripped message was); null when sent before this was kept (or not sent yet). */
  readonly channelId: string | null;
  /**
   * A message of the part's that Discord stored without its embeds (the bot had lost Embed Links there), not known
   * to be deleted yet: it is deleted (in `channelId`) before the part is sent again. Null when there is none.
   */
  readonly strippedMessageId: string | null;
}

/**
 * The per-message ledger of posts sent in several messages: a scheduled post's parts (ScheduledPostPartRepository)
 * or an announcement's (AnnouncementPartRepository). A part once recorded as sent is never sent again.
 */
export interface PostPartLedger {
  /** The parts of the post recorded so far, in order. */
  listFor(postId: number): Promise<PostPartRecord[]>;
  /**
   * Written before each send of a part that is not sent yet, so a later attempt knows it may already be in the channel.
   * False (nothing written) when the part's row is sent, or under another nonce: another process has the part since.
   */
  recordAttempt(
    part: { readonly postId: number; readonly part: number; readonly nonce: string; readonly fingerprint: string },
    now: Date,
  ): Promise<boolean>;
  /** `channelId`: where it was sent, so a later edit finds it after the cohort moved to another channel. */
  markSent(postId: number, part: number, messageId: string, channelId: string, now: Date): Promise<void>;
  /**
   * Discord stored the part's message `messageId`, sent under `nonce`, in `channelId` without its embeds: it is to be
   * deleted. Written only while the part is still attempted under that nonce (not after another process took it over):
   * false when not written.
   */
  recordStripped(postId: number, part: number, nonce: string, messageId: string, channelId: string): Promise<boolean>;
  /**
   * The message of the part's nonce is gone (its stripped message deleted, or one a moderator deleted): any stripped
   * message is forgotten, and the part is sent under `nonce` from now on (Discord refuses a message under the nonce
   * of a deleted one for a few minutes, rather than post it again). Written only while the row still says what
   * `spent` names: the part still attempted under that nonce, or that stripped message still recorded; a stale
   * write (another process renewed it, or sent the part, since) changes nothing, and is answered false.
   */
  recordNonceRenewed(postId: number, part: number, spent: SpentNonce, nonce: string): Promise<boolean>;
}

/** What a part's new nonce replaces: the nonce a send was refused under, or the stripped message that was deleted. */
export type SpentNonce = { readonly nonce: string } | { readonly strippedMessageId: string };
