import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** A week of 120 long items: too much for one message, so its assignment goes out in several. */
const denseDocument = [
  "Huge Week Path",
  "One very dense week.",
  "Week 1: Everything At Once",
  "Estimated reading time: 30 hours",
  "All of it.",
  ...Array.from(
    { length: 120 },
    (_, index) =>
      `- [ ] Required -- Reading number ${index + 1}: a deliberately long title about distributed systems and consensus (${10 + (index % 5)} min)`,
  ),
  "",
].join("\n");

describe("/cohort announce of a week that needs several messages, failing partway", () => {
  let bot: BotHarness;
  afterEach(async () => bot.close());

  const channelPosts = () =>
    bot.emulator.channelMessages(bot.channel.id).filter((message) => message.authorId === bot.emulator.botUserId && !message.ephemeral);
  const channelText = () => channelPosts().map(visibleText).join("\n");

  /** After the first part is in the channel, every send there fails (past discord.js's own retries). */
  function failAfterFirstPart(): void {
    const failRest = (message: EmulatorMessage): void => {
      if (message.channelId !== bot.channel.id || message.ephemeral) return;
      bot.emulator.off("message", failRest);
      bot.emulator.failNext(`POST /channels/${bot.channel.id}/messages`, 503, 4);
    };
    bot.emulator.on("message", failRest);
  }

  async function denseCohort(language?: string): Promise<void> {
    bot = await startBotHarness({ now: new Date("2027-03-01T10:00:00Z") });
    const imported = await bot.test.app.services.curricula.importDocument(denseDocument, bot.guild.id);
    expect(imported.ok).toBe(true);
    await bot.createCohort({
      name: "Dense",
      start: "2027-03-01",
      curriculum: "huge-week-path",
      ...(language === undefined ? {} : { language }),
    });
  }

  it("tells the admin what was posted, records it, and a retry posts only the missing parts", async () => {
    await denseCohort();
    failAfterFirstPart();
    const failed = await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(channelPosts()).toHaveLength(1);
    const failedText = visibleText(failed);
    expect(failedText).toMatch(/^Only 1 of \d+ messages of the week 1 assignment went out in <#\d+>/);
    const total = Number(/of (\d+) messages/.exec(failedText)?.[1]);
    expect(total).toBeGreaterThan(1);
    expect(failedText).toContain("Run the same `/cohort announce` again");

    const audit = await bot.reply(bot.admin.id, "cohort audit", { cohort: "Dense" });
    expect(visibleText(audit)).toContain(`posted an announcement · week 1's assignment · only 1 of ${total} messages went out`);

    const retried = await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(visibleText(retried)).toBe(
      `Posted the missing ${total - 1} of ${total} messages of the week 1 assignment in <#${bot.channel.id}>: the first was already there.`,
    );
    expect(channelPosts()).toHaveLength(total);
    const text = channelText();
    for (let index = 1; index <= 120; index += 1) expect(text.split(`Reading number ${index}:`)).toHaveLength(2);
    const auditAfter = await bot.reply(bot.admin.id, "cohort audit", { cohort: "Dense" });
    expect(visibleText(auditAfter)).toContain(
      `posted an announcement · week 1's assignment · the missing ${total - 1} of ${total} messages`,
    );

    // Once complete, announcing again is a new announcement, posted whole.
    await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(channelPosts()).toHaveLength(2 * total);
  });

  it("says so in Spanish to a Spanish-speaking admin", async () => {
    await denseCohort();
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    failAfterFirstPart();
    const failed = await bot.reply(directora.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(visibleText(failed)).toMatch(/^Solo se ha publicado 1 de \d+ mensajes \(el plan de la semana 1\) en <#\d+>/);
    const retried = await bot.reply(directora.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(visibleText(retried)).toMatch(/^Se han publicado los \d+ mensajes que faltaban de \d+ \(el plan de la semana 1\) en <#\d+>/);
  });
});
