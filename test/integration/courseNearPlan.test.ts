import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRepository } from "../../src/db/repositories/CompletionRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { numberedPlaceholders, type SqlReader, type SqlValue } from "../../src/db/SqlReader.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { duringCourse, seedLateWindowMembers } from "../helpers/lateWindowMembers.js";

const lastWeek = 12;
const otherMembers = 20_000;
const lateScorers = 100;

/**
 * view:near on the course's board, in the late window, beside a much larger cohort: the late scorers' half reaches
 * their Member rows by id, never a pass over every cohort's members (PostgreSQL would otherwise push the near
 * filter into it and hash-join a scan of the whole Member table).
 */
describe("the course's view:near beside a large cohort", () => {
  let handle: TestDatabaseHandle;
  let completions: CompletionRepository;
  let cohortId: number;
  const sent: { sql: string; params: readonly SqlValue[] }[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase();
    const { prisma } = handle;
    const recording: SqlReader = {
      read: (sql, params) => (sent.push({ sql, params }), handle.hotReader.read(sql, params)),
    };
    completions = new CompletionRepository(
      prisma,
      new SerialWriteQueue(),
      recording,
      handle.sqliteTransactions,
      handle.postgresTransactions,
    );
    const curriculum = await createCurriculumRow(prisma, "near-plan", lastWeek);
    const big = (await createCohortRow(prisma, curriculum.id, { name: "Big" })).id;
    cohortId = (await createCohortRow(prisma, curriculum.id, { name: "Paused" })).id;
    const bigRows = Array.from({ length: otherMembers }, (_, i) => ({
      cohortId: big,
      userId: `big-${i}`,
      displayName: `big-${i}`,
      points: i + 1,
      pointsReachedAt: duringCourse,
    }));
    for (let start = 0; start < bigRows.length; start += 2_000)
      await prisma.member.createMany({ data: bigRows.slice(start, start + 2_000) });
    // late-i: i + 1 points before the end and 1,000 after it; "me": 50 points, none late (late-49 ties, joined first).
    await seedLateWindowMembers(prisma, {
      cohortId,
      lastWeek,
      lateScorers,
      coursePoints: (i) => i + 1,
      onTime: { userId: "me", points: 50, weekNumber: 1 },
    });
    await prisma.$executeRawUnsafe(handle.target.provider === "sqlite" ? "PRAGMA optimize" : "ANALYZE");
  }, 240_000);

  afterAll(async () => handle.closeAndDrop());

  it("shows the late scorers nearest the caller by course points, reading their members by id", async () => {
    const me = await handle.prisma.member.findFirstOrThrow({ where: { cohortId, userId: "me" } });
    const anchor = await completions.courseScore(me.id, lastWeek);
    sent.length = 0;
    const near = await completions.nearCourse(cohortId, lastWeek, anchor, 2);
    expect(near.above.map((row) => [row.displayName, row.points])).toEqual([
      ["late-50", 51],
      ["late-49", 50],
    ]);
    expect(near.below.map((row) => [row.displayName, row.points])).toEqual([
      ["late-48", 49],
      ["late-47", 48],
    ]);
    expect(sent).toHaveLength(2);
    for (const { sql, params } of sent) expect(await memberScans(sql, params)).toEqual([]);
  });

  /** The steps of `sql`'s plan that read Member rows other than through an index. */
  async function memberScans(sql: string, params: readonly SqlValue[]): Promise<string[]> {
    if (handle.target.provider === "sqlite") {
      const plan = await handle.prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
      return plan.map((row) => row.detail).filter((detail) => /^SCAN m\b/.test(detail));
    }
    const [row] = await handle.prisma.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(
      `EXPLAIN (FORMAT JSON) ${numberedPlaceholders(sql)}`,
      ...params,
    );
    const plan = row?.["QUERY PLAN"];
    return [...seqScansOf(plan).filter((relation) => relation === "Member"), ...cohortSortsOf(plan)];
  }
});

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
 * first is returned. A Limit below the Sort bounds its input (an Incremental Sort on the index's points, as the
 * on-time half's, reads only the tied group), and Member rows reached by id are only the late scorers'.
 */
function cohortSortsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cohortSortsOf);
  if (node === null || typeof node !== "object") return [];
  const step = node as Record<string, unknown>;
  const own = step["Node Type"] === "Sort" && cohortMemberPasses(step["Plans"]) ? ["Sort of a cohort's Member rows"] : [];
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
