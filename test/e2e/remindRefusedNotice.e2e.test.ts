import { afterEach, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

const refused = "couldn't send you your last reminder";
const switchedOff = "so I switched them off";

/**
 * A member whose DMs refuse their reminder hears of it the next time they use the bot, once: at the first
 * refusal (while reminders stay on), not only when the third switches them off.
 */
describe("reminder DMs refused by the member's settings", () => {
  let bot: BotHarness | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });

  const started = async () => {
    const harness = await startBotHarness({ now: new Date("2027-01-11T10:00:00Z") });
    bot = harness;
    await harness.createCohort({ name: "Closed", start: "2027-01-04" });
    const carol = harness.member("carol", { dmsClosed: true });
    await harness.reply(carol.id, "join", { cohort: "Closed" });
    await harness.reply(carol.id, "remind", { time: "08:30" });
    const tick = async (iso: string) => {
      harness.clock.set(new Date(iso));
      await harness.test.app.scheduler.tick(harness.clock.now());
    };
    /** Carol's next command: what she reads after its reply (the follow-ups it brought). */
    const nextCommand = async (iso: string) => {
      harness.clock.set(new Date(iso));
      const command = harness.run(carol.id, "today");
      await command.final();
      return command;
    };
    const flags = () =>
      harness.test.app.database.prisma.member.findFirstOrThrow({
        where: { userId: carol.id },
        select: { remindTime: true, remindDisabledNotice: true, remindRefusedNotice: true },
      });
    return { harness, carol, tick, nextCommand, flags };
  };

  it("tells the member at the first refusal, privately, with their next command, and once", async () => {
    const { harness, carol, tick, nextCommand, flags } = await started();
    await tick("2027-01-12T08:30:00Z");
    expect(harness.emulator.dmMessages(carol.id)).toEqual([]);
    const first = await nextCommand("2027-01-12T12:00:00Z");
    const [notice] = await first.waitForFollowUps(1);
    expect(notice?.ephemeral).toBe(true);
    const text = notice === undefined ? "" : visibleText(notice);
    expect(text).toContain(refused);
    expect(text).not.toContain(switchedOff);
    // Told once: nothing left to tell (checked where the bot decides), and the reminder is still on.
    expect(await flags()).toEqual({ remindTime: "08:30", remindDisabledNotice: false, remindRefusedNotice: false });
    const again = await nextCommand("2027-01-12T12:05:00Z");
    expect(again.followUps()).toEqual([]);
    // The second refusal in a row tells nothing new.
    await tick("2027-01-13T08:30:00Z");
    expect((await flags()).remindRefusedNotice).toBe(false);
    // DMs opened again: the next reminder comes.
    harness.emulator.setDmsClosed(carol.id, false);
    await tick("2027-01-14T08:30:00Z");
    expect(harness.emulator.dmMessages(carol.id)).toHaveLength(1);
  });

  it("tells only that reminders were switched off when the member used no command during the three refusals", async () => {
    const { tick, nextCommand, flags } = await started();
    for (const day of ["2027-01-12", "2027-01-13", "2027-01-14"]) await tick(`${day}T08:30:00Z`);
    const command = await nextCommand("2027-01-14T12:00:00Z");
    const [notice] = await command.waitForFollowUps(1);
    const text = notice === undefined ? "" : visibleText(notice);
    expect(text).toContain(switchedOff);
    expect(text).not.toContain(refused);
    expect(await flags()).toEqual({ remindTime: null, remindDisabledNotice: false, remindRefusedNotice: false });
  });

  it("tells nothing about a refusal when the member's next command is a new reminder setting", async () => {
    const { harness, carol, tick, flags } = await started();
    await tick("2027-01-12T08:30:00Z");
    harness.clock.set(new Date("2027-01-12T12:00:00Z"));
    const off = harness.run(carol.id, "remind", { off: true });
    await off.final();
    expect(off.followUps()).toEqual([]);
    expect(await flags()).toEqual({ remindTime: null, remindDisabledNotice: false, remindRefusedNotice: false });
    // On again, refused again, and the next command is a new time: nothing to tell either.
    await harness.reply(carol.id, "remind", { time: "08:30" });
    await tick("2027-01-13T08:30:00Z");
    expect((await flags()).remindRefusedNotice).toBe(true);
    harness.clock.set(new Date("2027-01-13T12:00:00Z"));
    const time = harness.run(carol.id, "remind", { time: "09:00" });
    await time.final();
    expect(time.followUps()).toEqual([]);
    expect((await flags()).remindRefusedNotice).toBe(false);
  });

  it("tells both when refusals switched one cohort's reminders off and another's was refused", async () => {
    const { harness, carol, tick, nextCommand } = await started();
    await harness.createCohort({ name: "Open", start: "2027-01-04" });
    await harness.reply(carol.id, "join", { cohort: "Open" });
    await tick("2027-01-12T08:30:00Z");
    await tick("2027-01-13T08:30:00Z");
    harness.clock.set(new Date("2027-01-13T12:00:00Z"));
    const set = harness.run(carol.id, "remind", { time: "08:30", cohort: "Open" });
    await set.final();
    // The first refusal of "Closed", told after this command.
    await set.waitForFollowUps(1);
    // The third of "Closed" switches its reminders off; the first of "Open" is refused.
    await tick("2027-01-14T08:30:00Z");
    const command = await nextCommand("2027-01-14T12:00:00Z");
    const [notice] = await command.waitForFollowUps(1);
    const text = notice === undefined ? "" : visibleText(notice);
    expect(text).toContain(switchedOff);
    expect(text).toContain(refused);
    // Each paragraph names its cohort: which reminders were switched off, which was refused and stays on.
    const [off, once] = text.split("\n\n");
    expect(off).toContain("**Closed**");
    expect(off).toContain(switchedOff);
    expect(off).not.toContain("**Open**");
    expect(once).toContain("**Open**");
    expect(once).toContain(refused);
    expect(once).not.toContain("**Closed**");
    const all = await harness.test.app.database.prisma.member.findMany({
      where: { userId: carol.id },
      select: { remindDisabledNotice: true, remindRefusedNotice: true },
    });
    expect(all).toEqual([
      { remindDisabledNotice: false, remindRefusedNotice: false },
      { remindDisabledNotice: false, remindRefusedNotice: false },
    ]);
  });

  it("tells nothing about a refusal followed by a reminder that reached the member", async () => {
    const { harness, carol, tick, nextCommand, flags } = await started();
    await tick("2027-01-12T08:30:00Z");
    harness.emulator.setDmsClosed(carol.id, false);
    await tick("2027-01-13T08:30:00Z");
    expect(harness.emulator.dmMessages(carol.id)).toHaveLength(1);
    expect((await flags()).remindRefusedNotice).toBe(false);
    const command = await nextCommand("2027-01-13T12:00:00Z");
    expect(command.followUps()).toEqual([]);
  });
});
