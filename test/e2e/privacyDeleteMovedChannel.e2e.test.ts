import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, commandsIn, deleteDataOf, fieldOf, postLabelled, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * `/privacy delete` after `/cohort edit channel:` takes the member out of the closing post (which has no live
 * board of its own) in the channel it was posted in, not the cohort's new one. The cohort starts Monday
 * 2027-03-01 (UTC).
 */
const cohortName = "Moved Boards";
const finalName = "🏆 Final leaderboard";

describe("/privacy delete, a closing post in the cohort's former channel", () => {
  let world: SchedulerWorld;
  let oldChannel: string;
  let newChannel: string;

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    oldChannel = world.createChannel("old").id;
    newChannel = world.createChannel("new").id;
    await world.createCohort({ name: cohortName, channelId: oldChannel, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("edits the closing post where it was sent", async () => {
    const run = commandsIn(world, oldChannel);
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const { zed } = await twoMembersScoreWeekOne(world, run, [cohortName], at("2027-03-01T10:00:00Z"));
    world.first.clock.set(at("2027-03-02T12:00:00Z"));
    await world.first.test.app.services.cohorts.setStatus(world.guild.id, cohortName, "ended", world.admin.id, at("2027-03-02T12:00:00Z"));
    expect((await world.first.tickAt(at("2027-03-02T12:00:05Z"))).sent.map((sent) => sent.period)).toEqual(["closing"]);
    expect(fieldOf(postLabelled(world, oldChannel, "closing"), finalName)).toContain("Zeddicus");

    world.first.clock.set(at("2027-03-02T13:00:00Z"));
    await run(world.admin.id, "cohort edit", { cohort: cohortName, channel: newChannel });
    await deleteDataOf(world, oldChannel, zed.id);
    await world.first.tickAt(at("2027-03-02T13:00:05Z"));
    await world.first.tickAt(at("2027-03-02T13:01:10Z"));

    expect(fieldOf(postLabelled(world, oldChannel, "closing"), finalName)).toBe("🥇 **Ada Lovelace** · 36 pts");
  });
});
