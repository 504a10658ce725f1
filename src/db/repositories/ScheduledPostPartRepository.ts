import type { PrismaClient, ScheduledPostPart as ScheduledPostPartRow } from "../../generated/prisma/client.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";
import { PostPartStatus, type PostPartLedger, type PostPartRecord } from "./PostPartLedger.js";

function toPostPart(row: ScheduledPostPartRow): PostPartRecord {
  return {
    postId: row.postId,
    part: row.part,
    nonce: row.nonce,
    fingerprint: row.fingerprint,
    status: row.status as PostPartStatus,
    attemptedAt: row.attemptedAt,
    messageId: row.messageId,
    channelId: row.channelId,
  };
}

/** The per-message ledger of split posts: a part once recorded as sent is never sent again. */
export class ScheduledPostPartRepository implements PostPartLedger {
  /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {}

  async listFor(postId: number): Promise<PostPartRecord[]> {
    const rows = await this.prisma.scheduledPostPart.findMany({ where: { postId }, orderBy: { part: "asc" } });
    return rows.map(toPostPart);
  }

  async recordAttempt(
    part: { readonly postId: number; readonly part: number; readonly nonce: string; readonly fingerprint: string },
    now: Date,
  ): Promise<void> {
    const { postId, part: index, nonce, fingerprint } = part;
    await this.writes.run(() =>
      this.prisma.scheduledPostPart.upsert({
        where: { postId_part: { postId, part: index } },
        create: { postId, part: index, nonce, fingerprint, status: PostPartStatus.Attempted, attemptedAt: now },
        // attemptedAt stays the first attempt's: every attempt shares the part's nonce, so Discord may answer a later one with
        // the message the first stored, and a lookup in the channel must still take that message for the part.
        update: { nonce, fingerprint },
      }),
    );
  }

  async markSent(postId: number, part: number, messageId: string, channelId: string, now: Date): Promise<void> {
    await this.writes.run(() =>
      this.prisma.scheduledPostPart.updateMany({
        where: { postId, part },
        data: { status: PostPartStatus.Sent, messageId, channelId, sentAt: now },
      }),
    );
  }
}
