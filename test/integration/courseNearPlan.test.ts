import { describe, expect, it } from "vitest";
import { createLargeCohortMembers, largeCohortFixture } from "../helpers/largeCohort.js";
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
  const board = largeCohortFixture("near-plan", lastWeek, async (prisma, curriculumId) => {
    const big = (await createCohortRow(prisma, curriculumId, { name: "Big" })).id;
    const cohortId = (await createCohortRow(prisma, curriculumId, { name: "Paused" })).id;
    await createLargeCohortMembers(prisma, big, otherMembers, "big", (i) => ({ points: i + 1, pointsReachedAt: duringCourse }));
    // late-i: i + 1 points before the end and 1,000 after it; "me": 50 points, none late (late-49 ties, joined first).
    await seedLateWindowMembers(prisma, {
      cohortId,
      lastWeek,
      lateScorers,
      coursePoints: (i) => i + 1,
      onTime: { userId: "me", points: 50, weekNumber: 1 },
    });
    return cohortId;
  });
  const { sent } = board;

  it("shows the late scorers nearest the caller by course points, reading their members by id", async () => {
    const me = await board.handle.prisma.member.findFirstOrThrow({ where: { cohortId: board.cohortId, userId: "me" } });
    const anchor = await board.completions.courseScore(me.id, lastWeek);
    sent.length = 0;
    const near = await board.completions.nearCourse(board.cohortId, lastWeek, anchor, 2);
    expect(near.above.map((row) => [row.displayName, row.points])).toEqual([
      ["late-50", 51],
      ["late-49", 50],
    ]);
    expect(near.below.map((row) => [row.displayName, row.points])).toEqual([
      ["late-48", 49],
      ["late-47", 48],
    ]);
    expect(sent).toHaveLength(2);
    for (const { sql, params } of sent) expect(await memberScans(board.handle, sql, params)).toEqual([]);
  });
});
