import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/testDatabase.js";
import { runCli as cli } from "../helpers/runCli.js";
import { startTestApp } from "../helpers/testApp.js";
import { createCohortRow } from "../helpers/cohortRows.js";

const doomed = "100000000000000001";
const kept = "100000000000000009";
/** A server that removed the bot before anyone made a cohort: only its departure record is stored. */
const departedOnly = "100000000000000011";

describe("npm run cli -- purge-guild", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const test = await startTestApp({ environment: { DATABASE_URL: database.url } });
    const prisma = test.app.database.prisma;
    const curriculum = await prisma.curriculum.findFirstOrThrow({ where: { slug: "backend-engineer-learning-path" } });
    for (const guildId of [doomed, kept]) {
      const cohort = await createCohortRow(prisma, curriculum.id, {
        guildId,
        channelId: "100000000000000002",
        name: "Night Owls",
        startDate: "2027-04-05",
      });
      await prisma.member.create({ data: { cohortId: cohort.id, userId: "100000000000000003", displayName: "Ada" } });
      // An announcement of it, with its one message.
      const at = new Date();
      await prisma.announcement.create({
        data: {
          cohortId: cohort.id,
          kind: "leaderboard",
          channelId: "100000000000000002",
          requestId: "100000000000000004",
          parts: 1,
          status: "sent",
          claimedBy: "100000000000000004",
          claimedAt: at,
          createdAt: at,
          sentAt: at,
          messageParts: {
            create: { part: 0, nonce: "n", fingerprint: "f", status: "sent", attemptedAt: at, messageId: "100000000000000005" },
          },
        },
      });
    }
    for (const guildId of [doomed, departedOnly])
      await prisma.guildDeparture.create({ data: { guildId, leftAt: new Date(), purgeAt: new Date(Date.now() + 86_400_000) } });
    await test.close();
  });
  afterAll(async () => database.drop());

  it("deletes one server's cohorts, members and pending departure at once, and nothing of other servers", async () => {
    const result = await cli(database.url, ["purge-guild", doomed]);
    expect(result.stderr).toBe("");
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain(
      `Deleted server ${doomed}'s data: 1 cohort (with its members and history), the record of the bot's removal (its scheduled deletion).`,
    );
    const test = await startTestApp({ environment: { DATABASE_URL: database.url } });
    try {
      const prisma = test.app.database.prisma;
      expect(await prisma.cohort.count({ where: { guildId: doomed } })).toBe(0);
      expect(await prisma.member.count({ where: { cohort: { guildId: doomed } } })).toBe(0);
      expect(await prisma.guildDeparture.count({ where: { guildId: doomed } })).toBe(0);
      expect(await prisma.cohort.count({ where: { guildId: kept } })).toBe(1);
      expect(await prisma.member.count()).toBe(1);
      // The server's announcements went with its cohorts; the other server's stay.
      expect(await prisma.announcement.count({ where: { cohort: { guildId: doomed } } })).toBe(0);
      expect(await prisma.announcement.count()).toBe(1);
      expect(await prisma.announcementPart.count()).toBe(1);
    } finally {
      await test.close();
    }
  }, 120_000);

  it("names the departure record when it is all a server had, instead of reporting 0 cohorts", async () => {
    const result = await cli(database.url, ["purge-guild", departedOnly]);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain(
      `Deleted server ${departedOnly}'s data: only the record of the bot's removal (its scheduled deletion) was stored.`,
    );
    expect(result.stdout).not.toMatch(/0 cohorts|0 imported/);
    const test = await startTestApp({ environment: { DATABASE_URL: database.url } });
    try {
      expect(await test.app.database.prisma.guildDeparture.count({ where: { guildId: departedOnly } })).toBe(0);
    } finally {
      await test.close();
    }
  }, 120_000);

  it("says so when nothing is stored for the server, instead of reporting a deletion", async () => {
    const result = await cli(database.url, ["purge-guild", "100000000000000077"]);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain("Nothing is stored for server 100000000000000077: nothing was deleted.");
    expect(result.stdout).not.toContain("Deleted");
  });

  it("refuses extra arguments rather than purging only the first server", async () => {
    const result = await cli(database.url, ["purge-guild", kept, "100000000000000077"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unexpected arguments: 100000000000000077.");
    const test = await startTestApp({ environment: { DATABASE_URL: database.url } });
    try {
      expect(await test.app.database.prisma.cohort.count({ where: { guildId: kept } })).toBe(1);
    } finally {
      await test.close();
    }
  });

  it("refuses something that is not a server id, as it refuses a malformed command line", async () => {
    const result = await cli(database.url, ["purge-guild", "everything"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not a server id");
  });
});
