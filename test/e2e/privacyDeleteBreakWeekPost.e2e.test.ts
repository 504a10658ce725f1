import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, visibleText } from "../helpers/botHarness.js";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A break week's post shows the last reading week's top five too: `/privacy delete` edits it as well as the
 * next reading week's post. The cohort starts Monday 2027-03-01 (UTC); week 2 is a break.
 */
const cohortName = "Break Boards";
const at = (iso: string) => new Date(iso);
const topName = "🏆 Week 1 top five";

describe("/privacy delete edits a break week's post already posted", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const runAs = (userId: string, name: string, options: Record<string, string | boolean | number> = {}) =>
    world.emulator.runCommand({ guildId: world.guild.id, channelId, userId, name, options }).final();
  const post = (label: string) => {
    const found = world.posts(channelId).find((observed) => postLabel(observed.message) === label);
    if (found === undefined) throw new Error(`no ${label} post`);
    return found.message;
  };
  const topOf = (label: string) =>
    post(label)
      .embeds.flatMap((embed) => embed.fields ?? [])
      .find((field) => field.name === topName)?.value;

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    channelId = world.createChannel("breaks").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("takes the member off the break week's top five and the next reading week's", async () => {
    expect(visibleText(await runAs(world.admin.id, "cohort break", { cohort: cohortName, week: 2 }))).toContain("is now a break");
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const zed = world.emulator.createMember(world.guild.id, { username: "zed", displayName: "Zeddicus" });
    const ada = world.emulator.createMember(world.guild.id, { username: "ada", displayName: "Ada Lovelace" });
    world.first.clock.set(at("2027-03-01T10:00:00Z"));
    for (const member of [zed, ada]) {
      await runAs(member.id, "join", { cohort: cohortName });
      await runAs(member.id, "done", { item: "Storage Engines" });
    }
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    await world.first.tickAt(at("2027-03-08T09:00:00Z"));
    await world.first.tickAt(at("2027-03-15T00:01:00Z"));
    await world.first.tickAt(at("2027-03-15T09:00:00Z"));
    expect(topOf("week 2")).toContain("Zeddicus");
    expect(topOf("week 3")).toContain("Zeddicus");

    world.first.clock.set(at("2027-03-15T13:00:00Z"));
    const asked = await runAs(zed.id, "privacy", { delete: true });
    const [confirm] = buttonsOf(asked);
    if (confirm === undefined) throw new Error("no confirmation button");
    await world.emulator.clickButton({ userId: zed.id, messageId: asked.id, customId: confirm.customId }).final();
    await world.first.tickAt(at("2027-03-15T13:00:05Z"));

    expect(topOf("week 2")).toBe("🥇 **Ada Lovelace** · 36 pts");
    expect(topOf("week 3")).toBe("🥇 **Ada Lovelace** · 36 pts");
  }, 120_000);
});
