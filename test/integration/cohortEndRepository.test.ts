import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { CohortStatus } from "../../src/domain/cohort/cohortModel.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/**
 * Break weeks and the end of the course against a real database (SQLite, or
 * PostgreSQL with TEST_DATABASE=postgresql): what `/cohort break` stores, the
 * final board kept once, members' final points, and finishing only once.
 */
describe("CohortRepository: break weeks and the final board", () => {
  let handle: TestDatabaseHandle;
  let cohorts: CohortRepository;
  let members: MemberRepository;
  let cohortId: number;

  beforeAll(async () => {
    handle = await openTestDatabase();
    cohorts = new CohortRepository(handle.prisma);
    members = new MemberRepository(
      handle.prisma,
      new SerialWriteQueue({ lockedRetryBudgetMs: 1_000, logger: captureLogger().logger }),
      handle.hotReader,
    );
    const curriculum = await createCurriculumRow(handle.prisma, "end-test", 4);
    const cohort = await createCohortRow(handle.prisma, curriculum.id, { name: "Ending" });
    cohortId = cohort.id;
  }, 60_000);
  afterAll(async () => {
    await handle.closeAndDrop();
  });

  it("stores break weeks once each, reads them with the cohort in order, and removes them", async () => {
    expect(await cohorts.setBreak(cohortId, 3, false)).toBe(true);
    expect(await cohorts.setBreak(cohortId, 2, false)).toBe(true);
    expect(await cohorts.setBreak(cohortId, 3, false)).toBe(false);
    expect((await cohorts.findById(cohortId))?.breakWeeks).toEqual([2, 3]);
    expect((await cohorts.listSchedulable())[0]?.breakWeeks).toEqual([2, 3]);
    expect((await cohorts.listInGuild("1"))[0]?.breakWeeks).toEqual([2, 3]);
    expect(await cohorts.setBreak(cohortId, 2, true)).toBe(true);
    expect(await cohorts.setBreak(cohortId, 2, true)).toBe(false);
    expect((await cohorts.findByName("1", "Ending"))?.breakWeeks).toEqual([3]);
    expect((await members.listActiveInGuild("1", "nobody")).length).toBe(0);
  });

  it("keeps the first final board with every member's points at that moment, and ranks on them", async () => {
    const now = new Date("2027-04-05T09:00:00Z");
    const ada = (await members.join(cohortId, "ada", "Ada", now)).member;
    const bob = (await members.join(cohortId, "bob", "Bob", now)).member;
    const cy = (await members.join(cohortId, "cy", "Cy", now)).member;
    await handle.prisma.member.update({ where: { id: ada.id }, data: { points: 50 } });
    await handle.prisma.member.update({ where: { id: bob.id }, data: { points: 30 } });
    await handle.prisma.member.update({ where: { id: cy.id }, data: { points: 30, leftAt: now } });

    expect(await cohorts.saveFinalBoard(cohortId, '{"first":true}')).toBe('{"first":true}');
    // Later completions and a second save change nothing kept.
    await handle.prisma.member.update({ where: { id: bob.id }, data: { points: 90 } });
    expect(await cohorts.saveFinalBoard(cohortId, '{"second":true}')).toBe('{"first":true}');
    expect(await cohorts.finalBoard(cohortId)).toBe('{"first":true}');

    const finalPoints = async (memberId: number) => (await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).finalPoints;
    expect([await finalPoints(ada.id), await finalPoints(bob.id), await finalPoints(cy.id)]).toEqual([50, 30, null]);
    expect((await members.find(cohortId, "bob"))?.finalPoints).toBe(30);
    expect(await cohorts.finalStanding(cohortId, 30)).toEqual({ ahead: 1, ranked: 2 });
    expect(await cohorts.finalStanding(cohortId, 50)).toEqual({ ahead: 0, ranked: 2 });
  });

  it("finishes an active cohort once, and never a paused or ended one", async () => {
    expect(await cohorts.markFinished(cohortId)).toBe(true);
    expect(await cohorts.markFinished(cohortId)).toBe(false);
    expect((await cohorts.findById(cohortId))?.status).toBe(CohortStatus.Finished);
    // A finished cohort is no longer the scheduler's.
    expect((await cohorts.listSchedulable()).map((cohort) => cohort.id)).not.toContain(cohortId);
    await cohorts.update(cohortId, { status: CohortStatus.Paused });
    expect(await cohorts.markFinished(cohortId)).toBe(false);
  });
});
