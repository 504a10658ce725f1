import type { Announcement as AnnouncementRow, PrismaClient } from "../../generated/prisma/client.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";
import { isUniqueViolation } from "./CohortRepository.js";
import { PostPartStatus } from "./PostPartLedger.js";

/**
 * Where a `/cohort announce` announcement stands:
 * - claimed: an attempt is sending it (its process may have died: a claim older than a claim's lifetime may be taken over);
 * - sent: every message of it is in the channel;
 * - failed: an attempt stopped partway; announcing it again (same messages, same channel) completes it.
 */
export const AnnouncementStatus = {
  Claimed: "claimed",
  Sent: "sent",
  Failed: "failed",
} as const;
export type AnnouncementStatus = (typeof AnnouncementStatus)[keyof typeof AnnouncementStatus];

export interface AnnouncementRecord {
  readonly id: number;
  readonly cohortId: number;
  /** The request whose id its messages' nonces carry: the first attempt's. */
  readonly requestId: string;
  readonly status: AnnouncementStatus;
  readonly claimedBy: string;
  readonly claimedAt: Date;
  /** How many of its messages the audit trail shows as gone out (recordAudited). */
  readonly auditedParts: number;
}

/** What an attempt at an announcement claims: the unfinished one of the same `openKey`, else a new one. */
export interface AnnouncementClaim {
  readonly cohortId: number;
  readonly kind: string;
  readonly week: number | null;
  readonly section: string | null;
  readonly channelId: string;
  /** Tells the same announcement (kind, week or section, channel, messages) apart from others, while it is unfinished. */
  readonly openKey: string;
  readonly parts: number;
  /** The attempt's request (an interaction id): the claim's holder, and the nonces' key of a new announcement. */
  readonly requestId: string;
}

function toAnnouncement(row: AnnouncementRow): AnnouncementRecord {
  return {
    id: row.id,
    cohortId: row.cohortId,
    requestId: row.requestId,
    status: row.status as AnnouncementStatus,
    claimedBy: row.claimedBy,
    claimedAt: row.claimedAt,
    auditedParts: row.auditedParts,
  };
}

/** The columns an announcement takes from the claim that stores it, new or restored. */
function claimColumns(claim: AnnouncementClaim) {
  return {
    cohortId: claim.cohortId,
    kind: claim.kind,
    week: claim.week,
    section: claim.section,
    channelId: claim.channelId,
    openKey: claim.openKey,
    requestId: claim.requestId,
    parts: claim.parts,
  };
}

/** Reads of the open row a claim may need: none there, one given up on, then the insert. */
const claimRounds = 3;

/**
 * The announcements of `/cohort announce`, each claimed by one attempt at a time with a single conditional write,
 * as a scheduled post is: the insert of a new one (unique per cohort while unfinished: `openKey`), or the update
 * of a failed or stale one, so two admins announcing the same at once do not both send it.
 */
export class AnnouncementRepository {
  /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {}

  /**
   * Claims the announcement for this attempt: the unfinished one of the same key (failed, or claimed before
   * `staleBefore`) when its last attempt is not older than `resumableSince`, else a new one. Null when another
   * attempt holds it (claimed since `staleBefore`).
   */
  async claim(
    claim: AnnouncementClaim,
    now: Date,
    limits: { readonly staleBefore: Date; readonly resumableSince: Date },
  ): Promise<AnnouncementRecord | null> {
    const { cohortId, openKey, requestId } = claim;
    for (let round = 0; round < claimRounds; round += 1) {
      const open = await this.prisma.announcement.findUnique({ where: { cohortId_openKey: { cohortId, openKey } } });
      if (open === null) {
        const created = await this.create(claim, now);
        if (created !== null) return created;
        continue;
      }
      if (open.claimedAt.getTime() < limits.resumableSince.getTime()) {
        // Too old to complete: given up on (it keeps its parts), so this announcement is a new one, posted whole.
        await this.writes.run(() =>
          this.prisma.announcement.updateMany({
            where: { id: open.id, openKey, claimedAt: open.claimedAt },
            data: { openKey: null, status: AnnouncementStatus.Failed },
          }),
        );
        continue;
      }
      const taken = await this.writes.run(() =>
        this.prisma.announcement.updateMany({
          where: {
            id: open.id,
            openKey,
            OR: [{ status: AnnouncementStatus.Failed }, { status: AnnouncementStatus.Claimed, claimedAt: { lt: limits.staleBefore } }],
          },
          data: { status: AnnouncementStatus.Claimed, claimedBy: requestId, claimedAt: now },
        }),
      );
      if (taken.count !== 1) return null;
      return toAnnouncement({ ...open, status: AnnouncementStatus.Claimed, claimedBy: requestId, claimedAt: now });
    }
    return null;
  }

