import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** Components of a message, flattened: what the admin can (or cannot) click. */
function buttonStates(message: EmulatorMessage): { label: string; disabled: boolean }[] {
  const rows = message.components as { components?: { type: number; label?: string; disabled?: boolean }[] }[];
  return rows.flatMap((row) =>
    (row.components ?? [])
      .filter((component) => component.type === 2)
      .map((component) => ({ label: component.label ?? "", disabled: component.disabled === true })),
  );
}

describe("checkpoint prompts, /cohort preview and /cohort announce, end to end", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let bob: { id: string };
  let preview: EmulatorMessage;
  const cohortName = "Backend Spring 2027";

  beforeAll(async () => {
    // The cohort starts Monday 2027-01-04 (UTC); it is Tuesday of week 1.
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort();
    ada = bot.member("ada");
    bob = bot.member("bob");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(bob.id, "join", { cohort: cohortName });
    preview = await bot.reply(bot.admin.id, "cohort preview", { cohort: cohortName, week: 2 });
  });
  afterAll(async () => bot.close());

  const channelPosts = () => bot.emulator.channelMessages(bot.channel.id).filter((message) => message.authorId === bot.emulator.botUserId);

  it("previews week 2 privately: its assignment and the checkpoint due that week, with inert buttons", () => {
    expect(preview.ephemeral).toBe(true);
    const text = visibleText(preview);
    expect(text).toContain("Preview of week 2 of 12");
    expect(preview.embeds.map((embed) => embed.title)).toEqual([
      "📚 Week 2 of 12 · Backend Spring 2027",
      "🏆 Week 2 leaderboard · live",
      "✅ Checkpoint · Database Fundamentals",
    ]);
    expect(buttonStates(preview)).toEqual([
      { label: "Confident", disabled: true },
      { label: "Partly", disabled: true },
      { label: "Not yet", disabled: true },
    ]);
    expect(channelPosts()).toEqual([]);
  });

  it("posts exactly what the preview showed when week 2 comes", async () => {
    bot.clock.set(new Date("2027-01-11T09:00:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const week2 = channelPosts().find((message) => message.embeds[0]?.title?.startsWith("📚 Week 2") === true);
    if (week2 === undefined) throw new Error("week 2 was not posted");
    expect(week2.embeds[0]).toEqual(preview.embeds[0]);
  });

  it("stores the answers clicked on the posted checkpoint prompt and shows the totals in /cohort info", async () => {
    bot.clock.set(new Date("2027-01-15T17:00:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const prompt = channelPosts().find((message) => message.embeds[0]?.title === "✅ Checkpoint · Database Fundamentals");
    if (prompt === undefined) throw new Error("the checkpoint prompt was not posted");
    expect(prompt.embeds[0]).toEqual(preview.embeds[2]);
    const idOf = (label: string) => buttonsOf(prompt).find((button) => button.label === label)?.customId ?? "";

    const adaAnswer = await bot.click(ada.id, prompt.id, idOf("Confident")).final();
    expect(adaAnswer.ephemeral).toBe(true);
    await bot.click(bob.id, prompt.id, idOf("Not yet")).final();
    // Changing one's mind replaces the answer.
    await bot.click(bob.id, prompt.id, idOf("Partly")).final();
    expect(await bot.test.app.database.prisma.checkpointAnswer.count()).toBe(2);

    const info = await bot.reply(bot.admin.id, "cohort info", { cohort: cohortName });
    const text = visibleText(info);
    expect(text).toContain("Checkpoint self-assessments");
    expect(text).toContain("Database Fundamentals: Confident 1 · Partly 1 · Not yet 0");
  });

  it("tells members on the prompt that admins see each answer, as /cohort roster shows them", async () => {
    const prompt = channelPosts().find((message) => message.embeds[0]?.title === "✅ Checkpoint · Database Fundamentals");
    if (prompt === undefined) throw new Error("the checkpoint prompt was not posted");
    const text = visibleText(prompt);
    expect(text).not.toContain("only see the totals");
    expect(text).toContain("admins see each member's answer");
    // What the admins see: each member's own answers on their roster line.
    const roster = visibleText(await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName }));
    const lineOf = (id: string) => roster.split("\n").find((line) => line.includes(`<@${id}>`)) ?? "";
    expect(lineOf(ada.id)).toContain("✅ 1 🟡 0 🔴 0");
    expect(lineOf(bob.id)).toContain("✅ 0 🟡 1 🔴 0");
  });

  it("announces the leaderboard, this week's assignment and the current checkpoint on demand", async () => {
    bot.clock.set(new Date("2027-01-12T10:00:00Z"));
    const before = channelPosts().length;
    const board = await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "leaderboard" });
    expect(board.ephemeral).toBe(true);
    expect(visibleText(board)).toContain(`Posted the leaderboard in <#${bot.channel.id}>`);
    await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "week" });
    await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "checkpoint" });
    const added = channelPosts().slice(before);
    expect(added.map((message) => message.embeds[0]?.title)).toEqual([
      "🏆 Leaderboard · Backend Spring 2027",
      "📚 Week 2 of 12 · Backend Spring 2027",
      "✅ Checkpoint · Database Fundamentals",
    ]);
    expect(added.every((message) => !message.mentions.everyone && message.allowedMentions?.parse?.length === 0)).toBe(true);
    // The announced week carries last week's chart, but no live board: only the scheduled post keeps one.
    expect(added[1]?.attachments.map((file) => file.filename)).toEqual(["week-1.png"]);
    // An announcement is extra: the schedule's own record of week 2 is unchanged.
    const week2 = await bot.test.app.database.prisma.scheduledPost.findFirstOrThrow({ where: { period: "week-2" } });
    expect(week2.messageId).toBe(channelPosts().find((message) => message.embeds[0]?.title?.startsWith("📚 Week 2") === true)?.id);
  });

  it("refuses to announce into a channel that is gone, says what to do, and flags the cohort", async () => {
    bot.emulator.deleteChannel(bot.channel.id);
    const other = bot.emulator.createChannel(bot.guild.id, { name: "elsewhere" });
    const refusal = await bot.run(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "leaderboard" }, other.id).final();
    expect(refusal.ephemeral).toBe(true);
    expect(visibleText(refusal)).toContain("/cohort edit channel:");
    const cohort = await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
    expect(cohort.channelProblem).toBe("channel_missing");
  });
});
