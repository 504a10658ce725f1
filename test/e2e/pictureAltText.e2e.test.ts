import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A picture's alt text is all a screen reader (or a client that does not load images) gets of it:
 * it says what the picture shows, not only some of it.
 */
describe("the alt text of the pictures, end to end", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let lucia: { id: string };
  const cohortName = "Winter";

  const readFirstItem = async (userId: string) => {
    const today = await bot.reply(userId, "today");
    const done = buttonsOf(today)[0];
    if (done === undefined) throw new Error("/today offered no done button");
    await bot.click(userId, today.id, done.customId).final();
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    // Week 1: Monday 4 to Friday 8 January (UTC).
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    ada = bot.member("ada");
    lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(lucia.id, "join", { cohort: cohortName });
    // Ada reads on Monday and Tuesday, misses Wednesday; Lucía reads on Monday only.
    bot.clock.set(new Date("2027-01-04T12:00:00Z"));
    await readFirstItem(ada.id);
    await readFirstItem(lucia.id);
    bot.clock.set(new Date("2027-01-05T12:00:00Z"));
    await readFirstItem(ada.id);
    bot.clock.set(new Date("2027-01-07T12:00:00Z"));
  });
  afterAll(async () => bot.close());

  it("says the rank and the study-day grid the progress card shows", async () => {
    const card = (await bot.reply(ada.id, "progress")).attachments[0];
    expect(visibleText(await bot.reply(ada.id, "progress"))).toContain("Rank: **#1** of 2");
    // The card shows "#1 of 2" and, in its grid, Monday and Tuesday done, Wednesday missed (Thursday is today).
    expect(card?.description).toContain("rank #1 of 2");
    expect(card?.description).toContain("study-day grid: 2 days done, 1 missed, 0 days off");
  });

  it("says them in Spanish on a Spanish card", async () => {
    const card = (await bot.reply(lucia.id, "progress")).attachments[0];
    expect(card?.description).toContain("puesto n.º 2 de 2");
    expect(card?.description).toContain("cuadrícula de días de estudio: 1 día hecho, 2 perdidos, 0 días de descanso");
  });

  it("says what the weekly chart's bars show: the minutes of each study day", async () => {
    bot.clock.set(new Date("2027-01-04T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-01-11T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const chart = bot.emulator
      .channelMessages(bot.channel.id)
      .flatMap((message) => message.attachments)
      .find((file) => file.filename === "week-1.png");
    expect(chart?.description).toMatch(
      /^Chart of week 1: the cohort read \d+ minutes in all \(Mon [1-9]\d* min, Tue [1-9]\d* min, Wed 0 min, Thu 0 min, Fri 0 min\); section completion: /,
    );
  });
});
