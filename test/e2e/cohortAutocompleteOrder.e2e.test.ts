import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

const now = new Date("2027-01-06T12:00:00Z");

describe("cohort autocomplete lists names in natural order", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now });
  });
  afterAll(async () => bot.close());

  it("offers Bulk 2 before Bulk 10, to an admin and to a member, with nothing typed or a shared start", async () => {
    const member = bot.member("ada");
    // Created out of order, so neither creation order nor plain string order gives the natural one.
    for (const name of ["Bulk 10", "bulk 3", "Bulk 2", "Bulk 1", "Bulk 100"]) {
      await bot.join(member, await bot.createCohort({ name }));
    }
    const natural = ["Bulk 1", "Bulk 2", "bulk 3", "Bulk 10", "Bulk 100"];
    const names = (choices: readonly { name: string }[]) => choices.map((choice) => choice.name);
    expect(names(await bot.autocomplete(bot.admin.id, "cohort info", "cohort", { cohort: "" }))).toEqual(natural);
    expect(names(await bot.autocomplete(bot.admin.id, "cohort info", "cohort", { cohort: "bulk" }))).toEqual(natural);
    expect(names(await bot.autocomplete(member.id, "today", "cohort", { cohort: "" }))).toEqual(natural);
  });

  it("offers at most Discord's 25 choices, the first 25 in natural order", async () => {
    const names = Array.from({ length: 30 }, (_, at) => `Wave ${30 - at}`);
    for (const name of names) await bot.createCohort({ name });
    const offered = await bot.autocomplete(bot.admin.id, "cohort info", "cohort", { cohort: "wave" });
    expect(offered.map((choice) => choice.name)).toEqual(Array.from({ length: 25 }, (_, at) => `Wave ${at + 1}`));
  });
});
