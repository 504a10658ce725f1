import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A cohort that starts on a Wednesday (2027-03-03, UTC) with the default Monday announce day: week 1's
 * post, with its live board, goes out on Monday 2027-03-01 at 09:00, two days before the first day.
 * Members who start reading as soon as it is posted belong on that board.
 */
const cohortName = "Wednesday Start";
const at = (iso: string) => new Date(iso);

describe("reading logged after week 1's post, before the course's first day", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const runAs = (userId: string, name: string, options: Record<string, string> = {}) =>
    world.emulator.runCommand({ guildId: world.guild.id, channelId, userId, name, options }).final();

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-03-01T08:00:00Z"));
    channelId = world.createChannel("wednesday").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-03" });
  });
  afterAll(async () => world.close());

  it("counts on week 1's live board and on /leaderboard's week 1", async () => {
    const report = await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    expect(report.sent.map((post) => post.period)).toEqual(["week-1"]);
    const ada = world.emulator.createMember(world.guild.id, { username: "ada", displayName: "Ada Lovelace" });
    world.first.clock.set(at("2027-03-01T10:00:00Z"));
    await runAs(ada.id, "join", { cohort: cohortName });
    expect(visibleText(await runAs(ada.id, "done", { item: "Storage Engines" }))).toContain("+36 points");

    const board = await runAs(ada.id, "leaderboard");
    expect(visibleText(board)).toContain("Week 1");
    expect(visibleText(board)).toContain("🥇 **Ada Lovelace** · 36 pts");

    expect((await world.first.tickAt(at("2027-03-01T10:01:00Z"))).boardsEdited).toBe(1);
    const live = world.posts(channelId, { liveBoards: true }).find((post) => postLabel(post.message) === "live board 1");
    if (live === undefined) throw new Error("no live board for week 1");
    expect(visibleText(live.message)).toContain("🥇 **Ada Lovelace** · 36 pts");
  });
});
