import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { DEFAULT_COHORT_SETTINGS, type CohortSettings } from "../../src/domain/schedule/scheduleTypes.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

const cohortCount = 2_000;
const start = "2027-03-01"; // a Monday: every cohort's week-1 post is due at 09:00 UTC that day
const weekOnePost = new Date("2027-03-01T09:00:00Z");

/** 2,000 different settings that all share the Monday 09:00 UTC weekly post: study days × optional items × checkpoint time. */
function distinctSettings(index: number): CohortSettings {
  const studyDayMask = (index % 127) + 1; // every non-empty subset of the week
  const studyDays = [1, 2, 3, 4, 5, 6, 7].filter((day) => (studyDayMask >> (day - 1)) & 1);
  const rest = Math.floor(index / 127);
  return {
    ...DEFAULT_COHORT_SETTINGS,
    startDate: start,
    studyDays,
    includeOptional: rest % 2 === 1,
    checkpointTime: `1${Math.floor(rest / 2) % 10}:00`,
  };
}

describe(`the scheduler with ${cohortCount} cohorts of distinct settings`, () => {
  let world: SchedulerWorld;
  const channelIds: string[] = [];

  beforeAll(async () => {
    world = await startSchedulerWorld(new Date("2027-02-28T12:00:00Z"));
    const repository = new CohortRepository(world.first.test.app.database.prisma, world.first.test.app.database.target.provider);
    const curriculum = await world.first.test.app.services.curricula.resolve(world.guild.id, "backend-engineer-learning-path");
    const seen = new Set<string>();
    for (let index = 0; index < cohortCount; index += 1) {
      const channel = world.createChannel(`cohort-${index}`);
      channelIds.push(channel.id);
      const settings = distinctSettings(index);
      seen.add(JSON.stringify(settings));
      await repository.create({
        guildId: world.guild.id,
        channelId: channel.id,
        name: `Cohort ${index}`,
        curriculumId: curriculum.id,
        settings,
        createdBy: world.admin.id,
      });
    }
    expect(seen.size).toBe(cohortCount);
  }, 300_000);

  afterAll(async () => {
    await world.close();
  });

  it("sends every cohort's weekly post exactly once at the instant it is due, and nothing on the next ticks", async () => {
    const before = await world.first.tickAt(new Date(weekOnePost.getTime() - 60_000));
    expect(before.sent).toHaveLength(0);

    const due = await world.first.tickAt(weekOnePost);
    expect(due.failed).toEqual([]);
    expect(due.sent).toHaveLength(cohortCount);
    expect(new Set(due.sent.map((post) => post.cohortId)).size).toBe(cohortCount);

    const again = await world.first.tickAt(new Date(weekOnePost.getTime() + 20_000));
    const later = await world.first.tickAt(new Date(weekOnePost.getTime() + 40 * 60_000));
    expect([...again.sent, ...later.sent]).toEqual([]);

    const counts = channelIds.map((channelId) => world.posts(channelId).length);
    expect(counts.filter((count) => count !== 1)).toEqual([]);
  }, 600_000);
});
