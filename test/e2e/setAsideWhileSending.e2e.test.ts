import { afterEach, describe, expect, it } from "vitest";
import { ScheduledPostRepository } from "../../src/db/repositories/ScheduledPostRepository.js";
import { hourlyInstants, postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/** The scheduler's post rows, where `afterSent` (a start edit) commits right after a send is recorded, before its board is attached. */
class EditedOnceSent extends ScheduledPostRepository {
  afterSent: (() => Promise<unknown>) | null = null;

  override async markSent(...args: Parameters<ScheduledPostRepository["markSent"]>) {
    const marked = await super.markSent(...args);
    const edit = this.afterSent;
    this.afterSent = null;
    if (edit !== null) await edit();
    return marked;
  }
}

/** When the admin's edit commits: while the post's first message is at Discord, or once the send is recorded (board not attached yet). */
const moments = ["while the post is sent", "right after its send is recorded"] as const;
type Moment = (typeof moments)[number];

/**
 * An admin moves a cohort's start while the scheduler is sending the week 1 post (its first message held
 * at the emulator until the edit is saved), or right after the send is recorded, before its board is
 * attached: the edit sets the post aside, so the post the scheduler was sending is no longer the week's.
 * Through the real bot, discord.js and the emulator, on the test clock: the cohort starts Monday
 * 2027-03-01 (UTC, Monday 09:00 posts) and was created the Friday before.
 */
describe("a start date moved while the week 1 post was on its way", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  /** The world after week 1's post went out while the start was edited to `start`, at `moment`. */
  async function editedWhileSending(name: string, start: string, moment: Moment) {
    let repository: EditedOnceSent | undefined;
    const current = await startSchedulerWorld(new Date("2027-02-26T12:00:00Z"), {
      scheduledPostRepository: (prisma, writes) => (repository = new EditedOnceSent(prisma, writes)),
    });
    world = current;
    const channelId = current.createChannel(name.toLowerCase().replace(/\s+/g, "-")).id;
    await current.createCohort({ name, channelId, start: "2027-03-01" });
    const edit = async () => {
      const editedAt = new Date("2027-03-01T09:00:30Z");
      current.first.clock.set(editedAt);
      await current.first.test.app.services.cohorts.edit({
        guildId: current.guild.id,
        cohort: name,
        start,
        now: editedAt,
        actorId: current.admin.id,
      });
    };
    let report: Awaited<ReturnType<typeof current.first.tickAt>>;
    if (moment === "while the post is sent") {
      const held = current.emulator.holdNext(`POST /channels/${channelId}/messages`);
      const tick = current.first.tickAt(new Date("2027-03-01T09:00:00Z"));
      await held.arrived;
      await edit();
      held.release();
      report = await tick;
    } else {
      if (repository === undefined) throw new Error("the app did not build its post repository");
      repository.afterSent = edit;
      report = await current.first.tickAt(new Date("2027-03-01T09:00:00Z"));
    }
    const boards = () => current.posts(channelId, { liveBoards: true }).filter((post) => postLabel(post.message).startsWith("live board"));
    return { current, channelId, report, boards };
  }

  it.each(moments)("never has two live boards when the edit brings the next week's post forward to now, %s", async (moment) => {
    // A start a week earlier: week 2 is the running week, due at 09:00, late only since the edit: it goes out at once.
    const { current, report, boards } = await editedWhileSending(`Brought Forward ${moments.indexOf(moment)}`, "2027-02-22", moment);
    expect(report.sent).toEqual([]);
    await current.first.tickAt(new Date("2027-03-01T09:01:30Z"));
    expect(boards().map((post) => post.message.embeds[0]?.title)).toEqual([
      "🏆 Week 1 leaderboard · moved",
      "🏆 Week 2 leaderboard · live",
    ]);
  });

  it.each(moments)(
    "tells readers of the set-aside post's board that its week moved, opens no thread on it, and keeps one board live, %s",
    async (moment) => {
      const { current, channelId, report, boards } = await editedWhileSending(
        `Moved Meanwhile ${moments.indexOf(moment)}`,
        "2027-03-08",
        moment,
      );
      // Not counted as sent: that post is no longer the week's, which is announced at its new time.
      expect(report.sent).toEqual([]);
      const weekPosts = () => current.posts(channelId).filter((post) => postLabel(post.message) === "week 1");
      const liveTitles = () => boards().filter((post) => post.message.embeds[0]?.title?.endsWith("· live") === true).length;
      await current.first.tickAt(new Date("2027-03-01T09:01:30Z"));
      expect(boards().map((post) => post.message.embeds[0]?.title)).toEqual(["🏆 Week 1 leaderboard · moved"]);
      expect(weekPosts().map((post) => post.message.threadId)).toEqual([null]);

      for (const at of hourlyInstants(new Date("2027-03-01T10:00:00Z"), new Date("2027-03-08T10:00:00Z"))) {
        await current.first.tickAt(at);
        expect(liveTitles()).toBeLessThanOrEqual(1);
      }
      expect(boards().map((post) => [post.message.embeds[0]?.title, post.sentAt.toISOString()])).toEqual([
        ["🏆 Week 1 leaderboard · moved", "2027-03-01T09:00:00.000Z"],
        ["🏆 Week 1 leaderboard · live", "2027-03-08T09:00:00.000Z"],
      ]);
      // The week's discussion thread hangs off the post at its new time only.
      expect(weekPosts().map((post) => post.message.threadId !== null)).toEqual([false, true]);
    },
  );

  /**
   * When the second edit (the start put back) commits: with the first while the post is at Discord, once its
   * send was refused, or after its send was recorded as set aside (the tick over).
   */
  const secondMoments = ["while the post is sent", "right after its send is refused", "after it was recorded as set aside"] as const;

  it.each(secondMoments)(
    "keeps the post as week 1's, its board live then final and its thread open, when a second edit puts the start back %s",
    async (moment) => {
      let repository: EditedOnceSent | undefined;
      const current = await startSchedulerWorld(new Date("2027-02-26T12:00:00Z"), {
        scheduledPostRepository: (prisma, writes) => (repository = new EditedOnceSent(prisma, writes)),
      });
      world = current;
      const name = `Put Back ${secondMoments.indexOf(moment)}`;
      const channelId = current.createChannel(name.toLowerCase().replace(/\s+/g, "-")).id;
      await current.createCohort({ name, channelId, start: "2027-03-01" });
      const edit = (start: string, iso: string) => async () => {
        const editedAt = new Date(iso);
        current.first.clock.set(editedAt);
        await current.first.test.app.services.cohorts.edit({
          guildId: current.guild.id,
          cohort: name,
          start,
          now: editedAt,
          actorId: current.admin.id,
        });
      };
      const postpone = edit("2027-03-08", "2027-03-01T09:00:20Z");
      const putBack = edit("2027-03-01", "2027-03-01T09:00:40Z");
      const held = current.emulator.holdNext(`POST /channels/${channelId}/messages`);
      const tick = current.first.tickAt(new Date("2027-03-01T09:00:00Z"));
      await held.arrived;
      await postpone();
      if (moment === "while the post is sent") await putBack();
      else if (moment === "right after its send is refused") {
        if (repository === undefined) throw new Error("the app did not build its post repository");
        repository.afterSent = putBack;
      }
      held.release();
      const reports = [await tick];
      if (moment === "after it was recorded as set aside") await putBack();

      const weekPosts = () => current.posts(channelId).filter((post) => postLabel(post.message) === "week 1");
      const boardTitles = () =>
        current
          .posts(channelId, { liveBoards: true })
          .filter((post) => postLabel(post.message).startsWith("live board"))
          .map((post) => post.message.embeds[0]?.title);
      reports.push(await current.first.tickAt(new Date("2027-03-01T09:01:30Z")));
      reports.push(await current.first.tickAt(new Date("2027-03-01T10:00:00Z")));
      // Reported sent once, as week 1's post, whichever tick found it the week's.
      expect(reports.flatMap((report) => report.sent.map((post) => post.period))).toEqual(["week-1"]);
      expect(weekPosts().map((post) => post.message.threadId !== null)).toEqual([true]);
      expect(boardTitles()).toEqual(["🏆 Week 1 leaderboard · live"]);
      await current.first.tickAt(new Date("2027-03-08T00:01:00Z"));
      expect(boardTitles()).toEqual(["🏆 Week 1 leaderboard · final"]);
      expect(weekPosts()).toHaveLength(1);
    },
  );
});
