import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRepository } from "../../src/db/repositories/CompletionRepository.js";
import { testCompletionRepository } from "../helpers/testCompletionRepository.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { duringCourse, seedLateWindowMembers } from "../helpers/lateWindowMembers.js";

const lastWeek = 12;
const lateMembers = 2_000;

/**
 * A cohort paused over its end: every member logged reading after the last week (more members than a statement
 * takes bound values on either database). The course's board leaves all those late points out.
 */
describe("the course's board with thousands of members who logged late points", () => {
  let handle: TestDatabaseHandle;
  let completions: CompletionRepository;
  let cohortId: number;

  beforeAll(async () => {
    handle = await openTestDatabase();
    const { prisma } = handle;
    completions = testCompletionRepository(handle);
    const curriculum = await createCurriculumRow(prisma, "many-late", lastWeek);
    cohortId = (await createCohortRow(prisma, curriculum.id, { name: "Paused Over End" })).id;
    // late-i: i points during the course (late-0 none), 1,000 late ones; "steady": 5,000 during the course, none late.
    await seedLateWindowMembers(prisma, {
      cohortId,
      lastWeek,
      lateScorers: lateMembers,
      coursePoints: (i) => i,
      onTime: { userId: "steady", points: 5_000, weekNumber: 2 },
    });
  }, 120_000);

  afterAll(async () => handle.closeAndDrop());

  it("ranks the course's points only: steady first, then the most read before the end; the one with only late points off it", async () => {
    const course = await completions.courseTop(cohortId, lastWeek, 10);
    expect(course).not.toBeNull();
    expect(course?.map((row) => [row.displayName, row.points])).toEqual([
      ["steady", 5_000],
      ...Array.from({ length: 9 }, (_, k) => [`late-${lateMembers - 1 - k}`, lateMembers - 1 - k]),
    ]);
    expect(course?.[1]?.reachedAt).toEqual(duringCourse);
    // late-0 is off it: ranked are the other late scorers and steady.
    expect((await completions.courseStanding(cohortId, lastWeek, 5_000)).ranked).toBe(lateMembers);
  });

  // A time of NULL (rows from before that column was kept) reads as the epoch, first among its equals, on both databases.
  it("keeps a member whose points have no time, tied at the top ten's cut, first among the tied", async () => {
    const { prisma } = handle;
    const curriculum = await createCurriculumRow(prisma, "null-reached", lastWeek);
    const other = (await createCohortRow(prisma, curriculum.id, { name: "Null Reached" })).id;
    // late-0: 1 point before the end, 1,000 after it; on-time-0 to on-time-9 tied on 10, a minute apart; "no-time" last.
    await seedLateWindowMembers(prisma, {
      cohortId: other,
      lastWeek,
      lateScorers: 1,
      coursePoints: () => 1,
      onTime: { userId: "on-time-0", points: 10, weekNumber: 1 },
    });
    const tied = Array.from({ length: 9 }, (_, i) => ({
      userId: `on-time-${i + 1}`,
      pointsReachedAt: new Date(duringCourse.getTime() + (i + 1) * 60_000),
    }));
    await prisma.member.createMany({
      data: [...tied, { userId: "no-time", pointsReachedAt: null }].map((row) => ({
        ...row,
        cohortId: other,
        displayName: row.userId,
        points: 10,
      })),
    });
    const top = await completions.courseTop(other, lastWeek, 10);
    expect(top?.map((row) => row.displayName)).toEqual(["no-time", ...Array.from({ length: 9 }, (_, i) => `on-time-${i}`)]);
  });

  // view:near reads a NULL time as the epoch too: before the caller's time among their equals, and by id among NULLs.
  it("shows members whose points have no time, tied with the caller, just above them in view:near", async () => {
    const { prisma } = handle;
    const curriculum = await createCurriculumRow(prisma, "null-near", lastWeek);
    const other = (await createCohortRow(prisma, curriculum.id, { name: "Null Near" })).id;
    // late-0: 1 point before the end; "me" 10 at duringCourse; "later" 10 a minute on; "no-time-1", "no-time-2" 10 at no time.
    await seedLateWindowMembers(prisma, {
      cohortId: other,
      lastWeek,
      lateScorers: 1,
      coursePoints: () => 1,
      onTime: { userId: "me", points: 10, weekNumber: 1 },
    });
    const tied = [
      { userId: "later", pointsReachedAt: new Date(duringCourse.getTime() + 60_000) },
      { userId: "no-time-1", pointsReachedAt: null },
      { userId: "no-time-2", pointsReachedAt: null },
    ];
    await prisma.member.createMany({ data: tied.map((row) => ({ ...row, cohortId: other, displayName: row.userId, points: 10 })) });
    const nearOf = async (userId: string) => {
      const member = await prisma.member.findFirstOrThrow({ where: { cohortId: other, userId } });
      const near = await completions.nearCourse(other, lastWeek, await completions.courseScore(member.id, lastWeek), 2);
      return [near.above.map((row) => row.displayName), near.below.map((row) => row.displayName)];
    };
    expect(await nearOf("me")).toEqual([
      ["no-time-1", "no-time-2"],
      ["later", "late-0"],
    ]);
    expect(await nearOf("no-time-2")).toEqual([["no-time-1"], ["me", "later"]]);
    expect(await nearOf("no-time-1")).toEqual([[], ["no-time-2", "me"]]);
  });

  it("is the all-time board itself when nobody logged late (nothing to leave out)", async () => {
    const curriculum = await createCurriculumRow(handle.prisma, "none-late", lastWeek);
    const other = (await createCohortRow(handle.prisma, curriculum.id, { name: "On Time" })).id;
    expect(await completions.courseTop(other, lastWeek, 10)).toBeNull();
  });
});
