import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerOf, buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** Cohorts that start on Monday 2027-01-04; `now` is Wednesday of week 3: a member who logged nothing is behind. */
const weekOne = new Date("2027-01-05T12:00:00Z");
const now = new Date("2027-01-20T12:00:00Z");

describe("/privacy choices are for all the member's cohorts in the server, those joined later too", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: weekOne });
  });
  afterAll(async () => bot.close());

  it("a member who turned nudges off gets no Nudge DM from a cohort they joined afterwards", async () => {
    await bot.createCohort({ name: "Spring A", start: "2027-01-04" });
    await bot.createCohort({ name: "Spring B", start: "2027-01-04" });
    const zoe = bot.member("zoe");
    // Week 1: zoe joins A, turns nudges off ("for all your cohorts in this server"), then joins B.
    await bot.run(zoe.id, "join", { cohort: "Spring A" }).final();
    const privacy = await bot.reply(zoe.id, "privacy", { nudges: "off" });
    expect(visibleText(privacy)).toMatch(/off/i);
    await bot.run(zoe.id, "join", { cohort: "Spring B" }).final();
    // Her settings, as /privacy shows them after the join, still say nudges are off.
    expect(visibleText(await bot.reply(zoe.id, "privacy"))).toMatch(/nudges?[^\n]*off/i);

    bot.clock.set(now);
    const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: "Spring B" });
    const nudge = buttonsOf(roster).find((button) => button.label === "Nudge zoe");
    if (nudge !== undefined) {
      const answer = await bot.click(bot.admin.id, roster.id, nudge.customId).final();
      expect(visibleText(answer)).toContain("turned nudges off");
    }
    expect(bot.emulator.dmMessages(zoe.id)).toHaveLength(0);
  });

  it("a member who hid themselves from the boards is hidden on the board of a cohort they joined afterwards", async () => {
    await bot.createCohort({ name: "Summer A", start: "2027-01-04" });
    const summerB = await bot.createCohort({ name: "Summer B", start: "2027-01-04" });
    const item = await bot.test.app.database.prisma.item.findFirstOrThrow({
      where: { curriculumId: summerB.curriculumId, kind: "Required", retired: false },
      orderBy: { id: "asc" },
    });
    const yan = bot.member("yan");
    await bot.run(yan.id, "join", { cohort: "Summer A" }).final();
    await bot.reply(yan.id, "privacy", { leaderboard: "hidden" });
    await bot.run(yan.id, "join", { cohort: "Summer B" }).final();
    const done = await bot.run(yan.id, "done", { cohort: "Summer B", item: String(item.id) }).final();
    expect(visibleText(done)).toMatch(/\+\d+ points/);
    const board = await answerOf(bot.run(yan.id, "leaderboard", { cohort: "Summer B", period: "all" }));
    expect(visibleText(board)).toContain("hidden from the board · you would be #1");
    expect(board.ephemeral).toBe(true);
  });

  it("/privacy shows the most private of the choices when the member's memberships disagree (stored before the choices were server-wide)", async () => {
    const autumnA = await bot.createCohort({ name: "Autumn A", start: "2027-01-04" });
    await bot.createCohort({ name: "Autumn B", start: "2027-01-04" });
    const xia = bot.member("xia");
    await bot.run(xia.id, "join", { cohort: "Autumn A" }).final();
    await bot.run(xia.id, "join", { cohort: "Autumn B" }).final();
    // As a database from before could hold them: an alias and nudges off in A only.
    await bot.test.app.database.prisma.member.updateMany({
      where: { cohortId: autumnA.id, userId: xia.id },
      data: { boardVisibility: "alias", nudges: false },
    });
    const shown = visibleText(await bot.reply(xia.id, "privacy"));
    expect(shown).toContain("2 cohorts");
    expect(shown).toContain("Leaderboard: **an alias**");
    expect(shown).toContain("Nudges from facilitators: **off**");
  });

  it("a cohort joined again takes on the member's choices, even where its own left membership kept an older one", async () => {
    await bot.createCohort({ name: "Winter A", start: "2027-01-04" });
    const winterB = await bot.createCohort({ name: "Winter B", start: "2027-01-04" });
    const item = await bot.test.app.database.prisma.item.findFirstOrThrow({
      where: { curriculumId: winterB.curriculumId, kind: "Required", retired: false },
      orderBy: { id: "asc" },
    });
    const wen = bot.member("wen");
    await bot.run(wen.id, "join", { cohort: "Winter A" }).final();
    await bot.run(wen.id, "join", { cohort: "Winter B" }).final();
    await bot.run(wen.id, "leave", { cohort: "Winter B" }).final();
    await bot.reply(wen.id, "privacy", { leaderboard: "hidden" });
    // As a database from before could hold it: the left membership in B still shown by name.
    await bot.test.app.database.prisma.member.updateMany({
      where: { cohortId: winterB.id, userId: wen.id },
      data: { boardVisibility: "name" },
    });
    await bot.run(wen.id, "join", { cohort: "Winter B" }).final();
    const done = await bot.run(wen.id, "done", { cohort: "Winter B", item: String(item.id) }).final();
    expect(visibleText(done)).toMatch(/\+\d+ points/);
    const board = await answerOf(bot.run(wen.id, "leaderboard", { cohort: "Winter B", period: "all" }));
    expect(visibleText(board)).toContain("hidden from the board · you would be #1");
  });
});
