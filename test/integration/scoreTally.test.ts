import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRepository, scoreBucketWidth, type ScoreRow } from "../../src/db/repositories/CompletionRepository.js";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { StatementCounter } from "../helpers/statementCounter.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow, createSectionRows, type ItemRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/**
 * Ranks and board tops read from the score tally (kept by database triggers) must
 * say exactly what counting the boards member by member says, whatever sequence
 * of completions, undos, leaves, rejoins and deletions produced them.
 */
describe("leaderboard standings from the score tally", () => {
  const weeks = [0, 1, 2, 3];
  let handle: TestDatabaseHandle;
  let completions: CompletionRepository;
  let members: MemberRepository;
  let itemIds: number[];
  let cohortIds: number[];

  beforeAll(async () => {
    handle = await openTestDatabase();
    const writes = new SerialWriteQueue();
    completions = new CompletionRepository(handle.prisma, writes, handle.hotReader, handle.sqliteTransactions, handle.postgresTransactions);
    members = new MemberRepository(handle.prisma, writes, handle.hotReader, handle.target.provider);
    const curriculum = await createCurriculumRow(handle.prisma, "tally", 4);
    const section = { key: "s", position: 0, title: "S", weekStart: 1, weekEnd: 4 };
    ({ itemIds } = await createSectionRows(handle.prisma, curriculum.id, section, Array<ItemRow>(12).fill({ kind: "Required" })));
    cohortIds = [];
    for (const name of ["A", "B", "C"]) {
      const cohort = await createCohortRow(handle.prisma, curriculum.id, { name });
      cohortIds.push(cohort.id);
    }
  });
  afterAll(async () => {
    await handle.closeAndDrop();
  });

  /** A small deterministic generator, so a failure replays the same way. */
  function randomFrom(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  /** The boards counted member by member, as the tally must say. */
  /** The privacy rule: hidden and excluded members are not ranked. */
  const onBoard = { boardVisibility: { not: "hidden" }, excluded: false };

  async function countedStanding(cohortId: number, weekNumber: number | null, points: number) {
    const rows =
      weekNumber === null
        ? (
            await handle.prisma.member.findMany({
              where: { cohortId, leftAt: null, points: { gt: 0 }, ...onBoard },
              select: { points: true },
            })
          ).map((row) => row.points)
        : (
            await handle.prisma.weeklyScore.findMany({
              where: { cohortId, weekNumber, points: { gt: 0 }, member: { leftAt: null, ...onBoard } },
              select: { points: true },
            })
          ).map((row) => row.points);
    return { points, ahead: rows.filter((value) => value > points).length, ranked: rows.length };
  }

  /** The board's order (points, then who got there first, then member id), computed in memory. */
  async function countedTop(cohortId: number, weekNumber: number | null): Promise<number[]> {
    const rows =
      weekNumber === null
        ? (await handle.prisma.member.findMany({ where: { cohortId, leftAt: null, points: { gt: 0 } } })).map((row) => ({
            id: row.id,
            points: row.points,
            at: row.pointsReachedAt?.getTime() ?? 0,
          }))
        : (await handle.prisma.weeklyScore.findMany({ where: { cohortId, weekNumber, points: { gt: 0 }, member: { leftAt: null } } })).map(
            (row) => ({ id: row.memberId, points: row.points, at: row.reachedAt.getTime() }),
          );
    rows.sort((a, b) => b.points - a.points || a.at - b.at || a.id - b.id);
    return rows.slice(0, 10).map((row) => row.id);
  }

  async function expectBoardsAgree(): Promise<void> {
    for (const cohortId of cohortIds) {
      for (const weekNumber of [null, ...weeks]) {
        // Around and across the bucket bounds (scoreBucketWidth 64), and below every score.
        for (const points of [-70, 0, 1, 5, 10, 15, 25, 40, 63, 64, 65, 100, 127, 128, 200]) {
          expect(await completions.standing(cohortId, weekNumber, points)).toEqual(await countedStanding(cohortId, weekNumber, points));
        }
        const top: ScoreRow[] =
          weekNumber === null ? await completions.topAllTime(cohortId, 10) : await completions.topOfWeek(cohortId, weekNumber, 10);
        expect(top.map((row) => row.memberId)).toEqual(await countedTop(cohortId, weekNumber));
      }
    }
    expect(await bucketRows()).toEqual(await tallyRowsByBucket());
  }

  /** The bucket tally as stored, and as summing the score tally by bucket says it must be. */
  async function bucketRows(): Promise<string[]> {
    const rows = await handle.prisma.scoreBucketTally.findMany({ where: { members: { not: 0 } } });
    return rows.map((row) => `${row.cohortId}/${row.weekNumber}/${row.bucket}: ${row.members}`).sort();
  }
  async function tallyRowsByBucket(): Promise<string[]> {
    const sums = new Map<string, number>();
    for (const row of await handle.prisma.scoreTally.findMany()) {
      const key = `${row.cohortId}/${row.weekNumber}/${Math.trunc(row.points / scoreBucketWidth)}`;
      sums.set(key, (sums.get(key) ?? 0) + row.members);
    }
    return [...sums]
      .filter(([, members]) => members !== 0)
      .map(([key, members]) => `${key}: ${members}`)
      .sort();
  }

  it("agrees with counting the boards after completions, undos, leaves and rejoins", async () => {
    const random = randomFrom(7);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const userIds = Array.from({ length: 14 }, (_, index) => `user-${index}`);
    const start = new Date("2027-03-01T09:00:00Z").getTime();
    for (const cohortId of cohortIds) {
      for (const userId of userIds) await members.join(cohortId, userId, userId, new Date(start));
    }
    for (let step = 0; step < 260; step++) {
      const cohortId = pick(cohortIds);
      const userId = pick(userIds);
      const member = await members.find(cohortId, userId);
      if (member === null) throw new Error("every user joined every cohort");
      const roll = random();
      const now = new Date(start + step * 60_000);
      if (roll < 0.05) {
        await members.leave(cohortId, userId, now);
      } else if (roll < 0.1) {
        await members.join(cohortId, userId, userId, now);
      } else if (roll < 0.3) {
        await completions.remove(member.id, pick(itemIds), cohortId, now);
      } else {
        // Up to 30 a completion, so totals cross several buckets of 64.
        const points = pick([0, 1, 2, 5, 10, 30]);
        await completions.record({
          memberId: member.id,
          cohortId,
          itemId: pick(itemIds),
          completedAt: now,
          weekNumber: pick(weeks),
          points,
          onTime: points > 1,
          day: "2027-03-01",
          forYesterday: false,
        });
      }
    }
    await expectBoardsAgree();
    const [, , ahead] = await Promise.all(cohortIds.map((cohortId) => completions.standing(cohortId, null, 0)));
    expect(ahead?.ranked).toBeGreaterThan(0);
  }, 120_000);

  it("reads a member's own points and place in the same query", async () => {
    const cohortId = cohortIds[0] ?? 0;
    const ranked = await handle.prisma.member.findFirstOrThrow({ where: { cohortId, leftAt: null, points: { gt: 0 } } });
    expect(await completions.memberStanding(cohortId, null, ranked.id)).toEqual(await countedStanding(cohortId, null, ranked.points));
    const week = await handle.prisma.weeklyScore.findFirstOrThrow({ where: { cohortId, member: { leftAt: null } } });
    expect(await completions.memberStanding(cohortId, week.weekNumber, week.memberId)).toEqual(
      await countedStanding(cohortId, week.weekNumber, week.points),
    );
    const unscored = await members.join(cohortId, "newcomer", "newcomer", new Date("2027-03-02T09:00:00Z"));
    expect(await completions.memberStanding(cohortId, 2, unscored.member.id)).toEqual(await countedStanding(cohortId, 2, 0));
  });

  it("leaves hidden and excluded members out of every rank, reading only the cohort's privacy indexes", async () => {
    const [cohortId = 0] = cohortIds;
    const all = await handle.prisma.member.findMany({ where: { cohortId }, orderBy: { id: "asc" } });
    // Every third member hidden, every fourth excluded (some both, some of them left): each case of the rule.
    await handle.prisma.member.updateMany({
      where: { id: { in: all.filter((_, index) => index % 3 === 0).map((row) => row.id) } },
      data: { boardVisibility: "hidden" },
    });
    await handle.prisma.member.updateMany({
      where: { id: { in: all.filter((_, index) => index % 4 === 0).map((row) => row.id) } },
      data: { excluded: true },
    });
    for (const weekNumber of [null, ...weeks])
      for (const points of [0, 1, 3, 10])
        expect(await completions.standing(cohortId, weekNumber, points)).toEqual(await countedStanding(cohortId, weekNumber, points));
    if (handle.target.provider !== "sqlite") {
      await handle.prisma.member.updateMany({ where: { cohortId }, data: { boardVisibility: "name", excluded: false } });
      return;
    }
    const counter = StatementCounter.install();
    try {
      const statements = await counter.during(() =>
        Promise.all([completions.standing(cohortId, null, 1), completions.standing(cohortId, 2, 1)]),
      );
      const privacyReads = statements.filter((sql) => sql.includes("boardVisibility"));
      expect(privacyReads).toHaveLength(2);
      for (const sql of privacyReads) {
        const plan = await handle.prisma.$queryRawUnsafe<{ detail: string }[]>(
          `EXPLAIN QUERY PLAN ${sql}`,
          ...sql
            .split("?")
            .slice(1)
            .map(() => 1),
        );
        const memberReads = plan.map((row) => row.detail).filter((detail) => /\b(m|Member)\b USING/.test(detail));
        // Searched by the cohort and its privacy mark: never the cohort's whole membership by points.
        expect(memberReads.length).toBe(2);
        for (const detail of memberReads) expect(detail).toMatch(/boardVisibility_idx|excluded_idx/);
      }
    } finally {
      counter.uninstall();
      // The later tests count the boards without privacy.
      await handle.prisma.member.updateMany({ where: { cohortId }, data: { boardVisibility: "name", excluded: false } });
    }
  });

  it("stays right when members cross each other's scores and bucket bounds from two processes at once", async () => {
    const [cohortId = 0] = cohortIds;
    // A second process: its own write queue, so on PostgreSQL the changes run side by side and lock tally
    // and bucket rows in opposite directions (one member up through another's score, the other down).
    const otherProcess = new CompletionRepository(
      handle.prisma,
      new SerialWriteQueue(),
      handle.hotReader,
      handle.sqliteTransactions,
      handle.postgresTransactions,
    );
    const [bigItem = 0, lastItem = 0] = [itemIds[0], itemIds.at(-1)];
    const day = new Date("2027-03-05T09:00:00Z");
    const completionOf = (memberId: number, itemId: number, points: number) => ({
      memberId,
      cohortId,
      itemId,
      completedAt: day,
      weekNumber: 1,
      points,
      onTime: true,
      day: "2027-03-05",
      forYesterday: false,
    });
    const crossing: number[] = [];
    for (let index = 0; index < 16; index++) {
      const { member } = await members.join(cohortId, `crossing-${index}`, `crossing-${index}`, day);
      crossing.push(member.id);
      await completions.record(completionOf(member.id, bigItem, 30));
      // 40 to 110 points: around the bound between the first two buckets.
      for (const itemId of itemIds.slice(1, 2 + (index % 8))) await completions.record(completionOf(member.id, itemId, 10));
    }
    await Promise.all(
      crossing.map((memberId, index) =>
        index % 2 === 0 ? completions.record(completionOf(memberId, lastItem, 30)) : otherProcess.remove(memberId, bigItem, cohortId, day),
      ),
    );
    await expectBoardsAgree();
  });

  it("stays right when members are deleted, and goes with a deleted cohort", async () => {
    const [first = 0, second = 0] = cohortIds;
    const doomed = await handle.prisma.member.findFirstOrThrow({ where: { cohortId: first, leftAt: null, points: { gt: 0 } } });
    await handle.prisma.member.delete({ where: { id: doomed.id } });
    await handle.prisma.cohort.delete({ where: { id: second } });
    cohortIds = cohortIds.filter((id) => id !== second);
    await expectBoardsAgree();
    expect(await handle.prisma.scoreTally.count({ where: { cohortId: second } })).toBe(0);
  });
});
