import { afterEach, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { discordTrouble } from "../helpers/lockedTick.js";
import { at, commandsIn, postLabelled, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A member hides while their week's board waits for its final edit, and that edit keeps meeting Discord trouble until
 * its day is over (it is then given up, the board left as its last live edit). The redraw their hiding flagged must not
 * be dropped in favour of a final edit that never comes: once the day is over, the board is drawn without their name.
 * The cohort starts Monday 2027-03-01 (UTC); week 1 ends Monday 03-08 00:00, its final edit is due at 00:01.
 */
describe("a hiding while the board's final edit is still due and then never made", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it("redraws the board without the member once its final edit is given up", async () => {
    const started = await startSchedulerWorld(at("2027-03-01T08:00:00Z"));
    world = started;
    const channelId = world.createChannel("final-pending").id;
    await world.createCohort({ name: "Final Pending", channelId, start: "2027-03-01" });
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const run = commandsIn(world, channelId);
    const { ada } = await twoMembersScoreWeekOne(world, run, ["Final Pending"], at("2027-03-01T09:00:05Z"));
    await world.first.tickAt(at("2027-03-01T09:01:00Z"));
    const board = postLabelled(world, channelId, "live board 1", { liveBoards: true });
    const boardText = () => {
      const current = started.emulator.message(board.id);
      if (current === null) throw new Error("the board message is gone");
      return visibleText(current);
    };
    expect(boardText()).toContain("Ada Lovelace");

    const route = `PATCH /channels/${channelId}/messages/${board.id}`;
    discordTrouble(world, route);
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    world.first.clock.set(at("2027-03-08T00:01:30Z"));
    await run(ada.id, "privacy", { leaderboard: "hidden" });
    discordTrouble(world, route);
    await world.first.tickAt(at("2027-03-08T00:02:00Z"));
    expect(boardText()).toContain("Ada Lovelace");

    // The day is over: no final edit any more; the flagged redraw draws the board as it stands.
    await world.first.tickAt(at("2027-03-09T00:05:00Z"));
    expect(boardText()).not.toContain("Ada Lovelace");
    expect(boardText()).toContain("Zeddicus");
  });
});
