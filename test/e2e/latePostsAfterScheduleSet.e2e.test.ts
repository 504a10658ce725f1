import { afterEach, describe, expect, it } from "vitest";
import { hourlyInstants, postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * The running week's post of a cohort created after that post's time goes out
 * at the next tick, even when its time is more than 24 hours past (it is late
 * only from the creation); older weeks' posts do not. Through discord.js and
 * the emulator.
 */
describe("the weekly post of the running week after a cohort is created", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  const weeklyPosts = (current: SchedulerWorld, channelId: string) =>
    current
      .posts(channelId)
      .map((post) => ({ label: postLabel(post.message), at: post.sentAt.toISOString() }))
      .filter((post) => post.label.startsWith("week "));

  it("posts week 1 at once for a cohort created on Tuesday with last Monday's start, and week 2 next Monday", async () => {
    const created = new Date("2027-03-02T10:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("tuesday-start");
    await world.createCohort({ name: "Tuesday", channelId: channel.id, start: "2027-03-01" });
    for (const at of hourlyInstants(created, new Date("2027-03-08T09:00:00Z"))) await world.first.tickAt(at);
    expect(weeklyPosts(world, channel.id)).toEqual([
      { label: "week 1", at: "2027-03-02T10:00:00.000Z" },
      { label: "week 2", at: "2027-03-08T09:00:00.000Z" },
    ]);
  });

  it("posts only week 5 for a cohort created in week 5", async () => {
    const created = new Date("2027-04-01T12:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("week-five");
    await world.createCohort({ name: "Late", channelId: channel.id, start: "2027-03-01" });
    for (const at of hourlyInstants(created, new Date("2027-04-04T12:00:00Z"))) await world.first.tickAt(at);
    expect(weeklyPosts(world, channel.id)).toEqual([{ label: "week 5", at: "2027-04-01T12:00:00.000Z" }]);
  });

  it("retries that post when its first send fails, rather than skipping it", async () => {
    const created = new Date("2027-03-02T10:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("tuesday-retry");
    await world.createCohort({ name: "Retried", channelId: channel.id, start: "2027-03-01" });
    // Discord fails long enough for the first attempt to fail; the retry a minute later gets through.
    world.emulator.failNext(`POST /channels/${channel.id}/messages`, 503, 4);
    expect((await world.first.tickAt(created)).failed.map((post) => post.period)).toEqual(["week-1"]);
    expect((await world.first.tickAt(new Date("2027-03-02T10:01:00Z"))).sent.map((post) => post.period)).toEqual(["week-1"]);
    expect(weeklyPosts(world, channel.id)).toEqual([{ label: "week 1", at: "2027-03-02T10:01:00.000Z" }]);
  });

  it("still skips a week's post that fell due more than 24 hours before the bot looked, with the schedule unchanged", async () => {
    const created = new Date("2027-02-26T12:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("outage");
    await world.createCohort({ name: "Outage", channelId: channel.id, start: "2027-03-01" });
    // The bot is down from Friday to Tuesday: week 1's Monday post is 25 hours late when it comes back.
    await world.first.tickAt(new Date("2027-03-02T10:00:00Z"));
    expect(weeklyPosts(world, channel.id)).toEqual([]);
  });

  /** An admin's `/cohort edit` of the schedule at `at` (the service the command calls). */
  async function editScheduleAt(
    current: SchedulerWorld,
    cohort: string,
    at: Date,
    changes: { readonly announceDay?: number; readonly announceTime?: string; readonly start?: string; readonly timeZone?: string },
  ): Promise<void> {
    current.first.clock.set(at);
    await current.first.test.app.services.cohorts.edit({
      guildId: current.guild.id,
      cohort,
      ...changes,
      actorId: current.admin.id,
      now: at,
    });
  }

  /** A cohort starting Monday 2027-03-01, created the Friday before and paused on Saturday; its channel's id. */
  async function pausedBeforeItsStart(name: string): Promise<{ current: SchedulerWorld; channelId: string }> {
    const current = await startSchedulerWorld(new Date("2027-02-26T12:00:00Z"));
    world = current;
    const channel = current.createChannel(name.toLowerCase().replace(/\s+/g, "-"));
    await current.createCohort({ name, channelId: channel.id, start: "2027-03-01" });
    await current.first.tickAt(new Date("2027-02-27T12:00:00Z"));
    await current.first.test.app.services.cohorts.setStatus(current.guild.id, name, "paused", current.admin.id, current.first.clock.now());
    return { current, channelId: channel.id };
  }

  /** Resumes the cohort at `at` and ticks hourly until `until`. */
  async function resumeAndTick(current: SchedulerWorld, name: string, at: Date, until: Date): Promise<void> {
    current.first.clock.set(at);
    await current.first.test.app.services.cohorts.setStatus(current.guild.id, name, "active", current.admin.id, at);
    for (const tick of hourlyInstants(new Date(Math.ceil(at.getTime() / 3_600_000) * 3_600_000), until)) await current.first.tickAt(tick);
  }

  it("still skips a week's post that fell due more than 24 hours ago while the cohort was paused", async () => {
    const { current, channelId } = await pausedBeforeItsStart("Paused");
    for (const at of hourlyInstants(new Date("2027-02-27T13:00:00Z"), new Date("2027-03-02T10:00:00Z"))) await current.first.tickAt(at);
    await resumeAndTick(current, "Paused", new Date("2027-03-02T10:30:00Z"), new Date("2027-03-08T09:00:00Z"));
    expect(weeklyPosts(current, channelId)).toEqual([{ label: "week 2", at: "2027-03-08T09:00:00.000Z" }]);
  });

  it("still skips it when an admin edited the post time during the pause", async () => {
    const { current, channelId } = await pausedBeforeItsStart("Paused Edited");
    current.first.clock.set(new Date("2027-03-03T10:00:00Z"));
    await current.first.test.app.services.cohorts.edit({
      guildId: current.guild.id,
      cohort: "Paused Edited",
      announceTime: "09:30",
      actorId: current.admin.id,
    });
    await resumeAndTick(current, "Paused Edited", new Date("2027-03-04T10:00:00Z"), new Date("2027-03-08T10:00:00Z"));
    expect(weeklyPosts(current, channelId)).toEqual([{ label: "week 2", at: "2027-03-08T10:00:00.000Z" }]);
  });

  it("posts next week's post at once when an edit moves its still-to-come time into the past, and keeps the new day after", async () => {
    const created = new Date("2027-02-26T08:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("moved-day");
    await world.createCohort({ name: "Moved", channelId: channel.id, start: "2027-03-01" });
    // Friday posts: week 1's goes out on Friday 26 February, week 2's would on Friday 5 March.
    await editScheduleAt(world, "Moved", created, { announceDay: 5 });
    for (const at of hourlyInstants(created, new Date("2027-03-04T10:00:00Z"))) await world.first.tickAt(at);
    // On Thursday 4 March the posts move to Tuesdays: week 2's post time is now Tuesday 2 March, 49 hours past.
    await editScheduleAt(world, "Moved", new Date("2027-03-04T10:30:00Z"), { announceDay: 2 });
    for (const at of hourlyInstants(new Date("2027-03-04T11:00:00Z"), new Date("2027-03-09T09:00:00Z"))) await world.first.tickAt(at);
    expect(weeklyPosts(world, channel.id)).toEqual([
      { label: "week 1", at: "2027-02-26T09:00:00.000Z" },
      { label: "week 2", at: "2027-03-04T11:00:00.000Z" },
      { label: "week 3", at: "2027-03-09T09:00:00.000Z" },
    ]);
  });

  it("judges such an edit on the calendar it replaced when it moves the start date too", async () => {
    const created = new Date("2027-03-01T08:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("moved-start");
    await world.createCohort({ name: "Moved Start", channelId: channel.id, start: "2027-03-08" });
    await editScheduleAt(world, "Moved Start", created, { announceDay: 5 });
    for (const at of hourlyInstants(created, new Date("2027-03-06T10:00:00Z"))) await world.first.tickAt(at);
    // Week 2's post was to come on Friday 12 March; starting a week earlier with Tuesday posts puts it on Tuesday 2 March.
    await editScheduleAt(world, "Moved Start", new Date("2027-03-06T10:30:00Z"), { announceDay: 2, start: "2027-03-01" });
    for (const at of hourlyInstants(new Date("2027-03-06T11:00:00Z"), new Date("2027-03-09T09:00:00Z"))) await world.first.tickAt(at);
    expect(weeklyPosts(world, channel.id)).toEqual([
      { label: "week 1", at: "2027-03-05T09:00:00.000Z" },
      { label: "week 2", at: "2027-03-06T11:00:00.000Z" },
      { label: "week 3", at: "2027-03-09T09:00:00.000Z" },
    ]);
  });

  it("posts the running week's post at once when only the start date moves it into the past", async () => {
    const created = new Date("2027-03-01T08:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("earlier-start");
    await world.createCohort({ name: "Earlier Start", channelId: channel.id, start: "2027-03-08" });
    for (const at of hourlyInstants(created, new Date("2027-03-09T10:00:00Z"))) await world.first.tickAt(at);
    // On Tuesday of its first week the admin sets the start a week earlier: the cohort is in week 2, whose
    // post was to come next Monday and now fell due yesterday at 09:00, 25 hours ago.
    await editScheduleAt(world, "Earlier Start", new Date("2027-03-09T10:30:00Z"), { start: "2027-03-01" });
    for (const at of hourlyInstants(new Date("2027-03-09T11:00:00Z"), new Date("2027-03-15T09:00:00Z"))) await world.first.tickAt(at);
    expect(weeklyPosts(world, channel.id)).toEqual([
      { label: "week 1", at: "2027-03-08T09:00:00.000Z" },
      { label: "week 2", at: "2027-03-09T11:00:00.000Z" },
      { label: "week 3", at: "2027-03-15T09:00:00.000Z" },
    ]);
  });

  it("posts next week's post at once when a time-zone edit across the date line moves it more than 24 hours into the past", async () => {
    const created = new Date("2027-03-01T08:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("date-line");
    await world.createCohort({ name: "Date Line", channelId: channel.id, start: "2027-03-01", timeZone: "Pacific/Pago_Pago" });
    for (const at of hourlyInstants(created, new Date("2027-03-08T19:00:00Z"))) await world.first.tickAt(at);
    // Monday 09:00 in Pago Pago (UTC−11) is 20:00 UTC. At 19:30 UTC, half an hour before week 2's post, the
    // cohort moves to Kiritimati (UTC+14), where Monday 09:00 was Sunday 19:00 UTC: 24½ hours ago.
    await editScheduleAt(world, "Date Line", new Date("2027-03-08T19:30:00Z"), { timeZone: "Pacific/Kiritimati" });
    for (const at of hourlyInstants(new Date("2027-03-08T20:00:00Z"), new Date("2027-03-14T19:00:00Z"))) await world.first.tickAt(at);
    expect(weeklyPosts(world, channel.id)).toEqual([
      { label: "week 1", at: "2027-03-01T20:00:00.000Z" },
      { label: "week 2", at: "2027-03-08T20:00:00.000Z" },
      { label: "week 3", at: "2027-03-14T19:00:00.000Z" },
    ]);
  });

  it("posts a checkpoint prompt at once when a time-zone edit across the date line moves it more than 24 hours into the past", async () => {
    const created = new Date("2027-03-01T08:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("date-line-checkpoint");
    await world.createCohort({ name: "Date Line", channelId: channel.id, start: "2027-03-01", timeZone: "Pacific/Pago_Pago" });
    for (const at of hourlyInstants(created, new Date("2027-03-13T03:00:00Z"))) await world.first.tickAt(at);
    // The first checkpoint (week 2's), Friday 17:00 in Pago Pago (UTC−11), is Saturday 04:00 UTC. At 03:30 UTC, half
    // an hour before it, the cohort moves to Kiritimati (UTC+14), where Friday 17:00 was Friday 03:00 UTC: 24½ hours ago.
    await editScheduleAt(world, "Date Line", new Date("2027-03-13T03:30:00Z"), { timeZone: "Pacific/Kiritimati" });
    for (const at of hourlyInstants(new Date("2027-03-13T04:00:00Z"), new Date("2027-03-20T04:00:00Z"))) await world.first.tickAt(at);
    const checkpoints = world
      .posts(channel.id)
      .map((post) => ({ label: postLabel(post.message), at: post.sentAt.toISOString() }))
      .filter((post) => post.label.startsWith("checkpoint "));
    expect(checkpoints.map((post) => post.at)).toEqual(["2027-03-13T04:00:00.000Z", "2027-03-19T03:00:00.000Z"]);
  });

  /** An admin's schedule edits, each at its instant, made minutes before the closing post is due. */
  type ClosingEdits = readonly { readonly at: string; readonly changes: Parameters<typeof editScheduleAt>[3] }[];
  // The closing post, Monday 09:00 in Pago Pago, is 20:00 UTC. At 19:30 UTC the cohort moves to Kiritimati
  // (UTC+14), where Monday 09:00 was Sunday 19:00 UTC: 24½ hours ago.
  const zoneEdit = { at: "2027-05-24T19:30:00Z", changes: { timeZone: "Pacific/Kiritimati" } } as const;
  it.each<{ readonly title: string; readonly channelName: string; readonly edits: ClosingEdits }>([
    {
      title: "closes the course at once when a time-zone edit across the date line moves its closing post more than 24 hours into the past",
      channelName: "date-line-closing",
      edits: [zoneEdit],
    },
    {
      title: "still closes the course when announce_time is edited minutes after such a zone edit, before the next tick",
      channelName: "date-line-closing-twice",
      // As above, then 09:00 becomes 08:00 five minutes later: Monday 08:00 in Kiritimati, 25½ hours ago.
      edits: [zoneEdit, { at: "2027-05-24T19:35:00Z", changes: { announceTime: "08:00" } }],
    },
  ])("$title", async ({ channelName, edits }) => {
    // Set up on the course's last day (Sunday 23 May in Pago Pago, UTC−11).
    const created = new Date("2027-05-23T10:00:00Z");
    const current = await startSchedulerWorld(created);
    world = current;
    const channel = current.createChannel(channelName);
    await current.createCohort({ name: "Date Line", channelId: channel.id, start: "2027-03-01", timeZone: "Pacific/Pago_Pago" });
    for (const at of hourlyInstants(created, new Date("2027-05-24T19:00:00Z"))) await current.first.tickAt(at);
    for (const { at, changes } of edits) await editScheduleAt(current, "Date Line", new Date(at), changes);
    for (const at of hourlyInstants(new Date("2027-05-24T20:00:00Z"), new Date("2027-05-25T20:00:00Z"))) await current.first.tickAt(at);
    const closing = current
      .posts(channel.id)
      .filter((post) => postLabel(post.message) === "closing")
      .map((post) => post.sentAt.toISOString());
    expect(closing).toEqual(["2027-05-24T20:00:00.000Z"]);
  });

  it("gives the running week's board its final edit when a time-zone edit across the date line ends that week over a day ago", async () => {
    const created = new Date("2027-03-01T08:00:00Z");
    world = await startSchedulerWorld(created);
    const channel = world.createChannel("date-line-board");
    await world.createCohort({ name: "Date Line", channelId: channel.id, start: "2027-03-01", timeZone: "Pacific/Pago_Pago" });
    for (const at of hourlyInstants(created, new Date("2027-03-08T10:00:00Z"))) await world.first.tickAt(at);
    // Week 1 ends Monday 00:00 in Pago Pago (UTC−11), 11:00 UTC. At 10:30 UTC the cohort moves to Kiritimati
    // (UTC+14), where that Monday began on Sunday 10:00 UTC: 24½ hours ago.
    await editScheduleAt(world, "Date Line", new Date("2027-03-08T10:30:00Z"), { timeZone: "Pacific/Kiritimati" });
    for (const at of hourlyInstants(new Date("2027-03-08T11:00:00Z"), new Date("2027-03-08T13:00:00Z"))) await world.first.tickAt(at);
    const board = world.posts(channel.id, { liveBoards: true }).find((post) => postLabel(post.message) === "live board 1");
    expect(board?.message.embeds[0]?.title).toMatch(/ · final/);
  });
});
