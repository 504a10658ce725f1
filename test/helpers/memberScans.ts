import { numberedPlaceholders, type SqlValue } from "../../src/db/SqlReader.js";
import type { TestDatabaseHandle } from "./openTestDatabase.js";

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
