import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/today` on a day of one estimated item and one without: once the estimated one is done, what is left has
 * no minutes, so the day reads in topics on both sides, never "1 topic left of 5 min".
 */
describe("/today's amount left on a day of estimated and unestimated items", () => {
  let bot: BotHarness;
  let after = "";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    // Monday gets Alpha (5 min) and Beta (no estimate); the other topics fill the week's other days.
    const others = ["Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa"];
    const path = [
      "Mixed Path",
      "Week 1: Basics",
      "- [ ] Required -- Alpha Reading (5 min)",
      ...others.map((name) => `- [ ] Required -- ${name} Reading`),
    ];
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "mixed.md", content: path.join("\n") } });
    await bot.createCohort({ name: "Mixed", start: "2027-01-04", curriculum: "mixed-path" });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Mixed" });
    const [alpha] = await bot.autocomplete(ada.id, "done", "item", { item: "Alpha" });
    await bot.reply(ada.id, "done", { item: String(alpha?.value) });
    after = visibleText(await bot.reply(ada.id, "today"));
  }, 120_000);
  afterAll(async () => bot.close());

  it("counts what is left in topics, and the day's total with it", () => {
    expect(after).toContain("⬜ **Beta Reading**");
    expect(after).toContain(" · 1 topic left of 2 topics");
    expect(after).not.toContain("left of 5 min");
  });
});
