import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresTransactionRunner } from "../../src/db/PostgresTransactionRunner.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/**
 * On PostgreSQL /done's transaction is one message of the simple query protocol (EXECUTE of statements
 * prepared once per connection, the values written in): it must store what bound parameters stored,
 * stay all-or-nothing, and leave the connection it ran on usable after the server refused a statement.
 */
describe.runIf(process.env.TEST_DATABASE === "postgresql")("PostgreSQL's transactions in one round trip", () => {
  let handle: TestDatabaseHandle;
  let runner: PostgresTransactionRunner;
  let memberId: number;

  beforeAll(async () => {
    handle = await openTestDatabase();
    if (handle.postgresTransactions === null) throw new Error("PostgreSQL runs transactions through PostgresTransactionRunner");
    runner = handle.postgresTransactions;
    const curriculum = await createCurriculumRow(handle.prisma, "runner", 2);
    const cohort = await createCohortRow(handle.prisma, curriculum.id);
    const member = await handle.prisma.member.create({
      data: { cohortId: cohort.id, userId: "u1", displayName: "Ada", joinedAt: new Date("2027-03-01T08:00:00Z") },
    });
    memberId = member.id;
  });

  afterAll(async () => {
    await handle.closeAndDrop();
  });

  /** A pool of its own on the test database (in its schema), of `max` connections. */
  function poolOfTestDatabase(max: number): pg.Pool {
    const target = handle.target.provider === "postgresql" ? handle.target : null;
    return new pg.Pool({
      connectionString: target?.connectionString,
      max,
      ...(target?.schema === null || target === null ? {} : { options: `-c search_path="${target.schema}"` }),
    });
  }

  const addPointTo = (id: number) => ({ sql: `UPDATE "Member" SET "points" = "points" + ? WHERE "id" = ?`, params: [1, id] });

  const hostileName = `Bob'); DELETE FROM "Member"; -- ? \\' \\\\ ; ünï 🙂`;

  it("stores what bound parameters store: hostile text, dates, booleans, numbers, null", async () => {
    const joinedAt = new Date("2027-03-02T23:59:59.999Z");
    await runner.run([
      {
        sql: `UPDATE "Member" SET "displayName" = ?, "joinedAt" = ?, "remindDisabledNotice" = ?, "alias" = ?, "remindTime" = ? WHERE "id" = ?`,
        params: [hostileName, joinedAt, true, 42, null, memberId],
      },
    ]);
    const member = await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } });
    expect([member.displayName, member.joinedAt, member.remindDisabledNotice, member.alias, member.remindTime]).toEqual([
      hostileName,
      joinedAt,
      true,
      42,
      null,
    ]);
    expect(await handle.prisma.member.count()).toBe(1);
    // A SELECT returns the rows its statement read, in the shapes the hot reader's bound statements return.
    const sql = `SELECT "displayName", "joinedAt", "remindDisabledNotice", "alias", CAST(? AS TIMESTAMP(3)) AS "bound", COUNT(*) OVER () AS "n" FROM "Member" WHERE "id" = ?`;
    const params = [joinedAt, memberId];
    const [result] = await runner.run([{ sql, params }]);
    expect(result?.rows).toEqual(await handle.hotReader.read(sql, params));
    expect(result?.rows).toEqual([{ displayName: hostileName, joinedAt, remindDisabledNotice: true, alias: 42, bound: joinedAt, n: 1n }]);
  });

  it("runs the statements in order, each seeing the writes before it, and counts each one's changed rows", async () => {
    const results = await runner.run([
      { sql: `UPDATE "Member" SET "points" = "points" WHERE "id" = ?`, params: [memberId] },
      { sql: `UPDATE "Member" SET "displayName" = ? WHERE "id" = ? AND "displayName" = ?`, params: ["Ada", memberId, hostileName] },
      { sql: `UPDATE "Member" SET "displayName" = ? WHERE "id" = ? AND "displayName" = ?`, params: ["Nobody", memberId, hostileName] },
      { sql: `SELECT "displayName" FROM "Member" WHERE "id" = ?`, params: [memberId] },
    ]);
    expect(results.map((result) => result.changes)).toEqual([1, 1, 0, 1]);
    expect(results.at(-1)?.rows).toEqual([{ displayName: "Ada" }]);
  });

  it("is all or nothing: a statement refused in the middle leaves no write behind, and the connection serves the next caller", async () => {
    const [before] = await runner.run([{ sql: `SELECT pg_backend_pid() AS "pid"`, params: [] }]);
    const failing = runner.run([
      { sql: `UPDATE "Member" SET "displayName" = ? WHERE "id" = ?`, params: ["Changed", memberId] },
      { sql: `UPDATE "Member" SET "alias" = CAST(? AS INTEGER) WHERE "id" = ?`, params: ["not a number", memberId] },
      { sql: `UPDATE "Member" SET "points" = ? WHERE "id" = ?`, params: [99, memberId] },
    ]);
    await expect(failing).rejects.toBeInstanceOf(pg.DatabaseError);
    await expect(failing).rejects.toMatchObject({ code: "22P02" });
    const member = await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } });
    expect([member.displayName, member.alias, member.points]).toEqual(["Ada", 42, 0]);
    // The same connection (the pool lends the one released last), not left in a failed transaction: it writes again.
    const [after, written] = await runner.run([
      { sql: `SELECT pg_backend_pid() AS "pid"`, params: [] },
      { sql: `UPDATE "Member" SET "points" = ? WHERE "id" = ?`, params: [5, memberId] },
    ]);
    expect(after?.rows).toEqual(before?.rows);
    expect(written?.changes).toBe(1);
    expect((await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).points).toBe(5);
  });

  it("prepares each statement once per connection, then only executes it", async () => {
    const sql = `UPDATE "Member" SET "points" = "points" WHERE "id" = ? AND "userId" = ?`;
    for (let round = 0; round < 7; round += 1) {
      const [result] = await runner.run([{ sql, params: [memberId, "u1"] }]);
      expect(result?.changes).toBe(1);
    }
    // On the connection those runs used (the pool lends the one released last): one prepared statement, run seven times.
    const [counts] = await runner.run([
      {
        sql: `SELECT COUNT(*) AS "statements", SUM("generic_plans" + "custom_plans") AS "runs" FROM pg_prepared_statements WHERE "statement" LIKE ?`,
        params: ['%SET "points" = "points" WHERE "id" = $1 AND "userId" = $2'],
      },
    ]);
    const [row] = counts?.rows ?? [];
    expect([Number(row?.statements), Number(row?.runs)]).toEqual([1, 7]);
  });

  it("drops a connection on which preparing failed, and the next transaction runs on another", async () => {
    const [before] = await runner.run([{ sql: `SELECT pg_backend_pid() AS "pid"`, params: [] }]);
    await expect(
      runner.run([
        { sql: `UPDATE "Member" SET "displayName" = ? WHERE "id" = ?`, params: ["Changed", memberId] },
        { sql: `UPDATE "NoSuchTable" SET "x" = ?`, params: [1] },
      ]),
    ).rejects.toMatchObject({ code: "42P01" });
    const [after] = await runner.run([{ sql: `SELECT pg_backend_pid() AS "pid"`, params: [] }]);
    expect(after?.rows).not.toEqual(before?.rows);
    expect((await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).displayName).toBe("Ada");
  });

  it("behind a pooler that shares server connections between sessions: each transaction still runs once, its statements sent with their text", async () => {
    // One server connection that two runners use, as two client sessions behind PgBouncer's transaction mode would.
    const pool = poolOfTestDatabase(1);
    try {
      const logs = captureLogger("warn");
      const [first, second] = [new PostgresTransactionRunner(pool, logs.logger), new PostgresTransactionRunner(pool, logs.logger)];
      const addPoint = addPointTo(memberId);
      const points = async () => (await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).points;
      const start = await points();
      await first.run([addPoint]);
      // The statement is prepared there already, unknown to the second runner (42P05).
      expect((await second.run([addPoint]))[0]?.changes).toBe(1);
      // The statements the first runner prepared are gone (26000).
      const client = await pool.connect();
      await client.query("DEALLOCATE ALL");
      client.release();
      expect((await first.run([addPoint, addPoint]))[1]?.changes).toBe(1);
      expect((await first.run([addPoint]))[0]?.changes).toBe(1);
      expect(await points()).toBe(start + 5);
      // Written into the text, a value holding quotes, backslashes and `?` arrives as it is.
      await first.run([{ sql: `UPDATE "Member" SET "displayName" = ? WHERE "id" = ?`, params: [hostileName, memberId] }]);
      expect((await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).displayName).toBe(hostileName);
      // An operator learns once per runner why transactions are planned on every call, and what to change.
      const warnings = logs.lines().filter((line) => line.msg === "PostgreSQL prepared statements are not kept between transactions");
      expect(warnings.map((line) => line.code)).toEqual(["42P05", "26000"]);
    } finally {
      await pool.end();
    }
  });

  it("warns once when transactions in flight on several connections all find their prepared statements gone", async () => {
    const pool = poolOfTestDatabase(2);
    try {
      const logs = captureLogger("warn");
      const runner = new PostgresTransactionRunner(pool, logs.logger);
      const addPoint = addPointTo(memberId);
      // Side by side: each of the pool's two connections gets the statement prepared.
      await Promise.all([runner.run([addPoint]), runner.run([addPoint])]);
      expect(pool.totalCount).toBe(2);
      // What a pooler does: the server connections forget them, unknown to the runner.
      const clients = await Promise.all([pool.connect(), pool.connect()]);
      for (const client of clients) {
        await client.query("DEALLOCATE ALL");
        client.release();
      }
      const results = await Promise.all([runner.run([addPoint]), runner.run([addPoint])]);
      expect(results.map((result) => result[0]?.changes)).toEqual([1, 1]);
      const warnings = logs.lines().filter((line) => line.msg === "PostgreSQL prepared statements are not kept between transactions");
      expect(warnings).toHaveLength(1);
    } finally {
      await pool.end();
    }
  });

  it("refuses a statement whose placeholders and values differ, sending nothing", async () => {
    const before = (await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).points;
    await expect(
      runner.run([
        { sql: `UPDATE "Member" SET "points" = ? WHERE "id" = ?`, params: [7, memberId] },
        { sql: `UPDATE "Member" SET "points" = ? WHERE "id" = ?`, params: [8] },
      ]),
    ).rejects.toThrow("2 placeholders for 1 values");
    expect((await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).points).toBe(before);
  });

  it("refuses a value it cannot write (NaN) before taking a connection: nothing is sent and the connection stays", async () => {
    const [before] = await runner.run([{ sql: `SELECT pg_backend_pid() AS "pid"`, params: [] }]);
    const points = (await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).points;
    await expect(
      runner.run([{ sql: `UPDATE "Member" SET "points" = ? WHERE "id" = ?`, params: [Number.NaN, memberId] }]),
    ).rejects.toThrow();
    const [after] = await runner.run([{ sql: `SELECT pg_backend_pid() AS "pid"`, params: [] }]);
    expect(after?.rows).toEqual(before?.rows);
    expect((await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).points).toBe(points);
  });
});
