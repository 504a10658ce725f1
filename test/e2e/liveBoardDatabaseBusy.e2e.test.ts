import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { discordTrouble, embedLinksRefusal, tickFailingWhileLocked as lockedTick, type EditFailure } from "../helpers/lockedTick.js";
import { postLabel, startSchedulerWorld, type BotProcess, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A live board whose edit meets a database another connection holds locked (SQLite's write lock, PostgreSQL
 * tables locked against writers, as databaseLocked.e2e.test.ts holds them): the board is not lost once the lock
 * is gone. The edit's claim was written, its outcome could not be: the edit is due again once its claim is a
 * claim's lifetime (2 minutes) old, in this process or another. The cohort starts Monday 2027-03-01 (UTC); its week-1 post, with the board, goes out at 09:00.
 */
const cohortName = "Busy Spring";
const at = (iso: string) => new Date(iso);

describe("a live board edit that meets a locked database", () => {
  let world: SchedulerWorld;
  let channelId: string;
  /** The bot process the tests tick (another after a restart). */
  let current: BotProcess;
  const editsByMessage = new Map<string, number>();
  const edits = (messageId: string) => editsByMessage.get(messageId) ?? 0;
  const board = (week = 1) => {
    const found = world.posts(channelId, { liveBoards: true }).find((post) => postLabel(post.message) === `live board ${week}`);
    if (found === undefined) throw new Error(`no live board for week ${week}`);
    return found.message;
  };

  /**
   * Runs a tick at `now` during which the board's next edit reaches Discord, another connection then locks the
   * database, and Discord fails the edit (every retry too): the bot must keep the board while the lock is held.
   */
  const tickFailingWhileLocked = (now: Date, week = 1, bot: BotProcess = world.first, failure: EditFailure = discordTrouble) =>
    lockedTick(world, bot, now, channelId, board(week).id, failure);

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-03-01T08:00:00Z"));
    current = world.first;
    channelId = world.createChannel("busy").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    world.emulator.on("messageUpdate", (message: { id: string }) => editsByMessage.set(message.id, edits(message.id) + 1));
  });
  afterAll(async () => world.close());

  it("edits the board once with the standings at a later tick, though Discord failed the edit while the lock was held", async () => {
    expect((await world.first.tickAt(at("2027-03-01T09:00:00Z"))).sent.map((post) => post.period)).toEqual(["week-1"]);
    const boardId = board().id;
    const ada = world.emulator.createMember(world.guild.id, { username: "ada", displayName: "Ada Lovelace" });
    world.first.clock.set(at("2027-03-01T09:00:05Z"));
    const run = (name: string, options: Record<string, string>) =>
      world.emulator.runCommand({ guildId: world.guild.id, channelId, userId: ada.id, name, options }).final();
    await run("join", { cohort: cohortName });
    expect(visibleText(await run("done", { item: "Storage Engines" }))).toContain("Storage Engines");

    // The board's edit reaches Discord; meanwhile another connection locks the database, then Discord fails the edit.
    const busy = await tickFailingWhileLocked(at("2027-03-01T09:01:00Z"));
    expect(busy.boardsEdited).toBe(0);
    expect(edits(boardId)).toBe(0);
    expect(visibleText(board())).not.toContain("Ada Lovelace");

    // The lock is gone: the attempt's claim holds for 2 minutes, then a tick edits the board, once, with Ada on it.
    expect((await world.first.tickAt(at("2027-03-01T09:02:00Z"))).boardsEdited).toBe(0);
    expect((await world.first.tickAt(at("2027-03-01T09:03:00Z"))).boardsEdited).toBe(1);
    expect(edits(boardId)).toBe(1);
    expect(visibleText(board())).toContain("Ada Lovelace");
    for (const tick of ["2027-03-01T09:04:00Z", "2027-03-01T09:06:00Z"]) {
      expect((await world.first.tickAt(at(tick))).boardsEdited).toBe(0);
    }
    expect(edits(boardId)).toBe(1);
  });

  it("gives the board its final edit at a later tick, though Discord failed that edit while the lock was held", async () => {
    const boardId = board().id;
    // Week 1 is over at Monday 00:00 UTC; its final edit is due a minute later.
    const busy = await tickFailingWhileLocked(at("2027-03-08T00:01:00Z"));
    expect(busy.boardsClosed).toBe(0);
    expect(edits(boardId)).toBe(1);
    expect(board().embeds[0]?.title).not.toContain("final");

    expect((await world.first.tickAt(at("2027-03-08T00:02:00Z"))).boardsClosed).toBe(0);
    const closing = await world.first.tickAt(at("2027-03-08T00:03:00Z"));
    expect(closing.boardsClosed).toBe(1);
    expect(edits(boardId)).toBe(2);
    expect(board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(board())).toContain("Ada Lovelace");
    expect((await world.first.tickAt(at("2027-03-08T00:05:00Z"))).boardsClosed).toBe(0);
    expect(edits(boardId)).toBe(2);
  });

  it("gives the board its final edit after a restart, though the process stopped without giving it back", async () => {
    expect((await world.first.tickAt(at("2027-03-08T09:00:00Z"))).sent.map((post) => post.period)).toEqual(["week-2"]);
    const boardId = board(2).id;
    const busy = await tickFailingWhileLocked(at("2027-03-15T00:01:00Z"), 2);
    expect(busy.boardsClosed).toBe(0);
    expect(board(2).embeds[0]?.title).not.toContain("final");

    // The process stops (the lock is gone by then) and another starts on the same database.
    await world.first.stop();
    const next = await world.startProcess(at("2027-03-15T00:02:00Z"));
    expect((await next.tickAt(at("2027-03-15T00:02:00Z"))).boardsClosed).toBe(0);
    expect((await next.tickAt(at("2027-03-15T00:03:00Z"))).boardsClosed).toBe(1);
    expect(board(2).embeds[0]?.title).toBe("🏆 Week 2 leaderboard · final");
    expect(edits(boardId)).toBe(1);
    current = next;
  });

  it("does not edit the board again for a failed edit another process made good since", async () => {
    expect((await current.tickAt(at("2027-03-15T09:00:00Z"))).sent.map((post) => post.period)).toEqual(["week-3"]);
    const boardId = board(3).id;
    const ada = world.emulator.createMember(world.guild.id, { username: "ada3", displayName: "Ada Byron" });
    const done = async (item: string, now: Date) => {
      current.clock.set(now);
      const run = (name: string, options: Record<string, string>) =>
        world.emulator.runCommand({ guildId: world.guild.id, channelId, userId: ada.id, name, options }).final();
      if (item === "Database Selection Guide") await run("join", { cohort: cohortName });
      expect(visibleText(await run("done", { item }))).toContain(item);
    };
    await done("Database Selection Guide", at("2027-03-15T09:00:05Z"));
    // This process's edit failed while the lock was held: its claim, never recorded, is taken again once old.
    await tickFailingWhileLocked(at("2027-03-15T09:01:00Z"), 3, current);
    expect(edits(boardId)).toBe(0);

    // Another completion, and another process edits the board with both.
    await done("PostgreSQL Internals", at("2027-03-15T09:01:30Z"));
    const other = await world.startProcess(at("2027-03-15T09:02:00Z"));
    expect((await other.tickAt(at("2027-03-15T09:02:00Z"))).boardsEdited).toBe(1);
    expect(edits(boardId)).toBe(1);

    // The first process's claim was taken over by that edit: no second, identical edit.
    for (const tick of ["2027-03-15T09:03:00Z", "2027-03-15T09:05:00Z"]) {
      expect((await current.tickAt(at(tick))).boardsEdited).toBe(0);
      expect((await other.tickAt(at(tick))).boardsEdited).toBe(0);
    }
    expect(edits(boardId)).toBe(1);
  });
  it("keeps the board when Discord refuses its edit for want of Embed Links while the lock is held", async () => {
    const boardId = board(3).id;
    const grace = world.emulator.createMember(world.guild.id, { username: "grace", displayName: "Grace Hopper" });
    current.clock.set(at("2027-03-15T09:06:00Z"));
    const run = (name: string, options: Record<string, string>) =>
      world.emulator.runCommand({ guildId: world.guild.id, channelId, userId: grace.id, name, options }).final();
    await run("join", { cohort: cohortName });
    expect(visibleText(await run("done", { item: "Database Selection Guide" }))).toContain("Database Selection Guide");

    // Flagging the channel for Embed Links meets the lock too: the board is kept all the same.
    await tickFailingWhileLocked(at("2027-03-15T09:07:00Z"), 3, current, embedLinksRefusal);
    expect(edits(boardId)).toBe(1);
    expect(visibleText(board(3))).not.toContain("Grace Hopper");

    expect((await current.tickAt(at("2027-03-15T09:08:00Z"))).boardsEdited).toBe(0);
    expect((await current.tickAt(at("2027-03-15T09:09:00Z"))).boardsEdited).toBe(1);
    expect(edits(boardId)).toBe(2);
    expect(visibleText(board(3))).toContain("Grace Hopper");
  });
});
