import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { readingWeeksPath } from "../helpers/readingWeeksPath.js";
import { setEmbedLinks } from "../helpers/postedBoards.js";
import { until } from "../helpers/until.js";

/**
 * A cohort whose posts go out at 00:00 (announce_time): its closing post is due the moment its last week ends,
 * a minute before that week's board is due its final edit, and the cohort finishes in that tick. The board still
 * gets its final edit. One week, UTC, from Monday 2026-12-21: the week ends, and the closing post is due, on
 * Monday 2026-12-28 at 00:00. Ada reads in the week's last minute: no live edit comes before the week ends, only
 * the final one shows her.
 */
async function midnightCohort(
  name: string,
): Promise<{ bot: BotHarness; board: () => ReturnType<BotHarness["emulator"]["channelMessages"]>[number] }> {
  const bot = await startBotHarness({ now: new Date("2026-12-20T10:00:00Z") });
  await bot.reply(bot.admin.id, "curriculum import", { file: { name: "midnight.md", content: readingWeeksPath("Midnight Path", 1) } });
  await bot.reply(bot.admin.id, "cohort create", {
    name,
    curriculum: "midnight-path",
    channel: bot.channel.id,
    start: "2026-12-21",
    announce_time: "00:00",
  });
  const ada = bot.member("ada");
  await bot.reply(ada.id, "join", { cohort: name });
  const board = () => {
    const found = bot.emulator
      .channelMessages(bot.channel.id)
      .find((message) => message.embeds[0]?.title?.startsWith("🏆 Week 1") === true);
    if (found === undefined) throw new Error("no week 1 board");
    return found;
  };
  await tickAt(bot, "2026-12-21T00:00:30Z");
  expect(board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
  bot.clock.set(new Date("2026-12-27T23:59:30Z"));
  await bot.reply(ada.id, "done", { item: "Reading 1" });
  await tickAt(bot, "2026-12-28T00:00:30Z");
  expect(bot.emulator.channelMessages(bot.channel.id).map(visibleText).join("\n")).toContain("Final leaderboard");
  return { bot, board };
}

async function statusOf(bot: BotHarness, name: string): Promise<string> {
  return (await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name } })).status;
}

describe("the last week's board of a cohort whose closing post goes out at midnight", () => {
  const name = "Midnight Close";
  let setup: Awaited<ReturnType<typeof midnightCohort>>;

  beforeAll(async () => {
    setup = await midnightCohort(name);
  });
  afterAll(async () => setup.bot.close());

  it("finishes the cohort with its closing post, as any cohort", async () => {
    expect(await statusOf(setup.bot, name)).toBe("finished");
  });

  it("gives the board its final edit a minute after the week's end, with the last minute's reading", async () => {
    await tickAt(setup.bot, "2026-12-28T00:01:30Z");
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(setup.board())).toContain("ada");
  });
});

describe("the last week's final edit of a cohort finished at midnight, when Discord fails it once", () => {
  const name = "Midnight Retry";
  let setup: Awaited<ReturnType<typeof midnightCohort>>;

  beforeAll(async () => {
    setup = await midnightCohort(name);
    // Discord fails the edit, every retry of discord.js too.
    setup.bot.emulator.failNext(`PATCH /channels/${setup.bot.channel.id}/messages/${setup.board().id}`, 503, 4);
    await tickAt(setup.bot, "2026-12-28T00:01:30Z");
  });
  afterAll(async () => setup.bot.close());

  it("leaves the board live after the failed try, the cohort finished", async () => {
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
    expect(await statusOf(setup.bot, name)).toBe("finished");
  });

  it("makes the final edit at a later tick, once", async () => {
    await tickAt(setup.bot, "2026-12-28T00:02:30Z");
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(setup.board())).toContain("ada");
    // A later tick edits it no more: the final edit was made once, after the one failed try.
    await tickAt(setup.bot, "2026-12-28T00:03:30Z");
    const path = `/channels/${setup.bot.channel.id}/messages/${setup.board().id}`;
    const made = setup.bot.emulator.requestLog().filter((entry) => entry.method === "PATCH" && entry.path === path && entry.status === 200);
    expect(made).toHaveLength(1);
  });
});

describe("the last week's final edit of a finished cohort whose channel is flagged", () => {
  const name = "Midnight Flagged";
  let setup: Awaited<ReturnType<typeof midnightCohort>>;
  const flagOf = async () => (await setup.bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name } })).channelProblem;

  beforeAll(async () => {
    setup = await midnightCohort(name);
    // The bot lost Embed Links in the channel, and the cohort's channel is flagged for it (as a refusal flags it).
    const { bot } = setup;
    await setEmbedLinks({ emulator: bot.emulator, first: bot }, bot.channel.id, false);
    await bot.test.app.database.prisma.cohort.updateMany({ where: { name }, data: { channelProblem: "no_permission" } });
    await tickAt(bot, "2026-12-28T00:01:30Z");
    await tickAt(bot, "2026-12-28T00:10:00Z");
  });
  afterAll(async () => setup.bot.close());

  it("waits while the channel cannot take it", async () => {
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
    expect(await flagOf()).toBe("no_permission");
  });

  it("makes the final edit once the channel works again within the day, and clears the flag", async () => {
    const { bot } = setup;
    await setEmbedLinks({ emulator: bot.emulator, first: bot }, bot.channel.id, true);
    await tickAt(bot, "2026-12-28T06:00:00Z");
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(setup.board())).toContain("ada");
    expect(await flagOf()).toBeNull();
  });
});

