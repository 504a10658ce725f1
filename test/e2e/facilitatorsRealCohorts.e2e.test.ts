import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import type { CommandOptionsInput } from "../../src/emulator/buildCommandOptions.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { rosterGroupOf } from "../helpers/rosterGroupOf.js";

/** The cohort starts on Monday 2027-01-04; members join in its first week. */
const joinedAt = new Date("2027-01-05T12:00:00Z");

/** The roster line of a member, or "" when the page does not list them. */
function lineOf(message: EmulatorMessage, userId: string): string {
  return (
    visibleText(message)
      .split("\n")
      .find((line) => line.includes(`<@${userId}>`)) ?? ""
  );
}

describe("/cohort roster and Nudge in a cohort with breaks and days off", () => {
  let bot: BotHarness;
  let cohort: Cohort;

  async function admin(name: string, options: CommandOptionsInput = {}): Promise<EmulatorMessage> {
    const handle = bot.run(bot.admin.id, name, options);
    const message = await handle.final();
    expect(handle.failed).toBe(false);
    return message;
  }

  async function join(username: string) {
    const user = bot.member(username);
    await bot.join(user, cohort, { at: joinedAt });
    return user;
  }

  /** Logs at `at` every Required item the member's own plan has due in weeks `weeks`. */
  async function readWeeks(userId: string, weeks: readonly number[], at: Date) {
    for (const weekNumber of weeks) {
      const week = await bot.test.app.services.study.week({ guildId: bot.guild.id, userId, cohort: null, now: at, weekNumber });
      for (const day of week.week.days)
        for (const item of day.items)
          if (item.kind === "Required")
            await bot.test.app.services.study.complete({ guildId: bot.guild.id, userId, cohort: null, item: String(item.id), now: at });
    }
  }

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-12T12:00:00Z") });
    cohort = await bot.createCohort({ start: "2027-01-04" });
  });
  afterAll(async () => bot.close());

  it("counts no day of a cohort break week towards quiet: a member who read everything before the break is on track", async () => {
    const ada = await join("ada");
    // Tuesday of week 2: week 3 becomes a break.
    await admin("cohort break", { cohort: String(cohort.id), week: 3 });
    await readWeeks(ada.id, [1, 2], new Date("2027-01-15T12:00:00Z"));
    try {
      // Friday of the break week: nothing was expected of anyone since ada's last reading.
      bot.clock.set(new Date("2027-01-22T12:00:00Z"));
      const during = await admin("cohort roster");
      expect(rosterGroupOf(during, ada.id)).toBe("On track");
      expect(buttonsOf(during).map((button) => button.label)).not.toContain("Nudge ada");
      // Monday after it: four of the last five study days are before the break, and she read on one of them.
      bot.clock.set(new Date("2027-01-25T12:00:00Z"));
      const after = await admin("cohort roster");
      expect(rosterGroupOf(after, ada.id)).toBe("On track");
      expect(lineOf(after, ada.id)).toContain("on pace");
    } finally {
      bot.clock.set(new Date("2027-01-12T12:00:00Z"));
    }
  });

  describe("members' own days off, streaks and standing", () => {
    let summer: Cohort;
    const wednesday = new Date("2027-01-20T12:00:00Z");

    async function joinSummer(username: string) {
      const user = bot.member(username);
      await bot.join(user, summer, { at: joinedAt });
      return user;
    }

    async function member(userId: string, name: string, options: CommandOptionsInput = {}) {
      const handle = bot.run(userId, name, options);
      const message = await handle.final();
      expect(handle.failed).toBe(false);
      return message;
    }

    const roster = () => admin("cohort roster", { cohort: String(summer.id) });
    const nudgeButton = (message: EmulatorMessage, name: string) =>
      buttonsOf(message).find((button) => button.label === `Nudge ${name}`)?.customId ?? "";

    beforeAll(async () => {
      summer = await bot.test.app.services.cohorts.create({
        guildId: bot.guild.id,
        actorId: bot.admin.id,
        name: "Backend Summer 2027",
        curriculum: "backend-engineer-learning-path",
        channelId: bot.channel.id,
        start: "2027-01-04",
      });
    });

    it("offers no Nudge to a member on days off, says until when, and a Nudge pressed before their break sends nothing", async () => {
      bot.clock.set(wednesday);
      try {
        const bea = await joinSummer("bea");
        const before = await roster();
        expect(rosterGroupOf(before, bea.id)).toBe("Behind");
        const stale = nudgeButton(before, "bea");
        expect(stale).not.toBe("");
        expect(visibleText(await member(bea.id, "break", { from: "2027-01-20", to: "2027-01-29" }))).toContain("Days off");
        const during = await roster();
        expect(rosterGroupOf(during, bea.id)).toBe("Behind");
        expect(lineOf(during, bea.id)).toContain("days off until Fri, 29 Jan 2027");
        expect(nudgeButton(during, "bea")).toBe("");
        const answer = visibleText(await bot.click(bot.admin.id, before.id, stale).final());
        expect(answer).toContain("is on days off until Fri, 29 Jan 2027, so no DM was sent");
        expect(bot.emulator.dmMessages(bea.id)).toHaveLength(0);
        // A Spanish-speaking admin reads it in Spanish.
        const directora = bot.emulator.createMember(bot.guild.id, { username: "jefa", locale: "es-ES", manageGuild: true });
        const spanish = await bot.reply(directora.id, "cohort roster", { cohort: String(summer.id) });
        expect(lineOf(spanish, bea.id)).toContain("días libres hasta el");
      } finally {
        bot.clock.set(new Date("2027-01-12T12:00:00Z"));
      }
    });

    it("sends nothing from a Nudge pressed before the member caught up", async () => {
      bot.clock.set(wednesday);
      try {
        const cal = await joinSummer("cal");
        const before = await roster();
        expect(rosterGroupOf(before, cal.id)).toBe("Behind");
        await readWeeks(cal.id, [1, 2, 3], wednesday);
        expect(rosterGroupOf(await roster(), cal.id)).toBe("On track");
        const answer = visibleText(await bot.click(bot.admin.id, before.id, nudgeButton(before, "cal")).final());
        expect(answer).toContain("is on track now, so no DM was sent");
        expect(bot.emulator.dmMessages(cal.id)).toHaveLength(0);
      } finally {
        bot.clock.set(new Date("2027-01-12T12:00:00Z"));
      }
    });

    it("shows the streak the member's own /progress shows, their days off kept out of it", async () => {
      const dan = await joinSummer("dan");
      const items: number[] = [];
      for (const weekNumber of [2, 3]) {
        const week = await bot.test.app.services.study.week({
          guildId: bot.guild.id,
          userId: dan.id,
          cohort: null,
          now: wednesday,
          weekNumber,
        });
        for (const day of week.week.days) for (const item of day.items) if (item.kind === "Required") items.push(item.id);
      }
      const readOn = async (date: string) => {
        const at = new Date(`${date}T12:00:00Z`);
        bot.clock.set(at);
        await bot.test.app.services.study.complete({
          guildId: bot.guild.id,
          userId: dan.id,
          cohort: null,
          item: String(items.shift()),
          now: at,
        });
      };
      try {
        for (const date of ["2027-01-11", "2027-01-12", "2027-01-13", "2027-01-14", "2027-01-15"]) await readOn(date);
        // Friday: Monday and Tuesday next week off.
        await member(dan.id, "break", { from: "2027-01-18", to: "2027-01-19" });
        await readOn("2027-01-20");
        const progress = visibleText(await member(dan.id, "progress"));
        const own = /Streak: \*\*(\d+) study day/.exec(progress)?.[1];
        expect(own).toBe("6");
        expect(lineOf(await roster(), dan.id)).toContain(`streak ${own}`);
      } finally {
        bot.clock.set(new Date("2027-01-12T12:00:00Z"));
      }
    });
  });

  it("lists all 20 members of a page, however long their lines: long names, Spanish, days off", async () => {
    const winter = await bot.test.app.services.cohorts.create({
      guildId: bot.guild.id,
      actorId: bot.admin.id,
      name: "Backend Winter 2027",
      curriculum: "backend-engineer-learning-path",
      channelId: bot.channel.id,
      start: "2027-01-04",
    });
    await admin("cohort break", { cohort: String(winter.id), week: 3 });
    const ids: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const user = bot.member(`winter${index}`);
      // 32 characters, Discord's longest display name, each underscore escaped in the reply.
      await bot.join(user, winter, { name: `${"_".repeat(30)}${10 + index}`, at: joinedAt });
      ids.push(user.id);
    }
    const jefe = bot.emulator.createMember(bot.guild.id, { username: "jefe", locale: "es-ES", manageGuild: true });
    bot.clock.set(new Date("2027-01-22T12:00:00Z"));
    try {
      const page = await bot.reply(jefe.id, "cohort roster", { cohort: String(winter.id) });
      expect(lineOf(page, ids[0] ?? "")).toContain("días libres hasta el");
      expect(ids.filter((id) => lineOf(page, id) === "")).toEqual([]);
      expect(visibleText(page)).toContain("Página 1 de 1");
    } finally {
      bot.clock.set(new Date("2027-01-12T12:00:00Z"));
    }
  });
});

