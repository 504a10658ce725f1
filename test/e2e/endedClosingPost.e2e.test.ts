import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/cohort end` in week 2 of 12: the closing post that follows says the cohort was ended after the
 * weeks it ran (or before its first week), keeps its final board, and does not congratulate anyone on
 * a path they did not finish.
 */
describe("the closing post of a cohort ended early", () => {
  let bot: BotHarness;
  let closing: EmulatorMessage;
  const cohortName = "Cut Short";

  const closingPost = async (language: "en" | "es") => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    if (language === "es") await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, language });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(ada.id, "done", { item: "Storage Engines" });
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName }))).toContain(cohortName);
    const before = bot.emulator.channelMessages(bot.channel.id).length;
    bot.clock.set(new Date("2027-01-13T10:01:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const posted = bot.emulator.channelMessages(bot.channel.id).slice(before);
    const [first] = posted;
    if (first === undefined) throw new Error("no closing post");
    return first;
  };

  describe("in English", () => {
    beforeAll(async () => {
      closing = await closingPost("en");
    });
    afterAll(async () => bot.close());

    it("says it was ended after week 2 of 12, with the final board and without the path's outcomes", () => {
      const text = visibleText(closing);
      expect(text).toContain("ended after week 2 of 12");
      expect(text).toContain("Final leaderboard");
      expect(text).toContain("ada");
      expect(text).not.toContain("is complete");
      expect(text).not.toContain("all 12 weeks");
      expect(text).not.toContain("congratulations");
      expect(text).not.toContain("What you can do now");
    });
  });

  describe("ended before its first week", () => {
    beforeAll(async () => {
      bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
      await bot.createCohort({ name: cohortName, start: "2027-01-11" });
      await bot.reply(bot.member("ada").id, "join", { cohort: cohortName });
      expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName }))).toContain(cohortName);
      const before = bot.emulator.channelMessages(bot.channel.id).length;
      bot.clock.set(new Date("2027-01-05T10:01:00Z"));
      await bot.test.app.scheduler.tick(bot.clock.now());
      const [first] = bot.emulator.channelMessages(bot.channel.id).slice(before);
      if (first === undefined) throw new Error("no closing post");
      closing = first;
    });
    afterAll(async () => bot.close());

    it("says so, with no week and no path's outcomes", () => {
      const text = visibleText(closing);
      expect(text).toContain("It was ended before its first week");
      expect(text).not.toContain("ended after week");
      expect(text).not.toContain("What you can do now");
    });
  });

  describe("in Spanish", () => {
    beforeAll(async () => {
      closing = await closingPost("es");
    });
    afterAll(async () => bot.close());

    it("says it too", () => {
      const text = visibleText(closing);
      expect(text).toContain("tras la semana 2 de 12");
      expect(text).toContain("Clasificación final");
      expect(text).not.toContain("enhorabuena");
      expect(text).not.toContain("Lo que ya sabes hacer");
    });
  });
});
