import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { visibleText } from "../helpers/botHarness.js";
import { at, commandsIn } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/** The cohorts' rows, where `meanwhile` (a scheduler tick) runs between a pause or resume's write and its read. */
class TickBetweenWriteAndRead extends CohortRepository {
  meanwhile: (() => Promise<unknown>) | null = null;

  override async setStatus(...args: Parameters<CohortRepository["setStatus"]>) {
    const moved = await super.setStatus(...args);
    const tick = this.meanwhile;
    this.meanwhile = null;
    if (moved === null || tick === null) return moved;
    await tick();
    return this.findById(args[0]);
  }
}

/**
 * `/cohort resume` of a cohort paused past its course's end lets its closing post out; a tick that sends it (or
 * gives it up) before the resume reads the cohort back finishes it first, and the reply says whether the closing
 * post went out, as it is. Each cohort starts Monday 2027-03-01 (UTC) and runs 12 weeks; they are resumed on
 * Tuesday 1 June.
 */
describe("/cohort resume answered by a cohort that finished meanwhile", () => {
  let world: SchedulerWorld;
  let repository: TickBetweenWriteAndRead | undefined;
  const channels: Record<string, string> = {};
  const resumeAt = at("2027-06-01T10:00:00Z");

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-03-01T08:00:00Z"), {
      cohortRepository: (prisma, provider, writes) => (repository = new TickBetweenWriteAndRead(prisma, provider, writes)),
    });
    for (const name of ["Posted", "Refused", "Rechazada"]) {
      channels[name] = world.createChannel(name.toLowerCase()).id;
      await world.createCohort({ name, channelId: channels[name] ?? "", start: "2027-03-01" });
      await world.first.test.app.services.cohorts.setStatus(world.guild.id, name, "paused", world.admin.id, at("2027-03-01T08:00:00Z"));
    }
    world.first.clock.set(resumeAt);
  });
  afterAll(async () => world.close());

  /** Resumes `name` as `userId`; the tick between the write and the read has Discord refuse the closing post when `refused`. */
  async function resume(name: string, userId: string, refused: boolean): Promise<string> {
    if (repository === undefined) throw new Error("the app did not build the test's cohort repository");
    repository.meanwhile = async () => {
      if (refused) world.emulator.failNext(`POST /channels/${channels[name]}/messages`, 400);
      await world.first.tickAt(resumeAt);
      // The post failed for good in that tick: the next one finishes the cohort.
      await world.first.tickAt(at("2027-06-01T10:00:30Z"));
      world.first.clock.set(resumeAt);
    };
    return visibleText(await commandsIn(world, channels[name] ?? "")(userId, "cohort resume", { cohort: name }));
  }

  it("says the closing post went out when it did", async () => {
    const reply = await resume("Posted", world.admin.id, false);
    expect(reply).toContain("**Posted** has finished: the closing post went out and the final leaderboard is kept.");
    expect(world.emulator.channelMessages(channels.Posted ?? "").length).toBeGreaterThan(0);
  });

  it("says it did not go out when Discord refused it, and where members see the final board", async () => {
    const reply = await resume("Refused", world.admin.id, true);
    expect(reply).toContain("**Refused** has finished, but its closing post did not go out");
    expect(reply).toContain("members see it with `/leaderboard`");
    expect(reply).not.toContain("went out");
    expect(world.emulator.channelMessages(channels.Refused ?? "")).toHaveLength(0);
  });

  it("says so in Spanish", async () => {
    const jefa = world.emulator.createMember(world.guild.id, { username: "jefa", locale: "es-ES", manageGuild: true });
    const reply = await resume("Rechazada", jefa.id, true);
    expect(reply).toContain("**Rechazada** ha finalizado, pero su publicación de cierre no salió");
    expect(reply).not.toContain("ya salió");
  });
});
