import { describe, expect, it } from "vitest";
import { heldRequestWorlds } from "../helpers/heldRequestWorlds.js";
import { startSchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A tick that sends many reminders runs for minutes. A reminder it would start late in its run is left to the
 * next tick (and one it starts is claimed at that moment, not at the tick's start): another process ticking
 * meanwhile does not take it over as a claim left behind and try the same DM a second time. The test clock
 * moves the tick past the claims' 2-minute lifetime.
 */
describe("reminders of a tick that runs past a claim's lifetime, with two bot processes", () => {
  const worlds = heldRequestWorlds(startSchedulerWorld);

  it("counts each refused reminder once: closed DMs switch reminders off after three refused days, not two", async () => {
    const current = await worlds.start(new Date("2027-01-11T10:00:00Z"));
    const user = current.emulator.createMember(current.guild.id, { username: "carol", dmsClosed: true });
    // Two cohorts, a reminder in each at 08:30: one process sends them one after the other.
    const cohortChannels = new Set<string>();
    for (const name of ["Morning", "Evening"]) {
      const channel = current.createChannel(name.toLowerCase());
      cohortChannels.add(channel.id);
      await current.createCohort({ name, channelId: channel.id, start: "2027-01-04" });
      const run = (command: string, options: Record<string, string>) =>
        current.emulator.runCommand({ guildId: current.guild.id, channelId: channel.id, userId: user.id, name: command, options }).final();
      await run("join", { cohort: name });
      await run("remind", { time: "08:30", cohort: name });
    }
    const second = await current.startProcess(new Date("2027-01-11T10:00:00Z"));
    const intoDms = (request: { method: string; route: string | null; path: string }) =>
      request.method === "POST" &&
      request.route === "/channels/:channelId/messages" &&
      ![...cohortChannels].some((id) => request.path.includes(id));

    // The first process's tick at 08:30: Discord holds its first DM while its clock moves on to 08:33.
    const firstHold = worlds.holdNext(intoDms);
    const laterHold = worlds.holdNext(intoDms);
    const firstTick = current.first.tickAt(new Date("2027-01-12T08:30:00Z"));
    await firstHold.arrived;
    current.first.clock.set(new Date("2027-01-12T08:33:00Z"));
    firstHold.release();
    // The first process goes on to the second reminder (its DM held too) or leaves it to the next tick.
    const firstDone = await Promise.race([laterHold.arrived.then(() => false), firstTick.then(() => true)]);
    if (firstDone) laterHold.release();
    // Meanwhile the other process ticks at 08:33.
    await second.tickAt(new Date("2027-01-12T08:33:00Z"));
    laterHold.release();
    await firstTick;

    const reminders = () =>
      second.test.app.database.prisma.member.findMany({ where: { userId: user.id }, select: { remindTime: true }, orderBy: { id: "asc" } });
    // Each day's reminder of each cohort tried once, refused once.
    const tries = current.emulator
      .requestLog()
      .filter((entry) => entry.method === "POST" && entry.route === "/channels/:channelId/messages" && intoDms(entry));
    expect(tries).toHaveLength(2);
    // The second day refused too: reminders are still on (two refusals in a row of three).
    await second.tickAt(new Date("2027-01-13T08:30:00Z"));
    expect(await reminders()).toEqual([{ remindTime: "08:30" }, { remindTime: "08:30" }]);
    await second.tickAt(new Date("2027-01-14T08:30:00Z"));
    expect(await reminders()).toEqual([{ remindTime: null }, { remindTime: null }]);
  });
});
