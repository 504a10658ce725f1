import { describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { heldRequestWorlds } from "../helpers/heldRequestWorlds.js";
import { acceptedEdits, at, commandsIn, postLabelled, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type BotProcess } from "../helpers/schedulerWorld.js";

/**
 * A board edit's claim is taken again by any process once it is a claim's lifetime (2 minutes) old. A tick that
 * has run long before it claims an edit (Discord kept one of its posts waiting) claims it as of that moment, not
 * of the tick's start: another process ticking then does not take the edit over while it is under way, and the
 * board is edited once. Two processes on one database; the cohorts start Monday 2027-03-01 (UTC), week 1's posts
 * go out at 09:00, its week ends Monday 03-08 00:00.
 */
describe("a board edit claimed late in a long tick, with two bot processes", () => {
  const worlds = heldRequestWorlds(startSchedulerWorld);

  /**
   * A world whose first process posted "Long Tick"'s week 1 at 09:00, with "Other"'s week-1 post due at 09:00 on
   * `otherStart` in `otherZone` (not sent yet), and its second process.
   */
  const started = async (otherStart: string, otherZone: string) => {
    const world = await worlds.start(at("2027-03-01T08:00:00Z"));
    const channelId = world.createChannel("long-tick").id;
    await world.createCohort({ name: "Long Tick", channelId, start: "2027-03-01" });
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    await world.createCohort({ name: "Other", channelId: world.createChannel("other").id, start: otherStart, timeZone: otherZone });
    const second = await world.startProcess(at("2027-03-01T09:00:00Z"));
    const board = () => postLabelled(world, channelId, "live board 1", { liveBoards: true });
    return { world, channelId, second, board };
  };

  /**
   * Ticks `process` at `tickAt` while Discord keeps "Other"'s post waiting until the process's clock reads
   * `resumeAt`, then holds the first board edit that follows; resolves with that tick and the held edit.
   */
  const tickHeldUntil = async (process: BotProcess, tickAt: Date, resumeAt: Date) => {
    const post = worlds.holdNext("POST /channels/:channelId/messages");
    const ticking = process.tickAt(tickAt);
    await post.arrived;
    process.clock.set(resumeAt);
    const edit = worlds.holdNext("PATCH /channels/:channelId/messages/:messageId");
    post.release();
    await edit.arrived;
    return { ticking, edit };
  };

  it("edits the live board once when the tick claims it three minutes after it started", async () => {
    // "Other" created after 09:00: its post goes at the next tick.
    const { world, channelId, second, board } = await started("2027-03-01", "UTC");
    await twoMembersScoreWeekOne(world, commandsIn(world, channelId), ["Long Tick"], at("2027-03-01T09:00:05Z"));
    const { ticking, edit } = await tickHeldUntil(world.first, at("2027-03-01T09:01:00Z"), at("2027-03-01T09:04:00Z"));
    // The first process's edit is on its way; the second ticks at the moment the first claimed it.
    expect((await second.tickAt(at("2027-03-01T09:04:00Z"))).boardsEdited).toBe(0);
    edit.release();
    expect((await ticking).boardsEdited).toBe(1);
    expect(visibleText(board())).toContain("Ada Lovelace");
    expect(acceptedEdits(world, channelId, board().id)).toBe(1);
  });

  it("gives the board its final edit once when the tick claims it three minutes after it started", async () => {
    // "Other" starts a week later in Tokyo: its first post is due at 09:00 there, Monday 03-08 00:00 UTC.
    const { world, channelId, second, board } = await started("2027-03-08", "Asia/Tokyo");
    const { ticking, edit } = await tickHeldUntil(world.first, at("2027-03-08T00:01:00Z"), at("2027-03-08T00:04:00Z"));
    expect((await second.tickAt(at("2027-03-08T00:04:00Z"))).boardsClosed).toBe(0);
    edit.release();
    expect((await ticking).boardsClosed).toBe(1);
    expect(board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(acceptedEdits(world, channelId, board().id)).toBe(1);
  });
});
