import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { at, commandsIn, deleteDataOf, fieldOf, postLabelled, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A break week's post shows the last reading week's top five too: `/privacy delete` edits it as well as the
 * next reading week's post. The cohort starts Monday 2027-03-01 (UTC); week 2 is a break.
 */
const cohortName = "Break Boards";
const topName = "🏆 Week 1 top five";

describe("/privacy delete edits a break week's post already posted", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const topOf = (label: string) => fieldOf(postLabelled(world, channelId, label), topName);

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    channelId = world.createChannel("breaks").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("takes the member off the break week's top five and the next reading week's", async () => {
    const runAs = commandsIn(world, channelId);
    expect(visibleText(await runAs(world.admin.id, "cohort break", { cohort: cohortName, week: 2 }))).toContain("is now a break");
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const { zed } = await twoMembersScoreWeekOne(world, runAs, [cohortName], at("2027-03-01T10:00:00Z"));
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    await world.first.tickAt(at("2027-03-08T09:00:00Z"));
    await world.first.tickAt(at("2027-03-15T00:01:00Z"));
    await world.first.tickAt(at("2027-03-15T09:00:00Z"));
    expect(topOf("week 2")).toContain("Zeddicus");
    expect(topOf("week 3")).toContain("Zeddicus");

    world.first.clock.set(at("2027-03-15T13:00:00Z"));
    await deleteDataOf(world, channelId, zed.id);
    await world.first.tickAt(at("2027-03-15T13:00:05Z"));

    expect(topOf("week 2")).toBe("🥇 **Ada Lovelace** · 36 pts");
    expect(topOf("week 3")).toBe("🥇 **Ada Lovelace** · 36 pts");
  }, 120_000);
});
