import { Routes } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { at, commandsIn, deleteDataOf, postLabelled, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A posted message someone deleted does not keep the rest of its post from being edited after a
 * `/privacy delete`: week 2's post is gone, its final board is still edited. The cohort starts Monday 2027-03-01 (UTC).
 */
const cohortName = "Missing Part";

describe("/privacy delete when a posted message was deleted", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const post = (label: string) => postLabelled(world, channelId, label, { liveBoards: true });

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    channelId = world.createChannel("missing").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("edits the post's final board though its first message is gone", async () => {
    const runAs = commandsIn(world, channelId);
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const { zed } = await twoMembersScoreWeekOne(world, runAs, [cohortName], at("2027-03-01T10:00:00Z"));
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    await world.first.tickAt(at("2027-03-08T09:00:00Z"));
    world.first.clock.set(at("2027-03-08T10:00:00Z"));
    await runAs(zed.id, "done", { item: "PostgreSQL Internals" });
    await world.first.tickAt(at("2027-03-08T10:01:00Z"));
    await world.first.tickAt(at("2027-03-15T00:01:00Z"));
    expect(visibleText(post("live board 2"))).toContain("Zeddicus");

    // Someone deleted week 2's post (its first message); its board stays.
    await world.first.test.app.discord.client.rest.delete(Routes.channelMessage(channelId, post("week 2").id));
    world.first.clock.set(at("2027-03-15T13:00:00Z"));
    await deleteDataOf(world, channelId, zed.id);
    await world.first.tickAt(at("2027-03-15T13:00:05Z"));

    expect(visibleText(post("live board 2"))).not.toContain("Zeddicus");
    expect(post("live board 2").embeds[0]?.title).toBe("🏆 Week 2 leaderboard · final");
  }, 120_000);
});
