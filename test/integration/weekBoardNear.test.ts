import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRepository } from "../../src/db/repositories/CompletionRepository.js";
import { numberedPlaceholders, type SqlValue } from "../../src/db/SqlReader.js";
import { testCompletionRepository } from "../helpers/testCompletionRepository.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { memberScans } from "../helpers/memberScans.js";
import { sqliteSeekKeys } from "../helpers/sqliteSeekKeys.js";

const week = 3;
const members = 10_000;
const scores = 100;
const early = new Date("2027-03-16T10:00:00Z");
const late = new Date("2027-03-17T10:00:00Z");

/**
 * view:near on a week's board, 100 members on each score (half reached early, half late): the caller's neighbours
 * are those the week's top lists around them, read from short ranges of the week's board index near the caller,
 * never a walk from the board's end to the caller's rank.
 */
describe("a week's view:near in a large cohort with ties", () => {
  let handle: TestDatabaseHandle;
  let completions: CompletionRepository;
  let cohortId: number;
  const sent: { sql: string; params: readonly SqlValue[] }[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase();
    const { prisma } = handle;
    completions = testCompletionRepository(handle, sent);
    const curriculum = await createCurriculumRow(prisma, "week-near", 12);
    cohortId = (await createCohortRow(prisma, curriculum.id)).id;
    const rows = Array.from({ length: members }, (_, i) => ({
      cohortId,
      userId: `m-${i}`,
      displayName: `m-${i}`,
      points: (i % scores) + 1,
    }));
    for (let start = 0; start < rows.length; start += 2_000) await prisma.member.createMany({ data: rows.slice(start, start + 2_000) });
    const ids = await prisma.member.findMany({ where: { cohortId }, select: { id: true, points: true, userId: true } });
    const weekRows = ids.map(({ id, points, userId }) => ({
      memberId: id,
      cohortId,
      weekNumber: week,
      points,
      reachedAt: Number(userId.slice(2)) % 200 < scores ? early : late,
    }));
    for (let start = 0; start < weekRows.length; start += 2_000)
      await prisma.weeklyScore.createMany({ data: weekRows.slice(start, start + 2_000) });
    // Statistics as the bot's databases have them: PostgreSQL's autovacuum gathers them, nothing runs ANALYZE on SQLite's
    // file (with them, SQLite may read another index and sort, which these plans do not pin).
    if (handle.target.provider === "postgresql") await prisma.$executeRawUnsafe("ANALYZE");
  }, 240_000);

  afterAll(async () => handle.closeAndDrop());

  it("shows around a tied caller the members the board lists around them, from short index ranges", async () => {
    const top = await completions.topOfWeek(cohortId, week, 200);
    for (const index of [0, 1, 49, 50, 51, 98, 99, 100, 150]) {
      const caller = top[index];
      if (caller === undefined) throw new Error(`no row ${index}`);
      sent.length = 0;
      const near = await completions.nearOfWeek(
        cohortId,
        week,
        { memberId: caller.memberId, points: caller.points, reachedAt: caller.reachedAt },
        2,
      );
      const names = (rows: readonly { displayName: string }[]) => rows.map((row) => row.displayName);
      expect({ index, above: names(near.above), below: names(near.below) }).toEqual({
        index,
        above: names(top.slice(Math.max(0, index - 2), index)),
        below: names(top.slice(index + 1, index + 3)),
      });
      expect(sent).toHaveLength(2);
      for (const { sql, params } of sent) expect({ index, reads: await unboundedReads(sql, params) }).toEqual({ index, reads: [] });
    }
  });

  /**
   * What of `sql`'s plan reads rows other than a short index range: a scan, a search not bounded on the points or
   * seeking on a points bound other than the caller's (a literal: the board's `points > 0`, from which the read walks
   * up from the board's end), or (PostgreSQL) over 100 rows read.
   */
  async function unboundedReads(sql: string, params: readonly SqlValue[]): Promise<string[]> {
    const scans = await memberScans(handle, sql, params, "w");
    if (handle.target.provider === "sqlite") {
      const plan = await handle.prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
      const seekedFrom = await sqliteSeekKeys(handle, sql, params, "WeeklyScore_cohortId_weekNumber_points_reachedAt_memberId_idx", 2);
      return [
        ...scans,
        ...plan.map((row) => row.detail).filter((detail) => /^SEARCH w\b/.test(detail) && !/points/.test(detail)),
        ...seekedFrom.filter((loader) => loader !== "Variable").map((loader) => `a seek on the points from ${loader}`),
      ];
    }
    const [row] = await handle.prisma.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${numberedPlaceholders(sql)}`,
      ...params,
    );
    const read = rowsRead(row?.["QUERY PLAN"]);
    return read > 100 ? [...scans, `${read} rows read`] : scans;
  }
});

/** How many WeeklyScore and Member rows a PostgreSQL EXPLAIN ANALYZE plan read: returned or filtered out, in every loop. */
function rowsRead(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + rowsRead(child), 0);
  if (node === null || typeof node !== "object") return 0;
  const step = node as Record<string, unknown>;
  const relation = step["Relation Name"];
  const own =
    relation === "Member" || relation === "WeeklyScore"
      ? (Number(step["Actual Rows"] ?? 0) + Number(step["Rows Removed by Filter"] ?? 0)) * Number(step["Actual Loops"] ?? 1)
      : 0;
  return own + Object.values(step).reduce((sum: number, child) => sum + rowsRead(child), 0);
}
