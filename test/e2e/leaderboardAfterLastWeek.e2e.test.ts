import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithAdaAndLucia } from "../helpers/adaAndLucia.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * Between the course's last day and its closing post (the next morning at the announce time, or later when the
 * cohort is paused over its end), `/leaderboard` still shows the last week's board. That week is over: reading
 * logged now counts for no week's board, so the board must not invite members to log reading to get on it, nor
 * say they have "no points this week yet".
 */
describe("/leaderboard after the course's last week, before the closing post", () => {
  let bot: BotHarness;
  const name = "Spring Board";
  let ada: { id: string };
  let lucia: { id: string };

  beforeAll(async () => {
    ({ bot, ada, lucia } = await startWithAdaAndLucia({ now: new Date("2027-01-04T08:00:00Z"), name, start: "2027-01-04" }));
    // Monday after the last day (Sunday 28 March), before the 09:00 closing post: the week turned at the cohort's midnight
    // (weeks, and a completion's week, turn at 00:00 cohort time, not at the 04:00 rollover of a member's study day).
    bot.clock.set(new Date("2027-03-29T06:00:00Z"));
  });
  afterAll(async () => bot.close());

  it("says nobody had points in the last week, without pointing at /done", async () => {
    const message = await bot.reply(ada.id, "leaderboard", { cohort: name });
    const text = visibleText(message);
    expect(text).toContain("Week 12");
    expect(text).not.toContain("to get on the board");
    expect(text).not.toContain("this week yet");
    expect(text).toContain("Nobody logged points in week 12.");
    expect(text).toContain("**ada**: no points in week 12");
  });

  it("view:near and the all-time board do not speak of the week as running either", async () => {
    const near = visibleText(await bot.reply(ada.id, "leaderboard", { cohort: name, view: "near" }));
    expect(near).not.toContain("yet");
    expect(near).toContain("Nobody near you on the board of week 12: that week is over.");
    const all = visibleText(await bot.reply(ada.id, "leaderboard", { cohort: name, period: "all" }));
    expect(all).not.toContain("for this week");
    expect(all).toContain("/leaderboard for the last week");
    // Reading logged now changes no board: the all-time board invites none either.
    expect(all).not.toContain("to get on the board");
    expect(all).toContain("Nobody logged points during the course.");
    expect(all).toContain("**ada**: no points during the course");
  });

  it("still invites reading while the last week runs", async () => {
    bot.clock.set(new Date("2027-03-27T10:00:00Z"));
    try {
      const text = visibleText(await bot.reply(ada.id, "leaderboard", { cohort: name }));
      expect(text).toContain("to get on the board");
    } finally {
      bot.clock.set(new Date("2027-03-29T06:00:00Z"));
    }
  });

  it("says so in Spanish too", async () => {
    await bot.reply(bot.admin.id, "cohort edit", { cohort: name, language: "es" });
    const text = visibleText(await bot.reply(lucia.id, "leaderboard", { cohort: name }));
    expect(text).not.toContain("/hecho");
    expect(text).not.toContain("esta semana");
    expect(text).toContain("Nadie registró puntos en la semana 12.");
    const all = visibleText(await bot.reply(lucia.id, "leaderboard", { cohort: name, period: "all" }));
    expect(all).not.toContain("esta semana");
    const near = visibleText(await bot.reply(lucia.id, "leaderboard", { cohort: name, view: "near" }));
    expect(near).not.toContain("Aún no");
  });
});

/**
 * A week that is over with others on its board: a caller with no points there has no place on it, so the near view
 * says that (as the README's `/leaderboard` row does), not that nobody is near them because the week is over.
 */
describe("/leaderboard view:near after the last week, others on its board", () => {
  let bot: BotHarness;
  const name = "Spring Near";
  let ada: { id: string };
  let bob: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    await bot.createCohort({ name, start: "2027-01-04" });
    ada = bot.member("ada");
    bob = bot.member("bob");
    await bot.reply(ada.id, "join", { cohort: name });
    await bot.reply(bob.id, "join", { cohort: name });
    // Bob logs reading in week 12 (Friday 26 March), then the week ends before the closing post.
    bot.clock.set(new Date("2027-03-26T10:00:00Z"));
    await bot.reply(bob.id, "done", { cohort: name, item: "Storage Engines" });
    bot.clock.set(new Date("2027-03-29T06:00:00Z"));
  });
  afterAll(async () => bot.close());

  it("tells a caller without points they have no place on it", async () => {
    const board = visibleText(await bot.reply(ada.id, "leaderboard", { cohort: name }));
    expect(board).toContain("**bob**");
    const near = visibleText(await bot.reply(ada.id, "leaderboard", { cohort: name, view: "near" }));
    expect(near).toContain("You have no place on this board, so there is nobody to show around you.");
    expect(near).not.toContain("that week is over");
    expect(near).toContain("**ada**: no points in week 12");
  });
});
