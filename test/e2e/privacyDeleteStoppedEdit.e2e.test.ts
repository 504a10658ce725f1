import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LiveBoardRepository } from "../../src/db/repositories/LiveBoardRepository.js";
import { schedulerTiming } from "../../src/scheduler/Scheduler.js";
import { at, commandsIn, deleteDataOf, postField, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A process that took a posted board's edit after `/privacy delete` and stopped before making it does not
 * lose the edit: the next tick after the hold runs out makes it. The cohort starts Monday 2027-03-01 (UTC).
 */
const cohortName = "Stopped Edit";
const topName = "🏆 Week 1 top five";

describe("/privacy delete when the process editing the posted boards stops", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const topOfWeek2 = () => postField(world, channelId, "week 2", topName);

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    channelId = world.createChannel("stopped").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("makes the edit once the stopped process's hold runs out", async () => {
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const { zed } = await twoMembersScoreWeekOne(world, commandsIn(world, channelId), [cohortName], at("2027-03-01T10:00:00Z"));
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    await world.first.tickAt(at("2027-03-08T09:00:00Z"));
    world.first.clock.set(at("2027-03-08T13:00:00Z"));
    await deleteDataOf(world, channelId, zed.id);

    // Another process takes the flagged edits at 13:00:05 and stops before touching Discord.
    const other = new LiveBoardRepository(world.first.test.app.database.prisma, world.first.test.app.database.target.provider);
    const taken = at("2027-03-08T13:00:05Z");
    const flagged = await other.listPostedDue(taken, 64, new Set());
    expect(flagged.length).toBeGreaterThan(0);
    // Held as the scheduler holds it: for a claim's lifetime.
    const heldUntil = new Date(taken.getTime() + schedulerTiming.claimLifetimeMs);
    for (const post of flagged) expect(await other.claimPosted(post, heldUntil)).toBe(true);

    // Held meanwhile; made once the hold ran out.
    await world.first.tickAt(at("2027-03-08T13:00:30Z"));
    expect(topOfWeek2()).toContain("Zeddicus");
    await world.first.tickAt(at("2027-03-08T13:05:00Z"));
    expect(topOfWeek2()).toBe("🥇 **Ada Lovelace** · 36 pts");
  }, 120_000);
});
