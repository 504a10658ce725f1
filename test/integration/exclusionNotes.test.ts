import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";

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
    members = new MemberRepository(database.prisma, new SerialWriteQueue(), database.hotReader);
    const curriculum = await createCurriculumRow(database.prisma, "notes", 4);
    const cohort = await database.prisma.cohort.create({
      data: {
        guildId: "g1",
        channelId: "c1",
        name: "Notes",
        curriculumId: curriculum.id,
        startDate: "2027-01-04",
        excludeRoleId: "role-a",
      },
      select: { id: true },
    });
    cohortId = cohort.id;
    memberId = (await database.prisma.member.create({ data: { cohortId, userId: "u1" }, select: { id: true } })).id;
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
