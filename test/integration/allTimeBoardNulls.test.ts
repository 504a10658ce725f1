import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRepository, type BoardAnchor } from "../../src/db/repositories/CompletionRepository.js";
import { testCompletionRepository } from "../helpers/testCompletionRepository.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { BoardVisibility } from "../../src/domain/privacy/boardPresentation.js";

const early = new Date("2027-03-02T10:00:00Z");
const late = new Date("2027-03-03T10:00:00Z");

/**
 * Members tied on points, some reached at no time (NULL `pointsReachedAt`: rows written before the time was kept, or
 * by hand): in joining order, which is id order. The all-time board's order on both databases: points, then a NULL
 * time first (as SQLite sorts it and the course board reads it: the epoch), then the time, then the id. Inside the
 * tie, members privacy keeps off the board (hidden, one of them the caller, and excluded): on no list, in no rank.
 */
const members = [
  { name: "ten", points: 10, reachedAt: early },
  { name: "five-none-1", points: 5, reachedAt: null },
  { name: "five-hidden-none", points: 5, reachedAt: null, boardVisibility: BoardVisibility.Hidden },
  { name: "five-early-1", points: 5, reachedAt: early },
  { name: "five-excluded-early", points: 5, reachedAt: early, excluded: true },
  { name: "five-hidden-caller", points: 5, reachedAt: early, boardVisibility: BoardVisibility.Hidden },
  { name: "five-none-2", points: 5, reachedAt: null },
  { name: "five-late", points: 5, reachedAt: late },
  { name: "five-early-2", points: 5, reachedAt: early },
  { name: "three-none", points: 3, reachedAt: null },
  { name: "one", points: 1, reachedAt: early },
] as const;
const boardOrder = ["ten", "five-none-1", "five-none-2", "five-early-1", "five-early-2", "five-late", "three-none", "one"];
/** How many ranked members scored more than each: competition ranks 1, 2 (five tied), 7, 8, no gap for those off the board. */
const ahead = { ten: 0, five: 1, three: 6, one: 7 } as const;

describe("the all-time board with members tied on points and reached at no time", () => {
  let handle: TestDatabaseHandle;
  let completions: CompletionRepository;
  let cohortId: number;
  const anchors = new Map<string, BoardAnchor>();

  beforeAll(async () => {
    handle = await openTestDatabase();
    const { prisma } = handle;
    completions = testCompletionRepository(handle);
    const curriculum = await createCurriculumRow(prisma, "board-nulls", 12);
    cohortId = (await createCohortRow(prisma, curriculum.id)).id;
    for (const member of [...members, { name: "nothing-yet", points: 0, reachedAt: null }]) {
      const { name, points, reachedAt } = member;
      const privacy = {
        boardVisibility: "boardVisibility" in member ? member.boardVisibility : BoardVisibility.Name,
        excluded: "excluded" in member && member.excluded,
      };
      const row = await prisma.member.create({
        data: { cohortId, userId: name, displayName: name, points, pointsReachedAt: reachedAt, ...privacy },
      });
      // As StudyService.callerScore reads the caller: no time is the epoch.
      anchors.set(name, { memberId: row.id, points, reachedAt: reachedAt ?? new Date(0) });
    }
  });

  afterAll(async () => handle.closeAndDrop());

  it("lists the top in board order: a NULL time first among its equals, then by id", async () => {
    const top = await completions.topAllTime(cohortId, 10);
    expect(top.map((row) => row.displayName)).toEqual(boardOrder);
  });

  it("shows every member's neighbours as the top lists them: none missing, none twice", async () => {
    for (const [index, name] of boardOrder.entries()) {
      for (const count of [2, boardOrder.length]) {
        const near = await completions.nearAllTime(cohortId, anchors.get(name) as BoardAnchor, count);
        expect({ name, count, above: near.above.map((row) => row.displayName) }).toEqual({
          name,
          count,
          above: boardOrder.slice(Math.max(0, index - count), index),
        });
        expect({ name, count, below: near.below.map((row) => row.displayName) }).toEqual({
          name,
          count,
          below: boardOrder.slice(index + 1, index + 1 + count),
        });
      }
    }
  });

  it("shows a hidden caller the ranked members around where they would stand, and ranks them as if ranked", async () => {
    const anchor = anchors.get("five-hidden-caller") as BoardAnchor;
    const names = (rows: readonly { displayName: string }[]) => rows.map((row) => row.displayName);
    const near = await completions.nearAllTime(cohortId, anchor, 2);
    expect({ above: names(near.above), below: names(near.below) }).toEqual({
      above: ["five-none-2", "five-early-1"],
      below: ["five-early-2", "five-late"],
    });
    const all = await completions.nearAllTime(cohortId, anchor, boardOrder.length);
    expect([...names(all.above), ...names(all.below)]).toEqual(boardOrder);
    expect(await completions.memberStanding(cohortId, null, anchor.memberId)).toEqual({ points: 5, ahead: ahead.five, ranked: 8 });
  });

  it("ranks the board without a gap for the members off it", async () => {
    for (const name of boardOrder) {
      const { memberId, points } = anchors.get(name) as BoardAnchor;
      const expected = points === 10 ? ahead.ten : points === 5 ? ahead.five : points === 3 ? ahead.three : ahead.one;
      expect({ name, ...(await completions.memberStanding(cohortId, null, memberId)) }).toEqual({
        name,
        points,
        ahead: expected,
        ranked: 8,
      });
    }
  });

  it("shows a member with no points yet the last of the board above them", async () => {
    const near = await completions.nearAllTime(cohortId, anchors.get("nothing-yet") as BoardAnchor, 2);
    expect(near.above.map((row) => row.displayName)).toEqual(["three-none", "one"]);
    expect(near.below).toEqual([]);
  });
});
