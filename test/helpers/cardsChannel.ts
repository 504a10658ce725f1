import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { tickAt, type BotHarness } from "./botHarness.js";
import { until } from "./until.js";

/** The bot's own posts (not replies to commands) in the channel. */
export function botPostsIn(bot: BotHarness, channelId: string): EmulatorMessage[] {
  return bot.emulator
    .channelMessages(channelId)
    .filter((message) => message.interactionId === null && message.authorId === bot.emulator.botUserId);
}

/** Posts that reached the channel without words: a chart or buttons whose embeds Discord dropped. */
export function barePostsIn(bot: BotHarness, channelId: string): EmulatorMessage[] {
  return botPostsIn(bot, channelId).filter((message) => message.embeds.length === 0 && message.content.trim() === "");
}

/** The bot's posts in the channel whose first embed's title starts with `prefix`. */
export function titledIn(bot: BotHarness, channelId: string, prefix: string): EmulatorMessage[] {
  return botPostsIn(bot, channelId).filter((message) => (message.embeds[0]?.title ?? "").startsWith(prefix));
}

/**
 * A channel "cards" with a cohort of the 12-week path in it, starting Monday 2027-01-04, Ada joined there, and
 * the tick after week 1's post is due (09:00) run: the start of the Embed Links tests.
 */
export async function cohortInCardsChannel(
  bot: BotHarness,
  cohortName: string,
): Promise<{ cards: { id: string; name: string }; ada: { id: string } }> {
  const cards = bot.emulator.createChannel(bot.guild.id, { name: "cards" });
  await until(() => bot.test.app.discord.client.channels.cache.has(cards.id), "the cards channel in the bot's cache");
  await bot.reply(bot.admin.id, "cohort create", {
    name: cohortName,
    curriculum: "backend-engineer-learning-path",
    channel: cards.id,
    start: "2027-01-04",
  });
  const ada = bot.member("ada");
  await bot.run(ada.id, "join", { cohort: cohortName }, cards.id).final();
  await tickAt(bot, "2027-01-04T09:00:30Z");
  return { cards, ada };
}
