import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

const burstSize = 500;

/**
 * Five hundred members act at the same moment. Prisma on SQLite has been seen
 * failing such bursts with P2029 (prisma/orm#23957): Prisma merges same-tick
 * findUnique calls into one query that exceeds SQLite's parameter limit.
 */
describe(`a burst of ${burstSize} members`, () => {
  let bot: BotHarness;
  let cohort: Cohort;
  let members: { id: string; username: string }[];
  const minutesOf = async (title: string) =>
    (await bot.test.app.database.prisma.item.findFirstOrThrow({ where: { curriculumId: cohort.curriculumId, title } })).minutes ?? 0;
  const itemId = async (title: string) =>
    (await bot.test.app.database.prisma.item.findFirstOrThrow({ where: { curriculumId: cohort.curriculumId, title } })).id;

  beforeAll(async () => {
    // Tuesday of week 1: "Storage Engines" is today's item, "Database Selection Guide" was Monday's.
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    cohort = await bot.createCohort();
    members = Array.from({ length: burstSize }, (_, index) => bot.member(`member-${index}`));
    // Setup only: the members joined earlier (one insert instead of 500 /join round trips).
    await bot.test.app.database.prisma.member.createMany({
      data: members.map((member) => ({
        cohortId: cohort.id,
        userId: member.id,
        displayName: member.username,
        joinedAt: new Date("2027-01-04T08:00:00Z"),
      })),
    });
  });
  afterAll(async () => bot.close());

  // That each waits in line acknowledged is shown without a stopwatch in buttonsAcknowledgedEarly (a /done behind full
  // handler slots); how long a burst takes is `npm run bench`'s business.
  it("all run /done together: every completion is recorded once, with its points, and everyone gets a success reply", async () => {
    const storageEngines = await itemId("Storage Engines");
    const onTimePoints = Math.round((await minutesOf("Storage Engines")) * 1.2);

    const handles = members.map((member) => bot.run(member.id, "done", { item: String(storageEngines) }));
    const replies = await Promise.all(handles.map((handle) => handle.final()));

    expect(handles.filter((handle) => handle.failed || handle.respondedWithinMs === null)).toEqual([]);
    for (const reply of replies) {
      expect(reply.ephemeral).toBe(true);
      expect(visibleText(reply)).toContain(`Logged **Storage Engines**: **+${onTimePoints} points**`);
    }
    const prisma = bot.test.app.database.prisma;
    const rows = await prisma.completion.findMany({
      where: { cohortId: cohort.id, itemId: storageEngines },
      select: { memberId: true, points: true },
    });
    expect(rows).toHaveLength(burstSize);
    expect(new Set(rows.map((row) => row.memberId)).size).toBe(burstSize);
    const stored = await prisma.member.findMany({ where: { cohortId: cohort.id }, select: { points: true } });
    expect(stored).toHaveLength(burstSize);
    expect(stored.every((member) => member.points === onTimePoints)).toBe(true);
    const weekly = await prisma.weeklyScore.findMany({ where: { cohortId: cohort.id, weekNumber: 1 }, select: { points: true } });
    expect(weekly).toHaveLength(burstSize);
    expect(weekly.every((row) => row.points === onTimePoints)).toBe(true);
  });

  it("double-clicks racing each other still record one completion per member", async () => {
    const overdue = await itemId("Database Selection Guide");
    const latePoints = await minutesOf("Database Selection Guide");
    const racers = members.slice(0, 100);
    const handles = racers.flatMap((member) => [
      bot.run(member.id, "done", { item: String(overdue) }),
      bot.run(member.id, "done", { item: String(overdue) }),
    ]);
    const replies = await Promise.all(handles.map((handle) => handle.final()));
    expect(handles.every((handle) => !handle.failed && handle.respondedWithinMs !== null)).toBe(true);
    for (let index = 0; index < racers.length; index += 1) {
      const texts = [replies[2 * index], replies[2 * index + 1]].map((reply) => (reply === undefined ? "" : visibleText(reply)));
      expect(texts.filter((text) => text.includes(`+${latePoints} points`))).toHaveLength(1);
      expect(texts.filter((text) => text.includes("already marked"))).toHaveLength(1);
    }
    const prisma = bot.test.app.database.prisma;
    expect(await prisma.completion.count({ where: { cohortId: cohort.id, itemId: overdue } })).toBe(racers.length);
    const racerPoints = await prisma.member.findMany({
      where: { cohortId: cohort.id, userId: { in: racers.map((member) => member.id) } },
      select: { points: true },
    });
    const onTimePoints = Math.round((await minutesOf("Storage Engines")) * 1.2);
    expect(racerPoints.every((member) => member.points === onTimePoints + latePoints)).toBe(true);
  });

  it("survives the same burst straight through the service, all in one tick (the P2029 case)", async () => {
    const title = "PostgreSQL Internals";
    const target = await itemId(title);
    const results = await Promise.allSettled(
      members.map((member) =>
        bot.test.app.services.study.complete({
          guildId: bot.guild.id,
          userId: member.id,
          cohort: null,
          item: String(target),
          now: bot.clock.now(),
        }),
      ),
    );
    const failures = results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
    expect(failures.slice(0, 3)).toEqual([]);
    expect(results.every((result) => result.status === "fulfilled" && !result.value.alreadyDone)).toBe(true);
    expect(await bot.test.app.database.prisma.completion.count({ where: { cohortId: cohort.id, itemId: target } })).toBe(burstSize);
  });
});
