import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localStamp, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

const quarterHour = 15 * 60_000;

/** Two bot processes on one database ticking at the same moments: each reminder DM still goes out once. */
describe("reminder DMs with two bot processes", () => {
  let world: SchedulerWorld;
  const members: { id: string; zone: string }[] = [];

  beforeAll(async () => {
    world = await startSchedulerWorld(new Date("2027-03-07T12:00:00Z"));
    const channel = world.createChannel("two-processes");
    await world.createCohort({ name: "Pair", channelId: channel.id, start: "2027-03-01" });
    const settings = [
      ["08:00", "UTC"],
      ["08:00", "Asia/Kolkata"],
      ["21:45", "Asia/Kathmandu"],
      ["07:30", "Pacific/Kiritimati"],
      ["18:00", "Pacific/Pago_Pago"],
    ] as const;
    for (const [index, [time, zone]] of settings.entries()) {
      const user = world.emulator.createMember(world.guild.id, { username: `reader${index}` });
      const run = (name: string, options: Record<string, string>) =>
        world.emulator.runCommand({ guildId: world.guild.id, channelId: channel.id, userId: user.id, name, options }).final();
      await run("join", { cohort: "Pair" });
      await run("remind", { time, timezone: zone });
      members.push({ id: user.id, zone });
    }
    const two = await world.startProcess(new Date("2027-03-07T12:00:00Z"));
    let round = 0;
    for (let at = new Date("2027-03-07T12:00:00Z").getTime(); at <= new Date("2027-03-09T12:00:00Z").getTime(); at += quarterHour) {
      const [first, second] = round % 2 === 0 ? [world.first, two] : [two, world.first];
      await Promise.all([first.tickAt(new Date(at)), second.tickAt(new Date(at))]);
      round += 1;
    }
  }, 180_000);
  afterAll(async () => world.close());

  it("sends each member one DM per study day at their own time, wherever they are", () => {
    const times = members.map((member) => world.dms(member.id).map((dm) => localStamp(dm.sentAt, member.zone)));
    expect(times).toEqual([
      ["Mon 2027-03-08 08:00", "Tue 2027-03-09 08:00"],
      ["Mon 2027-03-08 08:00", "Tue 2027-03-09 08:00"],
      ["Mon 2027-03-08 21:45"],
      ["Mon 2027-03-08 07:30", "Tue 2027-03-09 07:30"],
      ["Mon 2027-03-08 18:00"],
    ]);
  });
});
