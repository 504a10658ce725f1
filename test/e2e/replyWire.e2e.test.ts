import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import type { Reply } from "../../src/discord/commandTypes.js";
import { renderCompletion } from "../../src/discord/render/renderCompletion.js";
import { renderLeaderboard } from "../../src/discord/render/renderLeaderboard.js";
import { renderToday } from "../../src/discord/render/renderToday.js";
import { LeaderboardPeriod, LeaderboardScope } from "../../src/services/StudyService.js";
import { buttonsOf, startBotHarness, type BotHarness } from "../helpers/botHarness.js";

// discord.js's own transformer: what it sent for a reply's plain API objects before the router handed them over ready-made.
const require = createRequire(import.meta.url);
const { toSnakeCase } = require(path.join(path.dirname(require.resolve("discord.js")), "util", "Transformers.js")) as {
  toSnakeCase: (value: unknown) => unknown;
};

/** The callback data discord.js sent for this reply when it transformed its embeds and components itself. */
function wireOf(reply: Reply): string {
  return JSON.stringify({
    content: reply.content ?? "",
    embeds: (reply.embeds ?? []).map(toSnakeCase),
    components: (reply.components ?? []).map(toSnakeCase),
  });
}

function sentOf(data: unknown): string {
  const { content, embeds, components } = data as Record<string, unknown>;
  return JSON.stringify({ content, embeds, components });
}

describe("the replies on the wire", () => {
  let bot: BotHarness;
  const t = translatorFor("en");
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-07T10:00:00Z") });
    // Markdown, a mention and a tag in the cohort name: every reply that names it must escape them the same way.
    await bot.createCohort({ name: "Back_end *Spring* <@everyone> [2027]" });
  });
  afterAll(async () => bot.close());

  it("sends /today, /done and /leaderboard byte for byte as discord.js's transformer did", async () => {
    const ada = bot.member("ada");
    const grace = bot.member("grace");
    for (const member of [ada, grace]) await bot.reply(member.id, "join", { cohort: "Back_end *Spring* <@everyone> [2027]" });
    const first = await bot.reply(ada.id, "today");
    const title = buttonsOf(first)[0]?.label.replace(/^Done: /, "");
    if (title === undefined) throw new Error("no done button");
    await bot.reply(ada.id, "done", { item: title });
    const guildId = bot.guild.id;
    const now = bot.clock.now();

    const today = await bot.run(ada.id, "today").response();
    const todayView = await bot.test.app.services.study.today({ guildId, userId: ada.id, cohort: null, now });
    expect(todayView.items.some((status) => status.done)).toBe(true);
    expect(sentOf(today.data)).toBe(wireOf(renderToday(t, todayView)));

    const again = await bot.run(ada.id, "done", { item: title }).response();
    const againView = await bot.test.app.services.study.complete({ guildId, userId: ada.id, cohort: null, item: title, when: null, now });
    expect(againView.alreadyDone).toBe(true);
    expect(sentOf(again.data)).toBe(wireOf(renderCompletion(t, againView)));

    const board = await bot.run(grace.id, "leaderboard").response();
    const boardView = await bot.test.app.services.study.leaderboard({
      guildId,
      userId: grace.id,
      cohort: null,
      period: LeaderboardPeriod.Week,
      scope: LeaderboardScope.Top,
      now,
    });
    expect(sentOf(board.data)).toBe(wireOf(renderLeaderboard(t, boardView)));
    expect(board.data).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(today.data).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
  });
});
