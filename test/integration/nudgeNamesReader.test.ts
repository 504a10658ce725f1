import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { RosterRepository, type MemberName } from "../../src/db/repositories/RosterRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import type { SqlReader } from "../../src/db/SqlReader.js";
import { SqliteReadError, SqliteReadWorker } from "../../src/db/SqliteReadWorker.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/** `reader`, counting the reads it serves. */
function counted(reader: SqlReader): SqlReader & { reads: number } {
  const wrapper = {
    reads: 0,
    read: (sql: string, params: Parameters<SqlReader["read"]>[1]) => {
      wrapper.reads += 1;
      return reader.read(sql, params);
    },
  };
  return wrapper;
}

/**
 * A Nudge's answer numbers namesakes from the cohort's ids and names (RosterService.memberNames): read on the
 * roster's reader (on a SQLite file the worker, off the event loop), on the main thread's hot reader only when
 * that worker cannot serve.
 */
describe("the ids and names a Nudge's answer numbers namesakes from", () => {
  let handle: TestDatabaseHandle;
  let cohortId: number;
  let expected: MemberName[];

  beforeAll(async () => {
    handle = await openTestDatabase();
    const curriculum = await createCurriculumRow(handle.prisma, "nudge-names", 1);
    cohortId = (await createCohortRow(handle.prisma, curriculum.id, { name: "Names" })).id;
    expected = [];
    for (const userId of ["alex1", "alex2"]) {
      const member = await handle.prisma.member.create({
        data: { cohortId, userId, displayName: "Alex", joinedAt: new Date("2027-01-05T12:00:00Z") },
      });
      expected.push({ memberId: member.id, displayName: "Alex" });
    }
  });

  afterAll(async () => {
    await handle.closeAndDrop();
  });

  /** The Nudge's read as RosterService.memberNames makes it, `primary` standing for the roster's reader. */
  function nudgeNames(primary: SqlReader, hot: SqlReader): Promise<MemberName[]> {
    const rows = new RosterRepository(handle.prisma, handle.target.provider, primary);
    const members = new MemberRepository(handle.prisma, new SerialWriteQueue(), hot, handle.target.provider);
    return rows.namesWithKeysOr(cohortId, ["Alex"], () => members.namesWithKeys(cohortId, ["Alex"]));
  }

  it("come from the roster's reader (on a SQLite file, the worker) while it serves, not the main thread's", async () => {
    const primary = counted(handle.reader);
    const hot = counted(handle.hotReader);
    expect(await nudgeNames(primary, hot)).toEqual(expected);
    expect([primary.reads, hot.reads]).toEqual([1, 0]);
  });

  it.runIf(process.env.TEST_DATABASE !== "postgresql")("come from the main thread while the worker refuses reads", async () => {
    const worker = new SqliteReadWorker({
      filePath: handle.target.provider === "sqlite" ? handle.target.filePath : "",
      busyTimeoutMs: 1_000,
      logger: captureLogger().logger,
    });
    await worker.stop();
    const hot = counted(handle.hotReader);
    expect(await nudgeNames(worker, hot)).toEqual(expected);
    expect(hot.reads).toBe(1);
  });

  it.runIf(process.env.TEST_DATABASE !== "postgresql")(
    "come from the main thread while the worker backs off after a start that failed (its file missing)",
    async () => {
      const worker = new SqliteReadWorker({
        filePath: `${handle.target.provider === "sqlite" ? handle.target.filePath : ""}.missing`,
        busyTimeoutMs: 1_000,
        logger: captureLogger().logger,
        // The clock stands still: the back-off after that failed start never runs out here.
        monotonicNow: () => 0,
      });
      try {
        await expect(worker.read(`SELECT 1`, [])).rejects.toThrow(SqliteReadError);
        await expect(worker.read(`SELECT 1`, [])).rejects.toThrow(/keeps failing/);
        const hot = counted(handle.hotReader);
        expect(await nudgeNames(worker, hot)).toEqual(expected);
        expect(hot.reads).toBe(1);
      } finally {
        await worker.stop();
      }
    },
  );

  it("an error of the read itself is reported, not read again on the main thread", async () => {
    const failing: SqlReader = { read: () => handle.reader.read(`SELECT * FROM "NoSuchTable"`, []) };
    const hot = counted(handle.hotReader);
    await expect(nudgeNames(failing, hot)).rejects.toThrow(/NoSuchTable|does not exist/i);
    expect(hot.reads).toBe(0);
  });
});
