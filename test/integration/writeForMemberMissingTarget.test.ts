import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckpointRepository } from "../../src/db/repositories/CheckpointRepository.js";
import { MembershipGoneError } from "../../src/db/repositories/MembershipGoneError.js";
import { CheckpointAnswerKind } from "../../src/domain/cohort/cohortModel.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow, createSectionRows } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";

/**
 * A member's write fails on a missing row it refers to. Only a missing membership (their `/privacy delete`
 * committed meanwhile) means "you are not a member"; a section a curriculum re-import removed meanwhile
 * does not, and must not read as one.
 */
describe("a member's write whose other target was deleted meanwhile", () => {
  let handle: TestDatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => handle.closeAndDrop());

  async function memberWithSection() {
    const prisma = handle.prisma;
    const curriculum = await createCurriculumRow(prisma, `c${Math.random().toString(36).slice(2)}`, 2);
    const section = { key: "s", position: 0, title: "S", weekStart: 1, weekEnd: 2 };
    const { sectionId } = await createSectionRows(prisma, curriculum.id, section, [{ kind: "Required" }]);
    const cohort = await createCohortRow(prisma, curriculum.id, { name: `C${curriculum.id}` });
    const member = await prisma.member.create({ data: { cohortId: cohort.id, userId: "u1", displayName: "U1" } });
    return { memberId: member.id, sectionId };
  }

  it("is not taken for a deleted membership when the section went", async () => {
    const { memberId, sectionId } = await memberWithSection();
    await handle.prisma.section.delete({ where: { id: sectionId } });
    const error: unknown = await new CheckpointRepository(handle.prisma)
      .save(memberId, sectionId, CheckpointAnswerKind.Confident, new Date())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(MembershipGoneError);
  });

  it("is a deleted membership when the member went", async () => {
    const { memberId, sectionId } = await memberWithSection();
    await handle.prisma.member.delete({ where: { id: memberId } });
    const error: unknown = await new CheckpointRepository(handle.prisma)
      .save(memberId, sectionId, CheckpointAnswerKind.Confident, new Date())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MembershipGoneError);
  });
});
