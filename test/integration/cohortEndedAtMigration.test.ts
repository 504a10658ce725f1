import { describe, expect, it } from "vitest";
import { openBeforeMigration } from "../helpers/openBeforeMigration.js";
import { testDatabaseProvider } from "../helpers/testDatabase.js";

/** The migration that records when a cohort was ended; the rows below are written just before it. */
const endedAtMigration = "20261205034000_cohort_ended_at";
const guildId = "500000000000000001";
const adminId = "500000000000000009";

describe(`a ${testDatabaseProvider} database with cohorts ended before their end time was stored`, () => {
  const schema = openBeforeMigration(endedAtMigration);

  it("gives each ended cohort the time of its latest End line, else the earliest of its closing post and its last change, and no other cohort an end", async () => {
    const old = await schema.open();
    const curriculum = await old.prisma.curriculum.create({
      data: { scope: guildId, slug: "old-path", title: "Old Path", totalWeeks: 1, sourceHash: "old-hash" },
    });
    const lastChange = new Date("2027-02-01T08:00:00Z");
    // Only the columns before the migration, by hand: today's client would read back the new one.
    const cohortRow = async (name: string, status: string) => {
      const [row] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Cohort" ("guildId", "channelId", "name", "nameKey", "curriculumId", "startDate", "status", "updatedAt")
        VALUES (${guildId}, '500000000000000002', ${name}, ${name.toLowerCase()}, ${curriculum.id}, '2027-01-04', ${status}, ${lastChange})
        RETURNING "id"`;
      if (row === undefined) throw new Error("no cohort row");
      return Number(row.id);
    };
    // Likewise the posts: today's client would write columns later migrations added.
    const postRow = (post: {
      cohortId: number;
      kind: string;
      period: string;
      dueAt: Date;
      status?: string;
      claimedAt: Date;
      sentAt?: Date;
    }) =>
      old.prisma.$executeRaw`
        INSERT INTO "ScheduledPost" ("cohortId", "kind", "period", "dueAt", "status", "claimedAt", "sentAt")
        VALUES (${post.cohortId}, ${post.kind}, ${post.period}, ${post.dueAt}, ${post.status ?? "claimed"}, ${post.claimedAt}, ${post.sentAt ?? null})`;
    const audited = await cohortRow("Audited", "ended");
    const unaudited = await cohortRow("Unaudited", "ended");
    const running = await cohortRow("Running", "active");
    // Ended before the audit trail, then its closing post (which changed the row again, later).
    const closed = await cohortRow("Closed", "ended");
    const closedPost = new Date("2027-01-30T09:00:00Z");
    await postRow({
      cohortId: closed,
      kind: "closing",
      period: "closing",
      dueAt: closedPost,
      status: "sent",
      claimedAt: closedPost,
      sentAt: new Date("2027-01-30T09:00:05Z"),
    });
    // A closing post claimed after the row's last change moves nothing; a weekly post is no closing.
    const lateClosing = await cohortRow("Late Closing", "ended");
    await postRow({
      cohortId: lateClosing,
      kind: "closing",
      period: "closing",
      dueAt: new Date("2027-02-02T09:00:00Z"),
      claimedAt: new Date("2027-02-02T09:00:00Z"),
    });
    await postRow({
      cohortId: unaudited,
      kind: "week",
      period: "week-1",
      dueAt: new Date("2027-01-04T09:00:00Z"),
      claimedAt: new Date("2027-01-04T09:00:00Z"),
    });
    const line = (cohortId: number, action: string, at: string) =>
      old.prisma.auditEntry.create({ data: { guildId, cohortId, actorId: adminId, action, createdAt: new Date(at) } });
    // Of two End lines (two /cohort end at the same moment) the latest is kept; a pause line is no end.
    await line(audited, "end", "2027-01-19T14:00:00Z");
    await line(audited, "end", "2027-01-19T14:00:01Z");
    await line(audited, "pause", "2027-01-20T09:00:00Z");
    await line(running, "pause", "2027-01-12T09:00:00Z");

    const test = await schema.migrate();
    const rows = await test.app.database.prisma.cohort.findMany({ orderBy: { id: "asc" }, select: { id: true, endedAt: true } });
    expect(rows).toEqual([
      { id: audited, endedAt: new Date("2027-01-19T14:00:01Z") },
      { id: unaudited, endedAt: lastChange },
      { id: running, endedAt: null },
      { id: closed, endedAt: closedPost },
      { id: lateClosing, endedAt: lastChange },
    ]);
  }, 120_000);
});
