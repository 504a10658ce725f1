import { ApplicationCommandOptionType, Routes } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

const unexpectedPrefix = translatorFor("en").t("generic.unexpected", { reference: "X" }).split("`")[0] ?? "";

/**
 * A command as Discord still has it registered from an older version of the bot (a server's own registration
 * left behind, or a command removed or changed since): the member is told, privately, that the command changed,
 * never "something went wrong" with a reference for the admin to chase, and nothing changes.
 */
describe("commands registered in an older shape", () => {
  let bot: BotHarness;

  /** Registers `body` for the test server only, as an older version of the bot would have left it. */
  async function registerInServer(body: object): Promise<void> {
    const client = bot.test.app.discord.client;
    const applicationId = client.application?.id ?? "";
    await client.rest.post(Routes.applicationGuildCommands(applicationId, bot.guild.id), { body });
  }

  function expectCommandChanged(message: EmulatorMessage, language: "en" | "es" = "en"): void {
    expect(message.ephemeral).toBe(true);
    expect(visibleText(message)).not.toContain(unexpectedPrefix);
    expect(visibleText(message)).toBe(translatorFor(language).t("generic.outdatedCommand"));
  }

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort();
  });
  afterAll(async () => bot.close());

  it("answers a command the bot no longer has with a clear private message", async () => {
    await registerInServer({ name: "stats", description: "Removed since" });
    const reply = await bot.reply(bot.member("sam").id, "stats");
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toBe(translatorFor("en").t("generic.unknownCommand"));
    // Waiting does not bring a removed command back: the reply says what to do instead.
    expect(visibleText(reply)).not.toContain("minute");
    expect(visibleText(reply)).toContain("tell an admin");
  });

  it("answers a choice the command no longer offers as a changed command, and shows no board", async () => {
    await registerInServer({
      name: "leaderboard",
      description: "Older shape",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "period",
          description: "Period",
          choices: [{ name: "This month", value: "month" }],
        },
      ],
    });
    const ana = bot.emulator.createMember(bot.guild.id, { username: "ana", locale: "es-ES" });
    await bot.reply(ana.id, "join", { cohort: "Backend Spring 2027" });
    expectCommandChanged(await bot.reply(ana.id, "leaderboard", { period: "month" }), "es");
  });

  it("answers an option given as another type than the command now takes as a changed command", async () => {
    await registerInServer({
      name: "week",
      description: "Older shape",
      options: [{ type: ApplicationCommandOptionType.String, name: "number", description: "Week" }],
    });
    const ben = bot.member("ben");
    await bot.reply(ben.id, "join", { cohort: "Backend Spring 2027" });
    expectCommandChanged(await bot.reply(ben.id, "week", { number: "three" }));
  });

  it("answers a command missing an option it now requires as a changed command, and records nothing", async () => {
    await registerInServer({ name: "done", description: "Older shape" });
    const cal = bot.member("cal");
    await bot.reply(cal.id, "join", { cohort: "Backend Spring 2027" });
    expectCommandChanged(await bot.reply(cal.id, "done"));
    expect(await bot.test.app.database.prisma.completion.count()).toBe(0);
    // The admin can tell which option the leftover registration lacks, and what discord.js said.
    const warned = bot.test.logs().filter((line) => line.level === 40 && line.msg === "command registered in an older shape");
    const last = warned.at(-1);
    expect(typeof last?.option === "string" && last.option !== "").toBe(true);
    expect((last?.err as { message?: unknown } | undefined)?.message).toBeTypeOf("string");
  });
});
