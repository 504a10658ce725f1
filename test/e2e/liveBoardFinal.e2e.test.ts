import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { LiveBoardRepository } from "../../src/db/repositories/LiveBoardRepository.js";
import { postLabel, startSchedulerWorld, type BotProcess, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * The live board's final edit after its week ends, through the real bot(s),
 * discord.js and the emulator, on the test clock: each cohort starts Monday
 * 2027-03-01 (UTC); week 1's post goes out at 09:00 and week 1 ends on
 * Monday 2027-03-08 at 00:00.
 */
const at = (iso: string) => new Date(iso);

describe("the live board after its week", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  interface Setup {
    readonly current: SchedulerWorld;
    readonly channelId: string;
    /** The week-1 board message as members see it now. */
    board(): EmulatorMessage;
    /** How many times the bot edited the week-1 board. */
    edits(): number;
    /** A member joins and logs the first reading at `now` (the services the commands call). */
    reads(userId: string, name: string, now: Date): Promise<void>;
  }

  /** A cohort whose week 1 was posted at 09:00 on its first day. */
  async function postedWeekOne(name: string): Promise<Setup> {
    const current = await startSchedulerWorld(at("2027-03-01T08:00:00Z"));
    world = current;
    const channelId = current.createChannel(name.toLowerCase().replace(/\s+/g, "-")).id;
    await current.createCohort({ name, channelId, start: "2027-03-01" });
    expect((await current.first.tickAt(at("2027-03-01T09:00:00Z"))).sent.map((post) => post.period)).toEqual(["week-1"]);
    const board = () => {
      const found = current.posts(channelId, { liveBoards: true }).find((post) => post.message.embeds[0]?.title?.startsWith("🏆") === true);
      if (found === undefined) throw new Error("no board");
      return found.message;
    };
    const boardId = board().id;
    let edits = 0;
    current.emulator.on("messageUpdate", (message: { id: string }) => {
      if (message.id === boardId) edits += 1;
    });
    const { cohorts, study } = current.first.test.app.services;
    return {
      current,
      channelId,
      board,
      edits: () => edits,
      async reads(userId, memberName, now) {
        await cohorts.join(current.guild.id, userId, memberName, name, now);
        await study.complete({ guildId: current.guild.id, userId, cohort: null, item: "Storage Engines", now });
      },
    };
  }

  const closedIn = (reports: readonly { readonly boardsClosed: number }[]) => reports.reduce((sum, report) => sum + report.boardsClosed, 0);

  it("shows a reading logged in the week's last minute, once, when two processes tick together after the week", async () => {
    const setup = await postedWeekOne("Last Minute");
    await setup.reads("900000000000000001", "Early Reader", at("2027-03-03T10:00:00Z"));
    expect((await setup.current.first.tickAt(at("2027-03-03T10:01:00Z"))).boardsEdited).toBe(1);
    // Sunday 23:59:40: the last live edit was long ago, but the week ends before the next tick comes.
    await setup.reads("900000000000000002", "Sunday Reader", at("2027-03-07T23:59:40Z"));
    const second: BotProcess = await setup.current.startProcess(at("2027-03-08T00:00:10Z"));
    const atTheEnd = await Promise.all([setup.current.first.tickAt(at("2027-03-08T00:00:10Z")), second.tickAt(at("2027-03-08T00:00:10Z"))]);
    expect(atTheEnd.map((report) => [report.boardsEdited, report.boardsClosed])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(visibleText(setup.board())).not.toContain("Sunday Reader");

    const closing = await Promise.all([setup.current.first.tickAt(at("2027-03-08T00:01:00Z")), second.tickAt(at("2027-03-08T00:01:00Z"))]);
    expect(closedIn(closing)).toBe(1);
    expect(setup.edits()).toBe(2);
    const final = setup.board();
    expect(final.embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(postLabel(final)).toBe("live board 1");
    const text = visibleText(final);
    expect(text).toContain("Week 1 is over: these are its standings as they stood when this board was closed.");
    expect(text).toContain("Early Reader");
    expect(text).toContain("Sunday Reader");
    expect(text).not.toContain("Kept up to date");

    const later = await Promise.all([setup.current.first.tickAt(at("2027-03-08T00:05:00Z")), second.tickAt(at("2027-03-08T08:00:00Z"))]);
    expect(closedIn(later)).toBe(0);
    expect(setup.edits()).toBe(2);
  });

  it("leaves the board as it was when the bot comes back more than a day after the week ended", async () => {
    const setup = await postedWeekOne("Outage");
    await setup.reads("900000000000000003", "Monday Reader", at("2027-03-01T10:00:00Z"));
    expect((await setup.current.first.tickAt(at("2027-03-01T10:01:00Z"))).boardsEdited).toBe(1);
    // Down from Monday 10:01 to Tuesday 9 March 01:00: week 1 ended 25 hours before.
    const back = await setup.current.first.tickAt(at("2027-03-09T01:00:00Z"));
    expect([back.boardsEdited, back.boardsClosed]).toEqual([0, 0]);
    expect(setup.edits()).toBe(1);
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
  });

  it("waits while the cohort is paused and closes the board when it resumes within the day", async () => {
    const setup = await postedWeekOne("Paused");
    const { cohorts } = setup.current.first.test.app.services;
    await setup.reads("900000000000000004", "Paused Reader", at("2027-03-05T10:00:00Z"));
    setup.current.first.clock.set(at("2027-03-07T12:00:00Z"));
    await cohorts.setStatus(setup.current.guild.id, "Paused", "paused", setup.current.admin.id, at("2027-03-07T12:00:00Z"));
    for (const tick of ["2027-03-08T00:01:00Z", "2027-03-08T06:00:00Z"])
      expect((await setup.current.first.tickAt(at(tick))).boardsClosed).toBe(0);
    expect(setup.edits()).toBe(0);

    setup.current.first.clock.set(at("2027-03-08T07:00:00Z"));
    await cohorts.setStatus(setup.current.guild.id, "Paused", "active", setup.current.admin.id, at("2027-03-08T07:00:00Z"));
    expect((await setup.current.first.tickAt(at("2027-03-08T07:00:00Z"))).boardsClosed).toBe(1);
    expect(setup.edits()).toBe(1);
    expect(visibleText(setup.board())).toContain("Paused Reader");
  });

  it("gives the board of a cohort ended mid-week its final edit a minute later, then no live edit", async () => {
    const setup = await postedWeekOne("Ended Early");
    const { cohorts } = setup.current.first.test.app.services;
    await setup.reads("900000000000000011", "Tuesday Reader", at("2027-03-02T10:00:00Z"));
    expect((await setup.current.first.tickAt(at("2027-03-02T10:01:00Z"))).boardsEdited).toBe(1);
    // A reading just before the end, not yet on the board when the admin ends the cohort.
    await setup.reads("900000000000000012", "Wednesday Reader", at("2027-03-03T11:59:30Z"));
    setup.current.first.clock.set(at("2027-03-03T12:00:00Z"));
    await cohorts.setStatus(setup.current.guild.id, "Ended Early", "ended", setup.current.admin.id, at("2027-03-03T12:00:00Z"));

    const next = await setup.current.first.tickAt(at("2027-03-03T12:01:00Z"));
    expect([next.boardsEdited, next.boardsClosed]).toEqual([0, 1]);
    expect(setup.edits()).toBe(2);
    const final = setup.board();
    expect(final.embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(final)).toContain("Wednesday Reader");
    expect(visibleText(final)).not.toContain("Kept up to date");

    // The week's original end and the day after: nothing more.
    for (const tick of ["2027-03-03T12:05:00Z", "2027-03-08T00:01:00Z", "2027-03-08T12:00:00Z"]) {
      const report = await setup.current.first.tickAt(at(tick));
      expect([report.boardsEdited, report.boardsClosed]).toEqual([0, 0]);
    }
    expect(setup.edits()).toBe(2);
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
  });

  it("gives the board of a cohort paused mid-week, then ended within the week, its final edit a minute after the end", async () => {
    const setup = await postedWeekOne("Paused Then Ended");
    const { cohorts } = setup.current.first.test.app.services;
    await setup.reads("900000000000000013", "Paused Reader", at("2027-03-02T10:00:00Z"));
    setup.current.first.clock.set(at("2027-03-02T12:00:00Z"));
    await cohorts.setStatus(setup.current.guild.id, "Paused Then Ended", "paused", setup.current.admin.id, at("2027-03-02T12:00:00Z"));
    expect((await setup.current.first.tickAt(at("2027-03-02T12:01:00Z"))).boardsEdited).toBe(0);
    setup.current.first.clock.set(at("2027-03-04T12:00:00Z"));
    await cohorts.setStatus(setup.current.guild.id, "Paused Then Ended", "ended", setup.current.admin.id, at("2027-03-04T12:00:00Z"));

    expect((await setup.current.first.tickAt(at("2027-03-04T12:01:00Z"))).boardsClosed).toBe(1);
    expect(setup.edits()).toBe(1);
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(setup.board())).toContain("Paused Reader");
    expect((await setup.current.first.tickAt(at("2027-03-08T00:01:00Z"))).boardsClosed).toBe(0);
    expect(setup.edits()).toBe(1);
  });

  it("waits while the cohort's channel is flagged and closes the board once the bot may post there again", async () => {
    const setup = await postedWeekOne("Flagged");
    await setup.reads("900000000000000005", "Flag Reader", at("2027-03-05T10:00:00Z"));
    const { current, channelId } = setup;
    // The bot lost Send Messages on Sunday, and a failed send flagged the channel (as the scheduler records it).
    current.emulator.setBotChannelPermissions(channelId, { botCanSend: false });
    await until(() => !botCanSend(current.first, channelId), "the bot to see Send Messages denied in the channel");
    await current.first.test.app.database.prisma.cohort.updateMany({
      where: { name: "Flagged" },
      data: { channelProblem: "no_permission" },
    });
    expect((await current.first.tickAt(at("2027-03-08T00:01:00Z"))).boardsClosed).toBe(0);
    expect(setup.edits()).toBe(0);

    current.emulator.setBotChannelPermissions(channelId, { botCanSend: true });
    await until(() => botCanSend(current.first, channelId), "the bot to see Send Messages allowed again in the channel");
    // The next check of the channel (every 5 minutes) clears the flag; the tick after reads the cohort again and closes the board.
    await current.first.tickAt(at("2027-03-08T00:07:00Z"));
    expect((await current.first.tickAt(at("2027-03-08T00:08:00Z"))).boardsClosed).toBe(1);
    expect(setup.edits()).toBe(1);
    expect(visibleText(setup.board())).toContain("Flag Reader");
  });

  it("speaks the cohort's language and keeps a board turned off private", async () => {
    const setup = await postedWeekOne("Privada");
    const { cohorts } = setup.current.first.test.app.services;
    await setup.reads("900000000000000006", "Hidden Reader", at("2027-03-02T10:00:00Z"));
    await cohorts.edit({
      guildId: setup.current.guild.id,
      cohort: "Privada",
      language: "es",
      leaderboard: "off",
      now: at("2027-03-04T10:00:00Z"),
      actorId: setup.current.admin.id,
    });
    expect((await setup.current.first.tickAt(at("2027-03-04T10:00:05Z"))).boardsEdited).toBe(1);
    expect((await setup.current.first.tickAt(at("2027-03-08T00:01:00Z"))).boardsClosed).toBe(1);
    const final = setup.board();
    expect(final.embeds[0]?.title).toBe("🏆 Clasificación de la semana 1 · final");
    const text = visibleText(final);
    expect(text).toContain("Esta cohorte mantiene ahora su clasificación en privado");
    expect(text).not.toContain("Hidden Reader");
  });

  it("follows a zone edit: a board of a cohort moved from UTC to Los Angeles becomes final 8 hours later", async () => {
    const setup = await postedWeekOne("Zoned");
    const { cohorts } = setup.current.first.test.app.services;
    await setup.reads("900000000000000007", "Zone Reader", at("2027-03-02T10:00:00Z"));
    setup.current.first.clock.set(at("2027-03-03T10:00:00Z"));
    await cohorts.edit({
      guildId: setup.current.guild.id,
      cohort: "Zoned",
      timeZone: "America/Los_Angeles",
      now: at("2027-03-03T10:00:00Z"),
      actorId: setup.current.admin.id,
    });
    // Week 1 now ends on Monday 8 March at 00:00 in Los Angeles: 08:00 UTC.
    expect((await setup.current.first.tickAt(at("2027-03-08T00:01:00Z"))).boardsClosed).toBe(0);
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");
    expect((await setup.current.first.tickAt(at("2027-03-08T08:01:00Z"))).boardsClosed).toBe(1);
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
  });

  it("keeps a final board final when a later start edit moves its week's end", async () => {
    const setup = await postedWeekOne("Stays Final");
    const { cohorts } = setup.current.first.test.app.services;
    await setup.reads("900000000000000008", "Final Reader", at("2027-03-02T10:00:00Z"));
    expect((await setup.current.first.tickAt(at("2027-03-08T00:01:00Z"))).boardsClosed).toBe(1);
    expect(setup.edits()).toBe(1);
    // Monday posts: a Wednesday 3 March start keeps week 1's post on Monday 1 March, its week now ending on 10 March.
    setup.current.first.clock.set(at("2027-03-08T00:30:00Z"));
    await cohorts.edit({
      guildId: setup.current.guild.id,
      cohort: "Stays Final",
      start: "2027-03-03",
      now: at("2027-03-08T00:30:00Z"),
      actorId: setup.current.admin.id,
    });
    await setup.reads("900000000000000009", "Late Reader", at("2027-03-08T01:00:00Z"));
    for (const tick of ["2027-03-08T01:01:00Z", "2027-03-10T00:01:00Z"]) await setup.current.first.tickAt(at(tick));
    expect(setup.edits()).toBe(1);
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(setup.board())).not.toContain("Late Reader");
  });

  it("waits a minute after a final edit Discord refused, in every process, then edits once", async () => {
    const setup = await postedWeekOne("Retried");
    await setup.reads("900000000000000014", "Retry Reader", at("2027-03-05T10:00:00Z"));
    // Discord answers 503 to the edit and to discord.js's own retries: the final edit fails at 00:01.
    setup.current.emulator.failNext(`PATCH /channels/${setup.channelId}/messages/${setup.board().id}`, 503, 4);
    expect((await setup.current.first.tickAt(at("2027-03-08T00:01:00Z"))).boardsClosed).toBe(0);
    // A process started since (or this one restarted) knows nothing of that failure but still waits the minute.
    const second = await setup.current.startProcess(at("2027-03-08T00:01:20Z"));
    const meanwhile = [await second.tickAt(at("2027-03-08T00:01:20Z")), await setup.current.first.tickAt(at("2027-03-08T00:01:40Z"))];
    expect(closedIn(meanwhile)).toBe(0);
    expect(setup.edits()).toBe(0);
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · live");

    const retried = await Promise.all([second.tickAt(at("2027-03-08T00:02:00Z")), setup.current.first.tickAt(at("2027-03-08T00:02:00Z"))]);
    expect(closedIn(retried)).toBe(1);
    expect(setup.edits()).toBe(1);
    expect(setup.board().embeds[0]?.title).toBe("🏆 Week 1 leaderboard · final");
    expect(visibleText(setup.board())).toContain("Retry Reader");
  });

  it("gives more ended boards than a tick's cap their final edit over the next ticks, each once", async () => {
    // The product's cap is 256 a tick; the same rule with a cap of 2 and 5 cohorts.
    const current = await startSchedulerWorld(at("2027-03-01T08:00:00Z"), { finalEditsPerTick: 2 });
    world = current;
    const channelIds: string[] = [];
    for (const name of ["Cap A", "Cap B", "Cap C", "Cap D", "Cap E"]) {
      channelIds.push(current.createChannel(name.toLowerCase().replace(/\s+/g, "-")).id);
      await current.createCohort({ name, channelId: channelIds.at(-1) ?? "", start: "2027-03-01" });
    }
    expect((await current.first.tickAt(at("2027-03-01T09:00:00Z"))).sent).toHaveLength(5);
    const boardIds = channelIds.flatMap((channelId) =>
      current
        .posts(channelId, { liveBoards: true })
        .filter((post) => post.message.embeds[0]?.title?.startsWith("🏆") === true)
        .map((post) => post.message.id),
    );
    expect(boardIds).toHaveLength(5);
    const finalEdits = new Map<string, number>();
    current.emulator.on("messageUpdate", (message: { id: string; embeds?: readonly { title?: string }[] }) => {
      if (message.embeds?.[0]?.title?.endsWith("· final") === true) finalEdits.set(message.id, (finalEdits.get(message.id) ?? 0) + 1);
    });

    const closed: number[] = [];
    for (const tick of ["2027-03-08T00:01:00Z", "2027-03-08T00:01:20Z", "2027-03-08T00:01:40Z", "2027-03-08T00:02:00Z"])
      closed.push((await current.first.tickAt(at(tick))).boardsClosed);
    expect(closed).toEqual([2, 2, 1, 0]);
    expect([...finalEdits.keys()].sort()).toEqual([...boardIds].sort());
    expect([...finalEdits.values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it("keeps the final board as it was closed when a member undoes a reading of that week afterwards, and says so", async () => {
    const setup = await postedWeekOne("Undone Later");
    await setup.reads("900000000000000015", "Undoing Reader", at("2027-03-05T10:00:00Z"));
    expect((await setup.current.first.tickAt(at("2027-03-08T00:01:00Z"))).boardsClosed).toBe(1);
    // Monday of week 2: the reader takes back week 1's reading; week 1's board is a record of how the week ended.
    await setup.current.first.test.app.services.study.undo({
      guildId: setup.current.guild.id,
      userId: "900000000000000015",
      cohort: null,
      item: "Storage Engines",
      now: at("2027-03-08T10:00:00Z"),
    });
    for (const tick of ["2027-03-08T10:01:00Z", "2027-03-08T12:00:00Z"]) await setup.current.first.tickAt(at(tick));
    expect(setup.edits()).toBe(1);
    const text = visibleText(setup.board());
    expect(text).toContain("Week 1 is over: these are its standings as they stood when this board was closed.");
    expect(text).toContain("Undoing Reader");
  });

  it("lists a board for its final edit only until it is claimed, and only for the cohorts asked about", async () => {
    const setup = await postedWeekOne("Listed");
    const liveBoards = new LiveBoardRepository(
      setup.current.first.test.app.database.prisma,
      setup.current.first.test.app.database.target.provider,
    );
    const cohortId = (await setup.current.first.test.app.services.cohorts.list(setup.current.guild.id))[0]?.id ?? -1;
    // As a tick at 00:01 lists: ended within the day and a minute ago, claims 2 minutes old taken again.
    const window = [at("2027-03-07T00:01:00Z"), at("2027-03-08T00:00:00Z"), at("2027-03-07T23:59:00Z")] as const;
    expect((await liveBoards.listEnded([cohortId + 1], ...window)).length).toBe(0);
    expect((await liveBoards.listEnded([cohortId], ...window)).length).toBe(1);
    expect((await setup.current.first.tickAt(at("2027-03-08T00:01:00Z"))).boardsClosed).toBe(1);
    expect((await liveBoards.listEnded([cohortId], ...window)).length).toBe(0);
  });

  it("does not let a process that listed a board before a failed final edit claim it again at once", async () => {
    const setup = await postedWeekOne("Stale Listing");
    const liveBoards = new LiveBoardRepository(
      setup.current.first.test.app.database.prisma,
      setup.current.first.test.app.database.target.provider,
    );
    const cohortId = (await setup.current.first.test.app.services.cohorts.list(setup.current.guild.id))[0]?.id ?? -1;
    // Process B lists the board at 00:01; process A claims it, Discord refuses the edit, A gives it back.
    const [listedByB] = await liveBoards.listEnded(
      [cohortId],
      at("2027-03-07T00:01:00Z"),
      at("2027-03-08T00:00:00Z"),
      at("2027-03-07T23:59:00Z"),
    );
    if (listedByB === undefined) throw new Error("week 1's board is not listed");
    expect(await liveBoards.claimFinalEdit(listedByB, at("2027-03-08T00:01:00Z"))).toBe(true);
    await liveBoards.releaseFinalEdit(listedByB, at("2027-03-08T00:01:00Z"));
    // B, still holding its listing, must wait the minute like everyone else.
    expect(await liveBoards.claimFinalEdit(listedByB, at("2027-03-08T00:01:05Z"))).toBe(false);
  });

  it("sends the posts and reminders due at the week's end before it gives the boards their final edit", async () => {
    const setup = await postedWeekOne("Order");
    const reader = setup.current.emulator.createMember(setup.current.guild.id, { username: "order-reader" });
    await setup.reads(reader.id, "Order Reader", at("2027-03-02T10:00:00Z"));
    await setup.current.first.test.app.services.reminders.setting({
      guildId: setup.current.guild.id,
      userId: reader.id,
      cohort: null,
      time: "09:00",
      timeZone: null,
      off: null,
      now: at("2027-03-02T10:00:00Z"),
    });
    const order: string[] = [];
    setup.current.emulator.on("message", (message: { embeds?: readonly { title?: string }[] }) => {
      order.push(`create ${message.embeds?.[0]?.title ?? ""}`);
    });
    setup.current.emulator.on("messageUpdate", (message: { embeds?: readonly { title?: string }[] }) => {
      order.push(`update ${message.embeds?.[0]?.title ?? ""}`);
    });
    // Down from Monday 09:00 until after week 1's end and week 2's post: both are due at this tick.
    const report = await setup.current.first.tickAt(at("2027-03-08T09:00:00Z"));
    expect([report.sent.map((post) => post.period), report.reminders.sent, report.boardsClosed]).toEqual([["week-2"], 1, 1]);
    const finalAt = order.indexOf("update 🏆 Week 1 leaderboard · final");
    expect(finalAt).toBeGreaterThan(-1);
    expect(order.slice(finalAt + 1).filter((entry) => entry.startsWith("create"))).toEqual([]);
    expect(setup.current.dms(reader.id)).toHaveLength(1);
  });
});

/** Whether the bot's discord.js cache says it may send in the channel (the permission change reached it). */
function botCanSend(process: BotProcess, channelId: string): boolean {
  const client = process.test.app.discord.client;
  const channel = client.channels.cache.get(channelId);
  if (channel === undefined || client.user === null || !("permissionsFor" in channel)) return false;
  return channel.permissionsFor(client.user)?.has(PermissionFlagsBits.SendMessages) === true;
}
