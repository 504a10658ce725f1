import type { PrismaClient } from "../../src/db/openDatabase.js";
import type { MemberRecord } from "../../src/domain/cohort/cohortModel.js";
import { toMember } from "../../src/db/repositories/MemberRepository.js";

/** A cohort's active members as the services take them, in join order: what a test plans or checks them by. */
export async function activeMemberRecords(prisma: PrismaClient, cohortId: number): Promise<MemberRecord[]> {
  const rows = await prisma.member.findMany({ where: { cohortId, leftAt: null }, orderBy: { id: "asc" } });
  return rows.map(toMember);
}
