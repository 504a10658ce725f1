import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";

/** The built-in 12-week path, three weeks long: the same title, so the same curriculum. */
const shorterBuiltIn = [
  "Backend Engineer Learning Path",
  ...[1, 2, 3].flatMap((week) => [`Week ${week}: Part ${week}`, `- [ ] Required -- Short Reading ${week} (20 min)`]),
  "",
].join("\n");

/**
 * A shorter curriculum ends at once the course of a cohort running past its new last week: the running week's live
 * board gets its final edit at the next tick (not at that week's old end, days later), with the standings it had when
 * the course ended. The cohort starts Mon 2026-12-07 on the 12-week path (UTC); week 5's post goes out on Monday
 * 2027-01-04 at 09:00, and on Tuesday the curriculum is cut to three weeks.
 */
describe("the live board of a cohort a shorter curriculum ends", () => {
  let bot: BotHarness;
  let edits = 0;
  const boardOf = (): EmulatorMessage => {
    const found = bot.emulator
      .channelMessages(bot.channel.id)
      .find((message) => message.embeds[0]?.title?.startsWith("🏆 Week 5") === true);
    if (found === undefined) throw new Error("no week 5 board");
    return found;
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    await bot.createCohort({ name: "Long Cohort", start: "2026-12-07" });
    await tickAt(bot, "2027-01-04T09:00:30Z");
    const boardId = boardOf().id;
    bot.emulator.on("messageUpdate", (message: { id: string }) => {
      if (message.id === boardId) edits += 1;
    });
    bot.clock.set(new Date("2027-01-05T10:00:00Z"));
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Long Cohort" });
    await bot.reply(ada.id, "done", { cohort: "Long Cohort", item: "Storage Engines" });
    await tickAt(bot, "2027-01-05T10:01:00Z");
    expect(visibleText(boardOf())).toContain("ada");
  }, 120_000);
  afterAll(async () => bot.close());

  it("gives the running week's board its final edit at the next tick, once", async () => {
    bot.clock.set(new Date("2027-01-05T11:00:00Z"));
    const result = await bot.test.app.services.curricula.importDocument(shorterBuiltIn, "");
    expect(result.ok && result.summary.outcome).toBe("updated");
    await tickAt(bot, "2027-01-05T11:00:30Z");
    expect(bot.emulator.channelMessages(bot.channel.id).map(visibleText).join("\n")).toContain("Long Cohort is complete");
    const before = edits;
    await tickAt(bot, "2027-01-05T11:02:00Z");
    const board = boardOf();
    expect(board.embeds[0]?.title).toBe("🏆 Week 5 leaderboard · final");
    expect(visibleText(board)).toContain("ada");
    expect(visibleText(board)).not.toContain("Kept up to date");
    expect(edits).toBe(before + 1);
    // Nothing more, at the week's old end or after.
    for (const at of ["2027-01-05T11:10:00Z", "2027-01-11T00:01:00Z", "2027-01-11T12:00:00Z"]) await tickAt(bot, at);
    expect(edits).toBe(before + 1);
  });

  it("ranks on the closing post's final board the points the running week's final board shows", () => {
    const closing = bot.emulator
      .channelMessages(bot.channel.id)
      .map(visibleText)
      .find((text) => text.includes("Final leaderboard"));
    const weekFive = visibleText(boardOf());
    const adaLine = /🥇 \*\*ada\*\* · \d+ pts/.exec(weekFive)?.[0];
    expect(adaLine).toBeDefined();
    expect(closing).toContain(adaLine);
  });
});
