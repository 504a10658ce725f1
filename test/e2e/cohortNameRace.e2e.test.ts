import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { restartBot } from "../helpers/restartBot.js";
import type { TestApp } from "../helpers/testApp.js";

/**
 * Cohort names are one per server in any capitals. The bot checks before it writes, but two admins
 * creating (or renaming) at the same moment both pass that check: the database decides, and the one
 * that loses gets the same answer as a name already taken.
 */
describe("two cohorts named alike at the same moment", () => {
  let bot: BotHarness;
  let second: { id: string };

  const create = (userId: string, name: string) =>
    bot.run(userId, "cohort create", { name, curriculum: "backend-engineer-learning-path", channel: bot.channel.id, start: "2027-01-04" });
  const namesInServer = async () =>
    (await bot.test.app.database.prisma.cohort.findMany({ where: { guildId: bot.guild.id }, orderBy: { id: "asc" } })).map(
      (row) => row.name,
    );

  beforeAll(async () => {
    bot = await startBotHarness();
    second = bot.member("second-admin", { manageGuild: true });
  }, 120_000);
  afterAll(async () => bot.close());

  it("creates one of /cohort create name:Alpha and name:alpha sent together, and tells the other admin the name is taken", async () => {
    const replies = await Promise.all([create(bot.admin.id, "Alpha").final(), create(second.id, "alpha").final()]);

    const names = await namesInServer();
    expect(names).toHaveLength(1);
    const [winner] = names;
    const refused = replies.filter((reply) => /already has a cohort called/.test(visibleText(reply)));
    // The one refused is told privately which cohort has the name: the one that was created.
    expect(refused.map((reply) => ({ named: visibleText(reply).includes(`called **${winner}**`), ephemeral: reply.ephemeral }))).toEqual([
      { named: true, ephemeral: true },
    ]);
  });

  it("keeps two renames to the same name in other capitals from both succeeding", async () => {
    for (const name of ["Beta One", "Beta Two"]) expect(visibleText(await create(bot.admin.id, name).final())).not.toMatch(/already/);
    const rename = (userId: string, cohort: string, name: string) => bot.run(userId, "cohort edit", { cohort, name }).final();

    const replies = await Promise.all([rename(bot.admin.id, "Beta One", "Gamma"), rename(second.id, "Beta Two", "GAMMA")]);

    const gammas = (await namesInServer()).filter((name) => name.toLowerCase() === "gamma");
    expect(gammas).toHaveLength(1);
    expect(replies.filter((reply) => /already has a cohort called/.test(visibleText(reply)))).toHaveLength(1);
  });
});

/**
 * Cohorts from before the name key: the migration folded their names with SQL lower(), which on SQLite
 * leaves capitals other than A-Z. The next start folds them as the bot does.
 */
describe("a cohort named with accented capitals before names were keyed", () => {
  let bot: BotHarness;
  let restarted: TestApp | undefined;

  afterAll(async () => {
    await restarted?.close();
    await bot.close();
  });

  it("is keyed in any capitals after the next start, and two such names that fold alike both stay", async () => {
    bot = await startBotHarness();
    const { prisma } = bot.test.app.database;
    const { id: curriculumId } = await prisma.curriculum.findFirstOrThrow({ where: { slug: "backend-engineer-learning-path" } });
    const oldRow = (name: string) =>
      createCohortRow(prisma, curriculumId, {
        guildId: bot.guild.id,
        channelId: bot.channel.id,
        name,
        nameKey: name.replace(/[A-Z]/g, (c) => c.toLowerCase()),
      });
    await oldRow("Ñandú Club");
    // Alike in any capitals, but stored before the index, with keys lower() kept apart.
    await oldRow("Élan");
    await oldRow("élan");

    restarted = await restartBot(bot);

    const reply = await bot
      .run(bot.admin.id, "cohort create", {
        name: "ñandú club",
        curriculum: "backend-engineer-learning-path",
        channel: bot.channel.id,
        start: "2027-01-04",
      })
      .final();
    expect(visibleText(reply)).toContain("already has a cohort called **Ñandú Club**");
    // The bot's check reads the names themselves; the keys are what the database's own guarantee (its
    // unique index, the arbiter of two admins at the same moment) compares.
    const rows = await restarted.app.database.prisma.cohort.findMany({ where: { guildId: bot.guild.id }, orderBy: { id: "asc" } });
    expect(rows.map((row) => row.name)).toEqual(["Ñandú Club", "Élan", "élan"]);
    // "élan" already had the folded key: "Élan" gets the migration's clash suffix (a line break and its id).
    expect(rows.map((row) => row.nameKey)).toEqual(["ñandú club", `élan\n${rows[1]?.id}`, "élan"]);
  }, 120_000);
});

/**
 * Two cohorts from before the name key whose names SQLite's lower() folded alike: the second got the
 * migration's clash suffix on a key that kept its accented capital ("Œuvre\n<id>"). The next start folds
 * that key too, suffix kept, so a name typed in any capitals finds both and asks which.
 */
describe("a legacy twin whose suffixed key kept an accented capital", () => {
  let bot: BotHarness;
  let restarted: TestApp | undefined;

  afterAll(async () => {
    await restarted?.close();
    await bot.close();
  });

  it("is found in any capitals after the next start, with its suffix kept", async () => {
    bot = await startBotHarness();
    const { prisma } = bot.test.app.database;
    const { id: curriculumId } = await prisma.curriculum.findFirstOrThrow({ where: { slug: "backend-engineer-learning-path" } });
    const place = { guildId: bot.guild.id, channelId: bot.channel.id, startDate: "2027-01-04" };
    // As the migration left them: lower("Œuvre") and lower("ŒUVRE") are both "Œuvre" on SQLite.
    await createCohortRow(prisma, curriculumId, { ...place, name: "Œuvre", nameKey: "Œuvre" });
    const twin = await createCohortRow(prisma, curriculumId, { ...place, name: "ŒUVRE", nameKey: "Œuvre\npending" });
    await prisma.cohort.update({ where: { id: twin.id }, data: { nameKey: `Œuvre\n${twin.id}` } });
    // A legacy name holding a line break: no suffix, however its key reads after that break (the key reads
    // the break as the space it shows as, as for any run of spaces).
    await createCohortRow(prisma, curriculumId, { ...place, name: "Ñu\nClub", nameKey: "Ñu\nclub" });

    restarted = await restartBot(bot);

    const joiner = bot.member("joiner");
    const reply = await bot.run(joiner.id, "join", { cohort: "œuvre" }).final();
    expect(visibleText(reply)).toContain("Several cohorts have a name that reads as **œuvre**: **Œuvre**, **ŒUVRE**.");
    expect(await restarted.app.database.prisma.member.count({ where: { userId: joiner.id } })).toBe(0);
    const keys = await restarted.app.database.prisma.cohort.findMany({ where: { guildId: bot.guild.id }, orderBy: { id: "asc" } });
    expect(keys.map((row) => row.nameKey)).toEqual(["œuvre", `œuvre\n${twin.id}`, "ñu club"]);
  }, 120_000);
});