  private async create(claim: AnnouncementClaim, now: Date): Promise<AnnouncementRecord | null> {
    try {
      const row = await this.writes.run(() =>
        this.prisma.announcement.create({
          data: {
            ...claimColumns(claim),
            status: AnnouncementStatus.Claimed,
            claimedBy: claim.requestId,
            claimedAt: now,
            createdAt: now,
          },
        }),
      );
      return toAnnouncement(row);
    } catch (error) {
      // Another attempt inserted it first: read again.
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Every message is in the channel: the announcement is closed (announcing the same again is a new one). */
  async markSent(announcementId: number, claimedBy: string, now: Date): Promise<void> {
    await this.writes.run(() =>
      this.prisma.announcement.updateMany({
        where: { id: announcementId, claimedBy, status: AnnouncementStatus.Claimed },
        data: { status: AnnouncementStatus.Sent, sentAt: now, openKey: null },
      }),
    );
  }

  /**
   * Deletes (with their parts) the announcements sent before `sentBefore`, and those never completed whose last
   * attempt is older than `givenUpBefore` (past the day a retry completes one), at most `limit`; returns how many.
   * Nothing reads them any more: an announcement is not edited once posted, and the audit trail keeps its line.
   */
  async pruneFinished(limits: { readonly sentBefore: Date; readonly givenUpBefore: Date }, limit: number): Promise<number> {
    return this.writes.run(async () => {
      const rows = await this.prisma.announcement.findMany({
        where: {
          OR: [{ sentAt: { lt: limits.sentBefore } }, { sentAt: null, claimedAt: { lt: limits.givenUpBefore } }],
        },
        select: { id: true },
        orderBy: { id: "asc" },
        take: limit,
      });
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => row.id);
      await this.prisma.announcementPart.deleteMany({ where: { announcementId: { in: ids } } });
      return (await this.prisma.announcement.deleteMany({ where: { id: { in: ids } } })).count;
    });
  }

  /**
   * Stores an announcement an earlier version of the bot left unfinished (known from its audit line) as one that
   * went out in part, with its parts sent, so announcing it again completes it. Nothing when the cohort has an
   * announcement of that request already, or an unfinished one of that key (restored by another process, or
   * announced since). Returns whether it stored it.
   */
  async restoreUnfinished(
    claim: AnnouncementClaim & { readonly at: Date; readonly auditedParts: number },
    sent: readonly { readonly part: number; readonly nonce: string; readonly messageId: string }[],
  ): Promise<boolean> {
    try {
      return await this.writes.run(async () => {
        const existing = await this.prisma.announcement.findFirst({ where: { cohortId: claim.cohortId, requestId: claim.requestId } });
        if (existing !== null) return false;
        await this.prisma.announcement.create({
          data: {
            ...claimColumns(claim),
            auditedParts: claim.auditedParts,
            status: AnnouncementStatus.Failed,
            claimedBy: claim.requestId,
            claimedAt: claim.at,
            createdAt: claim.at,
            messageParts: {
              create: sent.map((part) => ({
                part: part.part,
                nonce: part.nonce,
                // Not kept by earlier versions: only a part still to find in the channel needs it.
                fingerprint: "",
                status: PostPartStatus.Sent,
                attemptedAt: claim.at,
                messageId: part.messageId,
                channelId: claim.channelId,
                sentAt: claim.at,
              })),
            },
          },
        });
        return true;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** The audit trail now shows `parts` of its messages as gone out (never lowered). */
  async recordAudited(announcementId: number, parts: number): Promise<void> {
    await this.writes.run(() =>
      this.prisma.announcement.updateMany({
        where: { id: announcementId, auditedParts: { lt: parts } },
        data: { auditedParts: parts },
      }),
    );
  }

  /** The attempt stopped partway: the next attempt of the same announcement completes it. */
  async markFailed(announcementId: number, claimedBy: string): Promise<void> {
    await this.writes.run(() =>
      this.prisma.announcement.updateMany({
        where: { id: announcementId, claimedBy, status: AnnouncementStatus.Claimed },
        data: { status: AnnouncementStatus.Failed },
      }),
    );
  }
}
