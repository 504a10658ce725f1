import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

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
