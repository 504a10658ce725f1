import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

/** The cohort names an `item` autocomplete's choices end with. */
const cohortsOf = (choices: readonly { name: string }[]) => new Set(choices.map((choice) => choice.name.split(" · ").at(-1)));

/**
 * `item` autocomplete for a member of many cohorts, before `cohort` is filled: a plan is built per cohort offered on
 * every keystroke, so at most five are offered (running ones first), and none whose course is over for the member.
 */
describe("item autocomplete for a member of many cohorts", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const running = ["C1", "C2", "C3", "C4"];
  const more = ["C5", "C6"];

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: "Spring", start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Spring" });
    bot.clock.set(new Date("2027-03-29T09:30:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-04-07T10:00:00Z"));
    for (const name of running) {
      await bot.createCohort({ name, start: "2027-04-05" });
      await bot.reply(ada.id, "join", { cohort: name });
    }
  });
  afterAll(async () => bot.close());

  it("offers none of a finished cohort whose course is over for her, though fewer than five others are offered", async () => {
    // Four running cohorts and the finished one: the cap leaves room for it, so only its course being over keeps it out.
    const cohorts = cohortsOf(await bot.autocomplete(ada.id, "done", "item", { item: "Storage Engines" }));
    expect([...cohorts].sort()).toEqual(running);
  });

  it("offers the items of at most five running cohorts", async () => {
    for (const name of more) {
      await bot.createCohort({ name, start: "2027-04-05" });
      await bot.reply(ada.id, "join", { cohort: name });
    }
    const cohorts = cohortsOf(await bot.autocomplete(ada.id, "done", "item", { item: "Storage Engines" }));
    expect(cohorts.size).toBe(5);
    expect(cohorts.has("Spring")).toBe(false);
    for (const cohort of cohorts) expect([...running, ...more]).toContain(cohort);
  });

  it("still offers the finished cohort's items once `cohort` names it", async () => {
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "Storage Engines", cohort: "Spring" });
    expect(choices.length).toBeGreaterThan(0);
  });
});

/**
 * The five are counted among the cohorts still taking her completions: five whose course is over do not crowd out a
 * running one. "Long" starts Mon 2027-01-04 with two break weeks (14 calendar weeks, to Sun 11 April); O1–O5 start a
 * week later (listed first, as more recently started) and their 12 weeks end on Sun 4 April. On Mon 5 April, before
 * their closing posts, their courses are over and Long is in its last week.
 */
describe("item autocomplete when five of a member's cohorts are over", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const over = ["O1", "O2", "O3", "O4", "O5"];

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    ada = bot.member("ada-over");
    await bot.createCohort({ name: "Long", start: "2027-01-04" });
    for (const week of [5, 6]) await bot.reply(bot.admin.id, "cohort break", { cohort: "Long", week });
    await bot.reply(ada.id, "join", { cohort: "Long" });
    for (const name of over) {
      await bot.createCohort({ name, start: "2027-01-11" });
      await bot.reply(ada.id, "join", { cohort: name });
    }
    bot.clock.set(new Date("2027-04-05T08:30:00Z"));
  });
  afterAll(async () => bot.close());

  it("offers the running cohort's items", async () => {
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "Storage Engines" });
    expect([...cohortsOf(choices)]).toEqual(["Long"]);
  });
});
