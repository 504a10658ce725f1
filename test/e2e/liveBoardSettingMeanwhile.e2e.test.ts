import { afterAll, describe, expect, it } from "vitest";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { visibleText } from "../helpers/botHarness.js";
import { at, commandsIn, postLabelled, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * An admin's `/cohort edit leaderboard:aliases` acknowledged while a tick runs that read the cohort (board by names)
 * just before it: the edit flags the live board, the tick takes that flag and must not draw the board with the names
 * the edit hid (nor leave them there until the next completion). The cohort starts Monday 2027-03-01 (UTC);
 * Zeddicus and Ada Lovelace score in week 1, whose live board names them.
 */
const cohortName = "Live Meanwhile";

/** Runs `after` once, right after the tick read which cohorts changed (it keeps its copy of the others). */
class EditedAfterRead extends CohortRepository {
  after: (() => Promise<void>) | null = null;

  override async listSchedulableVersions(...args: Parameters<CohortRepository["listSchedulableVersions"]>) {
    const versions = await super.listSchedulableVersions(...args);
    const hook = this.after;
    if (hook !== null) {
      this.after = null;
      await hook();
    }
    return versions;
  }
}

describe("/cohort edit leaderboard: acknowledged while a tick that read the cohort before it edits the live board", () => {
  let world: SchedulerWorld;
  afterAll(async () => world.close());

  it("the live board shows aliases, not the names the edit hid", async () => {
    let repository: EditedAfterRead | undefined;
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"), {
      cohortRepository: (prisma, provider, writes) => (repository = new EditedAfterRead(prisma, provider, writes)),
    });
    const channelId = world.createChannel("live-meanwhile").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    await twoMembersScoreWeekOne(world, commandsIn(world, channelId), [cohortName], at("2027-03-01T10:00:00Z"));
    await world.first.tickAt(at("2027-03-01T10:01:00Z"));
    const liveBoard = () => visibleText(postLabelled(world, channelId, "live board 1", { liveBoards: true }));
    expect(liveBoard()).toContain("Lovelace");
    if (repository === undefined) throw new Error("the app did not build its cohort repository");
    repository.after = async () => {
      await world.first.test.app.services.cohorts.edit({
        guildId: world.guild.id,
        cohort: cohortName,
        leaderboard: "aliases",
        now: at("2027-03-01T10:05:00Z"),
        actorId: world.admin.id,
      });
    };
    await world.first.tickAt(at("2027-03-01T10:05:00Z"));
    expect(repository.after).toBeNull();
    // However the ticks after it go: the names never come back.
    expect(liveBoard()).not.toContain("Lovelace");
    await world.first.tickAt(at("2027-03-01T10:07:00Z"));
    expect(liveBoard()).not.toContain("Lovelace");
    expect(liveBoard()).toMatch(/\*Member \d+\* · 36 pts/);
  });
});
