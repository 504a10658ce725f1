import { BoardVisibility } from "../../domain/privacy/boardPresentation.js";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type { SerialWriteQueue } from "../SerialWriteQueue.js";
import { findInChunks } from "../inChunks.js";
import { numberedPlaceholders, readColumn, type SqlReader, type SqlValue } from "../SqlReader.js";
import { sqliteDateOf } from "../sqliteDateOf.js";
import type { SqliteTransactionRunner, SqlStatement } from "../SqliteTransactionRunner.js";
import type { PostgresTransactionRunner } from "../PostgresTransactionRunner.js";
import { lockMemberSql, postgresLockMemberSql } from "./lockMemberRow.js";
import { markLiveBoardsDirty } from "./markLiveBoardsDirty.js";
import { MembershipGoneError } from "./MembershipGoneError.js";
import { writeForMember } from "./writeForMember.js";

export interface CompletionRecord {
  readonly itemId: number;
  readonly completedAt: Date;
  readonly points: number;
  readonly onTime: boolean;
  readonly weekNumber: number;
  /** The member day it counts for in the streak; null for completions logged before this was stored. */
  readonly day: string | null;
  readonly forYesterday: boolean;
}

/** A completion as /today and /done read it (`streakRowsForMember`). */
export type StreakRow = Pick<CompletionRecord, "itemId" | "completedAt" | "points" | "day">;

/** What record() did: the stored completion, and whether this call created it (false: it was there already). */
export interface RecordedCompletion {
  readonly created: boolean;
  readonly completion: CompletionRecord;
}

export interface NewCompletion {
  readonly memberId: number;
  readonly cohortId: number;
  readonly itemId: number;
  readonly completedAt: Date;
  readonly weekNumber: number;
  readonly points: number;
  readonly onTime: boolean;
  /** Member day it counts for (memberDateOf, or the `when:yesterday` target). */
  readonly day: string;
  readonly forYesterday: boolean;
}

export interface ScoreRow {
  readonly memberId: number;
  readonly userId: string;
  readonly displayName: string;
  readonly points: number;
  readonly reachedAt: Date;
  /** The member's `/privacy leaderboard:` choice and alias: the service applies the privacy rule. */
  readonly boardVisibility: string;
  readonly alias: number | null;
}

/** Where a member stands in board order; the board's neighbours are found around it. */
export interface BoardAnchor {
  readonly memberId: number;
  readonly points: number;
  readonly reachedAt: Date;
}

/** A member's place on a board: their points, how many ranked members scored more, how many are ranked. */
export interface Standing {
  readonly points: number;
  readonly ahead: number;
  readonly ranked: number;
}

/**
 * ScoreTally's weekNumber for the all-time board. Cohort weeks are 1 and up, and 0 for reading logged before
 * the course's first day by earlier versions (on no weekly board, never migrated).
 */
export const allTimeBoard = -1;

/** How many scores one ScoreBucketTally row sums (bucket = points / width); the triggers use the same number. */
export const scoreBucketWidth = 64;

type WeekTopRow = Omit<ScoreRow, "memberId" | "points" | "alias"> & {
  memberId: bigint | number;
  points: bigint | number;
  alias: bigint | number | null;
};

type StandingRow = { points?: bigint | number; ahead?: bigint | number | null; ranked?: bigint | number | null };

// COUNT/SUM come back as bigint on PostgreSQL; SUM is NULL over no rows.
function standingOf(row: StandingRow | undefined): Standing {
  // The first row is always there (an aggregate, or the caller's row); undefined only keeps the types honest.
  return { points: Number(row?.points ?? 0), ahead: Number(row?.ahead ?? 0), ranked: Number(row?.ranked ?? 0) };
}

const completionColumns = {
  itemId: true,
  completedAt: true,
  points: true,
  onTime: true,
  weekNumber: true,
  day: true,
  forYesterday: true,
} as const;

const insertCompletionSql = `
  INSERT INTO "Completion" ("memberId", "itemId", "cohortId", "completedAt", "weekNumber", "points", "onTime", "day", "forYesterday")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("memberId", "itemId") DO NOTHING`;

function insertCompletion(completion: NewCompletion): SqlStatement {
  const { memberId, itemId, cohortId, completedAt, weekNumber, points, onTime, day, forYesterday } = completion;
  return { sql: insertCompletionSql, params: [memberId, itemId, cohortId, completedAt, weekNumber, points, onTime, day, forYesterday] };
}

/** A completion to remove, with the week whose score it leaves. */
interface Removal {
  readonly memberId: number;
  readonly itemId: number;
  readonly cohortId: number;
  readonly weekNumber: number;
  readonly now: Date;
}

const deleteCompletionSql = `DELETE FROM "Completion" WHERE "memberId" = ? AND "itemId" = ?`;

const memberTotalsSql = `
  UPDATE "Member" SET
    "points" = COALESCE((SELECT SUM("points") FROM "Completion" WHERE "memberId" = ?), 0),
    "pointsReachedAt" = (SELECT MAX("completedAt") FROM "Completion" WHERE "memberId" = ? AND "points" > 0)
  WHERE "id" = ?`;
const weeklyScoreSql = `
  INSERT INTO "WeeklyScore" ("memberId", "cohortId", "weekNumber", "points", "reachedAt")
  SELECT ?, ?, ?, SUM("points"), MAX("completedAt")
  FROM "Completion" WHERE "memberId" = ? AND "weekNumber" = ? AND "points" > 0
  HAVING COUNT(*) > 0
  ON CONFLICT ("memberId", "weekNumber") DO UPDATE SET "points" = excluded."points", "reachedAt" = excluded."reachedAt"`;
const emptyWeekSql = `
  DELETE FROM "WeeklyScore" WHERE "memberId" = ? AND "weekNumber" = ?
    AND NOT EXISTS (SELECT 1 FROM "Completion" WHERE "memberId" = ? AND "weekNumber" = ? AND "points" > 0)`;

/**
 * Recomputes the member's totals from their completions in single
 * statements, so concurrent changes can never leave a stale sum behind.
 * Only a removal can leave a week with nothing in it, so only a removal
 * pays for the statement that drops the week's row.
 */
function scoreRefresh(memberId: number, cohortId: number, weekNumber: number, change: "added" | "removed"): SqlStatement[] {
  const refresh = [
    { sql: memberTotalsSql, params: [memberId, memberId, memberId] },
    { sql: weeklyScoreSql, params: [memberId, cohortId, weekNumber, memberId, weekNumber] },
  ];
  if (change === "added") return refresh;
  return [...refresh, { sql: emptyWeekSql, params: [memberId, weekNumber, memberId, weekNumber] }];
}

/**
 * markLiveBoardsDirty's update as the transaction runners send it: SQLite reads true/false as 1/0, its runner
 * binds the date in epoch milliseconds (how the bot stores them), PostgreSQL's as UTC text.
 */
const markBoardDirtySql = `
  UPDATE "ScheduledPost" SET "boardDirty" = true WHERE "cohortId" = ? AND "boardDirty" = false AND "boardLiveUntil" > ?`;

/**
 * The privacy value and the board's length are written into the statements' text, not bound: on
 * PostgreSQL a named statement may be run on a generic plan (one for any values), and one that does
 * not know the value is 'hidden' (rare) or the limit is 10 scanned whole cohorts (a 36 ms week top
 * at 10,000 members, against 1.4 ms with both written in).
 */
const hiddenLiteral = textLiteral(BoardVisibility.Hidden);

