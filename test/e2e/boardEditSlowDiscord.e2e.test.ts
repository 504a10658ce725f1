import { Routes } from "discord.js";
import { describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { heldRequestWorlds } from "../helpers/heldRequestWorlds.js";
import { acceptedEdits, at, commandsIn, postLabelled, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld } from "../helpers/schedulerWorld.js";
import { until } from "../helpers/until.js";

/**
 * A board edit's claim is taken again by any process once it is a claim's lifetime (2 minutes) old, and the board
 * may be edited again by any process a minute after its last edit (the claim) when it is due again. Discord keeping
 * the first process's edit waiting (queued in discord.js behind a rate limit) must not let it go after another
 * process made an edit: the board is edited once, with the standings of the edit that was made. The test clock
 * moves while Discord holds an earlier request of the first process's in the board's channel. The cohort starts
 * Monday 2027-03-01 (UTC); week 1's post goes out at 09:00.
 */
describe("a live board edit that Discord keeps waiting, with two bot processes", () => {
  const worlds = heldRequestWorlds(startSchedulerWorld);

  /**
   * Two processes; Zeddicus and Ada score; the first process's tick at 09:01 claims the board's edit, which waits in
   * discord.js behind another edit of its own in the board's channel that Discord is slow to answer (a snowflake-like
   * id: discord.js queues by route only for ids of 17 to 19 digits).
   */
  async function firstProcessEditWaiting(cohortName: string, messageId: string) {
    const world = await worlds.start(at("2027-03-01T08:00:00Z"));
    const channelId = world.createChannel(cohortName.toLowerCase().replace(/ /g, "-")).id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const second = await world.startProcess(at("2027-03-01T09:00:00Z"));
    const run = commandsIn(world, channelId);
    await twoMembersScoreWeekOne(world, run, [cohortName], at("2027-03-01T09:00:05Z"));

    const blocker = worlds.holdNext("PATCH /channels/:channelId/messages/:messageId");
    const rest = world.first.test.app.discord.client.rest;
    const blocked = rest
      .patch(Routes.channelMessage(channelId, messageId), { body: { content: "an earlier edit" } })
      .catch(() => undefined);
    await blocker.arrived;
    const first = { done: false };
    const firstTick = world.first.tickAt(at("2027-03-01T09:01:00Z")).finally(() => (first.done = true));
    const prisma = world.first.test.app.database.prisma;
    await until(
      async () => (await prisma.scheduledPost.findFirst({ where: { boardClaimedEnd: { not: null } } })) !== null,
      "the first process's claim of the board's edit",
    );
    const board = () => postLabelled(world, channelId, "live board 1", { liveBoards: true });
    /** Lets Discord answer the slow edit (and the board's edit behind it, unless taken back). */
    const releaseDiscord = async () => {
      blocker.release();
      await blocked;
    };
    return { world, channelId, second, run, first, firstTick, board, releaseDiscord };
  }

  it("edits the board once: the first process takes its edit back as the hold ends, the second makes it", async () => {
    const { world, channelId, second, first, firstTick, board, releaseDiscord } = await firstProcessEditWaiting(
      "Slow Edit",
      "100000000000000001",
    );
    // Past the hold: the first process takes its edit back (else it stays queued, to go whenever Discord answers).
    world.first.clock.set(at("2027-03-01T09:03:30Z"));
    await until(() => first.done, "the first process taking its edit back as its claim's hold ends");
    expect((await firstTick).boardsEdited).toBe(0);
    expect((await second.tickAt(at("2027-03-01T09:03:30Z"))).boardsEdited).toBe(1);
    await releaseDiscord();
    for (const tick of ["2027-03-01T09:04:00Z", "2027-03-01T09:06:00Z"]) await world.first.tickAt(at(tick));
    expect(visibleText(board())).toContain("Ada Lovelace");
    expect(acceptedEdits(world, channelId, board().id)).toBe(1);
  });

  it("never lets a held edit land after a newer one: another process may edit the board again a minute after a claim", async () => {
    const { world, channelId, second, run, first, firstTick, board, releaseDiscord } = await firstProcessEditWaiting(
      "Newer Edit",
      "100000000000000002",
    );
    // Grace scores while that edit waits: the board is due again once its last edit (the claim) is a minute old,
    // well within the claim's two minutes. The first process must have taken its older edit back by then.
    const grace = world.emulator.createMember(world.guild.id, { username: "grace", displayName: "Grace Hopper" });
    await run(grace.id, "join", { cohort: "Newer Edit" });
    await run(grace.id, "done", { item: "Storage Engines" });
    world.first.clock.set(at("2027-03-01T09:01:50Z"));
    await until(() => first.done, "the first process taking its edit back before the board may be edited again");
    expect((await second.tickAt(at("2027-03-01T09:02:05Z"))).boardsEdited).toBe(1);
    await releaseDiscord();
    await firstTick;
    await world.first.tickAt(at("2027-03-01T09:04:00Z"));
    expect(visibleText(board())).toContain("Grace Hopper");
    expect(acceptedEdits(world, channelId, board().id)).toBe(1);
  });
});
