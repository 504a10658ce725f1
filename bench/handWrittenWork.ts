import type { SqlRunner } from "./SqlRunner.js";
import { allTimeBoard, postgresEpochMillis, scoreBucketWidth, sqliteStreakRowsSql } from "../src/db/repositories/CompletionRepository.js";
import { membershipColumns } from "../src/db/repositories/MemberRepository.js";

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

// What /today and /done start from, with every column of the member and the cohort and the cohort's break
// weeks (the bot builds its Cohort and MemberRecord from them), in the bot's order.
// PostgreSQL: the memberships with the member's plan state (and completions) aggregated beside the one found
// alone, one statement, as the bot's MemberDayRepository reads them (window count, CASE and all).
function postgresLookupSql(withCompletions: boolean): string {
  const onlyOne = (subquery: string) => `CASE WHEN count(*) OVER () = 1 THEN (${subquery}) END`;
  const completions = withCompletions
    ? `, ${onlyOne(`SELECT json_agg(json_build_array(x."itemId", ${postgresEpochMillis(`x."completedAt"`)}, x."points", x."day") ORDER BY x."completedAt")
         FROM "Completion" x WHERE x."memberId" = m."id"`)} AS "completions"`
    : "";
  return `
  SELECT m."id" AS "memberId", m."points" AS "points", c."id" AS "cohortId", ${membershipColumns},
         count(*) OVER () AS "membershipCount",
         (SELECT json_agg(b."week" ORDER BY b."week") FROM "CohortBreak" b WHERE b."cohortId" = c."id") AS "breakWeeks",
         ${onlyOne(`SELECT json_agg(json_build_array(a."id", a."kind", a."appliedOn", a."days", a."itemIds") ORDER BY a."id")
            FROM "MemberAdjustment" a WHERE a."memberId" = m."id"`)} AS "adjustments",
         ${onlyOne(`SELECT json_agg(json_build_array(k."id", k."fromDate", k."toDate") ORDER BY k."id")
            FROM "MemberBreak" k WHERE k."memberId" = m."id"`)} AS "breaks"${completions}
  FROM "Member" m JOIN "Cohort" c ON c."id" = m."cohortId"
  WHERE c."guildId" = ? AND m."userId" = ? AND m."leftAt" IS NULL
  ORDER BY c."createdAt", m."cohortId"`;
}

// SQLite: the memberships, one row per cohort break week, as the bot's activeInGuildSql reads them.
const sqliteLookupSql = `
  SELECT m."id" AS "memberId", m."points" AS "points", c."id" AS "cohortId", ${membershipColumns}, b."week" AS "breakWeek"
  FROM "Member" m JOIN "Cohort" c ON c."id" = m."cohortId"
  LEFT JOIN "CohortBreak" b ON b."cohortId" = c."id"
  WHERE c."guildId" = ? AND m."userId" = ? AND m."leftAt" IS NULL
  ORDER BY c."createdAt", m."cohortId", b."week"`;

const postgresLookupWithCompletionsSql = postgresLookupSql(true);
const postgresLookupWithPlanSql = postgresLookupSql(false);

// SQLite (in process: no round trip to save) reads the plan state and completions by member id after the
// look-up, as the bot does there.
const memberPlanStateSql = `
  SELECT 0 AS "source", "id", "kind", "appliedOn", "days", "itemIds", NULL AS "fromDate", NULL AS "toDate"
  FROM "MemberAdjustment" WHERE "memberId" = ?
  UNION ALL
  SELECT 1 AS "source", "id", NULL, NULL, NULL, NULL, "fromDate", "toDate"
  FROM "MemberBreak" WHERE "memberId" = ?
  ORDER BY "source", "id"`;

// The completions the reply is worked out from. SQLite: the bot's statement (one text value per row, read in
// pluck mode), /done's after its transaction commits, as the bot's hot reader reads it.
// PostgreSQL: the time in epoch milliseconds, as the bot reads it there, /done's last in its transaction.
// ORDER BY the qualified column, not the alias (which would sort on the expression).
const postgresMemberCompletionsSql = `SELECT c."itemId", ${postgresEpochMillis(`c."completedAt"`)} AS "completedAt", c."points", c."day"
  FROM "Completion" c WHERE c."memberId" = ? ORDER BY c."completedAt"`;

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