/**
 * The columns a board is ordered by: its points, when they were reached (NULL: at no time), the member's id; and,
 * read from the Member board index, `leftAt`, NULL on every row of a board. Ordering by it too changes nothing but
 * lets PostgreSQL walk the index: it does not take `"leftAt" IS NULL` as fixing the column (SQLite does), and sorts
 * the rows (or walks the primary key) rather than read an index whose order starts with it.
 */
interface BoardColumns {
  readonly leftAt?: string;
  readonly points: string;
  readonly reachedAt: string;
  readonly id: string;
  /** The time is never NULL (a week's): no NULLS clause, which PostgreSQL would match against its index's all the same. */
  readonly timeNeverNull?: true;
}

const memberColumns: BoardColumns = { leftAt: `m."leftAt"`, points: `m."points"`, reachedAt: `m."pointsReachedAt"`, id: `m."id"` };
/** A board's rows as the near and course reads name them (the time as "reachedAt"), outside the Member table. */
const rowColumns: BoardColumns = { points: `"points"`, reachedAt: `"reachedAt"`, id: `"id"` };

/**
 * The board's order, `down` from its top or `up` towards it: the one rule every all-time and course read says.
 * Most points first, then who reached them first, then the member's id. A time that is NULL (no points time kept)
 * goes first among its equals on both databases, said in so many words: it is SQLite's default for ASC, but
 * PostgreSQL's is NULLS LAST, and the two would order ties differently. The Member board index is in this order
 * on both (PostgreSQL's made NULLS FIRST by migration all_time_board_nulls_first), so a read in it walks the index.
 */
function boardOrder(columns: BoardColumns, direction: "down" | "up"): Prisma.Sql {
  const { leftAt, points, reachedAt, id, timeNeverNull } = columns;
  // leftAt in each database's default NULL order for its direction: the index's, read forwards or backwards.
  const active = leftAt === undefined ? "" : `${leftAt} ${direction === "down" ? "ASC" : "DESC"}, `;
  const nulls = (where: string) => (timeNeverNull === true ? "" : ` NULLS ${where}`);
  return Prisma.raw(
    direction === "down"
      ? `${active}${points} DESC, ${reachedAt} ASC${nulls("FIRST")}, ${id} ASC`
      : `${active}${points} ASC, ${reachedAt} DESC${nulls("LAST")}, ${id} DESC`,
  );
}

function allTimeTopSql(limit: number): string {
  return `
  SELECT m."id", m."points", m."pointsReachedAt", m."userId", m."displayName", m."boardVisibility", m."alias"
  FROM "Member" m
  WHERE m."cohortId" = ? AND ${rankedMemberSql}
  ORDER BY ${boardOrder(memberColumns, "down").sql}
  LIMIT ${integerLiteral(limit)}`;
}

/**
 * Who may take a place on a board (domain/privacy's isRanked): active, not hidden, not excluded. Hidden and excluded
 * members are left out entirely, so nobody's rank shows a gap that would give them away. `NOT "excluded"`, not
 * `= false`: SQLite (no statistics) takes `cohortId = ? AND excluded = false` on Member(cohortId, excluded) for the
 * few rows it guesses, over the board index, for a range whose board columns are all fixed (view:near's tied rows),
 * and walks every member of the cohort in id order; it cannot read an index by `NOT`, which keeps it off that one.
 */
const listedMemberSql = `m."leftAt" IS NULL AND m."boardVisibility" <> ${hiddenLiteral} AND NOT m."excluded"`;

/** Who takes a place in the all-time ranking: listed, with points. */
const rankedMemberSql = `${listedMemberSql} AND m."points" > 0`;

/**
 * The course's board (the all-time board less the points logged after the course's last week, `lastWeek`) is read
 * in two bounded halves: the members who logged nothing late in the all-time index's order (skipping at most the
 * late scorers), and the late scorers themselves, found on WeeklyScore's board index past the last week. The top
 * grows with the late scorers only; the near read's on-time half walks the members index as nearAllTime does.
 * lateScores leans on the planners' defaults to take WeeklyScore's (cohortId, weekNumber, …) index: the bot never
 * runs ANALYZE, and with SQLite's statistics the planner may scan the whole table for the GROUP BY instead.
 */
function lateScores(cohortId: number, lastWeek: number): Prisma.Sql {
  return Prisma.sql`SELECT "memberId", SUM("points") AS "late" FROM "WeeklyScore"
    WHERE "cohortId" = ${cohortId} AND "weekNumber" > ${lastWeek} GROUP BY "memberId"`;
}

/**
 * The course's rows of listed members who logged nothing late, matching `where` (which says `points > 0` or implies
 * it: see nearRanges), in `order`, the first `limit`.
 */
function onTimeRows(cohortId: number, lastWeek: number, where: Prisma.Sql, order: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`SELECT * FROM (
    SELECT m."id", m."points", m."pointsReachedAt" AS "reachedAt", m."userId", m."displayName", m."boardVisibility", m."alias"
    FROM "Member" m
    WHERE m."cohortId" = ${cohortId} AND ${Prisma.raw(listedMemberSql)} AND ${where}
      AND NOT EXISTS (SELECT 1 FROM "WeeklyScore" w WHERE w."memberId" = m."id" AND w."weekNumber" > ${lastWeek})
    ORDER BY ${order}
    LIMIT ${Prisma.raw(integerLiteral(limit))}) AS "onTime"`;
}

/**
 * The course's rows of ranked late scorers with course points left: their points less the late ones, reached when
 * the last of their reading before the end was logged.
 */
function lateScorerRows(cohortId: number, lastWeek: number): Prisma.Sql {
  return Prisma.sql`SELECT m."id", m."points" - l."late" AS "points",
      (SELECT MAX(w."reachedAt") FROM "WeeklyScore" w WHERE w."memberId" = m."id" AND w."weekNumber" <= ${lastWeek}) AS "reachedAt",
      m."userId", m."displayName", m."boardVisibility", m."alias"
    FROM (${lateScores(cohortId, lastWeek)}) AS l JOIN "Member" m ON m."id" = l."memberId"
    WHERE ${Prisma.raw(rankedMemberSql)} AND m."points" - l."late" > 0`;
}

// The top `limit` taken here must be those courseTopSql's outer order keeps, or a NULL at the cut falls off the board.
const courseOrder = boardOrder(memberColumns, "down");

/**
 * CompletionRepository.courseTop's board: the course's top `limit` in board order. A row reached at no time (NULL)
 * goes first among its equals on both databases (SQLite's default, not PostgreSQL's), as courseScore reads it: the epoch.
 */
function courseTopSql(cohortId: number, lastWeek: number, limit: number): Prisma.Sql {
  return Prisma.sql`SELECT * FROM (
      ${onTimeRows(cohortId, lastWeek, Prisma.sql`m."points" > 0`, courseOrder, limit)}
      UNION ALL
      ${lateScorerRows(cohortId, lastWeek)}
    ) AS "course"
    ORDER BY ${boardOrder(rowColumns, "down")}
    LIMIT ${Prisma.raw(integerLiteral(limit))}`;
}

