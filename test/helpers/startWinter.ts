import type { Pictures } from "../../src/discord/pictures/Pictures.js";
import { startBotHarness, type BotHarness } from "./botHarness.js";

/**
 * The chart and card tests' cohort: a harness on Monday 2027-01-04 08:00 (UTC) with "Winter", on the 12-week path
 * from that day, joined by `member` (Ada unless told), who set a `/remind` zone first when `zone` is given.
 * `pictures` draws the bot's pictures (a recorder of their text).
 */
export async function startWinter(
  options: { readonly member?: string; readonly zone?: string; readonly pictures?: Pictures } = {},
): Promise<{ bot: BotHarness; member: { id: string } }> {
  const bot = await startBotHarness({
    now: new Date("2027-01-04T08:00:00Z"),
    ...(options.pictures === undefined ? {} : { pictures: options.pictures }),
  });
  await bot.createCohort({ name: "Winter", start: "2027-01-04" });
  const member = bot.member(options.member ?? "ada");
  await bot.reply(member.id, "join", { cohort: "Winter" });
  if (options.zone !== undefined) await bot.reply(member.id, "remind", { time: "18:00", timezone: options.zone });
  return { bot, member };
}
