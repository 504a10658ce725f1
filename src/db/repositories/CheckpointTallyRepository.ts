import { CheckpointAnswerKind } from "../../domain/cohort/cohortModel.js";
import type { PrismaClient } from "../../generated/prisma/client.js";

export type AnswerCounts = Readonly<Record<CheckpointAnswerKind, number>>;

const knownAnswers: ReadonlySet<string> = new Set(Object.values(CheckpointAnswerKind));

/** Totals of the checkpoint self-assessments of a cohort's members, for admins (never who answered what). */
export class CheckpointTallyRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Section id → answer counts, for sections with at least one answer. Only members still in the cohort count, as in
   * the member count and the confidence map shown beside these totals (the answers of one who left stay in exports).
   */
  async countsForCohort(cohortId: number): Promise<Map<number, AnswerCounts>> {
    const groups = await this.prisma.checkpointAnswer.groupBy({
      by: ["sectionId", "answer"],
      where: { member: { cohortId, leftAt: null } },
      _count: { _all: true },
    });
    const counts = new Map<number, Record<CheckpointAnswerKind, number>>();
    for (const group of groups) {
      if (!knownAnswers.has(group.answer)) continue;
      const entry = counts.get(group.sectionId) ?? { confident: 0, partly: 0, not_yet: 0 };
      entry[group.answer as CheckpointAnswerKind] += group._count._all;
      counts.set(group.sectionId, entry);
    }
    return counts;
  }
}
