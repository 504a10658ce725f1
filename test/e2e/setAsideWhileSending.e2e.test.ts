import { afterEach, describe, expect, it } from "vitest";
import { hourlyInstants, postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * An admin moves a cohort's start while the scheduler is sending the week 1 post (its first message held
 * at the emulator until the edit is saved): the edit sets the post aside, so the post the scheduler was
 * sending is no longer the week's. Through the real bot, discord.js and the emulator, on the test clock:
 * the cohort starts Monday 2027-03-01 (UTC, Monday 09:00 posts) and was created the Friday before.
 */
describe("a start date moved while the week 1 post was on its way", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  /** The world after week 1's post went out while the start was edited to `start` (its first message held until then). */
  async function editedWhileSending(name: string, start: string) {
    const current = await startSchedulerWorld(new Date("2027-02-26T12:00:00Z"));
    world = current;
    const channelId = current.createChannel(name.toLowerCase().replace(/\s+/g, "-")).id;
    await current.createCohort({ name, channelId, start: "2027-03-01" });
    const held = current.emulator.holdNext(`POST /channels/${channelId}/messages`);
    const tick = current.first.tickAt(new Date("2027-03-01T09:00:00Z"));
    await held.arrived;
    const editedAt = new Date("2027-03-01T09:00:30Z");
    current.first.clock.set(editedAt);
    await current.first.test.app.services.cohorts.edit({
      guildId: current.guild.id,
      cohort: name,
      start,
      now: editedAt,
      actorId: current.admin.id,
    });
    held.release();
    const boards = () => current.posts(channelId, { liveBoards: true }).filter((post) => postLabel(post.message).startsWith("live board"));
    return { current, channelId, report: await tick, boards };
  }

  it("never has two live boards when the edit brings the next week's post forward to now", async () => {
    // A start a week earlier: week 2 is the running week, due at 09:00, late only since the edit: it goes out at once.
    const { current, report, boards } = await editedWhileSending("Brought Forward", "2027-02-22");
    expect(report.sent).toEqual([]);
    await current.first.tickAt(new Date("2027-03-01T09:01:30Z"));
    expect(boards().map((post) => post.message.embeds[0]?.title)).toEqual([
      "🏆 Week 1 leaderboard · moved",
      "🏆 Week 2 leaderboard · live",
    ]);
  }, 60_000);

  it("tells readers of the set-aside post's board that its week moved, opens no thread on it, and keeps one board live", async () => {
    const { current, channelId, report, boards } = await editedWhileSending("Moved Meanwhile", "2027-03-08");
    // Not counted as sent: that post is no longer the week's, which is announced at its new time.
    expect(report.sent).toEqual([]);
    const weekPosts = () => current.posts(channelId).filter((post) => postLabel(post.message) === "week 1");
    const liveTitles = () => boards().filter((post) => post.message.embeds[0]?.title?.endsWith("· live") === true).length;
    await current.first.tickAt(new Date("2027-03-01T09:01:30Z"));
    expect(boards().map((post) => post.message.embeds[0]?.title)).toEqual(["🏆 Week 1 leaderboard · moved"]);
    expect(weekPosts().map((post) => post.message.threadId)).toEqual([null]);

    for (const at of hourlyInstants(new Date("2027-03-01T10:00:00Z"), new Date("2027-03-08T10:00:00Z"))) {
      await current.first.tickAt(at);
      expect(liveTitles()).toBeLessThanOrEqual(1);
    }
    expect(boards().map((post) => [post.message.embeds[0]?.title, post.sentAt.toISOString()])).toEqual([
      ["🏆 Week 1 leaderboard · moved", "2027-03-01T09:00:00.000Z"],
      ["🏆 Week 1 leaderboard · live", "2027-03-08T09:00:00.000Z"],
    ]);
    // The week's discussion thread hangs off the post at its new time only.
    expect(weekPosts().map((post) => post.message.threadId !== null)).toEqual([false, true]);
  }, 60_000);
});
