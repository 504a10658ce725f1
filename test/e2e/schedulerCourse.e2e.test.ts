import { loadImage } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, visibleText } from "../helpers/botHarness.js";
import {
  expectedCoursePosts,
  localStamp,
  postLabel,
  probeInstants,
  startSchedulerWorld,
  type SchedulerWorld,
} from "../helpers/schedulerWorld.js";

/**
 * A whole 12-week course through the real bot and the Discord emulator, for
 * cohorts in three time zones. New York springs forward on 2027-03-14 and
 * Sydney falls back on 2027-04-04, both inside the course. The clock visits
 * every expected post time, a minute and an hour before each, and every six
 * hours, so a post sent early, late or twice would show up at the wrong time.
 */
const start = "2027-02-15";
const zones = ["UTC", "America/New_York", "Australia/Sydney"] as const;

describe("a 12-week course in three time zones, through discord.js and the emulator", () => {
  let world: SchedulerWorld;
  const channels = new Map<string, { id: string }>();
  let sections: { title: string; weekEnd: number }[] = [];

  beforeAll(async () => {
    world = await startSchedulerWorld(new Date("2027-02-10T00:00:00Z"));
    for (const zone of zones) {
      const channel = world.createChannel(`cohort-${zone.toLowerCase().replace(/\//g, "-")}`);
      channels.set(zone, channel);
      await world.createCohort({ name: `Spring ${zone}`, channelId: channel.id, start, timeZone: zone });
    }
    const rows = await world.first.test.app.database.prisma.section.findMany({
      where: { curriculum: { slug: "backend-engineer-learning-path" }, checkpoint: { not: null } },
      orderBy: { position: "asc" },
    });
    sections = rows.map((row) => ({ title: row.title, weekEnd: row.weekEnd }));

    // A member of the UTC cohort logs an item in week 1, through the commands, so week 2 names last week's leader.
    const utcChannel = channels.get("UTC")?.id ?? "";
    const ada = world.emulator.createMember(world.guild.id, { username: "ada", displayName: "Ada Lovelace" });
    world.first.clock.set(new Date("2027-02-16T12:00:00Z"));
    const run = (name: string, options: Record<string, string> = {}) =>
      world.emulator.runCommand({ guildId: world.guild.id, channelId: utcChannel, userId: ada.id, name, options }).final();
    await run("join", { cohort: "Spring UTC" });
    const today = await run("today");
    const done = buttonsOf(today)[0];
    if (done === undefined) throw new Error("/today offered no done button");
    await world.emulator.clickButton({ userId: ada.id, messageId: today.id, customId: done.customId }).final();

    // From before the first post to a week after the closing post.
    const expected = zones.flatMap((zone) => expectedCoursePosts(start, zone, sections).map((post) => post.at));
    for (const at of probeInstants(expected, new Date("2027-02-13T00:00:00Z"), new Date("2027-05-18T00:00:00Z"))) {
      await world.first.tickAt(at);
    }
  }, 120_000);
  afterAll(async () => world.close());

  for (const zone of zones) {
    it(`posts every assignment, checkpoint and the closing post at its local time in ${zone}, once, in order`, () => {
      const observed = world
        .posts(channels.get(zone)?.id ?? "")
        .map((post) => ({ label: postLabel(post.message), local: localStamp(post.sentAt, zone) }));
      const expected = expectedCoursePosts(start, zone, sections).map((post) => ({ label: post.label, local: localStamp(post.at, zone) }));
      expect(expected).toHaveLength(12 + 11 + 1);
      expect(observed).toEqual(expected);
    });
  }

  it("keeps 09:00 local across the daylight-saving changes (the UTC hour moves instead)", () => {
    const weekPostsUtcHours = (zone: string) =>
      world
        .posts(channels.get(zone)?.id ?? "")
        .filter((post) => postLabel(post.message).startsWith("week"))
        .map((post) => post.sentAt.getUTCHours());
    // New York: 14:00 UTC in EST (weeks 1-4), 13:00 UTC in EDT from 14 March.
    expect(weekPostsUtcHours("America/New_York")).toEqual([14, 14, 14, 14, 13, 13, 13, 13, 13, 13, 13, 13]);
    // Sydney: 22:00 UTC the day before in AEDT (weeks 1-7), 23:00 UTC in AEST from 5 April.
    expect(weekPostsUtcHours("Australia/Sydney")).toEqual([22, 22, 22, 22, 22, 22, 22, 23, 23, 23, 23, 23]);
    expect(weekPostsUtcHours("UTC")).toEqual(Array.from({ length: 12 }, () => 9));
  });

  it("shows the week's items by day, and from week 2 last week's top five", () => {
    const posts = world.posts(channels.get("UTC")?.id ?? "");
    const week1 = posts.find((post) => postLabel(post.message) === "week 1");
    const week2 = posts.find((post) => postLabel(post.message) === "week 2");
    if (week1 === undefined || week2 === undefined) throw new Error("weekly posts missing");
    const text1 = visibleText(week1.message);
    expect(text1).toContain("Database Fundamentals");
    expect(text1).toMatch(/Total:\*\* \d+ items · \d+ h/);
    expect(text1).toContain("Required");
    expect(text1).not.toContain("top five");
    const text2 = visibleText(week2.message);
    expect(text2).toContain("Week 1 top five");
    expect(text2).toContain("🥇 **Ada Lovelace**");
  });

  it("attaches last week's chart to weekly posts from week 2, the course's chart to the closing post, and a live board to each week", async () => {
    const posts = world.posts(channels.get("UTC")?.id ?? "", { liveBoards: true });
    const byLabel = (label: string) => {
      const found = posts.find((post) => postLabel(post.message) === label);
      if (found === undefined) throw new Error(`no ${label} post`);
      return found.message;
    };
    expect(byLabel("week 1").attachments).toEqual([]);
    const week2 = byLabel("week 2").attachments;
    expect(week2.map((file) => [file.filename, file.contentType])).toEqual([["week-1.png", "image/png"]]);
    // Ada logged 30 minutes of reading on Tuesday of week 1.
    expect(week2[0]?.description).toMatch(/^Chart of week 1: the cohort read \d+ minutes in all/);
    expect(week2[0]?.description).toContain("Database Fundamentals");
    const chart = await loadImage(Buffer.from(await (await fetch(week2[0]?.url ?? "")).arrayBuffer()));
    expect(chart.width).toBeGreaterThan(0);
    const closing = byLabel("closing").attachments;
    expect(closing.map((file) => file.filename)).toEqual(["course.png"]);
    expect(closing[0]?.description).toMatch(/^Chart of the course: .*week 1: \d+%, week 2: \d+%/);
    // Each weekly post ends with its week's board, the message the scheduler keeps live.
    const labels = posts.map((post) => postLabel(post.message));
    expect(labels.filter((label) => label.startsWith("live board"))).toHaveLength(12);
    expect(labels[labels.indexOf("week 3") + 1]).toBe("live board 3");
  });

  it("opens a discussion thread on each weekly post and pings nobody", () => {
    const posts = world.posts(channels.get("America/New_York")?.id ?? "");
    for (const post of posts) {
      expect(post.message.allowedMentions).toEqual({ parse: [] });
      expect(post.message.mentions.everyone).toBe(false);
      expect(post.message.threadId !== null).toBe(postLabel(post.message).startsWith("week"));
    }
  });

  it("puts self-assessment buttons under each checkpoint prompt", () => {
    const checkpoint = world.posts(channels.get("UTC")?.id ?? "").find((post) => postLabel(post.message).startsWith("checkpoint"));
    if (checkpoint === undefined) throw new Error("no checkpoint post");
    expect(buttonsOf(checkpoint.message).map((button) => button.label)).toEqual(["Confident", "Partly", "Not yet"]);
    expect(buttonsOf(checkpoint.message).every((button) => /^checkpoint:\d+:\d+:(confident|partly|not_yet)$/.test(button.customId))).toBe(
      true,
    );
  });

  it("records every post as sent exactly once in the database", async () => {
    const rows = await world.first.test.app.database.prisma.scheduledPost.groupBy({ by: ["status"], _count: { _all: true } });
    expect(rows).toEqual([{ status: "sent", _count: { _all: 3 * 24 } }]);
  });
});
