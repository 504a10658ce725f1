import { afterEach, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * Reminders around an outage of the bot: what a member sees when the bot comes back, whether it had claimed
 * the reminder before it went down or not.
 */
describe("reminders after the bot was down", () => {
  let bot: BotHarness | undefined;
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await bot?.close();
    await world?.close();
    bot = undefined;
    world = undefined;
  });

  const started = async (time: string) => {
    const harness = await startBotHarness({ now: new Date("2027-01-11T10:00:00Z") });
    bot = harness;
    await harness.createCohort({ name: "Outage", start: "2027-01-04" });
    const ada = harness.member("ada");
    await harness.reply(ada.id, "join", { cohort: "Outage" });
    await harness.reply(ada.id, "remind", { time });
    const tick = async (iso: string) => {
      harness.clock.set(new Date(iso));
      return harness.test.app.scheduler.tick(harness.clock.now());
    };
    const dmTexts = () => harness.emulator.dmMessages(ada.id).map((dm) => visibleText(dm));
    return { harness, ada, tick, dmTexts };
  };

  it("sends no second reminder when the bot comes back hours after it died between sending one and recording it", async () => {
    world = await startSchedulerWorld(new Date("2027-01-11T10:00:00Z"));
    const channel = world.createChannel("outage");
    await world.createCohort({ name: "Outage", channelId: channel.id, start: "2027-01-04" });
    const ada = world.emulator.createMember(world.guild.id, { username: "ada" });
    const run = (name: string, options: Record<string, string>) =>
      world?.emulator.runCommand({ guildId: world.guild.id, channelId: channel.id, userId: ada.id, name, options }).final();
    await run("join", { cohort: "Outage" });
    await run("remind", { time: "08:30" });
    const dead = world.first;
    await dead.tickAt(new Date("2027-01-12T08:30:00Z"));
    expect(world.dms(ada.id)).toHaveLength(1);
    // As if the process had died right after Discord delivered the DM: the day's reminder is still only claimed.
    await dead.test.app.database.prisma.reminderDelivery.updateMany({
      where: { localDate: "2027-01-12" },
      data: { status: "claimed", sentAt: null },
    });
    await dead.stop();
    // Back at 15:00, long after Discord forgot the DM's nonce.
    const survivor = await world.startProcess(new Date("2027-01-12T15:00:00Z"));
    await survivor.tickAt(new Date("2027-01-12T15:00:00Z"));
    await survivor.tickAt(new Date("2027-01-12T15:30:00Z"));
    expect(world.dms(ada.id)).toHaveLength(1);
    // The next day's reminder comes as usual.
    await survivor.tickAt(new Date("2027-01-13T08:30:00Z"));
    expect(world.dms(ada.id)).toHaveLength(2);
  });

  it("sends no second reminder when the bot comes back after Discord forgot the nonce, within the catch-up limit", async () => {
    world = await startSchedulerWorld(new Date("2027-01-11T10:00:00Z"));
    const channel = world.createChannel("outage");
    await world.createCohort({ name: "Outage", channelId: channel.id, start: "2027-01-04" });
    const ada = world.emulator.createMember(world.guild.id, { username: "ada" });
    const run = (name: string, options: Record<string, string>) =>
      world?.emulator.runCommand({ guildId: world.guild.id, channelId: channel.id, userId: ada.id, name, options }).final();
    await run("join", { cohort: "Outage" });
    await run("remind", { time: "08:30" });
    const dead = world.first;
    await dead.tickAt(new Date("2027-01-12T08:30:00Z"));
    expect(world.dms(ada.id)).toHaveLength(1);
    // As if the process had died right after Discord delivered the DM: the day's reminder is still only claimed.
    await dead.test.app.database.prisma.reminderDelivery.updateMany({
      where: { localDate: "2027-01-12" },
      data: { status: "claimed", sentAt: null },
    });
    await dead.stop();
    // Back at 08:45: within the 2 hours, but Discord remembers a nonce for 5 minutes only.
    const survivor = await world.startProcess(new Date("2027-01-12T08:45:00Z"));
    await survivor.tickAt(new Date("2027-01-12T08:45:00Z"));
    await survivor.tickAt(new Date("2027-01-12T09:00:00Z"));
    expect(world.dms(ada.id)).toHaveLength(1);
    const row = await survivor.test.app.database.prisma.reminderDelivery.findFirstOrThrow({ where: { localDate: "2027-01-12" } });
    expect(row.status).toBe("sent");
  });

  it("sends no reminder more than two hours late when the bot died holding its claim, as when it never claimed it", async () => {
    const { harness, ada, tick, dmTexts } = await started("08:30");
    const member = await harness.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: ada.id } });
    // The process claimed Tuesday's reminder at 08:30 and died before sending it; the bot is back at 15:00.
    await harness.test.app.database.prisma.reminderDelivery.create({
      data: { memberId: member.id, localDate: "2027-01-12", status: "claimed", claimedAt: new Date("2027-01-12T08:30:00Z") },
    });
    await tick("2027-01-12T15:00:00Z");
    expect(dmTexts()).toEqual([]);
  });

  it("lists no day twice when a reminder before the 04:00 rollover is sent after it", async () => {
    // At 03:30 a member's day is still the day before (it rolls over at 04:00): Tuesday's 03:30 reminder lists Monday.
    const { tick, dmTexts } = await started("03:30");
    await tick("2027-01-12T03:00:00Z");
    // The bot is down from 03:05 to 04:10: Monday, the day that reminder was for, is over.
    await tick("2027-01-12T04:10:00Z");
    await tick("2027-01-13T03:30:00Z");
    const tuesday = dmTexts().filter((text) => text.includes("Tue, 12 Jan 2027"));
    expect(tuesday).toHaveLength(1);
    expect(dmTexts()).toHaveLength(1);
  });
});
