import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import {
  acceptedEdits,
  at,
  channelProblemOf,
  commandsIn,
  deleteDataOf,
  fieldOf,
  postField,
  postLabelled,
  redrawMark,
  setEmbedLinks,
  tickEveryMinute,
  tickThroughRefusedTries,
  twoMembersScoreWeekOne,
} from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * Posted boards whose redraw (a member's `/privacy delete`) meets a channel where the bot may no longer embed
 * links, where that channel is not flagged for it: the cohort's former channel (an admin moved the cohort), or the
 * channel of a finished cohort, which posts nothing more. Each refused redraw uses up a try, as for want of Read
 * Message History: given up after the 16th, keeping the mark that lets it be tried again, and edited once, not
 * twice, when Embed Links is back, though two bot processes look for it.
 */

/** The cohort starts Monday 2027-03-01 (UTC) in #old-home and moves to #new-home during week 1. */
describe("a board given up for want of Embed Links in the cohort's former channel", () => {
  const cohortName = "Moved Home";
  let world: SchedulerWorld;
  let oldHome: string;
  let newHome: string;
  const weekOneBoard = () => visibleText(postLabelled(world, oldHome, "live board 1", { liveBoards: true }));

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    oldHome = world.createChannel("old-home").id;
    newHome = world.createChannel("new-home").id;
    await world.createCohort({ name: cohortName, channelId: oldHome, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("keeps the board's mark while the permission is missing there, and redraws it once when it is back", async () => {
    const run = commandsIn(world, oldHome);
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const { zed } = await twoMembersScoreWeekOne(world, run, [cohortName], at("2027-03-01T10:00:00Z"));
    await world.first.tickAt(at("2027-03-01T10:01:00Z"));
    world.first.clock.set(at("2027-03-02T12:00:00Z"));
    await run(world.admin.id, "cohort edit", { cohort: cohortName, channel: newHome });
    // Week 1's board, in the channel it was posted in, gets its final edit; week 2's post goes to the new channel.
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    await world.first.tickAt(at("2027-03-08T09:00:00Z"));
    expect(weekOneBoard()).toContain("Zeddicus");
    expect(postField(world, newHome, "week 2", "🏆 Week 1 top five")).toContain("Zeddicus");

    await setEmbedLinks(world, oldHome, false);
    const editsWithout = acceptedEdits(world, oldHome);
    world.first.clock.set(at("2027-03-08T10:00:00Z"));
    await deleteDataOf(world, newHome, zed.id);
    const after = await tickThroughRefusedTries(world.first, at("2027-03-08T10:00:05Z"));

    // The new channel's post is redrawn at once; the old one's board is left as it was, never stripped of its words.
    expect(postField(world, newHome, "week 2", "🏆 Week 1 top five")).not.toContain("Zeddicus");
    expect(weekOneBoard()).toContain("Zeddicus");
    expect(acceptedEdits(world, oldHome)).toBe(editsWithout);
    expect(await redrawMark(world, "week", "week-1")).toBe(16);
    // Only the old channel lacks the permission: the cohort is not flagged and posts on in the new one.
    expect(await channelProblemOf(world, cohortName)).toBeNull();
    expect(postLabelled(world, newHome, "week 3").embeds.length).toBeGreaterThan(0);

    // A second bot process runs too: whichever looks first flags the board, and it is edited once all the same.
    const back = new Date(after.getTime() + 3_600_000);
    const second = await world.startProcess(back);
    await setEmbedLinks(world, oldHome, true, [world.first, second]);
    await tickEveryMinute([world.first, second], back);
    expect(weekOneBoard()).not.toContain("Zeddicus");
    expect(weekOneBoard()).toContain("Ada Lovelace");
    expect(acceptedEdits(world, oldHome) - editsWithout).toBe(1);
    expect(await redrawMark(world, "week", "week-1")).toBe(0);
  });
});

/**
 * The course runs to its end: the cohort starts Monday 2027-03-01 (UTC) and is set up in its last week, week 12
 * (Monday 2027-05-17); its closing post goes out Monday 2027-05-24 09:00, and the cohort is finished.
 */
describe("boards of a finished cohort given up for want of Embed Links in its channel", () => {
  const cohortName = "Ran Its Course";
  let world: SchedulerWorld;
  let channelId: string;
  const finalBoard = () => fieldOf(postLabelled(world, channelId, "closing"), "🏆 Final leaderboard") ?? "";
  const weekBoard = () => visibleText(postLabelled(world, channelId, "live board 12", { liveBoards: true }));

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-05-17T08:00:00Z"));
    channelId = world.createChannel("course-home").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("keeps both boards' marks while the permission is missing, and redraws each once when it is back", async () => {
    const run = commandsIn(world, channelId);
    await world.first.tickAt(at("2027-05-17T09:00:00Z"));
    const { zed } = await twoMembersScoreWeekOne(world, run, [cohortName], at("2027-05-17T10:00:00Z"));
    await world.first.tickAt(at("2027-05-17T10:01:00Z"));
    await world.first.tickAt(at("2027-05-24T00:01:00Z"));
    expect((await world.first.tickAt(at("2027-05-24T09:00:00Z"))).sent.map((post) => post.period)).toEqual(["closing"]);
    const cohort = await world.first.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
    expect(cohort.status).toBe("finished");
    expect(finalBoard()).toContain("Zeddicus");
    expect(weekBoard()).toContain("Zeddicus");

    await setEmbedLinks(world, channelId, false);
    const editsWithout = acceptedEdits(world, channelId);
    world.first.clock.set(at("2027-05-24T10:00:00Z"));
    await deleteDataOf(world, channelId, zed.id);
    const after = await tickThroughRefusedTries(world.first, at("2027-05-24T10:00:05Z"));

    expect(finalBoard()).toContain("Zeddicus");
    expect(weekBoard()).toContain("Zeddicus");
    expect(acceptedEdits(world, channelId)).toBe(editsWithout);
    expect(await redrawMark(world, "closing", "closing")).toBe(16);
    expect(await redrawMark(world, "week", "week-12")).toBe(16);
    expect(await channelProblemOf(world, cohortName)).toBeNull();

    // A second bot process runs too: whichever looks first flags the board, and it is edited once all the same.
    const back = new Date(after.getTime() + 3_600_000);
    const second = await world.startProcess(back);
    await setEmbedLinks(world, channelId, true, [world.first, second]);
    await tickEveryMinute([world.first, second], back);
    expect(finalBoard()).not.toContain("Zeddicus");
    expect(finalBoard()).toContain("Ada Lovelace");
    expect(weekBoard()).not.toContain("Zeddicus");
    expect(weekBoard()).toContain("Ada Lovelace");
    expect(acceptedEdits(world, channelId) - editsWithout).toBe(2);
  });
});
