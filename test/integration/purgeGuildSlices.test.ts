import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrivacyRepository } from "../../src/db/repositories/PrivacyRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { AuditRepository } from "../../src/db/repositories/AuditRepository.js";
import { AuditLog } from "../../src/services/AuditLog.js";
import { PrivacyService } from "../../src/services/PrivacyService.js";
import { captureLogger } from "../helpers/silentLogger.js";
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

  /** A server with 75 members in two cohorts, and its departure fallen due; another server with 3 members. */
  async function seedDueServer(leavingId: string, stayingId: string) {
    const prisma = handle.prisma;
    const curriculum = await createCurriculumRow(prisma, `due-${leavingId}`, 4);
    const section = { key: "s", position: 0, title: "S", weekStart: 1, weekEnd: 4 };
    await createSectionRows(prisma, curriculum.id, section, [{ kind: "Required" }]);
    const seed = async (guildId: string, name: string, count: number) => {
      const cohort = await createCohortRow(prisma, curriculum.id, { guildId, name });
      await prisma.member.createMany({
        data: Array.from({ length: count }, (_, index) => ({ cohortId: cohort.id, userId: `u${index}`, displayName: `U${index}` })),
      });
      return cohort;
    };
    await seed(leavingId, "Due A", 45);
    await seed(leavingId, "Due B", 30);
    const other = await seed(stayingId, "Due Elsewhere", 3);
    await prisma.guildDeparture.create({ data: { guildId: leavingId, leftAt: new Date(0), purgeAt: new Date(1000) } });
    return other;
  }

  function scheduledPurges(slicesPerTick: number, writes = new SerialWriteQueue()) {
    const prisma = handle.prisma;
    const audit = new AuditLog(new AuditRepository(prisma), () => new Date());
    const repository = new PrivacyRepository(prisma, handle.target.provider, writes, undefined, slices);
    return new PrivacyService(repository, captureLogger().logger, audit, slicesPerTick);
  }

  it("takes a large server over several ticks, each within its budget, and a restart carries on where it stopped", async () => {
    const prisma = handle.prisma;
    const leavingId = "100000000000000011";
    const other = await seedDueServer(leavingId, "100000000000000012");
    const leavingMembers = () => prisma.member.count({ where: { cohort: { guildId: leavingId } } });

    // 8 members' slices, 2 cohorts' and the end's: more than one tick of 3 slices.
    expect(await scheduledPurges(3).purgeDue(new Date())).toBe(0);
    expect(await leavingMembers()).toBe(45);
    expect(await prisma.guildDeparture.count({ where: { guildId: leavingId } })).toBe(1);

    // Between ticks, another server's member writes as usual.
    await prisma.member.updateMany({ where: { cohortId: other.id, userId: "u0" }, data: { points: 7 } });

    // The process restarted: a new service carries on from what the database holds.
    let ticks = 1;
    let purged = 0;
    while (purged === 0 && ticks < 20) {
      purged = await scheduledPurges(3).purgeDue(new Date());
      ticks += 1;
    }
    expect(purged).toBe(1);
    expect(ticks).toBeGreaterThan(2);
    expect(await leavingMembers()).toBe(0);
    expect(await prisma.cohort.count({ where: { guildId: leavingId } })).toBe(0);
    expect(await prisma.guildDeparture.count({ where: { guildId: leavingId } })).toBe(0);
    expect(await prisma.member.count({ where: { cohortId: other.id } })).toBe(3);
    expect((await prisma.member.findFirstOrThrow({ where: { cohortId: other.id, userId: "u0" } })).points).toBe(7);
  });

  it("stops a scheduled purge when the server adds the bot back while it runs, leaving the rest", async () => {
    const prisma = handle.prisma;
    const leavingId = "100000000000000021";
    await seedDueServer(leavingId, "100000000000000022");
    const writes = new SerialWriteQueue();
    // Another write holds the queue, so the purge's first slice and then the bot's return (as guildsPresent's
    // write would record it) queue behind it in that order: the return comes between two of the purge's slices.
    let release = () => {};
    const held = writes.run(() => new Promise<void>((resolve) => (release = resolve)));
    const purge = scheduledPurges(100, writes).purgeDue(new Date());
    while (writes.length < 2) await new Promise((resolve) => setImmediate(resolve));
    const returned = writes.run(() => prisma.guildDeparture.deleteMany({ where: { guildId: leavingId } }));
    release();
    await held;
    await returned;
    expect(await purge).toBe(0);
    const left = await prisma.member.count({ where: { cohort: { guildId: leavingId } } });
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(75);
    expect(await prisma.cohort.count({ where: { guildId: leavingId } })).toBe(2);
    // Nothing due any more: a later tick deletes nothing.
    expect(await scheduledPurges(100).purgeDue(new Date())).toBe(0);
    expect(await prisma.member.count({ where: { cohort: { guildId: leavingId } } })).toBe(left);
  });
});
