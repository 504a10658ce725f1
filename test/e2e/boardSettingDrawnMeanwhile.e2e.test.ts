import { afterAll, describe, expect, it } from "vitest";
import { ScheduledPostRepository } from "../../src/db/repositories/ScheduledPostRepository.js";
import { at, commandsIn, postField, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * An admin's `/cohort edit leaderboard:aliases` that commits while a tick is about to send a weekly post: the tick
 * read the cohort (board by names) before the edit, and claims the post after the edit flagged the posts already
 * sent. The post goes out drawn by names; it must not stay so, nor be redrawn by names from the tick's read. The cohort starts Monday 2027-03-01 (UTC).
 */
const cohortName = "Edited Meanwhile";
const topName = "🏆 Week 1 top five";

/** Runs `before` once, just before the first weekly post of week 2 is claimed. */
class EditedBeforeClaim extends ScheduledPostRepository {
  before: (() => Promise<void>) | null = null;

  override async claimNew(...args: Parameters<ScheduledPostRepository["claimNew"]>) {
    const [key] = args;
    const hook = this.before;
    if (hook !== null && key.kind === "week" && key.period === "week-2") {
      this.before = null;
      await hook();
    }
    return super.claimNew(...args);
  }
}

describe("/cohort edit leaderboard: while a tick that read the cohort before it draws a weekly post", () => {
  let world: SchedulerWorld;
  afterAll(async () => world.close());

  it("the post, drawn by names, is redrawn with aliases", async () => {
    let repository: EditedBeforeClaim | undefined;
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"), {
      scheduledPostRepository: (prisma, writes) => (repository = new EditedBeforeClaim(prisma, writes)),
    });
    const channelId = world.createChannel("edited").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    await twoMembersScoreWeekOne(world, commandsIn(world, channelId), [cohortName], at("2027-03-01T10:00:00Z"));
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    if (repository === undefined) throw new Error("the app did not build its post repository");
    repository.before = async () => {
      await world.first.test.app.services.cohorts.edit({
        guildId: world.guild.id,
        cohort: cohortName,
        leaderboard: "aliases",
        now: at("2027-03-08T09:00:00Z"),
        actorId: world.admin.id,
      });
    };
    await world.first.tickAt(at("2027-03-08T09:00:00Z"));
    expect(repository.before).toBeNull();
    // Drawn by names (the tick's read of the cohort), it is redrawn: in this tick or the next.
    await world.first.tickAt(at("2027-03-08T09:05:00Z"));
    expect(postField(world, channelId, "week 2", topName)).not.toContain("Lovelace");
    expect(postField(world, channelId, "week 2", topName)).toMatch(/🥇 \*Member \d+\* · 36 pts/);
  });
});
