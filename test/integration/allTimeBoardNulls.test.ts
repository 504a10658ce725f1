import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRepository, type BoardAnchor } from "../../src/db/repositories/CompletionRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";

const early = new Date("2027-03-02T10:00:00Z");
const late = new Date("2027-03-03T10:00:00Z");

/**
 * Members tied on points, some reached at no time (NULL `pointsReachedAt`: rows written before the time was kept, or
 * by hand): in joining order, which is id order. The all-time board's order on both databases: points, then a NULL
 * time first (as SQLite sorts it and the course board reads it: the epoch), then the time, then the id.
 */
const members = [
  { name: "ten", points: 10, reachedAt: early },
  { name: "five-none-1", points: 5, reachedAt: null },
  { name: "five-early-1", points: 5, reachedAt: early },
  { name: "five-none-2", points: 5, reachedAt: null },
  { name: "five-late", points: 5, reachedAt: late },
  { name: "five-early-2", points: 5, reachedAt: early },
  { name: "three-none", points: 3, reachedAt: null },
  { name: "one", points: 1, reachedAt: early },
] as const;
const boardOrder = ["ten", "five-none-1", "five-none-2", "five-early-1", "five-early-2", "five-late", "three-none", "one"];

describe("the all-time board with members tied on points and reached at no time", () => {
  let handle: TestDatabaseHandle;
  let completions: CompletionRepository;
  let cohortId: number;
  const anchors = new Map<string, BoardAnchor>();

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
    const curriculum = await createCurriculumRow(prisma, "board-nulls", 12);
    cohortId = (await createCohortRow(prisma, curriculum.id)).id;
    for (const { name, points, reachedAt } of [...members, { name: "nothing-yet", points: 0, reachedAt: null }]) {
      const row = await prisma.member.create({
        data: { cohortId, userId: name, displayName: name, points, pointsReachedAt: reachedAt },
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

  it("shows a member with no points yet the last of the board above them", async () => {
    const near = await completions.nearAllTime(cohortId, anchors.get("nothing-yet") as BoardAnchor, 2);
    expect(near.above.map((row) => row.displayName)).toEqual(["three-none", "one"]);
    expect(near.below).toEqual([]);
  });
});
