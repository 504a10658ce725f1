import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf } from "../helpers/botHarness.js";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A posted board's edit after `/privacy delete` when Discord refuses to let the bot read the message (no
 * access, or Read Message History taken away): the message is still there, so the edit is tried again a
 * minute later, when the bot may read it again, and the member's name goes. Only an unknown message is left.
 * The cohort starts Monday 2027-03-01 (UTC).
 */
const cohortName = "Unreadable";
const at = (iso: string) => new Date(iso);
const topName = "🏆 Week 1 top five";

function fieldValue(message: EmulatorMessage, fieldName: string): string | undefined {
  return message.embeds.flatMap((embed) => embed.fields ?? []).find((field) => field.name === fieldName)?.value;
}

describe("/privacy delete, a posted board the bot may not read for a while", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const runAs = (userId: string, name: string, options: Record<string, string | boolean> = {}) =>
    world.emulator.runCommand({ guildId: world.guild.id, channelId, userId, name, options }).final();
  const week2 = () => {
    const found = world.posts(channelId).find((observed) => postLabel(observed.message) === "week 2");
    if (found === undefined) throw new Error("no week 2 post");
    return found.message;
  };

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-03-01T08:00:00Z"));
    channelId = world.createChannel("unreadable").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("leaves the member's name for a minute after a 50013 on reading the message, then takes it out", async () => {
    expect((await world.first.tickAt(at("2027-03-01T09:00:00Z"))).sent.map((sent) => sent.period)).toEqual(["week-1"]);
    const zed = world.emulator.createMember(world.guild.id, { username: "zed", displayName: "Zeddicus" });
    const ada = world.emulator.createMember(world.guild.id, { username: "ada", displayName: "Ada Lovelace" });
    world.first.clock.set(at("2027-03-01T10:00:00Z"));
    for (const member of [zed, ada]) {
      await runAs(member.id, "join", { cohort: cohortName });
      await runAs(member.id, "done", { item: "Storage Engines" });
    }
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    expect((await world.first.tickAt(at("2027-03-08T09:00:00Z"))).sent.map((sent) => sent.period)).toEqual(["week-2"]);
    expect(fieldValue(week2(), topName)).toContain("Zeddicus");

    world.first.clock.set(at("2027-03-08T10:00:00Z"));
    const asked = await runAs(zed.id, "privacy", { delete: true });
    const [confirm] = buttonsOf(asked);
    if (confirm === undefined) throw new Error("no confirmation button");
    await world.emulator.clickButton({ userId: zed.id, messageId: asked.id, customId: confirm.customId }).final();
    // The bot may not read the week-2 post now (Read Message History taken away, say): the edit waits.
    world.emulator.failNext(`GET /channels/${channelId}/messages/${week2().id}`, 403, 1, {
      body: { message: "Missing Permissions", code: 50013 },
    });
    await world.first.tickAt(at("2027-03-08T10:00:05Z"));
    expect(fieldValue(week2(), topName)).toContain("Zeddicus");
    // A minute later it may again: the name goes.
    await world.first.tickAt(at("2027-03-08T10:01:10Z"));
    expect(fieldValue(week2(), topName)).not.toContain("Zeddicus");
    expect(fieldValue(week2(), topName)).toContain("Ada Lovelace");
  });
});
