import { PostPartStatus, type PostPartLedger, type PostPartRecord } from "../db/repositories/PostPartLedger.js";
import type { Logger } from "../logging/createLogger.js";
import { messageFingerprint } from "./messageFingerprint.js";
import type { PostMessage } from "./PostRenderer.js";
import { postNonce } from "./postNonce.js";
import { DeliveryError, DeliveryFailure, NonceSpentError, strippedMessageOf, type PostSender } from "./PostSender.js";

export interface PostPartsTarget {
  /** The post's (or announcement's) id in its ledger. */
  readonly postId: number;
  /** The key each part's nonce is derived from, with the part's index (a scheduled post's "cohort|kind|period@dueAt"). */
  readonly postKey: string;
  readonly channelId: string;
}

/** Discord's epoch: a snowflake holds its milliseconds since then in its top bits. */
const discordEpochMs = 1_420_070_400_000n;

/**
 * How much earlier than the part's first attempt (by the bot's clock) a message found in the channel may be dated
 * by Discord and still be taken for it: the bot's clock may run ahead of Discord's. It only needs to rule out an
 * identical message of the bot's from hours or days before (the same week announced the day before), so it is wide.
 */
const clockSkewMs = 30 * 60_000;

/** When Discord created the message of this id; null when the id is no snowflake. */
function createdAtOf(messageId: string): number | null {
  return /^\d+$/.test(messageId) ? Number((BigInt(messageId) >> 22n) + discordEpochMs) : null;
}

/**
 * Sends the messages of one claimed post (a scheduled post, or an announcement), each part exactly once. Every
 * part has its own nonce and its own row in the post's ledger: recorded as attempted before it is sent and as sent
 * after, so a retry or a takeover sends only the parts still missing. A part whose earlier attempt may have reached
 * Discord (the process died, the request failed after Discord stored it) is first looked for in the channel, so
 * this does not depend on how long Discord remembers a nonce. Discord does not return nonces when it lists
 * messages, so a part is recognised by its fingerprint (its text and button ids), among the bot's messages
 * created after its first attempt began (give or take half an hour of clock skew) and after the part before it: an identical
 * message of the bot's posted earlier (the same week announced the day before) is not taken for it.
 */
export class PostParts {
  constructor(
    private readonly sender: PostSender,
    private readonly parts: PostPartLedger,
  ) {}

  /**
   * The message ids of every part, in order, and how many of them an earlier attempt had sent (drawn then, so
   * perhaps before a member's deletion or privacy change that came since). Throws (DeliveryError) at the first
   * part that cannot be sent, and when the channel cannot be read to find a part an earlier attempt may have sent.
   */
  async send(
    target: PostPartsTarget,
    messages: readonly PostMessage[],
    now: Date,
    log: Logger,
  ): Promise<{ messageIds: string[]; reused: number }> {
    const records = await this.parts.listFor(target.postId);
    const sentIds = await this.alreadySent(target, records, now, log);
    const messageIds: string[] = [];
    let reused = 0;
    for (const [part, message] of messages.entries()) {
      const earlier = sentIds.get(part);
      if (earlier !== undefined) {
        messageIds.push(earlier);
        reused += 1;
        continue;
      }
      const record = records.find((candidate) => candidate.part === part);
      // The nonce the part's attempts went under (a new one once a message of the part was deleted).
      let nonce = record?.nonce ?? postNonce(target.postKey, part);
      if (record?.strippedMessageId != null)
        nonce = await this.deleteStrippedBeforeSend(target, part, record.strippedMessageId, record.channelId ?? target.channelId, log);
      if (!(await this.parts.recordAttempt({ postId: target.postId, part, nonce, fingerprint: messageFingerprint(message) }, now)))
        throw partTakenOver();
      const { messageId } = await this.sendPart(target, part, message, nonce, log);
      await this.parts.markSent(target.postId, part, messageId, target.channelId, now);
      messageIds.push(messageId);
    }
    return { messageIds, reused };
  }

  /**
   * Sends one part. A message Discord stored without its embeds is not the part: it is recorded, to be deleted
   * before the part goes again, and deleted now if Discord lets it; the send's refusal (no_permission) stands.
   * One refused because the message of its nonce was deleted (by a moderator, since an attempt that left no
   * record) gets a new nonce for the next attempt.
   */
  private async sendPart(
    target: PostPartsTarget,
    part: number,
    message: PostMessage,
    nonce: string,
    log: Logger,
  ): Promise<{ messageId: string }> {
    try {
      return await this.sender.sendToChannel(target.channelId, message, nonce);
    } catch (error) {
      const stripped = strippedMessageOf(error);
      if (stripped !== null) {
        await this.parts.recordStripped(target.postId, part, nonce, stripped, target.channelId);
        try {
          await this.deleteStripped(target, part, stripped, target.channelId, log);
        } catch (deleteError) {
          // Tried again before the part's next send; the send's own refusal is what the caller acts on.
          log.warn({ part, messageId: stripped, err: deleteError }, "post part stored without its embeds not deleted yet");
        }
      } else if (error instanceof NonceSpentError) {
        await this.parts.recordNonceRenewed(target.postId, part, { nonce }, renewedNonce(target, part, nonce));
      }
      throw error;
    }
  }

