import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { readingWeeksPath } from "../helpers/readingWeeksPath.js";

const name = "Midnight Close";

/**
 * A cohort whose posts go out at 00:00 (announce_time): its closing post is due the moment its last week ends,
 * a minute before that week's board is due its final edit. The board still gets it. One week, UTC, from Monday
 * 2026-12-21: the week ends, and the closing post is due, on Monday 2026-12-28 at 00:00.
 */
describe("the last week's board of a cohort whose closing post goes out at midnight", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const board = () => {
    const found = bot.emulator
      .channelMessages(bot.channel.id)
      .find((message) => message.embeds[0]?.title?.startsWith("🏆 Week 1") === true);
    if (found === undefined) throw new Error("no week 1 board");
    return found;
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2026-12-20T10:00:00Z") });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "midnight.md", content: readingWeeksPath("Midnight Path", 1) } });
    await bot.reply(bot.admin.id, "cohort create", {
      name,
      curriculum: "midnight-path",
      channel: bot.channel.id,
      start: "2026-12-21",
      announce_time: "00:00",
    });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: name });
    await tickAt(bot, "2026-12-21T00:00:30Z");
    expect(board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
    // Ada reads in the week's last minute: no live edit comes before the week ends, only the final one shows her.
    bot.clock.set(new Date("2026-12-27T23:59:30Z"));
    await bot.reply(ada.id, "done", { item: "Reading 1" });
    await tickAt(bot, "2026-12-28T00:00:30Z");
    expect(bot.emulator.channelMessages(bot.channel.id).map(visibleText).join("\n")).toContain("Final leaderboard");
  });
  afterAll(async () => bot.close());

  it("gives the board its final edit a minute after the week's end, with the last minute's reading", async () => {
    await tickAt(bot, "2026-12-28T00:01:30Z");
    expect(board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(board())).toContain("ada");
  });

  it("finishes the cohort all the same", async () => {
    await tickAt(bot, "2026-12-28T00:02:30Z");
    expect((await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name } })).status).toBe("finished");
  });
});
