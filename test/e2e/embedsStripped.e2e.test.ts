import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { channelProblemOf, setEmbedLinks } from "../helpers/postedBoards.js";
import { barePostsIn, botPostsIn, cohortInCardsChannel, titledIn } from "../helpers/cardsChannel.js";
import { until } from "../helpers/until.js";

/**
 * A cohort channel whose Embed Links an admin takes away when the bot's cache has not heard of it yet (the gateway's
 * CHANNEL_UPDATE still on its way). Discord then stores a post that also has a chart, words or buttons WITHOUT its
 * embeds (only an embeds-only message is refused as empty). Such a message must not count as the post: the bot
 * deletes it, holds the post (the channel flagged, as when its cache knows), and sends it whole, once, when the
 * permission is back. A week's post is two messages: its chart with its words (embeds), then its board.
 */
describe("a post Discord stores without its embeds because Embed Links went unheard, end to end", () => {
  let bot: BotHarness;
  let cards: { id: string; name: string };
  const cohortName = "Stripped";
  const postPath = () => `/channels/${cards.id}/messages`;

  const botPosts = () => botPostsIn(bot, cards.id);
  const barePosts = () => barePostsIn(bot, cards.id);
  const titled = (prefix: string) => titledIn(bot, cards.id, prefix);
  const channelProblem = () => channelProblemOf({ first: bot }, cohortName);
  /** Takes Embed Links away without the bot's cache hearing of it. */
  const embedLinksGoneUnheard = () => bot.emulator.setBotChannelPermissions(cards.id, { botCanEmbedLinks: false }, { unheard: true });
  const embedLinksBack = () => setEmbedLinks({ emulator: bot.emulator, first: bot }, cards.id, true);
  /** The statuses of the parts of a week's post, in order. */
  const partsOf = async (period: string) => {
    const post = await bot.test.app.database.prisma.scheduledPost.findFirstOrThrow({
      where: { kind: "week", period },
      include: { parts: { orderBy: { part: "asc" } } },
    });
    return post.parts.map((part) => part.status);
  };
  /** Fails the bot's deletions of messages in `channelId` (by default the cohort's channel when called) while `on()` holds. */
  const failDeletes = (on: () => boolean, status: number, body?: { message: string; code: number }, channelId = cards.id) =>
    bot.emulator.failNext(
      (request) => on() && request.method === "DELETE" && request.path.startsWith(`/channels/${channelId}/messages/`),
      status,
      1000,
      body === undefined ? {} : { body },
    );
  const missingPermissions = { message: "Missing Permissions", code: 50013 };

  beforeAll(async () => {
    // Pictures drawn as stand-ins: the weekly chart rides with the words of a week's post (from week 2 on).
    const png = async () => Buffer.from("png");
    bot = await startBotHarness({
      now: new Date("2027-01-04T08:00:00Z"),
      pictures: { renderProgressCard: png, renderCourseChart: png, renderWeeklyChart: png },
      // Discord remembers a nonce "a few minutes": here long enough for a post held and sent again within them.
      nonceWindowMs: 15 * 60_000,
    });
    ({ cards } = await cohortInCardsChannel(bot, cohortName));
  });
  afterAll(async () => bot.close());

  it("sent week 1's post with its words while the bot could embed links", () => {
    expect(titled("📚 Week 1 of 12")).toHaveLength(1);
    expect(barePosts()).toEqual([]);
  });

  it("leaves no wordless post, flags the channel and keeps the part unsent when Discord drops week 2's embeds", async () => {
    embedLinksGoneUnheard();
    await tickAt(bot, "2027-01-11T09:00:30Z");
    expect(barePosts()).toEqual([]);
    expect(titled("📚 Week 2 of 12")).toEqual([]);
    expect(await channelProblem()).toBe("no_permission");
    expect(await partsOf("week-2")).not.toContain("sent");
    const info = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: cohortName }));
    expect(info).toContain("Embed Links");
    // The bot fetched its permissions there: the channel's next check (5 minutes on) finds Embed Links missing, and
    // nothing is sent (and deleted) again.
    bot.emulator.clearRequestLog();
    await tickAt(bot, "2027-01-11T09:05:45Z");
    expect(await channelProblem()).toBe("no_permission");
    expect(bot.emulator.requestLog().filter((entry) => entry.method === "POST" && entry.path === postPath())).toEqual([]);
    expect(barePosts()).toEqual([]);
  });

  it("sends week 2's post whole and once when Embed Links is back, within the minutes Discord remembers the nonce", async () => {
    await embedLinksBack();
    // The channel is checked again 5 minutes after the last check (09:05:45): the post goes then, under a nonce of
    // its own (Discord refuses one under the deleted message's), and the next tick sends nothing more.
    await tickAt(bot, "2027-01-11T09:11:00Z");
    expect(titled("📚 Week 2 of 12")).toHaveLength(1);
    await tickAt(bot, "2027-01-11T09:12:00Z");
    const posts = titled("📚 Week 2 of 12");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.attachments.length).toBeGreaterThan(0);
    expect(titled("🏆 Week 2 leaderboard")).toHaveLength(1);
    expect(barePosts()).toEqual([]);
    expect(await channelProblem()).toBeNull();
    expect(await partsOf("week-2")).toEqual(["sent", "sent"]);
  });

  it("keeps the part retryable when deleting the wordless message fails for a while, and deletes it before sending again", async () => {
    let failing = true;
    failDeletes(() => failing, 500);
    embedLinksGoneUnheard();
    await tickAt(bot, "2027-01-18T09:00:30Z");
    // The wordless message could not be deleted yet: it is not taken for the post.
    expect(barePosts()).toHaveLength(1);
    expect(titled("📚 Week 3 of 12")).toEqual([]);
    expect(await channelProblem()).toBe("no_permission");
    expect(await partsOf("week-3")).toEqual(["attempted"]);

    failing = false;
    await embedLinksBack();
    await tickAt(bot, "2027-01-18T09:10:00Z");
    await tickAt(bot, "2027-01-18T09:11:00Z");
    expect(barePosts()).toEqual([]);
    expect(titled("📚 Week 3 of 12")).toHaveLength(1);
    expect(titled("🏆 Week 3 leaderboard")).toHaveLength(1);
    expect(await partsOf("week-3")).toEqual(["sent", "sent"]);
  });

  it("holds the post while Embed Links is missing and Discord refuses the deletion, then sends it whole, leaving the wordless message", async () => {
    let refusing = true;
    failDeletes(() => refusing, 403, missingPermissions);
    embedLinksGoneUnheard();
    await tickAt(bot, "2027-01-25T09:00:30Z");
    expect(barePosts()).toHaveLength(1);
    expect(titled("📚 Week 4 of 12")).toEqual([]);
    expect(await channelProblem()).toBe("no_permission");
    expect(await partsOf("week-4")).toEqual(["attempted"]);

    // Still refused once the channel checks out: holding the post again would only have the next check clear the
    // flag again, until the post is given up. The wordless message stays; the post goes whole, once.
    await embedLinksBack();
    await tickAt(bot, "2027-01-25T09:10:00Z");
    await tickAt(bot, "2027-01-25T09:11:00Z");
    expect(barePosts()).toHaveLength(1);
    const posts = titled("📚 Week 4 of 12");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.attachments.length).toBeGreaterThan(0);
    expect(titled("🏆 Week 4 leaderboard")).toHaveLength(1);
    expect(await channelProblem()).toBeNull();
    expect(await partsOf("week-4")).toEqual(["sent", "sent"]);
    refusing = false;
    // Left behind by the refusal above (the other tests count wordless posts from here).
    const [left] = barePosts();
    bot.emulator.deleteMessage(left?.id ?? "");
  });

  it("takes a post whose embeds a moderator removed for sent, not for one Discord stripped: nothing is sent twice", async () => {
    // Week 5's chart and words reach Discord but its answer is lost (and the retries of discord.js fail too).
    let losing = true;
    const isPost = (request: { method: string; path: string }) => request.method === "POST" && request.path === postPath();
    bot.emulator.failNext((request) => losing && isPost(request), 500, 1, { afterHandling: true });
    bot.emulator.failNext((request) => losing && isPost(request), 500, 1000);
    const before = botPosts().length;
    await tickAt(bot, "2027-02-01T09:00:30Z");
    losing = false;
    expect(botPosts()).toHaveLength(before + 1);
    const stored = botPosts().at(-1);
    expect(stored?.embeds[0]?.title ?? "").toMatch(/^📚 Week 5 of 12/);
    // A moderator removes its embeds; the retry, under the same nonce, is answered with that message.
    bot.emulator.suppressEmbeds(stored?.id ?? "");
    await tickAt(bot, "2027-02-01T09:02:00Z");
    await tickAt(bot, "2027-02-01T09:10:00Z");
    expect(bot.emulator.message(stored?.id ?? "")).not.toBeNull();
    expect(botPosts()).toHaveLength(before + 2);
    expect(titled("🏆 Week 5 leaderboard")).toHaveLength(1);
    expect(await channelProblem()).toBeNull();
    expect(await partsOf("week-5")).toEqual(["sent", "sent"]);
  });

  it("sends a post again under a new nonce when a moderator deleted the message whose answer was lost, flagging nothing", async () => {
    let losing = true;
    const isPost = (request: { method: string; path: string }) => request.method === "POST" && request.path === postPath();
    bot.emulator.failNext((request) => losing && isPost(request), 500, 1, { afterHandling: true });
    bot.emulator.failNext((request) => losing && isPost(request), 500, 1000);
    await tickAt(bot, "2027-02-08T09:00:30Z");
    losing = false;
    const stored = titled("📚 Week 6 of 12");
    expect(stored).toHaveLength(1);
    bot.emulator.deleteMessage(stored[0]?.id ?? "");
    // Within the minutes Discord remembers the nonce: the retry under it is refused (Unknown Message), the next not.
    await tickAt(bot, "2027-02-08T09:02:00Z");
    expect(await channelProblem()).toBeNull();
    await tickAt(bot, "2027-02-08T09:08:00Z");
    await tickAt(bot, "2027-02-08T09:24:00Z");
    expect(titled("📚 Week 6 of 12")).toHaveLength(1);
    expect(titled("🏆 Week 6 leaderboard")).toHaveLength(1);
    expect(await channelProblem()).toBeNull();
    expect(await partsOf("week-6")).toEqual(["sent", "sent"]);
  });

  it("sends the post in the cohort's new channel when Discord refuses deleting the wordless message left in its old one", async () => {
    // Deletions in the old channel (`cards` until the cohort moves) are refused for good: the wordless message stays
    // there (nothing more to do).
    failDeletes(() => true, 403, missingPermissions, cards.id);
    embedLinksGoneUnheard();
    const bare = barePosts().length;
    await tickAt(bot, "2027-02-15T09:00:30Z");
    expect(barePosts()).toHaveLength(bare + 1);
    expect(await channelProblem()).toBe("no_permission");

    const moved = bot.emulator.createChannel(bot.guild.id, { name: "cards-2" });
    await until(() => bot.test.app.discord.client.channels.cache.has(moved.id), "the new channel in the bot's cache");
    await bot.run(bot.admin.id, "cohort edit", { cohort: cohortName, channel: moved.id }, moved.id).final();
    const postedIn = (prefix: string) =>
      bot.emulator
        .channelMessages(moved.id)
        .filter((message) => message.interactionId === null && message.authorId === bot.emulator.botUserId)
        .filter((message) => (message.embeds[0]?.title ?? "").startsWith(prefix));
    await tickAt(bot, "2027-02-15T09:10:00Z");
    await tickAt(bot, "2027-02-15T09:16:00Z");
    const posts = postedIn("📚 Week 7 of 12");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.attachments.length).toBeGreaterThan(0);
    expect(postedIn("🏆 Week 7 leaderboard")).toHaveLength(1);
    expect(await channelProblem()).toBeNull();
    expect(await partsOf("week-7")).toEqual(["sent", "sent"]);
    // The cohort's channel from here on.
    cards = moved;
  });

  it("leaves at most the one wordless message while the bot cannot fetch its permissions and Discord refuses the deletion", async () => {
    // The bot's cache never hears Embed Links went: it cannot fetch the channel, its member or the roles either.
    let failing = true;
    let refusing = true;
    failDeletes(() => refusing, 403, missingPermissions);
    const isFetch = (request: { method: string; path: string }) =>
      request.method === "GET" &&
      (request.path === `/channels/${cards.id}` || /^\/guilds\/[^/]+\/(members\/[^/]+|roles)$/.test(request.path));
    bot.emulator.failNext((request) => failing && isFetch(request), 500, 100_000);
    embedLinksGoneUnheard();
    for (const at of ["09:00:30", "09:06:00", "09:12:00", "09:18:00", "09:24:00"]) await tickAt(bot, `2027-02-22T${at}Z`);
    expect(barePosts()).toHaveLength(1);
    expect(titled("📚 Week 8 of 12")).toEqual([]);
    expect(await partsOf("week-8")).not.toContain("sent");

    // The fetches answer again, the deletion still refused: the permissions fetched show nothing missing, so the
    // wordless message is left and the post goes whole, once.
    failing = false;
    await embedLinksBack();
    await tickAt(bot, "2027-02-22T09:30:00Z");
    await tickAt(bot, "2027-02-22T09:36:00Z");
    expect(barePosts()).toHaveLength(1);
    expect(titled("📚 Week 8 of 12")).toHaveLength(1);
    expect(titled("🏆 Week 8 leaderboard")).toHaveLength(1);
    expect(await partsOf("week-8")).toEqual(["sent", "sent"]);
    refusing = false;
  });

  /**
   * Week `week`'s post (due `monday` at 09:00) stored without its embeds, its deletion refused, while Discord answers
   * the bot's forced fetch of the channel's permissions with `answer`: the channel is flagged `problem` and the post
   * held without using up a retry; once the channel answers and Embed Links is back, the post goes whole, once, and
   * the wordless message is left.
   */
  const heldByPermissionFetch = async (
    week: number,
    monday: string,
    answer: { status: number; message: string; code: number },
    problem: "channel_missing" | "no_permission",
  ) => {
    let refusing = true;
    let fetchAnswered = false;
    failDeletes(() => refusing, 403, missingPermissions);
    const isChannelFetch = (request: { method: string; path: string }) =>
      request.method === "GET" && request.path === `/channels/${cards.id}`;
    bot.emulator.failNext((request) => !fetchAnswered && isChannelFetch(request), answer.status, 100_000, {
      body: { message: answer.message, code: answer.code },
    });
    embedLinksGoneUnheard();
    const bare = barePosts().length;
    await tickAt(bot, `${monday}T09:00:30Z`);
    expect(barePosts()).toHaveLength(bare + 1);
    // The channel's check (its cache unaware) clears the flag; the next attempt, its deletion refused, asks Discord.
    await tickAt(bot, `${monday}T09:06:00Z`);
    expect(await channelProblem()).toBe(problem);
    const post = await bot.test.app.database.prisma.scheduledPost.findFirstOrThrow({ where: { kind: "week", period: `week-${week}` } });
    expect(post).toMatchObject({ status: "failed", attempts: 0 });

    // The fetch answers again (the deletion still refused): the wordless message is left, the post goes whole, once.
    fetchAnswered = true;
    await embedLinksBack();
    await tickAt(bot, `${monday}T09:12:00Z`);
    await tickAt(bot, `${monday}T09:18:00Z`);
    expect(titled(`📚 Week ${week} of 12`)).toHaveLength(1);
    expect(titled(`🏆 Week ${week} leaderboard`)).toHaveLength(1);
    expect(barePosts()).toHaveLength(bare + 1);
    expect(await partsOf(`week-${week}`)).toEqual(["sent", "sent"]);
    refusing = false;
  };

  it("flags the channel missing, using up none of the post's retries, when Discord says it is gone as the bot fetches its permissions", async () => {
    await heldByPermissionFetch(9, "2027-03-01", { status: 404, message: "Unknown Channel", code: 10003 }, "channel_missing");
  });

  it("holds the post as a missing permission, using up none of its retries, when Discord refuses the bot the channel as it fetches its permissions", async () => {
    // The bot lost View Channel: Missing Access.
    await heldByPermissionFetch(10, "2027-03-08", { status: 403, message: "Missing Access", code: 50001 }, "no_permission");
  });
});