describe("the last week's final edit of a finished cohort refused for want of Embed Links", () => {
  const name = "Midnight Refused";
  let setup: Awaited<ReturnType<typeof midnightCohort>>;
  const flagOf = async () => (await setup.bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name } })).channelProblem;
  /** The board's edits Discord made (no live edit came before the week's end: Ada read in its last minute). */
  const editsMade = () => {
    const path = `/channels/${setup.bot.channel.id}/messages/${setup.board().id}`;
    return setup.bot.emulator.requestLog().filter((entry) => entry.method === "PATCH" && entry.path === path && entry.status === 200);
  };

  beforeEach(async () => {
    setup = await midnightCohort(name);
    const { bot } = setup;
    // Embed Links taken away after the closing post went out: Discord refuses the board's final edit.
    await setEmbedLinks({ emulator: bot.emulator, first: bot }, bot.channel.id, false);
    await tickAt(bot, "2026-12-28T00:01:30Z");
  });
  afterEach(async () => setup.bot.close());

  it("flags the channel and makes the final edit, once, when Embed Links is back within the day", async () => {
    const { bot } = setup;
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
    expect(await flagOf()).toBe("no_permission");
    await setEmbedLinks({ emulator: bot.emulator, first: bot }, bot.channel.id, true);
    await tickAt(bot, "2026-12-28T06:00:00Z");
    await tickAt(bot, "2026-12-28T06:01:00Z");
    await tickAt(bot, "2026-12-28T06:07:00Z");
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(setup.board())).toContain("ada");
    expect(editsMade()).toHaveLength(1);
    expect(await flagOf()).toBeNull();
  });

  it("tells the admin in /cohort info that the board waits for its final edit, with no posts on hold, until Embed Links is back", async () => {
    const { bot } = setup;
    const info = async () => visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: name }));
    const waiting = await info();
    expect(waiting).toContain(
      `The last week's board in <#${bot.channel.id}> gets its final edit once I have my permissions back there, if that is within a day of the week's end; after that it stays as it is.`,
    );
    expect(waiting).toContain("Posted boards");
    expect(waiting).toContain("**Embed Links**");
    expect(waiting).not.toContain("on hold");
    expect(waiting).not.toContain("/cohort edit channel:");
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const spanish = visibleText(await bot.reply(directora.id, "cohort info", { cohort: name }));
    expect(spanish).toContain(
      `La clasificación de la última semana en <#${bot.channel.id}> recibirá su edición final cuando vuelva a tener allí mis permisos, si es dentro del día siguiente al final de la semana; después se quedará como está.`,
    );
    expect(spanish).not.toContain("en espera");
    await setEmbedLinks({ emulator: bot.emulator, first: bot }, bot.channel.id, true);
    const back = await info();
    expect(back).not.toContain("final edit");
    expect(back).not.toContain("on hold");
    expect(back).not.toContain("Posted boards");
    await tickAt(bot, "2026-12-28T06:00:00Z");
    await tickAt(bot, "2026-12-28T06:01:00Z");
    const edited = await info();
    expect(edited).not.toContain("final edit");
    expect(edited).not.toContain("Posted boards");
  });

  // The channel deleted meanwhile: the board went with it, so no permission brings its final edit back.
  it("says in /cohort info that the channel is gone and what to do, not that the edit waits for permissions", async () => {
    const { bot } = setup;
    const channelId = bot.channel.id;
    const staffRoom = bot.emulator.createChannel(bot.guild.id, { name: "staff" });
    const info = async (userId: string) => visibleText(await bot.run(userId, "cohort info", { cohort: name }, staffRoom.id).final());
    bot.emulator.deleteChannel(channelId);
    await until(() => !bot.test.app.discord.client.channels.cache.has(channelId), "the deletion in the bot's cache");
    const english = await info(bot.admin.id);
    expect(english).not.toContain("permissions back");
    expect(english).not.toContain("on hold");
    expect(english).toContain(
      `The cohort channel <#${channelId}> no longer exists, and the last week's board with it: it gets no final edit. Nothing waits for the channel any more; to give the cohort another one, pick it with \`/cohort edit channel:\`.`,
    );
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const spanish = await info(directora.id);
    expect(spanish).not.toContain("mis permisos");
    expect(spanish).toContain(
      `El canal de la cohorte <#${channelId}> ya no existe, y la clasificación de la última semana con él: no recibirá su edición final. Ya nada espera al canal; para darle otro a la cohorte, elígelo con \`/cohorte editar canal:\`.`,
    );
  });

  it("leaves the board as it was past the day, its flag gone, and holds back no redraw of the closing post's board", async () => {
    const { bot } = setup;
    await tickAt(bot, "2026-12-28T12:00:00Z");
    // Past the day of the week's end: no final edit is due any more, and the flag does not outlive it.
    await tickAt(bot, "2026-12-29T00:05:00Z");
    expect(await flagOf()).toBeNull();
    await setEmbedLinks({ emulator: bot.emulator, first: bot }, bot.channel.id, true);
    await tickAt(bot, "2026-12-29T00:10:00Z");
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
    // The admin puts the board under aliases: the closing post's final board is redrawn without Ada's name, not held
    // back by the old flag.
    bot.clock.set(new Date("2026-12-29T00:11:00Z"));
    await bot.reply(bot.admin.id, "cohort edit", { cohort: name, leaderboard: "aliases" });
    await tickAt(bot, "2026-12-29T00:12:00Z");
    await tickAt(bot, "2026-12-29T00:13:00Z");
    const closing = bot.emulator
      .channelMessages(bot.channel.id)
      .map(visibleText)
      .find((text) => text.includes("Final leaderboard"));
    expect(closing).toBeDefined();
    expect(closing).not.toContain("**ada**");
    expect(closing).toMatch(/🥇 \*Member \d+\* · 20 pts/);
  });
});
