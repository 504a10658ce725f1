import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { at, commandsIn, deleteDataOf, fieldOf, postField, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A weekly post on its way to Discord when `/privacy delete` commits was drawn with the member: once sent, it
 * is edited like the posts sent before. The cohort starts Monday 2027-03-01 (UTC).
 */
const cohortName = "Sending Boards";
const topName = "🏆 Week 1 top five";

describe("/privacy delete while a weekly post is being sent", () => {
  let world: SchedulerWorld;
  let channelId: string;

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    channelId = world.createChannel("sending").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("edits the post that went out meanwhile, without the member", async () => {
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const { zed } = await twoMembersScoreWeekOne(world, commandsIn(world, channelId), [cohortName], at("2027-03-01T10:00:00Z"));
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));

    // Week 2's post is drawn (with Zeddicus in week 1's top five) and on its way when the delete commits.
    const drawn: string[] = [];
    world.emulator.on("message", (message: EmulatorMessage) => {
      if (postLabel(message) === "week 2") drawn.push(fieldOf(message, topName) ?? "");
    });
    const held = world.emulator.holdNext(`POST /channels/${channelId}/messages`);
    const tick = world.first.tickAt(at("2027-03-08T09:00:00Z"));
    await held.arrived;
    await deleteDataOf(world, channelId, zed.id);
    held.release();
    expect((await tick).sent.map((post) => post.period)).toEqual(["week-2"]);
    expect(drawn).toEqual([expect.stringContaining("Zeddicus")]);

    await world.first.tickAt(at("2027-03-08T09:00:30Z"));
    expect(postField(world, channelId, "week 2", topName)).toBe("🥇 **Ada Lovelace** · 36 pts");
  }, 120_000);
});
