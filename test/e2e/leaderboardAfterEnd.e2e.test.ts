import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithAdaAndLucia } from "../helpers/adaAndLucia.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * Between `/cohort end` and its closing post (the scheduler's next tick, or up to a day later while the bot cannot
 * post in the channel), `/leaderboard` shows the boards as they stand. The cohort takes no more completions
 * (`/done` refuses them), so no board may invite members to log reading to get on it, nor speak of "yet".
 */
describe("/leaderboard of a cohort an admin ended, before its closing post", () => {
  let bot: BotHarness;
  const name = "Ended Midway";
  let ada: { id: string };
  let lucia: { id: string };

  beforeAll(async () => {
    ({ bot, ada, lucia } = await startWithAdaAndLucia({ now: new Date("2027-01-04T08:00:00Z"), name, start: "2027-01-04" }));
    // Tuesday of week 2: the admin ends the cohort; no scheduler tick has sent the closing post yet.
    bot.clock.set(new Date("2027-01-12T10:00:00Z"));
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: name }))).toContain("has ended");
  });
  afterAll(async () => bot.close());

  it("confirms /done is refused, then shows the week's board as over, without pointing at /done", async () => {
    expect(visibleText(await bot.reply(ada.id, "done", { cohort: name, item: "Storage Engines" }))).toContain("has ended");
    const text = visibleText(await bot.reply(ada.id, "leaderboard", { cohort: name }));
    expect(text).not.toContain("/done");
    expect(text).not.toContain("yet");
    expect(text).toContain("Nobody logged points in week 2.");
    expect(text).toContain("**ada**: no points in week 2");
  });

  it("nor on the all-time board or view:near", async () => {
    const all = visibleText(await bot.reply(ada.id, "leaderboard", { cohort: name, period: "all" }));
    expect(all).not.toContain("/done");
    expect(all).not.toContain("yet");
    expect(all).toContain("Nobody logged points during the course.");
    // Its footer points at the board of the week the cohort ended in, over, not at a running week.
    expect(all).not.toContain("for this week");
    expect(all).toContain("/leaderboard for the last week");
    const near = visibleText(await bot.reply(ada.id, "leaderboard", { cohort: name, view: "near" }));
    expect(near).not.toContain("yet");
  });

  it("nor in Spanish", async () => {
    // The public board speaks the cohort's language; an ended cohort's language can still change.
    await bot.reply(bot.admin.id, "cohort edit", { cohort: name, language: "es" });
    const text = visibleText(await bot.reply(lucia.id, "leaderboard", { cohort: name }));
    expect(text).not.toContain("/hecho");
    expect(text).not.toMatch(/aún|Aún/);
    expect(text).toContain("Nadie registró puntos en la semana 2.");
    const all = visibleText(await bot.reply(lucia.id, "leaderboard", { cohort: name, period: "all" }));
    expect(all).not.toContain("/hecho");
    expect(all).not.toMatch(/aún|Aún/);
    expect(all).toContain("Nadie registró puntos durante el curso.");
  });
});

/**
 * The closing post can come a day late (the bot cannot post in the channel): by then the calendar may have turned to
 * a week the ended cohort never had. Its weekly board stays the week it ended in, with the points logged in it.
 */
describe("/leaderboard of an ended cohort once a new calendar week began before its closing post", () => {
  let bot: BotHarness;
  const name = "Ended Saturday";
  let ada: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    await bot.createCohort({ name, start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: name });
    // Week 2: Ada logs a reading, then the admin ends the cohort on Saturday.
    bot.clock.set(new Date("2027-01-12T10:00:00Z"));
    expect(visibleText(await bot.reply(ada.id, "done", { cohort: name, item: "Storage Engines" }))).toContain("+");
    bot.clock.set(new Date("2027-01-16T12:00:00Z"));
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: name }))).toContain("has ended");
    // Monday: the calendar's week 3, and still no closing post.
    bot.clock.set(new Date("2027-01-18T12:00:00Z"));
  });
  afterAll(async () => bot.close());

  it("shows the week the cohort ended in, with Ada on it", async () => {
    const text = visibleText(await bot.reply(ada.id, "leaderboard", { cohort: name }));
    expect(text).toContain("Week 2");
    expect(text).not.toContain("week 3");
    expect(text).toContain("🥇 **ada**");
  });
});
