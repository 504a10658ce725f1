import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

const now = new Date("2027-01-06T12:00:00Z");

describe("admin commands' autocomplete is for whoever may run them (Manage Server)", () => {
  let bot: BotHarness;
  let cohort: Cohort;

  beforeAll(async () => {
    bot = await startBotHarness({ now });
    cohort = await bot.createCohort({ start: "2027-01-04" });
  });
  afterAll(async () => bot.close());

  it("a member without Manage Server cannot list another member's completed items through it", async () => {
    const bob = bot.member("bob");
    const eve = bot.member("eve");
    for (const user of [bob, eve]) await bot.join(user, cohort, { at: now });
    const item = await bot.test.app.database.prisma.item.findFirstOrThrow({
      where: { curriculumId: cohort.curriculumId, kind: "Required", retired: false },
      orderBy: { id: "asc" },
    });
    await bot.test.app.services.study.complete({ guildId: bot.guild.id, userId: bob.id, cohort: null, item: String(item.id), now });
    // bob keeps his progress private: eve's /progress member:bob is refused.
    await bot.reply(bob.id, "privacy", { leaderboard: "hidden" });
    expect(visibleText(await bot.reply(eve.id, "progress", { member: bob.id }))).toContain("keeps their progress private");
    // The bot refuses the command itself to eve (a server's command permission override can show it to her)...
    const refused = await bot
      .runIgnoringDefaultPermissions(eve.id, "cohort credit", {
        cohort: String(cohort.id),
        member: bob.id,
        item: String(item.id),
        undo: true,
      })
      .final();
    expect(visibleText(refused)).toContain("Manage Server");
    // ...and so does its autocomplete: no list of what bob has done, nor of the server's cohorts.
    const suggest = (userId: string, focused: "item" | "cohort") =>
      bot.emulator.autocomplete({
        guildId: bot.guild.id,
        channelId: bot.channel.id,
        userId,
        name: "cohort credit",
        options: { cohort: focused === "cohort" ? "" : String(cohort.id), member: bob.id, undo: true, item: "" },
        focused,
        ignoreDefaultMemberPermissions: true,
      });
    expect((await suggest(eve.id, "item")).map((choice) => choice.name)).toEqual([]);
    expect((await suggest(eve.id, "cohort")).map((choice) => choice.name)).toEqual([]);
    // An admin still gets both.
    const adminItems = await suggest(bot.admin.id, "item");
    expect(adminItems.map((choice) => choice.value)).toEqual([String(item.id)]);
    expect(adminItems[0]?.name).toContain(`✓ ${item.title}`);
    expect((await suggest(bot.admin.id, "cohort")).length).toBe(1);
  });

  it("/curriculum's curriculum autocomplete offers nothing to a member without Manage Server, and the list to an admin", async () => {
    const eve = bot.member("eve");
    const suggest = (userId: string, name: "curriculum show" | "curriculum list") =>
      bot.emulator.autocomplete({
        guildId: bot.guild.id,
        channelId: bot.channel.id,
        userId,
        name,
        options: { curriculum: "" },
        focused: "curriculum",
        ignoreDefaultMemberPermissions: true,
      });
    for (const name of ["curriculum show", "curriculum list"] as const) {
      expect(await suggest(eve.id, name)).toEqual([]);
      expect((await suggest(bot.admin.id, name)).length).toBeGreaterThan(0);
    }
  });
});
