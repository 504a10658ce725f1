import { describe, expect, it } from "vitest";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { openBeforeMigration } from "../helpers/openBeforeMigration.js";
import { testDatabaseProvider } from "../helpers/testDatabase.js";

/** The migration that gives each cohort its alias counter; the rows below are written just before it. */
const aliasesMigration = "20261205223417_cohort_aliases_given";
const guildId = "500000000000000001";

describe(`a ${testDatabaseProvider} database with aliases given before cohorts counted them`, () => {
  const schema = openBeforeMigration(aliasesMigration);

  it("the next alias of a cohort follows its highest one, never a number given before", async () => {
    const old = await schema.open();
    // Only the columns before the migration, by hand: today's client writes columns later migrations add.
    const cohortRow = async (name: string) => {
      const [curriculum] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Curriculum" ("scope", "slug", "title", "totalWeeks", "sourceHash", "updatedAt")
        VALUES (${guildId}, ${name.toLowerCase()}, ${name}, 1, ${name}, ${new Date("2027-01-01T00:00:00Z")})
        RETURNING "id"`;
      if (curriculum === undefined) throw new Error("no curriculum row");
      const [row] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Cohort" ("guildId", "channelId", "name", "nameKey", "curriculumId", "startDate", "status", "updatedAt")
        VALUES (${guildId}, '500000000000000002', ${name}, ${name.toLowerCase()}, ${Number(curriculum.id)}, '2027-01-04', 'active', ${new Date("2027-01-01T00:00:00Z")})
        RETURNING "id"`;
      if (row === undefined) throw new Error("no cohort row");
      return Number(row.id);
    };
    const memberRow = async (cohortId: number, userId: string, alias: number | null) => {
      const [row] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Member" ("cohortId", "userId", "boardVisibility", "alias")
        VALUES (${cohortId}, ${userId}, 'alias', ${alias})
        RETURNING "id"`;
      if (row === undefined) throw new Error("no member row");
      return Number(row.id);
    };
    const spring = await cohortRow("Spring");
    const summer = await cohortRow("Summer");
    // Spring gave "Member 1" to "Member 3"; "Member 2" deleted their data (row gone). Summer gave none yet.
    await memberRow(spring, "500000000000000101", 1);
    await memberRow(spring, "500000000000000103", 3);
    const springNew = await memberRow(spring, "500000000000000104", null);
    const summerNew = await memberRow(summer, "500000000000000105", null);

    const { app } = await schema.migrate();
    const members = new MemberRepository(app.database.prisma, app.writes, app.database.hotReader, app.database.target.provider);
    expect(await members.assignAlias(springNew, spring)).toBe(4);
    expect(await members.assignAlias(summerNew, summer)).toBe(1);
    // Given once, it stays.
    expect(await members.assignAlias(springNew, spring)).toBe(4);

    // A process still on the old version (during a rolling upgrade) gave "Member 5" without moving the counter.
    const late = async (userId: string, alias: number | null) => {
      const [row] = await app.database.prisma.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Member" ("cohortId", "userId", "boardVisibility", "alias")
        VALUES (${spring}, ${userId}, 'alias', ${alias})
        RETURNING "id"`;
      if (row === undefined) throw new Error("no member row");
      return Number(row.id);
    };
    await late("500000000000000106", 5);
    const next = await late("500000000000000107", null);
    // The next member still gets an alias, a number nobody had.
    expect(await members.assignAlias(next, spring)).toBe(6);
  }, 120_000);
});
