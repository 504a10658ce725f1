import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SKRSContext2D } from "@napi-rs/canvas";
import { drawProgressCard } from "../../src/discord/pictures/drawProgressCard.js";
import type { PictureFonts } from "../../src/discord/pictures/PictureFonts.js";
import type { Pictures } from "../../src/discord/pictures/Pictures.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

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
 * QA probe: the progress card has "per-section bars". On the 12-week path it has room for four and
 * "+8 more", and always draws sections 1-4: in week 10 the member's card shows none of the sections
 * they are reading now (the text reply lists them all).
 */
describe("QA: which sections the progress card draws late in the course", () => {
  let bot: BotHarness;
  const drawn: string[] = [];
  let text = "";
  const fonts = { font: () => "16px sans-serif" } as unknown as PictureFonts;
  const pictures: Pictures = {
    renderWeeklyChart: async () => Buffer.from("png"),
    renderCourseChart: async () => Buffer.from("png"),
    renderProgressCard: async (view) => {
      drawProgressCard(recordingContext(drawn), fonts, view);
      return Buffer.from("png");
    },
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z"), pictures });
    await bot.createCohort({ name: "Winter", start: "2027-01-04" });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Winter" });
    // Wednesday of week 10.
    bot.clock.set(new Date("2027-03-10T12:00:00Z"));
    text = visibleText(await bot.reply(ada.id, "progress"));
  });
  afterAll(async () => bot.close());

  it("the text lists week 10's section", () => {
    expect(text).toContain("Background Jobs");
  });

  it("the card draws a bar for a section of the current week, not only sections 1-4", () => {
    expect(drawn).toEqual(expect.arrayContaining([expect.stringMatching(/^Background Jobs/)]));
  });
});