/**
 * Where the rows `above` or below `anchor` lie on a board, as index ranges: each condition fixes the leading board
 * columns and bounds the next, so each is one range of the board index, read from its near end (together they are
 * the rows before or after the anchor in boardOrder). Not one OR of them: no database ranges over an OR, and
 * reading the index from the board's end to the first match costs as much as the anchor's rank (or the rows below
 * it). Not a row value `(points, time, id) < (…)`: the columns are ordered in mixed directions, and a NULL time
 * compares with nothing. The anchor's epoch time stands for no time (callerScore, courseScore read a NULL so), and
 * a NULL time comes before every time, as boardOrder places it.
 * The ranges keep to the board's rows themselves (points > 0), each with at most one lower bound on the points: the
 * caller's for the rows above. SQLite (without statistics, as the bot's file is) seeks on the first of two lower
 * bounds on one column, so a `points > 0` said beside `points > P` read every row from the board's end up to the
 * caller's; the readers' filters (listedMemberSql) leave the points to these.
 */
function nearRanges(columns: BoardColumns, anchor: BoardAnchor, direction: "above" | "below"): Prisma.Sql[] {
  const { points, reachedAt, memberId } = anchor;
  const [p, r, i] = [columns.points, columns.reachedAt, columns.id].map(Prisma.raw);
  const tied = Prisma.sql`${p} = ${points}`;
  const noTime = reachedAt.getTime() <= 0;
  const sameTime = noTime ? Prisma.sql`${tied} AND ${r} IS NULL` : Prisma.sql`${tied} AND ${r} = ${reachedAt}`;
  const onBoard = (range: Prisma.Sql) => Prisma.sql`${range} AND ${p} > 0`;
  if (direction === "above") {
    const earlier = noTime ? [] : [Prisma.sql`${tied} AND ${r} IS NULL`, Prisma.sql`${tied} AND ${r} < ${reachedAt}`];
    // The caller's points the one lower bound: they are never below 0, so every row above has points.
    return [Prisma.sql`${p} > ${Math.max(points, 0)}`, ...[...earlier, Prisma.sql`${sameTime} AND ${i} < ${memberId}`].map(onBoard)];
  }
  const later = noTime ? Prisma.sql`${tied} AND ${r} IS NOT NULL` : Prisma.sql`${tied} AND ${r} > ${reachedAt}`;
  return [Prisma.sql`${sameTime} AND ${i} > ${memberId}`, later, Prisma.sql`${p} < ${points}`].map(onBoard);
}

/** boardOrder from the anchor outwards: towards the top for the rows above it. */
function nearOrder(columns: BoardColumns, direction: "above" | "below"): Prisma.Sql {
  return boardOrder(columns, direction === "above" ? "up" : "down");
}

/** The rows of nearRanges as one condition, for rows not read through the board index (the late scorers). */
function nearWhere(columns: BoardColumns, anchor: BoardAnchor, direction: "above" | "below"): Prisma.Sql {
  return Prisma.sql`((${Prisma.join(nearRanges(columns, anchor, direction), ") OR (")}))`;
}

/**
 * The `count` ranked members nearest `anchor` on the all-time board, `above` or below it, nearest first: the first
 * `count` of each range of nearRanges (each an index range read from its near end), then the nearest `count` of those.
 */
function nearAllTimeSql(cohortId: number, anchor: BoardAnchor, direction: "above" | "below", count: number): Prisma.Sql {
  const limit = Prisma.raw(integerLiteral(count));
  const ranges = nearRanges(memberColumns, anchor, direction).map(
    (range) => Prisma.sql`SELECT * FROM (
      SELECT m."id", m."points", m."pointsReachedAt" AS "reachedAt", m."userId", m."displayName", m."boardVisibility", m."alias"
      FROM "Member" m
      WHERE m."cohortId" = ${cohortId} AND ${Prisma.raw(listedMemberSql)} AND ${range}
      ORDER BY ${nearOrder(memberColumns, direction)}
      LIMIT ${limit}) AS "range"`,
  );
  return Prisma.sql`SELECT * FROM (${Prisma.join(ranges, " UNION ALL ")}) AS "near"
    ORDER BY ${nearOrder(rowColumns, direction)}
    LIMIT ${limit}`;
}

const weekColumns: BoardColumns = { points: `w."points"`, reachedAt: `w."reachedAt"`, id: `w."memberId"`, timeNeverNull: true };

/**
 * nearAllTimeSql on one week's board: the ranges of its scores' board index (cohortId, weekNumber, points DESC,
 * reachedAt, memberId), each score joined to its member by key until `count` ranked members are found.
 */
function nearWeekSql(cohortId: number, weekNumber: number, anchor: BoardAnchor, direction: "above" | "below", count: number): Prisma.Sql {
  const limit = Prisma.raw(integerLiteral(count));
  const ranges = nearRanges(weekColumns, anchor, direction).map(
    (range) => Prisma.sql`SELECT * FROM (
      SELECT w."memberId" AS "id", w."points", w."reachedAt", m."userId", m."displayName", m."boardVisibility", m."alias"
      FROM "WeeklyScore" w JOIN "Member" m ON m."id" = w."memberId"
      WHERE w."cohortId" = ${cohortId} AND w."weekNumber" = ${weekNumber} AND ${range} AND ${Prisma.raw(listedMemberSql)}
      ORDER BY ${nearOrder(weekColumns, direction)}
      LIMIT ${limit}) AS "range"`,
  );
  return Prisma.sql`SELECT * FROM (${Prisma.join(ranges, " UNION ALL ")}) AS "near"
    ORDER BY ${nearOrder(rowColumns, direction)}
    LIMIT ${limit}`;
}

const plannerFence = integerLiteral(Number.MAX_SAFE_INTEGER);

/**
 * The `count` ranked members nearest `anchor` on the course's board, `above` or below it, nearest first.
 * A LIMIT that never binds fences the late scorers' subquery (PostgreSQL never pushes a filter into one with a
 * LIMIT; `OFFSET 0` alone is not SQLite's syntax): unfenced, PostgreSQL pushes the near filter into it and hash-joins
 * a scan of every cohort's Member rows against the late scores (99,999 rows read for 100 late scorers); fenced, it
 * reaches each late scorer's row by primary key (test/integration/courseNearPlan.test.ts pins this).
 */
function nearCourseSql(cohortId: number, lastWeek: number, anchor: BoardAnchor, direction: "above" | "below", count: number): Prisma.Sql {
  const notSelf = (column: string) => Prisma.sql`${Prisma.raw(column)} <> ${anchor.memberId}`;
  const onTime = nearRanges(memberColumns, anchor, direction).map((range) =>
    onTimeRows(cohortId, lastWeek, Prisma.sql`${notSelf(`m."id"`)} AND ${range}`, nearOrder(memberColumns, direction), count),
  );
  return Prisma.sql`SELECT * FROM (
      ${Prisma.join(onTime, " UNION ALL ")}
      UNION ALL
      SELECT * FROM (${lateScorerRows(cohortId, lastWeek)} LIMIT ${Prisma.raw(plannerFence)}) AS "late"
        WHERE ${notSelf(`"id"`)} AND ${nearWhere(rowColumns, anchor, direction)}
    ) AS "near"
    ORDER BY ${nearOrder(rowColumns, direction)}
    LIMIT ${Prisma.raw(integerLiteral(count))}`;
}

/**
 * What standingOf takes off for the course's board (`lastWeek`: its last week): among the ranked late scorers, those
 * the all-time tally counts above the points but whose course points are not, less those whose course points are
 * (`ahead`), and those left with no course points (`ranked`). Scalar subqueries on "me" (standingOf's points).
 */
