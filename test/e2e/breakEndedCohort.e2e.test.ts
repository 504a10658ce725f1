import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/cohort end` freezes a member's plan: `/pace` refuses, and so does `/break`,
 * both for new days off and for `off:True` (whose reply would promise
 * reminders and streak days that an ended cohort no longer has).
 */
describe("/break in a cohort an admin ended", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let lucia: { id: string };
  const cohortName = "Shortlived";
  const breaksOf = async (userId: string) =>
    bot.test.app.database.prisma.memberBreak.findMany({
      where: { member: { userId } },
      select: { fromDate: true, toDate: true },
      orderBy: { id: "asc" },
    });

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-11" });
    ada = bot.member("ada");
    lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(lucia.id, "join", { cohort: cohortName });
    expect(visibleText(await bot.reply(ada.id, "break", { from: "2027-01-14", to: "2027-01-15" }))).toContain("Days off from");
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName }))).toContain(cohortName);
  });
  afterAll(async () => bot.close());

  it("refuses new days off, saying why, and stores nothing", async () => {
    const reply = visibleText(await bot.reply(ada.id, "break", { from: "2027-01-20", to: "2027-01-21" }));
    expect(reply).not.toContain("Days off from");
    expect(reply).toContain(`**${cohortName}** has ended`);
    expect(await breaksOf(ada.id)).toEqual([{ fromDate: "2027-01-14", toDate: "2027-01-15" }]);
  });

  it("refuses off:True too rather than promise reminders that no longer come", async () => {
    const reply = visibleText(await bot.reply(ada.id, "break", { from: "2027-01-14", to: "2027-01-15", off: true }));
    expect(reply).not.toContain("reminders and streak days go on");
    expect(reply).toContain(`**${cohortName}** has ended`);
    expect(await breaksOf(ada.id)).toEqual([{ fromDate: "2027-01-14", toDate: "2027-01-15" }]);
  });

  it("says so in Spanish", async () => {
    const reply = visibleText(await bot.reply(lucia.id, "break", { from: "2027-01-20", to: "2027-01-21" }));
    expect(reply).toContain(`**${cohortName}** ha terminado`);
    expect(reply).not.toContain("Días libres del");
    expect(await breaksOf(lucia.id)).toEqual([]);
  });
});
