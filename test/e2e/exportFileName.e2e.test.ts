import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

describe("/cohort export's file name", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-20T12:00:00Z") });
  });
  afterAll(async () => bot.close());

  it("names the file with whole characters of the cohort name, counting a character beyond U+FFFF (two UTF-16 units) once", async () => {
    // "𠀀" (a CJK letter beyond the first 65,536 code points) takes two UTF-16 units: a cut after 60 units split one.
    // The name's 40 characters (79 units) are within the 60 kept.
    const cohort = await bot.createCohort({ start: "2027-01-04", name: `a${"𠀀".repeat(39)}` });
    const message = await bot.reply(bot.admin.id, "cohort export", { cohort: String(cohort.id) });
    expect(message.attachments.map((file) => file.filename)).toEqual([`a${"𠀀".repeat(39)}.csv`]);
  });
});
