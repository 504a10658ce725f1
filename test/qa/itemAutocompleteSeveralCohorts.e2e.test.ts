import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

/**
 * QA probe (commands contract, autocomplete): PRODUCT.md "All `cohort`, `item` and `curriculum`
 * options autocomplete". A member in two cohorts types `/done item:` first (Discord lists `item`, the
 * required option, before `cohort?`) and gets no choice at all: StudyService.suggestItems swallows the
 * "several cohorts" error and returns []. Discord then shows "No options match your search", with no
 * hint that `cohort` must be filled first; the same for `/undo`.
 */
describe("item autocomplete for a member of two cohorts, before `cohort` is filled", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-20T10:00:00Z") });
    await bot.createCohort({ name: "Backend Spring 2027", start: "2027-01-18" });
    await bot.createCohort({ name: "Mastery", start: "2027-01-18", curriculum: "backend-engineer-complete-mastery-path" });
  });
  afterAll(async () => bot.close());

  it("still offers matching items (e.g. with their cohort) instead of an empty list", async () => {
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Backend Spring 2027" });
    await bot.reply(ada.id, "join", { cohort: "Mastery" });
    // With the cohort filled in, the item is offered: the data is there.
    expect((await bot.autocomplete(ada.id, "done", "item", { item: "Storage", cohort: "1" })).length).toBeGreaterThan(0);
    // Typed first, as Discord's option order invites: nothing.
    expect((await bot.autocomplete(ada.id, "done", "item", { item: "Storage" })).length).toBeGreaterThan(0);
    expect((await bot.autocomplete(ada.id, "done", "item", { item: "" })).length).toBeGreaterThan(0);
  });
});
