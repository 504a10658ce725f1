import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardTextRecorder } from "../helpers/textRecordingContext.js";
import { visibleText, type BotHarness } from "../helpers/botHarness.js";
import { startWinter } from "../helpers/startWinter.js";

/**
 * The progress card has room for four of the 12-week path's twelve sections, and picks those of the member's
 * current week. A member whose calendar `/pace mode:extend` moved four weeks later reads, in week 10, what the
 * cohort read in week 6 (API Design, Spring Boot): her card draws those, as her `/week` lists them, not the
 * cohort's week-10 sections she has not reached.
 */
describe("which sections the progress card draws for a member on /pace extend", () => {
  let bot: BotHarness;
  const drawn: string[] = [];
  let week = "";
  const pictures = cardTextRecorder(drawn);

  beforeAll(async () => {
    let ada: { id: string };
    ({ bot, member: ada } = await startWinter({ pictures }));
    for (let extension = 1; extension <= 4; extension += 1)
      expect(visibleText(await bot.reply(ada.id, "pace", { mode: "extend" }))).toContain(`${extension} week`);
    // Wednesday of week 10.
    bot.clock.set(new Date("2027-03-10T12:00:00Z"));
    week = visibleText(await bot.reply(ada.id, "week"));
    await bot.reply(ada.id, "progress");
  });
  afterAll(async () => bot.close());

  it("lists API Design and Spring Boot in her /week", () => {
    expect(week).toContain("API Design");
    expect(week).toContain("Spring Boot");
  });

  it("draws the sections of her own week on her card", () => {
    expect(drawn.some((line) => line.startsWith("API Design"))).toBe(true);
    expect(drawn.some((line) => line.startsWith("Spring Boot"))).toBe(true);
  });

  it("does not draw the cohort's week-10 sections she has not reached", () => {
    expect(drawn.some((line) => line.startsWith("Data Pipeline Fundamentals"))).toBe(false);
  });
});
