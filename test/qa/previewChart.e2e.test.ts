import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

/**
 * QA probe: README says `/cohort preview` shows "exactly what the bot will post for that week". From
 * week 2 the weekly post attaches last week's chart (week-1.png): the preview should show it too.
 */
describe("QA: /cohort preview of a weekly post with a chart", () => {
  let bot: BotHarness;
  let posted: string[] = [];
  let previewed: string[] = [];

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    await bot.createCohort({ name: "Winter", start: "2027-01-04" });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Winter" });
    bot.clock.set(new Date("2027-01-04T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-01-05T12:00:00Z"));
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "" });
    await bot.reply(ada.id, "done", { item: String(choices[0]?.value) });
    bot.clock.set(new Date("2027-01-08T12:00:00Z"));
    const preview = await bot.reply(bot.admin.id, "cohort preview", { cohort: "Winter", week: 2 });
    previewed = preview.attachments.map((file) => file.filename);
    bot.clock.set(new Date("2027-01-11T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    posted = bot.emulator
      .channelMessages(bot.channel.id)
      .flatMap((message) => message.attachments)
      .map((file) => file.filename);
  });
  afterAll(async () => bot.close());

  it("the week 2 post attaches week 1's chart", () => {
    expect(posted).toContain("week-1.png");
  });

  it("the preview of week 2 shows that chart too", () => {
    expect(previewed).toContain("week-1.png");
  });
});
