import { afterEach, describe, expect, it } from "vitest";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

describe("scheduler under Discord's rate limits, through discord.js and the emulator", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it("posts another cohort's assignment while one channel is rate-limited, and the limited one once Discord lets it", async () => {
    world = await startSchedulerWorld(new Date("2027-03-01T09:00:00Z"));
    const emulator = world.emulator;
    // Created first, so a scheduler sending one post after another would start with it.
    const limited = world.createChannel("limited");
    const free = world.createChannel("free");
    await world.createCohort({ name: "Limited", channelId: limited.id, start: "2027-03-01" });
    await world.createCohort({ name: "Free", channelId: free.id, start: "2027-03-01" });

    // The limited channel answers 429 (retry_after 0.5 s, which discord.js waits out before it asks again) until it has
    // been refused at least once and the other cohort has posted; at most twenty times, so a scheduler that waits for it
    // gets through in the end.
    const events: string[] = [];
    let refusals = 0;
    let freePosted = false;
    emulator.holdRateLimit(limited.id, 500);
    emulator.on("request", (entry) => {
      if (entry.method !== "POST" || !/^\/channels\/\d+\/messages$/.test(entry.path)) return;
      const channel = entry.path.includes(limited.id) ? "limited" : "free";
      events.push(`${channel} ${entry.status}`);
      if (channel === "limited" && entry.status === 429) refusals += 1;
      if (channel === "free" && entry.status === 200) freePosted = true;
      if ((freePosted && refusals > 0) || refusals >= 20) emulator.releaseRateLimit(limited.id);
    });
    const report = await world.first.tickAt(new Date("2027-03-01T09:00:00Z"));

    expect(report.failed).toEqual([]);
    expect(report.sent.map((post) => post.period)).toEqual(["week-1", "week-1"]);
    expect(world.posts(free.id).map((post) => postLabel(post.message))).toEqual(["week 1"]);
    expect(world.posts(limited.id).map((post) => postLabel(post.message))).toEqual(["week 1"]);
    // The free cohort's post went out while the limited channel was still waiting for its limit to reset.
    expect(events).toContain("limited 429");
    expect(events.indexOf("free 200")).toBeLessThan(events.indexOf("limited 200"));
  });
});
