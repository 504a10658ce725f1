import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/openDatabase.js";
import { projectPaths } from "../../src/projectPaths.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { makeTempDir } from "../helpers/tempDir.js";
import { createTestDatabase, testDatabaseProvider, type TestDatabase } from "../helpers/testDatabase.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";

/** The migration that records who took a place on a kept final board; the rows below are written just before it. */
const finalRankedMigration = "20261205164804_member_final_ranked";
const guildId = "500000000000000001";

/** The project's migrations before `finalRankedMigration` (SQLite and PostgreSQL). */
function migrationsBefore(dir: string): string {
  const root = projectPaths().root;
  const sqlite = path.join(dir, "migrations");
  const postgres = path.join(dir, "postgresql", "migrations");
  fs.cpSync(path.join(root, "prisma", "migrations"), sqlite, { recursive: true });
  fs.cpSync(path.join(root, "prisma", "postgresql", "migrations"), postgres, { recursive: true });
  for (const base of [sqlite, postgres]) {
    const names = fs.readdirSync(base).filter((name) => /^\d{14}_/.test(name));
    for (const name of names) if (name >= finalRankedMigration) fs.rmSync(path.join(base, name), { recursive: true });
  }
  return sqlite;
}

describe(`a ${testDatabaseProvider} database with final boards kept before their ranked members were recorded`, () => {
  let database: TestDatabase | undefined;
  let test: TestApp | undefined;
  let temp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(async () => {
    await test?.close();
    await database?.drop();
    temp?.cleanup();
    [test, database, temp] = [undefined, undefined, undefined];
  });

  it("ranks the members with final points who are active, not hidden and not excluded, and nobody else", async () => {
    temp = makeTempDir();
    database = await createTestDatabase();
    const old = await openDatabase({ url: database.url, migrationsDir: migrationsBefore(temp.dir), logger: captureLogger().logger });
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
    const member = async (userId: string, row: { finalPoints: number | null; boardVisibility?: string; excluded?: boolean }) => {
      const [inserted] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Member" ("cohortId", "userId", "points", "finalPoints", "boardVisibility", "excluded")
        VALUES (${cohortId}, ${userId}, 40, ${row.finalPoints}, ${row.boardVisibility ?? "name"}, ${row.excluded ?? false})
        RETURNING "id"`;
      if (inserted === undefined) throw new Error("no member row");
      return Number(inserted.id);
    };
    const ranked = await member("500000000000000011", { finalPoints: 40 });
    const hidden = await member("500000000000000012", { finalPoints: 60, boardVisibility: "hidden" });
    const excluded = await member("500000000000000013", { finalPoints: 50, excluded: true });
    const joinedLater = await member("500000000000000014", { finalPoints: null });
    await old.close();

    test = await startTestApp({ environment: { DATABASE_URL: database.url } });
    const rows = await test.app.database.prisma.member.findMany({ orderBy: { id: "asc" }, select: { id: true, finalRanked: true } });
    expect(rows).toEqual([
      { id: ranked, finalRanked: true },
      { id: hidden, finalRanked: false },
      { id: excluded, finalRanked: false },
      { id: joinedLater, finalRanked: false },
    ]);
  }, 120_000);
});
