import type { SqlRunner } from "./SqlRunner.js";

/**
 * The database work of each measured command written by hand, as a baseline
 * for what the bot (Prisma, services, discord.js) adds on top. Each function
 * does what the command needs from the database and nothing else: the
 * curriculum and the cohort plan are cached in the bot, so they are not read
 * here either. Values that are pure computation (week number, points) are
 * passed in, because they are not database work.
 */

interface MemberLookup {
  readonly memberId: number;
  readonly cohortId: number;
  readonly points: number;
}

// The member's cohort in this server and their membership, as the bot's
// CohortService.resolveForMember needs (cohort settings included).
const memberLookupSql = `
  SELECT m."id" AS "memberId", m."points" AS "points", c."id" AS "cohortId", c."status", c."startDate", c."timeZone",
         c."studyDays", c."curriculumId", c."includeOptional"
  FROM "Member" m JOIN "Cohort" c ON c."id" = m."cohortId"
  WHERE c."guildId" = ? AND m."userId" = ? AND m."leftAt" IS NULL`;

const memberItemsSql = `SELECT "itemId" FROM "Completion" WHERE "memberId" = ?`;

const memberCompletionsSql = `SELECT "itemId", "points", "completedAt" FROM "Completion" WHERE "memberId" = ? ORDER BY "completedAt"`;

const insertCompletionSql = `
  INSERT INTO "Completion" ("memberId", "itemId", "cohortId", "completedAt", "weekNumber", "points", "onTime")
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("memberId", "itemId") DO NOTHING`;

// The same recomputation from completions CompletionRepository does, so the
// comparison is about overhead, not about a cheaper algorithm.
const refreshMemberSql = `
  UPDATE "Member" SET
    "points" = COALESCE((SELECT SUM("points") FROM "Completion" WHERE "memberId" = ?), 0),
    "pointsReachedAt" = (SELECT MAX("completedAt") FROM "Completion" WHERE "memberId" = ? AND "points" > 0)
  WHERE "id" = ?`;

const refreshWeekSql = `
  INSERT INTO "WeeklyScore" ("memberId", "cohortId", "weekNumber", "points", "reachedAt")
  SELECT CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER), SUM("points"), MAX("completedAt")
  FROM "Completion" WHERE "memberId" = ? AND "weekNumber" = ? AND "points" > 0
  HAVING COUNT(*) > 0
  ON CONFLICT ("memberId", "weekNumber") DO UPDATE SET "points" = excluded."points", "reachedAt" = excluded."reachedAt"`;

const topAllTimeSql = `
  SELECT "id", "userId", "displayName", "points", "pointsReachedAt" FROM "Member"
  WHERE "cohortId" = ? AND "leftAt" IS NULL AND "points" > 0
  ORDER BY "points" DESC, "pointsReachedAt" ASC, "id" ASC
  LIMIT 10`;

// Ranks are sums over the board's score tally (kept by the database's triggers), as the bot reads them.
const rankAllTimeSql = `
  SELECT SUM(CASE WHEN "points" > ? THEN "members" ELSE 0 END) AS "ahead", SUM("members") AS "ranked" FROM "ScoreTally"
  WHERE "cohortId" = ? AND "weekNumber" = -1`;

const topOfWeekSql = `
  SELECT w."memberId", m."userId", m."displayName", w."points", w."reachedAt"
  FROM "WeeklyScore" w JOIN "Member" m ON m."id" = w."memberId"
  WHERE w."cohortId" = ? AND w."weekNumber" = ? AND w."points" > 0 AND m."leftAt" IS NULL
  ORDER BY w."points" DESC, w."reachedAt" ASC, w."memberId" ASC
  LIMIT 10`;

const weekPointsSql = `SELECT "points" FROM "WeeklyScore" WHERE "memberId" = ? AND "weekNumber" = ?`;

const rankOfWeekSql = `
  SELECT SUM(CASE WHEN "points" > ? THEN "members" ELSE 0 END) AS "ahead", SUM("members") AS "ranked" FROM "ScoreTally"
  WHERE "cohortId" = ? AND "weekNumber" = ?`;

async function lookup(sql: SqlRunner, guildId: string, userId: string): Promise<MemberLookup> {
  const [row] = await sql.all<MemberLookup>(memberLookupSql, [guildId, userId]);
  if (row === undefined) throw new Error(`hand-written lookup: user ${userId} is not an active member in guild ${guildId}`);
  return row;
}

export async function todayWork(sql: SqlRunner, guildId: string, userId: string): Promise<void> {
  const member = await lookup(sql, guildId, userId);
  await sql.all(memberItemsSql, [member.memberId]);
}

export interface DoneInput {
  readonly itemId: number;
  readonly completedAt: number;
  readonly weekNumber: number;
  readonly points: number;
  readonly onTime: boolean;
}

/** Logs the completion, refreshes the totals in one transaction, reads the member's completions for the reply. */
export async function doneWork(sql: SqlRunner, guildId: string, userId: string, done: DoneInput): Promise<void> {
  const member = await lookup(sql, guildId, userId);
  const { memberId, cohortId } = member;
  await sql.transaction(async () => {
    const inserted = await sql.run(insertCompletionSql, [
      memberId,
      done.itemId,
      cohortId,
      sql.timestamp(done.completedAt),
      done.weekNumber,
      done.points,
      sql.boolean(done.onTime),
    ]);
    if (inserted !== 1) throw new Error(`hand-written /done: item ${done.itemId} was already done by member ${memberId}`);
    await sql.run(refreshMemberSql, [memberId, memberId, memberId]);
    await sql.run(refreshWeekSql, [memberId, cohortId, done.weekNumber, memberId, done.weekNumber]);
  });
  await sql.all(memberCompletionsSql, [memberId]);
}

export async function leaderboardWork(sql: SqlRunner, guildId: string, userId: string, weekNumber: number | null): Promise<void> {
  const member = await lookup(sql, guildId, userId);
  if (weekNumber === null) {
    await sql.all(topAllTimeSql, [member.cohortId]);
    await sql.all(rankAllTimeSql, [member.points, member.cohortId]);
    return;
  }
  await sql.all(topOfWeekSql, [member.cohortId, weekNumber]);
  const [week] = await sql.all<{ points: number }>(weekPointsSql, [member.memberId, weekNumber]);
  await sql.all(rankOfWeekSql, [week?.points ?? 0, member.cohortId, weekNumber]);
}

// The roster's core by hand: one pass over the cohort's completions grouped by
// member (due Required items done, last activity), the first page by most behind.
const rosterPageSql = `
  WITH done AS (
    SELECT c."memberId", SUM(CASE WHEN i."kind" = 'Required' AND i."position" <= ? THEN 1 ELSE 0 END) AS "dueDone",
           MAX(c."completedAt") AS "lastAt"
    FROM "Completion" c JOIN "Item" i ON i."id" = c."itemId"
    WHERE c."cohortId" = ? GROUP BY c."memberId")
  SELECT m."id", m."userId", m."displayName", d."dueDone", d."lastAt"
  FROM "Member" m LEFT JOIN done d ON d."memberId" = m."id"
  WHERE m."cohortId" = ? AND m."leftAt" IS NULL
  ORDER BY COALESCE(d."dueDone", 0), m."displayName", m."id" LIMIT 20`;

/** `/cohort roster`'s database work: the admin's cohort, then the first page (`duePosition`: the last due item's position). */
export async function rosterWork(sql: SqlRunner, cohortId: number, duePosition: number): Promise<void> {
  await sql.all(rosterPageSql, [duePosition, cohortId, cohortId]);
}
