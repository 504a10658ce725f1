import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditRepository } from "../../src/db/repositories/AuditRepository.js";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { CurriculumRepository } from "../../src/db/repositories/CurriculumRepository.js";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { ReminderRepository } from "../../src/db/repositories/ReminderRepository.js";
import { ScheduledPostRepository } from "../../src/db/repositories/ScheduledPostRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { AuditAction } from "../../src/domain/audit/auditAction.js";
import { CohortStatus } from "../../src/domain/cohort/cohortModel.js";
import { UserError } from "../../src/errors.js";
import { AuditLog } from "../../src/services/AuditLog.js";
import { ChannelCheck } from "../../src/services/ChannelGateway.js";
import { CohortBreakService } from "../../src/services/CohortBreakService.js";
import { CohortService } from "../../src/services/CohortService.js";
import { PlanService } from "../../src/services/PlanService.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { captureLogger } from "../helpers/silentLogger.js";

/**
 * Two admins changing a cohort's status at the same moment, against a real database (SQLite, or PostgreSQL with
 * TEST_DATABASE=postgresql). The interleaving is made certain: admin A has read the cohort, then admin B's whole
 * command runs before A's write (A's repository runs B's command first), as it would when B's write commits
 * between A's check and A's write.
 */
const now = new Date("2027-03-03T10:00:00Z");

/** Admin A's repository: its next status or settings write waits until `meanwhile` (admin B's command) is done. */
class Overtaken extends CohortRepository {
  meanwhile: (() => Promise<unknown>) | null = null;

  async letOtherFinish(): Promise<void> {
    const other = this.meanwhile;
    this.meanwhile = null;
    if (other !== null) await other();
  }

  override async end(...args: Parameters<CohortRepository["end"]>) {
    await this.letOtherFinish();
    return super.end(...args);
  }

  override async setStatus(...args: Parameters<CohortRepository["setStatus"]>) {
    await this.letOtherFinish();
    return super.setStatus(...args);
  }

  override async update(...args: Parameters<CohortRepository["update"]>) {
    await this.letOtherFinish();
    return super.update(...args);
  }

  override async updateWithWeekPosts(...args: Parameters<CohortRepository["updateWithWeekPosts"]>) {
    await this.letOtherFinish();
    return super.updateWithWeekPosts(...args);
  }

  override async setBreak(...args: Parameters<CohortRepository["setBreak"]>) {
    await this.letOtherFinish();
    return super.setBreak(...args);
  }
}

/** Admin A's reminder repository, through which a zone edit writes: it waits for `turn`'s `meanwhile` as Overtaken does. */
class OvertakenReminders extends ReminderRepository {
  constructor(
    prisma: ConstructorParameters<typeof ReminderRepository>[0],
    provider: ConstructorParameters<typeof ReminderRepository>[1],
    writes: SerialWriteQueue,
    private readonly turn: Overtaken,
  ) {
    super(prisma, provider, writes);
  }

  override async updateCohortMovingZone(...args: Parameters<ReminderRepository["updateCohortMovingZone"]>) {
    await this.turn.letOtherFinish();
    return super.updateCohortMovingZone(...args);
  }
}

