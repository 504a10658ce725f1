import { describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { heldRequestWorlds } from "../helpers/heldRequestWorlds.js";
import { discordTrouble } from "../helpers/lockedTick.js";
import { acceptedEdits, at, commandsIn, postLabelled, twoMembersScoreWeekOne, type RunCommand } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A live board edit drawn just before a change that takes a member off the board (their hiding, an admin's board
 * setting) and answered by Discord just after it showed the names. The board must be edited again at the next tick
 * (20 seconds later), not a minute after that edit; an ordinary /done made while an edit is on its way keeps the
 * minute between edits. Discord applies the edit at once and holds its answer while the change is made. The cohort
 * starts Monday 2027-03-01 (UTC); week 1's post goes out at 09:00.
 */
describe("a live board edit on its way to Discord while the board changes", () => {
  const worlds = heldRequestWorlds(startSchedulerWorld);

  /**
   * Zeddicus and Ada score; the 09:01 tick claims the board's edit, drawn with both names, and Discord holds its
   * answer while `meanwhile` runs; then the answer comes and the tick ends.
   */
  async function changedWhileEditing(
    cohortName: string,
    meanwhile: (world: SchedulerWorld, run: RunCommand, ada: { id: string }) => Promise<void>,
    { fails = false }: { readonly fails?: boolean } = {},
  ) {
    const world = await worlds.start(at("2027-03-01T08:00:00Z"));
    const channelId = world.createChannel(cohortName.toLowerCase().replace(/ /g, "-")).id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const run = commandsIn(world, channelId);
    const { ada } = await twoMembersScoreWeekOne(world, run, [cohortName], at("2027-03-01T09:00:05Z"));
    const board = () => postLabelled(world, channelId, "live board 1", { liveBoards: true });
    const route = `PATCH /channels/${channelId}/messages/${board().id}`;
    if (fails) discordTrouble(world, route);
    const held = worlds.holdNext(route);
    const tick = world.first.tickAt(at("2027-03-01T09:01:00Z"));
    await held.arrived;
    // Discord applied the edit (a failed one changes nothing: the board still says no one has points).
    if (!fails) expect(visibleText(board())).toContain("Ada Lovelace");
    await meanwhile(world, run, ada);
    held.release();
    expect((await tick).boardsEdited).toBe(fails ? 0 : 1);
    return { world, run, board };
  }

  it("a member's hiding: the next tick edits the board again, without their name", async () => {
    const { world, board } = await changedWhileEditing("Hidden Meanwhile", async (_, run, ada) => {
      await run(ada.id, "privacy", { leaderboard: "hidden" });
    });
    expect((await world.first.tickAt(at("2027-03-01T09:01:20Z"))).boardsEdited).toBe(1);
    expect(visibleText(board())).not.toContain("Ada Lovelace");
    expect(visibleText(board())).toContain("Zeddicus");
  });

  it("an admin's /cohort edit leaderboard:aliases: the next tick edits the board again, by aliases", async () => {
    const { world, board } = await changedWhileEditing("Aliases Meanwhile", async (w, run) => {
      await run(w.admin.id, "cohort edit", { cohort: "Aliases Meanwhile", leaderboard: "aliases" });
    });
    expect((await world.first.tickAt(at("2027-03-01T09:01:20Z"))).boardsEdited).toBe(1);
    expect(visibleText(board())).not.toContain("Ada Lovelace");
    expect(visibleText(board())).not.toContain("Zeddicus");
  });

  it("an ordinary /done meanwhile still waits a minute after the edit", async () => {
    const { world, board } = await changedWhileEditing("Done Meanwhile", async (w, run) => {
      const grace = w.emulator.createMember(w.guild.id, { username: "grace", displayName: "Grace Hopper" });
      await run(grace.id, "join", { cohort: "Done Meanwhile" });
      await run(grace.id, "done", { item: "Storage Engines" });
    });
    for (const tick of ["2027-03-01T09:01:20Z", "2027-03-01T09:01:40Z"]) expect((await world.first.tickAt(at(tick))).boardsEdited).toBe(0);
    expect(visibleText(board())).not.toContain("Grace Hopper");
    expect((await world.first.tickAt(at("2027-03-01T09:02:00Z"))).boardsEdited).toBe(1);
    expect(visibleText(board())).toContain("Grace Hopper");
  });

  it("a /leave by someone not in the cohort, or a board choice a member already has, keeps the minute", async () => {
    const { world, board } = await changedWhileEditing("Nothing Changed", async (w, run, ada) => {
      const grace = w.emulator.createMember(w.guild.id, { username: "grace", displayName: "Grace Hopper" });
      await run(grace.id, "leave", { cohort: "Nothing Changed" });
      await run(ada.id, "privacy", { leaderboard: "name" });
    });
    for (const tick of ["2027-03-01T09:01:20Z", "2027-03-01T09:01:40Z"]) expect((await world.first.tickAt(at(tick))).boardsEdited).toBe(0);
    expect(visibleText(board())).toContain("Ada Lovelace");
  });

  it("an edit Discord fails while a member hides is tried again a minute after it, not at the next tick", async () => {
    const { world, board } = await changedWhileEditing(
      "Failed Meanwhile",
      async (_, run, ada) => {
        await run(ada.id, "privacy", { leaderboard: "hidden" });
      },
      { fails: true },
    );
    for (const tick of ["2027-03-01T09:01:20Z", "2027-03-01T09:01:40Z"]) expect((await world.first.tickAt(at(tick))).boardsEdited).toBe(0);
    expect((await world.first.tickAt(at("2027-03-01T09:02:00Z"))).boardsEdited).toBe(1);
    expect(visibleText(board())).not.toContain("Ada Lovelace");
    expect(visibleText(board())).toContain("Zeddicus");
  });

  it("a hiding while the final edit is on its way: another process's redraw waits for that edit, then takes the name off", async () => {
    const world = await worlds.start(at("2027-03-01T08:00:00Z"));
    const channelId = world.createChannel("final-meanwhile").id;
    await world.createCohort({ name: "Final Meanwhile", channelId, start: "2027-03-01" });
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const run = commandsIn(world, channelId);
    const { ada } = await twoMembersScoreWeekOne(world, run, ["Final Meanwhile"], at("2027-03-01T09:00:05Z"));
    const board = () => postLabelled(world, channelId, "live board 1", { liveBoards: true });
    expect((await world.first.tickAt(at("2027-03-01T09:01:00Z"))).boardsEdited).toBe(1);
    const second = await world.startProcess(at("2027-03-08T00:00:30Z"));
    // Week 1 ends at midnight; its final edit, drawn with Ada's name, is held on its way.
    const held = worlds.holdNext(`PATCH /channels/${channelId}/messages/${board().id}`);
    const closing = world.first.tickAt(at("2027-03-08T00:01:00Z"));
    await held.arrived;
    await run(ada.id, "privacy", { leaderboard: "hidden" });
    const editsBefore = acceptedEdits(world, channelId, board().id);
    // The other process does not edit the board while the final edit is still on its way.
    await second.tickAt(at("2027-03-08T00:01:20Z"));
    expect(acceptedEdits(world, channelId, board().id)).toBe(editsBefore);
    held.release();
    expect((await closing).boardsClosed).toBe(1);
    expect(visibleText(board())).toContain("Ada Lovelace");
    // A minute later, that edit done, the board is redrawn without her.
    expect((await second.tickAt(at("2027-03-08T00:02:20Z"))).postedBoardsEdited).toBeGreaterThan(0);
    expect(visibleText(board())).not.toContain("Ada Lovelace");
    expect(visibleText(board())).toContain("Zeddicus");
  });
});
