import { afterEach, describe, expect, it } from "vitest";
import { hourlyInstants, postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A weekly post that became due only because a cohort was created (or its
 * schedule edited) goes out at the next tick, even when its time is more than
 * 24 hours past; older weeks' posts do not. Through discord.js and the emulator.
 */
describe("the weekly post of the running week after a cohort is created or edited", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  const weeklyPosts = (current: SchedulerWorld, channelId: string) =>
    current
      .posts(channelId)
      .map((post) => ({ label: postLabel(post.message), at: post.sentAt.toISOString() }))
      .filter((post) => post.label.startsWith("week "));

  it("posts week 1 at once for a cohort created on Tuesday with last Monday's start, and week 2 next Monday", async () => {
    const created = new Date("2027-03-02T10:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("tuesday-start");
    await world.createCohort({ name: "Tuesday", channelId: channel.id, start: "2027-03-01" });
    for (const at of hourlyInstants(created, new Date("2027-03-08T09:00:00Z"))) await world.first.tickAt(at);
    expect(weeklyPosts(world, channel.id)).toEqual([
      { label: "week 1", at: "2027-03-02T10:00:00.000Z" },
      { label: "week 2", at: "2027-03-08T09:00:00.000Z" },
    ]);
  }, 60_000);

  it("posts only week 5 for a cohort created in week 5", async () => {
    const created = new Date("2027-04-01T12:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("week-five");
    await world.createCohort({ name: "Late", channelId: channel.id, start: "2027-03-01" });
    for (const at of hourlyInstants(created, new Date("2027-04-04T12:00:00Z"))) await world.first.tickAt(at);
    expect(weeklyPosts(world, channel.id)).toEqual([{ label: "week 5", at: "2027-04-01T12:00:00.000Z" }]);
  }, 60_000);

  it("posts week 2 at once when a Saturday edit moves its post to the Friday just past, and not again on Monday", async () => {
    const created = new Date("2027-02-26T12:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("friday-posts");
    await world.createCohort({ name: "Edited", channelId: channel.id, start: "2027-03-01" });
    for (const at of hourlyInstants(created, new Date("2027-03-06T10:00:00Z"))) await world.first.tickAt(at);
    world.first.clock.set(new Date("2027-03-06T10:30:00Z"));
    await world.first.test.app.services.cohorts.edit({
      guildId: world.guild.id,
      cohort: "Edited",
      announceDay: 5,
      actorId: world.admin.id,
    });
    for (const at of hourlyInstants(new Date("2027-03-06T11:00:00Z"), new Date("2027-03-12T09:00:00Z"))) await world.first.tickAt(at);
    expect(weeklyPosts(world, channel.id)).toEqual([
      { label: "week 1", at: "2027-03-01T09:00:00.000Z" },
      { label: "week 2", at: "2027-03-06T11:00:00.000Z" },
      { label: "week 3", at: "2027-03-12T09:00:00.000Z" },
    ]);
  }, 60_000);

  it("still skips a week's post that fell due more than 24 hours before the bot looked, with the schedule unchanged", async () => {
    const created = new Date("2027-02-26T12:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("outage");
    await world.createCohort({ name: "Outage", channelId: channel.id, start: "2027-03-01" });
    // The bot is down from Friday to Tuesday: week 1's Monday post is 25 hours late when it comes back.
    await world.first.tickAt(new Date("2027-03-02T10:00:00Z"));
    expect(weeklyPosts(world, channel.id)).toEqual([]);
  }, 60_000);
  it("still skips a week's post that fell due more than 24 hours ago while the cohort was paused", async () => {
    const created = new Date("2027-02-26T12:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("paused");
    await world.createCohort({ name: "Paused", channelId: channel.id, start: "2027-03-01" });
    await world.first.tickAt(new Date("2027-02-27T12:00:00Z"));
    await world.first.test.app.services.cohorts.setStatus(world.guild.id, "Paused", "paused", world.admin.id);
    for (const at of hourlyInstants(new Date("2027-02-27T13:00:00Z"), new Date("2027-03-02T10:00:00Z"))) await world.first.tickAt(at);
    world.first.clock.set(new Date("2027-03-02T10:30:00Z"));
    await world.first.test.app.services.cohorts.setStatus(world.guild.id, "Paused", "active", world.admin.id);
    for (const at of hourlyInstants(new Date("2027-03-02T11:00:00Z"), new Date("2027-03-08T09:00:00Z"))) await world.first.tickAt(at);
    expect(weeklyPosts(world, channel.id)).toEqual([{ label: "week 2", at: "2027-03-08T09:00:00.000Z" }]);
  }, 60_000);
});
