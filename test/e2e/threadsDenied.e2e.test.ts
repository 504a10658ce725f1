import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";

/**
 * A new server's admin who left out Create Public Threads when inviting the bot: the weekly posts still go out, but
 * without the week's discussion thread. /cohort create and /cohort info say so, as they do for Attach Files.
 */
describe("the bot may not create threads in the cohort's channel", () => {
  let bot: BotHarness;
  let channel: { id: string; name: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    channel = bot.emulator.createChannel(bot.guild.id, { name: "no-threads", botCanCreateThreads: false });
  });
  afterAll(async () => bot.close());

  const warning = "I can't create threads in";

  it("says so when the cohort is created, and names the permission to give", async () => {
    const created = await answerOf(
      bot.run(bot.admin.id, "cohort create", {
        name: "Threadless",
        curriculum: "backend-engineer-learning-path",
        channel: channel.id,
        start: "2027-01-11",
      }),
    );
    const text = visibleText(created);
    expect(text).toContain(`${warning} <#${channel.id}>`);
    expect(text).toContain("**Create Public Threads**");
  });

  it("says it in Spanish to a Spanish-speaking admin", async () => {
    bot.emulator.setUserLocale(bot.admin.id, "es-ES");
    try {
      const info = visibleText(await answerOf(bot.run(bot.admin.id, "cohort info", { cohort: "Threadless" })));
      expect(info).toContain(`No puedo crear hilos en <#${channel.id}>`);
      expect(info).toContain("**Crear hilos públicos**");
    } finally {
      bot.emulator.setUserLocale(bot.admin.id, "en-US");
    }
  });

  it("stops saying so once the permission is given", async () => {
    expect(visibleText(await answerOf(bot.run(bot.admin.id, "cohort info", { cohort: "Threadless" })))).toContain(warning);
    bot.emulator.setBotChannelPermissions(channel.id, { botCanCreateThreads: true });
    await until(
      async () => !visibleText(await answerOf(bot.run(bot.admin.id, "cohort info", { cohort: "Threadless" }))).includes(warning),
      "the thread warning gone",
    );
  });
});

describe("the bot may not create threads in the channel of a course in its last week", () => {
  let bot: BotHarness;
  let channel: { id: string; name: string };

  beforeAll(async () => {
    // Monday of week 11 of a 12-week cohort that started on Monday 2027-01-04, after its 09:00 post time.
    bot = await startBotHarness({ now: new Date("2027-03-15T12:00:00Z") });
    channel = bot.emulator.createChannel(bot.guild.id, { name: "no-threads", botCanCreateThreads: false });
    await answerOf(
      bot.run(bot.admin.id, "cohort create", {
        name: "Late Threadless",
        curriculum: "backend-engineer-learning-path",
        channel: channel.id,
        start: "2027-01-04",
      }),
    );
  });
  afterAll(async () => bot.close());

  const info = async () => visibleText(await answerOf(bot.run(bot.admin.id, "cohort info", { cohort: "Late Threadless" })));

  it("stops saying so once no weekly post is left, whose thread could be missing", async () => {
    expect(await info()).toContain("I can't create threads in");
    // Wednesday of week 12: its weekly post was due on Monday, more than a day ago; only the closing post is to come.
    bot.clock.set(new Date("2027-03-24T12:00:00Z"));
    const text = await info();
    expect(text).not.toContain("I can't create threads in");
    expect(text).toContain("Late Threadless");
  });
});
