import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** `/cohort preview` of a week whose weekly post already went out says it was posted, and when; later weeks are still to come. */
describe("/cohort preview of a week already posted", () => {
  let bot: BotHarness;
  // Week 1's post is due Monday 2027-01-04 09:00 (UTC); the scheduler sends it at that tick.
  const postedAt = Date.parse("2027-01-04T09:00:30Z") / 1000;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-03T18:00:00Z") });
    await bot.createCohort({ name: "Winter", start: "2027-01-04" });
    await tickAt(bot, "2027-01-04T09:00:30Z");
    bot.clock.set(new Date("2027-01-05T12:00:00Z"));
  });
  afterAll(async () => bot.close());

  const previewLines = async (userId: string, week: number) =>
    visibleText(await bot.reply(userId, "cohort preview", { cohort: "Winter", week })).split("\n");

  it("says week 1's assignment was posted, and when, not that the bot will post it", async () => {
    const lines = await previewLines(bot.admin.id, 1);
    expect(lines[0]).toBe(`**Preview of week 1 of 12** for **Winter**: what the bot posted in <#${bot.channel.id}>. Only you see this.`);
    expect(lines).toContain(`• Week 1 assignment (2 messages): posted <t:${postedAt}:F> (<t:${postedAt}:R>)`);
  });

  it("keeps the wording of a week still to come", async () => {
    const lines = await previewLines(bot.admin.id, 2);
    expect(lines[0]).toBe(`**Preview of week 2 of 12** for **Winter**: what the bot will post in <#${bot.channel.id}>. Only you see this.`);
    const dueAt = Date.parse("2027-01-11T09:00:00Z") / 1000;
    expect(lines).toContain(`• Week 2 assignment (2 messages): <t:${dueAt}:F> (<t:${dueAt}:R>)`);
  });

  it("says it in Spanish to a Spanish-speaking admin", async () => {
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const lines = await previewLines(directora.id, 1);
    expect(lines[0]).toContain("lo que el bot publicó en");
    expect(lines.join("\n")).toContain(`se publicó el <t:${postedAt}:F>`);
  });
});
