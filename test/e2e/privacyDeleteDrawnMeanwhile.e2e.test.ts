import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrivacyRepository } from "../../src/db/repositories/PrivacyRepository.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { at, commandsIn, postField, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A weekly post that another bot process would draw while `/privacy delete` is under way (after the deletion
 * began looking for the posts that show the member, before it commits) ends up without the member. On SQLite
 * the deletion holds the file's write lock, so the other process's try waits for it and gives up (after the lock
 * budget: this test waits for that, not for an event). On PostgreSQL the post may go out drawn with the member
 * while the deletion runs (a claim waits for no cohort lock), and the deletion's flagPostedSince then has it
 * edited without them. Either way the post the channel keeps shows only Ada. The cohort starts Monday 2027-03-01 (UTC).
 */
const cohortName = "Drawn Meanwhile";
const topName = "🏆 Week 1 top five";

describe("/privacy delete while another process would draw a weekly post", () => {
  let world: SchedulerWorld;
  let channelId: string;

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    channelId = world.createChannel("drawn").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("sends the post the other process tried to draw meanwhile after the deletion, without the member", async () => {
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const { zed } = await twoMembersScoreWeekOne(world, commandsIn(world, channelId), [cohortName], at("2027-03-01T10:00:00Z"));
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    const other = await world.startProcess(at("2027-03-08T09:00:00Z"));

    // The deletion's first look at the cohort's posts: the other process then sends week 2's post (drawn with
    // Zeddicus, whose rows are still there), and the deletion goes on.
    const { prisma, target } = world.first.test.app.database;
    let sentMeanwhile: readonly string[] | null = null;
    const watched = prisma.$extends({
      query: {
        scheduledPost: {
          async findMany({ args, query }) {
            const rows = await query(args);
            if (sentMeanwhile === null) sentMeanwhile = (await other.tickAt(at("2027-03-08T09:00:00Z"))).sent.map((post) => post.period);
            return rows;
          },
        },
      },
    }) as unknown as PrismaClient;
    await new PrivacyRepository(watched, target.provider).deleteMember(world.guild.id, zed.id, at("2027-03-08T09:00:01Z"));
    // Its try did not complete: on SQLite it waited for the file and drew nothing; on PostgreSQL it may have
    // drawn and sent the post with the member, then waited for the cohort's row to keep it (flagged by the deletion).
    expect(sentMeanwhile).toEqual([]);

    await other.tickAt(at("2027-03-08T09:10:00Z"));
    await world.first.tickAt(at("2027-03-08T09:10:30Z"));
    expect(postField(world, channelId, "week 2", topName)).toBe("🥇 **Ada Lovelace** · 36 pts");
  });
});
