import { describe, expect, it } from "vitest";
import { AuditRepository } from "../../src/db/repositories/AuditRepository.js";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { PrivacyRepository } from "../../src/db/repositories/PrivacyRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { AuditAction } from "../../src/domain/audit/auditAction.js";
import { AuditLog } from "../../src/services/AuditLog.js";
import { PrivacyService } from "../../src/services/PrivacyService.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { withOtherSession } from "../helpers/withOtherSession.js";
import { countLockWaiters, holdCohortRow, untilLockWaitOr } from "../helpers/postgresSessions.js";
import { captureLogger } from "../helpers/silentLogger.js";

/**
 * /privacy delete against other writes of the same cohort at once, on PostgreSQL (another session holds a
 * lock so that the deletions are known to be under way together). On SQLite one write holds the file at a
 * time: there is no such interleaving to test.
 */
describe.runIf(process.env.TEST_DATABASE === "postgresql")("PrivacyRepository.deleteMember at the same time as other writes", () => {
  const database = withOtherSession();

  it("two members of one finished cohort deleting themselves at once: the kept final board names neither", async () => {
    const { handle, other } = database;
    const now = new Date("2027-04-05T09:00:00Z");
    const curriculum = await createCurriculumRow(handle.prisma, "race", 4);
    const cohort = await createCohortRow(handle.prisma, curriculum.id, { name: "Race" });
    const members = new MemberRepository(handle.prisma, new SerialWriteQueue(), handle.hotReader, handle.target.provider);
    const ada = (await members.join(cohort.id, "ada", "Ada", now)).member;
    const bob = (await members.join(cohort.id, "bob", "Bob", now)).member;
    const cy = (await members.join(cohort.id, "cy", "Cy", now)).member;
    const top = [ada, bob, cy].map((m, i) => ({ memberId: m.id, displayName: m.displayName, points: 30 - i, presentation: "name" }));
    await handle.prisma.cohort.update({ where: { id: cohort.id }, data: { finalBoard: JSON.stringify({ top, rankedMembers: 3 }) } });
    await handle.prisma.member.updateMany({ where: { cohortId: cohort.id }, data: { finalRanked: true, finalPoints: 10 } });

    // Another write holds the cohort's row until both deletions wait for it (two processes, two write queues).
    await holdCohortRow(other, cohort.id);
    const a = new PrivacyRepository(handle.prisma, handle.target.provider).deleteMember("1", "ada", now);
    const b = new PrivacyRepository(handle.prisma, handle.target.provider).deleteMember("1", "bob", now);
    while ((await countLockWaiters(handle)) < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    await other.query("COMMIT");
    expect((await Promise.all([a, b])).map((result) => result.memberships)).toEqual([1, 1]);

    const kept = JSON.parse((await handle.prisma.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).finalBoard ?? "null") as {
      top: { displayName: string }[];
      rankedMembers: number;
    };
    expect(kept.top.map((entry) => entry.displayName)).toEqual(["Cy"]);
    expect(kept.rankedMembers).toBe(1);
  });

  it("a membership joined while the deletion waits for the user's cohorts: its cohort gets the deletion's audit line too", async () => {
    const { handle, other } = database;
    const now = new Date("2027-04-05T09:00:00Z");
    const curriculum = await createCurriculumRow(handle.prisma, "audit-join", 4);
    const first = await createCohortRow(handle.prisma, curriculum.id, { name: "Audit First" });
    const second = await createCohortRow(handle.prisma, curriculum.id, { name: "Audit Second" });
    const members = new MemberRepository(handle.prisma, new SerialWriteQueue(), handle.hotReader, handle.target.provider);
    await members.join(first.id, "dana", "Dana", now);

    // Another write holds Dana's cohort; once the deletion waits for it, Dana's join of the second cohort commits.
    await holdCohortRow(other, first.id);
    const audit = new AuditLog(new AuditRepository(handle.prisma), () => now);
    const privacy = new PrivacyService(new PrivacyRepository(handle.prisma, handle.target.provider), captureLogger().logger, audit);
    let finished = false;
    const deletion = privacy.deleteMember("1", "dana", now).finally(() => (finished = true));
    await untilLockWaitOr(handle, () => finished);
    await other.query(`INSERT INTO "Member" ("cohortId", "userId", "displayName") VALUES ($1, 'dana', 'Dana')`, [second.id]);
    await other.query("COMMIT");

    // Both memberships went, and each cohort's trail (as /cohort audit pages it) says someone there deleted their data.
    expect((await deletion).memberships).toBe(2);
    const trail = async (cohortId: number) => (await audit.page("1", cohortId, null))?.entries.map((entry) => entry.action);
    expect({ first: await trail(first.id), second: await trail(second.id) }).toEqual({
      first: [AuditAction.PrivacyDelete],
      second: [AuditAction.PrivacyDelete],
    });
  });

  it("another member's /done under way (their row, the score tally, then the live board): both commit, the board is flagged", async () => {
    const { handle, other } = database;
    const now = new Date("2027-04-05T09:00:00Z");
    const curriculum = await createCurriculumRow(handle.prisma, "dl", 4);
    const cohort = await createCohortRow(handle.prisma, curriculum.id, { name: "DL" });
    const members = new MemberRepository(handle.prisma, new SerialWriteQueue(), handle.hotReader, handle.target.provider);
    await members.join(cohort.id, "ada", "Ada", now);
    const bob = (await members.join(cohort.id, "bob", "Bob", now)).member;
    // Both on 10 points: the score tally's row (cohort, all time, 10) counts both.
    await handle.prisma.member.updateMany({ where: { cohortId: cohort.id }, data: { points: 10 } });
    const post = await handle.prisma.scheduledPost.create({
      data: {
        cohortId: cohort.id,
        kind: "week",
        period: "week-1",
        dueAt: now,
        status: "sent",
        boardLiveUntil: new Date("2027-04-10T00:00:00Z"),
      },
    });
    // Bob's /done as CompletionRepository sends it: his row, his points (the tally's rows of 10 and 12), then the live board.
    await other.query("BEGIN");
    await other.query(`SELECT 1 FROM "Member" WHERE "id" = $1 FOR NO KEY UPDATE`, [bob.id]);
    await other.query(`UPDATE "Member" SET "points" = 12 WHERE "id" = $1`, [bob.id]);
    let finished = false;
    const deletion = new PrivacyRepository(handle.prisma, handle.target.provider)
      .deleteMember("1", "ada", now)
      .then(
        (result) => result.memberships,
        (error: unknown) => String(error),
      )
      .finally(() => (finished = true));
    await untilLockWaitOr(handle, () => finished);
    const marked = await other
      .query(`UPDATE "ScheduledPost" SET "boardDirty" = true WHERE "cohortId" = $1 AND "boardDirty" = false AND "boardLiveUntil" > $2`, [
        cohort.id,
        now,
      ])
      .then(
        (result) => result.rowCount,
        (error: unknown) => String(error),
      );
    await other.query(typeof marked === "number" ? "COMMIT" : "ROLLBACK");
    expect({ marked, deleted: await deletion }).toEqual({ marked: 1, deleted: 1 });
    expect(await handle.prisma.member.findMany({ where: { cohortId: cohort.id }, select: { displayName: true, points: true } })).toEqual([
      { displayName: "Bob", points: 12 },
    ]);
    expect((await handle.prisma.scheduledPost.findUniqueOrThrow({ where: { id: post.id } })).boardDirty).toBe(true);
  });
});
