import { describe, expect, it } from "vitest";
import { openBeforeMigration } from "../helpers/openBeforeMigration.js";
import { testDatabaseProvider } from "../helpers/testDatabase.js";

/** The migration that gives cohorts finished before `Cohort.courseWeeks` was kept the weeks they ran. */
const courseWeeksMigration = "20261206150000_finished_cohort_course_weeks";
const guildId = "500000000000000001";

describe(`a ${testDatabaseProvider} database with cohorts finished before their course's weeks were kept`, () => {
  const schema = openBeforeMigration(courseWeeksMigration);

  it("gives each finished cohort the weeks it ran (its weekly posts less its break weeks up to them), else its curriculum's, and an ended one none", async () => {
    const old = await schema.open();
    // Five weeks now: an import added weeks after the cohorts below finished.
    const curriculum = await old.prisma.curriculum.create({
      data: { scope: guildId, slug: "old-path", title: "Old Path", totalWeeks: 5, sourceHash: "old-hash" },
    });
    // Only the columns before the migration, by hand: today's client would write columns later migrations added.
    const cohortRow = async (name: string, status: string) => {
      const [row] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Cohort" ("guildId", "channelId", "name", "nameKey", "curriculumId", "startDate", "status", "updatedAt")
        VALUES (${guildId}, '500000000000000002', ${name}, ${name.toLowerCase()}, ${curriculum.id}, '2027-01-04', ${status}, ${new Date("2027-03-01T09:00:00Z")})
        RETURNING "id"`;
      if (row === undefined) throw new Error("no cohort row");
      return Number(row.id);
    };
    const weekPosts = async (cohortId: number, periods: string[]) => {
      for (const period of periods)
        await old.prisma.$executeRaw`
          INSERT INTO "ScheduledPost" ("cohortId", "kind", "period", "dueAt", "status", "claimedAt")
          VALUES (${cohortId}, 'week', ${period}, ${new Date("2027-01-04T09:00:00Z")}, 'sent', ${new Date("2027-01-04T09:00:00Z")})`;
    };
    const breakWeeks = async (cohortId: number, weeks: number[]) => {
      for (const week of weeks) await old.prisma.$executeRaw`INSERT INTO "CohortBreak" ("cohortId", "week") VALUES (${cohortId}, ${week})`;
    };
    // Posts for calendar weeks 1 to 4, week 2 a break: 3 course weeks. Its break week 7 came after its end: no effect.
    const withBreaks = await cohortRow("With Breaks", "finished");
    await weekPosts(withBreaks, ["week-1", "week-3", "week-4"]);
    await breakWeeks(withBreaks, [2, 7]);
    // No weekly post kept: its curriculum's weeks.
    const noPosts = await cohortRow("No Posts", "finished");
    // A set-aside post (its period holds an @) of a later week counts for nothing: 2 weeks.
    const setAside = await cohortRow("Set Aside", "finished");
    await weekPosts(setAside, ["week-1", "week-2", "week-4@2027-02-01T09:00:00.000Z"]);
    // An ended cohort (or a running one) keeps no weeks: its course is not a finished one.
    const ended = await cohortRow("Ended", "ended");
    await weekPosts(ended, ["week-1", "week-2"]);
    const running = await cohortRow("Running", "active");
    await weekPosts(running, ["week-1"]);

    const test = await schema.migrate();
    const rows = await test.app.database.prisma.cohort.findMany({ orderBy: { id: "asc" }, select: { id: true, courseWeeks: true } });
    expect(rows).toEqual([
      { id: withBreaks, courseWeeks: 3 },
      { id: noPosts, courseWeeks: 5 },
      { id: setAside, courseWeeks: 2 },
      { id: ended, courseWeeks: null },
      { id: running, courseWeeks: null },
    ]);
  }, 120_000);
});
