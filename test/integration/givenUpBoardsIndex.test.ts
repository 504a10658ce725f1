import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LiveBoardRepository } from "../../src/db/repositories/LiveBoardRepository.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { StatementCounter } from "../helpers/statementCounter.js";
import { postgresPlanOn, sqliteStepsOn } from "../helpers/tablePlans.js";

const refusedTries = 16;
const sentPosts = 4_000;

/**
 * Every process looks for the posted boards given up on (16 refused redraws) every 5 minutes: the read seeks the
 * give-up mark in an index (status, nextAttemptAt, redrawAttempts, id), never every sent post's row, whichever database.
 */
describe("the posted boards given up on, looked for every 5 minutes", () => {
  let handle: TestDatabaseHandle;
  let boards: LiveBoardRepository;
  let givenUpIds: number[];

  beforeAll(async () => {
    handle = await openTestDatabase();
    boards = new LiveBoardRepository(handle.prisma, handle.target.provider);
    const curriculumId = (await createCurriculumRow(handle.prisma, "given-up", 1)).id;
    const cohortId = (await createCohortRow(handle.prisma, curriculumId)).id;
    const dueAt = new Date("2027-03-01T09:00:00Z");
    await handle.prisma.scheduledPost.createMany({
      data: Array.from({ length: sentPosts }, (_, i) => ({
        cohortId,
        kind: "week",
        period: `week-${i + 1}`,
        dueAt,
        status: "sent",
        sentAt: dueAt,
        redrawAttempts: i % 100 === 7 ? refusedTries : 0,
      })),
    });
    givenUpIds = (await handle.prisma.scheduledPost.findMany({ where: { redrawAttempts: refusedTries }, orderBy: { id: "asc" } })).map(
      (row) => row.id,
    );
    // Statistics as the bot's databases have them: PostgreSQL's autovacuum gathers them, nothing analyzes SQLite's file.
    if (handle.target.provider === "postgresql") await handle.prisma.$executeRawUnsafe("ANALYZE");
  });

  afterAll(async () => handle.closeAndDrop());

  it("are found through an index that seeks the give-up mark, not by reading every sent post", async () => {
    const counter = StatementCounter.install();
    const statements = await counter
      .duringWithParameters(async () => {
        const found = await boards.listGivenUp(refusedTries, 0, 256, new Set());
        expect(found.map((post) => post.postId)).toEqual(givenUpIds);
      })
      .finally(() => counter.uninstall());
    const read = statements[0];
    if (read === undefined) throw new Error("no statement");
    expect(read.sql).toMatch(/FROM [`"]\w+[`"]\.[`"]ScheduledPost[`"]/);
    if (handle.target.provider === "sqlite") {
      const postSteps = await sqliteStepsOn(handle, read, "ScheduledPost");
      expect(postSteps).toHaveLength(1);
      expect(postSteps[0]).toMatch(
        /^SEARCH .*USING (COVERING )?INDEX ScheduledPost_status_nextAttemptAt_redrawAttempts_id_idx \(status=\? AND nextAttemptAt=\? AND redrawAttempts=\? AND (rowid|id)>\?\)$/,
      );
    } else {
      const plan = await postgresPlanOn(handle, read, "ScheduledPost");
      expect(plan).toMatch(/"Index Name":"ScheduledPost_status_nextAttemptAt_redrawAttempts_id_idx"/);
      expect(plan).not.toMatch(/"Filter":"[^"]*redrawAttempts/);
    }
  });
});
