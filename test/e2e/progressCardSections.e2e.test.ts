import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardTextRecorder } from "../helpers/textRecordingContext.js";
import { visibleText, type BotHarness } from "../helpers/botHarness.js";
import { startWinter } from "../helpers/startWinter.js";

/**
 * The progress card has per-section bars; on the 12-week path it has room for four and "+8 more". In
 * week 10 it draws the sections around the member's current week (Background Jobs, weeks 9-10; Data
 * Pipeline Fundamentals, weeks 10-11; the unfinished ones just before), not always sections 1-4; the
 * text reply still lists every section.
 */
describe("which sections the progress card draws late in the course", () => {
  let bot: BotHarness;
  const drawn: string[] = [];
  let text = "";
  /** The 12-week path's sections, in course order. */
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
    "Data Pipeline Fundamentals",
    "Debugging Playbooks",
    "Production Blueprints",
  ];
  const pictures = cardTextRecorder(drawn);

  beforeAll(async () => {
    let ada: { id: string };
    ({ bot, member: ada } = await startWinter({ pictures }));
    // Wednesday of week 10.
    bot.clock.set(new Date("2027-03-10T12:00:00Z"));
    text = visibleText(await bot.reply(ada.id, "progress"));
  });
  afterAll(async () => bot.close());

  it("draws the sections of the member's current week and the unfinished ones before them, not sections 1-4", () => {
    const rows = drawn.filter((line) => sectionTitles.some((title) => line.startsWith(title)));
    expect(rows).toEqual([
      expect.stringMatching(/^Microservices/),
      expect.stringMatching(/^Domain-Driven Design/),
      expect.stringMatching(/^Background Jobs/),
      expect.stringMatching(/^Data Pipeline Fundamentals/),
    ]);
    expect(drawn).toContain("+8 more");
  });

  it("still lists every section in the text reply", () => {
    for (const title of sectionTitles) expect(text).toContain(title);
  });
});