  /**
   * Deletes the part's message Discord stored without its embeds; its new nonce once it is gone (Discord refuses a
   * message under the nonce of a deleted one, for a few minutes). Throws DeliveryError when the message may still
   * be there: the part then waits (no_permission: the channel is flagged; transient: retried later).
   */
  private async deleteStripped(target: PostPartsTarget, part: number, messageId: string, channelId: string, log: Logger): Promise<string> {
    await this.sender.deleteMessage(channelId, messageId);
    log.info({ part, messageId }, "post part stored without its embeds deleted: it will be sent again");
    return this.forgetStripped(target, part, messageId);
  }

  /**
   * deleteStripped before the part is sent again. A refusal (no_permission) holds the part, its channel flagged,
   * only while the channel's check would keep the flag: when the message is in another channel than the post's
   * (the cohort moved since) or Discord, asked now, says the bot holds every post permission in the post's channel, the
   * check would clear the flag and the part be held again at once, each time until the post is given up. The
   * message is then left where it is (logged) and the part sent under a new nonce.
   */
  private async deleteStrippedBeforeSend(
    target: PostPartsTarget,
    part: number,
    messageId: string,
    channelId: string,
    log: Logger,
  ): Promise<string> {
    try {
      return await this.deleteStripped(target, part, messageId, channelId, log);
    } catch (error) {
      const refused = error instanceof DeliveryError && error.failure === DeliveryFailure.NoPermission;
      // Asked of Discord, not the cache: a cache that missed the change (its fetch after the stripped send failed, or
      // another process sent it) would have the part sent, and stripped, again on every pass. A failed fetch throws:
      // the part waits (transient: Discord trouble; channel_missing: the channel is gone, flagged as on a send).
      if (!refused || (channelId === target.channelId && !(await this.sender.mayPostFetched(target.channelId)))) throw error;
      log.warn({ part, messageId, channelId, err: error }, "post part stored without its embeds left: Discord refused its deletion");
      return this.forgetStripped(target, part, messageId);
    }
  }

  /**
   * The part's stripped message forgotten (deleted, or left for good): its new nonce, recorded. Throws (transient)
   * when the row no longer names that message: another process has the part since, and this one sends nothing.
   */
  private async forgetStripped(target: PostPartsTarget, part: number, messageId: string): Promise<string> {
    const nonce = renewedNonce(target, part, messageId);
    if (!(await this.parts.recordNonceRenewed(target.postId, part, { strippedMessageId: messageId }, nonce))) throw partTakenOver();
    return nonce;
  }

  /** Part index → message id of the parts sent before, including those found in the channel after an attempt left no record. */
  private async alreadySent(
    target: PostPartsTarget,
    records: readonly PostPartRecord[],
    now: Date,
    log: Logger,
  ): Promise<Map<number, string>> {
    const sent = new Map<number, string>();
    for (const record of records)
      if (record.status === PostPartStatus.Sent && record.messageId !== null) sent.set(record.part, record.messageId);
    const uncertain = records.filter((record) => record.status === PostPartStatus.Attempted);
    if (uncertain.length === 0) return sent;
    const found = await this.sender.findPosted(
      target.channelId,
      uncertain.map((record) => record.fingerprint),
    );
    for (const record of uncertain) {
      const messageId = found.get(record.fingerprint);
      if (messageId !== undefined && postedBy(record, messageId, sent))
        await this.adopt(record, target.channelId, messageId, sent, now, log);
    }
    return sent;
  }

  private async adopt(
    record: PostPartRecord,
    channelId: string,
    messageId: string,
    sent: Map<number, string>,
    now: Date,
    log: Logger,
  ): Promise<void> {
    await this.parts.markSent(record.postId, record.part, messageId, channelId, now);
    sent.set(record.part, messageId);
    log.warn({ part: record.part, messageId }, "post part found in the channel: an earlier attempt had sent it");
  }
}

/**
 * The part's row moved on under this attempt (another process renewed its nonce, or sent it): this pass stops
 * without sending it, as for a transient failure; the next one finds where the part stands.
 */
function partTakenOver(): DeliveryError {
  return new DeliveryError(DeliveryFailure.Transient, "another attempt has the post part since");
}

/** A part's nonce after the message of its last one (`spent`: that nonce, or the message's id) is gone: never one used before. */
function renewedNonce(target: PostPartsTarget, part: number, spent: string): string {
  return postNonce(`${target.postKey}~${spent}`, part);
}

/**
 * Whether the message found by the part's fingerprint can be the one its attempt sent: not another part of the
 * post, created after the part before it (message ids are snowflakes, in the order Discord stored them) and not
 * before its first attempt began (less the clock skew allowed).
 */
function postedBy(record: PostPartRecord, messageId: string, sent: ReadonlyMap<number, string>): boolean {
  if ([...sent.values()].includes(messageId)) return false;
  const createdAt = createdAtOf(messageId);
  if (createdAt === null) return true;
  const before = sent.get(record.part - 1);
  if (before !== undefined && /^\d+$/.test(before) && BigInt(messageId) <= BigInt(before)) return false;
  return createdAt >= record.attemptedAt.getTime() - clockSkewMs;
}
