import type { AnnouncementPart as AnnouncementPartRow, PrismaClient } from "../../generated/prisma/client.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";
import { PostPartStatus, type PostPartLedger, type PostPartRecord } from "./PostPartLedger.js";

function toPostPart(row: AnnouncementPartRow): PostPartRecord {
  return {
    postId: row.announcementId,
    part: row.part,
    nonce: row.nonce,
    fingerprint: row.fingerprint,
    status: row.status as PostPartStatus,
    attemptedAt: row.attemptedAt,
    messageId: row.messageId,
    channelId: row.channelId,
  };
}

/** The per-message ledger of `/cohort announce` announcements (a post's `postId` is the announcement's id). */
export class AnnouncementPartRepository implements PostPartLedger {
  /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {}

  async listFor(announcementId: number): Promise<PostPartRecord[]> {
    const rows = await this.prisma.announcementPart.findMany({ where: { announcementId }, orderBy: { part: "asc" } });
    return rows.map(toPostPart);
  }

  async recordAttempt(
    part: { readonly postId: number; readonly part: number; readonly nonce: string; readonly fingerprint: string },
    now: Date,
  ): Promise<void> {
    const { postId: announcementId, part: index, nonce, fingerprint } = part;
    await this.writes.run(() =>
      this.prisma.announcementPart.upsert({
        where: { announcementId_part: { announcementId, part: index } },
        create: { announcementId, part: index, nonce, fingerprint, status: PostPartStatus.Attempted, attemptedAt: now },
        // attemptedAt stays the first attempt's: every attempt shares the part's nonce, so Discord may answer a later one with
        // the message the first stored, and a lookup in the channel must still take that message for the part.
        update: { nonce, fingerprint },
      }),
    );
  }

  async markSent(announcementId: number, part: number, messageId: string, channelId: string, now: Date): Promise<void> {
    await this.writes.run(() =>
      this.prisma.announcementPart.updateMany({
        where: { announcementId, part },
        data: { status: PostPartStatus.Sent, messageId, channelId, sentAt: now },
      }),
    );
  }
}
