import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemberPlanRepository } from "../../src/db/repositories/MemberPlanRepository.js";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { openDatabase, type DatabaseHandle } from "../../src/db/openDatabase.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import type { PersonalBreak } from "../../src/domain/schedule/memberPlan.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { projectPaths } from "../../src/projectPaths.js";
import { bookBreak } from "../helpers/bookBreak.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow, createSectionRows } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { captureLogger } from "../helpers/silentLogger.js";

/**
 * `/break` stores the member's last pace change (`bookedAfterAdjustmentId`) with the days off: the plan
 * spreads catch-ups made later around the break, earlier ones from its first day. Read and written in one
 * transaction behind the member's lock, so a pace change from another process (its own connection and
 * write queue) comes wholly before the break or wholly after it, never between the read and the write; and
 * so does another process's booking (checked against this one for overlaps) or `off:True` (which ends it).
 */
describe("/break's booking order among the member's pace changes", () => {
  let handle: TestDatabaseHandle;
  let other: DatabaseHandle;
  let members: MemberRepository;
  let cohortId: number;
  let itemId: number;

  beforeAll(async () => {
    handle = await openTestDatabase();
    // A second bot process on the same database: its own connection(s).
    other = await openDatabase({ url: handle.target.url, migrationsDir: projectPaths().migrationsDir, logger: captureLogger().logger });
    members = new MemberRepository(handle.prisma, new SerialWriteQueue(), handle.hotReader, handle.target.provider);
    const curriculum = await createCurriculumRow(handle.prisma, "booking-test", 1);
    const section = { key: "s", position: 0, title: "S", weekStart: 1, weekEnd: 1 };
    [itemId = 0] = (await createSectionRows(handle.prisma, curriculum.id, section, [{ kind: "Required", minutes: 20 }])).itemIds;
    cohortId = (await createCohortRow(handle.prisma, curriculum.id, { name: "Booking" })).id;
  });
  afterAll(async () => {
    await other.close();
    await handle.closeAndDrop();
  });

  const newMember = async (userId: string) => (await members.join(cohortId, userId, userId, new Date("2027-03-09T10:00:00Z"))).member;
  const stored = (memberId: number) =>
    handle.prisma.memberBreak.findMany({ where: { memberId }, orderBy: { id: "asc" }, select: { bookedAfterAdjustmentId: true } });

  it("records the member's latest pace change at the time of the write", async () => {
    const member = await newMember("latest");
    const plans = new MemberPlanRepository(handle.prisma, new SerialWriteQueue(), handle.hotReader, handle.target.provider);
    await plans.addAdjustment(member.id, { kind: "extend" });
    await plans.addAdjustment(member.id, { kind: "catch_up", appliedOn: "2027-03-10", days: 3, itemIds: [itemId] });
    const last = await handle.prisma.memberAdjustment.findFirstOrThrow({ where: { memberId: member.id }, orderBy: { id: "desc" } });
    const booked = await bookBreak(plans, member.id, { from: "2027-03-12", to: "2027-03-13" });
    expect(booked.bookedAfter).toBe(2);
    expect(await stored(member.id)).toEqual([{ bookedAfterAdjustmentId: last.id }]);
  });

  it("a catch-up another process makes while the break is being booked comes wholly after it, not between its read and its write", async () => {
    const member = await newMember("racing");
    const { booking, meanwhile, outcome, plans } = await bookWhile(member.id, { from: "2027-03-12", to: "2027-03-13" }, (otherPlans) =>
      otherPlans.addAdjustment(member.id, { kind: "catch_up", appliedOn: "2027-03-10", days: 3, itemIds: [itemId] }),
    );
    await meanwhile;
    const [adjustment] = await handle.prisma.memberAdjustment.findMany({ where: { memberId: member.id } });
    // A catch-up committed before the break's row is written comes before the break.
    expect(booking.booked?.bookedAfter).toBe(outcome === "committed" ? 1 : 0);
    // And it cannot commit there: it waits for the booking's lock, and comes after the break.
    expect(outcome).toBe("blocked");
    expect(await stored(member.id)).toEqual([{ bookedAfterAdjustmentId: 0 }]);
    expect((await plans.load(member.id)).breaks.map((entry) => entry.bookedAfter)).toEqual([0]);
    expect(adjustment).toBeDefined();
  });

  it("overlapping days off another process books meanwhile are checked after this booking commits, and refused", async () => {
    const member = await newMember("twice");
    const { booking, meanwhile, outcome } = await bookWhile(member.id, { from: "2027-03-12", to: "2027-03-13" }, (otherPlans) =>
      otherPlans.addBreak(member.id, { from: "2027-03-13", to: "2027-03-15" }, "2027-03-10"),
    );
    expect(outcome).toBe("blocked");
    expect(booking.refused).toBeNull();
    expect(await meanwhile).toEqual({
      booked: null,
      refused: { problem: "overlaps", overlapping: { from: "2027-03-12", to: "2027-03-13" } },
    });
    expect(await stored(member.id)).toEqual([{ bookedAfterAdjustmentId: 0 }]);
  });

  it("days off ended by another process while they are being booked are ended after the booking, not missed", async () => {
    const member = await newMember("ender");
    const { booking, meanwhile, outcome } = await bookWhile(member.id, { from: "2027-03-12", to: "2027-03-13" }, (otherPlans) =>
      otherPlans.endBreaks(member.id, { from: "2027-03-12", to: "2027-03-13" }, "2027-03-10"),
    );
    expect(outcome).toBe("blocked");
    expect(booking.refused).toBeNull();
    expect(await meanwhile).toEqual([{ from: "2027-03-12", to: "2027-03-13" }]);
    expect(await stored(member.id)).toEqual([]);
  });

  /**
   * Books `entry` on member day 2027-03-10 in this process; just before the break's row is written (after
   * whatever the booking read), `meanwhile` starts in the other process (its own connection and write queue),
   * and the booking goes on once that has either committed or is waiting for the booking's lock. A write of the
   * other process that meets the lock (SQLite) says so at its queue's first pause and waits there until the
   * break is booked.
   */
  async function bookWhile<T>(memberId: number, entry: PersonalBreak, start: (otherPlans: MemberPlanRepository) => Promise<T>) {
    const provider = handle.target.provider;
    let reportBlocked = () => {};
    const blockedInQueue = new Promise<void>((resolve) => (reportBlocked = resolve));
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const otherQueue = new SerialWriteQueue({
      lockedRetryBudgetMs: 3_600_000,
      pause: async () => {
        reportBlocked();
        await released;
      },
    });
    const otherPlans = new MemberPlanRepository(other.prisma, otherQueue, other.hotReader, other.target.provider);
    let meanwhile: Promise<T> | undefined;
    let outcome: "committed" | "blocked" | undefined;
    const hooked = handle.prisma.$extends({
      query: {
        memberBreak: {
          async create({ args, query }) {
            meanwhile ??= start(otherPlans);
            outcome ??= await Promise.race([meanwhile.then(() => "committed" as const), waitingForLock(provider, blockedInQueue)]);
            return query(args);
          },
        },
      },
    }) as unknown as PrismaClient;
    const plans = new MemberPlanRepository(hooked, new SerialWriteQueue(), handle.hotReader, provider);
    const booking = await plans.addBreak(memberId, entry, "2027-03-10");
    release();
    if (meanwhile === undefined) throw new Error("the booking wrote no break");
    return { booking, meanwhile, outcome, plans };
  }

  /**
   * The other process's write waits for a lock the booking holds: on SQLite its queue meets the file's lock
   * and pauses; on PostgreSQL its statement waits inside the database, seen in pg_stat_activity.
   */
  async function waitingForLock(provider: "sqlite" | "postgresql", blockedInQueue: Promise<void>): Promise<"blocked"> {
    if (provider === "sqlite") {
      await blockedInQueue;
      return "blocked";
    }
    for (;;) {
      // A row lock's wait is on the holder's transaction id (pg_locks has no database for it): asked of the sessions.
      const [row] = await handle.prisma.$queryRaw<{ waiting: bigint | number }[]>`
        SELECT count(*) AS "waiting" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (Number(row?.waiting ?? 0) > 0) return "blocked";
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
});
