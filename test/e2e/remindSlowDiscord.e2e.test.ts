import { afterEach, describe, expect, it } from "vitest";
import type { HeldRequest } from "../../src/emulator/RestRouter.js";
import { startSchedulerWorld, type BotProcess, type SchedulerWorld } from "../helpers/schedulerWorld.js";
import { worldMember } from "../helpers/worldMember.js";

/**
 * A reminder's claim is held 2 minutes. Discord answering the first process's DM more slowly than that (a
 * rate-limited DM channel opening, a slow answer) lets another process take the claim over: the member still
 * gets one DM. The test clock moves past the hold while Discord holds the first process's request.
 */
describe("a reminder whose DM Discord answers after the claim's hold, with two bot processes", () => {
  let world: SchedulerWorld | undefined;
  let holds: HeldRequest[] = [];
  afterEach(async () => {
    for (const hold of holds) hold.release();
    holds = [];
    await world?.close();
    world = undefined;
  });

  /** Ada's 08:30 reminder in a cohort of a two-process world, and the second process. */
  const reminded = async (): Promise<{ world: SchedulerWorld; second: BotProcess; adaId: string }> => {
    const started = await startSchedulerWorld(new Date("2027-01-11T10:00:00Z"));
    world = started;
    const channel = started.createChannel("slow");
    await started.createCohort({ name: "Slow", channelId: channel.id, start: "2027-01-04" });
    const ada = worldMember(started, channel.id, "ada");
    await ada.run("join", { cohort: "Slow" });
    await ada.run("remind", { time: "08:30" });
    const second = await started.startProcess(new Date("2027-01-11T10:00:00Z"));
    return { world: started, second, adaId: ada.id };
  };
  /** The bot's message sends into Ada's DM channel that Discord answered. */
  const dmSends = (current: SchedulerWorld, adaId: string) => {
    const dmChannelId = current.emulator.dmMessages(adaId)[0]?.channelId;
    return current.emulator
      .requestLog()
      .filter((entry) => entry.method === "POST" && entry.status === 200 && entry.path.endsWith(`/channels/${dmChannelId}/messages`));
  };

  it("sends one DM when Discord answers the first send after the hold: the take-over finds it", async () => {
    const { world: current, second, adaId } = await reminded();
    const held = current.emulator.holdNext("POST /channels/:channelId/messages");
    holds.push(held);
    const firstTick = current.first.tickAt(new Date("2027-01-12T08:30:00Z"));
    await held.arrived;
    // The DM is on Discord, its answer not back yet; the other process ticks past the hold.
    current.first.clock.set(new Date("2027-01-12T08:33:00Z"));
    await second.tickAt(new Date("2027-01-12T08:33:00Z"));
    held.release();
    await firstTick;
    await second.tickAt(new Date("2027-01-12T08:40:00Z"));
    expect(current.dms(adaId)).toHaveLength(1);
    expect(dmSends(current, adaId)).toHaveLength(1);
  });

  it("sends one DM when the first send reaches Discord only after the take-over sent it, past Discord's nonce memory", async () => {
    const { world: current, second, adaId } = await reminded();
    // The first process's DM channel opening waits (Discord rate-limits DM openings): its message is not sent yet.
    const held = current.emulator.holdNext("POST /users/@me/channels");
    holds.push(held);
    const firstTick = current.first.tickAt(new Date("2027-01-12T08:30:00Z"));
    await held.arrived;
    current.first.clock.set(new Date("2027-01-12T08:33:00Z"));
    await second.tickAt(new Date("2027-01-12T08:33:00Z"));
    expect(current.dms(adaId)).toHaveLength(1);
    // Discord forgets nonces after a few minutes (the emulator's 5): the first process's send comes after that.
    current.first.clock.set(new Date("2027-01-12T08:40:00Z"));
    await second.tickAt(new Date("2027-01-12T08:40:00Z"));
    held.release();
    await firstTick;
    await second.tickAt(new Date("2027-01-12T08:45:00Z"));
    expect(current.dms(adaId)).toHaveLength(1);
  });

  it("sends the DM when Discord kept the DM channel's opening waiting past the hold and no other process took it over", async () => {
    const { world: current, adaId } = await reminded();
    const held = current.emulator.holdNext("POST /users/@me/channels");
    holds.push(held);
    const firstTick = current.first.tickAt(new Date("2027-01-12T08:30:00Z"));
    await held.arrived;
    current.first.clock.set(new Date("2027-01-12T08:35:00Z"));
    held.release();
    await firstTick;
    expect(current.dms(adaId)).toHaveLength(1);
    await current.first.tickAt(new Date("2027-01-12T08:45:00Z"));
    expect(current.dms(adaId)).toHaveLength(1);
    expect(dmSends(current, adaId)).toHaveLength(1);
  });
});