// Ranks are sums over the board's score buckets and tally (kept by the database's triggers), as the bot
// reads them: the buckets above the points' own, the tally's scores above the points within it, all buckets.
const rankSql = `
  SELECT
    (SELECT COALESCE(SUM("members"), 0) FROM "ScoreBucketTally" WHERE "cohortId" = ? AND "weekNumber" = ? AND "bucket" > ?)
    + (SELECT COALESCE(SUM("members"), 0) FROM "ScoreTally"
       WHERE "cohortId" = ? AND "weekNumber" = ? AND "points" > ? AND "points" < ?) AS "ahead",
    (SELECT COALESCE(SUM("members"), 0) FROM "ScoreBucketTally" WHERE "cohortId" = ? AND "weekNumber" = ?) AS "ranked"`;

function rankParams(cohortId: number, board: number, points: number): number[] {
  const bucket = Math.trunc(points / scoreBucketWidth);
  return [cohortId, board, bucket, cohortId, board, points, (bucket + 1) * scoreBucketWidth, cohortId, board];
}

const topOfWeekSql = `
  SELECT w."memberId", m."userId", m."displayName", w."points", w."reachedAt"
  FROM "WeeklyScore" w JOIN "Member" m ON m."id" = w."memberId"
  WHERE w."cohortId" = ? AND w."weekNumber" = ? AND w."points" > 0 AND m."leftAt" IS NULL
  ORDER BY w."points" DESC, w."reachedAt" ASC, w."memberId" ASC
  LIMIT 10`;

const weekPointsSql = `SELECT "points" FROM "WeeklyScore" WHERE "memberId" = ? AND "weekNumber" = ?`;

async function lookup(sql: SqlRunner, guildId: string, userId: string): Promise<MemberLookup> {
  const [row] = await sql.all<MemberLookup>(memberLookupSql, [guildId, userId]);
  if (row === undefined) throw new Error(`hand-written lookup: user ${userId} is not an active member in guild ${guildId}`);
  return row;
}

/**
 * The member's cohort and membership, plan state and completions: on PostgreSQL one statement (one round
 * trip), on SQLite three, as the bot reads them.
 */
export async function todayWork(sql: SqlRunner, provider: "sqlite" | "postgresql", guildId: string, userId: string): Promise<void> {
  await lookupWithPlan(sql, provider, guildId, userId, true);
}

export interface DoneInput {
  readonly itemId: number;
  readonly completedAt: number;
  readonly weekNumber: number;
  readonly points: number;
  readonly onTime: boolean;
}

/**
 * The look-up with the plan state (one statement on PostgreSQL), then the completion logged, the totals
 * refreshed and (on PostgreSQL) the member's completions read for the reply as one transaction sent together:
 * two round trips on PostgreSQL, as the bot. On SQLite the completions are read after the commit, as the bot.
 */
export async function doneWork(
  sql: SqlRunner,
  provider: "sqlite" | "postgresql",
  guildId: string,
  userId: string,
  done: DoneInput,
): Promise<void> {
  const { memberId, cohortId } = await lookupWithPlan(sql, provider, guildId, userId, false);
  const [inserted] = await sql.together(
    [
      {
        sql: insertCompletionSql,
        params: [memberId, done.itemId, cohortId, sql.timestamp(done.completedAt), done.weekNumber, done.points, sql.boolean(done.onTime)],
      },
      { sql: refreshMemberSql, params: [memberId, memberId, memberId] },
      { sql: refreshWeekSql, params: [memberId, cohortId, done.weekNumber, memberId, done.weekNumber] },
      ...(provider === "postgresql" ? [{ sql: postgresMemberCompletionsSql, params: [memberId] }] : []),
    ],
    { write: true },
  );
  if (provider === "sqlite") await sql.column(sqliteStreakRowsSql, [memberId]);
  // Found only after the message committed (as in the bot, the insert does nothing on a repeat): the totals
  // were recomputed from the same completions, unchanged; the bench's data gives each /done a new item.
  if (inserted?.changes !== 1)
    throw new Error(
      `hand-written /done: item ${done.itemId} was already done by member ${memberId} (nothing inserted; totals recomputed unchanged)`,
    );
}

