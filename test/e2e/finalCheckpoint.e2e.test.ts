import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { shortCheckpointPath } from "../helpers/shortCheckpointPath.js";

/** Two sections over three weeks, each with a checkpoint: the last one's prompt comes on the last Friday. */
const shortPath = shortCheckpointPath([{ heading: "Week 3: Finale", items: ["Three"], checkpoint: "You can explain the finale." }]);

/**
 * The final section's checkpoint prompt (Friday 22 Jan 2027, 17:00 UTC) takes
 * answers until the closing post goes out (Monday 25 Jan, 09:00 UTC), as every
 * checkpoint does; a cohort an admin ended takes none.
 */
describe("answering the final checkpoint prompt, through discord.js and the emulator", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let bea: { id: string };
  const finishing = "Finishing";
  const ending = "Ending";

  const tickAt = async (at: string) => {
    bot.clock.set(new Date(at));
    await bot.test.app.scheduler.tick(bot.clock.now());
  };
  const finalPrompt = (cohortName: string): EmulatorMessage => {
    const post = bot.emulator
      .channelMessages(bot.channel.id)
      .find(
        (message) => message.embeds[0]?.title === "✅ Checkpoint · Finale" && (message.embeds[0].footer?.text ?? "").startsWith(cohortName),
      );
    if (post === undefined) throw new Error(`no final checkpoint prompt for ${cohortName}`);
    return post;
  };
  const answer = async (userId: string, cohortName: string, label: string) => {
    const prompt = finalPrompt(cohortName);
    const button = buttonsOf(prompt).find((candidate) => candidate.label === label);
    const reply = await bot.click(userId, prompt.id, button?.customId ?? "").final();
    expect(reply.ephemeral).toBe(true);
    return visibleText(reply);
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "short.md", content: shortPath } });
    await bot.createCohort({ name: finishing, curriculum: "short-path", start: "2027-01-04" });
    await bot.createCohort({ name: ending, curriculum: "short-path", start: "2027-01-04" });
    ada = bot.member("ada");
    bea = bot.member("bea");
    for (const cohort of [finishing, ending]) for (const who of [ada, bea]) await bot.reply(who.id, "join", { cohort });
    await tickAt("2027-01-22T17:00:00Z");
  });
  afterAll(async () => bot.close());

  it("takes an answer just after the prompt is posted", async () => {
    await tickAt("2027-01-22T17:05:00Z");
    expect(await answer(ada.id, finishing, "Confident")).toContain("Recorded **Confident** for the **Finale** checkpoint");
  });

  it("takes an answer the next day", async () => {
    await tickAt("2027-01-23T12:00:00Z");
    expect(await answer(ada.id, finishing, "Partly")).toContain("Changed your **Finale** checkpoint answer");
  });

  it("refuses answers after /cohort end", async () => {
    expect(await answer(bea.id, ending, "Confident")).toContain("Recorded **Confident** for the **Finale** checkpoint");
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: ending }))).toContain("Ending");
    await tickAt("2027-01-23T12:01:00Z");
    expect(await answer(ada.id, ending, "Confident")).toContain("**Ending** has ended, so its checkpoints take no more answers");
    expect(visibleText(await bot.reply(ada.id, "checkpoint", { cohort: ending }))).toContain(
      "**Ending** has ended, so its checkpoints take no more answers",
    );
  });

  it("still takes answers after the last week, until the closing post goes out, and /checkpoint offers them", async () => {
    await tickAt("2027-01-25T08:00:00Z");
    const notYet = await answer(bea.id, finishing, "Not yet");
    expect(notYet).toContain("Recorded **Not yet** for the **Finale** checkpoint");
    // /today shows the course summary now, not "what is due": the hint points at /week alone.
    expect(notYet).toContain("`/week`");
    expect(notYet).not.toContain("`/today`");
    const current = await bot.reply(bea.id, "checkpoint", { cohort: finishing });
    expect(current.embeds[0]?.title).toBe("✅ Checkpoint · Finale");
    expect(buttonsOf(current).map((button) => button.label)).toEqual(["Confident", "Partly", "✓ Not yet"]);
    // The course summary counts the answer taken then; the ended cohort still takes none.
    expect(visibleText(await bot.reply(bea.id, "today", { cohort: finishing }))).toContain("1 of 2 answered");
    expect(await answer(ada.id, ending, "Partly")).toContain("**Ending** has ended, so its checkpoints take no more answers");
  });

  it("refuses answers once the closing post is out, and the summary counts what was taken", async () => {
    await tickAt("2027-01-25T09:00:00Z");
    const row = await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: finishing } });
    expect(row.status).toBe("finished");
    expect(await answer(bea.id, finishing, "Confident")).toContain(
      "**Finishing**'s course has finished, so its checkpoints take no more answers",
    );
    expect(visibleText(await bot.reply(bea.id, "checkpoint", { cohort: finishing }))).toContain("checkpoints take no more answers");
    expect(visibleText(await bot.reply(bea.id, "today", { cohort: finishing }))).toContain("1 of 2 answered");
    expect(visibleText(await bot.reply(ada.id, "today", { cohort: finishing }))).toContain("1 of 2 answered");
    expect(visibleText(await bot.reply(bea.id, "today", { cohort: ending }))).toContain("1 of 2 answered");
  });
});
