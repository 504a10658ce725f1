import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { DatabaseBusyError } from "../../src/db/repositories/DatabaseBusyError.js";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import {
  channelProblemOf,
  commandsIn,
  deleteDataOf,
  endWithClosingPost,
  fieldOf,
  postLabelled,
  setEmbedLinks,
  twoMembersScoreWeekOne,
} from "../helpers/postedBoards.js";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";
import { barePostsIn, cohortInCardsChannel, titledIn } from "../helpers/cardsChannel.js";
import { until } from "../helpers/until.js";

/**
 * A cohort channel whose Embed Links an admin takes away after the cohort was set up. Discord then drops the
 * embeds of the bot's channel messages without an error: a post would go out as a bare chart or bare buttons,
 * its words lost. The bot holds such posts instead, flags the channel and tells the admin what to give back;
 * replies to commands keep their cards (Discord lets apps embed links when responding to interactions).
 */
describe("a cohort channel where the bot may no longer embed links, end to end", () => {
  let bot: BotHarness;
  let cards: { id: string; name: string };
  const cohortName = "Winter";
  let ada: { id: string };

  const barePosts = () => barePostsIn(bot, cards.id);
  const titled = (prefix: string) => titledIn(bot, cards.id, prefix);
  const channelProblem = () => channelProblemOf({ first: bot }, cohortName);
  const embedLinks = (allowed: boolean) => setEmbedLinks({ emulator: bot.emulator, first: bot }, cards.id, allowed);

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    ({ cards, ada } = await cohortInCardsChannel(bot, cohortName));
  });
  afterAll(async () => bot.close());

  it("sent week 1's post with its words while the bot could embed links", () => {
    expect(titled("📚 Week 1 of 12")).toHaveLength(1);
    expect(barePosts()).toEqual([]);
  });

  it("still answers /today and /leaderboard there with their cards once Embed Links is taken away", async () => {
    await embedLinks(false);
    const today = await bot.run(ada.id, "today", {}, cards.id).final();
    expect(today.embeds.length).toBeGreaterThan(0);
    expect(visibleText(today)).not.toBe("");
    const board = await bot.run(ada.id, "leaderboard", {}, cards.id).final();
    expect(board.embeds.length).toBeGreaterThan(0);
  });

  it("holds week 2's post rather than sending it without its words, flags the channel, and /cohort info names Embed Links", async () => {
    await tickAt(bot, "2027-01-11T09:00:30Z");
    expect(barePosts()).toEqual([]);
    expect(titled("📚 Week 2 of 12")).toEqual([]);
    expect(await channelProblem()).toBe("no_permission");
    const info = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: cohortName }));
    expect(info).toContain("Embed Links");
    // An admin announcing the week by hand is told the same, and nothing goes out bare either.
    const announced = visibleText(await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "week" }));
    expect(announced).toMatch(/posts are on hold.*\*\*Embed Links\*\*|\*\*Embed Links\*\*.*posts are on hold/s);
    expect(barePosts()).toEqual([]);
    expect(titled("📚 Week 2 of 12")).toEqual([]);
  });

  it("sends week 2's post, whole and once, when Embed Links is given back", async () => {
    await embedLinks(true);
    await tickAt(bot, "2027-01-11T10:00:30Z");
    await tickAt(bot, "2027-01-11T11:00:30Z");
    expect(titled("📚 Week 2 of 12")).toHaveLength(1);
    expect(barePosts()).toEqual([]);
  });

  it("holds the checkpoint prompt too rather than posting its buttons alone, and sends it once Embed Links is back", async () => {
    await embedLinks(false);
    await tickAt(bot, "2027-01-15T17:00:30Z");
    expect(barePosts()).toEqual([]);
    expect(titled("✅ Checkpoint")).toEqual([]);
    expect(await channelProblem()).toBe("no_permission");
    await embedLinks(true);
    await tickAt(bot, "2027-01-15T18:00:30Z");
    await tickAt(bot, "2027-01-15T19:00:30Z");
    expect(titled("✅ Checkpoint")).toHaveLength(1);
    expect(barePosts()).toEqual([]);
  });
  it("holds a post part Discord refuses as empty for the embeds it dropped, when Embed Links went before the bot heard of it", async () => {
    // Week 3's post: its chart and words, then its board, which has nothing but embeds. Embed Links taken away an
    // instant before the board's send (and given back at once): Discord drops its embeds and finds nothing left
    // (50006). Only such a message is refused: one with a chart, words or buttons would go out without its embeds.
    let posts = 0;
    bot.emulator.failNext(
      (request) => request.method === "POST" && request.path === `/channels/${cards.id}/messages` && ++posts === 2,
      400,
      1,
      { body: { message: "Cannot send an empty message", code: 50006 } },
    );
    await tickAt(bot, "2027-01-18T09:00:30Z");
    expect(titled("📚 Week 3 of 12")).toHaveLength(1);
    expect(titled("🏆 Week 3 leaderboard")).toEqual([]);
    expect(await channelProblem()).toBe("no_permission");
    // Not given up as a bad request: the board is sent once the channel checks out again, the rest not twice.
    await tickAt(bot, "2027-01-18T10:00:30Z");
    await tickAt(bot, "2027-01-18T11:00:30Z");
    expect(titled("📚 Week 3 of 12")).toHaveLength(1);
    expect(titled("🏆 Week 3 leaderboard")).toHaveLength(1);
    expect(barePosts()).toEqual([]);
  });
});

