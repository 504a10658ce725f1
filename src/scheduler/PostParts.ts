import type { PostPartRecord, ScheduledPostPartRepository } from "../db/repositories/ScheduledPostPartRepository.js";
import { PostPartStatus } from "../db/repositories/ScheduledPostPartRepository.js";
import type { Logger } from "../logging/createLogger.js";
import { messageFingerprint } from "../services/messageFingerprint.js";
import type { PostMessage } from "../services/PostRenderer.js";
import { postNonce } from "../services/postNonce.js";
import type { PostSender } from "../services/PostSender.js";

export interface PostPartsTarget {
  readonly postId: number;
  /** The post's key and instant ("cohort|kind|period@dueAt"): each part's nonce is derived from it and the part's index. */
  readonly postKey: string;
  readonly channelId: string;
}

/**
 * Sends the messages of one claimed post, each part exactly once. Every part
 * has its own nonce and its own row: recorded as attempted before it is sent
 * and as sent after, so a retry or a takeover sends only the parts still
 * missing. A part whose earlier attempt may have reached Discord (the process
 * died, the request failed after Discord stored it) is first looked for in the
 * channel, so this does not depend on how long Discord remembers a nonce.
 * Discord does not return nonces when it lists messages, so a part is
 * recognised by its fingerprint (its text and button ids): an identical
 * message of the bot's (a `/cohort announce` of the same week moments
 * earlier) would count as the part, which members then saw once, not twice.
 */
export class PostParts {
  constructor(
    private readonly sender: PostSender,
    private readonly parts: ScheduledPostPartRepository,
  ) {}

  /**
   * The message ids of every part, in order, and whether any of them was sent by an earlier attempt (drawn
   * then, so perhaps before a member's deletion or privacy change that came since). Throws (DeliveryError)
   * at the first part that cannot be sent.
   */
  async send(
    target: PostPartsTarget,
    messages: readonly PostMessage[],
    now: Date,
    log: Logger,
  ): Promise<{ messageIds: string[]; reused: boolean }> {
    const sentIds = await this.alreadySent(target, now, log);
    const messageIds: string[] = [];
    let reused = false;
    for (const [part, message] of messages.entries()) {
      const earlier = sentIds.get(part);
      if (earlier !== undefined) {
        messageIds.push(earlier);
        reused = true;
        continue;
      }
      const nonce = postNonce(target.postKey, part);
      await this.parts.recordAttempt({ postId: target.postId, part, nonce, fingerprint: messageFingerprint(message) }, now);
      const { messageId } = await this.sender.sendToChannel(target.channelId, message, nonce);
      await this.parts.markSent(target.postId, part, messageId, target.channelId, now);
      messageIds.push(messageId);
    }
    return { messageIds, reused };
  }

  /** Part index → message id of the parts sent before, including those found in the channel after an attempt left no record. */
  private async alreadySent(target: PostPartsTarget, now: Date, log: Logger): Promise<Map<number, string>> {
    const records = await this.parts.listFor(target.postId);
    const sent = new Map<number, string>();
    for (const record of records)
      if (record.status === PostPartStatus.Sent && record.messageId !== null) sent.set(record.part, record.messageId);
    const uncertain = records.filter((record) => record.status === PostPartStatus.Attempted);
    if (uncertain.length === 0) return sent;
    const found = await this.sender.findPosted(
      target.channelId,
      uncertain.map((record) => record.fingerprint),
    );
    for (const record of uncertain) await this.adoptFound(record, target.channelId, found.get(record.fingerprint), sent, now, log);
    return sent;
  }

  private async adoptFound(
    record: PostPartRecord,
    channelId: string,
    messageId: string | undefined,
    sent: Map<number, string>,
    now: Date,
    log: Logger,
  ): Promise<void> {
    if (messageId === undefined) return;
    await this.parts.markSent(record.postId, record.part, messageId, channelId, now);
    sent.set(record.part, messageId);
    log.warn({ part: record.part, messageId }, "post part found in the channel: an earlier attempt had sent it");
  }
}
