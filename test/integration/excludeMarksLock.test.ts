import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";

/**
 * On PostgreSQL each statement of a transaction sees what was committed when it began, so a listing's
 * marks written while an admin's change of the exclude_role commits could apply partly to the old role.
 * The marking transaction holds the cohort's row first: an edit in flight is waited for, then no mark of
 * the old role applies. (SQLite runs one writer at a time: nothing can commit in between there.)
 */
describe.runIf(process.env.TEST_DATABASE === "postgresql")("a role listing's marks against an exclude_role edit in flight", () => {
  let database: TestDatabaseHandle;
  let members: MemberRepository;
  let editor: pg.Client;
  let cohortId: number;

  beforeAll(async () => {
    database = await openTestDatabase();
    members = new MemberRepository(database.prisma, new SerialWriteQueue(), database.hotReader);
    const curriculum = await createCurriculumRow(database.prisma, "locks", 4);
    const cohort = await database.prisma.cohort.create({
      data: {
        guildId: "g1",
        channelId: "c1",
        name: "Locks",
        curriculumId: curriculum.id,
        startDate: "2027-01-04",
        excludeRoleId: "old-role",
      },
    });
    cohortId = cohort.id;
    for (const userId of ["u1", "u2", "u3"]) await database.prisma.member.create({ data: { cohortId, userId } });
    editor = new pg.Client({ connectionString: database.target.provider === "postgresql" ? database.target.connectionString : "" });
    await editor.connect();
  });

  afterAll(async () => {
    await editor.end();
    await database.closeAndDrop();
  });

  it("waits for the edit, then marks no holder of the old role", async () => {
    await editor.query("BEGIN");
    await editor.query(`UPDATE "Cohort" SET "excludeRoleId" = 'new-role' WHERE id = $1`, [cohortId]);
    let marked = false;
    const marking = members.markExcluded(cohortId, "old-role", new Set(["u1", "u2"]), new Date()).then(() => (marked = true));
    // Commit the edit once the marking waits for it, or once the marking is done without waiting (the bug).
    await vi.waitFor(
      async () => {
        const waiting = await countLockWaiters(database);
        expect(marked || waiting > 0).toBe(true);
      },
      { timeout: 10_000, interval: 20 },
    );
    await editor.query("COMMIT");
    await marking;
    const excluded = await database.prisma.member.findMany({ where: { cohortId, excluded: true }, select: { userId: true } });
    expect(excluded).toEqual([]);
  });
});

async function countLockWaiters(database: TestDatabaseHandle): Promise<number> {
  const rows = await database.prisma.$queryRawUnsafe<{ waiting: bigint }[]>(
    `SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return Number(rows[0]?.waiting ?? 0);
}
