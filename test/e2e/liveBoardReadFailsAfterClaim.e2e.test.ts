import { afterAll, describe, expect, it } from "vitest";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { visibleText } from "../helpers/botHarness.js";
import { at, commandsIn, postLabelled, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A live board edit reads the cohort again after taking its claim (a setting edited meanwhile is drawn). When that
 * read fails (the database refuses it), the claim is given back: the board is edited at the next tick, not left
 * with its old standings until the claim is stale (claimLifetimeMs, two minutes). The cohort starts Monday
 * 2027-03-01 (UTC); Zeddicus and Ada Lovelace score in week 1, then Grace Hopper.
 */
const cohortName = "Read Fails";

/** Fails the next read of cohorts by id (the one made after a board edit's claim; the tick's own read lists none). */
class FailingReadAfterClaim extends CohortRepository {
  failNext = false;
  failed = 0;

  override async listVersionedByIds(ids: readonly number[]) {
    if (this.failNext && ids.length > 0) {
      this.failNext = false;
      this.failed += 1;
      throw new Error("connection lost while reading the cohort");
    }
    return super.listVersionedByIds(ids);
  }
}

describe("a board edit whose read of the cohort after its claim fails", () => {
  let world: SchedulerWorld;
  let repository: FailingReadAfterClaim | undefined;
  let channelId = "";
  const liveBoard = () => visibleText(postLabelled(world, channelId, "live board 1", { liveBoards: true }));
  afterAll(async () => world.close());

  it("gives a live edit's claim back: the next tick edits the board", async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"), {
      cohortRepository: (prisma, provider, writes) => (repository = new FailingReadAfterClaim(prisma, provider, writes)),
    });
    channelId = world.createChannel("read-fails").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const run = commandsIn(world, channelId);
    await twoMembersScoreWeekOne(world, run, [cohortName], at("2027-03-01T10:00:00Z"));
    await world.first.tickAt(at("2027-03-01T10:01:00Z"));
    expect(liveBoard()).toContain("Lovelace");
    if (repository === undefined) throw new Error("the app did not build its cohort repository");
    const grace = world.emulator.createMember(world.guild.id, { username: "grace", displayName: "Grace Hopper" });
    world.first.clock.set(at("2027-03-01T10:02:00Z"));
    await run(grace.id, "join", { cohort: cohortName });
    await run(grace.id, "done", { item: "Storage Engines" });
    repository.failNext = true;
    await world.first.tickAt(at("2027-03-01T10:03:00Z"));
    expect(repository.failed).toBe(1);
    expect(liveBoard()).not.toContain("Hopper");
    // A minute later, well before the claim taken at 10:03 is stale (10:05).
    await world.first.tickAt(at("2027-03-01T10:04:00Z"));
    expect(liveBoard()).toContain("Hopper");
  });

  it("gives a final edit's claim back: the next tick makes the final edit", async () => {
    if (repository === undefined) throw new Error("the app did not build its cohort repository");
    expect(liveBoard()).toContain("· live");
    // Week 1 ended at Monday 2027-03-08 00:00; its final edit is due a minute after.
    repository.failNext = true;
    await world.first.tickAt(at("2027-03-08T00:02:00Z"));
    expect(repository.failed).toBe(2);
    expect(liveBoard()).toContain("· live");
    await world.first.tickAt(at("2027-03-08T00:03:00Z"));
    expect(liveBoard()).not.toContain("· live");
    expect(liveBoard()).toContain("Hopper");
  });
});