function lateCorrection(cohortId: number, lastWeek: number): { ahead: Prisma.Sql; ranked: Prisma.Sql } {
  const from = Prisma.sql`FROM (${lateScores(cohortId, lastWeek)}) AS l JOIN "Member" m ON m."id" = l."memberId"
    WHERE ${Prisma.raw(rankedMemberSql)}`;
  return {
    ahead: Prisma.sql` - (SELECT COALESCE(SUM(CASE WHEN m."points" > "me"."points" THEN 1 ELSE 0 END), 0)
        - COALESCE(SUM(CASE WHEN m."points" - l."late" > "me"."points" AND m."points" - l."late" > 0 THEN 1 ELSE 0 END), 0) ${from})`,
    ranked: Prisma.sql` - (SELECT COALESCE(SUM(CASE WHEN m."points" - l."late" <= 0 THEN 1 ELSE 0 END), 0) ${from})`,
  };
}

/** A DATETIME read by hand-written SQL: a Date already (PostgreSQL, Prisma), or SQLite's stored value. */
function dateOf(value: unknown): Date | null {
  return value instanceof Date ? value : sqliteDateOf(value);
}

function weekTopSql(limit: number): string {
  return `
  SELECT w."memberId", w."points", w."reachedAt", m."userId", m."displayName", m."boardVisibility", m."alias"
  FROM "WeeklyScore" w JOIN "Member" m ON m."id" = w."memberId"
  WHERE w."cohortId" = ? AND w."weekNumber" = ? AND w."points" > 0
    AND m."leftAt" IS NULL AND m."boardVisibility" <> ${hiddenLiteral} AND m."excluded" = false
  ORDER BY w."points" DESC, w."reachedAt" ASC, w."memberId" ASC
  LIMIT ${integerLiteral(limit)}`;
}

/** A constant of the code as an SQL string literal; only plain words, so nothing needs escaping. */
function textLiteral(value: string): string {
  if (!/^[a-z_]+$/.test(value)) throw new Error(`not a plain word: ${value}`);
  return `'${value}'`;
}

function integerLiteral(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`not a row count: ${value}`);
  return String(value);
}

const findOneSql = `
  SELECT "itemId", "completedAt", "points", "onTime", "weekNumber", "day", "forYesterday"
  FROM "Completion" WHERE "memberId" = ? AND "itemId" = ? LIMIT 1`;

/** A member's completions for the streak (`streakRowsForMember`): the member's id. */
export const streakRowsSql = `
  SELECT "itemId", "completedAt", "points", "day" FROM "Completion" WHERE "memberId" = ? ORDER BY "completedAt"`;

/**
 * streakRowsSql on SQLite, each row as one text value, "itemId␟completedAt␟points" and "␟day" when the row has
 * one (␟: the unit separator, char(31), which no time or number holds, where a comma may be a time's fraction
 * mark; streakRowOfText reads it): the statement on every /today and /done, for a member's hundred-odd
 * completions. Why: better-sqlite3 hands every value over through a call into V8, an array per row besides; one
 * value per row took a /today's completions read from about 74 to 51 µs of CPU (in-process, the bench's data).
 */
export const sqliteStreakRowsSql = `
  SELECT "itemId" || char(31) || "completedAt" || char(31) || "points" || coalesce(char(31) || "day", '') AS "row"
  FROM "Completion" WHERE "memberId" = ? ORDER BY "completedAt"`;

/** The unit separator between the fields of a sqliteStreakRowsSql row. */
const fieldSeparator = "\u001f";

/** A member's streak rows on SQLite (sqliteStreakRowsSql), through `reader`. */
export async function readSqliteStreakRows(reader: SqlReader, memberId: number): Promise<StreakRow[]> {
  return (await readColumn(reader, sqliteStreakRowsSql, [memberId])).map((text) => streakRowOfText(text as string));
}

/**
 * A row of sqliteStreakRowsSql. `completedAt` as the hot reader reads a DATETIME (sqliteDateOf): epoch milliseconds,
 * or text written by SQL. `day` is everything after the third separator (null without one), separators included.
 */
export function streakRowOfText(text: string): StreakRow {
  const afterItem = text.indexOf(fieldSeparator);
  const afterInstant = text.indexOf(fieldSeparator, afterItem + 1);
  const afterPoints = text.indexOf(fieldSeparator, afterInstant + 1);
  const end = afterPoints < 0 ? text.length : afterPoints;
  return {
    itemId: integerIn(text, 0, afterItem),
    completedAt: instantIn(text, afterItem + 1, afterInstant),
    points: integerIn(text, afterInstant + 1, end),
    day: afterPoints < 0 ? null : text.slice(afterPoints + 1),
  };
}

