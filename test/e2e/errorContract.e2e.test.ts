import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import type { CommandOptionsInput } from "../../src/emulator/buildCommandOptions.js";
import { answered, buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** The cohort starts Monday 2027-01-04 (UTC); "now" is Tuesday of week 1, 10:00. */
const cohortName = "Backend Spring 2027";

describe("the error contract across commands, in English and Spanish", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: cohortName });
  });
  afterAll(async () => bot.close());

  const member = (username: string, locale = "en-US") => bot.emulator.createMember(bot.guild.id, { username, locale });
  const run = async (userId: string, name: string, options: CommandOptionsInput = {}) => answered(bot.run(userId, name, options));
  const joined = async (username: string, locale = "en-US") => {
    const created = member(username, locale);
    await run(created.id, "join", { cohort: cohortName });
    return created;
  };

  describe("time-zone abbreviations", () => {
    const reminderOf = async (userId: string) => {
      const row = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId, cohort: { name: cohortName } } });
      return { time: row.remindTime, timeZone: row.remindTimeZone };
    };

    it("refuses EST, BST and IST in /remind instead of reading them as Panama, Bangladesh and India", async () => {
      const ada = await joined("ada-zones");
      await run(ada.id, "remind", { time: "07:15", timezone: "America/New_York" });
      for (const [typed, readAs] of [
        ["EST", "America/Panama"],
        ["bst", "Asia/Dhaka"],
        ["IST", "Asia/Calcutta"],
        ["ART", "Africa/Cairo"],
        ["AST", "America/Anchorage"],
      ] as const) {
        const refusal = await run(ada.id, "remind", { time: "08:00", timezone: typed });
        expect(refusal.ephemeral).toBe(true);
        const text = visibleText(refusal);
        expect(text).toContain(`"${typed}" is an abbreviation`);
        expect(text).toContain(readAs);
        expect(text).toContain("America/New_York");
      }
      expect(await reminderOf(ada.id)).toEqual({ time: "07:15", timeZone: "America/New_York" });
    });

    it("keeps accepting UTC in any capitals and IANA names in any capitals", async () => {
      const lin = await joined("lin-zones");
      expect(visibleText(await run(lin.id, "remind", { time: "08:00", timezone: "utc" }))).toContain("**08:00** (UTC)");
      expect(visibleText(await run(lin.id, "remind", { timezone: "Europe/london" }))).toContain("**08:00** (Europe/London)");
      expect(visibleText(await run(lin.id, "remind", { timezone: "Etc/GMT+5" }))).toContain("**08:00** (Etc/GMT+5)");
      // One-word names of places, zones that keep summer time, and spellings of UTC mean what they say.
      expect(visibleText(await run(lin.id, "remind", { timezone: "Singapore" }))).toContain("**08:00** (Asia/Singapore)");
      expect(visibleText(await run(lin.id, "remind", { timezone: "EST5EDT" }))).toContain("**08:00** (America/New_York)");
      expect(visibleText(await run(lin.id, "remind", { timezone: "GMT+0" }))).toContain("**08:00** (UTC)");
      expect(visibleText(await run(lin.id, "remind", { timezone: "CET" }))).toContain("**08:00** (Europe/Brussels)");
    });

    it("says so in Spanish", async () => {
      const lucia = await joined("lucia-zones", "es-ES");
      const text = visibleText(await run(lucia.id, "remind", { time: "08:00", timezone: "CST" }));
      expect(text).toContain("«CST» es una abreviatura");
      expect(text).toContain("Europe/Madrid");
      expect(await reminderOf(lucia.id)).toEqual({ time: null, timeZone: null });
    });

    it("refuses them in /cohort create and /cohort edit, changing nothing", async () => {
      const cohorts = () => bot.test.app.database.prisma.cohort.findMany({ orderBy: { id: "asc" } });
      const before = await cohorts();
      const created = await run(bot.admin.id, "cohort create", {
        name: "Zoned",
        curriculum: "backend-engineer-learning-path",
        channel: bot.channel.id,
        start: "2027-01-04",
        timezone: "PST",
      });
      expect(created.ephemeral).toBe(true);
      expect(visibleText(created)).toContain('"PST" is an abbreviation');
      const edited = await run(bot.admin.id, "cohort edit", { cohort: cohortName, timezone: "EST" });
      expect(visibleText(edited)).toContain('"EST" is an abbreviation');
      expect(await cohorts()).toEqual(before);
    });
  });
  describe("an ended cohort", () => {
    const ended = "Ended Cohort";
    let ada: { id: string };
    let lucia: { id: string };
    beforeAll(async () => {
      await bot.createCohort({ name: ended });
      ada = member("ada-ended");
      lucia = member("lucia-ended", "es-ES");
      for (const who of [ada, lucia]) await run(who.id, "join", { cohort: ended });
      await run(bot.admin.id, "cohort end", { cohort: ended });
    });

    it("shows /today without Done buttons it would refuse, and says why", async () => {
      const today = await run(ada.id, "today", { cohort: ended });
      expect(visibleText(today)).toContain("This cohort has ended: it takes no more completions");
      expect(buttonsOf(today)).toEqual([]);
      const spanish = await run(lucia.id, "today", { cohort: ended });
      expect(visibleText(spanish)).toContain("Esta cohorte ha terminado: ya no se puede marcar nada como hecho");
      expect(buttonsOf(spanish)).toEqual([]);
    });

    it("refuses /cohort announce and /cohort break with the admin's reason, not the members'", async () => {
      const posts = bot.emulator.channelMessages(bot.channel.id).length;
      for (const [command, options] of [
        ["cohort announce", { cohort: ended, kind: "week" }],
        ["cohort break", { cohort: ended, week: 8 }],
      ] as const) {
        const text = visibleText(await run(bot.admin.id, command, options));
        expect(text).toContain(`**${ended}** has ended: nothing more is posted in its channel, and its schedule no longer changes.`);
        expect(text).not.toContain("new members or completions");
      }
      const jefa = bot.emulator.createMember(bot.guild.id, { username: "jefa-ended", locale: "es-419", manageGuild: true });
      expect(visibleText(await run(jefa.id, "cohort announce", { cohort: ended, kind: "leaderboard" }))).toContain(
        "ya no se publica nada en su canal",
      );
      expect(bot.emulator.channelMessages(bot.channel.id)).toHaveLength(posts);
      expect(await bot.test.app.database.prisma.cohortBreak.count()).toBe(0);
    });

    it("shows /pace without mode buttons it would refuse, and says why", async () => {
      const pace = await run(ada.id, "pace", { cohort: ended });
      expect(visibleText(pace)).toContain("This cohort has ended, so your pace can no longer change");
      expect(buttonsOf(pace)).toEqual([]);
      const spanish = await run(lucia.id, "pace", { cohort: ended });
      expect(visibleText(spanish)).toContain("Esta cohorte ha terminado, así que tu ritmo ya no puede cambiar");
      expect(buttonsOf(spanish)).toEqual([]);
      // Still so once its weeks are over: no promise that reading logged now counts (an ended cohort takes none).
      const before = bot.clock.now();
      bot.clock.set(new Date(before.getTime() + 120 * 86_400_000));
      try {
        const late = visibleText(await run(ada.id, "pace", { cohort: ended }));
        expect(late).toContain("This cohort has ended, so your pace can no longer change");
        expect(late).not.toContain("still counts");
      } finally {
        bot.clock.set(before);
      }
    });
  });
  describe("old buttons", () => {
    const tinyPath = (items: readonly string[]) =>
      ["Tiny Study Path", "A short path.", "Week 1: Basics", ...items.map((title) => `- [ ] Required -- ${title} (20 min)`), ""].join("\n");

    it("answers a Done button whose item a curriculum update removed as out of date, not as an unknown typed item", async () => {
      const file = (items: readonly string[]) => ({ name: "tiny.md", content: tinyPath(items) });
      await run(bot.admin.id, "curriculum import", { file: file(["Alpha Reading", "Beta Reading", "Gamma Reading"]) });
      await bot.createCohort({ name: "Tiny Cohort", curriculum: "tiny-study-path" });
      const ada = member("ada-stale");
      const lucia = member("lucia-stale", "es-ES");
      const todays = [];
      for (const who of [ada, lucia]) {
        await run(who.id, "join", { cohort: "Tiny Cohort" });
        todays.push(await run(who.id, "today", { cohort: "Tiny Cohort" }));
      }
      const preview = await run(bot.admin.id, "curriculum import", { file: file(["Alpha Reading", "Gamma Reading"]) });
      const confirm = buttonsOf(preview).find((button) => button.customId.startsWith("import:confirm"));
      if (confirm === undefined) throw new Error("no Confirm button");
      await answered(bot.click(bot.admin.id, preview.id, confirm.customId));

      const [adaToday, luciaToday] = todays;
      if (adaToday === undefined || luciaToday === undefined) throw new Error("no /today");
      const staleId = (message: EmulatorMessage) => {
        const stale = buttonsOf(message).find((button) => button.label.endsWith("Beta Reading"));
        if (stale === undefined) throw new Error("no Beta Reading button");
        return stale.customId;
      };
      const english = await answered(bot.click(ada.id, adaToday.id, staleId(adaToday)));
      expect(english.ephemeral).toBe(true);
      expect(visibleText(english)).toContain("This button is out of date");
      expect(visibleText(english)).not.toContain("no item");
      const spanish = await answered(bot.click(lucia.id, luciaToday.id, staleId(luciaToday)));
      expect(visibleText(spanish)).toContain("Este botón está desactualizado");
      expect(await bot.test.app.database.prisma.completion.count({ where: { member: { userId: { in: [ada.id, lucia.id] } } } })).toBe(0);
    });
  });
  describe("/cohort audit", () => {
    it("names an edit's settings by their option names and an announcement by what it posted, in the admin's language", async () => {
      await bot.createCohort({ name: "Audited" });
      const jefa = bot.emulator.createMember(bot.guild.id, { username: "jefa-audit", locale: "es-ES", manageGuild: true });
      await run(jefa.id, "cohort edit", { cohort: "Audited", timezone: "Europe/Madrid", announce_time: "08:30" });
      await run(jefa.id, "cohort announce", { cohort: "Audited", kind: "checkpoint" });

      const spanish = visibleText(await run(jefa.id, "cohort audit", { cohort: "Audited" }));
      expect(spanish).toContain("cambió los ajustes · `zona_horaria`, `hora_anuncio`");
      expect(spanish).toContain("publicó un anuncio · el punto de control de Database Fundamentals");
      const english = visibleText(await run(bot.admin.id, "cohort audit", { cohort: "Audited" }));
      expect(english).toContain("edited the settings · `timezone`, `announce_time`");
      expect(english).toContain("posted an announcement · the checkpoint of Database Fundamentals");
      expect(english).not.toMatch(/timeZone|announceTime/);
    });
  });
  describe("/break dates", () => {
    it("names the one date that does not exist, not the pair", async () => {
      const ada = await joined("ada-break");
      const lucia = await joined("lucia-break", "es-419");
      const fromWrong = visibleText(await run(ada.id, "break", { cohort: cohortName, from: "2027-02-30", to: "2027-03-02" }));
      expect(fromWrong).toContain('"2027-02-30" is not a date that exists');
      const toWrong = visibleText(await run(ada.id, "break", { cohort: cohortName, from: "2027-02-26", to: "2027-02-29" }));
      expect(toWrong).toContain('"2027-02-29" is not a date that exists');
      expect(visibleText(await run(lucia.id, "break", { cohort: cohortName, from: "2027-01-20", to: "20-01-2027" }))).toContain(
        "«20-01-2027» no sigue el formato AAAA-MM-DD",
      );
      expect(visibleText(await run(lucia.id, "break", { cohort: cohortName, from: "2027-02-30", to: "2027-03-02" }))).toContain(
        "«2027-02-30» no es una fecha que exista",
      );
      expect(await bot.test.app.database.prisma.memberBreak.count()).toBe(0);
    });

    it("calls a date in another form a format problem, not a date that does not exist", async () => {
      const ada = await joined("ada-format");
      const lucia = await joined("lucia-format", "es-419");
      const english = visibleText(await run(ada.id, "break", { cohort: cohortName, from: "11/01/2027", to: "2027-01-12" }));
      expect(english).toContain('"11/01/2027" is not written as YYYY-MM-DD');
      expect(english).not.toContain("exist");
      const spanish = visibleText(await run(lucia.id, "break", { cohort: cohortName, from: "2027-01-11", to: "12/01/2027" }));
      expect(spanish).toContain("«12/01/2027» no sigue el formato AAAA-MM-DD");
      expect(spanish).not.toContain("exist");
      // A year cut short is named as such, not as a month or day to check.
      const shortYear = visibleText(await run(lucia.id, "break", { cohort: cohortName, from: "0027-01-11", to: "2027-01-12" }));
      expect(shortYear).toContain("«0027-01-11» tiene un año anterior al 1000: escribe `desde` y `hasta` con el año completo");
      expect(await bot.test.app.database.prisma.memberBreak.count()).toBe(0);
    });
  });

  describe("start dates", () => {
    it("tells a date in another form from one that does not exist, in /cohort create and edit", async () => {
      const jefa = bot.emulator.createMember(bot.guild.id, { username: "jefa-dates", locale: "es-ES", manageGuild: true });
      const cases = [
        ["cohort create", { name: "Format Cohort", curriculum: "backend-engineer-learning-path", channel: bot.channel.id }],
        ["cohort edit", { cohort: cohortName }],
      ] as const;
      for (const [command, options] of cases) {
        const format = visibleText(await run(bot.admin.id, command, { ...options, start: "11/01/2027" }));
        expect(format).toContain('"11/01/2027" is not written as YYYY-MM-DD');
        expect(format).not.toContain("exist");
        expect(visibleText(await run(bot.admin.id, command, { ...options, start: "2027-02-30" }))).toContain(
          '"2027-02-30" is not a date that exists',
        );
        expect(visibleText(await run(bot.admin.id, command, { ...options, start: "0999-01-01" }))).toContain(
          '"0999-01-01" has a year before 1000',
        );
        const formato = visibleText(await run(jefa.id, command, { ...options, start: "1 de enero" }));
        expect(formato).toContain("«1 de enero» no sigue el formato AAAA-MM-DD");
        expect(formato).not.toContain("exist");
        expect(visibleText(await run(jefa.id, command, { ...options, start: "2027-02-30" }))).toContain(
          "«2027-02-30» no es una fecha que exista",
        );
      }
      expect(await bot.test.app.database.prisma.cohort.count({ where: { name: "Format Cohort" } })).toBe(0);
    });
  });
});