/** The look-up with the member's plan state, and their completions when asked: what /today and /done start from. */
async function lookupWithPlan(
  sql: SqlRunner,
  provider: "sqlite" | "postgresql",
  guildId: string,
  userId: string,
  withCompletions: boolean,
): Promise<MemberLookup> {
  const byUser = [guildId, userId];
  if (provider === "postgresql") {
    const [member] = await sql.all<MemberLookup>(withCompletions ? postgresLookupWithCompletionsSql : postgresLookupWithPlanSql, byUser);
    if (member === undefined) throw new Error(`hand-written look-up: user ${userId} is not an active member in guild ${guildId}`);
    return member;
  }
  const [member] = await sql.all<MemberLookup>(sqliteLookupSql, byUser);
  if (member === undefined) throw new Error(`hand-written look-up: user ${userId} is not an active member in guild ${guildId}`);
  await sql.all(memberPlanStateSql, [member.memberId, member.memberId]);
  if (withCompletions) await sql.column(sqliteStreakRowsSql, [member.memberId]);
  return member;
}

export async function leaderboardWork(sql: SqlRunner, guildId: string, userId: string, weekNumber: number | null): Promise<void> {
  const member = await lookup(sql, guildId, userId);
  if (weekNumber === null) {
    await sql.all(topAllTimeSql, [member.cohortId]);
    await sql.all(rankSql, rankParams(member.cohortId, allTimeBoard, member.points));
    return;
  }
  await sql.all(topOfWeekSql, [member.cohortId, weekNumber]);
  const [week] = await sql.all<{ points: number }>(weekPointsSql, [member.memberId, weekNumber]);
  await sql.all(rankSql, rankParams(member.cohortId, weekNumber, week?.points ?? 0));
}

// The roster's core by hand, the bot's work without its layers: the zones and
// catch-ups the members stored, then each active member's window of due days
// (join day, extensions, today); one pass over the completions by the usual
// window and a pass of their own for members whose window differs, counting
// the due Required minutes done; the first page by most behind.
const rosterZonesSql = `SELECT DISTINCT "remindTimeZone" FROM "Member" WHERE "cohortId" = ? AND "leftAt" IS NULL AND "remindTimeZone" IS NOT NULL`;

const rosterCatchUpsSql = `
  SELECT a."memberId", a."kind", a."appliedOn", a."days", a."itemIds" FROM "MemberAdjustment" a JOIN "Member" m ON m."id" = a."memberId"
  WHERE m."cohortId" = ? AND m."leftAt" IS NULL
    AND EXISTS (SELECT 1 FROM "MemberAdjustment" c WHERE c."memberId" = m."id" AND c."kind" = 'catch_up')
  ORDER BY a."memberId", a."id"`;

