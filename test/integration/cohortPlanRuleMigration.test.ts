import { describe, expect, it } from "vitest";
import { openBeforeMigration } from "../helpers/openBeforeMigration.js";
import { testDatabaseProvider } from "../helpers/testDatabase.js";

/** The migration that gives each cohort its plan rule; the rows below are written just before it. */
const planRuleMigration = "20261207014738_cohort_plan_rule";
const guildId = "500000000000000001";

describe(`a ${testDatabaseProvider} database with cohorts from before plan rules`, () => {
  const schema = openBeforeMigration(planRuleMigration);

  it("keeps rule 1 for every cohort whose days members may have seen, and gives rule 2 to those not started that posted nothing", async () => {
    const old = await schema.open();
    const [curriculum] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
      INSERT INTO "Curriculum" ("scope", "slug", "title", "totalWeeks", "sourceHash", "updatedAt")
      VALUES (${guildId}, 'path', 'Path', 4, 'path', ${new Date("2026-01-01T00:00:00Z")})
      RETURNING "id"`;
    if (curriculum === undefined) throw new Error("no curriculum row");
    // Only the columns before the migration, by hand. Dates far from the day the test runs: the migration reads the clock.
    const cohortRow = async (name: string, startDate: string, status = "active") => {
      const [row] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Cohort" ("guildId", "channelId", "name", "nameKey", "curriculumId", "startDate", "status", "updatedAt")
        VALUES (${guildId}, '500000000000000002', ${name}, ${name.toLowerCase()}, ${Number(curriculum.id)}, ${startDate}, ${status}, ${new Date("2026-01-01T00:00:00Z")})
        RETURNING "id"`;
      if (row === undefined) throw new Error("no cohort row");
      return Number(row.id);
    };
    const running = await cohortRow("Running", "2026-01-05");
    const finished = await cohortRow("Finished", "2025-01-06", "finished");
    const future = await cohortRow("Future", "2099-01-05");
    const pausedFuture = await cohortRow("Paused future", "2099-01-05", "paused");
    const announced = await cohortRow("Announced", "2099-01-05");
    const endedFuture = await cohortRow("Ended future", "2099-01-05", "ended");
    // The edge, from the clock the migration reads: tomorrow in UTC may already be a day of the plan in a zone
    // ahead of UTC (stays 1); the day after is not yet anywhere (moves to 2).
    const utcDate = (daysAhead: number) => new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
    const tomorrow = await cohortRow("Tomorrow", utcDate(1));
    const dayAfter = await cohortRow("Day after", utcDate(2));
    // Week 1's assignment already posted: its members have seen the days.
    await old.prisma.$executeRaw`
      INSERT INTO "ScheduledPost" ("cohortId", "kind", "period", "dueAt", "status")
      VALUES (${announced}, 'week', 'week-1', ${new Date("2099-01-05T09:00:00Z")}, 'sent')`;

    const { app } = await schema.migrate();
    const rules = await app.database.prisma.cohort.findMany({ select: { id: true, planRule: true }, orderBy: { id: "asc" } });
    expect(rules).toEqual([
      { id: running, planRule: 1 },
      { id: finished, planRule: 1 },
      { id: future, planRule: 2 },
      { id: pausedFuture, planRule: 2 },
      { id: announced, planRule: 1 },
      { id: endedFuture, planRule: 1 },
      { id: tomorrow, planRule: 1 },
      { id: dayAfter, planRule: 2 },
    ]);
  }, 120_000);
});
