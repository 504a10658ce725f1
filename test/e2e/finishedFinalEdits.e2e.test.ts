import { afterEach, describe, expect, it } from "vitest";
import { LiveBoardRepository } from "../../src/db/repositories/LiveBoardRepository.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/** The built-in 12-week path, one week long: the same title, so the same curriculum. */
const oneWeekBuiltIn = ["Backend Engineer Learning Path", "Week 1: Part 1", "- [ ] Required -- Short Reading 1 (20 min)", ""].join("\n");

const at = (iso: string) => new Date(iso);

/**
 * Final board edits of finished cohorts, through the real bot(s), discord.js and the emulator. The cohorts start
 * Monday 2027-02-22 (UTC) on the 12-week path; week 2's posts (with their live boards) go out on Monday 1 March at
 * 09:00; at 10:00 the path is cut to one week, which ends their courses at once: their closing posts go out and they
 * finish at the next tick, and their running boards are due their final edit a minute later.
 */
describe("final board edits of finished cohorts", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  /** `names`' cohorts, finished at 10:00:30 with their week 2 boards live; counts each board's final edits. */
  async function finishedCohorts(names: readonly string[], finalEditsPerTick?: number) {
    const current = await startSchedulerWorld(at("2027-03-01T08:00:00Z"), finalEditsPerTick === undefined ? {} : { finalEditsPerTick });
    world = current;
    const channelIds: string[] = [];
    for (const name of names) {
      channelIds.push(current.createChannel(name.toLowerCase().replace(/\s+/g, "-")).id);
      await current.createCohort({ name, channelId: channelIds.at(-1) ?? "", start: "2027-02-22" });
    }
    await current.first.tickAt(at("2027-03-01T09:00:00Z"));
    const boardIds = channelIds.flatMap((channelId) =>
      current
        .posts(channelId, { liveBoards: true })
        .filter((post) => post.message.embeds[0]?.title === "🏆 Week 2 leaderboard · live")
        .map((post) => post.message.id),
    );
    expect(boardIds).toHaveLength(names.length);
    const finalEdits = new Map<string, number>();
    current.emulator.on("messageUpdate", (message: { id: string; embeds?: readonly { title?: string }[] }) => {
      if (message.embeds?.[0]?.title?.endsWith("· final") === true) finalEdits.set(message.id, (finalEdits.get(message.id) ?? 0) + 1);
    });
    current.first.clock.set(at("2027-03-01T10:00:00Z"));
    const imported = await current.first.test.app.services.curricula.importDocument(oneWeekBuiltIn, "");
    expect(imported.ok && imported.summary.outcome).toBe("updated");
    const closing = await current.first.tickAt(at("2027-03-01T10:00:30Z"));
    expect(closing.sent.filter((post) => post.kind === "closing")).toHaveLength(names.length);
    const finished = await current.first.test.app.database.prisma.cohort.count({ where: { status: "finished" } });
    expect(finished).toBe(names.length);
    return { current, boardIds, finalEdits };
  }

  it("gives more finished cohorts' boards than a tick's cap their final edit over the next ticks, each once", async () => {
    // The product's cap is 256 a tick; the same rule with a cap of 2 and 5 cohorts.
    const { current, boardIds, finalEdits } = await finishedCohorts(["Cap A", "Cap B", "Cap C", "Cap D", "Cap E"], 2);
    const closed: number[] = [];
    for (const tick of ["2027-03-01T10:01:40Z", "2027-03-01T10:02:00Z", "2027-03-01T10:02:20Z", "2027-03-01T10:02:40Z"])
      closed.push((await current.first.tickAt(at(tick))).boardsClosed);
    expect(closed).toEqual([2, 2, 1, 0]);
    expect([...finalEdits.keys()].sort()).toEqual([...boardIds].sort());
    expect([...finalEdits.values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it("takes over the final edit a crashed process claimed, once its claim is stale, and makes it once", async () => {
    const { current, boardIds, finalEdits } = await finishedCohorts(["Crashed Claim"]);
    const { prisma, target } = current.first.test.app.database;
    const liveBoards = new LiveBoardRepository(prisma, target.provider);
    const cohortId = (await prisma.cohort.findFirstOrThrow({ where: { name: "Crashed Claim" } })).id;
    // Another process lists the board and claims its final edit at 10:01:40, then dies before editing it.
    const claimedAt = at("2027-03-01T10:01:40Z");
    const [board] = await liveBoards.listEnded(
      [cohortId],
      at("2027-02-28T10:01:40Z"),
      at("2027-03-01T10:00:40Z"),
      at("2027-03-01T09:59:40Z"),
    );
    if (board === undefined) throw new Error("no board due its final edit");
    expect(await liveBoards.claimFinalEdit(board, claimedAt)).toBe(true);
    // While the claim is fresh, no tick edits the board.
    expect((await current.first.tickAt(at("2027-03-01T10:02:40Z"))).boardsClosed).toBe(0);
    expect(finalEdits.size).toBe(0);
    // Two minutes after it, it is taken over: the final edit is made, once.
    const reports = [];
    for (const tick of ["2027-03-01T10:04:00Z", "2027-03-01T10:05:00Z", "2027-03-01T10:08:00Z"])
      reports.push(await current.first.tickAt(at(tick)));
    expect(reports.map((report) => report.boardsClosed)).toEqual([1, 0, 0]);
    expect([...finalEdits.entries()]).toEqual([[boardIds[0], 1]]);
  });
});
