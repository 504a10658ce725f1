import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prismaSqlReader } from "../../src/db/SqlReader.js";
import { SqliteHotReader } from "../../src/db/SqliteHotReader.js";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { readSqliteStreakRows, streakRowsSql, toStreakRow } from "../../src/db/repositories/CompletionRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/**
 * /today's and /done's look-ups read a SQLite file on a connection of their
 * own, without Prisma (issue 14): they must read exactly what Prisma reads,
 * and only what is committed.
 */
describe.runIf(process.env.TEST_DATABASE !== "postgresql")("short SQLite reads without Prisma", () => {
  let handle: TestDatabaseHandle;
  let memberId: number;
  let cohortId: number;

  beforeAll(async () => {
    handle = await openTestDatabase();
    const curriculum = await handle.prisma.curriculum.create({ data: { slug: "hot", title: "Hot", totalWeeks: 2, sourceHash: "x" } });
    const cohort = await createCohortRow(handle.prisma, curriculum.id, {
      guildId: "g1",
      channelId: "c1",
      name: "Spring",
      startDate: "2027-01-04",
      includeOptional: true,
      exclusionsCheckedAt: new Date("2027-01-02T08:30:00.250Z"),
      breaks: { create: [{ week: 3 }, { week: 5 }] },
    });
    const member = await handle.prisma.member.create({
      data: {
        cohortId: cohort.id,
        userId: "u1",
        displayName: "Ada",
        joinedAt: new Date("2027-01-03T12:00:00.125Z"),
        remindDisabledNotice: true,
        pointsReachedAt: new Date("2027-01-05T07:00:00Z"),
      },
    });
    memberId = member.id;
    cohortId = cohort.id;
  });

  afterAll(async () => {
    await handle.closeAndDrop();
  });

  it("a membership reads the same, dates, booleans and break weeks included, as through Prisma", async () => {
    expect(handle.hotReader).toBeInstanceOf(SqliteHotReader);
    const hot = await new MemberRepository(
      handle.prisma,
      new SerialWriteQueue(),
      handle.hotReader,
      handle.target.provider,
    ).listActiveInGuild("g1", "u1");
    const viaPrisma = await new MemberRepository(
      handle.prisma,
      new SerialWriteQueue(),
      prismaSqlReader(handle.prisma, "sqlite"),
      handle.target.provider,
    ).listActiveInGuild("g1", "u1");
    expect(hot).toEqual(viaPrisma);
    const [only] = hot;
    expect(only?.member.joinedAt).toEqual(new Date("2027-01-03T12:00:00.125Z"));
    expect(only?.member.remindDisabledNotice).toBe(true);
    expect(only?.member.excluded).toBe(false);
    expect(only?.cohort.breakWeeks).toEqual([3, 5]);
  });

  it("does not see what an open transaction has not committed, and sees it once committed", async () => {
    const count = async () =>
      Number((await handle.hotReader.read(`SELECT COUNT(*) AS "n" FROM "MemberBreak" WHERE "memberId" = ?`, [memberId]))[0]?.n);
    let inside = -1;
    await handle.prisma.$transaction(async (tx) => {
      await tx.memberBreak.create({ data: { memberId, fromDate: "2027-01-10", toDate: "2027-01-12" } });
      inside = await count();
    });
    expect([inside, await count()]).toEqual([0, 1]);
  });

  it("a member's completions read as one text value per row are the rows read column by column", async () => {
    const { curriculumId } = await handle.prisma.cohort.findUniqueOrThrow({ where: { id: cohortId } });
    const section = await handle.prisma.section.create({
      data: { curriculumId, key: "s1", position: 1, title: "One", weekStart: 1, weekEnd: 1 },
    });
    const itemIds: number[] = [];
    for (const position of [1, 2, 3, 4, 5, 6]) {
      const item = await handle.prisma.item.create({
        data: { curriculumId, sectionId: section.id, key: `i${position}`, position, title: `Item ${position}`, kind: "Required" },
      });
      itemIds.push(item.id);
    }
    // Rows as the bot writes them (epoch milliseconds, a member day), one without a day (logged before it was kept),
    // times SQL wrote as text (one with a comma before its fraction, one empty), and a day that is no date (it
    // counts for no day) holding commas.
    const rows: [string, number, string | null][] = [
      ["1799990000123", 6, "2027-01-05"],
      ["1799990000456", -2, null],
      ["'2027-01-06 08:00:00'", 0, "2027,01,06"],
      ["'2027-01-07T09:30:00.250+01:00'", 12, ""],
      ["'2027-01-06T08:00:00,250Z'", 3, "2027-01-06"],
      ["''", 4, "2027-01-08"],
    ];
    for (const [index, [completedAt, points, day]] of rows.entries()) {
      await handle.prisma.$executeRawUnsafe(
        `INSERT INTO "Completion" ("memberId", "cohortId", "itemId", "completedAt", "weekNumber", "points", "onTime", "day")
         VALUES (?, ?, ?, ${completedAt}, 1, ?, 1, ?)`,
        memberId,
        cohortId,
        itemIds[index],
        points,
        day,
      );
    }
    const columnByColumn = (await handle.hotReader.read(streakRowsSql, [memberId])).map(toStreakRow);
    const asText = await readSqliteStreakRows(handle.hotReader, memberId);
    // Numbers before text in SQLite's order, text times in text order; a time no date parser reads is an Invalid Date.
    const item = (position: number) => itemIds[position - 1];
    expect(asText.map(({ itemId, completedAt, points, day }) => [itemId, completedAt.getTime(), points, day])).toEqual([
      [item(1), 1799990000123, 6, "2027-01-05"],
      [item(2), 1799990000456, -2, null],
      [item(6), Number.NaN, 4, "2027-01-08"],
      [item(3), Date.parse("2027-01-06T08:00:00Z"), 0, "2027,01,06"],
      [item(5), Number.NaN, 3, "2027-01-06"],
      [item(4), Date.parse("2027-01-07T08:30:00.250Z"), 12, ""],
    ]);
    expect(asText).toEqual(columnByColumn);
    // The same statement through a reader without readColumn (the hot reader's fallback when the file is busy).
    expect(await readSqliteStreakRows(prismaSqlReader(handle.prisma, "sqlite"), memberId)).toEqual(columnByColumn);
  });
});
