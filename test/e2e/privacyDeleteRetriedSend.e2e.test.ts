import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf } from "../helpers/botHarness.js";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A weekly post whose first message went out (drawn with the member) just before `/privacy delete` committed,
 * and whose next message then failed: its retry sends only the missing message, and the one already sent is
 * edited afterwards, without the member. The cohort starts Monday 2027-03-01 (UTC).
 */
const cohortName = "Retried Boards";
const at = (iso: string) => new Date(iso);
const topName = "🏆 Week 1 top five";

describe("/privacy delete while a weekly post's send fails halfway", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const runAs = (userId: string, name: string, options: Record<string, string | boolean> = {}) =>
    world.emulator.runCommand({ guildId: world.guild.id, channelId, userId, name, options }).final();
  const fieldOf = (message: EmulatorMessage) =>
    message.embeds.flatMap((embed) => embed.fields ?? []).find((field) => field.name === topName)?.value;
  const topOfWeek2 = () => {
    const found = world.posts(channelId).find((observed) => postLabel(observed.message) === "week 2");
    return found === undefined ? undefined : fieldOf(found.message);
  };

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    channelId = world.createChannel("retried").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("edits the message sent before the retry, without the member", async () => {
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const zed = world.emulator.createMember(world.guild.id, { username: "zed", displayName: "Zeddicus" });
    const ada = world.emulator.createMember(world.guild.id, { username: "ada", displayName: "Ada Lovelace" });
    world.first.clock.set(at("2027-03-01T10:00:00Z"));
    for (const member of [zed, ada]) {
      await runAs(member.id, "join", { cohort: cohortName });
      await runAs(member.id, "done", { item: "Storage Engines" });
    }
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));

    // Week 2's first message (with Zeddicus in week 1's top five) is on its way when the delete commits; its
    // second message (the live board) then fails, more often than discord.js retries on its own.
    const held = world.emulator.holdNext(`POST /channels/${channelId}/messages`);
    const tick = world.first.tickAt(at("2027-03-08T09:00:00Z"));
    await held.arrived;
    const asked = await runAs(zed.id, "privacy", { delete: true });
    const [confirm] = buttonsOf(asked);
    if (confirm === undefined) throw new Error("no confirmation button");
    await world.emulator.clickButton({ userId: zed.id, messageId: asked.id, customId: confirm.customId }).final();
    world.emulator.failNext(`POST /channels/${channelId}/messages`, 500, 4);
    held.release();
    expect((await tick).sent).toEqual([]);
    expect(topOfWeek2()).toContain("Zeddicus");

    // The retry a minute later sends the live board only; the week's message is then edited.
    await world.first.tickAt(at("2027-03-08T09:01:05Z"));
    await world.first.tickAt(at("2027-03-08T09:01:40Z"));
    expect(world.posts(channelId).filter((observed) => postLabel(observed.message) === "week 2")).toHaveLength(1);
    expect(topOfWeek2()).toBe("🥇 **Ada Lovelace** · 36 pts");
  });
});