describe("/cohort roster with a member whose stored reminder zone the runtime no longer knows", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-12T12:00:00Z") });
  });
  afterAll(async () => bot.close());

  it("lists them in the cohort's zone instead of failing the page", async () => {
    const cohort = await bot.createCohort({ start: "2027-01-04" });
    const ada = bot.member("ada");
    await bot.join(ada, cohort, { at: joinedAt });
    // A zone a later time-zone database dropped (stored when it was valid).
    await bot.test.app.database.prisma.member.updateMany({ where: { userId: ada.id }, data: { remindTimeZone: "Mars/Olympus_Mons" } });
    const handle = bot.run(bot.admin.id, "cohort roster", { cohort: String(cohort.id) });
    const page = await handle.final();
    expect(handle.failed).toBe(false);
    expect(lineOf(page, ada.id)).not.toBe("");
    expect(visibleText(await bot.reply(ada.id, "today"))).toContain("Week 2");
    // Their /remind shows and sets reminders in the cohort's zone too, instead of an error about a zone they did not type.
    await bot.test.app.database.prisma.member.updateMany({ where: { userId: ada.id }, data: { remindTime: "18:00" } });
    expect(visibleText(await bot.reply(ada.id, "remind"))).toContain("(UTC)");
    expect(visibleText(await bot.reply(ada.id, "remind", { time: "19:00" }))).toContain("**19:00** (UTC)");
  });
});

