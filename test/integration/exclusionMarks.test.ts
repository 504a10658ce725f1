import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { openOtherSession, untilLockWaitOr } from "../helpers/postgresSessions.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/** A cohort whose exclude_role is `roleId`, with members `userIds` (none marked yet). */
async function cohortWithRole(database: TestDatabaseHandle, roleId: string, userIds: readonly string[]) {
  const curriculum = await createCurriculumRow(database.prisma, "marks", 4);
  const { id: cohortId } = await createCohortRow(database.prisma, curriculum.id, {
    guildId: "g1",
    channelId: "c1",
    name: "Marks",
    startDate: "2027-01-04",
    excludeRoleId: roleId,
  });
  const memberIds: number[] = [];
  for (const userId of userIds)
    memberIds.push((await database.prisma.member.create({ data: { cohortId, userId }, select: { id: true } })).id);
  const members = new MemberRepository(database.prisma, new SerialWriteQueue(), database.hotReader, database.target.provider);
  return { cohortId, memberIds, members };
}

/**
 * A member's command reads the cohort's exclude_role, then writes the member's mark from the roles it
 * carried. An admin who removes or changes the role in between must not be undone by that write: with
 * no role left, nothing would ever list or note that cohort again and the member would stay off the board.
 */
describe("a member's own exclude_role mark against an admin's change of the role", () => {
  let database: TestDatabaseHandle;
  let members: MemberRepository;
  let cohortId: number;
  let memberId: number;
  const at = new Date("2027-01-05T10:00:00Z");

  beforeAll(async () => {
    database = await openTestDatabase();
    let memberIds: number[];
    ({ cohortId, memberIds, members } = await cohortWithRole(database, "role-a", ["u1"]));
    memberId = memberIds[0] ?? 0;
  });

  afterAll(async () => database.closeAndDrop());

  const excluded = async () => (await database.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).excluded;

  it("is written while the cohort's role is the one the command saw", async () => {
    await members.noteExcluded(memberId, "role-a", true, at);
    expect(await excluded()).toBe(true);
    await members.noteExcluded(memberId, "role-a", false, new Date(at.getTime() + 1000));
    expect(await excluded()).toBe(false);
  });

  it("is not written once the admin removed the role", async () => {
    await database.prisma.cohort.update({ where: { id: cohortId }, data: { excludeRoleId: null } });
    await members.noteExcluded(memberId, "role-a", true, new Date(at.getTime() + 2000));
    expect(await excluded()).toBe(false);
  });
});

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
    ({ cohortId, members } = await cohortWithRole(database, "old-role", ["u1", "u2", "u3"]));
    editor = await openOtherSession(database);
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
    await untilLockWaitOr(database, () => marked);
    await editor.query("COMMIT");
    await marking;
    const excluded = await database.prisma.member.findMany({ where: { cohortId, excluded: true }, select: { userId: true } });
    expect(excluded).toEqual([]);
  });
});
