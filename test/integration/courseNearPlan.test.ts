import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRepository } from "../../src/db/repositories/CompletionRepository.js";
import type { SqlValue } from "../../src/db/SqlReader.js";
import { testCompletionRepository } from "../helpers/testCompletionRepository.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { duringCourse, seedLateWindowMembers } from "../helpers/lateWindowMembers.js";
import { memberScans } from "../helpers/memberScans.js";

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
    completions = testCompletionRepository(handle, sent);
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
    // Statistics as the bot's databases have them: PostgreSQL's autovacuum gathers them, nothing analyzes SQLite's file.
    if (handle.target.provider === "postgresql") await prisma.$executeRawUnsafe("ANALYZE");
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
    for (const { sql, params } of sent) expect(await memberScans(handle, sql, params)).toEqual([]);
  });
});
