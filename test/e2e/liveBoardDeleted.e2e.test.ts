import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A moderator deletes the weekly post's live board in Discord mid-week. The bot neither posts it again nor
 * takes the channel for gone: the week goes on without a board, the next week's post goes out as usual, and
 * the deleted message is not asked to change again and again as members keep logging reading.
 */
const cohortName = "Deleted Board";
const at = (iso: string) => new Date(iso);

describe("a live board deleted by a moderator", () => {
  let world: SchedulerWorld;
  let channelId: string;
  let boardId: string;

  const complete = async (userId: string, name: string, now: Date) => {
    const { cohorts, study } = world.first.test.app.services;
    await cohorts.join(world.guild.id, userId, name, cohortName, now);
    await study.complete({ guildId: world.guild.id, userId, cohort: null, item: "Storage Engines", now });
  };
  const editsAsked = () =>
    world.emulator.requestLog().filter((entry) => entry.method === "PATCH" && entry.path.endsWith(`/messages/${boardId}`)).length;
  const labels = () => world.posts(channelId, { liveBoards: true }).map((post) => postLabel(post.message));

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-03-01T08:00:00Z"));
    channelId = world.createChannel("deleted-board").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const board = world.posts(channelId, { liveBoards: true }).find((post) => postLabel(post.message) === "live board 1");
    if (board === undefined) throw new Error("no live board for week 1");
    boardId = board.message.id;
    world.emulator.deleteMessage(boardId);
  });
  afterAll(async () => world.close());

  it("asks Discord to edit the deleted board once that week however many members log reading, and once at its end", async () => {
    await complete("900000000000000001", "First Reader", at("2027-03-01T09:00:30Z"));
    await world.first.tickAt(at("2027-03-01T09:01:30Z"));
    expect(editsAsked()).toBe(1);
    await complete("900000000000000002", "Second Reader", at("2027-03-02T10:00:00Z"));
    await world.first.tickAt(at("2027-03-02T10:01:30Z"));
    await complete("900000000000000003", "Third Reader", at("2027-03-05T10:00:00Z"));
    await world.first.tickAt(at("2027-03-05T10:01:30Z"));
    expect(editsAsked()).toBe(1);
    // The week's final edit (which also redraws a next post sent before the week was over), tried once.
    await world.first.tickAt(at("2027-03-08T00:01:30Z"));
    await world.first.tickAt(at("2027-03-08T00:05:00Z"));
    expect(editsAsked()).toBe(2);
  });

  it("posts no board in its place, and sends the next week's post with its own live board", async () => {
    expect(labels()).toEqual(["week 1"]);
    const report = await world.first.tickAt(at("2027-03-08T09:00:00Z"));
    expect(report.sent.map((post) => post.period)).toEqual(["week-2"]);
    expect(labels()).toEqual(["week 1", "week 2", "live board 2"]);
    const cohort = await world.first.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
    expect(cohort.channelProblem).toBeNull();
  });
});
