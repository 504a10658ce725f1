import { afterEach, describe, expect, it } from "vitest";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * Ending a cohort while the scheduler is under way (two admins at once: cohortStatusRaces.test.ts), on one
 * database, the real discord.js client and the emulator. Each cohort starts Monday 2027-03-01 (UTC); week 1's
 * post goes out at 09:00 and week 1 ends on Monday 2027-03-08 at 00:00.
 */
const at = (iso: string) => new Date(iso);

describe("ending a cohort during a race", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it("gives a weekly post's board sent while the cohort ended its final edit a minute after the end", async () => {
    const current = await startSchedulerWorld(at("2027-03-01T08:00:00Z"));
    world = current;
    const channelId = current.createChannel("ended-meanwhile").id;
    await current.createCohort({ name: "Ended Meanwhile", channelId, start: "2027-03-01" });
    // Week 1's post is claimed and on its way to Discord when the admin ends the cohort.
    const held = current.emulator.holdNext(`POST /channels/${channelId}/messages`);
    const tick = current.first.tickAt(at("2027-03-01T09:00:00Z"));
    await held.arrived;
    const { cohorts } = current.first.test.app.services;
    await cohorts.setStatus(current.guild.id, "Ended Meanwhile", "ended", current.admin.id, at("2027-03-01T09:00:30Z"));
    held.release();
    expect((await tick).sent.map((post) => post.period)).toEqual(["week-1"]);

    const board = () => {
      const found = current.posts(channelId, { liveBoards: true }).find((post) => post.message.embeds[0]?.title?.startsWith("🏆") === true);
      if (found === undefined) throw new Error("no board");
      return found.message;
    };
    expect(board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
    const next = await current.first.tickAt(at("2027-03-01T09:01:30Z"));
    expect([next.boardsEdited, next.boardsClosed]).toEqual([0, 1]);
    expect(board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    // Nothing more at the week's original end.
    expect((await current.first.tickAt(at("2027-03-08T00:01:00Z"))).boardsClosed).toBe(0);
  });
});