function rosterPageSql(provider: "sqlite" | "postgresql"): string {
  const required =
    provider === "postgresql"
      ? `SELECT (e.value->>0)::int AS "itemId", (e.value->>1)::int AS "minutes", (e.value->>2)::int AS "d0", (e.value->>3)::int AS "d1",
           (e.value->>4)::int AS "d2", (e.value->>5)::int AS "d3", (e.value->>6)::int AS "d4" FROM jsonb_array_elements(CAST(? AS jsonb)) AS e(value)`
      : `SELECT ${["itemId", "minutes", "d0", "d1", "d2", "d3", "d4"].map((name, index) => `CAST(json_extract(e.value, '$[${index}]') AS INTEGER) AS "${name}"`).join(", ")}
         FROM json_each(?) AS e`;
  const joinDay =
    provider === "postgresql" ? `(CAST(m."joinedOn" AS date) - DATE '1970-01-01')` : `CAST(julianday(m."joinedOn") - 2440587.5 AS INTEGER)`;
  const day = `CASE w."x" WHEN 0 THEN r."d0" WHEN 1 THEN r."d1" WHEN 2 THEN r."d2" WHEN 3 THEN r."d3" ELSE r."d4" END`;
  const pass = `FROM "Completion" c LEFT JOIN req r ON r."itemId" = c."itemId" WHERE c."cohortId" = CAST(? AS INTEGER) AND c."memberId" = w."id"`;
  return `
  WITH req AS MATERIALIZED (${required}),
  ext AS (SELECT a."memberId", COUNT(*) AS "n" FROM "MemberAdjustment" a JOIN "Member" m ON m."id" = a."memberId"
    WHERE m."cohortId" = CAST(? AS INTEGER) AND a."kind" = 'extend' GROUP BY a."memberId"),
  mem AS MATERIALIZED (SELECT m."id", m."displayName", COALESCE(${joinDay}, CAST(? AS INTEGER)) AS "j",
      CASE WHEN e."n" > 4 THEN 4 ELSE COALESCE(e."n", 0) END AS "x"
    FROM "Member" m LEFT JOIN ext e ON e."memberId" = m."id" WHERE m."cohortId" = CAST(? AS INTEGER) AND m."leftAt" IS NULL),
  keyed AS MATERIALIZED (SELECT w."j", w."x", COALESCE(MIN(CASE WHEN ${day} >= w."j" THEN r."d0" END), 2147483647) AS "lo",
      COALESCE(MIN(CASE WHEN ${day} >= CAST(? AS INTEGER) THEN r."d0" END), 2147483647) AS "hi",
      SUM(CASE WHEN ${day} >= w."j" AND ${day} < CAST(? AS INTEGER) THEN r."minutes" ELSE 0 END) AS "owed"
    FROM (SELECT DISTINCT "j", "x" FROM mem) w CROSS JOIN req r GROUP BY w."j", w."x"),
  usual AS MATERIALIZED (SELECT COALESCE(MIN(CASE WHEN r."d0" >= CAST(? AS INTEGER) THEN r."d0" END), 2147483647) AS "lo",
      COALESCE(MIN(CASE WHEN r."d0" >= CAST(? AS INTEGER) THEN r."d0" END), 2147483647) AS "hi" FROM req r),
  win AS MATERIALIZED (SELECT mem.*, k."lo", k."hi", k."owed", CASE WHEN k."lo" <> u."lo" OR k."hi" <> u."hi" THEN 1 ELSE 0 END AS "own"
    FROM mem JOIN keyed k ON k."j" = mem."j" AND k."x" = mem."x" CROSS JOIN usual u),
  grouped AS (SELECT c."memberId",
      SUM(CASE WHEN r."d0" >= (SELECT "lo" FROM usual) AND r."d0" < (SELECT "hi" FROM usual) THEN r."minutes" ELSE 0 END) AS "doneMinutes"
    FROM "Completion" c LEFT JOIN req r ON r."itemId" = c."itemId" WHERE c."cohortId" = CAST(? AS INTEGER) GROUP BY c."memberId"),
  done AS MATERIALIZED (SELECT w.*, CASE WHEN w."own" = 1 THEN
      (SELECT SUM(CASE WHEN r."d0" >= w."lo" AND r."d0" < w."hi" THEN r."minutes" ELSE 0 END) ${pass}) END AS "ownMinutes" FROM win w)
  SELECT d."id", d."displayName", d."owed" - COALESCE(CASE WHEN d."own" = 1 THEN d."ownMinutes" ELSE g."doneMinutes" END, 0) AS "behind"
  FROM done d LEFT JOIN grouped g ON g."memberId" = d."id"
  ORDER BY "behind" DESC, LOWER("displayName"), "id" LIMIT 20`;
}

/** What the hand-written roster is given: the plan's side, which the bot keeps cached (its Required items' due days per extension). */
export interface RosterInput {
  readonly cohortId: number;
  /** [itemId, minutes, due day with 0..4 extra weeks…] per Required item, epoch days. */
  readonly required: readonly (readonly number[])[];
  readonly startDay: number;
  readonly today: number;
}

/** `/cohort roster`'s database work: the members' zones and catch-ups, then the first page. */
export async function rosterWork(sql: SqlRunner, provider: "sqlite" | "postgresql", input: RosterInput): Promise<void> {
  await sql.all(rosterZonesSql, [input.cohortId]);
  await sql.all(rosterCatchUpsSql, [input.cohortId]);
  await sql.all(rosterPageSql(provider), [
    JSON.stringify(input.required),
    input.cohortId,
    input.startDay,
    input.cohortId,
    input.today,
    input.today,
    input.startDay,
    input.today,
    input.cohortId,
    input.cohortId,
  ]);
}
