import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SKRSContext2D } from "@napi-rs/canvas";
import { drawWeeklyChart } from "../../src/discord/pictures/drawWeeklyChart.js";
import type { PictureFonts } from "../../src/discord/pictures/PictureFonts.js";
import type { Pictures } from "../../src/discord/pictures/Pictures.js";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

/** A 2D context that only records the text drawn on it (every text is measured at 9 px a character). */
function recordingContext(texts: string[]): SKRSContext2D {
  const target: Record<string, unknown> = {};
  return new Proxy(target, {
    get(_, key) {
      if (key === "measureText") return (text: string) => ({ width: text.length * 9 });
      if (key === "fillText") return (text: string) => texts.push(text);
      if (typeof key === "string" && key in target) return target[key];
      return () => undefined;
    },
    set(_, key, value) {
      if (typeof key === "string") target[key] = value;
      return true;
    },
  }) as unknown as SKRSContext2D;
}

/**
 * QA probe: the weekly post's chart shows "each section's completion" of last week. On the 12-week path,
 * week 10's post charts week 9, by when nine sections have begun; the picture has room for five rows, and
 * it draws the five oldest (weeks 1-5) with "+4 more": the sections the cohort read in week 9 are not in it.
 */
describe("QA: which sections the weekly chart draws late in the course", () => {
  let bot: BotHarness;
  const drawn: string[] = [];
  const fonts = { font: () => "16px sans-serif" } as unknown as PictureFonts;
  const pictures: Pictures = {
    renderProgressCard: async () => Buffer.from("png"),
    renderCourseChart: async () => Buffer.from("png"),
    renderWeeklyChart: async (view) => {
      drawWeeklyChart(recordingContext(drawn), fonts, view);
      return Buffer.from("png");
    },
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z"), pictures });
    await bot.createCohort({ name: "Winter", start: "2027-01-04" });
    await bot.reply(bot.member("ada").id, "join", { cohort: "Winter" });
    // Week 10's post (Monday 8 March), charting week 9.
    bot.clock.set(new Date("2027-03-08T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  });
  afterAll(async () => bot.close());

  it("charted week 9", () => {
    expect(drawn.some((text) => text.startsWith("Week 9"))).toBe(true);
  });

  it("draws the sections read in week 9, not only those of weeks 1-5", () => {
    expect(drawn).toEqual(expect.arrayContaining([expect.stringMatching(/^Background Jobs/)]));
  });
});
