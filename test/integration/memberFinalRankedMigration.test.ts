import { describe, expect, it } from "vitest";
import { openBeforeMigration } from "../helpers/openBeforeMigration.js";
import { testDatabaseProvider } from "../helpers/testDatabase.js";

/** The migration that records who took a place on a kept final board; the rows below are written just before it. */
const finalRankedMigration = "20261205164804_member_final_ranked";
const guildId = "500000000000000001";

describe(`a ${testDatabaseProvider} database with final boards kept before their ranked members were recorded`, () => {
  const schema = openBeforeMigration(finalRankedMigration);

  it("ranks the members with final points who are not hidden and not excluded, left since or not, and those the board lists", async () => {
    const old = await schema.open();
    const curriculum = await old.prisma.curriculum.create({
      data: { scope: guildId, slug: "old-path", title: "Old Path", totalWeeks: 1, sourceHash: "old-hash" },
    });
    // Only the columns before the migration, by hand: today's client would write and read back the new one.
    const [cohortRow] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
      INSERT INTO "Cohort" ("guildId", "channelId", "name", "nameKey", "curriculumId", "startDate", "status", "finalBoard", "updatedAt")
      VALUES (${guildId}, '500000000000000002', 'Kept', 'kept', ${curriculum.id}, '2027-01-04', 'finished', '{"top":[],"rankedMembers":1}', ${new Date()})
      RETURNING "id"`;
    if (cohortRow === undefined) throw new Error("no cohort row");
    const cohortId = Number(cohortRow.id);
    const member = async (
      userId: string,
      row: { finalPoints: number | null; boardVisibility?: string; excluded?: boolean; leftAt?: Date | null },
    ) => {
      const [inserted] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Member" ("cohortId", "userId", "points", "finalPoints", "boardVisibility", "excluded", "leftAt")
        VALUES (${cohortId}, ${userId}, 40, ${row.finalPoints}, ${row.boardVisibility ?? "name"}, ${row.excluded ?? false}, ${row.leftAt ?? null})
        RETURNING "id"`;
      if (inserted === undefined) throw new Error("no member row");
      return Number(inserted.id);
    };
    const ranked = await member("500000000000000011", { finalPoints: 40 });
    const hidden = await member("500000000000000012", { finalPoints: 60, boardVisibility: "hidden" });
    const excluded = await member("500000000000000013", { finalPoints: 50, excluded: true });
    const joinedLater = await member("500000000000000014", { finalPoints: null });
    // Left after the close: their final points stay, and the kept board ranked them.
    const leftAfterClose = await member("500000000000000015", { finalPoints: 70, leftAt: new Date() });
    // Hidden and excluded since the close: the kept board still lists them, so they took a place on it.
    const hiddenSince = await member("500000000000000016", { finalPoints: 80, boardVisibility: "hidden" });
    const excludedSince = await member("500000000000000017", { finalPoints: 30, excluded: true });
    const top = [
      { rank: 1, memberId: hiddenSince, points: 80, shown: { kind: "name", displayName: "Hidden Since" } },
      { rank: 2, memberId: leftAfterClose, points: 70, shown: { kind: "name", displayName: "Left" } },
      { rank: 3, memberId: ranked, points: 40, shown: { kind: "name", displayName: "Ranked" } },
      { rank: 4, memberId: excludedSince, points: 30, shown: { kind: "name", displayName: "Excluded Since" } },
    ];
    await old.prisma.$executeRaw`UPDATE "Cohort" SET "finalBoard" = ${JSON.stringify({ top, rankedMembers: 4 })} WHERE "id" = ${cohortId}`;
    // A kept board that is not valid JSON (written by hand) is skipped, not a failed migration that stops the bot.
    const [brokenRow] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
      INSERT INTO "Cohort" ("guildId", "channelId", "name", "nameKey", "curriculumId", "startDate", "status", "finalBoard", "updatedAt")
      VALUES (${guildId}, '500000000000000003', 'Broken', 'broken', ${curriculum.id}, '2027-01-04', 'finished', '{"top": [oops', ${new Date()})
      RETURNING "id"`;
    if (brokenRow === undefined) throw new Error("no cohort row");
    const [brokenMember] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
      INSERT INTO "Member" ("cohortId", "userId", "points", "finalPoints", "boardVisibility", "excluded", "leftAt")
      VALUES (${Number(brokenRow.id)}, '500000000000000021', 10, 10, 'hidden', false, NULL)
      RETURNING "id"`;
    if (brokenMember === undefined) throw new Error("no member row");

    const test = await schema.migrate();
    const rows = await test.app.database.prisma.member.findMany({ orderBy: { id: "asc" }, select: { id: true, finalRanked: true } });
    expect(rows).toEqual([
      { id: ranked, finalRanked: true },
      { id: hidden, finalRanked: false },
      { id: excluded, finalRanked: false },
      { id: joinedLater, finalRanked: false },
      { id: leftAfterClose, finalRanked: true },
      { id: hiddenSince, finalRanked: true },
      { id: excludedSince, finalRanked: true },
      { id: Number(brokenMember.id), finalRanked: false },
    ]);
  }, 120_000);
});
