import type { ManualClock } from "../clock.js";
import type { Cohort } from "../domain/cohort/cohortModel.js";
import type { Services } from "../services/Services.js";
import type { PostScheduler } from "./ClockControl.js";
import { cohortSchedule } from "./cohortSchedule.js";
import { demoMemberProfiles, joinedAt, plannedCompletions } from "./demoMembers.js";
import type { DemoTimeline } from "./demoTimeline.js";
import type { DemoWorld } from "./demoWorld.js";

export const demoCohortName = "Backend Cohort";
export const demoCurriculumSlug = "backend-engineer-learning-path";

type HistoryEvent =
  | { readonly at: Date; readonly order: 0; readonly kind: "join"; readonly userId: string; readonly displayName: string }
  | { readonly at: Date; readonly order: 1; readonly kind: "post" }
  | { readonly at: Date; readonly order: 2; readonly kind: "completion"; readonly userId: string; readonly itemId: number };

/**
 * Writes the demo's history through the bot's own services, moving the clock
 * to each moment first: the admin creates the cohort, members join, read and
 * log completions at plausible times, and the scheduler makes each post when it
 * falls due. Leaves the clock at `timeline.now`.
 */
export async function seedDemo(input: {
  readonly services: Services;
  readonly world: DemoWorld;
  readonly clock: ManualClock;
  readonly timeline: DemoTimeline;
  readonly scheduler: PostScheduler;
}): Promise<Cohort> {
  const { services, world, clock, timeline } = input;
  clock.set(timeline.historyStart);
  const cohort = await services.cohorts.create({
    guildId: world.guild.id,
    actorId: world.admin.id,
    name: demoCohortName,
    curriculum: demoCurriculumSlug,
    channelId: world.cohortChannel.id,
    start: timeline.cohortStart,
    timeZone: timeline.timeZone,
  });
  const schedule = await cohortSchedule(services, cohort);
  const userIdOf = new Map(world.members.map((member) => [member.username, member.id]));

  const events: HistoryEvent[] = [];
  for (const profile of demoMemberProfiles) {
    const userId = userIdOf.get(profile.username);
    if (userId === undefined) continue;
    const at = joinedAt(profile, timeline.cohortStart, timeline.timeZone);
    events.push({ at, order: 0, kind: "join", userId, displayName: profile.displayName });
  }
  for (const post of schedule.posts) {
    if (post.dueAt <= timeline.now) events.push({ at: post.dueAt, order: 1, kind: "post" });
  }
  for (const completion of plannedCompletions(schedule.plan, demoMemberProfiles, timeline.timeZone, timeline.now)) {
    const userId = userIdOf.get(completion.username);
    if (userId !== undefined) events.push({ at: completion.at, order: 2, kind: "completion", userId, itemId: completion.itemId });
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);

  for (const event of events) {
    clock.set(event.at);
    switch (event.kind) {
      case "join":
        await services.cohorts.join(world.guild.id, event.userId, event.displayName, String(cohort.id), event.at);
        break;
      case "post":
        await input.scheduler.tick(event.at);
        break;
      case "completion":
        await services.study.complete({
          guildId: world.guild.id,
          userId: event.userId,
          cohort: String(cohort.id),
          item: String(event.itemId),
          now: event.at,
        });
        break;
    }
  }
  clock.set(timeline.now);
  return cohort;
}
