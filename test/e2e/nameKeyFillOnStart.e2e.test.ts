import { afterAll, describe, expect, it, vi } from "vitest";
import { currentNameKeyRule } from "../../src/domain/text/plainUserText.js";
import { startBotHarness, waitLimitMs, type BotHarness } from "../helpers/botHarness.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { restartBot } from "../helpers/restartBot.js";
import type { TestApp } from "../helpers/testApp.js";

describe("members stored before the name key, or by an older rule", () => {
  let bot: BotHarness;
  let restarted: TestApp | undefined;

  afterAll(async () => {
    await restarted?.close();
    await bot.close();
  });

  it("get their key after the bot's next start", async () => {
    bot = await startBotHarness();
    const { prisma } = bot.test.app.database;
    const { id: curriculumId } = await prisma.curriculum.findFirstOrThrow({ where: { slug: "backend-engineer-learning-path" } });
    const { id: cohortId } = await createCohortRow(prisma, curriculumId, { guildId: bot.guild.id, channelId: bot.channel.id });
    const before = await prisma.member.create({ data: { cohortId, userId: "before", displayName: " Jose\u0301 " } });
    const older = await prisma.member.create({
      data: { cohortId, userId: "older", displayName: "Kim\u200b", nameKey: "Kim\u200b", nameKeyRule: currentNameKeyRule - 1 },
    });

    restarted = await restartBot(bot);

    const keys = () =>
      restarted?.app.database.prisma.member.findMany({
        where: { id: { in: [before.id, older.id] } },
        orderBy: { id: "asc" },
        select: { nameKey: true, nameKeyRule: true },
      });
    await vi.waitFor(
      async () =>
        expect(await keys()).toEqual([
          { nameKey: "Jos\u00e9", nameKeyRule: currentNameKeyRule },
          { nameKey: "Kim", nameKeyRule: currentNameKeyRule },
        ]),
      { timeout: waitLimitMs, interval: 50 },
    );
  });
});
