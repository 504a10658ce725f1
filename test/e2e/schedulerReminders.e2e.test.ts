import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InteractionHandle } from "../../src/emulator/InteractionHandle.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf, visibleText } from "../helpers/botHarness.js";
import { localStamp, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

const halfHour = 30 * 60_000;
const switchedOff = "so I switched them off";

/**
 * A week of daily reminders (Monday 2027-03-01 to Saturday) for a UTC cohort,
 * ticking every half hour, with members who set reminders through /remind.
 */
describe("daily reminder DMs", () => {
  let world: SchedulerWorld;
  let readers: { id: string };
  const users = new Map<string, { id: string }>();
  let mondayTitles: string[] = [];
  let carolFirstCommand: InteractionHandle;
  let carolFirstReply: EmulatorMessage;

  const run = (user: string, name: string, options: Record<string, string | boolean> = {}, channelId = readers.id) =>
    world.emulator.runCommand({ guildId: world.guild.id, channelId, userId: users.get(user)?.id ?? "", name, options });

  beforeAll(async () => {
    world = await startSchedulerWorld(new Date("2027-03-01T06:00:00Z"));
    readers = world.createChannel("readers");
    const pausedChannel = world.createChannel("paused");
    await world.createCohort({ name: "Readers", channelId: readers.id, start: "2027-03-01" });
    await world.createCohort({ name: "Sleepers", channelId: pausedChannel.id, start: "2027-03-01" });
    for (const [name, dmsClosed] of [
      ["ada", false],
      ["bob", false],
      ["carol", true],
      ["dave", false],
    ] as const) {
      users.set(name, world.emulator.createMember(world.guild.id, { username: name, dmsClosed }));
    }
    users.set("admin", world.admin);
    for (const name of ["ada", "bob", "carol"]) await run(name, "join", { cohort: "Readers" }).final();
    await run("dave", "join", { cohort: "Sleepers" }, pausedChannel.id).final();
    await run("ada", "remind", { time: "18:00" }).final();
    await run("bob", "remind", { time: "07:30", timezone: "America/New_York" }).final();
    await run("carol", "remind", { time: "18:00" }).final();
    await run("dave", "remind", { time: "18:00" }, pausedChannel.id).final();
    await run("admin", "cohort pause", { cohort: "Sleepers" }).final();

    mondayTitles = buttonsOf(await run("ada", "today").final()).map((button) => button.label.replace(/^Done: /, ""));

    let at = new Date("2027-03-01T06:00:00Z").getTime();
    const end = new Date("2027-03-06T23:30:00Z").getTime();
    for (; at <= end; at += halfHour) {
      const instant = new Date(at);
      if (instant.toISOString() === "2027-03-02T12:00:00.000Z") {
        // Tuesday noon: Ada finishes everything on her list (today's and Monday's) before her 18:00 reminder.
        world.first.clock.set(instant);
        let today = await run("ada", "today").final();
        for (let guard = 0; guard < 20 && buttonsOf(today).length > 0; guard += 1) {
          const button = buttonsOf(today)[0];
          if (button === undefined) break;
          today = await world.emulator
            .clickButton({ userId: users.get("ada")?.id ?? "", messageId: today.id, customId: button.customId })
            .final();
        }
      }
      await world.first.tickAt(instant);
    }
    world.first.clock.set(new Date("2027-03-07T10:00:00Z"));
    carolFirstCommand = run("carol", "today");
    carolFirstReply = await carolFirstCommand.final();
  });
  afterAll(async () => world.close());

  const dmTimes = (user: string, zone = "UTC") => world.dms(users.get(user)?.id ?? "").map((dm) => localStamp(dm.sentAt, zone));

  it("sends each member one DM per study day at their time, only while something is unfinished", () => {
    // Tuesday: Ada had finished everything; Saturday is not a study day.
    expect(dmTimes("ada")).toEqual(["Mon 2027-03-01 18:00", "Wed 2027-03-03 18:00", "Thu 2027-03-04 18:00", "Fri 2027-03-05 18:00"]);
  });

  it("uses the member's own time zone", () => {
    expect(dmTimes("bob", "America/New_York")).toEqual([
      "Mon 2027-03-01 07:30",
      "Tue 2027-03-02 07:30",
      "Wed 2027-03-03 07:30",
      "Thu 2027-03-04 07:30",
      "Fri 2027-03-05 07:30",
    ]);
  });

  it("lists today's unfinished items and when they are due", () => {
    const monday = world.dms(users.get("ada")?.id ?? "")[0];
    if (monday === undefined) throw new Error("no Monday reminder");
    const text = visibleText(monday.message);
    expect(mondayTitles.length).toBeGreaterThan(0);
    for (const title of mondayTitles) expect(text).toContain(title);
    expect(text).toContain("due by <t:");
    expect(monday.message.allowedMentions).toEqual({ parse: [] });
  });

  it("sends nothing to members of a paused cohort", () => {
    expect(world.dms(users.get("dave")?.id ?? "")).toEqual([]);
  });

  it("switches reminders off after three refused DMs, and stops trying", async () => {
    const carol = await world.first.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: users.get("carol")?.id ?? "" } });
    expect(carol.remindTime).toBeNull();
    expect(carol.remindFailures).toBe(3);
    // Attempts only: setting the reminder marks the days before it as skipped.
    const attempts = await world.first.test.app.database.prisma.reminderDelivery.findMany({
      where: { memberId: carol.id, status: { not: "skipped" } },
      orderBy: { localDate: "asc" },
    });
    expect(attempts.map((row) => [row.localDate, row.status])).toEqual([
      ["2027-03-01", "undeliverable"],
      ["2027-03-02", "undeliverable"],
      ["2027-03-03", "undeliverable"],
    ]);
    expect(world.first.test.logs().some((line) => line.msg === "reminders switched off: the member's DMs keep refusing them")).toBe(true);
  });

  it("tells the member once, privately, the next time they use a command", async () => {
    expect(visibleText(carolFirstReply)).not.toContain(switchedOff);
    const [notice] = await carolFirstCommand.waitForFollowUps(1);
    expect(notice?.ephemeral).toBe(true);
    expect(notice === undefined ? "" : visibleText(notice)).toContain(switchedOff);

    // Telling her took the notice off her record, so no later command has it to tell: checked in the
    // database, where the bot decides, rather than by waiting a while for a follow-up that should not come.
    const carol = await world.first.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: users.get("carol")?.id ?? "" } });
    expect(carol.remindDisabledNotice).toBe(false);
    const again = run("carol", "today");
    await again.final();
    expect(again.followUps()).toEqual([]);
  });
});
