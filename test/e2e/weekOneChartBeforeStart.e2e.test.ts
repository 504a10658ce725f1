import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, type BotHarness } from "../helpers/botHarness.js";

/**
 * Week 1's post goes out on the Monday before a Wednesday start, and members may start reading then: that reading
 * counts on week 1's board and in `/progress`, so week 1's chart shows it too, on a bar of its own before the first day,
 * in the cohort's language, in minutes or (a path without estimates) in topics.
 */
describe.each([
  {
    language: "en",
    curriculum: "backend-engineer-learning-path",
    progress: "Reading time: **50 min**",
    // The path's first two readings: 20 and 30 minutes.
    alt: /^Chart of week 1: the cohort read 50 minutes so far \(before the first day 50 min, Wed 0 min, Thu 0 min, Fri 0 min, Mon not over yet, Tue not over yet\)/,
  },
  {
    language: "es",
    curriculum: "backend-engineer-learning-path",
    progress: "Reading time: **50 min**",
    alt: /^Gráfico de la semana 1: la cohorte leyó 50 minutos hasta ahora \(antes del primer día 50 min, mié 0 min, jue 0 min, vie 0 min, lun aún sin terminar, mar aún sin terminar\)/,
  },
  {
    language: "en",
    curriculum: "backend-engineer-complete-mastery-path",
    progress: "Topics read: **2**",
    alt: /^Chart of week 1: the cohort read 2 topics so far \(before the first day 2, Wed 0, Thu 0, Fri 0, Mon not over yet, Tue not over yet\)/,
  },
] as const)(
  "week 1's chart and the reading logged before the first day ($language, $curriculum), through discord.js and the emulator",
  ({ language, curriculum, progress, alt }) => {
    let bot: BotHarness;
    beforeAll(async () => {
      bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    });
    afterAll(async () => bot.close());

    /** The alt text of the chart `name` posted in the cohort's channel. */
    function chartText(name: string): string | undefined {
      return (
        bot.emulator
          .channelMessages(bot.channel.id)
          .flatMap((message) => message.attachments)
          .find((file) => file.filename === name)?.description ?? undefined
      );
    }

    it("counts reading logged before the first day on a bar before it, in the chart's total", async () => {
      const cohort = await bot.createCohort({ name: "Wednesday Start", start: "2027-01-06", language, curriculum });
      await tickAt(bot, "2027-01-04T09:00:30Z");
      const ada = bot.member("early-ada");
      bot.clock.set(new Date("2027-01-04T10:00:00Z"));
      await bot.reply(ada.id, "join", { cohort: String(cohort.id) });
      // The path's first two items, logged on Monday, two days before the first day.
      const [first, second] = await bot.autocomplete(ada.id, "done", "item", { item: "" });
      await bot.reply(ada.id, "done", { item: String(first?.value) });
      await bot.reply(ada.id, "done", { item: String(second?.value) });
      expect((await bot.reply(ada.id, "progress")).embeds[0]?.description).toContain(progress);

      // Week 2's post (Monday 11th) draws week 1's chart, its Monday and Tuesday not over yet.
      await tickAt(bot, "2027-01-11T09:00:30Z");
      expect(chartText("week-1.png")).toMatch(alt);
    });
  },
);
