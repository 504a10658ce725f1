import { describe, expect, it } from "vitest";
import type { SqlValue } from "../../src/db/SqlReader.js";
import { createLargeCohortMembers, largeCohortFixture } from "../helpers/largeCohort.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { boardRangeReads, memberScans, type BoardIndex } from "../helpers/memberScans.js";

const members = 20_000;
const scores = 200;
const reached = new Date("2027-03-02T10:00:00Z");
const memberBoard: BoardIndex = { index: "Member_cohortId_leftAt_points_pointsReachedAt_id_idx", alias: "m", relations: ["Member"] };

/**
 * The all-time top and view:near in a large cohort, 100 members on each score, a fourth of them reached at no time:
 * each read walks the board index from where its rows are, never the cohort (a sort of every tied member, or every
 * row from the board's end to the caller's rank).
 */
describe("the all-time board's reads in a large cohort with ties", () => {
  const board = largeCohortFixture("board-plan", 12, async (prisma, curriculumId) => {
    const cohortId = (await createCohortRow(prisma, curriculumId)).id;
    await createLargeCohortMembers(prisma, cohortId, members, "m", (i) => ({
      points: (i % scores) + 1,
      pointsReachedAt: Math.floor(i / scores) % 4 === 0 ? null : reached,
    }));
    return cohortId;
  });
  const { sent } = board;

  it("reads the top ten from the head of the board index", async () => {
    sent.length = 0;
    const top = await board.completions.topAllTime(board.cohortId, 10);
    // Score 200: members 199, 399, …; those reached at no time (199, 999, …: 25 of them) first.
    expect(top.map((row) => [row.points, row.reachedAt.getTime()])).toEqual(Array(10).fill([scores, 0]));
    expect(top[0]?.displayName).toBe("m-199");
    for (const { sql, params } of sent) expect(await unboundedReads(sql, params, false)).toEqual([]);
    if (board.handle.target.provider === "postgresql") {
      // The board's NULL order, which Prisma's schema cannot say: only migration all_time_board_nulls_first gives it.
      const [index] = await board.handle.prisma.$queryRawUnsafe<{ definition: string }[]>(
        `SELECT pg_get_indexdef('"Member_cohortId_leftAt_points_pointsReachedAt_id_idx"'::regclass) AS "definition"`,
      );
      expect(index?.definition).toMatch(/"pointsReachedAt" NULLS FIRST, id\)$/);
    }
  });

  it("reads the neighbours of a caller mid-board or near the top from short ranges of the index, tied or not", async () => {
    // m-19999: the last of the top score's members; m-19998: the last on the second score, above it the whole top score.
    for (const userId of ["m-10099", "m-10100", "m-9650", "m-9600", "m-19999", "m-19998"]) {
      const me = await board.handle.prisma.member.findFirstOrThrow({ where: { cohortId: board.cohortId, userId } });
      const anchor = { memberId: me.id, points: me.points, reachedAt: me.pointsReachedAt ?? new Date(0) };
      sent.length = 0;
      const near = await board.completions.nearAllTime(board.cohortId, anchor, 2);
      expect(near.above).toHaveLength(2);
      expect(near.below).toHaveLength(2);
      expect(sent).toHaveLength(2);
      for (const { sql, params } of sent) expect({ userId, reads: await unboundedReads(sql, params, true) }).toEqual({ userId, reads: [] });
    }
  });

  /** What of `sql`'s plan reads Member rows other than a short index range (for view:near, `ranged`: see boardRangeReads). */
  async function unboundedReads(sql: string, params: readonly SqlValue[], ranged: boolean): Promise<string[]> {
    return ranged ? boardRangeReads(board.handle, sql, params, memberBoard) : memberScans(board.handle, sql, params);
  }
});
