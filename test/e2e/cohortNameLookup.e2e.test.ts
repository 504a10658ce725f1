import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/**
 * A `cohort:` option typed by hand: the exact name, or the name in other capitals (accented ones too), finds
 * the cohort through the server's unique name key; a name no cohort has is refused and changes nothing.
 */
describe("a cohort named by hand in the cohort option", () => {
  let bot: BotHarness;

  const join = (userId: string, cohort: string) => bot.reply(userId, "join", { cohort });
  const membershipsOf = (userId: string) => bot.test.app.database.prisma.member.count({ where: { userId } });

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: "été 2027" });
  }, 120_000);
  afterAll(async () => bot.close());

  it("finds a cohort typed in accented capitals, for /join, /today and admin commands", async () => {
    const ada = bot.member("ada");
    expect(visibleText(await join(ada.id, "ÉTÉ 2027"))).toContain("Welcome to **été 2027**");
    expect(visibleText(await join(ada.id, "Été 2027"))).toContain("You're already a member of **été 2027**");
    expect(visibleText(await bot.reply(ada.id, "today", { cohort: "ÉTÉ 2027" }))).toContain("été 2027");
    const info = await bot.reply(bot.admin.id, "cohort info", { cohort: "  éTÉ 2027 " });
    expect(visibleText(info)).toContain("été 2027");
    expect(visibleText(info)).toMatch(/Members\n1\b/);
  });

  it("refuses a name no cohort of the server has, and joins nothing", async () => {
    const bob = bot.member("bob");
    const reply = await join(bob.id, "ÉTÉ 2028");
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain('There\'s no cohort called "ÉTÉ 2028" in this server');
    expect(await membershipsOf(bob.id)).toBe(0);
  });

  /** Two cohorts named alike from before the name key: the second keeps its name, with the migration's clash suffix (a line break and its id) in its key. */
  async function legacyTwins(plain: string, ...suffixedNames: string[]): Promise<void> {
    const { prisma } = bot.test.app.database;
    const { id: curriculumId } = await prisma.curriculum.findFirstOrThrow({ where: { slug: "backend-engineer-learning-path" } });
    const place = { guildId: bot.guild.id, channelId: bot.channel.id, startDate: "2027-01-04" };
    await createCohortRow(prisma, curriculumId, { ...place, name: plain });
    for (const suffixedName of suffixedNames) {
      const suffixed = await createCohortRow(prisma, curriculumId, { ...place, name: suffixedName, nameKey: `${plain}\npending` });
      await prisma.cohort.update({ where: { id: suffixed.id }, data: { nameKey: `${plain}\n${suffixed.id}` } });
    }
  }

  it("of two cohorts alike from before the name key, finds each by its own spelling and asks which for any other", async () => {
    await legacyTwins("élan", "Élan");
    expect(visibleText(await join(bot.member("cy").id, "Élan"))).toContain("Welcome to **Élan**");
    expect(visibleText(await join(bot.member("dee").id, "élan"))).toContain("Welcome to **élan**");
    const eve = bot.member("eve");
    const reply = await join(eve.id, "ÉLAN");
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain(
      "Several cohorts have a name that reads as **ÉLAN**: **élan**, **Élan**. Pick one from the list, or type it exactly as written (for a name shown with a #, type just that number).",
    );
    expect(await membershipsOf(eve.id)).toBe(0);
    const info = await bot.reply(bot.admin.id, "cohort info", { cohort: "ÉLAN" });
    expect(visibleText(info)).toContain("Several cohorts have a name that reads as **ÉLAN**: **élan**, **Élan**.");
  });

  it("names every cohort alike, not just the first two, when more than two share the name in other capitals", async () => {
    await legacyTwins("kilo", "Kilo", "KILO");
    const reply = await join(bot.member("hal").id, "kIlO");
    expect(visibleText(reply)).toContain("Several cohorts have a name that reads as **kIlO**: **kilo**, **Kilo**, **KILO**.");
    expect(await membershipsOf(bot.member("hal").id)).toBe(0);
  });

  it("reads _ and % in a typed name as themselves, not as patterns matching a suffixed key", async () => {
    await legacyTwins("abc", "ABC");
    const reply = await join(bot.member("gus").id, "A_C");
    expect(visibleText(reply)).toContain('There\'s no cohort called "A_C" in this server');
    expect(visibleText(await join(bot.member("gus").id, "A%"))).toContain('There\'s no cohort called "A%" in this server');
    expect(await membershipsOf(bot.member("gus").id)).toBe(0);
    // A backslash too is itself, not LIKE's escape.
    await legacyTwins("a\\b", "A\\B");
    expect(visibleText(await join(bot.member("gus").id, "a\\B"))).toContain(": **a\\\\b**, **A\\\\B**. Pick one");
  });

  it("once the plain key's holder is renamed, finds the other in any capitals and keeps its name taken", async () => {
    await legacyTwins("ñandú", "Ñandú");
    const renamed = await bot.reply(bot.admin.id, "cohort edit", { cohort: "ñandú", name: "Printemps" });
    expect(visibleText(renamed)).toContain("Printemps");
    expect(visibleText(await join(bot.member("fay").id, "ÑANDÚ"))).toContain("Welcome to **Ñandú**");
    const before = await bot.test.app.database.prisma.cohort.count();
    const create = await bot.reply(bot.admin.id, "cohort create", {
      name: "ñandú",
      curriculum: "backend-engineer-learning-path",
      channel: bot.channel.id,
      start: "2027-01-04",
    });
    expect(visibleText(create)).toContain("This server already has a cohort called **Ñandú**. Choose another name.");
    expect(await bot.test.app.database.prisma.cohort.count()).toBe(before);
  });
});
