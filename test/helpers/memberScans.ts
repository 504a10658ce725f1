import { numberedPlaceholders, type SqlValue } from "../../src/db/SqlReader.js";
import type { TestDatabaseHandle } from "./openTestDatabase.js";
import { sqliteSeekKeys } from "./sqliteSeekKeys.js";

/**
 * The steps of `sql`'s plan that read a cohort's Member rows other than through an index range: a SQLite
 * `SCAN` of the Member table (aliased `alias`), or on PostgreSQL a sequential scan of Member or a Sort of a
 * pass over a cohort's Member rows (all of them read before the first row is returned).
 */
export async function memberScans(handle: TestDatabaseHandle, sql: string, params: readonly SqlValue[], alias = "m"): Promise<string[]> {
  if (handle.target.provider === "sqlite") {
    const plan = await handle.prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
    const scan = new RegExp(`^SCAN (${alias}|"?Member"?)\\b`);
    return plan.map((row) => row.detail).filter((detail) => scan.test(detail));
  }
  const [row] = await handle.prisma.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(
    `EXPLAIN (FORMAT JSON) ${numberedPlaceholders(sql)}`,
    ...params,
  );
  const plan = row?.["QUERY PLAN"];
  return [...seqScansOf(plan).filter((relation) => relation === "Member"), ...cohortSortsOf(plan)];
}

/** A board's index, the alias its table has in the board's reads, and the tables a read of the board reaches. */
export interface BoardIndex {
  readonly index: string;
  readonly alias: string;
  readonly relations: readonly string[];
}

/**
 * What of `sql`'s plan (a view:near read of the board) reads rows other than a short range of the board's index:
 * memberScans', and on SQLite a search on the board's alias not bounded on the points or a seek of the index on a
 * points bound other than the caller's (a literal: the board's `points > 0`, from which the read walks up from the
 * board's end), on PostgreSQL more than 100 rows of the board's relations read.
 */
export async function boardRangeReads(
  handle: TestDatabaseHandle,
  sql: string,
  params: readonly SqlValue[],
  board: BoardIndex,
): Promise<string[]> {
  const scans = await memberScans(handle, sql, params, board.alias);
  if (handle.target.provider === "sqlite") {
    const plan = await handle.prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
    const search = new RegExp(`^SEARCH ${board.alias}\\b`);
    const seekedFrom = await sqliteSeekKeys(handle, sql, params, board.index, 2);
    return [
      ...scans,
      ...plan.map((row) => row.detail).filter((detail) => search.test(detail) && !/points/.test(detail)),
      ...seekedFrom.filter((loader) => loader !== "Variable").map((loader) => `a seek on the points from ${loader}`),
    ];
  }
  const [row] = await handle.prisma.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${numberedPlaceholders(sql)}`,
    ...params,
  );
  const read = rowsRead(row?.["QUERY PLAN"], board.relations);
  return read > 100 ? [...scans, `${read} rows of ${board.relations.join(" and ")} read`] : scans;
}

/** How many rows of `relations` a PostgreSQL EXPLAIN ANALYZE plan read: returned or filtered out, in every loop. */
function rowsRead(node: unknown, relations: readonly string[]): number {
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + rowsRead(child, relations), 0);
  if (node === null || typeof node !== "object") return 0;
  const step = node as Record<string, unknown>;
  const own = relations.includes(String(step["Relation Name"]))
    ? (Number(step["Actual Rows"] ?? 0) + Number(step["Rows Removed by Filter"] ?? 0)) * Number(step["Actual Loops"] ?? 1)
    : 0;
  return own + Object.values(step).reduce((sum: number, child) => sum + rowsRead(child, relations), 0);
}

/** The relations a PostgreSQL JSON plan reads by a sequential scan. */
function seqScansOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(seqScansOf);
  if (node === null || typeof node !== "object") return [];
  const step = node as Record<string, unknown>;
  const own = step["Node Type"] === "Seq Scan" ? [String(step["Relation Name"])] : [];
  return [...own, ...Object.values(step).flatMap(seqScansOf)];
}

/**
 * The Sort steps of a PostgreSQL JSON plan that sort a pass over a cohort's Member rows: all of them read before the
 * first is returned. An Incremental Sort counts too: over an index in another NULL order (the Member board index
 * before all_time_board_nulls_first) it sorts each group of tied points, every tied member, and still returns the
 * top ten. A Limit below the Sort bounds its input, and Member rows reached by id are only the late scorers'.
 */
function cohortSortsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cohortSortsOf);
  if (node === null || typeof node !== "object") return [];
  const step = node as Record<string, unknown>;
  const sort = step["Node Type"] === "Sort" || step["Node Type"] === "Incremental Sort";
  const own = sort && cohortMemberPasses(step["Plans"]) ? [`${String(step["Node Type"])} of a cohort's Member rows`] : [];
  return [...own, ...Object.values(step).flatMap(cohortSortsOf)];
}

/** Whether a plan step below reads Member rows by their cohort (or all of them), not through a Limit. */
function cohortMemberPasses(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(cohortMemberPasses);
  if (node === null || typeof node !== "object") return false;
  const step = node as Record<string, unknown>;
  if (step["Node Type"] === "Limit") return false;
  const readsMember =
    step["Relation Name"] === "Member" && (step["Node Type"] === "Seq Scan" || /cohortId/.test(String(step["Index Cond"])));
  return readsMember || cohortMemberPasses(step["Plans"]);
}
