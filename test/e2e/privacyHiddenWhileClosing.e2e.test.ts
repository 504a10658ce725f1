import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { at, commandsIn, fieldOf, postLabelled, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/** The cohorts' rows, where `beforeKeep` (a member's privacy change) commits after the final board was read, before it is kept. */
class ChangedBeforeKeeping extends CohortRepository {
  beforeKeep: (() => Promise<unknown>) | null = null;

  override async saveFinalBoard(...args: Parameters<CohortRepository["saveFinalBoard"]>) {
    const change = this.beforeKeep;
    this.beforeKeep = null;
    if (change !== null) await change();
    return super.saveFinalBoard(...args);
  }
}

/**
 * A member who chooses `/privacy leaderboard:hidden` while the closing post is being drawn (after its board was
 * read with their name, before it is kept) is not named by the post: no redraw would follow, as the change found
 * no kept board listing them. Through the real bot, discord.js and the emulator, on the test clock; the cohort
 * starts Monday 2027-03-01 (UTC) and an admin ends it in week 2.
 */
const cohortName = "Hidden While Closing";
const finalName = "🏆 Final leaderboard";

describe("/privacy leaderboard:hidden while the closing post is drawn", () => {
  let world: SchedulerWorld;
  let repository: ChangedBeforeKeeping | undefined;
  let channelId: string;

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-03-01T08:00:00Z"), {
      cohortRepository: (prisma, provider, writes) => (repository = new ChangedBeforeKeeping(prisma, provider, writes)),
    });
    channelId = world.createChannel("closing").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("sends the closing post without the member, and it stays so", async () => {
    const run = commandsIn(world, channelId);
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const { zed } = await twoMembersScoreWeekOne(world, run, [cohortName], at("2027-03-01T10:00:00Z"));
    world.first.clock.set(at("2027-03-09T12:00:00Z"));
    await world.first.test.app.services.cohorts.setStatus(world.guild.id, cohortName, "ended", world.admin.id, at("2027-03-09T12:00:00Z"));

    if (repository === undefined) throw new Error("the app did not build the test's cohort repository");
    repository.beforeKeep = () => run(zed.id, "privacy", { leaderboard: "hidden" });
    expect((await world.first.tickAt(at("2027-03-09T12:00:05Z"))).sent.map((sent) => sent.period)).toEqual(["closing"]);
    const sent = fieldOf(postLabelled(world, channelId, "closing"), finalName);
    await world.first.tickAt(at("2027-03-09T12:01:10Z"));
    await world.first.tickAt(at("2027-03-09T13:00:05Z"));

    // As sent and as the channel keeps it: Ada, and Zeddicus counted among the ranked without his name.
    expect({ sent, kept: fieldOf(postLabelled(world, channelId, "closing"), finalName) }).toEqual({
      sent: "🥇 **Ada Lovelace** · 36 pts\n…and 1 more with points",
      kept: "🥇 **Ada Lovelace** · 36 pts\n…and 1 more with points",
    });
  });
});
