import type { PrismaClient } from "../../generated/prisma/client.js";
import { findInChunks } from "../inChunks.js";

export interface ExportMember {
  readonly id: number;
  readonly userId: string;
  readonly displayName: string;
  readonly joinedAt: Date;
  readonly leftAt: Date | null;
  readonly returnedAt: Date | null;
}

export interface ExportCompletion {
  readonly memberId: number;
  readonly completedAt: Date;
  readonly weekNumber: number;
  readonly points: number;
  readonly onTime: boolean;
  readonly item: { readonly title: string; readonly kind: string; readonly section: { readonly title: string } };
}

export interface ExportAnswer {
  readonly memberId: number;
  readonly answer: string;
  readonly answeredAt: Date;
  readonly section: { readonly title: string };
}

/**
 * What an export begun at `now` reads, though other interactions run between its batches: members up to the
 * highest id there was (none who joined since), completions and answers timed up to `now`.
 */
export interface ExportCeiling {
  readonly now: Date;
  readonly memberId: number;
}

/** The ceiling of an export begun at `now`: the highest member id there is, a look-up of the primary key's end. */
export async function exportCeilingAt(prisma: PrismaClient, now: Date): Promise<ExportCeiling> {
  const last = await prisma.member.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return { now, memberId: last?.id ?? 0 };
}

/**
 * `/cohort export`'s ceiling: also the highest completion and answer ids there were, as a `/done` logged after
 * the export began can still be timed at its `now` (same millisecond, or a clock that stood still).
 */
export interface CohortExportCeiling extends ExportCeiling {
  readonly completionId: number;
  readonly answerId: number;
}

/** A cohort's data for `/cohort export`, read a batch of members at a time so a large cohort is never held at once. */
export class ExportRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** See CohortExportCeiling: each a look-up of a primary key's end. */
  async ceiling(now: Date): Promise<CohortExportCeiling> {
    const [members, completion, answer] = await Promise.all([
      exportCeilingAt(this.prisma, now),
      this.prisma.completion.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
      this.prisma.checkpointAnswer.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
    ]);
    return { ...members, completionId: completion?.id ?? 0, answerId: answer?.id ?? 0 };
  }

  /** Members (those who left too) after `afterId` up to the ceiling, by id. */
  async members(cohortId: number, afterId: number, take: number, ceiling: CohortExportCeiling): Promise<ExportMember[]> {
    return this.prisma.member.findMany({
      where: { cohortId, id: { gt: afterId, lte: ceiling.memberId } },
      orderBy: { id: "asc" },
      take,
      select: { id: true, userId: true, displayName: true, joinedAt: true, leftAt: true, returnedAt: true },
    });
  }

  async completions(memberIds: readonly number[], ceiling: CohortExportCeiling): Promise<ExportCompletion[]> {
    return findInChunks(memberIds, (chunk) =>
      this.prisma.completion.findMany({
        where: { memberId: { in: chunk }, completedAt: { lte: ceiling.now }, id: { lte: ceiling.completionId } },
        orderBy: [{ memberId: "asc" }, { completedAt: "asc" }, { id: "asc" }],
        select: {
          memberId: true,
          completedAt: true,
          weekNumber: true,
          points: true,
          onTime: true,
          item: { select: { title: true, kind: true, section: { select: { title: true } } } },
        },
      }),
    );
  }

  async answers(memberIds: readonly number[], ceiling: CohortExportCeiling): Promise<ExportAnswer[]> {
    return findInChunks(memberIds, (chunk) =>
      this.prisma.checkpointAnswer.findMany({
        where: { memberId: { in: chunk }, answeredAt: { lte: ceiling.now }, id: { lte: ceiling.answerId } },
        orderBy: [{ memberId: "asc" }, { answeredAt: "asc" }],
        select: { memberId: true, answer: true, answeredAt: true, section: { select: { title: true } } },
      }),
    );
  }
}
