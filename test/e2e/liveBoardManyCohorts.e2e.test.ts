import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";
import type { HeldRequest } from "../../src/emulator/RestRouter.js";

/**
 * Many cohorts' live boards due in the same tick: their edits go to Discord side by side, as the posts do,
 * not one after the other (one at a time, a few hundred cohorts at a round trip each would hold the tick,
 * and the reminders it sends after the boards, for minutes). Each board is still edited once.
 */
const at = (iso: string) => new Date(iso);
const cohortCount = 4;

describe("the live boards of several cohorts due at once", () => {
  let world: SchedulerWorld;
  const channels: string[] = [];
  let held: HeldRequest[] = [];

  const board = (channelId: string) => {
    const found = world.posts(channelId, { liveBoards: true }).find((post) => postLabel(post.message) === "live board 1");
    if (found === undefined) throw new Error(`no live board in ${channelId}`);
    return found.message;
  };

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-03-01T08:00:00Z"));
    for (let index = 0; index < cohortCount; index += 1) {
      const channelId = world.createChannel(`live-${index}`).id;
      channels.push(channelId);
      await world.createCohort({ name: `Cohort ${index}`, channelId, start: "2027-03-01" });
    }
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const { cohorts, study } = world.first.test.app.services;
    for (let index = 0; index < cohortCount; index += 1) {
      const userId = String(900_000_000_000_000_000n + BigInt(index));
      const now = at("2027-03-01T09:00:30Z");
      await cohorts.join(world.guild.id, userId, `Reader ${index}`, `Cohort ${index}`, now);
      await study.complete({ guildId: world.guild.id, userId, cohort: `Cohort ${index}`, item: "Storage Engines", now });
    }
  });
  afterAll(async () => {
    for (const hold of held) hold.release();
    await world.close();
  });

  it("has every cohort's board edit on its way to Discord at once, and edits each board once", async () => {
    const boardIds = new Set(channels.map((channelId) => board(channelId).id));
    const edited = new Map<string, number>();
    world.emulator.on("messageUpdate", (message: { id: string }) => edited.set(message.id, (edited.get(message.id) ?? 0) + 1));
    const arrived = new Set<string>();
    const isBoardEdit = (request: { method: string; path: string }) => {
      const messageId = request.path.split("/").pop() ?? "";
      if (request.method !== "PATCH" || !boardIds.has(messageId)) return false;
      arrived.add(messageId);
      return true;
    };
    // Discord answers none of the boards' edits until every one of them has come in.
    held = Array.from({ length: cohortCount }, () => world.emulator.holdNext(isBoardEdit));
    const tick = world.first.tickAt(at("2027-03-01T09:01:30Z"));
    await until(() => arrived.size === cohortCount, "every cohort's board edit on its way at once");
    for (const hold of held) hold.release();
    expect((await tick).boardsEdited).toBe(cohortCount);
    for (const [index, channelId] of channels.entries()) {
      expect(visibleText(board(channelId))).toContain(`Reader ${index}`);
      expect(edited.get(board(channelId).id)).toBe(1);
    }
  });
});
