import type { PrismaClient } from "../../generated/prisma/client.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";
import { auditEntryCreate, type NewAuditEntry } from "./AuditRepository.js";
import { writeForMember } from "./writeForMember.js";

export const NudgeStatus = { Claimed: "claimed", Sent: "sent", Failed: "failed" } as const;
export type NudgeStatus = (typeof NudgeStatus)[keyof typeof NudgeStatus];

export type NudgeClaim = { readonly claimed: true; readonly id: number } | { readonly claimed: false; readonly lastAt: Date };

const maxErrorLength = 500;

export interface NudgeRecipient {
  readonly id: number;
  readonly userId: string;
  readonly displayName: string;
  readonly leftAt: Date | null;
  /** False after `/privacy nudges:off`. */
  readonly nudges: boolean;
  /** Their stored Discord locale: the DM's language (MemberRecord.locale). */
  readonly locale: string | null;
}

/**
 * Facilitators' Nudge DMs, claimed exactly once per member and window: the
 * (member, window) pair is unique, and a claim is refused while another
 * nudge of the member was claimed or sent less than a window ago (so two
 * windows in a row cannot give two nudges a minute apart). A failed DM
 * (closed DMs, Discord trouble) does not count: it can be tried again.
 */
export class NudgeRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {}

  /** What a nudge needs to know of a member; null when there is no such member in that cohort. */
  async recipient(cohortId: number, memberId: number): Promise<NudgeRecipient | null> {
    return this.prisma.member.findFirst({
      where: { id: memberId, cohortId },
      select: { id: true, userId: true, displayName: true, leftAt: true, nudges: true, locale: true },
    });
  }

  async claim(input: { memberId: number; window: number; claimedBy: string; now: Date; since: Date }): Promise<NudgeClaim> {
    // The membership deleted since the Nudge read it (the member's `/privacy delete`): a MembershipGoneError.
    return this.writes.run(() => writeForMember(this.prisma, input.memberId, () => this.claimWindow(input)));
  }

  private async claimWindow(input: { memberId: number; window: number; claimedBy: string; now: Date; since: Date }): Promise<NudgeClaim> {
    const recent = await this.prisma.nudgeDelivery.findFirst({
      where: { memberId: input.memberId, claimedAt: { gt: input.since }, status: { not: NudgeStatus.Failed } },
      orderBy: { claimedAt: "desc" },
      select: { claimedAt: true },
    });
    if (recent !== null) return { claimed: false, lastAt: recent.claimedAt };
    // One statement decides between concurrent claims of the same window: the insert, or taking over a failed row.
    const inserted = await this.prisma.$executeRaw`
        INSERT INTO "NudgeDelivery" ("memberId", "window", "status", "claimedBy", "claimedAt")
        VALUES (${input.memberId}, ${input.window}, ${NudgeStatus.Claimed}, ${input.claimedBy}, ${input.now})
        ON CONFLICT ("memberId", "window") DO NOTHING`;
    const retaken =
      inserted > 0
        ? 1
        : (
            await this.prisma.nudgeDelivery.updateMany({
              where: { memberId: input.memberId, window: input.window, status: NudgeStatus.Failed },
              data: { status: NudgeStatus.Claimed, claimedBy: input.claimedBy, claimedAt: input.now, lastError: null },
            })
          ).count;
    const row = await this.prisma.nudgeDelivery.findFirst({
      where: { memberId: input.memberId, window: input.window },
      select: { id: true, claimedAt: true },
    });
    if (row === null) throw new Error(`nudge claim of member ${input.memberId} vanished`);
    return retaken > 0 ? { claimed: true, id: row.id } : { claimed: false, lastAt: row.claimedAt };
  }

  /**
   * Marks the nudge sent and appends its audit `line` in the same transaction, only while the claim is there: a
   * member's `/privacy delete` commits before both (taking the claim: nothing written, false) or after both
   * (clearing the line's subject), never between them. False when the claim is gone.
   */
  async markSent(id: number, now: Date, line: NewAuditEntry): Promise<boolean> {
    return this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        const { count } = await tx.nudgeDelivery.updateMany({ where: { id }, data: { status: NudgeStatus.Sent, sentAt: now } });
        if (count > 0) await auditEntryCreate(tx, line);
        return count > 0;
      }),
    );
  }

  /** False when the claim is gone, as for markSent. */
  async markFailed(id: number, error: string): Promise<boolean> {
    const { count } = await this.writes.run(() =>
      this.prisma.nudgeDelivery.updateMany({
        where: { id },
        data: { status: NudgeStatus.Failed, lastError: error.slice(0, maxErrorLength) },
      }),
    );
    return count > 0;
  }
}
