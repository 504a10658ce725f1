import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf } from "../helpers/botHarness.js";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A weekly post on its way to Discord when `/privacy delete` commits was drawn with the member: once sent, it
 * is edited like the posts sent before. The cohort starts Monday 2027-03-01 (UTC).
 */
const cohortName = "Sending Boards";
const at = (iso: string) => new Date(iso);
const topName = "🏆 Week 1 top five";

describe("/privacy delete while a weekly post is being sent", () => {
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
    channelId = world.createChannel("sending").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("edits the post that went out meanwhile, without the member", async () => {
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const zed = world.emulator.createMember(world.guild.id, { username: "zed", displayName: "Zeddicus" });
    const ada = world.emulator.createMember(world.guild.id, { username: "ada", displayName: "Ada Lovelace" });
    world.first.clock.set(at("2027-03-01T10:00:00Z"));
    for (const member of [zed, ada]) {
      await runAs(member.id, "join", { cohort: cohortName });
      await runAs(member.id, "done", { item: "Storage Engines" });
    }
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));

    // Week 2's post is drawn (with Zeddicus in week 1's top five) and on its way when the delete commits.
    const drawn: string[] = [];
    world.emulator.on("message", (message: EmulatorMessage) => {
      if (postLabel(message) === "week 2") drawn.push(fieldOf(message) ?? "");
    });
    const held = world.emulator.holdNext(`POST /channels/${channelId}/messages`);
    const tick = world.first.tickAt(at("2027-03-08T09:00:00Z"));
    await held.arrived;
    const asked = await runAs(zed.id, "privacy", { delete: true });
    const [confirm] = buttonsOf(asked);
    if (confirm === undefined) throw new Error("no confirmation button");
    await world.emulator.clickButton({ userId: zed.id, messageId: asked.id, customId: confirm.customId }).final();
    held.release();
    expect((await tick).sent.map((post) => post.period)).toEqual(["week-2"]);
    expect(drawn).toEqual([expect.stringContaining("Zeddicus")]);

    await world.first.tickAt(at("2027-03-08T09:00:30Z"));
    expect(topOfWeek2()).toBe("🥇 **Ada Lovelace** · 36 pts");
  }, 120_000);
});
