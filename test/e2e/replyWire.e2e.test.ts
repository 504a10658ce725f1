import { createRequire } from "node:module";
import type { APIRequest } from "discord.js";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import type { Reply } from "../../src/discord/commandTypes.js";
import { renderCompletion } from "../../src/discord/render/renderCompletion.js";
import { renderLeaderboard } from "../../src/discord/render/renderLeaderboard.js";
import { renderToday } from "../../src/discord/render/renderToday.js";
import { LeaderboardPeriod, LeaderboardScope } from "../../src/services/StudyService.js";
import type { InteractionHandle } from "../../src/emulator/InteractionHandle.js";
import { buttonsOf, startBotHarness, type BotHarness } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";

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
  /** The bodies of the bot's requests to Discord, by method and path. */
  const requests: { readonly method: string; readonly path: string; readonly body: unknown }[] = [];
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-07T10:00:00Z") });
    bot.test.app.discord.client.rest.on("response", (request: APIRequest) =>
      requests.push({ method: request.method, path: request.path, body: request.data.body }),
    );
    // Markdown, a mention and a tag in the cohort name: every reply that names it must escape them the same way.
    await bot.createCohort({ name: "Back_end *Spring* <@everyone> [2027]" });
  });
  afterAll(async () => bot.close());

  /**
   * The message the bot sent as its answer to `handle`: the reply, or, when the router had acknowledged the
   * interaction first (a handler still working after 2 s of wall clock, as a busy machine may take), the edit of
   * the deferred reply.
   */
  async function answerSent(handle: InteractionHandle): Promise<{ readonly data: unknown; readonly ephemeral: boolean }> {
    const { ephemeral } = await handle.final();
    const answers = () =>
      requests.flatMap(({ method, path: sent, body }) => {
        if (!sent.includes(`/${handle.token}/`)) return [];
        if (sent.endsWith("/messages/@original")) return method === "PATCH" ? [body] : [];
        const callback = body as { type?: number; data?: unknown };
        return callback.type === 4 ? [callback.data] : [];
      });
    // discord.js reports a request once Discord's answer to it has come back, which may be after the message shows.
    await until(() => answers().length > 0, "the bot's answer on the wire");
    expect(answers()).toHaveLength(1);
    return { data: answers()[0], ephemeral };
  }

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

    const today = await answerSent(bot.run(ada.id, "today"));
    const todayView = await bot.test.app.services.study.today({ guildId, userId: ada.id, cohort: null, now });
    expect(todayView.items.some((status) => status.done)).toBe(true);
    expect(sentOf(today.data)).toBe(wireOf(renderToday(t, todayView)));

    const again = await answerSent(bot.run(ada.id, "done", { item: title }));
    const againView = await bot.test.app.services.study.complete({ guildId, userId: ada.id, cohort: null, item: title, when: null, now });
    expect(againView.alreadyDone).toBe(true);
    expect(sentOf(again.data)).toBe(wireOf(renderCompletion(t, againView)));

    const board = await answerSent(bot.run(grace.id, "leaderboard"));
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
    expect(today.data).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(today.ephemeral).toBe(true);
  });
});
