import type { PrismaClient } from "../../generated/prisma/client.js";
import type { DatabaseTarget } from "../parseDatabaseUrl.js";

/** Which cohorts' rows a transaction locks first (lockCohortRows). */
export type CohortRowsToLock =
  | { readonly cohortId: number }
  | { readonly cohortOfPost: number }
  | { readonly namingUser: { readonly guildId: string; readonly userId: string } };

/**
 * The one lock order of writes that touch a cohort, its posts and its members: the cohort's row first, then
 * its posts' rows, then its members' rows. A transaction that writes a post or member row and may also write
 * (or wait for) its cohort's row puts these statements first, so it never holds a post or member row while
 * waiting for a cohort that another transaction holds while waiting for that post or member.
 * (PrivacyRepository.deleteMember, holding its cohorts' rows, writes the members before the posts, the order
 * of a /done that takes no cohort row: the writes that take the cohort's row first wait for it all the same.)
 *
 * On PostgreSQL: `SELECT … FOR NO KEY UPDATE`, the row lock an update of the cohort takes; it writes no row
 * version and, unlike `FOR UPDATE`, does not hold up a member's join or a post's claim, whose foreign-key
 * checks only share the row's key. Several cohorts are locked in the order of their ids (the rows are locked
 * as the sorted rows come out), so two such transactions take them in the same order. Under READ COMMITTED a
 * transaction that waited then reads what the other committed.
 *
 * On SQLite nothing: a transaction takes the file's write lock at its first write and holds it to its commit,
 * so no other write comes between its statements. The caller keeps its first statement a write where it must
 * read the latest data (see LiveBoardRepository.attach).
 */
export function lockCohortRows(prisma: Pick<PrismaClient, "$queryRaw">, provider: DatabaseTarget["provider"], rows: CohortRowsToLock) {
  if (provider === "sqlite") return [];
  if ("cohortId" in rows) return [prisma.$queryRaw`SELECT 1 FROM "Cohort" WHERE "id" = ${rows.cohortId} FOR NO KEY UPDATE`];
  if ("cohortOfPost" in rows)
    return [
      prisma.$queryRaw`SELECT 1 FROM "Cohort"
        WHERE "id" = (SELECT "cohortId" FROM "ScheduledPost" WHERE "id" = ${rows.cohortOfPost}) FOR NO KEY UPDATE`,
    ];
  const { guildId, userId } = rows.namingUser;
  // Read when the statement runs (not before the transaction): a membership joined meanwhile is locked too.
  return [
    prisma.$queryRaw`SELECT 1 FROM "Cohort" WHERE "guildId" = ${guildId}
      AND ("createdBy" = ${userId} OR "id" IN (SELECT "cohortId" FROM "Member" WHERE "userId" = ${userId}))
      ORDER BY "id" FOR NO KEY UPDATE`,
  ];
}
