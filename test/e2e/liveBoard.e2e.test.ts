import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, visibleText } from "../helpers/botHarness.js";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * The weekly post's live board through the real bot and the emulator, on the
 * test clock: the cohort starts Monday 2027-03-01 (UTC), the week-1 post goes
 * out at 09:00 and ends with the board the scheduler keeps live.
 */
const cohortName = "Live Spring";
const at = (iso: string) => new Date(iso);

describe("the weekly post's live board", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const editsByMessage = new Map<string, number>();
  const edits = (messageId: string) => editsByMessage.get(messageId) ?? 0;

  const board = (week: number) => {
    const found = world.posts(channelId, { liveBoards: true }).find((post) => postLabel(post.message) === `live board ${week}`);
    if (found === undefined) throw new Error(`no live board for week ${week}`);
    return found.message;
  };
  const complete = (userId: string, now: Date) =>
    world.first.test.app.services.study.complete({ guildId: world.guild.id, userId, cohort: null, item: "Storage Engines", now });
  const join = (userId: string, name: string, now: Date) =>
    world.first.test.app.services.cohorts.join(world.guild.id, userId, name, cohortName, now);
  /** A command through Discord, as the member (or admin) `userId` sends it in the cohort's channel. */
  const runAs = (userId: string, name: string, options: Record<string, string | boolean> = {}) =>
    world.emulator.runCommand({ guildId: world.guild.id, channelId, userId, name, options }).final();

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-03-01T08:00:00Z"));
    channelId = world.createChannel("live").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    world.emulator.on("messageUpdate", (message: { id: string }) => editsByMessage.set(message.id, edits(message.id) + 1));
  });
  afterAll(async () => world.close());

  it("posts week 1 with its board last, empty until someone logs reading", async () => {
    const report = await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    expect(report.sent.map((post) => post.period)).toEqual(["week-1"]);
    expect(world.posts(channelId, { liveBoards: true }).map((post) => postLabel(post.message))).toEqual(["week 1", "live board 1"]);
    expect(visibleText(board(1))).toContain("No points yet this week");
  });

  it("edits the board once for a burst of 100 completions within a minute, showing all of them", async () => {
    const boardId = board(1).id;
    // One member through Discord, /join and /done as members use them…
    const ada = world.emulator.createMember(world.guild.id, { username: "ada", displayName: "Ada Lovelace" });
    world.first.clock.set(at("2027-03-01T09:00:05Z"));
    const run = (name: string, options: Record<string, string>) =>
      world.emulator.runCommand({ guildId: world.guild.id, channelId, userId: ada.id, name, options }).final();
    await run("join", { cohort: cohortName });
    expect(visibleText(await run("done", { item: "Storage Engines" }))).toContain("Storage Engines");
    // …and 99 more in the same minute, through the same service the command calls.
    for (let index = 1; index <= 99; index += 1) {
      const now = new Date(at("2027-03-01T09:00:10Z").getTime() + index * 400);
      const userId = String(900_000_000_000_000_000n + BigInt(index));
      await join(userId, `Reader ${index}`, now);
      await complete(userId, now);
    }
    // Ticks inside the minute after the post edit nothing; the first one after it edits once.
    expect((await world.first.tickAt(at("2027-03-01T09:00:40Z"))).boardsEdited).toBe(0);
    expect(edits(boardId)).toBe(0);
    expect((await world.first.tickAt(at("2027-03-01T09:01:00Z"))).boardsEdited).toBe(1);
    expect(edits(boardId)).toBe(1);
    const text = visibleText(board(1));
    expect(text).toContain("Ada Lovelace");
    expect(text).toContain("…and 90 more");
    expect(text).not.toContain("No points yet");
    // Nothing changed since: later ticks leave it alone.
    for (const tick of ["2027-03-01T09:01:20Z", "2027-03-01T09:02:30Z"]) {
      expect((await world.first.tickAt(at(tick))).boardsEdited).toBe(0);
    }
    expect(edits(boardId)).toBe(1);
  });

  it("waits a minute after an edit before the next, however the completions come", async () => {
    const boardId = board(1).id;
    await join("900000000000000500", "Late Reader", at("2027-03-01T09:02:40Z"));
    await complete("900000000000000500", at("2027-03-01T09:02:40Z"));
    // The last edit was at 09:01:00, more than a minute ago: the next tick edits.
    expect((await world.first.tickAt(at("2027-03-01T09:02:45Z"))).boardsEdited).toBe(1);
    await join("900000000000000501", "Later Reader", at("2027-03-01T09:03:00Z"));
    await complete("900000000000000501", at("2027-03-01T09:03:00Z"));
    expect((await world.first.tickAt(at("2027-03-01T09:03:20Z"))).boardsEdited).toBe(0);
    expect((await world.first.tickAt(at("2027-03-01T09:03:45Z"))).boardsEdited).toBe(1);
    expect(edits(boardId)).toBe(3);
    expect(visibleText(board(1))).toContain("…and 92 more");
  });

  it("stops live edits once its week is over, then edits it once more with the week's final standings", async () => {
    const boardId = board(1).id;
    await join("900000000000000502", "Sunday Reader", at("2027-03-07T23:59:50Z"));
    await complete("900000000000000502", at("2027-03-07T23:59:50Z"));
    // Monday 00:00 UTC: week 1 is over before any tick saw the change; its final edit comes a minute later.
    const atTheEnd = await world.first.tickAt(at("2027-03-08T00:00:30Z"));
    expect([atTheEnd.boardsEdited, atTheEnd.boardsClosed]).toEqual([0, 0]);
    const closing = await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    expect([closing.boardsEdited, closing.boardsClosed]).toEqual([0, 1]);
    expect(board(1).embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(board(1))).toContain("…and 93 more");
    const later = await world.first.tickAt(at("2027-03-08T08:00:00Z"));
    expect([later.boardsEdited, later.boardsClosed]).toEqual([0, 0]);
    expect(edits(boardId)).toBe(4);
  });

  it("sends week 2 with its chart exactly once when Discord fails after the first part", async () => {
    // The first part (with the chart) goes out; every later send fails long enough for the attempt to fail.
    world.emulator.once("message", () => world.emulator.failNext(`POST /channels/${channelId}/messages`, 503, 4));
    const failed = await world.first.tickAt(at("2027-03-08T09:00:00Z"));
    expect(failed.failed.map((post) => post.period)).toEqual(["week-2"]);
    const retried = await world.first.tickAt(at("2027-03-08T09:01:00Z"));
    expect(retried.sent.map((post) => post.period)).toEqual(["week-2"]);
    const posts = world.posts(channelId, { liveBoards: true });
    expect(posts.map((post) => postLabel(post.message))).toEqual(["week 1", "live board 1", "week 2", "live board 2"]);
    const week2 = posts[2]?.message;
    expect(week2?.attachments.map((file) => file.filename)).toEqual(["week-1.png"]);
    expect(week2?.attachments[0]?.description).toContain("Database Fundamentals");
    // The new week's board is live, last week's no more.
    await join("900000000000000503", "Week Two Reader", at("2027-03-08T10:00:00Z"));
    await complete("900000000000000503", at("2027-03-08T10:00:00Z"));
    expect((await world.first.tickAt(at("2027-03-08T10:00:10Z"))).boardsEdited).toBe(1);
    expect(visibleText(board(2))).toContain("Week Two Reader");
    expect(edits(board(1).id)).toBe(4);
  });

  it("takes a member who hides, or deletes their data, off the live board at its next edit", async () => {
    const grace = world.emulator.createMember(world.guild.id, { username: "grace", displayName: "Grace Hopper" });
    const linus = world.emulator.createMember(world.guild.id, { username: "linus", displayName: "Linus Torvalds" });
    world.first.clock.set(at("2027-03-08T11:00:00Z"));
    for (const member of [grace, linus]) {
      await runAs(member.id, "join", { cohort: cohortName });
      await runAs(member.id, "done", { item: "Storage Engines" });
    }
    expect((await world.first.tickAt(at("2027-03-08T11:01:00Z"))).boardsEdited).toBe(1);
    expect(visibleText(board(2))).toContain("Grace Hopper");
    expect(visibleText(board(2))).toContain("Linus Torvalds");

    world.first.clock.set(at("2027-03-08T11:10:00Z"));
    await runAs(grace.id, "privacy", { leaderboard: "hidden" });
    expect((await world.first.tickAt(at("2027-03-08T11:10:05Z"))).boardsEdited).toBe(1);
    expect(visibleText(board(2))).not.toContain("Grace Hopper");

    world.first.clock.set(at("2027-03-08T11:20:00Z"));
    const asked = await runAs(linus.id, "privacy", { delete: true });
    const [confirm] = buttonsOf(asked);
    if (confirm === undefined) throw new Error("no confirmation button");
    await world.emulator.clickButton({ userId: linus.id, messageId: asked.id, customId: confirm.customId }).final();
    expect((await world.first.tickAt(at("2027-03-08T11:20:05Z"))).boardsEdited).toBe(1);
    expect(visibleText(board(2))).not.toContain("Linus Torvalds");
  });

  it("follows a member's /leave and the cohort's leaderboard setting at its next edit", async () => {
    const alan = world.emulator.createMember(world.guild.id, { username: "alan", displayName: "Alan Turing" });
    const edsger = world.emulator.createMember(world.guild.id, { username: "edsger", displayName: "Edsger Dijkstra" });
    world.first.clock.set(at("2027-03-08T12:00:00Z"));
    for (const member of [alan, edsger]) {
      await runAs(member.id, "join", { cohort: cohortName });
      await runAs(member.id, "done", { item: "Storage Engines" });
    }
    expect((await world.first.tickAt(at("2027-03-08T12:01:00Z"))).boardsEdited).toBe(1);
    expect(visibleText(board(2))).toContain("Alan Turing");

    world.first.clock.set(at("2027-03-08T12:10:00Z"));
    await runAs(alan.id, "leave", { cohort: cohortName });
    expect((await world.first.tickAt(at("2027-03-08T12:10:05Z"))).boardsEdited).toBe(1);
    expect(visibleText(board(2))).not.toContain("Alan Turing");
    expect(visibleText(board(2))).toContain("Edsger Dijkstra");

    world.first.clock.set(at("2027-03-08T12:20:00Z"));
    await runAs(world.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "aliases" });
    expect((await world.first.tickAt(at("2027-03-08T12:20:05Z"))).boardsEdited).toBe(1);
    expect(visibleText(board(2))).not.toContain("Edsger Dijkstra");
    expect(visibleText(board(2))).toContain("Member ");
  });

  it("with the cohort's board turned off, says the board is private instead of claiming nobody scored, and posts none the next week", async () => {
    world.first.clock.set(at("2027-03-08T12:30:00Z"));
    await runAs(world.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "off" });
    expect((await world.first.tickAt(at("2027-03-08T12:30:05Z"))).boardsEdited).toBe(1);
    const text = visibleText(board(2));
    expect(text).not.toContain("Member ");
    expect(text).not.toContain("No points yet");
    expect(text).toContain("keeps its leaderboard private");

    const week3 = await world.first.tickAt(at("2027-03-15T09:00:00Z"));
    expect(week3.sent.map((post) => post.period)).toEqual(["week-3"]);
    const labels = world.posts(channelId, { liveBoards: true }).map((post) => postLabel(post.message));
    expect(labels.slice(-2)).toEqual(["live board 2", "week 3"]);
  });

  it("drops a member given the exclude_role at its next edit, whether their own command or a listing shows it", async () => {
    world.first.clock.set(at("2027-03-20T12:00:00Z"));
    await runAs(world.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "names" });
    expect((await world.first.tickAt(at("2027-03-22T09:00:00Z"))).sent.map((post) => post.period)).toEqual(["week-4"]);
    const role = world.emulator.createRole(world.guild.id, { name: "Facilitators" });
    world.first.clock.set(at("2027-03-22T09:30:00Z"));
    await runAs(world.admin.id, "cohort edit", { cohort: cohortName, exclude_role: role.id });
    const frances = world.emulator.createMember(world.guild.id, { username: "frances", displayName: "Frances Allen" });
    const barbara = world.emulator.createMember(world.guild.id, { username: "barbara", displayName: "Barbara Liskov" });
    for (const member of [frances, barbara]) {
      await runAs(member.id, "join", { cohort: cohortName });
      await runAs(member.id, "done", { item: "Storage Engines" });
    }
    expect((await world.first.tickAt(at("2027-03-22T09:31:00Z"))).boardsEdited).toBe(1);
    expect(visibleText(board(4))).toContain("Frances Allen");
    expect(visibleText(board(4))).toContain("Barbara Liskov");

    // Frances is given the role and uses the bot: her own command brings her mark up to date.
    world.emulator.setMemberRoles(world.guild.id, frances.id, [role.id]);
    world.first.clock.set(at("2027-03-22T09:40:00Z"));
    await runAs(frances.id, "today");
    expect((await world.first.tickAt(at("2027-03-22T09:40:05Z"))).boardsEdited).toBe(1);
    expect(visibleText(board(4))).not.toContain("Frances Allen");

    // Barbara is given it and stays away: the next listing (here for someone's /leaderboard) finds her.
    world.emulator.setMemberRoles(world.guild.id, barbara.id, [role.id]);
    world.first.clock.set(at("2027-03-22T09:50:00Z"));
    await runAs(frances.id, "leaderboard", {});
    expect((await world.first.tickAt(at("2027-03-22T09:50:05Z"))).boardsEdited).toBe(1);
    expect(visibleText(board(4))).not.toContain("Barbara Liskov");
  });

  it("keeps editing the week's board in the channel it was posted in after /cohort edit channel:", async () => {
    const boardId = board(4).id;
    const newChannel = world.createChannel("live-new").id;
    world.first.clock.set(at("2027-03-23T10:00:00Z"));
    await runAs(world.admin.id, "cohort edit", { cohort: cohortName, channel: newChannel });
    const grace = world.emulator.createMember(world.guild.id, { username: "grace", displayName: "Grace Hopper" });
    await runAs(grace.id, "join", { cohort: cohortName });
    await runAs(grace.id, "done", { item: "Storage Engines" });
    expect((await world.first.tickAt(at("2027-03-23T10:00:05Z"))).boardsEdited).toBe(1);
    // The board the members see is the one in the old channel, where week 4 was posted.
    expect(board(4).id).toBe(boardId);
    expect(visibleText(board(4))).toContain("Grace Hopper");
    // The next week's post, board and all, goes to the new channel.
    expect((await world.first.tickAt(at("2027-03-29T09:00:00Z"))).sent.map((post) => post.period)).toEqual(["week-5"]);
    const labels = world.posts(newChannel, { liveBoards: true }).map((post) => postLabel(post.message));
    expect(labels).toEqual(["week 5", "live board 5"]);
  });
});
