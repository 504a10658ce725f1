import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
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

/**
 * A world with one cohort whose week 1 live board a moderator deletes on its first day, after which a member
 * logs reading (so the bot tries that board once and learns it is gone).
 */
async function worldWithDeletedBoard(name: string, start: string, firstTick: Date) {
  const world = await startSchedulerWorld(firstTick);
  const channel = world.createChannel("deleted-board");
  await world.createCohort({ name, channelId: channel.id, start });
  await world.first.tickAt(firstTick);
  const board = world.posts(channel.id, { liveBoards: true }).find((post) => postLabel(post.message) === "live board 1");
  if (board === undefined) throw new Error("no live board for week 1");
  world.emulator.deleteMessage(board.message.id);
  const command = (userId: string, commandName: string, options: Record<string, string | number>) =>
    world.emulator.runCommand({ guildId: world.guild.id, channelId: channel.id, userId, name: commandName, options }).final();
  const complete = async (userId: string, memberName: string, now: Date, item = "Storage Engines") => {
    const { cohorts, study } = world.first.test.app.services;
    await cohorts.join(world.guild.id, userId, memberName, name, now);
    await study.complete({ guildId: world.guild.id, userId, cohort: null, item, now });
    await world.first.tickAt(new Date(now.getTime() + 60_000));
  };
  const editsAsked = () =>
    world.emulator.requestLog().filter((entry) => entry.method === "PATCH" && entry.path.endsWith(`/messages/${board.message.id}`)).length;
  return { world, channel, command, complete, editsAsked };
}

/**
 * The deleted board's week brought to an earlier end by an admin mid-week (Tuesday 2027-03-02 10:00 UTC): the
 * board's final edit comes a minute after that new end, as any board's, not at the week's old end (Monday 00:00 UTC).
 */
const earlierEnds = [
  {
    title: "ended by /cohort end",
    command: "cohort end",
    options: {},
    saved: "has ended",
    finalEditAt: "2027-03-02T10:01:30Z",
    editsBefore: 1,
  },
  // UTC+14: week 1 ends at Monday 00:00 there, Sunday 10:00 UTC.
  {
    title: "moved to a time zone ahead",
    command: "cohort edit",
    options: { timezone: "Pacific/Kiritimati" },
    saved: "Saved.",
    finalEditAt: "2027-03-07T10:01:30Z",
    editsBefore: 1,
  },
  // Week 1 from Wednesday 2027-02-24: it ends on Wednesday 2027-03-03 00:00 UTC. The start edit sets the board
  // aside: its one edit (saying its week moved) comes a minute after the admin's edit, before the new end.
  {
    title: "started earlier",
    command: "cohort edit",
    options: { start: "2027-02-24" },
    saved: "Saved.",
    finalEditAt: "2027-03-03T00:01:30Z",
    editsBefore: 2,
  },
] as const;

for (const { title, command: commandName, options, saved, finalEditAt, editsBefore } of earlierEnds) {
  describe(`a deleted live board of a cohort ${title} mid-week`, () => {
    let setup: Awaited<ReturnType<typeof worldWithDeletedBoard>>;
    beforeAll(async () => {
      setup = await worldWithDeletedBoard("Ended Deleted", "2027-03-01", at("2027-03-01T09:00:00Z"));
    });
    afterAll(async () => setup.world.close());

    it("tries the deleted board's final edit a minute after the week's new end, not at its old end", async () => {
      const { world, command, complete, editsAsked } = setup;
      await complete("900000000000000011", "First Reader", at("2027-03-01T10:00:00Z"));
      expect(editsAsked()).toBe(1);
      world.first.clock.set(at("2027-03-02T10:00:00Z"));
      const reply = await command(world.admin.id, commandName, { cohort: "Ended Deleted", ...options });
      expect(visibleText(reply)).toContain(saved);
      // Half a minute after the new end: not yet.
      await world.first.tickAt(new Date(at(finalEditAt).getTime() - 60_000));
      expect(editsAsked()).toBe(editsBefore);
      await world.first.tickAt(at(finalEditAt));
      await world.first.tickAt(new Date(at(finalEditAt).getTime() + 210_000));
      expect(editsAsked()).toBe(2);
    });
  });
}

/**
 * A cohort starting on a Wednesday with Monday announcements: week 2's post goes out while week 1 still runs,
 * its "Week 1 top five" drawn then. Week 1's board was deleted; its final edit still redraws that top five.
 */
describe("a deleted live board whose week's standings a next post sent early shows", () => {
  let setup: Awaited<ReturnType<typeof worldWithDeletedBoard>>;
  const topFive = () => {
    const post = setup.world.posts(setup.channel.id).find((candidate) => postLabel(candidate.message) === "week 2");
    const text = post === undefined ? "" : visibleText(post.message);
    return text.slice(text.lastIndexOf("Week", text.indexOf("top five")));
  };
  beforeAll(async () => {
    setup = await worldWithDeletedBoard("Early Deleted", "2027-03-03", at("2027-03-03T08:00:00Z"));
    await setup.complete("900000000000000021", "Ada Lovelace", at("2027-03-03T12:00:00Z"));
    // Monday 09:00, week 1's sixth day: week 2's post, then Bob reads more than Ada on Tuesday.
    await setup.world.first.tickAt(at("2027-03-08T09:00:00Z"));
    const items = ["Database Selection Guide", "Storage Engines", "PostgreSQL Internals"];
    for (const [minute, item] of items.entries()) {
      await setup.complete("900000000000000022", "Bob Builder", at(`2027-03-09T12:0${minute}:00Z`), item);
    }
  });
  afterAll(async () => setup.world.close());

  it("redraws week 2's 'Week 1 top five' with week 1's final standings once week 1 is over", async () => {
    expect(topFive()).toContain("🥇 **Ada Lovelace**");
    await setup.world.first.tickAt(at("2027-03-10T00:02:00Z"));
    await setup.world.first.tickAt(at("2027-03-10T00:04:00Z"));
    expect(topFive()).toContain("Week 1 top five");
    expect(topFive()).toContain("🥇 **Bob Builder**");
    expect(topFive()).toContain("🥈 **Ada Lovelace**");
  });
});