describe("a facilitator who loses Manage Server with a roster open", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-20T12:00:00Z") });
  });
  afterAll(async () => bot.close());

  it("can no longer nudge or page from it", async () => {
    const cohort = await bot.createCohort({ start: "2027-01-04" });
    const members = [];
    for (let index = 0; index < 21; index += 1) {
      const user = bot.member(`m${index}`);
      await bot.join(user, cohort, { at: joinedAt });
      members.push(user);
    }
    const coach = bot.member("coach", { manageGuild: true });
    const roster = await bot.reply(coach.id, "cohort roster");
    const nudge = buttonsOf(roster).find((button) => button.label.startsWith("Nudge"));
    const next = buttonsOf(roster).find((button) => button.label === "Next ▶");
    expect(nudge).toBeDefined();
    expect(next).toBeDefined();
    bot.emulator.setMemberManageGuild(bot.guild.id, coach.id, false);
    for (const button of [nudge, next]) {
      const answer = visibleText(await bot.click(coach.id, roster.id, button?.customId ?? "").final());
      expect(answer).toContain("Manage Server");
    }
    expect(members.flatMap((member) => bot.emulator.dmMessages(member.id))).toEqual([]);
    expect(visibleText(bot.emulator.message(roster.id) ?? roster)).toContain("Page 1 of 2");
  });
});

describe("/cohort export of a cohort too large for one Discord attachment", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-20T12:00:00Z") });
  });
  afterAll(async () => bot.close());

  it("refuses it, naming Discord's 10 MB limit, and sends no file", async () => {
    const cohort = await bot.createCohort({ start: "2027-01-04" });
    const { prisma } = bot.test.app.database;
    // Beyond 10 MB in few rows: 600 members whose names (longer than Discord's, to keep the test small) take 18 KB each.
    await prisma.member.createMany({
      data: Array.from({ length: 600 }, (_, index) => ({
        cohortId: cohort.id,
        userId: String(100_000_000_000_000_000n + BigInt(index)),
        displayName: `${"Long name ".repeat(1_800)}${index}`,
        joinedAt,
      })),
    });
    const message = await bot.reply(bot.admin.id, "cohort export", { cohort: String(cohort.id) });
    expect(message.attachments).toHaveLength(0);
    expect(visibleText(message)).toContain("larger than Discord's 10 MB attachment limit");
  });
});
