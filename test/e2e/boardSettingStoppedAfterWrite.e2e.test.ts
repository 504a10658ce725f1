import { afterAll, describe, expect, it } from "vitest";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { at, commandsIn, postField, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * An admin's `/cohort edit leaderboard:aliases` whose process stops right after the edit's write commits: the boards
 * already in the channel must still lose the names, without the admin giving the option again. The cohort starts
 * Monday 2027-03-01 (UTC); Zeddicus and Ada Lovelace score in week 1, and week 2's post shows them in its top five.
 */
const cohortName = "Stopped After Write";
const topName = "🏆 Week 1 top five";

/** Fails the next edit once its write has committed, as a process stopped at that moment would leave it. */
class StopsAfterWrite extends CohortRepository {
  armed = false;

  override async update(...args: Parameters<CohortRepository["update"]>) {
    const updated = await super.update(...args);
    if (this.armed) {
      this.armed = false;
      throw new Error("the process stopped after the edit's write");
    }
    return updated;
  }
}

describe("/cohort edit leaderboard: whose process stops right after its write", () => {
  let world: SchedulerWorld;
  afterAll(async () => world.close());

  it("the posted boards are redrawn with aliases all the same", async () => {
    let repository: StopsAfterWrite | undefined;
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"), {
      cohortRepository: (prisma, provider, writes) => (repository = new StopsAfterWrite(prisma, provider, writes)),
    });
    const channelId = world.createChannel("stopped").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    await twoMembersScoreWeekOne(world, commandsIn(world, channelId), [cohortName], at("2027-03-01T10:00:00Z"));
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    await world.first.tickAt(at("2027-03-08T09:00:00Z"));
    expect(postField(world, channelId, "week 2", topName)).toContain("Lovelace");
    if (repository === undefined) throw new Error("the app did not build its cohort repository");
    repository.armed = true;
    const edit = world.first.test.app.services.cohorts.edit({
      guildId: world.guild.id,
      cohort: cohortName,
      leaderboard: "aliases",
      now: at("2027-03-08T10:00:00Z"),
      actorId: world.admin.id,
    });
    await expect(edit).rejects.toThrow("the process stopped");
    await world.first.tickAt(at("2027-03-08T10:01:00Z"));
    expect(postField(world, channelId, "week 2", topName)).not.toContain("Lovelace");
    expect(postField(world, channelId, "week 2", topName)).toMatch(/🥇 \*Member \d+\* · 36 pts/);
  });
});
