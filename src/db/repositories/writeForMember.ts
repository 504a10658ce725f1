import type { PrismaClient } from "../../generated/prisma/client.js";
import { isForeignKeyViolation } from "./isForeignKeyViolation.js";
import { MembershipGoneError } from "./MembershipGoneError.js";

/**
 * Runs a write of rows hanging from the membership `memberId`, or of its own row; the membership deleted
 * since the request read it (`/privacy delete` committed in between: a new row would refer to no member,
 * an update finds no row) is a MembershipGoneError, nothing stored. The same failures with the membership
 * still there (a completion's item or an answer's section removed by a curriculum re-import meanwhile) are
 * not: they are rethrown as they came.
 */
export async function writeForMember<T>(prisma: PrismaClient, memberId: number, write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isForeignKeyViolation(error) && !isRecordMissing(error)) throw error;
    // Read after the failed write rolled back, in the same turn of the write queue as the write.
    if ((await prisma.member.count({ where: { id: memberId } })) > 0) throw error;
    throw new MembershipGoneError(memberId, { cause: error });
  }
}

/** Prisma's P2025: an update or delete of one row (`where: { id }`) found none. */
function isRecordMissing(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}
