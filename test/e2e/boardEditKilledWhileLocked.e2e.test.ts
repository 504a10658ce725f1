import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { tickFailingWhileLocked } from "../helpers/lockedTick.js";
import { acceptedEdits, at, commandsIn, postLabelled, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type BotProcess, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A board edit whose claim is written, that Discord then fails while another connection holds the database, so
 * that what the bot writes about the failed edit (the board flagged again, the final edit given back) meets the
 * lock; then the process is killed (it neither ticks again nor stops, so it writes nothing more). Another process
 * on the same database finds the edit due once the claim's lifetime (2 minutes) is over, and makes it once.
 * The cohort starts Monday 2027-03-01 (UTC); week 1's post, with its board, goes out at 09:00; the week ends
 * Monday 03-08 00:00.
 */
const cohortName = "Killed Mid Edit";

describe("a board edit that failed while the database was locked, its process killed", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const board = () => postLabelled(world, channelId, "live board 1", { liveBoards: true });
  const edits = () => acceptedEdits(world, channelId, board().id);

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-03-01T08:00:00Z"));
    channelId = world.createChannel("killed").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
  });
  afterAll(async () => world.close());

  /** Another process on the world's database, after `killed` died at its last tick (never ticked nor stopped again). */
  const nextProcess = (start: Date): Promise<BotProcess> => world.startProcess(start);

  it("shows the live board's new standings after the claim's lifetime, edited once", async () => {
    await twoMembersScoreWeekOne(world, commandsIn(world, channelId), [cohortName], at("2027-03-01T09:00:05Z"));
    expect(visibleText(board())).not.toContain("Zeddicus");

    const locked = await tickFailingWhileLocked(world, world.first, at("2027-03-01T09:01:00Z"), channelId, board().id);
    expect(locked.boardsEdited).toBe(0);
    const next = await nextProcess(at("2027-03-01T09:02:00Z"));
    for (const tick of ["2027-03-01T09:02:00Z", "2027-03-01T09:03:00Z", "2027-03-01T09:05:00Z", "2027-03-01T09:10:00Z"])
      await next.tickAt(at(tick));
    expect(visibleText(board())).toContain("Zeddicus");
    expect(visibleText(board())).toContain("Ada Lovelace");
    expect(edits()).toBe(1);

    // The week's final edit fails in the same way in this process, which is killed in turn.
    const closing = await tickFailingWhileLocked(world, next, at("2027-03-08T00:01:00Z"), channelId, board().id);
    expect(closing.boardsClosed).toBe(0);
    expect(board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
  });

  it("gives the board its final edit after the claim's lifetime, once", async () => {
    const third = await nextProcess(at("2027-03-08T00:02:00Z"));
    for (const tick of ["2027-03-08T00:02:00Z", "2027-03-08T00:03:00Z", "2027-03-08T00:05:00Z", "2027-03-08T00:30:00Z"])
      await third.tickAt(at(tick));
    expect(board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(board())).toContain("Zeddicus");
    expect(edits()).toBe(2);
  });

  it("leaves the board as its last live edit showed it when its claim is found more than a day after its week's end", async () => {
    const poster = await nextProcess(at("2027-03-08T08:59:00Z"));
    await poster.tickAt(at("2027-03-08T09:00:00Z"));
    const weekTwo = () => postLabelled(world, channelId, "live board 2", { liveBoards: true });
    const closing = await tickFailingWhileLocked(world, poster, at("2027-03-15T00:01:00Z"), channelId, weekTwo().id);
    expect(closing.boardsClosed).toBe(0);

    // The next process starts a day and a minute after week 2's end: its final edit is past its day.
    const late = await nextProcess(at("2027-03-16T00:02:00Z"));
    const claims = () => late.test.app.database.prisma.scheduledPost.count({ where: { boardClaimedEnd: { not: null } } });
    expect(await claims()).toBe(1);
    for (const tick of ["2027-03-16T00:02:00Z", "2027-03-16T00:03:00Z", "2027-03-16T00:05:00Z"])
      expect((await late.tickAt(at(tick))).boardsClosed).toBe(0);
    expect(weekTwo().embeds[0]?.title).toBe("🏆 Week 2 leaderboard · live");
    expect(acceptedEdits(world, channelId, weekTwo().id)).toBe(0);
    // Its claim, which no tick can take again, is cleared: later ticks do not read it for ever.
    expect(await claims()).toBe(0);
  });
});