describe("two admins changing a cohort's status at the same moment", () => {
  let handle: TestDatabaseHandle;
  let curriculumId: number;
  let overtaken: Overtaken;
  /** Admin A, whose write comes last. */
  let first: CohortService;
  /** Admin B, another process: its own write queue. */
  let second: CohortService;

  const serviceOver = (repository: CohortRepository, remindersOver?: (writes: SerialWriteQueue) => ReminderRepository) => {
    const { logger } = captureLogger();
    const writes = new SerialWriteQueue({ lockedRetryBudgetMs: 5_000, logger });
    return new CohortService(
      repository,
      new MemberRepository(handle.prisma, writes, handle.hotReader, handle.target.provider),
      new CurriculumRepository(handle.prisma, writes),
      {
        checkPostable: () => Promise.resolve({ check: ChannelCheck.Ok, missing: [] }),
        reportFromCache: () => ({ check: ChannelCheck.Ok, missing: [], canAttachFiles: true, canOpenThreads: true, boardsMissing: [] }),
        mayEditPostedFromCache: () => true,
      },
      logger,
      { roleDeleted: () => false, userIdsWithRole: () => Promise.resolve({ holders: new Set<string>(), present: new Set<string>() }) },
      new AuditLog(new AuditRepository(handle.prisma, writes), () => now),
      remindersOver?.(writes) ?? new ReminderRepository(handle.prisma, handle.target.provider, writes),
      new ScheduledPostRepository(handle.prisma, writes),
    );
  };

  beforeAll(async () => {
    handle = await openTestDatabase();
    curriculumId = (await createCurriculumRow(handle.prisma, "status-races", 4)).id;
    overtaken = new Overtaken(handle.prisma, handle.target.provider);
    first = serviceOver(overtaken, (writes) => new OvertakenReminders(handle.prisma, handle.target.provider, writes, overtaken));
    second = serviceOver(new CohortRepository(handle.prisma, handle.target.provider));
  });
  afterAll(async () => {
    await handle.closeAndDrop();
  });

  const cohortNamed = async (name: string, status: CohortStatus = CohortStatus.Active) =>
    (await createCohortRow(handle.prisma, curriculumId, { name, status })).id;
  const stored = (id: number) => handle.prisma.cohort.findUniqueOrThrow({ where: { id } });
  const linesOf = (id: number, action: AuditAction) => handle.prisma.auditEntry.findMany({ where: { cohortId: id, action } });
  const refusal = async (attempt: Promise<unknown>) => {
    const error = await attempt.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).code;
  };

  it("keeps the cohort ended when a pause read it active before the end and writes after it", async () => {
    const id = await cohortNamed("Pause Then End");
    overtaken.meanwhile = () => second.setStatus("1", "Pause Then End", CohortStatus.Ended, "admin-b", now);

    expect(await refusal(first.setStatus("1", "Pause Then End", CohortStatus.Paused, "admin-a", now))).toBe("cohort.alreadyEnded");
    const cohort = await stored(id);
    expect([cohort.status, cohort.endedAt?.toISOString()]).toEqual([CohortStatus.Ended, now.toISOString()]);
    expect((await linesOf(id, AuditAction.End)).map((line) => line.actorId)).toEqual(["admin-b"]);
    expect(await linesOf(id, AuditAction.Pause)).toEqual([]);
    // A second end is refused: no second End line.
    expect(await refusal(second.setStatus("1", "Pause Then End", CohortStatus.Ended, "admin-b", now))).toBe("cohort.alreadyEnded");
    expect(await linesOf(id, AuditAction.End)).toHaveLength(1);
  });

  it("keeps the cohort ended when a resume read it paused before the end and writes after it", async () => {
    const id = await cohortNamed("Resume Then End", CohortStatus.Paused);
    overtaken.meanwhile = () => second.setStatus("1", "Resume Then End", CohortStatus.Ended, "admin-b", now);

    expect(await refusal(first.setStatus("1", "Resume Then End", CohortStatus.Active, "admin-a", now))).toBe("cohort.alreadyEnded");
    expect((await stored(id)).status).toBe(CohortStatus.Ended);
    expect(await linesOf(id, AuditAction.Resume)).toEqual([]);
  });

  it("refuses the second of two pauses as already paused, with one Pause line", async () => {
    const id = await cohortNamed("Paused Twice");
    overtaken.meanwhile = () => second.setStatus("1", "Paused Twice", CohortStatus.Paused, "admin-b", now);

    expect(await refusal(first.setStatus("1", "Paused Twice", CohortStatus.Paused, "admin-a", now))).toBe("cohort.alreadyPaused");
    expect((await stored(id)).status).toBe(CohortStatus.Paused);
    expect(await linesOf(id, AuditAction.Pause)).toHaveLength(1);
  });

  it("ends the cohort once when both admins read it before either ends it", async () => {
    const id = await cohortNamed("Both End");
    const later = new Date(now.getTime() + 60_000);
    overtaken.meanwhile = () => second.setStatus("1", "Both End", CohortStatus.Ended, "admin-b", now);

    expect(await refusal(first.setStatus("1", "Both End", CohortStatus.Ended, "admin-a", later))).toBe("cohort.alreadyEnded");
    // The end that won stands, with its own time and its own single End line.
    expect((await stored(id)).endedAt?.toISOString()).toBe(now.toISOString());
    expect((await linesOf(id, AuditAction.End)).map((line) => line.actorId)).toEqual(["admin-b"]);
  });

  it("records the status an end actually ended from when a pause came between its check and its write", async () => {
    const id = await cohortNamed("Paused Meanwhile");
    overtaken.meanwhile = () => second.setStatus("1", "Paused Meanwhile", CohortStatus.Paused, "admin-b", now);

    const ended = await first.setStatus("1", "Paused Meanwhile", CohortStatus.Ended, "admin-a", now);
    expect(ended.status).toBe(CohortStatus.Ended);
    const [line] = await linesOf(id, AuditAction.End);
    expect([line?.before, line?.after]).toEqual([JSON.stringify({ status: "paused" }), JSON.stringify({ status: "ended" })]);
  });

  it("refuses a schedule edit that read the cohort before an end and writes after it", async () => {
    const id = await cohortNamed("Edit Then End");
    overtaken.meanwhile = () => second.setStatus("1", "Edit Then End", CohortStatus.Ended, "admin-b", now);

    const edit = first.edit({ guildId: "1", cohort: "Edit Then End", announceTime: "18:30", actorId: "admin-a", now });
    expect(await refusal(edit)).toBe("cohort.endedNoChange");
    expect((await stored(id)).announceTime).not.toBe("18:30");
    expect(await linesOf(id, AuditAction.Edit)).toEqual([]);
  });

  it("refuses a schedule edit that read the cohort before another admin's schedule edit was saved, keeping that one", async () => {
    const id = await cohortNamed("Two Schedule Edits");
    const { announceTime } = await stored(id);
    overtaken.meanwhile = () => second.edit({ guildId: "1", cohort: "Two Schedule Edits", announceDay: 3, actorId: "admin-b", now });

    const edit = first.edit({ guildId: "1", cohort: "Two Schedule Edits", announceTime: "18:30", actorId: "admin-a", now });
    expect(await refusal(edit)).toBe("cohort.changedMeanwhile");
    const cohort = await stored(id);
    expect([cohort.announceDay, cohort.announceTime]).toEqual([3, announceTime]);
    expect((await linesOf(id, AuditAction.Edit)).map((line) => line.actorId)).toEqual(["admin-b"]);
  });

  it.each([
    ["announce time", { announceTime: "18:30" }],
    ["start date", { start: "2027-03-08" }],
    // Written with the reminder days it moves (ReminderRepository.updateCohortMovingZone).
    ["time zone", { timeZone: "America/New_York" }],
  ] as const)(
    "refuses a %s edit that read the cohort before its closing post finished it, saying the course has finished",
    async (_change, options) => {
      const name = `Edit Then Finish ${Object.keys(options).join("")}`;
      const id = await cohortNamed(name);
      const before = await stored(id);
      // The scheduler's closing post, in another process, between the edit's check and its write.
      overtaken.meanwhile = () => new CohortRepository(handle.prisma, handle.target.provider).markFinished(id, 12, new Date(0));

      const edit = first.edit({ guildId: "1", cohort: name, ...options, actorId: "admin-a", now });
      expect(await refusal(edit)).toBe("cohort.finishedNoChange");
      const after = await stored(id);
      expect([after.status, after.startDate, after.announceTime, after.timeZone]).toEqual([
        CohortStatus.Finished,
        before.startDate,
        before.announceTime,
        before.timeZone,
      ]);
      expect(await linesOf(id, AuditAction.Edit)).toEqual([]);
    },
  );

  it("writes nothing for an edit whose values were the cohort's as it read them, keeping another admin's change saved since", async () => {
    const id = await cohortNamed("No-op Then Change");
    const { leaderboard, language } = await stored(id);
    const changed = leaderboard === "aliases" ? "names" : "aliases";
    overtaken.meanwhile = () => second.edit({ guildId: "1", cohort: "No-op Then Change", leaderboard: changed, actorId: "admin-b", now });

    // Admin A gives the board setting and language the cohort had when A read it: nothing to change.
    const edit = await first.edit({ guildId: "1", cohort: "No-op Then Change", leaderboard, language, actorId: "admin-a", now });
    expect(edit.changed).toBe(false);
    // B's change stands, audited; A's "nothing changed" wrote nothing over it.
    expect((await stored(id)).leaderboard).toBe(changed);
    expect((await linesOf(id, AuditAction.Edit)).map((line) => line.actorId)).toEqual(["admin-b"]);
  });

  it("flags the posted boards when an edit that changes something writes back a board setting changed meanwhile", async () => {
    const id = await cohortNamed("Off Then Names");
    await handle.prisma.cohort.update({ where: { id }, data: { leaderboard: "off" } });
    const post = await handle.prisma.scheduledPost.create({
      data: { cohortId: id, kind: "week", period: "week-1", dueAt: now, status: "sent", sentAt: now, messageId: "m1" },
    });
    overtaken.meanwhile = async () => {
      await second.edit({ guildId: "1", cohort: "Off Then Names", leaderboard: "names", actorId: "admin-b", now });
      // B's redraw ran: the posted board shows the names.
      await handle.prisma.scheduledPost.update({ where: { id: post.id }, data: { nextAttemptAt: null } });
    };

    // Admin A renames, giving `leaderboard:off` as A read it: A's write sets it back to off.
    const edit = await first.edit({
      guildId: "1",
      cohort: "Off Then Names",
      name: "Off Then Renamed",
      leaderboard: "off",
      actorId: "admin-a",
      now,
    });
    expect(edit.changed).toBe(true);
    expect((await stored(id)).leaderboard).toBe("off");
    // So the board showing the names is redrawn, hiding them again.
    expect((await handle.prisma.scheduledPost.findUniqueOrThrow({ where: { id: post.id } })).nextAttemptAt).not.toBeNull();
  });

  it("refuses a break that read the cohort before an end and writes after it", async () => {
    const id = await cohortNamed("Break Then End");
    overtaken.meanwhile = () => second.setStatus("1", "Break Then End", CohortStatus.Ended, "admin-b", now);
    const { logger } = captureLogger();
    const audit = new AuditLog(new AuditRepository(handle.prisma), () => now);
    const breaks = new CohortBreakService(first, overtaken, new PlanService(new CurriculumRepository(handle.prisma)), logger, audit);

    const request = { guildId: "1", cohort: "Break Then End", week: 3, undo: false, now, actorId: "admin-a" };
    expect(await refusal(breaks.change(request))).toBe("cohort.endedNoChange");
    expect(await handle.prisma.cohortBreak.findMany({ where: { cohortId: id } })).toEqual([]);
    expect(await linesOf(id, AuditAction.Break)).toEqual([]);
  });
});