/** The cohorts' rows, counting the writes that flag a cohort's channel. */
class CountsFlags extends CohortRepository {
  flags = 0;

  override async update(...args: Parameters<CohortRepository["update"]>) {
    const [, changes] = args;
    if (changes.channelProblem !== undefined && changes.channelProblem !== null) this.flags += 1;
    return super.update(...args);
  }
}

/**
 * CountsFlags whose first write of a flag fails (the database locked), once `failWhen` holds: the write is under
 * way until then, as a slow one is.
 */
class FailsFirstFlag extends CountsFlags {
  failWhen: () => Promise<boolean> = () => Promise.resolve(true);
  private failed = false;

  override async update(...args: Parameters<CohortRepository["update"]>) {
    const [, changes] = args;
    if (!this.failed && changes.channelProblem !== undefined && changes.channelProblem !== null) {
      this.failed = true;
      await until(this.failWhen, "the moment the flag write fails");
      throw new DatabaseBusyError(0);
    }
    return super.update(...args);
  }
}

/**
 * The week's live board in a channel whose Embed Links goes while the week runs or across its end, then comes
 * back: the refused edit flags the channel and is made once the bot may embed links again (within the day).
 * The cohort starts Monday 2027-03-01 (UTC); week 1's post goes out at 09:00, its week ends Monday 2027-03-08 00:00.
 */
