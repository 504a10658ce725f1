import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRepository } from "../../src/db/repositories/CompletionRepository.js";
import { numberedPlaceholders, type SqlValue } from "../../src/db/SqlReader.js";
import { testCompletionRepository } from "../helpers/testCompletionRepository.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { memberScans } from "../helpers/memberScans.js";
import { sqliteSeekKeys } from "../helpers/sqliteSeekKeys.js";

const members = 20_000;
const scores = 200;
const reached = new Date("2027-03-02T10:00:00Z");

/**
 * The all-time top and view:near in a large cohort, 100 members on each score, a fourth of them reached at no time:
 * each read walks the board index from where its rows are, never the cohort (a sort of every tied member, or every
 * row from the board's end to the caller's rank).
 */
describe("the all-time board's reads in a large cohort with ties", () => {
  let handle: TestDatabaseHandle;
  let completions: CompletionRepository;
  let cohortId: number;
  const sent: { sql: string; params: readonly SqlValue[] }[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase();
    const { prisma } = handle;
    completions = testCompletionRepository(handle, sent);
    const curriculum = await createCurriculumRow(prisma, "board-plan", 12);
    cohortId = (await createCohortRow(prisma, curriculum.id)).id;
    const rows = Array.from({ length: members }, (_, i) => ({
      cohortId,
      userId: `m-${i}`,
      displayName: `m-${i}`,
      points: (i % scores) + 1,
      pointsReachedAt: Math.floor(i / scores) % 4 === 0 ? null : reached,
    }));
    for (let start = 0; start < rows.length; start += 2_000) await prisma.member.createMany({ data: rows.slice(start, start + 2_000) });
    // Statistics as the bot's databases have them: PostgreSQL's autovacuum gathers them, nothing runs ANALYZE on SQLite's
    // file (with them, SQLite may read another index and sort, which these plans do not pin).
    if (handle.target.provider === "postgresql") await prisma.$executeRawUnsafe("ANALYZE");
  }, 240_000);

  afterAll(async () => handle.closeAndDrop());

  it("reads the top ten from the head of the board index", async () => {
    sent.length = 0;
    const top = await completions.topAllTime(cohortId, 10);
    // Score 200: members 199, 399, …; those reached at no time (199, 999, …: 25 of them) first.
    expect(top.map((row) => [row.points, row.reachedAt.getTime()])).toEqual(Array(10).fill([scores, 0]));
    expect(top[0]?.displayName).toBe("m-199");
    for (const { sql, params } of sent) expect(await unboundedReads(sql, params, false)).toEqual([]);
    if (handle.target.provider === "postgresql") {
      // The board's NULL order, which Prisma's schema cannot say: only migration all_time_board_nulls_first gives it.
      const [index] = await handle.prisma.$queryRawUnsafe<{ definition: string }[]>(
        `SELECT pg_get_indexdef('"Member_cohortId_leftAt_points_pointsReachedAt_id_idx"'::regclass) AS "definition"`,
      );
      expect(index?.definition).toMatch(/"pointsReachedAt" NULLS FIRST, id\)$/);
    }
  });

  it("reads the neighbours of a caller mid-board or near the top from short ranges of the index, tied or not", async () => {
    // m-19999: the last of the top score's members; m-19998: the last on the second score, above it the whole top score.
    for (const userId of ["m-10099", "m-10100", "m-9650", "m-9600", "m-19999", "m-19998"]) {
      const me = await handle.prisma.member.findFirstOrThrow({ where: { cohortId, userId } });
      const anchor = { memberId: me.id, points: me.points, reachedAt: me.pointsReachedAt ?? new Date(0) };
      sent.length = 0;
      const near = await completions.nearAllTime(cohortId, anchor, 2);
      expect(near.above).toHaveLength(2);
      expect(near.below).toHaveLength(2);
      expect(sent).toHaveLength(2);
      for (const { sql, params } of sent) expect({ userId, reads: await unboundedReads(sql, params, true) }).toEqual({ userId, reads: [] });
    }
  });

  /**
   * What of `sql`'s plan reads Member rows other than a short index range: memberScans', and (for view:near,
   * `ranged`) on SQLite a search of the index not bounded on the points or a seek on a points bound other than the
   * caller's (a literal: the ranked members' `points > 0`, from which the read walks up from the board's end), on
   * PostgreSQL more than 100 rows read.
   */
  async function unboundedReads(sql: string, params: readonly SqlValue[], ranged: boolean): Promise<string[]> {
    const scans = await memberScans(handle, sql, params);
    if (!ranged) return scans;
    if (handle.target.provider === "sqlite") {
      const plan = await handle.prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
      const seekedFrom = await sqliteSeekKeys(handle, sql, params, "Member_cohortId_leftAt_points_pointsReachedAt_id_idx", 2);
      return [
        ...scans,
        ...plan.map((row) => row.detail).filter((detail) => /^SEARCH m\b/.test(detail) && !/points/.test(detail)),
        ...seekedFrom.filter((loader) => loader !== "Variable").map((loader) => `a seek on the points from ${loader}`),
      ];
    }
    const [row] = await handle.prisma.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${numberedPlaceholders(sql)}`,
      ...params,
    );
    const read = memberRowsRead(row?.["QUERY PLAN"]);
    return read > 100 ? [...scans, `${read} Member rows read`] : scans;
  }
});

/** How many Member rows a PostgreSQL EXPLAIN ANALYZE plan read: returned or filtered out, in every loop. */
function memberRowsRead(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + memberRowsRead(child), 0);
  if (node === null || typeof node !== "object") return 0;
  const step = node as Record<string, unknown>;
  const own =
    step["Relation Name"] === "Member"
      ? (Number(step["Actual Rows"] ?? 0) + Number(step["Rows Removed by Filter"] ?? 0)) * Number(step["Actual Loops"] ?? 1)
      : 0;
  return own + Object.values(step).reduce((sum: number, child) => sum + memberRowsRead(child), 0);
}
