import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawWeeklyChart } from "../../src/discord/pictures/drawWeeklyChart.js";
import type { Pictures } from "../../src/discord/pictures/Pictures.js";
import { recordingFonts, textRecordingContext } from "../helpers/textRecordingContext.js";
import { postedWeekChartAlt, tickAt, type BotHarness } from "../helpers/botHarness.js";
import { startWinter } from "../helpers/startWinter.js";

/**
 * The weekly post's chart shows "each section's completion" of last week. On the 12-week path, week 10's
 * post charts week 9, by when nine sections have begun; the picture has room for five rows: it draws the
 * week's own sections (Domain-Driven Design, weeks 8-9; Background Jobs, weeks 9-10) and the most recent
 * before them, in course order, with "+4 more", not the five oldest. The alt text still names all nine.
 */
describe("which sections the weekly chart draws late in the course", () => {
  let bot: BotHarness;
  const drawn: string[] = [];
  let alt: string | null | undefined;
  /** The sections begun by the end of week 9, in course order. */
  const sectionTitles = [
    "Database Fundamentals",
    "Database Performance",
    "Caching Strategies",
    "Message Queues",
    "API Design",
    "Spring Boot",
    "Microservices",
    "Domain-Driven Design",
    "Background Jobs",
  ];
  const pictures: Pictures = {
    renderProgressCard: async () => Buffer.from("png"),
    renderCourseChart: async () => Buffer.from("png"),
    renderWeeklyChart: async (view) => {
      drawWeeklyChart(textRecordingContext(drawn), recordingFonts, view);
      return Buffer.from("png");
    },
  };

  beforeAll(async () => {
    ({ bot } = await startWinter({ pictures }));
    // Week 10's post (Monday 8 March), charting week 9.
    await tickAt(bot, "2027-03-08T09:00:30Z");
    alt = postedWeekChartAlt(bot, 9);
  });
  afterAll(async () => bot.close());

  it("charted week 9", () => {
    expect(drawn.some((text) => text.startsWith("Week 9"))).toBe(true);
  });

  it("draws the sections read in week 9 and the most recent before them, not only those of weeks 1-5", () => {
    const rows = drawn.filter((line) => sectionTitles.some((title) => line.startsWith(title)));
    expect(rows).toEqual([
      expect.stringMatching(/^API Design/),
      expect.stringMatching(/^Spring Boot/),
      expect.stringMatching(/^Microservices/),
      expect.stringMatching(/^Domain-Driven Design/),
      expect.stringMatching(/^Background Jobs/),
    ]);
    expect(drawn).toContain("+4 more");
  });

  it("still names every begun section in the alt text", () => {
    for (const title of sectionTitles) expect(alt).toContain(title);
  });
});
