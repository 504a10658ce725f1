import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRepository } from "../../src/db/repositories/CompletionRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { duringCourse, seedLateWindowMembers } from "../helpers/lateWindowMembers.js";

const lastWeek = 12;

/**
 * The course's board in the late window, eleven on-time members tied on points at the top-ten cut, one of them
 * with no time its points were reached (NULL, as rows from before that column was kept). The board reads a NULL
 * as the epoch, first among its equals, on both databases: that member is in the top ten, at the top.
 */
describe("the course's top ten with a member tied at the cut whose points have no time", () => {
  let handle: TestDatabaseHandle;
  let completions: CompletionRepository;
  let cohortId: number;

  beforeAll(async () => {
    handle = await openTestDatabase();
    const { prisma } = handle;
    completions = new CompletionRepository(
      prisma,
      new SerialWriteQueue(),
      handle.hotReader,
      handle.sqliteTransactions,
      handle.postgresTransactions,
    );
    const curriculum = await createCurriculumRow(prisma, "null-reached", lastWeek);
    cohortId = (await createCohortRow(prisma, curriculum.id, { name: "Null Reached" })).id;
    // late-0: 1 point before the end (far below the tie), 1,000 after it; "on-time-0": 10 points, none late.
    await seedLateWindowMembers(prisma, {
      cohortId,
      lastWeek,
      lateScorers: 1,
      coursePoints: () => 1,
      onTime: { userId: "on-time-0", points: 10, weekNumber: 1 },
    });
    // on-time-1 to on-time-9, 10 points each, reached a minute apart after on-time-0; "no-time" joined last.
    const minute = 60_000;
    await prisma.member.createMany({
      data: Array.from({ length: 9 }, (_, i) => ({
        cohortId,
        userId: `on-time-${i + 1}`,
        displayName: `on-time-${i + 1}`,
        points: 10,
        pointsReachedAt: new Date(duringCourse.getTime() + (i + 1) * minute),
      })),
    });
    await prisma.member.create({ data: { cohortId, userId: "no-time", displayName: "no-time", points: 10, pointsReachedAt: null } });
  }, 120_000);

  afterAll(async () => handle.closeAndDrop());

  it("puts the member with no time first among the tied, and leaves the last of the tied off", async () => {
    const top = await completions.courseTop(cohortId, lastWeek, 10);
    expect(top?.map((row) => row.displayName)).toEqual(["no-time", ...Array.from({ length: 9 }, (_, i) => `on-time-${i}`)]);
  });
});
