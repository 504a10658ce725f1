import { describe, expect, it } from "vitest";
import { createInBatches, createLargeCohortMembers, largeCohortFixture } from "../helpers/largeCohort.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { boardRangeReads, type BoardIndex } from "../helpers/memberScans.js";

const week = 3;
const members = 10_000;
const scores = 100;
const early = new Date("2027-03-16T10:00:00Z");
const late = new Date("2027-03-17T10:00:00Z");
const weekBoard: BoardIndex = {
  index: "WeeklyScore_cohortId_weekNumber_points_reachedAt_memberId_idx",
  alias: "w",
  relations: ["WeeklyScore", "Member"],
};

/**
 * view:near on a week's board, 100 members on each score (half reached early, half late): the caller's neighbours
 * are those the week's top lists around them, read from short ranges of the week's board index near the caller,
 * never a walk from the board's end to the caller's rank.
 */
describe("a week's view:near in a large cohort with ties", () => {
  const board = largeCohortFixture("week-near", 12, async (prisma, curriculumId) => {
    const cohortId = (await createCohortRow(prisma, curriculumId)).id;
    await createLargeCohortMembers(prisma, cohortId, members, "m", (i) => ({ points: (i % scores) + 1 }));
    const ids = await prisma.member.findMany({ where: { cohortId }, select: { id: true, points: true, userId: true } });
    const weekRows = ids.map(({ id, points, userId }) => ({
      memberId: id,
      cohortId,
      weekNumber: week,
      points,
      reachedAt: Number(userId.slice(2)) % 200 < scores ? early : late,
    }));
    await createInBatches(weekRows, (batch) => prisma.weeklyScore.createMany({ data: batch }));
    return cohortId;
  });
  const { sent } = board;

  it("shows around a tied caller the members the board lists around them, from short index ranges", async () => {
    const top = await board.completions.topOfWeek(board.cohortId, week, 200);
    for (const index of [0, 1, 49, 50, 51, 98, 99, 100, 150]) {
      const caller = top[index];
      if (caller === undefined) throw new Error(`no row ${index}`);
      sent.length = 0;
      const near = await board.completions.nearOfWeek(
        board.cohortId,
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
      for (const { sql, params } of sent)
        expect({ index, reads: await boardRangeReads(board.handle, sql, params, weekBoard) }).toEqual({ index, reads: [] });
    }
  });
});
