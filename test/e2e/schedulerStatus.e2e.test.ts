import { afterEach, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { worldMember } from "../helpers/worldMember.js";
import { hourlyInstants, localStamp, postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

describe("paused and ended cohorts", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  const admin = (name: string, options: Record<string, string>, channelId: string) =>
    world?.emulator.runCommand({ guildId: world.guild.id, channelId, userId: world.admin.id, name, options }).final();

  it("posts nothing while paused; on resume, what came due within 24 hours goes out late and older posts are skipped", async () => {
    world = await startSchedulerWorld(new Date("2027-03-01T08:00:00Z"));
    const channel = world.createChannel("pausable");
    await world.createCohort({ name: "Pausable", channelId: channel.id, start: "2027-03-01" });
    await admin("cohort pause", { cohort: "Pausable" }, channel.id);
    // Paused from before week 1 until Tuesday of week 2, 08:00: week 1 (8 days ago) is too old, week 2 (23 hours ago) is not.
    for (const at of hourlyInstants(new Date("2027-03-01T08:00:00Z"), new Date("2027-03-09T08:00:00Z"))) await world.first.tickAt(at);
    expect(world.posts(channel.id)).toEqual([]);
    await admin("cohort resume", { cohort: "Pausable" }, channel.id);
    const resumed = await world.first.tickAt(new Date("2027-03-09T08:00:00Z"));
    expect(resumed.sent.map((post) => post.period)).toEqual(["week-2"]);
    expect(resumed.skipped.map((post) => post.period)).toEqual(["week-1"]);
    expect(world.posts(channel.id).map((post) => `${postLabel(post.message)} @ ${localStamp(post.sentAt, "UTC")}`)).toEqual([
      "week 2 @ Tue 2027-03-09 08:00",
    ]);
  });

  it("sends the closing post with the final leaderboard when a cohort is ended early, then nothing more", async () => {
    world = await startSchedulerWorld(new Date("2027-03-01T09:00:00Z"));
    const channel = world.createChannel("ending");
    await world.createCohort({ name: "Ending", channelId: channel.id, start: "2027-03-01" });
    const grace = worldMember(world, channel.id, "grace", "Grace Hopper");
    await world.first.tickAt(new Date("2027-03-01T09:00:00Z"));
    world.first.clock.set(new Date("2027-03-02T10:00:00Z"));
    await grace.run("join", { cohort: "Ending" });
    expect(visibleText(await grace.doneFirstOffered())).toContain("points");

    await admin("cohort end", { cohort: "Ending" }, channel.id);
    const ended = await world.first.tickAt(new Date("2027-03-02T11:00:00Z"));
    expect(ended.sent.map((post) => post.period)).toEqual(["closing"]);
    const closing = world.posts(channel.id).at(-1);
    expect(closing === undefined ? "" : postLabel(closing.message)).toBe("closing");
    expect(closing === undefined ? "" : visibleText(closing.message)).toContain("🥇 **Grace Hopper**");

    // The rest of the course passes without another post.
    for (const at of hourlyInstants(new Date("2027-03-02T12:00:00Z"), new Date("2027-05-31T00:00:00Z"))) {
      if (at.getUTCHours() % 6 === 0) await world.first.tickAt(at);
    }
    expect(world.posts(channel.id).map((post) => postLabel(post.message))).toEqual(["week 1", "closing"]);
  });
});