/** The integer written in text[from, to), read without a substring per field. */
function integerIn(text: string, from: number, to: number): number {
  const negative = text.charCodeAt(from) === 45; // "-"
  // No digits (empty text written by SQL): NaN, so that an empty time is an Invalid Date, as sqliteDateOf reads it.
  if ((negative ? from + 1 : from) >= to) return Number.NaN;
  let value = 0;
  for (let index = negative ? from + 1 : from; index < to; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number(text.slice(from, to));
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

function instantIn(text: string, from: number, to: number): Date {
  const millis = integerIn(text, from, to);
  // Not digits alone: text written by SQL, read as the hot reader reads it.
  return Number.isNaN(millis) ? (sqliteDateOf(text.slice(from, to)) as Date) : new Date(millis);
}

/**
 * A TIMESTAMP(3) column on PostgreSQL as epoch milliseconds (whole milliseconds, rounded off date_part's
 * float seconds; bigint, so no extra_float_digits setting can shorten it), for the hot reads of a member's
 * hundred-odd completions: the client then reads a number per row instead of a timestamp string the type
 * parser rewrites and Date parses (measured in-process: about a fifth of the client's CPU for /done's
 * completions read). date_part, not EXTRACT: EXTRACT's numeric arithmetic cost the server more.
 */
export function postgresEpochMillis(column: string): string {
  return `CAST(round(date_part('epoch', ${column}) * 1000) AS bigint)`;
}

/**
 * streakRowsSql on PostgreSQL (/done's read in its transaction), `completedAt` in epoch milliseconds
 * (toStreakRow takes them). ORDER BY the qualified column: the bare name would be the output alias,
 * the bigint expression, and PostgreSQL would sort on it instead of reading the index's order.
 */
export const postgresStreakRowsSql = `
  SELECT c."itemId", ${postgresEpochMillis(`c."completedAt"`)} AS "completedAt", c."points", c."day"
  FROM "Completion" c WHERE c."memberId" = ? ORDER BY c."completedAt"`;

/** A completion without a stored member day (logged before completions kept it), with what places it on one. */
export interface UndatedCompletion {
  readonly itemId: number;
  readonly memberId: number;
  readonly completedAt: Date;
  readonly remindTimeZone: string | null;
}

export class CompletionRepository {
  /**
   * `writes` should be the one queue every repository of the process shares (see SerialWriteQueue);
   * `reader`: DatabaseHandle.hotReader; `sqliteTransactions` and `postgresTransactions`: DatabaseHandle's, the
   * one of the database in use (the other null).
   */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: SerialWriteQueue,
    private readonly reader: SqlReader,
    private readonly sqliteTransactions: SqliteTransactionRunner | null,
    private readonly postgresTransactions: PostgresTransactionRunner | null,
  ) {}

  /**
   * The member's completion of the item, or null. Through the hot reader (see SqliteHotReader): a
   * repeated /done reads it. One statement per call (Prisma's findUnique would merge same-tick calls
   * into one query past SQLite's bound-parameter limit in a burst: P2029, prisma/orm#23957).
   */
  private async findOne(memberId: number, itemId: number): Promise<CompletionRecord | null> {
    const [row] = await this.reader.read(findOneSql, [memberId, itemId]);
    if (row === undefined) return null;
    return {
      itemId: Number(row.itemId),
      completedAt: row.completedAt as Date,
      points: Number(row.points),
      onTime: row.onTime === true,
      weekNumber: Number(row.weekNumber),
      day: row.day as string | null,
      forYesterday: row.forYesterday === true,
    };
  }

  /**
   * How many of the cohort's current members completed each item, optionally
   * only completions in [from, before): one grouped query, whose rows are the
   * curriculum's items (never one per completion).
   */
  async countsByItem(cohortId: number, range: { readonly from?: Date; readonly before?: Date } = {}): Promise<Map<number, number>> {
    const rows = await this.prisma.completion.groupBy({
      by: ["itemId"],
      where: {
        cohortId,
        member: { leftAt: null },
        ...(range.from === undefined && range.before === undefined
          ? {}
          : {
              completedAt: {
                ...(range.from === undefined ? {} : { gte: range.from }),
                ...(range.before === undefined ? {} : { lt: range.before }),
              },
            }),
      },
      _count: { _all: true },
    });
    return new Map(rows.map((row) => [row.itemId, row._count._all]));
  }

  /**
   * How many of the cohort's current members completed each item for each of `days` (the member day
   * stored with the completion: `/done when:yesterday`, the 04:00 rollover): one grouped query by day and
   * item, never one row per completion. `loggedFrom`: no completion for the first of `days` was logged
   * earlier (it bounds the index range; the days themselves select the rows, however late they were logged).
   * Completions without a stored day are left out (`undatedLogged` finds them).
   */
  async countsByDayAndItem(cohortId: number, days: readonly string[], loggedFrom: Date): Promise<Map<string, Map<number, number>>> {
    const byDay = new Map<string, Map<number, number>>(days.map((day) => [day, new Map()]));
    if (days.length === 0) return byDay;
    const rows = await this.prisma.completion.groupBy({
      by: ["day", "itemId"],
      where: { cohortId, member: { leftAt: null }, day: { in: [...days] }, completedAt: { gte: loggedFrom } },
      _count: { _all: true },
    });
    for (const row of rows) if (row.day !== null) byDay.get(row.day)?.set(row.itemId, row._count._all);
    return byDay;
  }

  /**
   * How many of the cohort's current members completed each item for a member day before `day` (the stored day,
   * as `countsByDayAndItem` reads it; `undatedLogged` finds those without one): week 1's chart counts the reading
   * logged before the course's first day. `loggedBefore`: none of them was logged later (the caller's bound), so
   * the (cohortId, completedAt) index reads only those days' rows, not every completion of the cohort.
   */
  async countsByItemBeforeDay(cohortId: number, day: string, loggedBefore: Date): Promise<Map<number, number>> {
    const rows = await this.prisma.completion.groupBy({
      by: ["itemId"],
      where: { cohortId, member: { leftAt: null }, day: { lt: day }, completedAt: { lt: loggedBefore } },
      _count: { _all: true },
    });
    return new Map(rows.map((row) => [row.itemId, row._count._all]));
  }

  /**
   * The cohort's current members' completions logged in [from, before) that have no stored member day (logged
   * before completions kept it), with the member's `/remind` zone to place them by: one query. Only rows from
   * before that migration, so few, and none in a cohort that started after it.
   */
  async undatedLogged(cohortId: number, logged: { readonly from: Date; readonly before: Date }): Promise<UndatedCompletion[]> {
    const rows = await this.prisma.completion.findMany({
      where: { cohortId, member: { leftAt: null }, day: null, completedAt: { gte: logged.from, lt: logged.before } },
      select: { itemId: true, memberId: true, completedAt: true, member: { select: { remindTimeZone: true } } },
    });
    return rows.map((row) => ({
      itemId: row.itemId,
      memberId: row.memberId,
      completedAt: row.completedAt,
      remindTimeZone: row.member.remindTimeZone,
    }));
  }

  /**
   * How many of the cohort's current members' completions without a stored day (`undatedLogged`) were logged before
   * `before`, per item: one grouped query, for rows whose member day is surely before a chart's day.
   */
  async undatedCountsByItem(cohortId: number, before: Date): Promise<Map<number, number>> {
    const rows = await this.prisma.completion.groupBy({
      by: ["itemId"],
      where: { cohortId, member: { leftAt: null }, day: null, completedAt: { lt: before } },
      _count: { _all: true },
    });
    return new Map(rows.map((row) => [row.itemId, row._count._all]));
  }

  /**
   * Which active members completed which of `itemIds` ("choose one" tracks, of every slot at once): one grouped query,
   * a row per member and item. With `bounds`, only completions for a member day before `day` (its stored day), of what
   * was logged before `loggedBefore`, or without a stored day logged before `undatedBefore` (`undatedLogged` finds the
   * later ones, placed by the caller).
   */
  async completersOfItems(
    cohortId: number,
    itemIds: readonly number[],
    bounds?: { readonly day: string; readonly loggedBefore: Date; readonly undatedBefore: Date },
  ): Promise<{ memberId: number; itemId: number }[]> {
    if (itemIds.length === 0) return [];
    const dated: Prisma.CompletionWhereInput =
      bounds === undefined
        ? {}
        : {
            OR: [
              { day: { lt: bounds.day }, completedAt: { lt: bounds.loggedBefore } },
              { day: null, completedAt: { lt: bounds.undatedBefore } },
            ],
          };
    // A long course's slots may hold thousands of tracks: slices, each a disjoint set of (member, item) groups.
    const rows = await findInChunks(itemIds, (chunk) =>
      this.prisma.completion.groupBy({
        by: ["memberId", "itemId"],
        where: { cohortId, member: { leftAt: null }, itemId: { in: chunk }, ...dated },
      }),
    );
    return rows.map(({ memberId, itemId }) => ({ memberId, itemId }));
  }

  /**
   * What /today and /done read of a member's completions (done items, points,
   * streak days), oldest first: the columns of the member's covering index, so
   * the rows come from a few index pages instead of one table page each.
   */
  async streakRowsForMember(memberId: number): Promise<StreakRow[]> {
    // Through the hot reader (see SqliteHotReader): on every /today and /done. No PostgreSQL runner means SQLite
    // (the constructor takes DatabaseHandle's, null on SQLite only), in-memory SQLite included, whose
    // sqliteTransactions is null too; as remove() tells the databases apart.
    if (this.postgresTransactions === null) return readSqliteStreakRows(this.reader, memberId);
    return (await this.reader.read(streakRowsSql, [memberId])).map(toStreakRow);
  }

  async listForMember(memberId: number): Promise<CompletionRecord[]> {
    return this.prisma.completion.findMany({
      where: { memberId },
      select: completionColumns,
      orderBy: { completedAt: "asc" },
    });
  }

  /**
   * Logs a completion once: the (member, item) pair is unique in the
   * database, so concurrent or repeated calls record it exactly once.
   * Returns the stored completion and whether this call created it.
   */
  async record(completion: NewCompletion): Promise<RecordedCompletion> {
    const { created, completion: stored } = await this.writeCompletion(completion, false);
    return { created, completion: stored };
  }

  /**
   * record(), then the member's streak rows as the completion left them (what /done answers with). On
   * PostgreSQL the read is the last statement of the completion's own transaction: one round trip.
   */
  async recordAndReadStreak(completion: NewCompletion): Promise<RecordedCompletion & { readonly streak: StreakRow[] }> {
    const { created, completion: stored, streak } = await this.writeCompletion(completion, true);
    return { created, completion: stored, streak: streak ?? (await this.streakRowsForMember(completion.memberId)) };
  }

  /** The streak rows when asked for and read in the transaction (PostgreSQL), else null. */
  private async writeCompletion(
    completion: NewCompletion,
    readStreak: boolean,
  ): Promise<RecordedCompletion & { readonly streak: StreakRow[] | null }> {
    return this.writes.run(async () => {
      // One transaction: the completion and the member's totals change together or not at all.
      // INSERT … ON CONFLICT DO NOTHING rather than create(): a repeat (a double click, a second /done)
      // then changes nothing instead of failing and rolling the batch back, and needs no look-up first.
      const insert = insertCompletion(completion);
      const refresh = scoreRefresh(completion.memberId, completion.cohortId, completion.weekNumber, "added");
      const { inserted, streak } = await writeForMember(this.prisma, completion.memberId, () =>
        this.sqliteTransactions !== null
          ? { inserted: this.recordOnSqlite(this.sqliteTransactions, [insert, ...refresh], completion), streak: null }
          : this.recordOnPostgres(insert, refresh, completion, readStreak),
      );
      if (inserted > 0) {
        const { itemId, completedAt, points, onTime, weekNumber, day, forYesterday } = completion;
        return { created: true, completion: { itemId, completedAt, points, onTime, weekNumber, day, forYesterday }, streak };
      }
      const existing = await this.findOne(completion.memberId, completion.itemId);
      if (existing === null) throw new Error(`completion of item ${completion.itemId} by member ${completion.memberId} vanished`);
      return { created: false, completion: existing, streak };
    });
  }

  /**
   * Removes a completion and its points; null when there was none. `now` decides which live board changes. The
   * membership deleted since the completion was read (`/privacy delete` committed in between, taking the completion
   * with it) is a MembershipGoneError: not a completion that was never there.
   */
  async remove(memberId: number, itemId: number, cohortId: number, now: Date): Promise<CompletionRecord | null> {
    const existing = await this.findOne(memberId, itemId);
    if (existing === null) {
      // The deletion may have committed before this read, after the request's read of the membership.
      if ((await this.prisma.member.count({ where: { id: memberId } })) === 0) throw new MembershipGoneError(memberId);
      return null;
    }
    const removal = { memberId, itemId, cohortId, weekNumber: existing.weekNumber, now };
    return this.writes.run(async () => {
      const deleted =
        this.postgresTransactions === null
          ? await this.removeThroughPrisma(removal)
          : await this.removeOnPostgres(this.postgresTransactions, removal);
      if (deleted > 0) return existing;
      // Read in the same turn of the write queue as the deletion.
      if ((await this.prisma.member.count({ where: { id: memberId } })) === 0) throw new MembershipGoneError(memberId);
      return null;
    });
  }

  /** remove()'s batch transaction on SQLite: the lock, the deletion, the totals, the board flag. The rows deleted. */
  private async removeThroughPrisma({ memberId, itemId, cohortId, weekNumber, now }: Removal): Promise<number> {
    const [, deleted] = await this.prisma.$transaction([
      this.lockMember(memberId),
      this.prisma.completion.deleteMany({ where: { memberId, itemId } }),
      ...scoreRefresh(memberId, cohortId, weekNumber, "removed").map((statement) => this.executeThroughPrisma(statement)),
      markLiveBoardsDirty(this.prisma, { cohortId }, now),
    ]);
    return deleted.count;
  }

  /** The same statements in the same order (the lock order record() takes too), in one round trip (see PostgresTransactionRunner). */
  private async removeOnPostgres(transactions: PostgresTransactionRunner, removal: Removal): Promise<number> {
    const { memberId, itemId, cohortId, weekNumber, now } = removal;
    const [, deleted] = await transactions.run([
      { sql: postgresLockMemberSql, params: [memberId] },
      { sql: deleteCompletionSql, params: [memberId, itemId] },
      ...scoreRefresh(memberId, cohortId, weekNumber, "removed"),
      { sql: markBoardDirtySql, params: [cohortId, now] },
    ]);
    return deleted?.changes ?? 0;
  }

  /**
   * Takes the member row's write lock first, so two processes changing the
   * same member's completions at once (PostgreSQL, read committed) cannot both
   * compute their sums from a snapshot missing the other's row. Only remove()'s
   * SQLite batch uses it, where transactions are serialised anyway and it is a
   * no-op write; PostgreSQL's runners send postgresLockMemberSql.
   */
  private lockMember(memberId: number) {
    return this.executeThroughPrisma({ sql: lockMemberSql, params: [memberId] });
  }

  /**
   * SQLite: the completion's statements in one synchronous transaction on the adapter's connection,
   * without Prisma (see SqliteTransactionRunner; BEGIN IMMEDIATE stands for the member lock). The rows
   * the insert added.
   */
  private recordOnSqlite(transactions: SqliteTransactionRunner, statements: readonly SqlStatement[], completion: NewCompletion): number {
    const changes = transactions.run([...statements, { sql: markBoardDirtySql, params: [completion.cohortId, completion.completedAt] }]);
    return changes[0] ?? 0;
  }

  /**
   * PostgreSQL: one batch transaction, its statements in the order every other writer of these rows
   * takes their locks (remove(), a member leaving): the member, the completion, the member's totals
   * (whose trigger updates the all-time tally), the weekly score (the week's tally), the live board
   * flag. Each is its own statement: PostgreSQL runs the data-modifying parts of one WITH statement in
   * no set order, so folding them into one could take those locks in another order and deadlock with
   * an /undo. Each statement reads the completions as the insert left them (a new snapshot, after the
   * lock). The rows the insert added and, when `readStreak`, the member's streak rows after it.
   */
  private async recordOnPostgres(
    insert: SqlStatement,
    refresh: readonly SqlStatement[],
    completion: NewCompletion,
    readStreak: boolean,
  ): Promise<{ inserted: number; streak: StreakRow[] | null }> {
    if (this.postgresTransactions === null) throw new Error("CompletionRepository needs DatabaseHandle.postgresTransactions on PostgreSQL");
    // One round trip (see PostgresTransactionRunner); the streak read last, under the member lock, sees the insert.
    const results = await this.postgresTransactions.run([
      { sql: postgresLockMemberSql, params: [completion.memberId] },
      insert,
      ...refresh,
      { sql: markBoardDirtySql, params: [completion.cohortId, completion.completedAt] },
      ...(readStreak ? [{ sql: postgresStreakRowsSql, params: [completion.memberId] }] : []),
    ]);
    const streakRows = readStreak ? results.at(-1)?.rows : undefined;
    return { inserted: results[1]?.changes ?? 0, streak: streakRows === undefined ? null : streakRows.map(toStreakRow) };
  }

  private executeThroughPrisma({ sql, params }: SqlStatement) {
    return this.prisma.$executeRawUnsafe(this.sqliteTransactions === null ? numberedPlaceholders(sql) : sql, ...params);
  }

  /**
   * Top of the all-time board in board order (rankStandings' order): points, then
   * who reached them first, then member id; active members only.
   */
  async topAllTime(cohortId: number, limit: number): Promise<ScoreRow[]> {
    // Through the hot reader (see standingOf).
    const rows = await this.reader.read(allTimeTopSql(limit), [cohortId]);
    return rows.map((row) =>
      toAllTimeRow({
        id: Number(row.id),
        points: Number(row.points),
        pointsReachedAt: row.pointsReachedAt as Date | null,
        userId: row.userId as string,
        displayName: row.displayName as string,
        boardVisibility: row.boardVisibility as string,
        alias: row.alias === null || row.alias === undefined ? null : Number(row.alias),
      }),
    );
  }

  /**
   * The course's all-time board (`lastWeek`: its last calendar week): the top `limit` ranked members by their points
   * less those logged after the last week, those with late points placed where they reached their points before
   * (epoch when never). Null when nobody logged points after the last week (the all-time board is the course's).
   * Worked out in SQL (one existence check, one ordered read of `limit` rows), as CohortRepository.saveFinalBoard
   * keeps it: nothing per member here. How many are left with no points is courseStanding's (its `ranked`).
   */
  async courseTop(cohortId: number, lastWeek: number, limit: number): Promise<ScoreRow[] | null> {
    const anyLate = await this.reader.read(
      `SELECT 1 AS "late" WHERE EXISTS (SELECT 1 FROM "WeeklyScore" WHERE "cohortId" = ? AND "weekNumber" > CAST(? AS INTEGER))`,
      [cohortId, lastWeek],
    );
    if (anyLate.length === 0) return null;
    return (await this.readSql(courseTopSql(cohortId, lastWeek, limit))).map(toSqlBoardRow);
  }

  /**
   * The member's points on the course's board (`lastWeek`: its last week): their points less those logged after
   * it, reached when the last of the rest was logged (the epoch when none): one statement on the member's own rows.
   */
  async courseScore(memberId: number, lastWeek: number): Promise<BoardAnchor> {
    const [row] = await this.readSql(Prisma.sql`
      SELECT m."points" - COALESCE(l."late", 0) AS "points",
        CASE WHEN l."late" IS NULL THEN m."pointsReachedAt" ELSE (SELECT MAX(w."reachedAt") FROM "WeeklyScore" w
          WHERE w."memberId" = m."id" AND w."weekNumber" <= ${lastWeek}) END AS "reachedAt"
      FROM "Member" m LEFT JOIN (SELECT "memberId", SUM("points") AS "late" FROM "WeeklyScore"
        WHERE "memberId" = ${memberId} AND "weekNumber" > ${lastWeek} GROUP BY "memberId") AS l ON l."memberId" = m."id"
      WHERE m."id" = ${memberId}`);
    return { memberId, points: Number(row?.points ?? 0), reachedAt: dateOf(row?.reachedAt) ?? new Date(0) };
  }

  /** standing() on the course's board (`lastWeek`: its last week): points logged after it move no rank. */
  async courseStanding(cohortId: number, lastWeek: number, points: number): Promise<Standing> {
    return this.standingOf(cohortId, null, Prisma.sql`${points}`, lateCorrection(cohortId, lastWeek));
  }

  /** nearAllTime on the course's board: the anchor's course points (courseScore), late points left out of everyone's. */
  async nearCourse(
    cohortId: number,
    lastWeek: number,
    anchor: BoardAnchor,
    count: number,
  ): Promise<{ above: ScoreRow[]; below: ScoreRow[] }> {
    const [above, below] = await Promise.all([
      this.readSql(nearCourseSql(cohortId, lastWeek, anchor, "above", count)),
      this.readSql(nearCourseSql(cohortId, lastWeek, anchor, "below", count)),
    ]);
    return { above: above.map(toSqlBoardRow).reverse(), below: below.map(toSqlBoardRow) };
  }

  private readSql(statement: Prisma.Sql): Promise<Record<string, unknown>[]> {
    return this.reader.read(statement.sql, statement.values as SqlValue[]);
  }

  /**
   * The ranked members just above and just below `anchor` on the all-time board (the anchor's own
   * row excluded), each list in board order: a few short index ranges (nearAllTimeSql), whatever the rank or the cohort's size.
   */
  async nearAllTime(cohortId: number, anchor: BoardAnchor, count: number): Promise<{ above: ScoreRow[]; below: ScoreRow[] }> {
    const [above, below] = await Promise.all([
      this.readSql(nearAllTimeSql(cohortId, anchor, "above", count)),
      this.readSql(nearAllTimeSql(cohortId, anchor, "below", count)),
    ]);
    return { above: above.map(toSqlBoardRow).reverse(), below: below.map(toSqlBoardRow) };
  }

  /** nearAllTime for one week's board. */
  async nearOfWeek(
    cohortId: number,
    weekNumber: number,
    anchor: BoardAnchor,
    count: number,
  ): Promise<{ above: ScoreRow[]; below: ScoreRow[] }> {
    const [above, below] = await Promise.all([
      this.readSql(nearWeekSql(cohortId, weekNumber, anchor, "above", count)),
      this.readSql(nearWeekSql(cohortId, weekNumber, anchor, "below", count)),
    ]);
    return { above: above.map(toSqlBoardRow).reverse(), below: below.map(toSqlBoardRow) };
  }

  /** Top of one week's board, in the same order as topAllTime. */
  async topOfWeek(cohortId: number, weekNumber: number, limit: number): Promise<ScoreRow[]> {
    // One joined statement: Prisma reads a nested `select` of the member with a second statement.
    // The week's scores come in index order (cohortId, weekNumber, points DESC, reachedAt, memberId),
    // each joined to its member by key, until ten ranked members are found.
    // Through the hot reader (see standingOf).
    const rows = (await this.reader.read(weekTopSql(limit), [cohortId, weekNumber])) as WeekTopRow[];
    return rows.map((row) => ({
      memberId: Number(row.memberId),
      userId: row.userId,
      displayName: row.displayName,
      points: Number(row.points),
      reachedAt: row.reachedAt,
      boardVisibility: row.boardVisibility,
      alias: row.alias === null ? null : Number(row.alias),
    }));
  }

  async weekPoints(memberId: number, weekNumber: number): Promise<number> {
    return (await this.weekScore(memberId, weekNumber)).points;
  }

  /** The member's points in one week and when they reached them (the epoch when they have none). */
  async weekScore(memberId: number, weekNumber: number): Promise<{ points: number; reachedAt: Date }> {
    const row = await this.prisma.weeklyScore.findFirst({ where: { memberId, weekNumber }, select: { points: true, reachedAt: true } });
    return { points: row?.points ?? 0, reachedAt: row?.reachedAt ?? new Date(0) };
  }

  /**
   * Where `points` stands on a board (`weekNumber` null = all time): how many ranked (active, not
   * hidden or excluded, points > 0) members scored strictly more (the rank is domain/scoring's
   * competitionRank of it) and how many are ranked. Read from ScoreTally and ScoreBucketTally, which
   * the database keeps per (board, score) and per (board, run of 64 scores) with triggers for active
   * members: the cost is the board's buckets plus at most 63 scores (about 130 rows for 4,000 distinct
   * all-time scores at 100,000 members), not its members or every score; the few active members taken
   * off the boards by privacy (hidden or excluded) are then subtracted, found through their own indexes.
   */
  async standing(cohortId: number, weekNumber: number | null, points: number): Promise<Standing> {
    return this.standingOf(cohortId, weekNumber, Prisma.sql`${points}`);
  }

  /**
   * standing() of a member's own points on the board, read in the same statement (their member row's
   * points, or their week score): one round trip for the caller's points and rank.
   */
  async memberStanding(cohortId: number, weekNumber: number | null, memberId: number): Promise<Standing> {
    const points =
      weekNumber === null
        ? Prisma.sql`(SELECT COALESCE(MAX("points"), 0) FROM "Member" WHERE "id" = ${memberId})`
        : Prisma.sql`(SELECT COALESCE(MAX("points"), 0) FROM "WeeklyScore" WHERE "memberId" = ${memberId} AND "weekNumber" = ${weekNumber})`;
    return this.standingOf(cohortId, weekNumber, points);
  }

  /**
   * One statement, one round trip: `points` (a value or a scalar subquery), the tally's sums (members in
   * the buckets above the points' bucket, in the tally rows above the points within it, then all), each
   * off-board member's taken off. The bucket of a negative value rounds towards zero; the bounds still
   * hold (every tally row's points are above it).
   */
  private async standingOf(
    cohortId: number,
    weekNumber: number | null,
    points: Prisma.Sql,
    late: { ahead: Prisma.Sql; ranked: Prisma.Sql } = { ahead: Prisma.empty, ranked: Prisma.empty },
  ): Promise<Standing> {
    const board = weekNumber ?? allTimeBoard;
    const width = Prisma.raw(String(scoreBucketWidth));
    // Through the hot reader: on PostgreSQL a named statement, planned once per connection (see PostgresHotReader).
    const statement = Prisma.sql`
      SELECT "me"."points" AS "points",
        CAST((SELECT COALESCE(SUM("members"), 0) FROM "ScoreBucketTally"
              WHERE "cohortId" = ${cohortId} AND "weekNumber" = ${board} AND "bucket" > "me"."bucket")
          + (SELECT COALESCE(SUM("members"), 0) FROM "ScoreTally"
              WHERE "cohortId" = ${cohortId} AND "weekNumber" = ${board}
                AND "points" > "me"."points" AND "points" < ("me"."bucket" + 1) * ${width})
          - "off"."ahead"${late.ahead} AS BIGINT) AS "ahead",
        CAST((SELECT COALESCE(SUM("members"), 0) FROM "ScoreBucketTally"
              WHERE "cohortId" = ${cohortId} AND "weekNumber" = ${board}) - "off"."ranked"${late.ranked} AS BIGINT) AS "ranked"
      FROM (SELECT "value" AS "points", "value" / ${width} AS "bucket"
            FROM (SELECT CAST(${points} AS INTEGER) AS "value") AS "given") AS "me",
        (${this.offBoard(cohortId, weekNumber, points)}) AS "off"`;
    const [row] = (await this.reader.read(statement.sql, statement.values as SqlValue[])) as StandingRow[];
    return standingOf(row);
  }

  /**
   * Active members with points whom privacy keeps off the boards: counted in ScoreTally, not ranked.
   * The WHERE clauses hold the cohort and the privacy marks only, each half on its own index
   * (hidden members, then excluded ones not hidden): with "leftAt" and "points" there too, SQLite
   * chose the cohort's points index and read every member (0.3–0.5 s at 100,000 members).
   */
  private offBoard(cohortId: number, weekNumber: number | null, points: Prisma.Sql): Prisma.Sql {
    // Written in, not bound (see hiddenLiteral).
    const hidden = Prisma.raw(hiddenLiteral);
    return weekNumber === null
      ? Prisma.sql`
          SELECT COALESCE(SUM("ahead"), 0) AS "ahead", COALESCE(SUM("ranked"), 0) AS "ranked" FROM (
            SELECT SUM(CASE WHEN "leftAt" IS NULL AND "points" > ${points} AND "points" > 0 THEN 1 ELSE 0 END) AS "ahead",
              SUM(CASE WHEN "leftAt" IS NULL AND "points" > 0 THEN 1 ELSE 0 END) AS "ranked"
            FROM "Member" WHERE "cohortId" = ${cohortId} AND "boardVisibility" = ${hidden}
            UNION ALL
            SELECT SUM(CASE WHEN "leftAt" IS NULL AND "points" > ${points} AND "points" > 0 THEN 1 ELSE 0 END),
              SUM(CASE WHEN "leftAt" IS NULL AND "points" > 0 THEN 1 ELSE 0 END)
            FROM "Member" WHERE "cohortId" = ${cohortId} AND "excluded" = true AND "boardVisibility" <> ${hidden}
          ) AS "offRows"`
      : Prisma.sql`
          SELECT COALESCE(SUM("ahead"), 0) AS "ahead", COALESCE(SUM("ranked"), 0) AS "ranked" FROM (
            SELECT SUM(CASE WHEN m."leftAt" IS NULL AND w."points" > ${points} AND w."points" > 0 THEN 1 ELSE 0 END) AS "ahead",
              SUM(CASE WHEN m."leftAt" IS NULL AND w."points" > 0 THEN 1 ELSE 0 END) AS "ranked"
            FROM "Member" m JOIN "WeeklyScore" w ON w."memberId" = m."id" AND w."weekNumber" = ${weekNumber}
            WHERE m."cohortId" = ${cohortId} AND m."boardVisibility" = ${hidden}
            UNION ALL
            SELECT SUM(CASE WHEN m."leftAt" IS NULL AND w."points" > ${points} AND w."points" > 0 THEN 1 ELSE 0 END),
              SUM(CASE WHEN m."leftAt" IS NULL AND w."points" > 0 THEN 1 ELSE 0 END)
            FROM "Member" m JOIN "WeeklyScore" w ON w."memberId" = m."id" AND w."weekNumber" = ${weekNumber}
            WHERE m."cohortId" = ${cohortId} AND m."excluded" = true AND m."boardVisibility" <> ${hidden}
          ) AS "offRows"`;
  }
}

/**
 * A row of the member's completions (`itemId`, `completedAt`, `points`, `day`) as a StreakRow. A row
 * that has a StreakRow's types already (the SQLite hot reader's) is one, as it is: no copy for each
 * of a member's completions on every /today and /done. `completedAt` a Date, or epoch milliseconds
 * as a bigint (postgresEpochMillis).
 */
export function toStreakRow(row: Record<string, unknown>): StreakRow {
  if (isStreakRow(row)) return row;
  const { completedAt } = row;
  return {
    itemId: Number(row.itemId),
    completedAt: typeof completedAt === "bigint" ? new Date(Number(completedAt)) : (completedAt as Date),
    points: Number(row.points),
    day: row.day as string,
  };
}

function isStreakRow(row: Record<string, unknown>): row is Record<string, unknown> & StreakRow {
  return (
    typeof row.itemId === "number" &&
    typeof row.points === "number" &&
    row.completedAt instanceof Date &&
    (row.day === null || typeof row.day === "string")
  );
}

function toAllTimeRow(row: {
  id: number;
  points: number;
  pointsReachedAt: Date | null;
  userId: string;
  displayName: string;
  boardVisibility: string;
  alias: number | null;
}): ScoreRow {
  return {
    memberId: row.id,
    userId: row.userId,
    displayName: row.displayName,
    points: row.points,
    reachedAt: row.pointsReachedAt ?? new Date(0),
    boardVisibility: row.boardVisibility,
    alias: row.alias,
  };
}

/** A board row read by hand (courseTopSql, nearCourseSql, nearAllTimeSql): computed or renamed columns. */
function toSqlBoardRow(row: Record<string, unknown>): ScoreRow {
  return toAllTimeRow({
    id: Number(row.id),
    points: Number(row.points),
    pointsReachedAt: dateOf(row.reachedAt),
    userId: row.userId as string,
    displayName: row.displayName as string,
    boardVisibility: row.boardVisibility as string,
    alias: row.alias === null || row.alias === undefined ? null : Number(row.alias),
  });
}