describe("the week's board where the bot may no longer embed links, end to end", () => {
  const at = (iso: string) => new Date(iso);
  const cohortName = "Board Spring";
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  let cohortRows: CountsFlags | undefined;
  /** How many times the bot wrote a flag on a cohort's channel. */
  const flagWrites = () => {
    if (cohortRows === undefined) throw new Error("the app did not build the test's cohort repository");
    return cohortRows.flags;
  };

  async function postedWeekOne(rows: typeof CountsFlags = CountsFlags): Promise<{ current: SchedulerWorld; channelId: string }> {
    const current = await startSchedulerWorld(at("2027-03-01T08:00:00Z"), {
      cohortRepository: (prisma, provider, writes) => (cohortRows = new rows(prisma, provider, writes)),
    });
    world = current;
    const channelId = current.createChannel("boards").id;
    await current.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    expect((await current.first.tickAt(at("2027-03-01T09:00:00Z"))).sent.map((post) => post.period)).toEqual(["week-1"]);
    return { current, channelId };
  }
  const board = (current: SchedulerWorld, channelId: string) => {
    const found = current.posts(channelId, { liveBoards: true }).find((post) => postLabel(post.message) === "live board 1");
    if (found === undefined) throw new Error("no board for week 1");
    return found.message;
  };
  /** Embed Links given back after Ada's deletion: within two ticks week 1's board and the final one are redrawn without her. */
  const expectRedrawnWithoutAdaOnceBack = async (current: SchedulerWorld, channelId: string) => {
    await setEmbedLinks(current, channelId, true);
    await current.first.tickAt(at("2027-03-02T12:17:00Z"));
    await current.first.tickAt(at("2027-03-02T12:18:00Z"));
    expect(fieldOf(postLabelled(current, channelId, "closing"), "🏆 Final leaderboard") ?? "").not.toContain("Ada Lovelace");
    const weekOneBoard = visibleText(board(current, channelId));
    expect(weekOneBoard).not.toContain("Ada Lovelace");
    expect(weekOneBoard).toContain("Zeddicus");
  };
  const reads = async (current: SchedulerWorld, userId: string, name: string, now: Date) => {
    const { cohorts, study } = current.first.test.app.services;
    await cohorts.join(current.guild.id, userId, name, cohortName, now);
    await study.complete({ guildId: current.guild.id, userId, cohort: null, item: "Storage Engines", now });
  };

  it("gives the board its final edit once Embed Links is back within the day, when it was missing at the week's end", async () => {
    const { current, channelId } = await postedWeekOne();
    await reads(current, "900000000000000011", "Final Reader", at("2027-03-05T10:00:00Z"));
    await setEmbedLinks(current, channelId, false);
    expect((await current.first.tickAt(at("2027-03-08T00:01:00Z"))).boardsClosed).toBe(0);
    expect(board(current, channelId).embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
    expect(await channelProblemOf(current, cohortName)).toBe("no_permission");

    await setEmbedLinks(current, channelId, true);
    // The next check of the channel (every 5 minutes) clears the flag; the tick after reads the cohort again.
    await current.first.tickAt(at("2027-03-08T00:07:00Z"));
    await current.first.tickAt(at("2027-03-08T00:08:00Z"));
    expect(board(current, channelId).embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(board(current, channelId))).toContain("Final Reader");
    expect(await channelProblemOf(current, cohortName)).toBeNull();
  });

  it("makes a live edit refused for want of Embed Links once it is back, the board showing the reading", async () => {
    const { current, channelId } = await postedWeekOne();
    await setEmbedLinks(current, channelId, false);
    await reads(current, "900000000000000012", "Live Reader", at("2027-03-03T10:00:00Z"));
    expect((await current.first.tickAt(at("2027-03-03T10:01:00Z"))).boardsEdited).toBe(0);
    expect(await channelProblemOf(current, cohortName)).toBe("no_permission");

    await setEmbedLinks(current, channelId, true);
    await current.first.tickAt(at("2027-03-03T10:07:00Z"));
    await current.first.tickAt(at("2027-03-03T10:08:00Z"));
    expect(board(current, channelId).embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
    expect(visibleText(board(current, channelId))).toContain("Live Reader");
    expect(await channelProblemOf(current, cohortName)).toBeNull();
  });

  it("redraws a posted board after a member's deletion once Embed Links is back, using up none of its tries meanwhile", async () => {
    const { current, channelId } = await postedWeekOne();
    const { ada } = await twoMembersScoreWeekOne(current, commandsIn(current, channelId), [cohortName], at("2027-03-01T10:00:00Z"));
    await current.first.tickAt(at("2027-03-01T10:01:00Z"));
    // The admin ends the cohort: its closing post shows the final board; no live board is left to edit.
    await endWithClosingPost(current, cohortName, at("2027-03-02T12:00:00Z"));
    const finalBoard = () => fieldOf(postLabelled(current, channelId, "closing"), "🏆 Final leaderboard") ?? "";
    expect(finalBoard()).toContain("Ada Lovelace");

    await setEmbedLinks(current, channelId, false);
    current.first.clock.set(at("2027-03-02T12:10:00Z"));
    await deleteDataOf(current, channelId, ada.id);
    await current.first.tickAt(at("2027-03-02T12:11:00Z"));
    expect(finalBoard()).toContain("Ada Lovelace");
    expect(await channelProblemOf(current, cohortName)).toBe("no_permission");
    // The refusal is the channel's, flagged for the admin: none of the redraw's tries before it is given up.
    const closing = await current.first.test.app.database.prisma.scheduledPost.findFirstOrThrow({ where: { kind: "closing" } });
    expect(closing.redrawAttempts).toBe(0);

    await setEmbedLinks(current, channelId, true);
    await current.first.tickAt(at("2027-03-02T12:17:00Z"));
    await current.first.tickAt(at("2027-03-02T12:18:00Z"));
    expect(finalBoard()).not.toContain("Ada Lovelace");
    expect(finalBoard()).toContain("Zeddicus");
  });

  it("flags the channel once in a tick whose redraws of several posted boards are all refused for want of Embed Links", async () => {
    const { current, channelId } = await postedWeekOne();
    const { ada } = await twoMembersScoreWeekOne(current, commandsIn(current, channelId), [cohortName], at("2027-03-01T10:00:00Z"));
    await current.first.tickAt(at("2027-03-01T10:01:00Z"));
    await current.first.test.app.services.cohorts.setStatus(
      current.guild.id,
      cohortName,
      "ended",
      current.admin.id,
      at("2027-03-02T12:00:00Z"),
    );
    await current.first.tickAt(at("2027-03-02T12:00:05Z"));
    await current.first.tickAt(at("2027-03-02T12:01:10Z"));
    const weekOneBoard = () => visibleText(board(current, channelId));
    const finalBoard = () => fieldOf(postLabelled(current, channelId, "closing"), "🏆 Final leaderboard") ?? "";
    expect(finalBoard()).toContain("Ada Lovelace");
    expect(weekOneBoard()).toContain("Ada Lovelace");

    // Ada's deletion flags two posts of the cohort (week 1's, whose board shows her, and the closing post): one
    // tick redraws both, and both are refused for want of Embed Links.
    await setEmbedLinks(current, channelId, false);
    current.first.clock.set(at("2027-03-02T12:10:00Z"));
    await deleteDataOf(current, channelId, ada.id);
    const flagLines = () =>
      current.first.test.logs().filter((line) => line.msg === "posted board not edited: no Embed Links in the cohort's channel, flagged");
    await current.first.tickAt(at("2027-03-02T12:11:00Z"));
    expect(await channelProblemOf(current, cohortName)).toBe("no_permission");
    expect(flagLines()).toHaveLength(1);
    expect(flagWrites()).toBe(1);

    // Both redraws are made once Embed Links is back, none of their tries used up meanwhile.
    const redrawAttempts = await current.first.test.app.database.prisma.scheduledPost.findMany({
      where: { OR: [{ kind: "closing" }, { period: "week-1" }] },
      orderBy: { kind: "asc" },
      select: { kind: true, redrawAttempts: true },
    });
    expect(redrawAttempts).toEqual([
      { kind: "closing", redrawAttempts: 0 },
      { kind: "week", redrawAttempts: 0 },
    ]);
    await expectRedrawnWithoutAdaOnceBack(current, channelId);
  });

  it("flags the channel once, with one log line, in a tick whose final edits of two boards of the cohort are refused for want of Embed Links", async () => {
    const { current, channelId } = await postedWeekOne();
    const { cohorts } = current.first.test.app.services;
    const editStart = async (start: string, now: Date) => {
      current.first.clock.set(now);
      await cohorts.edit({ guildId: current.guild.id, cohort: cohortName, start, now, actorId: current.admin.id });
    };
    const boards = () =>
      current
        .posts(channelId, { liveBoards: true })
        .filter((post) => postLabel(post.message) === "live board 1")
        .map((post) => post.message.embeds[0]?.title);
    // The start postponed a week: week 1's first board says it moved, and week 1 is posted again on 8 March.
    await editStart("2027-03-08", at("2027-03-02T10:30:00Z"));
    await current.first.tickAt(at("2027-03-02T10:32:00Z"));
    await current.first.tickAt(at("2027-03-08T09:00:00Z"));
    expect(boards()).toEqual(["🏆 Week 1 leaderboard · moved", "🏆 Week 1 leaderboard · live"]);

    // The start put back on 9 March: the first board is week 1's again, over (its final edit due a minute later),
    // and the second is set aside (its "moved" edit due then too); week 2's post, now late, goes out at once.
    await editStart("2027-03-01", at("2027-03-09T05:00:00Z"));
    expect((await current.first.tickAt(at("2027-03-09T05:00:30Z"))).sent.map((post) => post.period)).toEqual(["week-2"]);
    // One tick makes both edits, and both are refused for want of Embed Links.
    await setEmbedLinks(current, channelId, false);
    const refusedLines = () => current.first.test.logs().filter((line) => line.msg === "final board not edited");
    expect((await current.first.tickAt(at("2027-03-09T05:01:10Z"))).boardsClosed).toBe(0);
    expect(await channelProblemOf(current, cohortName)).toBe("no_permission");
    expect(refusedLines()).toHaveLength(1);
    expect(flagWrites()).toBe(1);
    expect(boards()).toEqual(["🏆 Week 1 leaderboard · moved", "🏆 Week 1 leaderboard · live"]);

    // Both are made once Embed Links is back.
    await setEmbedLinks(current, channelId, true);
    await current.first.tickAt(at("2027-03-09T05:07:00Z"));
    await current.first.tickAt(at("2027-03-09T05:08:00Z"));
    expect(boards()).toEqual(["🏆 Week 1 leaderboard · final", "🏆 Week 1 leaderboard · moved"]);
  });

  it("flags the channel once in a tick whose live edit is refused for want of Embed Links, its posted boards' redraws then waiting", async () => {
    const { current, channelId } = await postedWeekOne();
    const { ada } = await twoMembersScoreWeekOne(current, commandsIn(current, channelId), [cohortName], at("2027-03-01T10:00:00Z"));
    await current.first.tickAt(at("2027-03-08T00:01:00Z"));
    expect((await current.first.tickAt(at("2027-03-08T09:00:00Z"))).sent.map((post) => post.period)).toEqual(["week-2"]);
    const weekOneBoard = () => visibleText(board(current, channelId));
    const topFive = () => fieldOf(postLabelled(current, channelId, "week 2"), "🏆 Week 1 top five") ?? "";
    expect(weekOneBoard()).toContain("Ada Lovelace");
    expect(topFive()).toContain("Ada Lovelace");

    // Ada's deletion marks week 2's live board and flags week 1's final board and week 2's top five: the tick's live
    // edit comes first, is refused for want of Embed Links and flags the channel; the redraws then wait.
    await setEmbedLinks(current, channelId, false);
    current.first.clock.set(at("2027-03-08T10:00:00Z"));
    await deleteDataOf(current, channelId, ada.id);
    const refusedLines = () =>
      current.first.test
        .logs()
        .filter((line) => typeof line.msg === "string" && /^(live|final|posted) board not edited/.test(line.msg))
        .map((line) => line.msg);
    expect((await current.first.tickAt(at("2027-03-08T10:01:00Z"))).boardsEdited).toBe(0);
    expect(await channelProblemOf(current, cohortName)).toBe("no_permission");
    expect(refusedLines()).toEqual(["live board not edited"]);
    expect(flagWrites()).toBe(1);
    expect(weekOneBoard()).toContain("Ada Lovelace");

    await setEmbedLinks(current, channelId, true);
    await current.first.tickAt(at("2027-03-08T10:07:00Z"));
    await current.first.tickAt(at("2027-03-08T10:08:00Z"));
    expect(weekOneBoard()).not.toContain("Ada Lovelace");
    expect(weekOneBoard()).toContain("Zeddicus");
    expect(topFive()).not.toContain("Ada Lovelace");
    const redrawAttempts = await current.first.test.app.database.prisma.scheduledPost.findMany({
      where: { period: { in: ["week-1", "week-2"] } },
      orderBy: { period: "asc" },
      select: { period: true, redrawAttempts: true },
    });
    expect(redrawAttempts).toEqual([
      { period: "week-1", redrawAttempts: 0 },
      { period: "week-2", redrawAttempts: 0 },
    ]);
  });
  it("flags the channel in the tick whose first flag write fails, by another of its refused redraws, and redraws once Embed Links is back", async () => {
    const { current, channelId } = await postedWeekOne(FailsFirstFlag);
    const { ada } = await twoMembersScoreWeekOne(current, commandsIn(current, channelId), [cohortName], at("2027-03-01T10:00:00Z"));
    await current.first.tickAt(at("2027-03-01T10:01:00Z"));
    await endWithClosingPost(current, cohortName, at("2027-03-02T12:00:00Z"));
    const weekOneBoard = () => visibleText(board(current, channelId));
    const finalBoard = () => fieldOf(postLabelled(current, channelId, "closing"), "🏆 Final leaderboard") ?? "";
    expect(finalBoard()).toContain("Ada Lovelace");
    expect(weekOneBoard()).toContain("Ada Lovelace");

    // Ada's deletion flags two posts of the cohort (week 1's and the closing post): one tick redraws both, both are
    // refused for want of Embed Links, and the first write of the flag fails once both redraws are given back (the
    // other board's refusal then usually waits on that write, though nothing here forces it to). The channel is
    // flagged all the same, whichever comes first.
    const redraws = () =>
      current.first.test.app.database.prisma.scheduledPost.findMany({ where: { OR: [{ kind: "closing" }, { period: "week-1" }] } });
    const retryAt = at("2027-03-02T12:12:00Z").getTime();
    if (!(cohortRows instanceof FailsFirstFlag)) throw new Error("the app did not build the failing cohort repository");
    cohortRows.failWhen = async () => (await redraws()).every((post) => post.nextAttemptAt?.getTime() === retryAt);
    await setEmbedLinks(current, channelId, false);
    current.first.clock.set(at("2027-03-02T12:10:00Z"));
    await deleteDataOf(current, channelId, ada.id);
    await current.first.tickAt(at("2027-03-02T12:11:00Z"));
    const lockedTicks = current.first.test
      .logs()
      .filter((line) => line.msg === "scheduler tick met a locked database: the next tick tries again");
    expect(lockedTicks).toHaveLength(1);
    expect(await channelProblemOf(current, cohortName)).toBe("no_permission");
    expect(flagWrites()).toBe(1);
    expect((await redraws()).map((post) => post.redrawAttempts)).toEqual([0, 0]);

    await expectRedrawnWithoutAdaOnceBack(current, channelId);
  });
});
