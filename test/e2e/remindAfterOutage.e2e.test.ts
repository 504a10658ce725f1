import { afterEach, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";
import { worldMember } from "../helpers/worldMember.js";
import { storedDirectMessageMark } from "../../src/services/PostSender.js";

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

  /** Ada's 08:30 reminder in cohort "Outage" of a scheduler world (on world.first) that starts at `start`. */
  const remindedInWorld = async (start = "2027-01-11T10:00:00Z", cohort = { name: "Outage", start: "2027-01-04" }, time = "08:30") => {
    const started = await startSchedulerWorld(new Date(start));
    world = started;
    const channel = started.createChannel(cohort.name.toLowerCase());
    await started.createCohort({ ...cohort, channelId: channel.id });
    const ada = worldMember(started, channel.id, "ada");
    await ada.run("join", { cohort: cohort.name });
    await ada.run("remind", { time });
    return { world: started, ada };
  };

  /**
   * Tuesday's 08:30 reminder sent, and the process dead right after Discord delivered the DM: the day's reminder is
   * still only claimed. Another process is started at `back`.
   */
  const diedAfterSending = async (back: string) => {
    const { world: started, ada } = await remindedInWorld();
    const dead = started.first;
    await dead.tickAt(new Date("2027-01-12T08:30:00Z"));
    expect(started.dms(ada.id)).toHaveLength(1);
    await dead.test.app.database.prisma.reminderDelivery.updateMany({
      where: { localDate: "2027-01-12" },
      data: { status: "claimed", sentAt: null },
    });
    await dead.stop();
    const survivor = await started.startProcess(new Date(back));
    return { world: started, ada, survivor };
  };

  it("sends no second reminder when the bot comes back hours after it died between sending one and recording it", async () => {
    // Back at 15:00, long after Discord forgot the DM's nonce.
    const { world, ada, survivor } = await diedAfterSending("2027-01-12T15:00:00Z");
    await survivor.tickAt(new Date("2027-01-12T15:00:00Z"));
    await survivor.tickAt(new Date("2027-01-12T15:30:00Z"));
    expect(world.dms(ada.id)).toHaveLength(1);
    // The next day's reminder comes as usual.
    await survivor.tickAt(new Date("2027-01-13T08:30:00Z"));
    expect(world.dms(ada.id)).toHaveLength(2);
  });

  it("sends no second reminder when the bot comes back after Discord forgot the nonce, within the catch-up limit", async () => {
    // Back at 08:45: within the 2 hours, but Discord remembers a nonce for 5 minutes only.
    const { world, ada, survivor } = await diedAfterSending("2027-01-12T08:45:00Z");
    await survivor.tickAt(new Date("2027-01-12T08:45:00Z"));
    await survivor.tickAt(new Date("2027-01-12T09:00:00Z"));
    expect(world.dms(ada.id)).toHaveLength(1);
    const row = await survivor.test.app.database.prisma.reminderDelivery.findFirstOrThrow({ where: { localDate: "2027-01-12" } });
    expect(row.status).toBe("sent");
  });

  it("sends no second reminder when an admin renamed the cohort and moved its channel between the lost send and the retry", async () => {
    world = await startSchedulerWorld(new Date("2027-01-11T10:00:00Z"));
    const channel = world.createChannel("outage");
    const moved = world.createChannel("outage-new");
    await world.createCohort({ name: "Outage", channelId: channel.id, start: "2027-01-04" });
    const ada = world.emulator.createMember(world.guild.id, { username: "ada" });
    const run = (userId: string, name: string, options: Record<string, string>) =>
      world?.emulator.runCommand({ guildId: world.guild.id, channelId: channel.id, userId, name, options }).final();
    await run(ada.id, "join", { cohort: "Outage" });
    await run(ada.id, "remind", { time: "08:30" });
    const dead = world.first;
    await dead.tickAt(new Date("2027-01-12T08:30:00Z"));
    expect(world.dms(ada.id)).toHaveLength(1);
    // As if the process had died right after Discord delivered the DM: the day's reminder is still only claimed,
    // with the mark its claim stored (what the DM is recognised by, as sent).
    const sent = world.dms(ada.id)[0]?.message.embeds[0];
    const mark = { url: sent?.url ?? "", timestamp: sent?.timestamp ?? "", footer: sent?.footer?.text ?? null };
    await dead.test.app.database.prisma.reminderDelivery.updateMany({
      where: { localDate: "2027-01-12" },
      data: { status: "claimed", sentAt: null, sentMarks: JSON.stringify([storedDirectMessageMark(mark)]) },
    });
    await dead.stop();
    const survivor = await world.startProcess(new Date("2027-01-12T08:40:00Z"));
    // Meanwhile an admin renames the cohort and moves it to another channel: the DM would now read differently.
    const edited = await run(world.admin.id, "cohort", { subcommand: "edit", cohort: "Outage", name: "Outage Spring", channel: moved.id });
    expect(edited === undefined ? "" : visibleText(edited)).toContain("Outage Spring");
    await survivor.tickAt(new Date("2027-01-12T08:45:00Z"));
    await survivor.tickAt(new Date("2027-01-12T09:00:00Z"));
    expect(world.dms(ada.id)).toHaveLength(1);
    const row = await survivor.test.app.database.prisma.reminderDelivery.findFirstOrThrow({ where: { localDate: "2027-01-12" } });
    expect(row.status).toBe("sent");
    // Settled: the marks its attempts stored (the cohort's old name and channel) are not kept.
    expect(row.sentMarks).toBeNull();
    // The next day's reminder names the cohort as it is now and opens its new channel.
    await survivor.tickAt(new Date("2027-01-13T08:30:00Z"));
    const next = world.dms(ada.id)[1]?.message;
    expect(next === undefined ? "" : visibleText(next)).toContain("Outage Spring");
    expect(next?.embeds[0]?.url).toContain(moved.id);
  });

  it("sends no second reminder when the member ticked an item between the lost send and the retry", async () => {
    const { world, ada, survivor } = await diedAfterSending("2027-01-12T08:40:00Z");
    // The member reads the reminder and ticks an item before the bot tries again: the list it would send is shorter.
    expect(visibleText(await ada.doneFirstOffered())).toContain("Done!");
    await survivor.tickAt(new Date("2027-01-12T08:45:00Z"));
    expect(world.dms(ada.id)).toHaveLength(1);
  });

  it("sends each of two same-named cohorts' reminders when one was lost, the other sent", async () => {
    world = await startSchedulerWorld(new Date("2027-01-11T10:00:00Z"));
    const here = world.createChannel("twin");
    await world.createCohort({ name: "Twin", channelId: here.id, start: "2027-01-04" });
    const ada = world.emulator.createMember(world.guild.id, { username: "ada" });
    const elsewhere = world.emulator.createGuild({ name: "Other Server" });
    const there = world.emulator.createChannel(elsewhere.id, { name: "twin" });
    world.emulator.addMember(elsewhere.id, ada.id);
    const client = world.first.test.app.discord.client;
    await until(() => client.channels.cache.has(there.id), "the bot sees the other server's channel");
    await world.first.test.app.services.cohorts.create({
      guildId: elsewhere.id,
      actorId: world.admin.id,
      name: "Twin",
      curriculum: "backend-engineer-learning-path",
      channelId: there.id,
      start: "2027-01-04",
    });
    for (const [guildId, channelId] of [
      [world.guild.id, here.id],
      [elsewhere.id, there.id],
    ] as const) {
      await world.emulator.runCommand({ guildId, channelId, userId: ada.id, name: "join", options: { cohort: "Twin" } }).final();
      await world.emulator.runCommand({ guildId, channelId, userId: ada.id, name: "remind", options: { time: "08:30" } }).final();
    }
    const prisma = world.first.test.app.database.prisma;
    const otherMember = await prisma.member.findFirstOrThrow({ where: { userId: ada.id, cohort: { guildId: elsewhere.id } } });
    // A process claimed the other server's reminder at 08:30 and stopped before sending it.
    await prisma.reminderDelivery.create({
      data: { memberId: otherMember.id, localDate: "2027-01-12", status: "claimed", claimedAt: new Date("2027-01-12T08:30:00Z") },
    });
    await world.first.tickAt(new Date("2027-01-12T08:30:00Z"));
    expect(world.dms(ada.id)).toHaveLength(1);
    await world.first.tickAt(new Date("2027-01-12T08:45:00Z"));
    expect(world.dms(ada.id)).toHaveLength(2);
  });

  it("sends each of two cohorts' reminders when they share a channel and one was lost, the other sent", async () => {
    world = await startSchedulerWorld(new Date("2027-01-11T10:00:00Z"));
    const shared = world.createChannel("shared");
    await world.createCohort({ name: "Alpha", channelId: shared.id, start: "2027-01-04" });
    await world.createCohort({ name: "Beta", channelId: shared.id, start: "2027-01-04" });
    const ada = world.emulator.createMember(world.guild.id, { username: "ada" });
    for (const cohort of ["Alpha", "Beta"]) {
      const options = { cohort };
      await world.emulator.runCommand({ guildId: world.guild.id, channelId: shared.id, userId: ada.id, name: "join", options }).final();
      await world.emulator
        .runCommand({
          guildId: world.guild.id,
          channelId: shared.id,
          userId: ada.id,
          name: "remind",
          options: { ...options, time: "08:30" },
        })
        .final();
    }
    const prisma = world.first.test.app.database.prisma;
    const beta = await prisma.member.findFirstOrThrow({ where: { userId: ada.id, cohort: { name: "Beta" } } });
    // A process claimed Beta's reminder at 08:30 and stopped before sending it.
    await prisma.reminderDelivery.create({
      data: { memberId: beta.id, localDate: "2027-01-12", status: "claimed", claimedAt: new Date("2027-01-12T08:30:00Z") },
    });
    await world.first.tickAt(new Date("2027-01-12T08:30:00Z"));
    expect(world.dms(ada.id)).toHaveLength(1);
    // Alpha's DM, with the same channel link and time, is not taken for Beta's.
    await world.first.tickAt(new Date("2027-01-12T08:45:00Z"));
    expect(world.dms(ada.id)).toHaveLength(2);
    expect(
      world
        .dms(ada.id)
        .map((dm) => visibleText(dm.message))
        .join("\n"),
    ).toContain("Beta");
  });

  it("lists each member day once when the clocks jump over the 04:00 rollover (Athens, 03:00 → 04:00)", async () => {
    const athens = { name: "Athens", start: "2027-03-22", timeZone: "Europe/Athens" };
    const { world, ada } = await remindedInWorld("2027-03-20T10:00:00Z", athens, "03:30");
    const bot = world.first;
    // Saturday 03:30 EET, Sunday's 03:30 that never happens (04:00 EEST), Monday 03:30 EEST.
    for (const at of ["2027-03-27T01:30:00Z", "2027-03-28T01:00:00Z", "2027-03-28T01:10:00Z", "2027-03-29T00:30:00Z"])
      await bot.tickAt(new Date(at));
    expect(world.dms(ada.id).map(({ message }) => /\w{3}, \d{1,2} Mar 2027/.exec(visibleText(message))?.[0])).toEqual(["Fri, 26 Mar 2027"]);
    // Sunday's 03:30 is for Saturday, whose day is over the moment it comes: not sent, and not taken for Sunday's
    // (which Monday's 03:30 lists; the weekend has no reading here).
    const days = await bot.test.app.database.prisma.reminderDelivery.findMany({
      where: { localDate: { in: ["2027-03-28", "2027-03-29"] } },
      orderBy: { localDate: "asc" },
    });
    expect(days.map((day) => [day.localDate, day.status, day.lastError])).toEqual([
      ["2027-03-28", "skipped", "its day ended before it was sent"],
      ["2027-03-29", "skipped", "nothing unfinished today"],
    ]);
  });

  it("tries a reminder Discord refused outright no more that day, and does not look for it in the DM channel", async () => {
    const { harness, tick, dmTexts } = await started("08:30");
    // The DM is refused as a malformed request: nothing reached the member, and the same request would be refused again.
    const intoDms = (request: { method: string; route: string | null; path: string }) =>
      request.route === "/channels/:channelId/messages" && !request.path.includes(harness.channel.id);
    harness.emulator.failNext((request) => request.method === "POST" && intoDms(request), 400, 1, {
      body: { code: 50035, message: "Invalid Form Body" },
    });
    await tick("2027-01-12T08:30:00Z");
    harness.emulator.clearRequestLog();
    await tick("2027-01-12T08:40:00Z");
    await tick("2027-01-12T09:30:00Z");
    expect(harness.emulator.requestLog().filter(intoDms)).toEqual([]);
    expect(dmTexts()).toEqual([]);
    // Given up for good: no marks kept.
    const rows = await harness.test.app.database.prisma.reminderDelivery.findMany({ where: { localDate: "2027-01-12" } });
    expect(rows.map((row) => [row.status, row.sentMarks])).toEqual([["failed", null]]);
  });

  it("sends no reminder more than two hours late when the bot died holding its claim, as when it never claimed it", async () => {
    const { harness, ada, tick, dmTexts } = await started("08:30");
    const member = await harness.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: ada.id } });
    // The process claimed Tuesday's reminder at 08:30 and died before sending it; the bot is back at 15:00.
    await harness.test.app.database.prisma.reminderDelivery.create({
      data: {
        memberId: member.id,
        localDate: "2027-01-12",
        status: "claimed",
        claimedAt: new Date("2027-01-12T08:30:00Z"),
        sentMarks: JSON.stringify([JSON.stringify(["https://discord.com/channels/1/2", "2027-01-12T08:30:00.000Z", "Old name"])]),
      },
    });
    await tick("2027-01-12T15:00:00Z");
    expect(dmTexts()).toEqual([]);
    const rows = await harness.test.app.database.prisma.reminderDelivery.findMany({ where: { localDate: "2027-01-12" } });
    expect(rows.map((row) => [row.status, row.sentMarks])).toEqual([["skipped", null]]);
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
