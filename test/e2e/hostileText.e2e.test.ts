import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { hostileStrings, liveMarkup } from "../helpers/hostileText.js";

/** Everything Discord renders as Markdown: content, titles, descriptions, fields (footers and labels are plain text). */
function markdownText(message: EmulatorMessage): string {
  const parts = [message.content];
  for (const embed of message.embeds) {
    parts.push(embed.title ?? "", embed.description ?? "");
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  return parts.join("\n");
}

/** Display names as Discord allows them (at most 32 characters). */
const hostileNames = [
  "[Free Nitro](https://evil.example)",
  "<t:9999999999999:f>",
  "<@111111111111111111>",
  "@everyone",
  "**bold** ||spoiler||",
  "# Heading",
  "bidi \u202egnirts",
].map((name) => name.slice(0, 32));

describe("user text never formats, links, pings or embeds a timestamp, in any reply or post", () => {
  let bot: BotHarness;
  const seen: EmulatorMessage[] = [];
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort();
    await bot.createCohort({ name: "<t:1:R> **Club** [x](https://evil.example)" });
  });
  afterAll(async () => bot.close());

  const keep = async (message: Promise<EmulatorMessage>) => {
    const result = await message;
    seen.push(result);
    return result;
  };

  it("leaves every hostile name, title and echo inert in English and Spanish", async () => {
    for (const [index, displayName] of hostileNames.entries()) {
      const member = bot.emulator.createMember(bot.guild.id, {
        username: `hostile${index}`,
        displayName,
        locale: index % 2 === 0 ? "en-US" : "es-ES",
      });
      await keep(bot.reply(member.id, "join", { cohort: "Backend Spring 2027" }));
      await keep(bot.reply(member.id, "done", { item: "Storage Engines" }));
      await keep(bot.reply(member.id, "progress"));
    }
    const asker = bot.emulator.createMember(bot.guild.id, { username: "asker", locale: "es-ES" });
    await keep(bot.reply(asker.id, "join", { cohort: "Backend Spring 2027" }));
    const board = await keep(bot.reply(asker.id, "leaderboard", { period: "all" }));
    expect(visibleText(board)).toContain("🥇 **\\[Free Nitro\\](https://");
    for (const value of hostileStrings) {
      const typed = value.slice(0, 100);
      await keep(bot.reply(asker.id, "done", { item: typed }));
      await keep(bot.reply(asker.id, "join", { cohort: typed }));
      await keep(bot.reply(bot.admin.id, "cohort info", { cohort: typed }));
    }
    await keep(bot.reply(bot.admin.id, "cohort list"));
    const done = await keep(bot.reply(asker.id, "done", { item: "<t:9999999999999:f>" }));
    expect(visibleText(done)).toContain("\\<t:9999999999999:f>");

    // The weekly post's top five, then every message the bot wrote, public or private.
    const monday = new Date("2027-01-11T09:00:30Z");
    bot.clock.set(monday);
    await bot.test.app.scheduler.tick(monday);
    const all = [...bot.emulator.channelMessages(bot.channel.id, { includeEphemeral: true }), ...seen];
    const weekly = all.find((message) => message.embeds[0]?.title?.startsWith("📚 Week 2 of 12"));
    expect(weekly === undefined ? "" : visibleText(weekly)).toContain("top five");
    expect(all.length).toBeGreaterThan(hostileStrings.length * 3);
    for (const message of all) {
      expect(liveMarkup(markdownText(message)), markdownText(message).slice(0, 200)).toEqual([]);
      // Plain-text places still lose what hides or reorders text.
      expect(visibleText(message)).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(message.mentions).toEqual({ everyone: false, userIds: [], roleIds: [] });
    }
  });
});
