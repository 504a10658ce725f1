import { afterEach, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { hourlyInstants, postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * An admin moves a cohort's start after its week-1 post went out. Through the
 * real bot, discord.js and the emulator, on the test clock: the cohort starts
 * Monday 2027-03-01 (UTC, Monday 09:00 posts) and was created the Friday before.
 */
describe("a start date moved after week 1 was announced", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  /** The world at `until`, its cohort's week 1 posted on Monday 2027-03-01 09:00; the channel's id. */
  async function announcedWeekOne(
    name: string,
    until: Date,
    options: { readonly nonceWindowMs?: number } = {},
  ): Promise<{ current: SchedulerWorld; channelId: string }> {
    const created = new Date("2027-02-26T12:00:00Z");
    const current = await startSchedulerWorld(created, options);
    world = current;
    const channel = current.createChannel(name.toLowerCase().replace(/\s+/g, "-"));
    await current.createCohort({ name, channelId: channel.id, start: "2027-03-01" });
    for (const at of hourlyInstants(created, until)) await current.first.tickAt(at);
    return { current, channelId: channel.id };
  }

  /** `/cohort edit` through Discord, as the admin, at `at`; the reply's text. */
  async function editStart(current: SchedulerWorld, channelId: string, cohort: string, start: string, at: Date): Promise<string> {
    current.first.clock.set(at);
    const reply = await current.emulator
      .runCommand({ guildId: current.guild.id, channelId, userId: current.admin.id, name: "cohort edit", options: { cohort, start } })
      .final();
    return visibleText(reply);
  }

  const channelPosts = (current: SchedulerWorld, channelId: string) =>
    current
      .posts(channelId, { liveBoards: true })
      .map((post) => ({ label: postLabel(post.message), at: post.sentAt.toISOString() }))
      .filter((post) => post.label.startsWith("week ") || post.label.startsWith("live board"));

  it("announces week 1 again at the new start a week later, and tells the admin the first post stays up", async () => {
    const { current, channelId } = await announcedWeekOne("Postponed", new Date("2027-03-02T10:00:00Z"));
    const reply = await editStart(current, channelId, "Postponed", "2027-03-08", new Date("2027-03-02T10:30:00Z"));
    expect(reply).toContain("The week 1 post already sent stays in the channel");
    for (const at of hourlyInstants(new Date("2027-03-02T11:00:00Z"), new Date("2027-03-08T10:00:00Z"))) await current.first.tickAt(at);
    await current.first.tickAt(new Date("2027-03-15T09:00:00Z"));
    expect(channelPosts(current, channelId)).toEqual([
      { label: "week 1", at: "2027-03-01T09:00:00.000Z" },
      { label: "live board 1", at: "2027-03-01T09:00:00.000Z" },
      { label: "week 1", at: "2027-03-08T09:00:00.000Z" },
      { label: "live board 1", at: "2027-03-08T09:00:00.000Z" },
      { label: "week 2", at: "2027-03-15T09:00:00.000Z" },
      { label: "live board 2", at: "2027-03-15T09:00:00.000Z" },
    ]);
  });

  it("tells readers of the week 1 board set aside by a postponed start that it moved, once, while the new week 1 board stays live", async () => {
    const { current, channelId } = await announcedWeekOne("Moved Board", new Date("2027-03-02T10:00:00Z"));
    const boards = () => current.posts(channelId, { liveBoards: true }).filter((post) => postLabel(post.message).startsWith("live board"));
    const oldBoardId = boards()[0]?.message.id;
    let oldBoardEdits = 0;
    current.emulator.on("messageUpdate", (message: { id: string }) => {
      if (message.id === oldBoardId) oldBoardEdits += 1;
    });
    await editStart(current, channelId, "Moved Board", "2027-03-08", new Date("2027-03-02T10:30:00Z"));
    for (const at of hourlyInstants(new Date("2027-03-02T11:00:00Z"), new Date("2027-03-08T10:00:00Z"))) await current.first.tickAt(at);
    const [old, renewed] = boards();
    expect(old?.message.id).toBe(oldBoardId);
    expect(old?.message.embeds[0]?.title).toBe("🏆 Week 1 leaderboard · moved");
    expect(old === undefined ? "" : visibleText(old.message)).toContain("no longer kept up to date");
    expect(oldBoardEdits).toBe(1);
    expect(renewed?.message.embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
  });

  it("redraws as final a week 1 board that said it moved when the start is put back more than a day after that week's end", async () => {
    const { current, channelId } = await announcedWeekOne("Back Late", new Date("2027-03-02T10:00:00Z"));
    const oldBoard = () => current.posts(channelId, { liveBoards: true }).find((post) => postLabel(post.message) === "live board 1");
    await editStart(current, channelId, "Back Late", "2027-03-08", new Date("2027-03-02T10:30:00Z"));
    for (const at of hourlyInstants(new Date("2027-03-02T11:00:00Z"), new Date("2027-03-09T04:00:00Z"))) await current.first.tickAt(at);
    expect(oldBoard()?.message.embeds[0]?.title).toBe("🏆 Week 1 leaderboard · moved");
    // Tuesday 9 March: week 1 under the first start ended more than a day ago; the admin puts that start back.
    await editStart(current, channelId, "Back Late", "2027-03-01", new Date("2027-03-09T05:00:00Z"));
    for (const at of hourlyInstants(new Date("2027-03-09T06:00:00Z"), new Date("2027-03-09T07:00:00Z"))) await current.first.tickAt(at);
    expect(oldBoard()?.message.embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    const closed = oldBoard();
    expect(closed === undefined ? "" : visibleText(closed.message)).toContain("Week 1 is over");
  });

  it("names the running week after a break week as announced again, as the scheduler then does", async () => {
    const created = new Date("2027-02-26T12:00:00Z");
    const current = await startSchedulerWorld(created);
    world = current;
    const channelId = current.createChannel("after-break").id;
    await current.createCohort({ name: "After Break", channelId, start: "2027-03-01" });
    current.first.clock.set(created);
    const breakReply = await current.emulator
      .runCommand({
        guildId: current.guild.id,
        channelId,
        userId: current.admin.id,
        name: "cohort break",
        options: { cohort: "After Break", week: 2 },
      })
      .final();
    expect(visibleText(breakReply)).toContain("is now a break");
    // Week 1 on 1 March, break week 2 on 8 March, week 3 on 15 March: now Tuesday of week 3.
    for (const at of ["2027-03-01T09:00:00Z", "2027-03-08T09:00:00Z", "2027-03-15T09:00:00Z", "2027-03-16T10:00:00Z"])
      await current.first.tickAt(new Date(at));
    const reply = await editStart(current, channelId, "After Break", "2027-03-08", new Date("2027-03-16T10:30:00Z"));
    // A week later each week: week 3 (the running one, after the break) comes back on 22 March; weeks 1 and 2 are past.
    expect(reply).toContain("The week 3 post already sent stays in the channel");
    for (const at of ["2027-03-16T11:00:00Z", "2027-03-22T09:00:00Z"]) await current.first.tickAt(new Date(at));
    expect(current.posts(channelId).map((post) => `${postLabel(post.message)} @ ${post.sentAt.toISOString()}`)).toEqual([
      "week 1 @ 2027-03-01T09:00:00.000Z",
      "week 2 @ 2027-03-08T09:00:00.000Z",
      "week 3 @ 2027-03-15T09:00:00.000Z",
      "week 3 @ 2027-03-22T09:00:00.000Z",
    ]);
  });

  it("does not announce week 1 again when the admin puts the start back to the day it was announced for", async () => {
    const { current, channelId } = await announcedWeekOne("Put Back", new Date("2027-03-02T10:00:00Z"));
    await editStart(current, channelId, "Put Back", "2027-03-08", new Date("2027-03-02T10:30:00Z"));
    const reply = await editStart(current, channelId, "Put Back", "2027-03-01", new Date("2027-03-03T10:30:00Z"));
    expect(reply).not.toContain("stays in the channel");
    for (const at of hourlyInstants(new Date("2027-03-03T11:00:00Z"), new Date("2027-03-08T10:00:00Z"))) await current.first.tickAt(at);
    expect(channelPosts(current, channelId).filter((post) => post.label.startsWith("week "))).toEqual([
      { label: "week 1", at: "2027-03-01T09:00:00.000Z" },
      { label: "week 2", at: "2027-03-08T09:00:00.000Z" },
    ]);
  });

  it("keeps the week 1 post when the new start leaves its time where it was, and says nothing of old posts", async () => {
    const { current, channelId } = await announcedWeekOne("Wednesday", new Date("2027-03-02T10:00:00Z"));
    // Monday posts: a Wednesday 3 March start still announces week 1 on Monday 1 March at 09:00.
    const reply = await editStart(current, channelId, "Wednesday", "2027-03-03", new Date("2027-03-02T10:30:00Z"));
    expect(reply).not.toContain("stays in the channel");
    for (const at of hourlyInstants(new Date("2027-03-02T11:00:00Z"), new Date("2027-03-08T10:00:00Z"))) await current.first.tickAt(at);
    expect(channelPosts(current, channelId).filter((post) => post.label.startsWith("week "))).toEqual([
      { label: "week 1", at: "2027-03-01T09:00:00.000Z" },
      { label: "week 2", at: "2027-03-08T09:00:00.000Z" },
    ]);
  });

  it("does not announce week 1 again after an announce time edit, when a later start edit leaves its Monday in place", async () => {
    const { current, channelId } = await announcedWeekOne("Later Hour", new Date("2027-03-01T09:00:00Z"));
    current.first.clock.set(new Date("2027-03-01T09:30:00Z"));
    await current.first.test.app.services.cohorts.edit({
      guildId: current.guild.id,
      cohort: "Later Hour",
      announceTime: "10:00",
      now: new Date("2027-03-01T09:30:00Z"),
      actorId: current.admin.id,
    });
    // Monday posts: a Wednesday 3 March start still announces week 1 on Monday 1 March, now at 10:00.
    const reply = await editStart(current, channelId, "Later Hour", "2027-03-03", new Date("2027-03-01T09:40:00Z"));
    expect(reply).not.toContain("stays in the channel");
    for (const at of hourlyInstants(new Date("2027-03-01T10:00:00Z"), new Date("2027-03-02T12:00:00Z"))) await current.first.tickAt(at);
    expect(channelPosts(current, channelId).filter((post) => post.label.startsWith("week "))).toEqual([
      { label: "week 1", at: "2027-03-01T09:00:00.000Z" },
    ]);
  });

  it("announces week 1 again when the start is postponed two minutes after it went out (a new nonce for the new time)", async () => {
    // Discord (the emulator) drops a message whose nonce it saw within its window: here the window spans both posts.
    const { current, channelId } = await announcedWeekOne("Two Minutes", new Date("2027-03-01T09:00:00Z"), {
      nonceWindowMs: 8 * 24 * 3_600_000,
    });
    const reply = await editStart(current, channelId, "Two Minutes", "2027-03-08", new Date("2027-03-01T09:02:00Z"));
    expect(reply).toContain("The week 1 post already sent stays in the channel");
    for (const at of hourlyInstants(new Date("2027-03-01T09:03:00Z"), new Date("2027-03-08T10:00:00Z"))) await current.first.tickAt(at);
    expect(channelPosts(current, channelId).filter((post) => post.label === "week 1")).toEqual([
      { label: "week 1", at: "2027-03-01T09:00:00.000Z" },
      { label: "week 1", at: "2027-03-08T09:00:00.000Z" },
    ]);
  });

  it("does not announce week 1 again when a tick finds its row set aside for the time it is due (an edit half seen)", async () => {
    const { current, channelId } = await announcedWeekOne("Half Seen", new Date("2027-03-01T09:00:00Z"));
    // As a tick between a put-back start's settings and its renames would see it: no week-1 row, one set aside for 09:00.
    await current.first.test.app.database.prisma.scheduledPost.updateMany({
      where: { period: "week-1" },
      data: { period: "week-1@2027-03-01T09:00:00.000Z" },
    });
    for (const at of hourlyInstants(new Date("2027-03-01T10:00:00Z"), new Date("2027-03-01T13:00:00Z"))) await current.first.tickAt(at);
    expect(channelPosts(current, channelId).filter((post) => post.label.startsWith("week "))).toEqual([
      { label: "week 1", at: "2027-03-01T09:00:00.000Z" },
    ]);
  });
});
