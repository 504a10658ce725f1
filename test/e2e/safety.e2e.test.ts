import { ButtonStyle, ComponentType, Routes } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import { ALL_PERMISSIONS } from "../../src/emulator/EmulatorState.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { answered, buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

const unexpectedPrefix = translatorFor("en").t("generic.unexpected", { reference: "X" }).split("`")[0] ?? "";

/** A short, private, specific answer: never the generic "something went wrong". */
function expectClearError(message: EmulatorMessage, expected: string): void {
  expect(message.ephemeral).toBe(true);
  const text = visibleText(message);
  expect(text).toContain(expected);
  expect(text).not.toContain(unexpectedPrefix);
  expect(text.length).toBeLessThan(600);
}

describe("safety: other servers, pings and hostile option values", () => {
  let bot: BotHarness;
  let cohortA: Cohort;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    cohortA = await bot.createCohort({ name: "Backend Spring 2027" });
  });
  afterAll(async () => bot.close());

  /** A new server the bot is in (after its GUILD_CREATE reached the bot), with one text channel. */
  async function otherServer(name: string, botPermissions?: bigint) {
    const guild = bot.emulator.createGuild({ name, ...(botPermissions === undefined ? {} : { botPermissions }) });
    const channel = bot.emulator.createChannel(guild.id, { name: "study" });
    const client = bot.test.app.discord.client;
    // Until the bot has the channel (the test's timeout bounds the wait, not a count of attempts that depends on the machine's speed).
    while (!client.guilds.cache.get(guild.id)?.channels.cache.has(channel.id)) await new Promise((resolve) => setTimeout(resolve, 20));
    const run = (userId: string, command: string, options: Record<string, string | number | boolean> = {}) =>
      bot.emulator.runCommand({ guildId: guild.id, channelId: channel.id, userId, name: command, options });
    return { guild, channel, run };
  }

  describe("a member of one server never sees or changes another server's cohorts", () => {
    it("treats a cohort id from another server as unknown in every member command, and changes nothing", async () => {
      const b = await otherServer("Server B");
      const cohortB = await bot.test.app.services.cohorts.create({
        guildId: b.guild.id,
        actorId: "1",
        name: "Secret B Cohort",
        curriculum: "backend-engineer-learning-path",
        channelId: b.channel.id,
        start: "2027-01-04",
      });
      const insiderB = bot.emulator.createMember(b.guild.id, { username: "insider-b" });
      await answered(b.run(insiderB.id, "join", { cohort: String(cohortB.id) }));
      await answered(b.run(insiderB.id, "done", { item: "Storage Engines" }));

      const memberA = bot.member("member-a");
      await answered(bot.run(memberA.id, "join", { cohort: "Backend Spring 2027" }));
      const prisma = bot.test.app.database.prisma;
      const snapshot = async () => ({
        membersB: await prisma.member.findMany({ where: { cohortId: cohortB.id }, orderBy: { id: "asc" } }),
        completionsB: await prisma.completion.count({ where: { cohortId: cohortB.id } }),
        answers: await prisma.checkpointAnswer.count(),
      });
      const before = await snapshot();
      const crafted = String(cohortB.id);
      const attempts: [string, Record<string, string | number | boolean>][] = [
        ["join", { cohort: crafted }],
        ["leave", { cohort: crafted }],
        ["today", { cohort: crafted }],
        ["done", { item: "Storage Engines", cohort: crafted }],
        ["undo", { item: "Storage Engines", cohort: crafted }],
        ["week", { cohort: crafted }],
        ["progress", { cohort: crafted, member: insiderB.id }],
        ["leaderboard", { cohort: crafted }],
        ["checkpoint", { cohort: crafted }],
        ["remind", { cohort: crafted, time: "08:00" }],
      ];
      for (const [command, options] of attempts) {
        const message = await answered(bot.run(memberA.id, command, options));
        expectClearError(message, `no cohort called "${crafted}"`);
        expect(visibleText(message)).not.toContain("Secret B");
      }
      expect(await snapshot()).toEqual(before);

      for (const command of ["today", "done", "leave", "join"]) {
        const choices = await bot.autocomplete(memberA.id, command, "cohort", { cohort: "" });
        expect(choices.map((choice) => choice.name)).not.toContain("Secret B Cohort");
      }

      // A crafted checkpoint button carrying server B's cohort id, clicked in server A.
      const sectionB = await prisma.section.findFirstOrThrow({ where: { curriculumId: cohortB.curriculumId } });
      const channelA = await bot.test.app.discord.client.channels.fetch(bot.channel.id);
      if (channelA === null || !channelA.isSendable()) throw new Error("channel A not sendable");
      const post = await channelA.send({
        content: "crafted",
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Primary,
                label: "Confident",
                custom_id: `checkpoint:${cohortB.id}:${sectionB.id}:confident`,
              },
            ],
          },
        ],
      });
      const clicked = await answered(bot.click(memberA.id, post.id, `checkpoint:${cohortB.id}:${sectionB.id}:confident`));
      // The clicker typed no cohort: to them the button is simply out of date.
      expectClearError(clicked, "This button is out of date");
      expect(await snapshot()).toEqual(before);
    });

    it("refuses a checkpoint button whose section is not in the cohort's curriculum", async () => {
      const member = bot.member("crafty");
      await answered(bot.run(member.id, "join", { cohort: "Backend Spring 2027" }));
      const foreign = await bot.test.app.database.prisma.section.findFirstOrThrow({
        where: { curriculumId: { not: cohortA.curriculumId } },
      });
      const channel = await bot.test.app.discord.client.channels.fetch(bot.channel.id);
      if (channel === null || !channel.isSendable()) throw new Error("channel not sendable");
      const customIds = [
        `checkpoint:${cohortA.id}:${foreign.id}:partly`,
        `checkpoint:${cohortA.id}:1:maybe`,
        `checkpoint:${cohortA.id}:x:partly`,
      ];
      const post = await channel.send({
        content: "crafted sections",
        components: [
          {
            type: ComponentType.ActionRow,
            components: customIds.map((customId, index) => ({
              type: ComponentType.Button,
              style: ButtonStyle.Primary,
              label: `b${index}`,
              custom_id: customId,
            })),
          },
        ],
      });
      expectClearError(await answered(bot.click(member.id, post.id, customIds[0] ?? "")), "no longer part of the cohort's curriculum");
      expectClearError(await answered(bot.click(member.id, post.id, customIds[1] ?? "")), "This button has expired");
      expectClearError(await answered(bot.click(member.id, post.id, customIds[2] ?? "")), "This button has expired");
      expect(await bot.test.app.database.prisma.checkpointAnswer.count({ where: { member: { userId: member.id } } })).toBe(0);
    });
  });

  describe("no message can ping @everyone, @here or a role, whatever names people choose", () => {
    it("shows hostile member and cohort names as inert text in every reply and post", async () => {
      // A server where the bot may mention everyone and the role is mentionable: only allowed_mentions stands in the way.
      const c = await otherServer("Server C", ALL_PERMISSIONS);
      const role = bot.emulator.createRole(c.guild.id, { name: "students", mentionable: true });
      const hostileCohort = `Cohort <@&${role.id}> @here`;
      const cohort = await bot.test.app.services.cohorts.create({
        guildId: c.guild.id,
        actorId: "1",
        name: hostileCohort,
        curriculum: "backend-engineer-learning-path",
        channelId: c.channel.id,
        start: "2027-01-04",
      });
      const loud = bot.emulator.createMember(c.guild.id, { username: "loud", displayName: "@everyone" });
      const other = bot.emulator.createMember(c.guild.id, { username: "other", displayName: `<@&${role.id}>` });

      // Control: a message sent without allowed_mentions would ping here.
      const control = (await bot.test.app.discord.client.rest.post(Routes.channelMessages(c.channel.id), {
        body: { content: `@everyone <@&${role.id}> control` },
      })) as { id: string };
      expect(bot.emulator.message(control.id)?.mentions.everyone).toBe(true);
      expect(bot.emulator.message(control.id)?.mentions.roleIds).toEqual([role.id]);

      const seen: EmulatorMessage[] = [];
      const runAs = async (userId: string, command: string, options: Record<string, string | number | boolean> = {}) => {
        const message = await answered(c.run(userId, command, options));
        seen.push(message);
        return message;
      };
      await runAs(loud.id, "join", { cohort: String(cohort.id) });
      await runAs(other.id, "join", { cohort: String(cohort.id) });
      await runAs(loud.id, "done", { item: "Storage Engines" });
      await runAs(other.id, "done", { item: "Database Selection Guide" });
      const board = await runAs(loud.id, "leaderboard");
      expect(board.ephemeral).toBe(false);
      expect(visibleText(board)).toContain("@\u200beveryone");
      await runAs(loud.id, "progress", { member: other.id });
      await runAs(loud.id, "week");
      await runAs(loud.id, "today");
      const checkpoint = await runAs(other.id, "checkpoint");
      const click = await answered(bot.click(other.id, checkpoint.id, buttonsOf(checkpoint)[1]?.customId ?? ""));
      seen.push(click);
      await runAs(loud.id, "remind", { time: "09:00" });
      // Errors that echo what was typed.
      await runAs(loud.id, "join", { cohort: "@everyone" });
      await runAs(loud.id, "done", { item: `<@&${role.id}> @here` });
      await runAs(other.id, "leave", { cohort: String(cohort.id) });
      await runAs(other.id, "undo", { item: "Storage Engines" });

      expect(seen.length).toBeGreaterThan(10);
      for (const message of seen) expect(message.mentions).toEqual({ everyone: false, userIds: [], roleIds: [] });
      const inChannel = bot.emulator
        .channelMessages(c.channel.id, { includeEphemeral: true })
        .filter((message) => message.id !== control.id);
      for (const message of inChannel) expect(message.mentions).toEqual({ everyone: false, userIds: [], roleIds: [] });
    });
  });

  describe("option values of any content never crash the bot", () => {
    const hostileValues = [
      "📚🔥 Storage Engines 🚀",
      `"Storage' Engines`,
      `'; DROP TABLE "Completion"; --`,
      `Robert'); DELETE FROM "Member" WHERE 1=1;--`,
      "**bold** ||spoiler|| `code` ~~strike~~",
      "مرحبا بالعالم \u202e gnirts desrever",
      " ",
    ];

    it("answers each with a clear private message and leaves the data intact", async () => {
      const member = bot.member("fuzzer");
      await answered(bot.run(member.id, "join", { cohort: "Backend Spring 2027" }));
      await answered(bot.run(member.id, "done", { item: "Storage Engines" }));
      const prisma = bot.test.app.database.prisma;
      const counts = async () => ({
        completions: await prisma.completion.count(),
        members: await prisma.member.count(),
        cohorts: await prisma.cohort.count(),
        items: await prisma.item.count(),
      });
      const before = await counts();
      const itemMax = "x".repeat(200);
      const cohortMax = "c".repeat(100);
      for (const value of [...hostileValues, itemMax]) {
        expectClearError(await answered(bot.run(member.id, "done", { item: value })), "no item");
        expectClearError(await answered(bot.run(member.id, "undo", { item: value })), "no item");
      }
      for (const value of [...hostileValues.filter((value) => value.trim() !== ""), cohortMax]) {
        expectClearError(await answered(bot.run(member.id, "join", { cohort: value })), "no cohort called");
        expectClearError(await answered(bot.run(member.id, "today", { cohort: value })), "no cohort called");
        expectClearError(await answered(bot.run(member.id, "leave", { cohort: value })), "no cohort called");
        expectClearError(await answered(bot.run(member.id, "remind", { time: value.slice(0, 20) })), "is not a time of day");
        expectClearError(
          await answered(bot.run(member.id, "remind", { time: "08:00", timezone: value.slice(0, 64) })),
          "is not a time zone",
        );
      }
      expect(await counts()).toEqual(before);
      const reminder = await prisma.member.findFirstOrThrow({ where: { userId: member.id } });
      expect(reminder.remindTime).toBeNull();
      // Still working normally afterwards.
      expect(visibleText(await answered(bot.run(member.id, "today")))).toContain("Week 1 · Day 2");
    });

    it("lets Discord refuse values longer than an option allows, and copes with any autocomplete text", async () => {
      const member = bot.member("long-typer");
      await answered(bot.run(member.id, "join", { cohort: "Backend Spring 2027" }));
      const huge = '\'; DROP TABLE "Completion"; -- 📚 '.repeat(200).slice(0, 6000);
      // Discord's client cannot send more than the option's max_length (200 for item, 100 for cohort).
      expect(() => bot.run(member.id, "done", { item: huge })).toThrow(/at most 200 characters/);
      expect(() => bot.run(member.id, "join", { cohort: huge })).toThrow(/at most 100 characters/);
      // Autocomplete carries whatever was typed so far.
      expect(await bot.autocomplete(member.id, "done", "item", { item: huge })).toEqual([]);
      expect(await bot.autocomplete(member.id, "undo", "cohort", { cohort: huge, item: "x" })).toEqual([]);
      const zones = await bot.autocomplete(member.id, "remind", "timezone", { timezone: huge.slice(0, 64) });
      expect(zones).toEqual([]);
      expect(visibleText(await answered(bot.run(member.id, "done", { item: "Storage Engines" })))).toContain("Logged **Storage Engines**");
    });
  });
});
