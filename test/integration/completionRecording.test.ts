import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRepository, postgresStreakRowsSql, type NewCompletion } from "../../src/db/repositories/CompletionRepository.js";
import { MembershipGoneError } from "../../src/db/repositories/MembershipGoneError.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { testDatabaseProvider } from "../helpers/testDatabase.js";
import { openOtherSession, untilLockWaitOr } from "../helpers/postgresSessions.js";
import { createCurriculumRow, createSectionRows, type ItemRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/**
 * /done records a completion and answers with the member's streak rows as it left them (on PostgreSQL
 * read in the completion's own transaction). Two processes (two write queues) logging and undoing the
 * same member's completions at once must count each completion once, never deadlock, and leave totals
 * equal to the completions.
 */
describe("recording a completion and reading the streak it leaves", () => {
  let handle: TestDatabaseHandle;
  let cohortId: number;
  let itemIds: number[];
  const repositories: CompletionRepository[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase();
    // Two processes' worth: each its own write queue, on the one database.
    for (let process = 0; process < 2; process += 1) {
      repositories.push(
        new CompletionRepository(
          handle.prisma,
          new SerialWriteQueue(),
          handle.hotReader,
          handle.sqliteTransactions,
          handle.postgresTransactions,
        ),
      );
    }
    const curriculum = await createCurriculumRow(handle.prisma, "streak", 2);
    const section = { key: "s", position: 0, title: "S", weekStart: 1, weekEnd: 2 };
    ({ itemIds } = await createSectionRows(handle.prisma, curriculum.id, section, Array<ItemRow>(8).fill({ kind: "Required" })));
    cohortId = (await createCohortRow(handle.prisma, curriculum.id)).id;
  });

  afterAll(async () => {
    await handle.closeAndDrop();
  });

  const [first, second] = [() => repositories[0] as CompletionRepository, () => repositories[1] as CompletionRepository];

  async function newMember(userId: string): Promise<number> {
    const member = await handle.prisma.member.create({
      data: { cohortId, userId, displayName: userId, joinedAt: new Date("2027-03-01T08:00:00Z") },
    });
    return member.id;
  }

  function completion(memberId: number, itemId: number, minute: number, points = 10): NewCompletion {
    return {
      memberId,
      cohortId,
      itemId,
      completedAt: new Date(Date.UTC(2027, 2, 2, 9, minute)),
      weekNumber: 1,
      points,
      onTime: true,
      day: "2027-03-02",
      forYesterday: false,
    };
  }

  async function totals(memberId: number) {
    const member = await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } });
    const week = await first().weekScore(memberId, 1);
    return { points: member.points, week: week.points };
  }

  it("answers with the streak rows including the new completion, as a read after it finds them", async () => {
    const memberId = await newMember("reader");
    await first().record(completion(memberId, itemIds[0] ?? 0, 0, 6));
    // Milliseconds too: the streak read (on PostgreSQL epoch milliseconds) keeps them.
    const withMilliseconds = new Date("2027-03-02T09:05:00.123Z");
    const logged = await first().recordAndReadStreak({ ...completion(memberId, itemIds[1] ?? 0, 5, 4), completedAt: withMilliseconds });
    expect(logged.created).toBe(true);
    expect(logged.streak).toEqual([
      { itemId: itemIds[0], completedAt: new Date(Date.UTC(2027, 2, 2, 9, 0)), points: 6, day: "2027-03-02" },
      { itemId: itemIds[1], completedAt: withMilliseconds, points: 4, day: "2027-03-02" },
    ]);
    expect(logged.streak).toEqual(await first().streakRowsForMember(memberId));
    // A repeat changes nothing: "already done", the stored completion, the same rows.
    const again = await first().recordAndReadStreak(completion(memberId, itemIds[1] ?? 0, 9, 7));
    expect(again).toEqual({ created: false, completion: logged.completion, streak: logged.streak });
    expect(await totals(memberId)).toEqual({ points: 10, week: 10 });
  });

  it.runIf(testDatabaseProvider === "postgresql")("reads /done's streak rows in the index's order, no sort (PostgreSQL)", async () => {
    const memberId = await newMember("plan");
    const plan = await handle.prisma.$transaction(async (transaction) => {
      // A handful of rows: without these the planner would scan the table or bitmap and sort whatever the statement.
      await transaction.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await transaction.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
      const explained = postgresStreakRowsSql.replace("?", String(memberId));
      return transaction.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${explained}`);
    });
    const nodes = JSON.stringify(plan);
    // The covering index's order is the answer's: no Sort step on every /done.
    expect(nodes).toMatch(/"Index (Only )?Scan"/);
    expect(nodes).not.toContain('"Sort"');
  });

  it("records a completion sent by two processes at once exactly once", async () => {
    const memberId = await newMember("twice");
    const items = itemIds.slice(0, 6);
    const logged = await Promise.all(
      items.flatMap((itemId, index) => [
        first().recordAndReadStreak(completion(memberId, itemId, index)),
        second().recordAndReadStreak(completion(memberId, itemId, index + 30)),
      ]),
    );
    expect(logged.filter((result) => result.created)).toHaveLength(items.length);
    for (const result of logged) expect(result.streak.map((row) => row.itemId)).toContain(result.completion.itemId);
    expect((await first().streakRowsForMember(memberId)).map((row) => row.itemId).sort()).toEqual([...items].sort());
    expect(await totals(memberId)).toEqual({ points: 60, week: 60 });
  });

  it("an /undo of a completion never logged is 'not done'; of a member whose /privacy delete committed since the /undo read them, a deleted membership", async () => {
    const memberId = await newMember("undoer");
    const at = new Date(Date.UTC(2027, 2, 2, 10));
    expect(await first().remove(memberId, itemIds[0] ?? 0, cohortId, at)).toBeNull();
    await first().record(completion(memberId, itemIds[0] ?? 0, 0));
    // The deletion (the completion with the membership) commits after the /undo read the membership.
    await handle.prisma.member.delete({ where: { id: memberId } });
    await expect(first().remove(memberId, itemIds[0] ?? 0, cohortId, at)).rejects.toBeInstanceOf(MembershipGoneError);
  });

  it("logs and undoes the same member's completions from two processes at once without a deadlock, totals following", async () => {
    const memberId = await newMember("busy");
    const undone = itemIds.slice(0, 4);
    const logged = itemIds.slice(4, 8);
    for (const [index, itemId] of undone.entries()) await first().record(completion(memberId, itemId, index));
    await Promise.all([
      ...logged.map((itemId, index) => first().recordAndReadStreak(completion(memberId, itemId, 10 + index))),
      ...undone.map((itemId) => second().remove(memberId, itemId, cohortId, new Date(Date.UTC(2027, 2, 2, 10)))),
    ]);
    expect((await first().streakRowsForMember(memberId)).map((row) => row.itemId).sort()).toEqual([...logged].sort());
    expect(await totals(memberId)).toEqual({ points: 40, week: 40 });
  });

  /**
   * PostgreSQL runs statements side by side: without the member lock first, a /done's totals would be
   * summed from a snapshot taken while another process's /done of the same member was uncommitted, and
   * the update, waiting for that row, would then write a sum missing the other completion.
   */
  it.runIf(process.env.TEST_DATABASE === "postgresql")(
    "waits for another process's completion of the same member in flight, then counts both (PostgreSQL)",
    async () => {
      const memberId = await newMember("contended");
      const other = await openOtherSession(handle);
      try {
        // The other process's /done, as far as its totals, not yet committed.
        await other.query("BEGIN");
        await other.query(`UPDATE "Member" SET "points" = "points" WHERE "id" = $1`, [memberId]);
        await other.query(
          `INSERT INTO "Completion" ("memberId", "itemId", "cohortId", "completedAt", "weekNumber", "points", "onTime")
           VALUES ($1, $2, $3, $4, 1, 7, true)`,
          [memberId, itemIds[0], cohortId, "2027-03-02 09:00:00"],
        );
        await other.query(`UPDATE "Member" SET "points" = 7 WHERE "id" = $1`, [memberId]);
        let recorded = false;
        const logging = first()
          .recordAndReadStreak(completion(memberId, itemIds[1] ?? 0, 5, 5))
          .finally(() => (recorded = true));
        // Commit once this /done waits for the other. Without the lock first it waits too, at the totals'
        // update, whose sums were read before the other committed (the bug): both are caught below.
        await untilLockWaitOr(handle, () => recorded);
        await other.query("COMMIT");
        const logged = await logging;
        expect(logged.streak.map((row) => row.itemId)).toEqual([itemIds[0], itemIds[1]]);
        expect(await totals(memberId)).toEqual({ points: 12, week: 12 });
      } finally {
        await other.end();
      }
    },
  );

  /**
   * A migration run while other processes serve takes its tables' locks one after another: here the member
   * table's (what CREATE INDEX on it takes), then the completions'. A /done that had started on the member
   * table under a weaker lock would already hold the completions' and then wait for the member table: a
   * deadlock, one of them aborted. Taking the member table's write lock first, the /done waits for the
   * migration instead, then runs.
   */
  it.runIf(process.env.TEST_DATABASE === "postgresql")(
    "waits for a migration holding the member table, without a deadlock (PostgreSQL)",
    async () => {
      const memberId = await newMember("migrating");
      const migration = await openOtherSession(handle);
      try {
        await migration.query("BEGIN");
        await migration.query(`LOCK TABLE "Member" IN SHARE MODE`);
        let recorded = false;
        const logging = first()
          .recordAndReadStreak(completion(memberId, itemIds[2] ?? 0, 5, 3))
          .finally(() => (recorded = true));
        await untilLockWaitOr(handle, () => recorded);
        const completionsLocked = await migration.query(`LOCK TABLE "Completion" IN SHARE MODE`).then(
          () => "locked",
          (error: unknown) => String(error),
        );
        await migration.query(completionsLocked === "locked" ? "COMMIT" : "ROLLBACK");
        const logged = await logging;
        expect(completionsLocked).toBe("locked");
        expect(logged.created).toBe(true);
        expect(await totals(memberId)).toEqual({ points: 3, week: 3 });
      } finally {
        await migration.end();
      }
    },
  );
});
