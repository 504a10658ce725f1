import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botCanSend } from "../helpers/botHarness.js";
import { at, commandsIn, deleteDataOf, postField, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";
import { until } from "../helpers/until.js";

/**
 * Posted boards waiting on a cohort whose channel is flagged do not hold back the others: with a cap of one
 * edit per tick, a member's delete still reaches the boards of their other cohort. Both cohorts start Monday
 * 2027-03-01 (UTC); the first one's channel is flagged before the delete.
 */
const topName = "🏆 Week 1 top five";

describe("/privacy delete with posted boards of a cohort whose channel is flagged", () => {
  let world: SchedulerWorld;
  const channels: string[] = [];

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"), { postedBoardsPerTick: 1 });
    for (const name of ["Blocked", "Open"]) {
      const channel = world.createChannel(name.toLowerCase());
      channels.push(channel.id);
      await world.createCohort({ name, channelId: channel.id, start: "2027-03-01" });
    }
  });
  afterAll(async () => world.close());

  it("edits the eligible cohort's posted boards however many flags of the other wait", async () => {
    const [blocked, open] = channels as [string, string];
    const topOf = (channelId: string) => postField(world, channelId, "week 2", topName);
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const { zed } = await twoMembersScoreWeekOne(world, commandsIn(world, open), ["Blocked", "Open"], at("2027-03-01T10:00:00Z"));
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    await world.first.tickAt(at("2027-03-08T09:00:00Z"));
    expect(topOf(blocked)).toContain("Zeddicus");
    expect(topOf(open)).toContain("Zeddicus");

    // The first cohort's channel became unusable (the bot lost Send Messages there, and a failed send flagged it):
    // its posts wait, and their flags are the oldest.
    world.emulator.setBotChannelPermissions(blocked, { botCanSend: false });
    await until(() => !botCanSend(world.first.test, blocked), "the lost permission in the bot's cache");
    await world.first.test.app.database.prisma.cohort.updateMany({ where: { name: "Blocked" }, data: { channelProblem: "no_permission" } });
    world.first.clock.set(at("2027-03-08T13:00:00Z"));
    await deleteDataOf(world, open, zed.id);
    for (const second of ["05", "25", "45"]) await world.first.tickAt(at(`2027-03-08T13:00:${second}Z`));

    expect(topOf(open)).toBe("🥇 **Ada Lovelace** · 36 pts");
    expect(topOf(blocked)).toContain("Zeddicus");
  }, 120_000);
});
