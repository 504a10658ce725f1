import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberRecord } from "../../src/domain/cohort/cohortModel.js";
import { PostgresHotReader } from "../../src/db/PostgresHotReader.js";
import { CompletionRepository } from "../../src/db/repositories/CompletionRepository.js";
import { MemberDayRepository } from "../../src/db/repositories/MemberDayRepository.js";
import { MemberPlanRepository } from "../../src/db/repositories/MemberPlanRepository.js";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow, createSectionRows } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { testDatabaseProvider } from "../helpers/testDatabase.js";

/**
 * What /today and /done start from, read by guild and user in one go (one message on PostgreSQL),
 * on the database under test (SQLite by default, TEST_DATABASE=postgresql for PostgreSQL): the active
 * memberships in the guild; when the read finds one only (the `cohort:` option's id, or a user with one
 * membership), that member's plan state and completions, as Prisma reads them (expected values come from
 * Prisma or are written out, not from the repository's SQL). A membership left or in another server is
 * not there; with several, the state is left unread.
 */
describe("MemberDayRepository", () => {
  let handle: TestDatabaseHandle;
  let days: MemberDayRepository;
  let members: MemberRepository;
  let plans: MemberPlanRepository;
  let completions: CompletionRepository;
  let curriculumId: number;
  let itemIds: number[];
  let first: { id: number };
  let second: { id: number };
  let elsewhereCohortId: number;
  let inFirst: MemberRecord;
  let inSecond: MemberRecord;

  const joinedAt = new Date("2027-03-02T10:00:00Z");
  const complete = async (memberId: number, cohortId: number, itemId: number, completedAt: string, day: string | null) =>
    handle.prisma.completion.create({
      data: { memberId, cohortId, itemId, completedAt: new Date(completedAt), weekNumber: 1, points: 10, onTime: true, day },
    });

  beforeAll(async () => {
    handle = await openTestDatabase();
    const writes = new SerialWriteQueue();
    days = new MemberDayRepository(handle.hotReader, handle.target.provider);
    members = new MemberRepository(handle.prisma, writes, handle.hotReader, handle.target.provider);
    plans = new MemberPlanRepository(handle.prisma, writes, handle.hotReader, handle.target.provider);
    completions = new CompletionRepository(handle.prisma, writes, handle.hotReader, handle.sqliteTransactions, handle.postgresTransactions);
    curriculumId = (await createCurriculumRow(handle.prisma, "day-test", 1)).id;
    const section = { key: "s", position: 0, title: "S", weekStart: 1, weekEnd: 1 };
    ({ itemIds } = await createSectionRows(handle.prisma, curriculumId, section, [
      { kind: "Required", minutes: 20 },
      { kind: "Required", minutes: 30 },
      { kind: "Required", minutes: 40 },
      { kind: "Required", minutes: 50 },
    ]));
    const [item0, item1, item2, item3] = itemIds as [number, number, number, number];
    first = await createCohortRow(handle.prisma, curriculumId, { name: "First" });
    second = await createCohortRow(handle.prisma, curriculumId, { name: "Second" });
    const left = await createCohortRow(handle.prisma, curriculumId, { name: "Left" });
    const elsewhere = await createCohortRow(handle.prisma, curriculumId, { name: "Elsewhere", guildId: "9" });
    elsewhereCohortId = elsewhere.id;
    inFirst = (await members.join(first.id, "u1", "Ada", joinedAt)).member;
    inSecond = (await members.join(second.id, "u1", "Ada", joinedAt, "2027-03-03")).member;
    const inLeft = (await members.join(left.id, "u1", "Ada", joinedAt)).member;
    const inElsewhere = (await members.join(elsewhere.id, "u1", "Ada", joinedAt)).member;
    const someoneElse = (await members.join(first.id, "u2", "Lin", joinedAt)).member;
    await members.leave(left.id, "u1", new Date("2027-03-04T10:00:00Z"));
    for (const week of [5, 3]) await handle.prisma.cohortBreak.create({ data: { cohortId: first.id, week } });
    await plans.addAdjustment(inFirst.id, { kind: "extend" });
    await plans.addBreak(inFirst.id, { from: "2027-03-10", to: "2027-03-11" }, "2027-03-09");
    // Catch-up rows with the NULLs the columns allow: no day applied (not one the plan can use), no item list.
    await handle.prisma.memberAdjustment.create({
      data: { memberId: inFirst.id, kind: "catch_up", appliedOn: null, days: 3, itemIds: null },
    });
    await handle.prisma.memberAdjustment.create({
      data: { memberId: inFirst.id, kind: "catch_up", appliedOn: "2027-03-05", days: 2, itemIds: null },
    });
    await plans.addAdjustment(inSecond.id, { kind: "catch_up", appliedOn: "2027-03-04", days: 5, itemIds: [2, 1] });
    await complete(inFirst.id, first.id, item1, "2027-03-03T09:00:00.123Z", "2027-03-03");
    await complete(inFirst.id, first.id, item0, "2027-03-02T09:00:00Z", "2027-03-02");
    // No member day stored (the column allows it): the streak takes it from completedAt. Two at the same instant.
    await complete(inFirst.id, first.id, item3, "2027-03-04T23:30:00.500Z", null);
    await complete(inFirst.id, first.id, item2, "2027-03-04T23:30:00.500Z", "2027-03-04");
    await complete(inSecond.id, second.id, item2, "2027-03-04T09:00:00Z", "2027-03-04");
    for (const other of [inLeft, inElsewhere, someoneElse]) {
      await plans.addAdjustment(other.id, { kind: "extend" });
      await complete(other.id, other.cohortId, item0, "2027-03-05T09:00:00Z", "2027-03-05");
    }
  });
  afterAll(async () => {
    await handle.closeAndDrop();
  });

  /** The member's completions through Prisma, as the streak reads them (same-instant ones in item order, as compared). */
  const completionsByPrisma = async (memberId: number) =>
    inStreakOrder(
      (await completions.listForMember(memberId)).map(({ itemId, completedAt, points, day }) => ({ itemId, completedAt, points, day })),
    );
  /** The membership as Prisma reads it. */
  const membershipByPrisma = async (cohortId: number) => {
    const row = await handle.prisma.member.findFirstOrThrow({
      where: { cohortId, userId: "u1" },
      include: { cohort: { include: { breaks: true } } },
    });
    return { memberId: row.id, cohortName: row.cohort.name, breakWeeks: row.cohort.breaks.map(({ week }) => week).sort((a, b) => a - b) };
  };

  it("reads the membership in the option's cohort with the member's plan state and completions, as Prisma reads them", async () => {
    const firstBreakId = (await handle.prisma.memberBreak.findFirstOrThrow({ where: { memberId: inFirst.id } })).id;
    const expectedStates = [
      {
        cohort: first,
        planState: {
          adjustments: [{ kind: "extend" }, { kind: "catch_up", appliedOn: "2027-03-05", days: 2, itemIds: [] }],
          // Booked after one of the two adjustments (the extend).
          breaks: [{ id: firstBreakId, from: "2027-03-10", to: "2027-03-11", bookedAfter: 1 }],
        },
      },
      { cohort: second, planState: { adjustments: [{ kind: "catch_up", appliedOn: "2027-03-04", days: 5, itemIds: [2, 1] }], breaks: [] } },
    ];
    for (const { cohort, planState } of expectedStates) {
      const read = await days.listActiveInGuild({ guildId: "1", userId: "u1", cohortId: cohort.id, withCompletions: true });
      expect(read).toHaveLength(1);
      const [only] = read;
      expect({ memberId: only?.member.id, cohortName: only?.cohort.name, breakWeeks: only?.cohort.breakWeeks }).toEqual(
        await membershipByPrisma(cohort.id),
      );
      expect(only?.planState).toEqual(planState);
      expectInCompletedAtOrder(only?.completions ?? []);
      expect(inStreakOrder(only?.completions ?? [])).toEqual(await completionsByPrisma(only?.member.id ?? 0));
    }
    const [inFirstRead] = await days.listActiveInGuild({ guildId: "1", userId: "u1", cohortId: first.id, withCompletions: true });
    expect(inFirstRead?.completions?.map(({ day }) => day)).toContain(null);
    expect(inFirstRead?.completions?.[1]?.completedAt).toEqual(new Date("2027-03-03T09:00:00.123Z"));
  });

  it.runIf(testDatabaseProvider === "postgresql")("reads the same whatever the session's settings (PostgreSQL)", async () => {
    if (handle.target.provider !== "postgresql") throw new Error("PostgreSQL only");
    // Another zone, and float8 written to 12 digits (epoch milliseconds as float8 would lose theirs).
    const options = "-c TimeZone=America/New_York -c extra_float_digits=-3";
    const pool = new pg.Pool({ connectionString: handle.target.connectionString, max: 1, options });
    try {
      expect((await pool.query<{ TimeZone: string }>("SHOW TimeZone")).rows[0]?.TimeZone).toBe("America/New_York");
      const inNewYork = new MemberDayRepository(new PostgresHotReader(pool), "postgresql");
      for (const cohort of [first, second]) {
        const query = { guildId: "1", userId: "u1", cohortId: cohort.id, withCompletions: true };
        expect(await inNewYork.listActiveInGuild(query)).toEqual(await days.listActiveInGuild(query));
      }
      const [read] = await inNewYork.listActiveInGuild({ guildId: "1", userId: "u1", cohortId: first.id, withCompletions: true });
      expect(inStreakOrder(read?.completions ?? [])).toEqual(await completionsByPrisma(inFirst.id));
    } finally {
      await pool.end();
    }
  });

  it("leaves the state unread when the user has several memberships, and reads it for a user with one", async () => {
    const both = await days.listActiveInGuild({ guildId: "1", userId: "u1", cohortId: null, withCompletions: true });
    expect(both.map(({ cohort }) => cohort.name)).toEqual(["First", "Second"]);
    expect(both.map(({ planState, completions: read }) => [planState, read])).toEqual([
      [undefined, null],
      [undefined, null],
    ]);
    expect(both[0]?.cohort.breakWeeks).toEqual([3, 5]);

    const [lin, ...more] = await days.listActiveInGuild({ guildId: "1", userId: "u2", cohortId: null, withCompletions: true });
    expect(more).toEqual([]);
    expect(lin?.planState).toEqual({ adjustments: [{ kind: "extend" }], breaks: [] });
    expect(lin?.completions).toEqual(await completionsByPrisma(lin?.member.id ?? 0));
  });

  it("leaves the completions out when not asked for, and finds nothing for a membership not there", async () => {
    const [only] = await days.listActiveInGuild({ guildId: "1", userId: "u1", cohortId: inFirst.cohortId, withCompletions: false });
    expect(only?.completions).toBeNull();
    expect(only?.planState?.adjustments[0]).toEqual({ kind: "extend" });
    expect(await days.listActiveInGuild({ guildId: "1", userId: "nobody", cohortId: null, withCompletions: true })).toEqual([]);
    expect(await days.listActiveInGuild({ guildId: "9", userId: "u2", cohortId: null, withCompletions: true })).toEqual([]);
    // No such cohort, the user's own membership in another server (a button or a name from there), and an id
    // out of the column's range.
    for (const cohortId of [inSecond.cohortId + 1000, elsewhereCohortId, 999_999_999_999_999])
      expect(await days.listActiveInGuild({ guildId: "1", userId: "u1", cohortId, withCompletions: true })).toEqual([]);
  });
});

type Completed = { readonly itemId: number; readonly completedAt: Date; readonly points: number; readonly day: string | null };

/** Completions by instant, then item: the order of same-instant completions is not defined (and does not matter to the streak). */
function inStreakOrder(rows: readonly Completed[]): Completed[] {
  return [...rows].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime() || a.itemId - b.itemId);
}

function expectInCompletedAtOrder(rows: readonly Completed[]): void {
  const instants = rows.map(({ completedAt }) => completedAt.getTime());
  expect(instants).toEqual([...instants].sort((a, b) => a - b));
}
