import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { moreSection, shortCheckpointPath } from "../helpers/shortCheckpointPath.js";

/** Two overlapping sections over three weeks, each with a checkpoint. */
const shortPath = shortCheckpointPath([moreSection]);

/** /checkpoint and the checkpoint posts of a cohort with a break in week 2, to the end of its course and after. */
describe("/checkpoint around a break week and after the course, through discord.js and the emulator", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Short";
  const checkpointPost = (section: string) =>
    bot.emulator.channelMessages(bot.channel.id).find((message) => message.embeds[0]?.title === `✅ Checkpoint · ${section}`);
  const tickAt = async (at: string) => {
    bot.clock.set(new Date(at));
    await bot.test.app.scheduler.tick(bot.clock.now());
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "short.md", content: shortPath } });
    await bot.createCohort({ name: cohortName, curriculum: "short-path", start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(bot.admin.id, "cohort break", { cohort: cohortName, week: 2 });
  });
  afterAll(async () => bot.close());

  it("gives a section's weeks on the calendar, break included, as /week does", async () => {
    await tickAt("2027-01-22T17:00:00Z");
    const post = checkpointPost("Basics");
    expect(post?.embeds[0]?.footer?.text).toBe("Short · weeks 1–3 of 4");
    await tickAt("2027-01-26T10:00:00Z");
    const reply = await bot.reply(ada.id, "checkpoint");
    expect(reply.embeds[0]?.title).toBe("✅ Checkpoint · More");
    expect(reply.embeds[0]?.footer?.text).toBe("Short · weeks 3–4 of 4");
    expect(visibleText(await bot.reply(ada.id, "week"))).toContain("**More** · weeks 3–4");
  });

  it("offers the last section's checkpoint until the closing post, then says the course has finished, with no buttons", async () => {
    // After the last week, before the closing post: the last prompt still takes answers.
    await tickAt("2027-02-01T08:00:00Z");
    const before = await bot.reply(ada.id, "checkpoint");
    expect(before.embeds[0]?.title).toBe("✅ Checkpoint · More");
    expect(buttonsOf(before)).toHaveLength(3);
    // After it the cohort is finished.
    await tickAt("2027-02-01T09:00:00Z");
    const reply = await bot.reply(ada.id, "checkpoint");
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain("**Short**'s course has finished, so its checkpoints take no more answers");
    expect(buttonsOf(reply)).toEqual([]);
    expect((await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } })).status).toBe("finished");
  });
});
