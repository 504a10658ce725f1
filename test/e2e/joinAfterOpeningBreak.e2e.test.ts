import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, visibleText } from "../helpers/botHarness.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * `/join` in a cohort whose week 1 an admin turned into a break (through discord.js and the emulator): the course's
 * first week of reading is then week 2 (Mon 2027-03-08). Joining in it is joining in the first week, as in a cohort
 * without the break: no "the course is already under way", no *Start from this week* / *Catch up* over a backlog
 * that cannot exist. The week after, it is a late join.
 */
const at = (iso: string) => new Date(iso);

describe("/join in the first week of reading after a break week 1", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const runAs = (userId: string, name: string, options: Record<string, string | number> = {}) =>
    world.emulator.runCommand({ guildId: world.guild.id, channelId, userId, name, options }).final();

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-25T08:00:00Z"));
    channelId = world.createChannel("opening-break").id;
    await world.createCohort({ name: "Break First", channelId, start: "2027-03-01" });
    expect(visibleText(await runAs(world.admin.id, "cohort break", { cohort: "Break First", week: 1 }))).toContain("is now a break");
  });
  afterAll(async () => world.close());

  it("on its first day is a plain welcome, with nothing to catch up on", async () => {
    const uma = world.emulator.createMember(world.guild.id, { username: "uma", displayName: "Uma" });
    world.first.clock.set(at("2027-03-08T10:00:00Z"));
    const welcome = await runAs(uma.id, "join", { cohort: "Break First" });
    expect(visibleText(welcome)).toContain("Welcome to **Break First**!");
    expect(visibleText(welcome)).not.toContain("already under way");
    expect(buttonsOf(welcome)).toEqual([]);
  });

  it("later in that week is a first-week join, as in a cohort without the break", async () => {
    const vic = world.emulator.createMember(world.guild.id, { username: "vic", displayName: "Vic" });
    world.first.clock.set(at("2027-03-11T10:00:00Z"));
    const welcome = await runAs(vic.id, "join", { cohort: "Break First" });
    expect(visibleText(welcome)).not.toContain("already under way");
    expect(buttonsOf(welcome)).toEqual([]);
  });

  it("in the week after is a late join, with both buttons", async () => {
    const wes = world.emulator.createMember(world.guild.id, { username: "wes", displayName: "Wes" });
    world.first.clock.set(at("2027-03-16T10:00:00Z"));
    const welcome = await runAs(wes.id, "join", { cohort: "Break First" });
    expect(visibleText(welcome)).toContain("already under way");
    expect(buttonsOf(welcome).map((button) => button.label)).toEqual(["Start from this week", "Catch up"]);
    expect(visibleText(await runAs(wes.id, "today"))).toContain("📚 From before you joined:");
  });
});
