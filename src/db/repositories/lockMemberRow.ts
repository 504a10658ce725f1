import type { PrismaClient } from "../../generated/prisma/client.js";
import type { DatabaseTarget } from "../parseDatabaseUrl.js";
import { numberedPlaceholders } from "../SqlReader.js";

/** The member lock on SQLite: a write, as SQLite has no row locks (a transaction's first write takes the file's lock). */
export const lockMemberSql = `UPDATE "Member" SET "points" = "points" WHERE "id" = ?`;

/**
 * The member lock on PostgreSQL: the locks an UPDATE of the member takes, without writing a new version
 * of the row. The no-op update wrote one per /done and /undo, fired the score tally's trigger, and made
 * the totals' update that follows re-check the member's foreign key (a row version of the transaction's
 * own is always re-checked): about a tenth of the transaction's server time. FOR NO KEY UPDATE is the
 * update's row lock; the update that changes no row (`WHERE false`) takes the update's table lock first,
 * as the no-op update did: with only FOR NO KEY UPDATE's weaker one a /done could start beside a
 * migration holding the member table, take the completions' table, then wait for the member table's
 * write lock while the migration waits for the completions': a deadlock. (A statement-level UPDATE
 * trigger on "Member" would fire for it on every /done: the tally's are row-level, which it does not fire.)
 */
export const postgresLockMemberSql = `
  WITH "memberTableLock" AS (UPDATE "Member" SET "points" = "points" WHERE false)
  SELECT 1 FROM "Member" WHERE "id" = ? FOR NO KEY UPDATE`;

/**
 * The member's row lock through Prisma (a batch's or an interactive transaction's first statement), as
 * CompletionRepository takes it for /done and /undo: writes of one member's own rows that must read the
 * latest of them run one after the other. In the one lock order (lockCohortRows) it comes after the
 * cohort's and the posts' rows, and /pace, /break and their readers take nothing after it. /done and /undo
 * on PostgreSQL go on to the score tally's rows (its trigger) and then mark the cohort's live board dirty
 * (CompletionRepository's markBoardDirtySql, an UPDATE of "ScheduledPost" rows): member → tally → post.
 * /privacy delete (PrivacyRepository.deleteMember) takes the cohorts' rows, then deletes the members (the
 * tally's rows by trigger) and only then writes the posts' rows, the same member → post order, so a /done
 * by the member or by another member of the cohort waits for it or it for the /done, without a deadlock.
 */
export function lockMemberRow(
  prisma: Pick<PrismaClient, "$executeRawUnsafe" | "$queryRawUnsafe">,
  provider: DatabaseTarget["provider"],
  memberId: number,
) {
  return provider === "sqlite"
    ? prisma.$executeRawUnsafe(lockMemberSql, memberId)
    : prisma.$queryRawUnsafe(numberedPlaceholders(postgresLockMemberSql), memberId);
}
