import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrivacyRepository } from "../../src/db/repositories/PrivacyRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow, createSectionRows } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";

const leaving = "100000000000000001";
const staying = "100000000000000002";
/** Small slices, so that a few dozen members take several. */
const slices = { members: 10, cohorts: 1, auditLines: 10 };

/**
 * A large server's purge (the scheduler's, 30 days after the bot left it) deletes its members a slice at a
 * time, each slice a write of its own in the process's write queue: another server's `/done`, queued while
 * the purge is under way, goes through between two slices instead of waiting for the whole server's rows
 * (seconds for 10,000 members with their history, while SQLite's write lock stops every other write).
 */
describe("PrivacyRepository.purgeGuild of a large server", () => {
  let handle: TestDatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => handle.closeAndDrop());

  it("lets another server's write through before it ends, and leaves nothing of the server nor anything of the other", async () => {
    const prisma = handle.prisma;
    const withItems = async (slug: string) => {
      const curriculum = await createCurriculumRow(prisma, slug, 4);
      const section = { key: "s", position: 0, title: "S", weekStart: 1, weekEnd: 4 };
      const { itemIds } = await createSectionRows(
        prisma,
        curriculum.id,
        section,
        Array.from({ length: 5 }, () => ({ kind: "Required" })),
      );
      return { id: curriculum.id, itemIds };
    };
    // The server's own curriculum (an import), which its cohorts' rows refer to: deleted after them.
    const own = await withItems("own");
    await prisma.curriculum.update({ where: { id: own.id }, data: { scope: leaving } });
    const builtIn = await withItems("built-in");
    const seedMembers = async (guildId: string, name: string, count: number) => {
      const curriculum = guildId === leaving ? own : builtIn;
      const cohort = await createCohortRow(prisma, curriculum.id, { guildId, name });
      await prisma.member.createMany({
        data: Array.from({ length: count }, (_, index) => ({ cohortId: cohort.id, userId: `u${index}`, displayName: `U${index}` })),
      });
      const members = await prisma.member.findMany({ where: { cohortId: cohort.id }, select: { id: true } });
      await prisma.completion.createMany({
        data: members.flatMap(({ id: memberId }) =>
          curriculum.itemIds.map((itemId) => ({
            memberId,
            itemId,
            cohortId: cohort.id,
            completedAt: new Date(),
            weekNumber: 1,
            points: 1,
          })),
        ),
      });
      return cohort;
    };
    await seedMembers(leaving, "Big A", 45);
    await seedMembers(leaving, "Big B", 30);
    const other = await seedMembers(staying, "Elsewhere", 3);
    for (const guildId of [leaving, staying])
      await prisma.auditEntry.createMany({
        data: Array.from({ length: 25 }, () => ({ guildId, actorId: "admin", action: "credit", createdAt: new Date() })),
      });

    const writes = new SerialWriteQueue();
    const privacy = new PrivacyRepository(prisma, handle.target.provider, writes, undefined, slices);
    let purgeEnded = false;
    const purge = privacy.purgeGuild(leaving).then((result) => {
      purgeEnded = true;
      return result;
    });
    // Another server's member logs an item while the purge runs (as CompletionRepository's write would).
    const elsewhere = await writes.run(async () => {
      await prisma.member.updateMany({ where: { cohortId: other.id, userId: "u0" }, data: { points: 7 } });
      return { purgeEndedFirst: purgeEnded, leavingMembers: await prisma.member.count({ where: { cohort: { guildId: leaving } } }) };
    });
    expect(elsewhere.purgeEndedFirst).toBe(false);
    expect(elsewhere.leavingMembers).toBeGreaterThan(0);

    expect(await purge).toEqual({ cohorts: 2, curricula: 1, departures: 0, auditLines: 25, pendingImports: 0 });
    expect(await prisma.cohort.count({ where: { guildId: leaving } })).toBe(0);
    expect(await prisma.member.count({ where: { cohort: { guildId: leaving } } })).toBe(0);
    expect(await prisma.completion.count({ where: { cohortId: { not: other.id } } })).toBe(0);
    expect(await prisma.member.count({ where: { cohortId: other.id } })).toBe(3);
    expect(await prisma.completion.count({ where: { cohortId: other.id } })).toBe(15);
    expect(await prisma.auditEntry.count({ where: { guildId: staying } })).toBe(25);
    expect((await prisma.member.findFirstOrThrow({ where: { cohortId: other.id, userId: "u0" } })).points).toBe(7);
  });
});
