import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRepository } from "../../src/db/repositories/CompletionRepository.js";
import { MemberPlanRepository } from "../../src/db/repositories/MemberPlanRepository.js";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow, createSectionRows } from "../helpers/curriculumRows.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { bookBreak } from "../helpers/bookBreak.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/**
 * A member's plan state on the database under test (SQLite by default,
 * TEST_DATABASE=postgresql for PostgreSQL), migrated as the bot migrates it:
 * adjustments come back in the order they were made, breaks are refused when
 * they overlap or exceed the limit and can be ended (only the member's own), the join day and a completion's member
 * day survive the round trip, and deleting a member takes its state along.
 */
describe("MemberPlanRepository and the member-plan columns", () => {
  let handle: TestDatabaseHandle;
  let plans: MemberPlanRepository;
  let members: MemberRepository;
  let cohortId: number;
  let itemId: number;

  beforeAll(async () => {
    handle = await openTestDatabase();
    plans = new MemberPlanRepository(handle.prisma, new SerialWriteQueue(), handle.hotReader, handle.target.provider);
    members = new MemberRepository(handle.prisma, new SerialWriteQueue(), handle.hotReader, handle.target.provider);
    const curriculum = await createCurriculumRow(handle.prisma, "plan-test", 1);
    const section = { key: "s", position: 0, title: "S", weekStart: 1, weekEnd: 1 };
    [itemId = 0] = (await createSectionRows(handle.prisma, curriculum.id, section, [{ kind: "Required", minutes: 20 }])).itemIds;
    const cohort = await createCohortRow(handle.prisma, curriculum.id, { name: "Plans" });
    cohortId = cohort.id;
  });
  afterAll(async () => {
    await handle.closeAndDrop();
  });

  const newMember = async (userId: string, joinedOn: string | null = null) =>
    (await members.join(cohortId, userId, userId, new Date("2027-03-09T10:00:00Z"), joinedOn)).member;

  it("stores the late join day, and the return's when the member leaves and comes back (a late join again)", async () => {
    const late = await newMember("late", "2027-03-09");
    expect(late.joinedOn).toBe("2027-03-09");
    expect((await newMember("early")).joinedOn).toBeNull();
    await members.leave(cohortId, "late", new Date("2027-03-10T10:00:00Z"));
    const back = await members.join(cohortId, "late", "late", new Date("2027-03-20T10:00:00Z"), "2027-03-20");
    expect(back.outcome).toBe("rejoined");
    // The first join stays on record; the return is stored beside it.
    expect(back.member).toMatchObject({
      joinedOn: "2027-03-20",
      joinedAt: new Date("2027-03-09T10:00:00Z"),
      returnedAt: new Date("2027-03-20T10:00:00Z"),
    });
  });

  it("a return without a day (same course week as the leave) is a plain welcome back: nothing reset", async () => {
    await newMember("brief", "2027-03-09");
    await members.leave(cohortId, "brief", new Date("2027-03-09T10:01:00Z"));
    const back = await members.join(cohortId, "brief", "brief", new Date("2027-03-09T10:02:00Z"));
    expect(back.outcome).toBe("rejoined");
    expect(back.member).toMatchObject({
      joinedOn: "2027-03-09",
      joinedAt: new Date("2027-03-09T10:00:00Z"),
      returnedAt: null,
      leftAt: null,
    });
  });

  it("two returns at once (two processes, each its own write queue): one comes back, the other finds the member already back", async () => {
    await newMember("twice");
    await members.leave(cohortId, "twice", new Date("2027-03-10T10:00:00Z"));
    const other = new MemberRepository(handle.prisma, new SerialWriteQueue(), handle.hotReader, handle.target.provider);
    const at = new Date("2027-03-20T10:00:00Z");
    const outcomes = await Promise.all([
      members.join(cohortId, "twice", "twice", at, "2027-03-20"),
      other.join(cohortId, "twice", "twice", at, "2027-03-20"),
    ]);
    expect(outcomes.map((result) => result.outcome).sort()).toEqual(["already", "rejoined"]);
  });

  it("returns adjustments in the order they were made, catch-ups with their backlog, and clears them for a reset", async () => {
    const member = await newMember("pacer");
    expect(await plans.load(member.id)).toEqual({ adjustments: [], breaks: [] });
    await plans.addAdjustment(member.id, { kind: "extend" });
    await plans.addAdjustment(member.id, { kind: "catch_up", appliedOn: "2027-03-10", days: 5, itemIds: [3, 1, 2] });
    await plans.addAdjustment(member.id, { kind: "reset" });
    expect((await plans.load(member.id)).adjustments).toEqual([
      { kind: "extend" },
      { kind: "catch_up", appliedOn: "2027-03-10", days: 5, itemIds: [3, 1, 2] },
      { kind: "reset" },
    ]);
    await plans.clearAdjustments(member.id);
    expect((await plans.load(member.id)).adjustments).toEqual([]);
  });

  it("ends a member's breaks that the dates touch (under way: shortened to yesterday, to come: dropped), never another member's", async () => {
    const member = await newMember("rester");
    const other = await newMember("other");
    const over = await bookBreak(plans, member.id, { from: "2027-03-01", to: "2027-03-05" });
    const first = await bookBreak(plans, member.id, { from: "2027-03-10", to: "2027-03-20" });
    await bookBreak(plans, member.id, { from: "2027-04-01", to: "2027-04-05" });
    const untouched = await bookBreak(plans, member.id, { from: "2027-05-01", to: "2027-05-02" });
    const theirs = await bookBreak(plans, other.id, { from: "2027-03-10", to: "2027-03-12" });
    const ended = await plans.endBreaks(member.id, { from: "2027-03-01", to: "2027-04-30" }, "2027-03-15");
    expect(ended).toEqual([
      { from: "2027-03-10", to: "2027-03-20" },
      { from: "2027-04-01", to: "2027-04-05" },
    ]);
    expect((await plans.load(member.id)).breaks).toEqual([over, { ...first, to: "2027-03-14" }, untouched]);
    expect((await plans.load(other.id)).breaks).toEqual([theirs]);
    // Sent again: nothing left to end.
    expect(await plans.endBreaks(member.id, { from: "2027-03-01", to: "2027-04-30" }, "2027-03-15")).toEqual([]);
  });

  it("refuses days off overlapping planned ones, naming them, and an 11th planned break, storing nothing", async () => {
    const member = await newMember("refused");
    await bookBreak(plans, member.id, { from: "2027-03-01", to: "2027-03-02" });
    await bookBreak(plans, member.id, { from: "2027-03-10", to: "2027-03-12" });
    // A break already over overlaps nothing.
    expect((await plans.addBreak(member.id, { from: "2027-03-02", to: "2027-03-02" }, "2027-03-09")).booked).not.toBeNull();
    expect(await plans.addBreak(member.id, { from: "2027-03-12", to: "2027-03-14" }, "2027-03-09")).toEqual({
      booked: null,
      refused: { problem: "overlaps", overlapping: { from: "2027-03-10", to: "2027-03-12" } },
    });
    for (let day = 20; day < 29; day += 1)
      await bookBreak(plans, member.id, { from: `2027-03-${day}`, to: `2027-03-${day}` }, "2027-03-09");
    expect(await plans.addBreak(member.id, { from: "2027-04-10", to: "2027-04-10" }, "2027-03-09")).toEqual({
      booked: null,
      refused: { problem: "too_many" },
    });
    expect(await handle.prisma.memberBreak.count({ where: { memberId: member.id } })).toBe(12);
  });

  it("reads adjustments and breaks together, each list in the order it was made", async () => {
    const member = await newMember("both");
    const later = await bookBreak(plans, member.id, { from: "2027-04-01", to: "2027-04-02" });
    await plans.addAdjustment(member.id, { kind: "extend" });
    const earlier = await bookBreak(plans, member.id, { from: "2027-03-20", to: "2027-03-21" });
    await plans.addAdjustment(member.id, { kind: "catch_up", appliedOn: "2027-03-12", days: 3, itemIds: [7] });
    expect(await plans.load(member.id)).toEqual({
      adjustments: [{ kind: "extend" }, { kind: "catch_up", appliedOn: "2027-03-12", days: 3, itemIds: [7] }],
      breaks: [later, earlier],
    });
  });

  it("records the member day and when:yesterday with a completion, and deletes plan state with the member", async () => {
    const member = await newMember("logger");
    const completions = new CompletionRepository(
      handle.prisma,
      new SerialWriteQueue(),
      handle.hotReader,
      handle.sqliteTransactions,
      handle.postgresTransactions,
    );
    await completions.record({
      memberId: member.id,
      cohortId,
      itemId,
      completedAt: new Date("2027-03-10T01:30:00Z"),
      weekNumber: 2,
      points: 20,
      onTime: false,
      day: "2027-03-08",
      forYesterday: true,
    });
    expect(await completions.listForMember(member.id)).toEqual([
      expect.objectContaining({ itemId, day: "2027-03-08", forYesterday: true, points: 20 }),
    ]);
    await plans.addAdjustment(member.id, { kind: "extend" });
    await plans.addBreak(member.id, { from: "2027-03-10", to: "2027-03-11" }, "2027-03-09");
    await handle.prisma.member.delete({ where: { id: member.id } });
    expect(await handle.prisma.memberAdjustment.count({ where: { memberId: member.id } })).toBe(0);
    expect(await handle.prisma.memberBreak.count({ where: { memberId: member.id } })).toBe(0);
  });

  it("stores when each /break was booked among the member's catch-ups, on both reads; rows from before read as booked first", async () => {
    const member = await newMember("booker");
    const catchUp = { kind: "catch_up", appliedOn: "2027-03-08", days: 5, itemIds: [itemId] } as const;
    await plans.addBreak(member.id, { from: "2027-03-10", to: "2027-03-16" }, "2027-03-09");
    await plans.addAdjustment(member.id, catchUp);
    await plans.addBreak(member.id, { from: "2027-03-20", to: "2027-03-21" }, "2027-03-09");
    await handle.prisma.memberBreak.create({ data: { memberId: member.id, fromDate: "2027-03-25", toDate: "2027-03-26" } });
    const booked = (state: { breaks: readonly { from: string; bookedAfter?: number }[] } | undefined) =>
      state?.breaks.map((entry) => [entry.from, entry.bookedAfter ?? "before all"]);
    const expected = [
      ["2027-03-10", 0],
      ["2027-03-20", 1],
      ["2027-03-25", "before all"],
    ];
    expect(booked(await plans.load(member.id))).toEqual(expected);
    expect(booked((await plans.loadCaughtUp(cohortId)).get(member.id))).toEqual(expected);
    // After a reset (rows dropped) a new catch-up comes after both breaks.
    await plans.clearAdjustments(member.id);
    await plans.addAdjustment(member.id, catchUp);
    expect(booked(await plans.load(member.id))).toEqual([
      ["2027-03-10", 0],
      ["2027-03-20", 0],
      ["2027-03-25", "before all"],
    ]);
  });
});
