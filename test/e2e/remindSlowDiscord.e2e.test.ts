import { Routes } from "discord.js";
import { describe, expect, it } from "vitest";
import { heldRequestWorlds } from "../helpers/heldRequestWorlds.js";
import { startSchedulerWorld, type BotProcess, type SchedulerWorld } from "../helpers/schedulerWorld.js";
import { until } from "../helpers/until.js";
import { worldMember } from "../helpers/worldMember.js";

/**
 * A reminder's claim is held 2 minutes. Discord keeping the first process's DM waiting longer than that (a
 * rate-limited DM channel opening, a DM queued behind a rate limit) lets another process take the claim over:
 * the member still gets one DM. The test clock moves past the hold while Discord holds the first process's request.
 */
describe("a reminder whose DM Discord answers after the claim's hold, with two bot processes", () => {
  const worlds = heldRequestWorlds(startSchedulerWorld);

  /** Ada's 08:30 reminder in a cohort of a two-process world, and the second process. */
  const reminded = async (): Promise<{ world: SchedulerWorld; second: BotProcess; adaId: string }> => {
    const started = await worlds.start(new Date("2027-01-11T10:00:00Z"));
    const channel = started.createChannel("slow");
    await started.createCohort({ name: "Slow", channelId: channel.id, start: "2027-01-04" });
    const ada = worldMember(started, channel.id, "ada");
    await ada.run("join", { cohort: "Slow" });
    await ada.run("remind", { time: "08:30" });
    const second = await started.startProcess(new Date("2027-01-11T10:00:00Z"));
    return { world: started, second, adaId: ada.id };
  };
  /** The reminders among the bot's DMs to Ada (the other messages carry no embed). */
  const reminderDms = (current: SchedulerWorld, adaId: string) => current.dms(adaId).filter((dm) => dm.message.embeds.length > 0);
  /** The bot's message sends into Ada's DM channel that Discord answered. */
  const dmSends = (current: SchedulerWorld, adaId: string) => {
    const dmChannelId = current.emulator.dmMessages(adaId)[0]?.channelId;
    return current.emulator
      .requestLog()
      .filter((entry) => entry.method === "POST" && entry.status === 200 && entry.path.endsWith(`/channels/${dmChannelId}/messages`));
  };

  it("sends one DM when the first DM waits in discord.js's queue past the hold and past Discord's nonce memory", async () => {
    const { world: current, second, adaId } = await reminded();
    const first = current.first.test.app.discord.client;
    const prisma = current.first.test.app.database.prisma;
    // Another request of the first process's to Ada's DM channel that Discord is slow to answer (held as long as
    // the test needs: discord.js's own 15 s of wall clock would end it whenever the machine got there): the
    // reminder's DM waits behind it in discord.js's queue for that channel, as it would behind a rate limit.
    first.rest.options.timeout = 3_600_000;
    const dmChannel = (await first.rest.post(Routes.userChannels(), { body: { recipient_id: adaId } })) as { id: string };
    const blocker = worlds.holdNext("POST /channels/:channelId/messages");
    const blocked = first.rest.post(Routes.channelMessages(dmChannel.id), { body: { content: "an earlier message" } });
    await blocker.arrived;
    // The reminder's DM channel opening answered a minute late: the claim is renewed (08:31) just before the send.
    const opening = worlds.holdNext("POST /users/@me/channels");
    let firstDone = false;
    const firstTick = current.first.tickAt(new Date("2027-01-12T08:30:00Z")).finally(() => (firstDone = true));
    await opening.arrived;
    current.first.clock.set(new Date("2027-01-12T08:31:00Z"));
    opening.release();
    const renewed = new Date("2027-01-12T08:31:00Z").getTime();
    await until(
      async () => (await prisma.reminderDelivery.findFirst({ where: { status: "claimed" } }))?.claimedAt.getTime() === renewed,
      "the claim renewed just before the send",
    );
    // Past the hold: the first process takes its DM back (else it stays queued, to go whenever Discord answers).
    current.first.clock.set(new Date("2027-01-12T08:33:30Z"));
    await until(() => firstDone, "the first process taking its DM back as its claim's hold ends");
    await firstTick;
    await second.tickAt(new Date("2027-01-12T08:34:00Z"));
    expect(reminderDms(current, adaId)).toHaveLength(1);
    // Discord answers the slow request once it forgot the DM's nonce: no DM of the first process's follows it.
    await second.tickAt(new Date("2027-01-12T08:45:00Z"));
    blocker.release();
    await blocked;
    await first.rest.post(Routes.channelMessages(dmChannel.id), { body: { content: "a later message" } });
    await current.first.tickAt(new Date("2027-01-12T08:46:00Z"));
    expect(reminderDms(current, adaId)).toHaveLength(1);
  });

  it("sends one DM when the first send reaches Discord only after the take-over sent it, past Discord's nonce memory", async () => {
    const { world: current, second, adaId } = await reminded();
    // The first process's DM channel opening waits (Discord rate-limits DM openings): its message is not sent yet.
    const held = worlds.holdNext("POST /users/@me/channels");
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
    const held = worlds.holdNext("POST /users/@me/channels");
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
