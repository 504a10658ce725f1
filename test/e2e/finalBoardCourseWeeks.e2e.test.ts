import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** The built-in path three weeks long: the same title, so the same curriculum. */
const threeWeeks = [
  "Backend Engineer Learning Path",
  ...[1, 2, 3].flatMap((week) => [`Week ${week}: Part ${week}`, `- [ ] Required -- Short Reading ${week} (20 min)`]),
  "",
].join("\n");

/**
 * The closing post's final board counts the course's every week, its last one included, even when that week's post
 * never went out (the cohort paused over it and resumed more than a day late): the weeks whose posts went out can only
 * add weeks to the board (a shorter curriculum that ended the course past them), never take the course's own off.
 * The cohort starts Mon 2027-01-04 (UTC) on the three-week path; week 3's post (Mon 01-18 09:00) is skipped.
 */
describe("the final board of a course whose last weekly post was skipped", () => {
  let bot: BotHarness;
  const name = "Short Cohort";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-03T08:00:00Z") });
    const imported = await bot.test.app.services.curricula.importDocument(threeWeeks, "");
    expect(imported.ok).toBe(true);
    await bot.createCohort({ name, start: "2027-01-04" });
    for (const at of ["2027-01-04T09:00:30Z", "2027-01-11T09:00:30Z"]) await tickAt(bot, at);
    bot.clock.set(new Date("2027-01-17T12:00:00Z"));
    expect(visibleText(await bot.reply(bot.admin.id, "cohort pause", { cohort: name }))).toContain("is paused");
    await tickAt(bot, "2027-01-18T09:00:30Z");
    bot.clock.set(new Date("2027-01-19T10:00:00Z"));
    await bot.reply(bot.admin.id, "cohort resume", { cohort: name });
    await tickAt(bot, "2027-01-19T10:00:30Z");
    const ada = bot.member("ada");
    bot.clock.set(new Date("2027-01-19T10:05:00Z"));
    await bot.reply(ada.id, "join", { cohort: name });
    await bot.reply(ada.id, "done", { cohort: name, item: "Short Reading 3" });
    for (const at of ["2027-01-19T10:06:00Z", "2027-01-25T09:00:30Z", "2027-01-25T09:01:30Z"]) await tickAt(bot, at);
  }, 120_000);
  afterAll(async () => bot.close());

  it("ranks the last week's points though that week's post never went out", () => {
    const texts = bot.emulator.channelMessages(bot.channel.id).map(visibleText);
    expect(texts.some((text) => text.includes("Week 2"))).toBe(true);
    expect(texts.some((text) => /Week 3\b/.test(text) && !text.includes("Final leaderboard"))).toBe(false);
    const closing = texts.find((text) => text.includes("Final leaderboard"));
    expect(closing).toBeDefined();
    expect(closing).toMatch(/🥇 \*\*ada\*\* · \d+ pts/);
  });
});

/**
 * A break week before a shorter curriculum's new end: weeks are calendar weeks (the break counted) on the posts, the
 * boards and the completions alike, so the week the course ran into is counted by the number its post and board show.
 * The cohort starts Mon 2026-12-07 on the 12-week path with week 3 a break; calendar week 5 (study week 4) runs when
 * the curriculum is cut to three weeks, four calendar weeks with the break: the course ends at once.
 */
describe("the final board after a shorter curriculum ends a course with a break before its new end", () => {
  let bot: BotHarness;
  const name = "Break Cohort";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2026-12-06T08:00:00Z") });
    await bot.createCohort({ name, start: "2026-12-07" });
    expect(visibleText(await bot.reply(bot.admin.id, "cohort break", { cohort: name, week: 3 }))).toContain("3");
    await tickAt(bot, "2027-01-04T09:00:30Z");
    bot.clock.set(new Date("2027-01-05T10:00:00Z"));
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: name });
    await bot.reply(ada.id, "done", { cohort: name, item: "Storage Engines" });
    await tickAt(bot, "2027-01-05T10:01:00Z");
    bot.clock.set(new Date("2027-01-05T11:00:00Z"));
    const imported = await bot.test.app.services.curricula.importDocument(threeWeeks, "");
    expect(imported.ok && imported.summary.outcome).toBe("updated");
    for (const at of ["2027-01-05T11:00:30Z", "2027-01-05T11:02:00Z"]) await tickAt(bot, at);
  }, 120_000);
  afterAll(async () => bot.close());

  it("ranks on the closing post's board the points the running week's final board shows", () => {
    const messages = bot.emulator.channelMessages(bot.channel.id);
    const board = messages.find((message) => message.embeds[0]?.title?.startsWith("🏆 Week 5") === true);
    expect(board?.embeds[0]?.title).toBe("🏆 Week 5 leaderboard · final");
    const adaLine = /🥇 \*\*ada\*\* · \d+ pts/.exec(board === undefined ? "" : visibleText(board))?.[0];
    expect(adaLine).toBeDefined();
    const closing = messages.map(visibleText).find((text) => text.includes("Final leaderboard"));
    expect(closing).toContain(adaLine);
  });
});
