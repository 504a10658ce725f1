import { InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

describe("/join, /today, /done through discord.js and the emulator", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    // Tuesday of week 1 (the cohort starts Monday 2027-01-04, UTC).
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort();
  });
  afterAll(async () => bot.close());

  it("registers the commands with Discord on start-up", () => {
    const names = bot.emulator.registeredCommands().map((command) => command.name);
    expect(names).toEqual(expect.arrayContaining(["today", "done", "join"]));
  });

  it("tells someone who has not joined how to join, privately", async () => {
    const stranger = bot.member("stranger");
    const message = await bot.reply(stranger.id, "today");
    expect(message.ephemeral).toBe(true);
    expect(visibleText(message)).toContain("/join");
  });

  it("joins, shows today's items with done buttons, and logs a completion once", async () => {
    const ada = bot.member("ada");
    const joined = await bot.reply(ada.id, "join", { cohort: "Backend Spring 2027" });
    expect(visibleText(joined)).toContain("Welcome to **Backend Spring 2027**");

    const today = await bot.reply(ada.id, "today");
    expect(today.ephemeral).toBe(true);
    const text = visibleText(today);
    expect(text).toContain("Week 1 · Day 2");
    const buttons = buttonsOf(today);
    expect(buttons.length).toBeGreaterThan(0);
    const first = buttons[0];
    if (first === undefined) throw new Error("no button");
    const title = first.label.replace(/^Done: /, "");
    expect(text).toContain(title);

    const clicked = await bot.click(ada.id, today.id, first.customId).final();
    expect(visibleText(clicked)).toContain(`✅ **${title}**`);
    expect(buttonsOf(clicked).map((button) => button.customId)).not.toContain(first.customId);

    const again = await bot.reply(ada.id, "done", { item: title });
    expect(visibleText(again)).toContain("already marked");
    const rows = await bot.test.app.database.prisma.completion.count();
    expect(rows).toBe(1);
  });

  it("offers today's items first in /done autocomplete", async () => {
    const grace = bot.member("grace");
    await bot.reply(grace.id, "join", { cohort: "Backend Spring 2027" });
    const today = await bot.reply(grace.id, "today");
    const todayTitles = buttonsOf(today).map((button) => button.label.replace(/^Done: /, ""));
    const choices = await bot.autocomplete(grace.id, "done", "item", { item: "" });
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(todayTitles.some((title) => String(choices[0]?.name).startsWith(title))).toBe(true);
  });

  it("refuses an unknown item with a clear private message and records nothing", async () => {
    const linus = bot.member("linus");
    await bot.reply(linus.id, "join", { cohort: "Backend Spring 2027" });
    const before = await bot.test.app.database.prisma.completion.count();
    const message = await bot.reply(linus.id, "done", { item: "Basket Weaving" });
    expect(message.ephemeral).toBe(true);
    expect(visibleText(message)).toContain("no item");
    expect(await bot.test.app.database.prisma.completion.count()).toBe(before);
  });

  it("logs each command once with the interaction, server, member and command, and a refusal with its reason", async () => {
    const mae = bot.member("mae");
    await bot.reply(mae.id, "join", { cohort: "Backend Spring 2027" });
    const today = bot.run(mae.id, "today");
    await today.final();
    const acknowledged = await today.response();
    const refused = bot.run(mae.id, "done", { item: "Basket Weaving" });
    await refused.final();
    const linesOf = (id: string) => bot.test.logs().filter((line) => line.interactionId === id);
    await expect.poll(() => linesOf(today.id).length).toBe(1);
    expect(linesOf(today.id)).toEqual([
      expect.objectContaining({ msg: "command handled", guildId: bot.guild.id, userId: mae.id, command: "today" }),
    ]);
    // Whether it was deferred depends on the machine (the router acknowledges a handler still working after 2 s of wall
    // clock), but the log must say what Discord was actually sent first.
    expect(linesOf(today.id)[0]?.deferred).toBe(acknowledged.type === InteractionResponseType.DeferredChannelMessageWithSource);
    await expect.poll(() => linesOf(refused.id).length).toBe(1);
    expect(linesOf(refused.id)).toEqual([
      expect.objectContaining({ msg: "user error", reason: "item.unknown", guildId: bot.guild.id, userId: mae.id, command: "done" }),
    ]);
  });
});
