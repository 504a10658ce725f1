import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { answerOf, buttonsOf, visibleText } from "../helpers/botHarness.js";
import { chronologicalPosts, postLabel, probeInstants, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A whole 12-week course with a break in week 4, through discord.js and the
 * emulator, then what members see after its end: the cohort finishes with its
 * closing post, the final board stays as posted, `/today` sums the course up,
 * reminders stop and old buttons say the course is over.
 */
const start = "2027-02-15";
const cohortName = "Spring";
const breakWeek = 4;
/** Calendar week of curriculum week `week` once week 4 is a break. */
const calendarWeek = (week: number) => (week >= breakWeek ? week + 1 : week);

/** The posts expected from the product rules and luxon alone: one week later from week 4 on, 13 weekly posts. */
function expectedPosts(sections: readonly { title: string; weekEnd: number }[]): { label: string; at: Date }[] {
  const first = DateTime.fromISO(start, { zone: "UTC" });
  const posts: { label: string; at: Date }[] = [];
  for (let week = 1; week <= 13; week += 1) {
    posts.push({
      label: `week ${week}`,
      at: first
        .plus({ days: 7 * (week - 1) })
        .set({ hour: 9 })
        .toJSDate(),
    });
  }
  for (const section of sections) {
    const at = first.plus({ days: 7 * (calendarWeek(section.weekEnd) - 1) + 4 }).set({ hour: 17 });
    posts.push({ label: `checkpoint ${section.title}`, at: at.toJSDate() });
  }
  posts.push({
    label: "closing",
    at: first
      .plus({ days: 7 * 13 })
      .set({ hour: 9 })
      .toJSDate(),
  });
  return posts;
}

describe("a course with a break week, to its end and after, through discord.js and the emulator", () => {
  let world: SchedulerWorld;
  let channelId = "";
  let ada: { id: string };
  let bob: { id: string };
  let sections: { title: string; weekEnd: number }[] = [];
  const replies = new Map<string, EmulatorMessage>();

  const run = (userId: string, name: string, options: Record<string, string | number | boolean> = {}) =>
    answerOf(world.emulator.runCommand({ guildId: world.guild.id, channelId, userId, name, options }));
  const posts = () => world.posts(channelId);

  beforeAll(async () => {
    world = await startSchedulerWorld(new Date("2027-02-10T00:00:00Z"));
    channelId = world.createChannel("spring").id;
    await world.createCohort({ name: cohortName, channelId, start, timeZone: "UTC" });
    const rows = await world.first.test.app.database.prisma.section.findMany({
      where: { curriculum: { slug: "backend-engineer-learning-path" }, checkpoint: { not: null } },
      orderBy: { position: "asc" },
    });
    sections = rows.map((row) => ({ title: row.title, weekEnd: row.weekEnd }));
    ada = world.emulator.createMember(world.guild.id, { username: "ada", displayName: "Ada Lovelace" });
    bob = world.emulator.createMember(world.guild.id, { username: "bob", displayName: "Bob Stone" });

    world.first.clock.set(new Date("2027-02-12T12:00:00Z"));
    replies.set("break", await run(world.admin.id, "cohort break", { cohort: cohortName, week: breakWeek }));
    replies.set("break6", await run(world.admin.id, "cohort break", { cohort: cohortName, week: 6 }));
    replies.set("undo6", await run(world.admin.id, "cohort break", { cohort: cohortName, week: 6, undo: true }));
    await run(ada.id, "join", { cohort: cohortName });
    await run(bob.id, "join", { cohort: cohortName });
    await run(ada.id, "remind", { time: "12:00" });

    // Week 1: Ada logs two items, Bob one, through /today's buttons.
    world.first.clock.set(new Date("2027-02-16T10:00:00Z"));
    for (const [member, count] of [
      [ada, 2],
      [bob, 1],
    ] as const) {
      for (let index = 0; index < count; index += 1) {
        const today = await run(member.id, "today");
        const done = buttonsOf(today)[0];
        if (done === undefined) throw new Error("/today offered no done button");
        await world.emulator.clickButton({ userId: member.id, messageId: today.id, customId: done.customId }).final();
      }
    }
    world.first.clock.set(new Date("2027-02-23T10:00:00Z"));
    replies.set("breakStarted", await run(world.admin.id, "cohort break", { cohort: cohortName, week: 2 }));

    const expected = expectedPosts(sections).map((post) => post.at);
    for (const at of probeInstants(expected, new Date("2027-02-13T00:00:00Z"), new Date("2027-05-31T00:00:00Z"))) {
      await world.first.tickAt(at);
    }
  }, 240_000);
  afterAll(async () => world.close());

  it("turns a week into a break, and back, answering the admin with the course's new end", () => {
    expect(visibleText(replies.get("break") as EmulatorMessage)).toContain("Week 4 of **Spring** is now a break");
    expect(visibleText(replies.get("break") as EmulatorMessage)).toContain("The course now has 13 weeks");
    expect(visibleText(replies.get("undo6") as EmulatorMessage)).toContain("Week 6 of **Spring** is a reading week again");
    expect(visibleText(replies.get("undo6") as EmulatorMessage)).toContain("Break week: 4");
    expect(visibleText(replies.get("breakStarted") as EmulatorMessage)).toContain("Week 2 of **Spring** has already begun");
  });

  it("moves every post from the break on one week later, and the break week's post says so", () => {
    const observed = posts().map((post) => ({ label: postLabel(post.message), at: post.sentAt }));
    expect(chronologicalPosts(observed, "UTC")).toEqual(chronologicalPosts(expectedPosts(sections), "UTC"));
    const breakPost = posts().find((post) => postLabel(post.message) === "week 4");
    if (breakPost === undefined) throw new Error("no week 4 post");
    expect(visibleText(breakPost.message)).toContain("Break week:** no reading this week");
    expect(visibleText(breakPost.message)).toContain("week 5 starts on **Mon, 15 Mar 2027**");
    expect(breakPost.message.embeds[0]?.title).toBe("📚 Week 4 of 13 · Spring");
    // The week after the break names the leaders of the last reading week, not of the break.
    const week5 = posts().find((post) => postLabel(post.message) === "week 5");
    expect(visibleText(week5?.message as EmulatorMessage)).toContain("Week 3 top five");
  });

  it("sends no reminder in the break week nor after the course", () => {
    const days = world.dms(ada.id).map((dm) => dm.sentAt.toISOString().slice(0, 10));
    expect(days.length).toBeGreaterThan(10);
    expect(days.filter((day) => day >= "2027-03-08" && day <= "2027-03-14")).toEqual([]);
    expect(days.filter((day) => day >= "2027-05-17")).toEqual([]);
  });

  it("finishes the cohort after its closing post", async () => {
    const cohort = await world.first.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
    expect(cohort.status).toBe("finished");
    const info = await run(world.admin.id, "cohort info", { cohort: cohortName });
    expect(visibleText(info)).toContain("🎓 Finished");
    expect(visibleText(info)).toContain("Finished · 13 weeks");
  });

  it("shows the final board exactly as the closing post did, whatever is logged late; /progress counts it", async () => {
    const closing = posts().find((post) => postLabel(post.message) === "closing");
    if (closing === undefined) throw new Error("no closing post");
    const closingBoard = closing.message.embeds[0]?.fields?.[0]?.value ?? "";
    expect(closingBoard).toContain("🥇 **Ada Lovelace**");

    const before = await run(bob.id, "leaderboard");
    expect(before.embeds[0]?.title).toBe("🏆 Spring · Final leaderboard");
    expect(before.embeds[0]?.description).toContain(closingBoard);

    // Bob logs a lot late: enough to pass Ada on a live board.
    const progressBefore = visibleText(await run(bob.id, "progress"));
    const prisma = world.first.test.app.database.prisma;
    const done = new Set((await prisma.completion.findMany({ select: { itemId: true } })).map((row) => row.itemId));
    const items = await prisma.item.findMany({ where: { kind: "Required" }, orderBy: { position: "asc" }, take: 10 });
    for (const item of items.filter((candidate) => !done.has(candidate.id)).slice(0, 4)) {
      await run(bob.id, "done", { item: String(item.id) });
    }
    const progressAfter = visibleText(await run(bob.id, "progress"));
    expect(progressAfter).not.toEqual(progressBefore);

    for (const period of ["week", "all"]) {
      const after = await run(ada.id, "leaderboard", { period });
      expect(after.embeds[0]?.title).toBe("🏆 Spring · Final leaderboard");
      expect(after.embeds[0]?.description).toContain(closingBoard);
    }
  });

  it("sums the course up in /today, with the final rank, instead of a week past the last", async () => {
    const today = await run(ada.id, "today");
    const text = visibleText(today);
    expect(today.embeds[0]?.title).toBe("🎓 Spring · Course finished");
    expect(text).toMatch(/Required[\s\S]*2 of \d+/);
    expect(text).toContain("#1 of 2");
    expect(text).toContain("Best streak");
    expect(text).not.toContain("Week 14");
    expect(buttonsOf(today)).toEqual([]);
    const week = await run(ada.id, "week");
    expect(week.embeds[0]?.title).toBe("Spring · Week 13 of 13");
  });

  it("explains in /remind that a finished course sends no reminders", async () => {
    const reply = await run(ada.id, "remind");
    expect(visibleText(reply)).toContain("course has finished, so there are no more reminders");
  });

  it("answers the buttons of the old checkpoint posts that the course has finished", async () => {
    const prompt = posts().find((post) => postLabel(post.message).startsWith("checkpoint"));
    const button = prompt === undefined ? undefined : buttonsOf(prompt.message)[0];
    if (prompt === undefined || button === undefined) throw new Error("no checkpoint post with buttons");
    const answer = await world.emulator.clickButton({ userId: ada.id, messageId: prompt.message.id, customId: button.customId }).final();
    expect(visibleText(answer)).toContain("course has finished");
    expect(await world.first.test.app.database.prisma.checkpointAnswer.count()).toBe(0);
  });

  it("keeps a member who hides or takes an alias after the end off the final board by name", async () => {
    expect(visibleText(await run(bob.id, "leaderboard"))).toContain("Ada Lovelace");
    await run(ada.id, "privacy", { leaderboard: "alias" });
    const aliased = await run(bob.id, "leaderboard");
    expect(aliased.ephemeral).toBe(false);
    expect(visibleText(aliased)).not.toContain("Ada Lovelace");
    expect(visibleText(aliased)).toMatch(/🥇 \*Member \d+\* ·/);
    await run(ada.id, "privacy", { leaderboard: "hidden" });
    const hidden = visibleText(await run(bob.id, "leaderboard"));
    expect(hidden).not.toContain("Ada Lovelace");
    expect(hidden).not.toContain("Member ");
    expect(hidden).toContain("Bob Stone");
    await run(ada.id, "privacy", { leaderboard: "name" });
    expect(visibleText(await run(bob.id, "leaderboard"))).toContain("🥇 **Ada Lovelace**");
  });

  it("posts nothing more once finished", async () => {
    const count = posts().length;
    await world.first.tickAt(new Date("2027-06-07T09:00:00Z"));
    await world.first.tickAt(new Date("2027-06-14T09:00:00Z"));
    expect(posts()).toHaveLength(count);
  });
});
