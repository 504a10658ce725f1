import { expect } from "vitest";
import type { BotChannelAccess } from "../../src/emulator/DiscordEmulator.js";
import { botCanSend, tickAt, type BotHarness } from "./botHarness.js";
import { until } from "./until.js";

/**
 * The cohort "Backend Spring 2027" (started Monday 2027-01-04, ticked on 01-05) whose channel the bot then lost
 * `access` in (Send Messages by default), and week 2's post, due 2027-01-11 09:00, failed there: the cohort's channel
 * is flagged, its posts on hold.
 */
export async function channelOnHold(bot: BotHarness, access: BotChannelAccess = { botCanSend: false }): Promise<void> {
  await bot.createCohort({ name: "Backend Spring 2027", start: "2027-01-04" });
  await tickAt(bot, "2027-01-05T10:00:30Z");
  bot.emulator.setBotChannelPermissions(bot.channel.id, access);
  await until(() => !botCanSend(bot.test, bot.channel.id), "the permission change in the bot's cache");
  await tickAt(bot, "2027-01-11T09:00:30Z");
  expect((await bot.test.app.database.prisma.cohort.findFirstOrThrow()).channelProblem).toBe("no_permission");
}
