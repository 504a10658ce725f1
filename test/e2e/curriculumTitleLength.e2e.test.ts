import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_TITLE_CHARACTERS } from "../../src/domain/curriculum/parse/limits.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** A title of the longest length, each character a bold "𝐁" (two UTF-16 units): within the limit as an editor counts. */
const boldTitle = "𝐁".repeat(MAX_TITLE_CHARACTERS);
const path = [boldTitle, "Week 1: 🚀 Basics", "- [ ] Required -- 🚀 Alpha Reading (20 min)", ""].join("\n");

describe("a curriculum whose titles are emoji or fancy text", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  });
  afterAll(async () => bot.close());

  it(`imports a ${MAX_TITLE_CHARACTERS}-character title, lists it, offers it within Discord's limits and starts a cohort on it`, async () => {
    const imported = visibleText(await bot.reply(bot.admin.id, "curriculum import", { file: { name: "bold.md", content: path } }));
    expect(imported).toContain("Curriculum imported");
    expect(visibleText(await bot.reply(bot.admin.id, "curriculum list"))).toContain("𝐁".repeat(50));
    const [choice] = await bot.autocomplete(bot.admin.id, "cohort create", "curriculum", { curriculum: "𝐁𝐁𝐁" });
    expect(choice?.name).toBe(`${"𝐁".repeat(99)}…`);
    const created = await bot.reply(bot.admin.id, "cohort create", {
      name: "Bold",
      curriculum: choice?.value ?? "",
      channel: bot.channel.id,
      start: "2027-01-04",
    });
    expect(visibleText(created)).toContain("**Bold** is set up");
  });
});
