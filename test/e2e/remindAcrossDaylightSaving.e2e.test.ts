import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localStamp, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

const tenMinutes = 10 * 60_000;

/**
 * Reminder DMs on the study days whose clocks change: Israel springs forward on a Friday (02:00 → 03:00,
 * so 02:30 never happens), Egypt falls back on a Thursday night (24:00 → 23:00, so 23:30 happens twice).
 */
describe("reminder DMs across daylight-saving changes on study days", () => {
  let world: SchedulerWorld;
  let noa: { id: string };
  let omar: { id: string };

  const tickEveryTenMinutes = async (from: string, to: string) => {
    for (let at = new Date(from).getTime(); at <= new Date(to).getTime(); at += tenMinutes) await world.first.tickAt(new Date(at));
  };

  beforeAll(async () => {
    world = await startSchedulerWorld(new Date("2027-03-20T10:00:00Z"));
    const spring = world.createChannel("spring");
    const autumn = world.createChannel("autumn");
    await world.createCohort({ name: "Spring", channelId: spring.id, start: "2027-03-22", timeZone: "Asia/Jerusalem" });
    await world.createCohort({ name: "Autumn", channelId: autumn.id, start: "2027-10-25", timeZone: "Africa/Cairo" });
    noa = world.emulator.createMember(world.guild.id, { username: "noa" });
    omar = world.emulator.createMember(world.guild.id, { username: "omar" });
    const run = (userId: string, channelId: string, name: string, options: Record<string, string>) =>
      world.emulator.runCommand({ guildId: world.guild.id, channelId, userId, name, options }).final();
    await run(noa.id, spring.id, "join", { cohort: "Spring" });
    await run(noa.id, spring.id, "remind", { time: "02:30" });
    await run(omar.id, autumn.id, "join", { cohort: "Autumn" });
    await run(omar.id, autumn.id, "remind", { time: "23:30" });
    await tickEveryTenMinutes("2027-03-25T20:00:00Z", "2027-03-26T06:00:00Z");
    await tickEveryTenMinutes("2027-10-28T18:00:00Z", "2027-10-29T01:00:00Z");
  }, 120_000);
  afterAll(async () => world.close());

  it("sends a reminder whose time the clocks skip once, when the clocks reach it", () => {
    expect(world.dms(noa.id).map((dm) => localStamp(dm.sentAt, "Asia/Jerusalem"))).toEqual(["Fri 2027-03-26 03:00"]);
  });

  it("sends a reminder whose time happens twice once, the first time", () => {
    expect(world.dms(omar.id).map((dm) => `${localStamp(dm.sentAt, "Africa/Cairo")} ${dm.sentAt.toISOString()}`)).toEqual([
      "Thu 2027-10-28 23:30 2027-10-28T20:30:00.000Z",
    ]);
  });
});
