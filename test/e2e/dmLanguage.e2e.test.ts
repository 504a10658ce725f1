import { beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, tickAt, useBotHarness } from "../helpers/botHarness.js";

/** Tuesday of week 1 of cohorts that start on Monday 2027-01-04: members join and set their reminders. */
const joinDay = new Date("2027-01-05T12:00:00Z");
/** Wednesday of week 3: members who logged nothing are behind (the roster offers to nudge them). */
const nudgeDay = new Date("2027-01-20T12:00:00Z");

const englishReminder = "⏰ Reading reminder · ";
const spanishReminder = "⏰ Recordatorio de estudio · ";

/**
 * Reminder and Nudge DMs are private messages: they follow the member's Discord language (stored when they
 * `/join`, `/remind` or change `/privacy`), as private replies do, and the cohort's language when the bot
 * knows none the member reads (a locale not shipped, or a member from before locales were stored).
 */
describe("reminder and nudge DMs in the member's own language", () => {
  const harness = useBotHarness({ now: joinDay });
  const users = new Map<string, { id: string; username: string }>();
  const userId = (name: string) => users.get(name)?.id ?? "";
  const user = (name: string) => {
    const found = users.get(name);
    if (found === undefined) throw new Error(`no user ${name}`);
    return found;
  };
  const dmTitles = (name: string) => harness.bot.emulator.dmMessages(userId(name)).map((dm) => dm.embeds[0]?.title ?? "");

  beforeAll(async () => {
    const { bot } = harness;
    const { prisma } = bot.test.app.database;
    const readers = await bot.createCohort({ name: "Readers", start: "2027-01-04" });
    const lectores = await bot.createCohort({ name: "Lectores", start: "2027-01-04", language: "es" });
    for (const [name, locale] of [
      ["ana", "es-ES"],
      ["luis", "es-419"],
      ["bea", "en-US"],
      ["cid", "fr"],
      ["dan", "en-US"],
      ["eva", "en-GB"],
      ["fay", "en-US"],
      ["gus", "es-ES"],
      ["hal", "es-ES"],
      ["ivy", "es-419"],
      ["jon", "en-GB"],
    ] as const) {
      users.set(name, bot.emulator.createMember(bot.guild.id, { username: name, locale }));
    }
    // Ana joins the English cohort from a Spanish Discord and sets her reminder.
    await bot.reply(userId("ana"), "join", { cohort: "Readers" });
    await bot.reply(userId("ana"), "remind", { time: "18:00" });
    // Luis was joined before locales were stored; his /privacy change (Latin American Spanish) stores his.
    await bot.join(user("luis"), readers);
    await bot.reply(userId("luis"), "privacy", { nudges: "on" });
    // Bea too, in the Spanish cohort, with a reminder set back then: no locale is known for her.
    await bot.join(user("bea"), lectores);
    await prisma.member.updateMany({ where: { userId: userId("bea") }, data: { remindTime: "18:00" } });
    // Eva too; her /join again (already a member) stores her English.
    await bot.join(user("eva"), lectores);
    await prisma.member.updateMany({ where: { userId: userId("eva") }, data: { remindTime: "18:00" } });
    await bot.reply(userId("eva"), "join", { cohort: "Lectores" });
    // Cid's French is not shipped; Dan reads English in the Spanish cohort.
    for (const name of ["cid", "dan"]) {
      await bot.reply(userId(name), "join", { cohort: "Lectores" });
      await bot.reply(userId(name), "remind", { time: "18:00" });
    }

    // Fay joins the English cohort from an English Discord, switches Discord to Spanish and joins the Spanish one.
    await bot.reply(userId("fay"), "join", { cohort: "Readers" });
    await bot.reply(userId("fay"), "remind", { time: "18:00" });
    bot.emulator.setUserLocale(userId("fay"), "es-ES");
    await bot.reply(userId("fay"), "join", { cohort: "Lectores" });
    await bot.reply(userId("fay"), "remind", { cohort: "Lectores", time: "18:00" });
    // Jon was joined to both before locales were stored, with a reminder in the Spanish cohort; he sets one in the English.
    for (const cohort of [lectores, readers]) await bot.join(user("jon"), cohort);
    await prisma.member.updateMany({ where: { userId: userId("jon") }, data: { remindTime: "18:00" } });
    await bot.reply(userId("jon"), "remind", { cohort: "Readers", time: "18:00" });
    // Gus, Hal and Ivy were joined before locales were stored; their /remind stores theirs: a time, off:True, timezone:cohort.
    for (const name of ["gus", "hal", "ivy"]) await bot.join(user(name), readers);
    await bot.reply(userId("gus"), "remind", { time: "18:00" });
    await prisma.member.updateMany({ where: { userId: userId("hal") }, data: { remindTime: "18:00" } });
    await bot.reply(userId("hal"), "remind", { off: true });
    await bot.reply(userId("ivy"), "remind", { timezone: "cohort" });

    bot.clock.set(nudgeDay);
    const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: "Readers" });
    for (const name of ["ana", "luis", "hal", "ivy"]) {
      const nudge = buttonsOf(roster).find((button) => button.label === `Nudge ${name}`);
      if (nudge === undefined) throw new Error(`no Nudge button for ${name}`);
      await bot.click(bot.admin.id, roster.id, nudge.customId).final();
    }
    await tickAt(bot, "2027-01-20T18:00:00Z");
  });

  it("nudges a Spanish-speaking member of an English cohort in Spanish (es-ES and es-419)", () => {
    expect(dmTitles("ana")[0]).toBe("Un saludo de Readers");
    expect(dmTitles("luis")).toEqual(["Un saludo de Readers"]);
  });

  it("reminds a Spanish-speaking member of an English cohort in Spanish", () => {
    expect(dmTitles("ana")).toEqual(["Un saludo de Readers", `${spanishReminder}Readers`]);
  });

  it("reminds an English-speaking member of a Spanish cohort in English", () => {
    expect(dmTitles("dan")).toEqual([`${englishReminder}Lectores`]);
  });

  it("stores the locale of a /join by a member already in the cohort", () => {
    expect(dmTitles("eva")).toEqual([`${englishReminder}Lectores`]);
  });

  it("falls back on the cohort's language for a locale not shipped and for a member with none stored", () => {
    expect(dmTitles("cid")).toEqual([`${spanishReminder}Lectores`]);
    expect(dmTitles("bea")).toEqual([`${spanishReminder}Lectores`]);
  });

  it("words every reminder of a member in the language of their last /join, in each of their cohorts", () => {
    expect(dmTitles("fay").sort()).toEqual([`${spanishReminder}Lectores`, `${spanishReminder}Readers`]);
  });

  it("words every reminder of a member in the language of their last /remind, in each of their cohorts", () => {
    expect(dmTitles("jon").sort()).toEqual([`${englishReminder}Lectores`, `${englishReminder}Readers`]);
  });

  it("stores the locale of /remind time:, off:True and timezone:cohort by a member who joined before locales were stored", () => {
    expect(dmTitles("gus")).toEqual([`${spanishReminder}Readers`]);
    expect(dmTitles("hal")).toEqual(["Un saludo de Readers"]);
    expect(dmTitles("ivy")).toEqual(["Un saludo de Readers"]);
  });

  it("lists the stored locale in /privacy export", async () => {
    const { bot } = harness;
    const exported = await bot.test.app.services.privacy.export(bot.guild.id, userId("ana"), nudgeDay);
    if (!("file" in exported)) throw new Error("export refused");
    // Never uploaded: free the member's turn as the router would once the upload ended.
    exported.release();
    const file = JSON.parse(exported.file.toString("utf8")) as { memberships: { cohortName: string; locale: string | null }[] };
    expect(file.memberships.map(({ cohortName, locale }) => [cohortName, locale])).toEqual([["Readers", "es-ES"]]);
  });
});
