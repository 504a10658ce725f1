import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRepository } from "../../src/db/repositories/CompletionRepository.js";
import { MemberDayRepository } from "../../src/db/repositories/MemberDayRepository.js";
import { MemberPlanRepository } from "../../src/db/repositories/MemberPlanRepository.js";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow, createSectionRows } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";

/**
 * What /today and /done start from, read by guild and user in one go (one message on PostgreSQL),
 * on the database under test (SQLite by default, TEST_DATABASE=postgresql for PostgreSQL): each active
 * membership in the guild with its own plan state and completions, exactly what the member-by-member
 * reads return; a membership left or in another server is not there.
 */
describe("MemberDayRepository", () => {
  let handle: TestDatabaseHandle;
  let days: MemberDayRepository;
  let members: MemberRepository;
  let plans: MemberPlanRepository;
  let completions: CompletionRepository;
  let curriculumId: number;
  let itemIds: number[];

  beforeAll(async () => {
    handle = await openTestDatabase();
    const writes = new SerialWriteQueue();
    days = new MemberDayRepository(handle.hotReader, handle.target.provider);
    members = new MemberRepository(handle.prisma, writes, handle.hotReader);
    plans = new MemberPlanRepository(handle.prisma, writes, handle.hotReader);
    completions = new CompletionRepository(handle.prisma, writes, handle.hotReader, handle.sqliteTransactions, handle.postgresTransactions);
    curriculumId = (await createCurriculumRow(handle.prisma, "day-test", 1)).id;
    const section = { key: "s", position: 0, title: "S", weekStart: 1, weekEnd: 1 };
    ({ itemIds } = await createSectionRows(handle.prisma, curriculumId, section, [
      { kind: "Required", minutes: 20 },
      { kind: "Required", minutes: 30 },
      { kind: "Required", minutes: 40 },
    ]));
  }, 60_000);
  afterAll(async () => {
    await handle.closeAndDrop();
  });

  const joinedAt = new Date("2027-03-02T10:00:00Z");
  const complete = async (memberId: number, cohortId: number, itemId: number, completedAt: string) =>
    completions.record({
      memberId,
      cohortId,
      itemId,
      completedAt: new Date(completedAt),
      weekNumber: 1,
      points: 10,
      onTime: true,
      day: completedAt.slice(0, 10),
      forYesterday: false,
    });

  it("gives each active membership in the guild its own plan state and completions, as the member-by-member reads do", async () => {
    const first = await createCohortRow(handle.prisma, curriculumId, { name: "First" });
    const second = await createCohortRow(handle.prisma, curriculumId, { name: "Second" });
    const left = await createCohortRow(handle.prisma, curriculumId, { name: "Left" });
    const elsewhere = await createCohortRow(handle.prisma, curriculumId, { name: "Elsewhere", guildId: "9" });
    const inFirst = (await members.join(first.id, "u1", "Ada", joinedAt)).member;
    const inSecond = (await members.join(second.id, "u1", "Ada", joinedAt, "2027-03-03")).member;
    const inLeft = (await members.join(left.id, "u1", "Ada", joinedAt)).member;
    const inElsewhere = (await members.join(elsewhere.id, "u1", "Ada", joinedAt)).member;
    const someoneElse = (await members.join(first.id, "u2", "Lin", joinedAt)).member;
    await members.leave(left.id, "u1", new Date("2027-03-04T10:00:00Z"));
    for (const week of [5, 3]) await handle.prisma.cohortBreak.create({ data: { cohortId: first.id, week } });
    await plans.addAdjustment(inFirst.id, { kind: "extend" });
    await plans.addBreak(inFirst.id, { from: "2027-03-10", to: "2027-03-11" });
    await plans.addAdjustment(inSecond.id, { kind: "catch_up", appliedOn: "2027-03-04", days: 5, itemIds: [2, 1] });
    await complete(inFirst.id, first.id, itemIds[1] ?? 0, "2027-03-03T09:00:00.120Z");
    await complete(inFirst.id, first.id, itemIds[0] ?? 0, "2027-03-02T09:00:00Z");
    await complete(inSecond.id, second.id, itemIds[2] ?? 0, "2027-03-04T09:00:00Z");
    for (const other of [inLeft, inElsewhere, someoneElse]) {
      await plans.addAdjustment(other.id, { kind: "extend" });
      await complete(other.id, other.cohortId, itemIds[0] ?? 0, "2027-03-05T09:00:00Z");
    }

    const read = await days.listActiveInGuild("1", "u1", true);

    const expected = await Promise.all(
      (await members.listActiveInGuild("1", "u1")).map(async ({ cohort, member }) => ({
        cohort,
        member,
        planState: await plans.load(member.id),
        completions: await completions.streakRowsForMember(member.id),
      })),
    );
    expect(read).toEqual(expected);
    expect(read.map(({ cohort }) => cohort.name)).toEqual(["First", "Second"]);
    expect(read[0]?.completions?.map((row) => row.itemId)).toEqual([itemIds[0], itemIds[1]]);
    expect(read[0]?.planState.breaks).toHaveLength(1);
    expect(read[0]?.completions?.[1]?.completedAt).toEqual(new Date("2027-03-03T09:00:00.120Z"));
    expect(read[0]?.cohort.breakWeeks).toEqual([3, 5]);
    expect(read[1]?.planState.adjustments).toEqual([{ kind: "catch_up", appliedOn: "2027-03-04", days: 5, itemIds: [2, 1] }]);
  });

  it("leaves the completions out when not asked for, and finds nothing for a user with no active membership", async () => {
    const [first] = await days.listActiveInGuild("1", "u1", false);
    expect(first?.completions).toBeNull();
    expect(first?.planState.adjustments).toEqual([{ kind: "extend" }]);
    expect(await days.listActiveInGuild("1", "nobody", true)).toEqual([]);
    expect(await days.listActiveInGuild("9", "u2", true)).toEqual([]);
  });
});
