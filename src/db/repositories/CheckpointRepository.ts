import { CheckpointAnswerKind } from "../../domain/cohort/cohortModel.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";
import { writeForMember } from "./writeForMember.js";

export interface CheckpointAnswerRecord {
  readonly memberId: number;
  readonly sectionId: number;
  readonly answer: CheckpointAnswerKind;
  readonly answeredAt: Date;
}

const answerKinds: ReadonlySet<string> = new Set(Object.values(CheckpointAnswerKind));

function toAnswer(row: { memberId: number; sectionId: number; answer: string; answeredAt: Date }): CheckpointAnswerRecord | null {
  // A value this code does not know (written by a newer version) reads as "not answered".
  if (!answerKinds.has(row.answer)) return null;
  return { memberId: row.memberId, sectionId: row.sectionId, answer: row.answer as CheckpointAnswerKind, answeredAt: row.answeredAt };
}

/** Members' self-assessments of a section's checkpoint: one answer per member and section. */
export class CheckpointRepository {
  /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {}

  async find(memberId: number, sectionId: number): Promise<CheckpointAnswerRecord | null> {
    // findFirst: same-tick findUnique calls are merged by Prisma and can exceed SQLite's parameter limit in a burst.
    const row = await this.prisma.checkpointAnswer.findFirst({ where: { memberId, sectionId } });
    return row === null ? null : toAnswer(row);
  }

  /** The member's answers to these sections (callers bound the list: `/checkpoint` asks for at most five). */
  async findIn(memberId: number, sectionIds: readonly number[]): Promise<Map<number, CheckpointAnswerRecord>> {
    const rows = await this.prisma.checkpointAnswer.findMany({ where: { memberId, sectionId: { in: [...sectionIds] } } });
    const answers = new Map<number, CheckpointAnswerRecord>();
    for (const row of rows) {
      const answer = toAnswer(row);
      if (answer !== null) answers.set(answer.sectionId, answer);
    }
    return answers;
  }

  /** Stores the member's answer, replacing an earlier one; returns what was there before. */
  async save(
    memberId: number,
    sectionId: number,
    answer: CheckpointAnswerKind,
    now: Date,
  ): Promise<{ previous: CheckpointAnswerKind | null; saved: CheckpointAnswerRecord }> {
    return this.writes.run(async () => {
      const previous = await this.find(memberId, sectionId);
      const row = await writeForMember(this.prisma, memberId, () =>
        this.prisma.checkpointAnswer.upsert({
          where: { memberId_sectionId: { memberId, sectionId } },
          create: { memberId, sectionId, answer, answeredAt: now },
          update: { answer, answeredAt: now },
        }),
      );
      const saved = toAnswer(row);
      if (saved === null) throw new Error(`stored checkpoint answer "${row.answer}" is not a known answer`);
      return { previous: previous?.answer ?? null, saved };
    });
  }

  /** How many checkpoints of this curriculum the member answered (a retired section's answer is kept, not counted). */
  async countAnsweredIn(memberId: number, curriculumId: number): Promise<number> {
    return this.prisma.checkpointAnswer.count({
      where: { memberId, section: { curriculumId, retired: false, checkpoint: { not: null } } },
    });
  }
}
