import type { PrismaClient, ScheduledPostPart as ScheduledPostPartRow } from "../../generated/prisma/client.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";

/**
 * Where one message of a post stands:
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
  readonly postId: number;
  /** 0 for the first message of the post. */
  readonly part: number;
  readonly nonce: string;
  readonly fingerprint: string;
  readonly status: PostPartStatus;
  readonly messageId: string | null;
  /** The channel it was sent in; null when sent before this was kept (or not sent yet). */
  readonly channelId: string | null;
}

function toPostPart(row: ScheduledPostPartRow): PostPartRecord {
  return {
    postId: row.postId,
    part: row.part,
    nonce: row.nonce,
    fingerprint: row.fingerprint,
    status: row.status as PostPartStatus,
    messageId: row.messageId,
    channelId: row.channelId,
  };
}

/** The per-message ledger of split posts: a part once recorded as sent is never sent again. */
export class ScheduledPostPartRepository {
  /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {}

  async listFor(postId: number): Promise<PostPartRecord[]> {
    const rows = await this.prisma.scheduledPostPart.findMany({ where: { postId }, orderBy: { part: "asc" } });
    return rows.map(toPostPart);
  }

  /** Written before each send of a part that is not sent yet, so a later attempt knows it may already be in the channel. */
  async recordAttempt(
    part: { readonly postId: number; readonly part: number; readonly nonce: string; readonly fingerprint: string },
    now: Date,
  ): Promise<void> {
    const { postId, part: index, nonce, fingerprint } = part;
    await this.writes.run(() =>
      this.prisma.scheduledPostPart.upsert({
        where: { postId_part: { postId, part: index } },
        create: { postId, part: index, nonce, fingerprint, status: PostPartStatus.Attempted, attemptedAt: now },
        update: { nonce, fingerprint, attemptedAt: now },
      }),
    );
  }

  /** `channelId`: where it was sent, so a later edit finds it after the cohort moved to another channel. */
  async markSent(postId: number, part: number, messageId: string, channelId: string, now: Date): Promise<void> {
    await this.writes.run(() =>
      this.prisma.scheduledPostPart.updateMany({
        where: { postId, part },
        data: { status: PostPartStatus.Sent, messageId, channelId, sentAt: now },
      }),
    );
  }
}
