import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { embedLinksRefusal, tickFailingWhileLocked } from "../helpers/lockedTick.js";
import {
  acceptedEdits,
  at,
  channelProblemOf,
  commandsIn,
  deleteDataOf,
  endWithClosingPost,
  fieldOf,
  postLabelled,
  redrawMark,
  setEmbedLinks,
  twoMembersScoreWeekOne,
} from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A board edit Discord refuses for want of Embed Links in the cohort's channel is given back (to be made once the
 * permission is back), then the channel is flagged. Here the database is locked when that edit comes back refused
 * (liveBoardDatabaseBusy.e2e.test.ts does the same for a live edit), so neither the give-back nor the flag can be
 * written. The week's final edit stays claimed, and is taken again once its claim (2 minutes) runs out. The redraw of a posted board
 * after a member's `/privacy delete` keeps nothing: it stays claimed, and is taken again once its claim (2 minutes)
 * runs out. Neither is lost: each is made once, when the bot may embed links again. The cohort starts Monday
 * 2027-03-01 (UTC); week 1's post goes out at 09:00, its week ends Monday 03-08.
 */
const cohortName = "Locked Links";

/** A world whose cohort posted week 1 in its channel, where Zeddicus and Ada Lovelace scored and the board shows them. */
async function scoredWeekOne(): Promise<{ world: SchedulerWorld; channelId: string; zed: { id: string } }> {
  const world = await startSchedulerWorld(at("2027-03-01T08:00:00Z"));
  const channelId = world.createChannel("locked-links").id;
  await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  await world.first.tickAt(at("2027-03-01T09:00:00Z"));
  const { zed } = await twoMembersScoreWeekOne(world, commandsIn(world, channelId), [cohortName], at("2027-03-01T10:00:00Z"));
  await world.first.tickAt(at("2027-03-01T10:01:00Z"));
  return { world, channelId, zed };
}

describe("a final board edit refused for want of Embed Links while the database is locked", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const board = () => postLabelled(world, channelId, "live board 1", { liveBoards: true });

  beforeAll(async () => ({ world, channelId } = await scoredWeekOne()));
  afterAll(async () => world.close());

  it("is made once when the permission is back, the channel flagged meanwhile", async () => {
    expect(visibleText(board())).toContain("Zeddicus");
    const boardId = board().id;
    const editsBefore = acceptedEdits(world, channelId, boardId);

    // The final edit meets Discord's refusal (its cache did not know yet) while another connection holds the database.
    const locked = await tickFailingWhileLocked(world, world.first, at("2027-03-08T00:01:00Z"), channelId, boardId, embedLinksRefusal);
    expect(locked.boardsClosed).toBe(0);
    expect(board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");

    // The permission is gone indeed; the lock is gone: the edit is taken again once its claim runs out, held back,
    // and the channel flagged.
    await setEmbedLinks(world, channelId, false);
    for (const tick of ["2027-03-08T00:02:00Z", "2027-03-08T00:03:00Z"]) expect((await world.first.tickAt(at(tick))).boardsClosed).toBe(0);
    expect(await channelProblemOf(world, cohortName)).toBe("no_permission");
    expect(board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
    expect(acceptedEdits(world, channelId, boardId)).toBe(editsBefore);

    // Embed Links back: the next check of the channel clears the flag, the tick after makes the final edit, once.
    await setEmbedLinks(world, channelId, true);
    for (const tick of ["2027-03-08T00:07:00Z", "2027-03-08T00:08:00Z", "2027-03-08T00:10:00Z", "2027-03-08T00:20:00Z"])
      await world.first.tickAt(at(tick));
    expect(await channelProblemOf(world, cohortName)).toBeNull();
    expect(board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(board())).toContain("Zeddicus");
    expect(acceptedEdits(world, channelId, boardId) - editsBefore).toBe(1);
  });
});

describe("a posted board's redraw refused for want of Embed Links while the database is locked", () => {
  let world: SchedulerWorld;
  let channelId: string;
  let zed: { id: string };
  const closing = () => postLabelled(world, channelId, "closing");
  const finalBoard = () => fieldOf(closing(), "🏆 Final leaderboard") ?? "";
  const weekBoard = () => postLabelled(world, channelId, "live board 1", { liveBoards: true });

  beforeAll(async () => {
    ({ world, channelId, zed } = await scoredWeekOne());
    // The admin ends the cohort in week 1: its closing post shows the final board, week 1's board is final.
    await endWithClosingPost(world, cohortName, at("2027-03-02T12:00:00Z"));
  });
  afterAll(async () => world.close());

  it("is made once when the permission is back, using up none of its tries", async () => {
    expect(finalBoard()).toContain("Zeddicus");
    expect(visibleText(weekBoard())).toContain("Zeddicus");
    const closingId = closing().id;
    const boardId = weekBoard().id;
    const closingEdits = acceptedEdits(world, channelId, closingId);
    const boardEdits = acceptedEdits(world, channelId, boardId);
    world.first.clock.set(at("2027-03-02T12:10:00Z"));
    await deleteDataOf(world, channelId, zed.id);

    // The closing post's redraw meets Discord's refusal while another connection holds the database (week 1's
    // board, flagged by the same deletion, is redrawn in the same tick, before or after the lock).
    await tickFailingWhileLocked(world, world.first, at("2027-03-02T12:11:00Z"), channelId, closingId, embedLinksRefusal);
    expect(finalBoard()).toContain("Zeddicus");
    // Neither the flag nor a try could be written under the lock.
    expect(await channelProblemOf(world, cohortName)).toBeNull();
    expect(await redrawMark(world, "closing", "closing")).toBe(0);

    // The permission is gone indeed; the lock is gone: the redraw is taken again once its claim runs out, held
    // back, and the channel flagged.
    await setEmbedLinks(world, channelId, false);
    for (const tick of ["2027-03-02T12:12:00Z", "2027-03-02T12:13:00Z", "2027-03-02T12:14:00Z"]) await world.first.tickAt(at(tick));
    expect(await channelProblemOf(world, cohortName)).toBe("no_permission");
    expect(finalBoard()).toContain("Zeddicus");
    expect(acceptedEdits(world, channelId, closingId)).toBe(closingEdits);
    expect(await redrawMark(world, "closing", "closing")).toBe(0);

    await setEmbedLinks(world, channelId, true);
    for (const tick of ["2027-03-02T12:20:00Z", "2027-03-02T12:21:00Z", "2027-03-02T12:25:00Z", "2027-03-02T12:40:00Z"])
      await world.first.tickAt(at(tick));
    expect(await channelProblemOf(world, cohortName)).toBeNull();
    expect(finalBoard()).not.toContain("Zeddicus");
    expect(finalBoard()).toContain("Ada Lovelace");
    expect(visibleText(weekBoard())).not.toContain("Zeddicus");
    expect(acceptedEdits(world, channelId, closingId) - closingEdits).toBe(1);
    expect(acceptedEdits(world, channelId, boardId) - boardEdits).toBe(1);
  });
});
