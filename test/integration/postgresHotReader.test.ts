import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresHotReader } from "../../src/db/PostgresHotReader.js";
import { prismaSqlReader } from "../../src/db/SqlReader.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { CompletionRepository, type NewCompletion } from "../../src/db/repositories/CompletionRepository.js";
import { DatabaseBusyError } from "../../src/db/repositories/DatabaseBusyError.js";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { openOtherSession } from "../helpers/postgresSessions.js";
import { createCurriculumRow, createSectionRows, type ItemRow } from "../helpers/curriculumRows.js";

/**
 * On PostgreSQL the interaction path's hand-written statements go through pg as named statements on
 * Prisma's pool, without Prisma (issue 14): they must return what Prisma's raw queries returned, be
 * prepared once per connection, and fail as the Prisma path failed.
 */
describe.runIf(process.env.TEST_DATABASE === "postgresql")("PostgreSQL's interaction path without Prisma", () => {
  let handle: TestDatabaseHandle;
  let completions: CompletionRepository;
  let memberId: number;
  let cohortId: number;
  let itemIds: number[];

  beforeAll(async () => {
    handle = await openTestDatabase();
    completions = new CompletionRepository(
      handle.prisma,
      new SerialWriteQueue(),
      handle.hotReader,
      handle.sqliteTransactions,
      handle.postgresTransactions,
    );
    const curriculum = await createCurriculumRow(handle.prisma, "hot", 2);
    const section = { key: "s", position: 0, title: "S", weekStart: 1, weekEnd: 2 };
    ({ itemIds } = await createSectionRows(handle.prisma, curriculum.id, section, Array<ItemRow>(4).fill({ kind: "Required" })));
    const cohort = await handle.prisma.cohort.create({
      data: {
        guildId: "g1",
        channelId: "c1",
        name: "Spring",
        nameKey: "spring",
        curriculumId: curriculum.id,
        startDate: "2027-01-04",
        exclusionsCheckedAt: new Date("2027-01-02T08:30:00.250Z"),
        breaks: { create: [{ week: 3 }, { week: 5 }] },
      },
    });
    cohortId = cohort.id;
    const member = await handle.prisma.member.create({
      data: {
        cohortId,
        userId: "u1",
        displayName: "Ada",
        joinedAt: new Date("2027-01-03T12:00:00.125Z"),
        remindDisabledNotice: true,
      },
    });
    memberId = member.id;
  });

  afterAll(async () => {
    await handle.closeAndDrop();
  });

  function completion(itemId: number, completedAt: string): NewCompletion {
    return {
      memberId,
      cohortId,
      itemId,
      completedAt: new Date(completedAt),
      weekNumber: 0,
      points: 6,
      onTime: true,
      day: "2027-01-05",
      forYesterday: false,
    };
  }

  it("returns rows in the shapes Prisma's raw queries return: bigint, Decimal, UTC dates, booleans, nulls", async () => {
    expect(handle.hotReader).toBeInstanceOf(PostgresHotReader);
    const sql = `
      SELECT m."id", m."joinedAt", m."leftAt", m."remindDisabledNotice", m."displayName", COUNT(*) OVER () AS "n",
        CAST(SUM(m."points") OVER () AS NUMERIC) + 0.5 AS "half", CAST(? AS TIMESTAMP(3)) AS "bound"
      FROM "Member" m WHERE m."id" = ?`;
    const params = [new Date("2027-01-04T23:59:59.999Z"), memberId];
    const hot = await handle.hotReader.read(sql, params);
    const viaPrisma = await prismaSqlReader(handle.prisma, "postgresql").read(sql, params);
    expect(hot).toEqual(viaPrisma);
    const [row] = hot;
    expect(row?.joinedAt).toEqual(new Date("2027-01-03T12:00:00.125Z"));
    expect(row?.bound).toEqual(new Date("2027-01-04T23:59:59.999Z"));
    expect(row?.leftAt).toBeNull();
    expect(row?.remindDisabledNotice).toBe(true);
    expect(row?.n).toBe(1n);
    expect(String(row?.half)).toBe("0.5");

    const members = (reader: typeof handle.hotReader) =>
      new MemberRepository(handle.prisma, new SerialWriteQueue(), reader, handle.target.provider).listActiveInGuild("g1", "u1");
    expect(await members(handle.hotReader)).toEqual(await members(prismaSqlReader(handle.prisma, "postgresql")));
  });

  it("reads zoned timestamps and dates as Prisma does, whatever the session's zone", async () => {
    const sql = `SELECT CAST(? AS TIMESTAMPTZ) AS "zoned", CAST(? AS DATE) AS "day", CAST('2027-03-14 02:30:00+05:30' AS TIMESTAMPTZ) AS "odd"`;
    const params = ["2027-01-04T23:00:00.5Z", "2027-01-04"];
    for (const zone of ["UTC", "Europe/Berlin", "Asia/Kolkata"]) {
      const hot = await handle.hotReader.read(`SELECT set_config('TimeZone', '${zone}', false) AS "zone"`, []);
      expect(hot).toEqual([{ zone }]);
      const [row] = await handle.hotReader.read(sql, params);
      expect(row?.zoned).toEqual(new Date("2027-01-04T23:00:00.500Z"));
      expect(row?.day).toEqual(new Date("2027-01-04T00:00:00.000Z"));
      expect(row?.odd).toEqual(new Date("2027-03-13T21:00:00.000Z"));
    }
    await handle.hotReader.read(`SELECT set_config('TimeZone', 'UTC', false) AS "zone"`, []);
    expect(await handle.hotReader.read(sql, params)).toEqual(await prismaSqlReader(handle.prisma, "postgresql").read(sql, params));
  });

  it("prepares each statement once per connection and then only executes it", async () => {
    const sql = `SELECT "id" FROM "Member" WHERE "id" = ? AND "userId" = ?`;
    for (let round = 0; round < 7; round += 1) expect(await handle.hotReader.read(sql, [memberId, "u1"])).toEqual([{ id: memberId }]);
    // Run on a connection of the same pool: the statement was prepared there under one name, its plans counted.
    const prepared = await handle.hotReader.read(
      `SELECT COUNT(*) AS "statements", SUM("generic_plans" + "custom_plans") AS "runs" FROM pg_prepared_statements WHERE "statement" LIKE ?`,
      ['%FROM "Member" WHERE "id" = $1 AND "userId" = $2'],
    );
    // pg's pool hands out the connection released last: all seven reads ran there, on one prepared statement.
    const [counts] = prepared;
    expect([Number(counts?.statements), Number(counts?.runs)]).toEqual([1, 7]);
  });

  it("logs a completion once: a repeat is 'already done', the totals and the week's score follow", async () => {
    const first = await completions.record(completion(itemIds[0] ?? 0, "2027-01-05T09:00:00Z"));
    const again = await completions.record(completion(itemIds[0] ?? 0, "2027-01-05T09:05:00Z"));
    expect(first.created).toBe(true);
    expect(again).toEqual({ created: false, completion: first.completion });
    const member = await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } });
    expect([member.points, member.pointsReachedAt]).toEqual([6, new Date("2027-01-05T09:00:00Z")]);
    expect(await completions.weekScore(memberId, 0)).toEqual({ points: 6, reachedAt: new Date("2027-01-05T09:00:00Z") });
  });

  it("a member row locked past lock_timeout: 'busy', nothing written, the connection back in the pool", async () => {
    const other = await openOtherSession(handle);
    try {
      await other.query("BEGIN");
      await other.query(`UPDATE "Member" SET "points" = "points" WHERE "id" = $1`, [memberId]);
      await expect(completions.record(completion(itemIds[1] ?? 0, "2027-01-05T10:00:00Z"))).rejects.toBeInstanceOf(DatabaseBusyError);
    } finally {
      await other.query("ROLLBACK");
      await other.end();
    }
    expect(await handle.prisma.completion.count({ where: { memberId, itemId: itemIds[1] ?? 0 } })).toBe(0);
    const later = await completions.record(completion(itemIds[1] ?? 0, "2027-01-05T10:01:00Z"));
    expect(later.created).toBe(true);
  });

  it("connections the server closed are replaced: the next /done is logged", async () => {
    const lostBefore = lostConnections(handle);
    const admin = await openOtherSession(handle);
    let terminated: number;
    try {
      // The test's own database: every other session on it is one of the pool's idle connections.
      const ended = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      terminated = ended.rowCount ?? 0;
    } finally {
      await admin.end();
    }
    // The pool learns of its idle connections' end on their error events (each logged), a moment later.
    while (lostConnections(handle) < lostBefore + terminated) await new Promise((resolve) => setTimeout(resolve, 20));
    const logged = await completions.record(completion(itemIds[2] ?? 0, "2027-01-05T11:00:00Z"));
    expect(logged.created).toBe(true);
    expect((await completions.streakRowsForMember(memberId)).map((row) => row.itemId)).toEqual([itemIds[0], itemIds[1], itemIds[2]]);
  });

  it("a connection lost in the middle of a transaction fails that transaction, and the process and the pool carry on", async () => {
    const runner = handle.postgresTransactions;
    if (runner === null) throw new Error("PostgreSQL runs transactions through PostgresTransactionRunner");
    const admin = await openOtherSession(handle);
    try {
      // Long enough that a busy machine's late polls still find it running; ending its connection cuts it short.
      const running = runner.run([{ sql: `SELECT pg_sleep(?)`, params: [60] }]);
      const settled = running.then(
        () => "committed",
        () => "failed",
      );
      // Wait until the statement runs on the server, then end its connection as a restart or failover would.
      const activeSleep = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND wait_event = 'PgSleep'`;
      // No count of tries: the test's timeout is the hang guard should it never start.
      while ((await admin.query(activeSleep)).rowCount === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await admin.query(`SELECT pg_terminate_backend(pid) FROM (${activeSleep}) AS sleeping`);
      expect(await settled).toBe("failed");
    } finally {
      await admin.end();
    }
    const logged = await completions.record(completion(itemIds[3] ?? 0, "2027-01-05T12:00:00Z"));
    expect(logged.created).toBe(true);
  });
});

/** How many connections the pool has reported lost (createPostgresPrismaSession's onPoolError line). */
function lostConnections(handle: TestDatabaseHandle): number {
  return handle.logLines().filter((line) => line.msg === "PostgreSQL connection lost; the pool reconnects on next use").length;
}
