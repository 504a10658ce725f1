import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/** Characters that hide or reorder text (bidi overrides and isolates, zero-width spaces). */
const hiding = /[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

/**
 * Autocomplete choices show names and titles as typed by admins: like every reply, a choice never reorders or
 * hides text (a curriculum titled "Reversed \u202eLIVE path" would read "Reversed htap EVIL" in the list).
 */
describe("autocomplete choices with names that hide or reorder text", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    const doc = "Reversed \u202eLIVE path\u202c\nWeek 1: Basics\n- [ ] Required -- First read (5 min)\n";
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "reversed.md", content: doc } });
  });
  afterAll(async () => bot.close());

  it("shows a curriculum's title in reading order", async () => {
    const choices = await bot.autocomplete(bot.admin.id, "curriculum show", "curriculum", { curriculum: "rev" });
    expect(choices).toEqual([{ name: "Reversed LIVE path", value: "reversed-live-path" }]);
  });

  it("shows a cohort named before invisible characters were dropped from names without them", async () => {
    const prisma = bot.test.app.database.prisma;
    const curriculum = await prisma.curriculum.findFirstOrThrow({ where: { slug: "reversed-live-path" } });
    await createCohortRow(prisma, curriculum.id, { guildId: bot.guild.id, channelId: bot.channel.id, name: "Spring\u202e 2027\u200b" });
    const choices = await bot.autocomplete(bot.admin.id, "cohort info", "cohort", { cohort: "spring" });
    expect(choices.map((choice) => choice.name)).toEqual(["Spring 2027"]);
    for (const choice of choices) expect(choice.name).not.toMatch(hiding);
  });

  it("leaves out a cohort whose old name shows nothing, and still offers the others (Discord refuses a list with an empty name)", async () => {
    const prisma = bot.test.app.database.prisma;
    const curriculum = await prisma.curriculum.findFirstOrThrow({ where: { slug: "reversed-live-path" } });
    await createCohortRow(prisma, curriculum.id, { guildId: bot.guild.id, channelId: bot.channel.id, name: "\u200b\u2060" });
    await createCohortRow(prisma, curriculum.id, { guildId: bot.guild.id, channelId: bot.channel.id, name: "\u200d\u3164\u2800" });
    const choices = await bot.autocomplete(bot.admin.id, "cohort info", "cohort", { cohort: "" });
    expect(choices.map((choice) => choice.name)).toEqual(["Spring 2027"]);
  });
});
