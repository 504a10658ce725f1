import { loadImage } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InteractionHandle } from "../../src/emulator/InteractionHandle.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { answerOf, buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** The cohort starts Monday 2027-01-04 (UTC); "now" is Tuesday of week 1, 10:00. */
const tuesdayOfWeek1 = new Date("2027-01-05T10:00:00Z");
const cohortName = "Backend Spring 2027";

/**
 * Waits for the message the user finally sees (through answerOf: a slow public command may be acknowledged publicly and
 * then answered privately) and checks the bot acknowledged the interaction (how fast: `npm run bench`).
 */
async function answered(handle: InteractionHandle): Promise<EmulatorMessage> {
  const message = await answerOf(handle);
  expect(handle.failed).toBe(false);
  expect(handle.respondedWithinMs).not.toBeNull();
  return message;
}

describe("member commands through discord.js and the emulator", () => {
  let bot: BotHarness;
  let itemByTitle: Map<string, { id: number; minutes: number | null }>;

  const run = (userId: string, name: string, options: Record<string, string | number | boolean> = {}) =>
    answered(bot.run(userId, name, options));
  const joined = async (username: string) => {
    const member = bot.member(username);
    const message = await run(member.id, "join", { cohort: cohortName });
    expect(visibleText(message)).toContain("Welcome");
    return member;
  };
  const completionsOf = (userId: string) =>
    bot.test.app.database.prisma.completion.findMany({ where: { member: { userId } }, select: { itemId: true, points: true } });
  const pointsOf = async (userId: string) =>
    (await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId, cohort: { name: cohortName } } })).points;

  beforeAll(async () => {
    bot = await startBotHarness({ now: tuesdayOfWeek1 });
    const cohort = await bot.createCohort({ name: cohortName });
    const items = await bot.test.app.database.prisma.item.findMany({ where: { curriculumId: cohort.curriculumId } });
    itemByTitle = new Map(items.map((item) => [item.title, { id: item.id, minutes: item.minutes }]));
  });
  afterAll(async () => bot.close());

  const item = (title: string) => {
    const found = itemByTitle.get(title);
    if (found === undefined) throw new Error(`no item ${title}`);
    return found;
  };

  it("registers every member command with Discord as a guild-only command", () => {
    const commands = bot.emulator.registeredCommands();
    const names = commands.map((command) => command.name);
    expect(names).toEqual(
      expect.arrayContaining(["today", "done", "undo", "week", "progress", "leaderboard", "checkpoint", "join", "leave", "remind"]),
    );
  });

  describe("/join", () => {
    it("says so when you are already a member, and refuses unknown or ended cohorts without joining", async () => {
      const ada = await joined("ada-join");
      expect(visibleText(await run(ada.id, "join", { cohort: cohortName }))).toContain("already a member");

      const nobody = bot.member("joiner");
      const unknown = await run(nobody.id, "join", { cohort: "Frontend Autumn" });
      expect(unknown.ephemeral).toBe(true);
      expect(visibleText(unknown)).toContain('no cohort called "Frontend Autumn"');

      const ended = await bot.createCohort({ name: "Old Cohort 2026" });
      await bot.test.app.services.cohorts.setStatus(bot.guild.id, String(ended.id), "ended", "", bot.clock.now());
      const refused = await run(nobody.id, "join", { cohort: "Old Cohort 2026" });
      expect(visibleText(refused)).toContain("has ended");
      expect(await bot.test.app.database.prisma.member.count({ where: { userId: nobody.id } })).toBe(0);
    });

    it("offers the server's cohorts in autocomplete", async () => {
      const someone = bot.member("browser");
      const choices = await bot.autocomplete(someone.id, "join", "cohort", { cohort: "spring" });
      expect(choices.map((choice) => choice.name)).toContain(cohortName);
    });
  });

  describe("/today and /done", () => {
    it("logs an overdue item without the on-time bonus and today's with it", async () => {
      const linus = await joined("linus-done");
      const overdue = item("Database Selection Guide");
      const late = await run(linus.id, "done", { item: String(overdue.id) });
      expect(visibleText(late)).toContain(`+${overdue.minutes} points`);
      const today = item("Storage Engines");
      const onTime = await run(linus.id, "done", { item: "Storage Engines" });
      expect(visibleText(onTime)).toContain(`+${Math.round((today.minutes ?? 0) * 1.2)} points`);
      expect(visibleText(onTime)).toContain("on-time bonus");
      // Logged while the course runs: it counts on the boards, so no "after the course" line.
      expect(visibleText(onTime)).not.toContain("not in its final standings");
      expect(await pointsOf(linus.id)).toBe((overdue.minutes ?? 0) + Math.round((today.minutes ?? 0) * 1.2));
    });

    it("asks which cohort when you are in several, and works with the cohort option", async () => {
      const second = await bot.createCohort({ name: "Mastery Track", curriculum: "backend-engineer-complete-mastery-path" });
      const grace = await joined("grace-two");
      await run(grace.id, "join", { cohort: String(second.id) });
      const unclear = await run(grace.id, "today");
      expect(unclear.ephemeral).toBe(true);
      expect(visibleText(unclear)).toContain("several cohorts");
      expect(visibleText(unclear)).toContain("Mastery Track");
      const clear = await run(grace.id, "today", { cohort: String(second.id) });
      expect(visibleText(clear)).toContain("Mastery Track · Week 1 · Day 2");
      const choices = await bot.autocomplete(grace.id, "today", "cohort", { cohort: "" });
      expect(choices.map((choice) => choice.name).sort()).toEqual([cohortName, "Mastery Track"].sort());
      await run(grace.id, "leave", { cohort: "Mastery Track" });
    });

    it("refuses /done and /undo in an ended cohort and changes nothing", async () => {
      const ended = await bot.createCohort({ name: "Ending Soon" });
      const hopper = bot.member("hopper-ended");
      await run(hopper.id, "join", { cohort: "Ending Soon" });
      await run(hopper.id, "done", { item: "Database Selection Guide", cohort: "Ending Soon" });
      await bot.test.app.services.cohorts.setStatus(bot.guild.id, String(ended.id), "ended", "", bot.clock.now());
      const before = await completionsOf(hopper.id);
      expect(before).toHaveLength(1);
      const refused = await run(hopper.id, "done", { item: "Storage Engines", cohort: "Ending Soon" });
      expect(visibleText(refused)).toContain("has ended");
      const notUndone = await run(hopper.id, "undo", { item: "Database Selection Guide", cohort: "Ending Soon" });
      expect(visibleText(notUndone)).toContain("has ended");
      expect(await completionsOf(hopper.id)).toEqual(before);
    });
  });

  describe("/undo", () => {
    it("offers only the items you finished, removes the completion and its points, and refuses a second undo", async () => {
      const margaret = await joined("margaret-undo");
      const storage = item("Storage Engines");
      await run(margaret.id, "done", { item: String(storage.id) });
      await run(margaret.id, "done", { item: "Database Selection Guide" });
      const before = await pointsOf(margaret.id);

      const choices = await bot.autocomplete(margaret.id, "undo", "item", { item: "" });
      expect(choices).toHaveLength(2);
      expect(choices.map((choice) => choice.value).sort()).toEqual(
        [String(storage.id), String(item("Database Selection Guide").id)].sort(),
      );

      const undone = await run(margaret.id, "undo", { item: String(storage.id) });
      expect(undone.ephemeral).toBe(true);
      const earned = Math.round((storage.minutes ?? 0) * 1.2);
      expect(visibleText(undone)).toContain(`−${earned} points`);
      expect(await pointsOf(margaret.id)).toBe(before - earned);
      expect((await completionsOf(margaret.id)).map((row) => row.itemId)).not.toContain(storage.id);

      const again = await run(margaret.id, "undo", { item: String(storage.id) });
      expect(visibleText(again)).toContain("haven't marked **Storage Engines** as done");
      expect(await pointsOf(margaret.id)).toBe(before - earned);
    });

    it("logs and takes back a Reference item, worth no points, without a '+0' or '−0 points'", async () => {
      const grace = await joined("grace-reference");
      const logged = visibleText(await run(grace.id, "done", { item: "SQL Cheat Sheet" }));
      expect(logged).toContain("Logged **SQL Cheat Sheet**: reference material, worth no points.");
      expect(logged).not.toContain("+0");
      const undone = visibleText(await run(grace.id, "undo", { item: "SQL Cheat Sheet" }));
      expect(undone).toContain("**SQL Cheat Sheet** is no longer marked as done (reference material, worth no points).");
      expect(undone).not.toContain("−0");
    });

    it("refuses an unknown item and someone who has not joined", async () => {
      const barbara = await joined("barbara-undo");
      expect(visibleText(await run(barbara.id, "undo", { item: "Underwater Basket Weaving" }))).toContain("no item");
      const stranger = bot.member("stranger-undo");
      expect(visibleText(await run(stranger.id, "undo", { item: "Storage Engines" }))).toContain("/join");
    });
  });

  describe("/week", () => {
    it("shows the current week day by day with done marks, minutes and the total", async () => {
      const ken = await joined("ken-week");
      await run(ken.id, "done", { item: "Storage Engines" });
      const message = await run(ken.id, "week");
      expect(message.ephemeral).toBe(true);
      const text = visibleText(message);
      expect(text).toContain("Week 1 of 12 (this week)");
      expect(text).toContain("Database Fundamentals");
      expect(text).toContain("✅ Storage Engines · Required · 30 min");
      expect(text).toContain("⬜ Database Selection Guide · Required · 20 min");
      // Week 1 of the learning path: 20 + 30 + 35 + 25 + 30 minutes over Monday to Friday.
      expect(text).toContain("Total: **2 h 20 min** · 5 items · 1 done");
      const dayFields = message.embeds[0]?.fields?.map((field) => field.name) ?? [];
      expect(dayFields).toEqual([
        "Mon, 4 Jan 2027 · 20 min",
        "Tue, 5 Jan 2027 · 30 min",
        "Wed, 6 Jan 2027 · 35 min",
        "Thu, 7 Jan 2027 · 25 min",
        "Fri, 8 Jan 2027 · 30 min",
      ]);
    });

    it("shows another week with its overlapping sections and Reference items", async () => {
      const ken = await joined("ken-week-2");
      const text = visibleText(await run(ken.id, "week", { number: 2 }));
      expect(text).toContain("Week 2 of 12");
      expect(text).not.toContain("(this week)");
      expect(text).toContain("Database Fundamentals");
      expect(text).toContain("Database Performance");
      expect(text).toContain("📎 SQL Cheat Sheet · 10 min");
    });

    it("refuses a week the course does not have", async () => {
      const ken = await joined("ken-week-3");
      const message = await run(ken.id, "week", { number: 13 });
      expect(message.ephemeral).toBe(true);
      expect(visibleText(message)).toContain("Pick a week between 1 and 12");
    });
  });

  describe("/progress", () => {
    it("shows required items, minutes, points, rank, streak and sections", async () => {
      const ada = await joined("ada-progress");
      await run(ada.id, "done", { item: "Database Selection Guide" });
      await run(ada.id, "done", { item: "Storage Engines" });
      const message = await run(ada.id, "progress");
      expect(message.ephemeral).toBe(true);
      const text = visibleText(message);
      const requiredTotal = await bot.test.app.database.prisma.item.count({
        where: { curriculum: { slug: "backend-engineer-learning-path" }, kind: "Required" },
      });
      expect(text).toContain(`**2/${requiredTotal}**`);
      expect(text).toContain("Reading time: **50 min**");
      expect(text).toContain(`Points: **${await pointsOf(ada.id)}**`);
      expect(text).toMatch(/Rank: \*\*#\d+\*\* of \d+/);
      // Both completions are today, a study day: the streak is one day.
      expect(text).toContain("Streak: **1 study day**");
      // Database Fundamentals (weeks 1-2) assigns 10 items, two of them done.
      expect(text).toContain("▰▰▱▱▱▱▱▱▱▱ 2/10 · Database Fundamentals (weeks 1–2)");

      // The same numbers as a picture, with alt text for screen readers.
      expect(message.attachments.map((file) => [file.filename, file.contentType])).toEqual([["progress.png", "image/png"]]);
      const [card] = message.attachments;
      expect(card?.description).toContain(`Progress card of ada-progress: 2 of ${requiredTotal} required items done`);
      const image = await loadImage(Buffer.from(await (await fetch(card?.url ?? "")).arrayBuffer()));
      expect([image.width, image.height]).toEqual([800, 470]);
    });

    it("shows another member's progress by their name, and refuses someone outside the cohort", async () => {
      const viewer = await joined("viewer");
      const target = bot.emulator.createMember(bot.guild.id, { username: "target-user", displayName: "Target Person" });
      await run(target.id, "join", { cohort: cohortName });
      await run(target.id, "done", { item: "Storage Engines" });
      const text = visibleText(await run(viewer.id, "progress", { member: target.id }));
      expect(text).toContain("Target Person");
      expect(text).toContain("**1/");

      const outsider = bot.member("outsider-progress");
      const refused = await run(viewer.id, "progress", { member: outsider.id });
      expect(visibleText(refused)).toContain("isn't a member");
    });
  });

  describe("/leaderboard", () => {
    it("posts the week's top members publicly with competition ranks and the caller's own line, pinging nobody", async () => {
      const board = await bot.createCohort({ name: "Board Cohort" });
      const make = async (name: string, items: string[]) => {
        const member = bot.emulator.createMember(bot.guild.id, { username: name.toLowerCase(), displayName: name });
        await run(member.id, "join", { cohort: String(board.id) });
        for (const title of items) await run(member.id, "done", { item: title, cohort: String(board.id) });
        return member;
      };
      // Points: Storage Engines on time = 36, Selection Guide late = 20.
      await make("Alice", ["Storage Engines", "Database Selection Guide"]);
      await make("Bob", ["Storage Engines"]);
      await make("Carol", ["Storage Engines"]);
      const last = await make("Dave", ["Database Selection Guide"]);
      const watcher = await make("Eve", []);

      const handle = bot.run(watcher.id, "leaderboard", { cohort: String(board.id) });
      const message = await answered(handle);
      expect(message.ephemeral).toBe(false);
      expect(bot.emulator.channelMessages(bot.channel.id).map((posted) => posted.id)).toContain(message.id);
      const text = visibleText(message);
      expect(text).toContain("Week 1");
      const standings = text.split("\n").filter((line) => / pts$/.test(line));
      // Bob and Carol tie on 36 and share second place. The clock stands still here, so they reached 36 at the
      // same instant and the lower member id (Bob joined first) decides who is listed first. Dave is fourth, not third.
      expect(standings).toEqual(["🥇 **Alice** · 56 pts", "🥈 **Bob** · 36 pts", "🥈 **Carol** · 36 pts", "4\\. **Dave** · 20 pts"]);
      expect(text).toContain("**Eve**: no points this week yet");
      expect(message.mentions).toEqual({ everyone: false, userIds: [], roleIds: [] });

      const mine = visibleText(await answered(bot.run(last.id, "leaderboard", { cohort: String(board.id), period: "all" })));
      expect(mine).toContain("All time");
      expect(mine).toContain("**Dave**: #4 of 4 · 20 pts");
    });

    it("lists equal scores by who reached them first, not by who joined first, on the weekly and the all-time board", async () => {
      const board = await bot.createCohort({ name: "Tie Cohort" });
      const make = async (name: string) => {
        const member = bot.emulator.createMember(bot.guild.id, { username: name.toLowerCase(), displayName: name });
        await run(member.id, "join", { cohort: String(board.id) });
        return member;
      };
      // Bob joins first (the lower member id), but Carol logs Storage Engines five minutes before him.
      const bob = await make("Bobby");
      const carol = await make("Carla");
      const watcher = await make("Watcher");
      try {
        await run(carol.id, "done", { item: "Storage Engines", cohort: String(board.id) });
        bot.clock.advance(5 * 60_000);
        await run(bob.id, "done", { item: "Storage Engines", cohort: String(board.id) });
      } finally {
        bot.clock.set(tuesdayOfWeek1);
      }
      for (const period of ["week", "all"]) {
        const text = visibleText(await answered(bot.run(watcher.id, "leaderboard", { cohort: String(board.id), period })));
        const standings = text.split("\n").filter((line) => / pts$/.test(line));
        expect(standings, period).toEqual(["🥇 **Carla** · 36 pts", "🥇 **Bobby** · 36 pts"]);
      }
    });

    it("gives /progress the same competition rank as the board: one more than the members strictly ahead", async () => {
      const board = await bot.createCohort({ name: "Rank Cohort" });
      const make = async (name: string, items: string[]) => {
        const member = bot.emulator.createMember(bot.guild.id, { username: name.toLowerCase(), displayName: name });
        await run(member.id, "join", { cohort: String(board.id) });
        for (const title of items) await run(member.id, "done", { item: title, cohort: String(board.id) });
        return member;
      };
      // 56, 36, 36, 20 points: ranks 1, 2, 2, 4.
      const first = await make("Anna", ["Storage Engines", "Database Selection Guide"]);
      const second = await make("Bert", ["Storage Engines"]);
      const tied = await make("Cleo", ["Storage Engines"]);
      const fourth = await make("Dirk", ["Database Selection Guide"]);
      const newcomer = await make("Emil", []);
      /** "#2 of 4" from the reply's "Rank: **#2** of 4", or null when it shows no rank. */
      const rankOf = async (userId: string) => {
        const text = visibleText(await run(userId, "progress", { cohort: String(board.id) }));
        const match = /Rank: \*\*#(\d+)\*\* of (\d+)/.exec(text);
        return match === null ? null : `#${match[1]} of ${match[2]}`;
      };
      expect(await rankOf(first.id)).toBe("#1 of 4");
      expect(await rankOf(second.id)).toBe("#2 of 4");
      expect(await rankOf(tied.id)).toBe("#2 of 4");
      expect(await rankOf(fourth.id)).toBe("#4 of 4");
      expect(await rankOf(newcomer.id)).toBeNull();
    });

    it("answers privately when the caller is not in the cohort", async () => {
      const stranger = bot.member("stranger-board");
      const handle = bot.run(stranger.id, "leaderboard");
      const message = await answered(handle);
      expect(message.ephemeral).toBe(true);
      expect(visibleText(message)).toContain("/join");
    });
  });

  describe("/checkpoint", () => {
    it("shows the current section's checkpoint and stores one self-assessment per member, replacing it when changed", async () => {
      const ada = await joined("ada-checkpoint");
      const message = await run(ada.id, "checkpoint");
      expect(message.ephemeral).toBe(true);
      const text = visibleText(message);
      expect(text).toContain("Checkpoint · Database Fundamentals");
      expect(text).toContain("After this section you should be able to explain");
      const buttons = buttonsOf(message);
      expect(buttons.map((button) => button.label)).toEqual(["Confident", "Partly", "Not yet"]);
      const confident = buttons[0];
      const notYet = buttons[2];
      if (confident === undefined || notYet === undefined) throw new Error("missing buttons");

      const recorded = await answered(bot.click(ada.id, message.id, confident.customId));
      expect(recorded.ephemeral).toBe(true);
      expect(visibleText(recorded)).toContain("Recorded **Confident**");
      const changed = await answered(bot.click(ada.id, message.id, notYet.customId));
      expect(visibleText(changed)).toContain("from Confident to **Not yet**");
      const rows = await bot.test.app.database.prisma.checkpointAnswer.findMany({ where: { member: { userId: ada.id } } });
      expect(rows.map((row) => row.answer)).toEqual(["not_yet"]);

      const again = await run(ada.id, "checkpoint");
      expect(visibleText(again)).toContain("Your answer so far: **Not yet**");
      expect(buttonsOf(again).map((button) => button.label)).toEqual(["Confident", "Partly", "✓ Not yet"]);
    });

    it("picks the section that ends soonest when sections overlap, and the path's outcomes for the last one", async () => {
      const ada = await joined("ada-weeks");
      try {
        bot.clock.set(new Date("2027-01-19T10:00:00Z")); // Tuesday of week 3: sections of weeks 2-3 and 3-4
        expect(visibleText(await run(ada.id, "checkpoint"))).toContain("Checkpoint · Database Performance");
        bot.clock.set(new Date("2027-03-23T10:00:00Z")); // week 12: the capstone, which has no Checkpoint paragraph
        const last = visibleText(await run(ada.id, "checkpoint"));
        expect(last).toContain("Checkpoint · Production Blueprints & Capstone");
        expect(last).toContain("After this path you should be able to:");
        expect(last).toContain("• Design and optimize database schemas for complex domains");
      } finally {
        bot.clock.set(tuesdayOfWeek1);
      }
    });

    it("tells a clicker who is not in the cohort to join first, and stores nothing", async () => {
      const ada = await joined("ada-post");
      const view = await run(ada.id, "checkpoint");
      // The same buttons as the scheduler's public checkpoint post, in the cohort channel.
      const channel = await bot.test.app.discord.client.channels.fetch(bot.channel.id);
      if (channel === null || !channel.isSendable()) throw new Error("cohort channel not sendable");
      const post = await channel.send({ content: "Checkpoint", components: view.components });
      const outsider = bot.member("outsider-click");
      const customId = buttonsOf(view)[0]?.customId ?? "";
      const refused = await answered(bot.click(outsider.id, post.id, customId));
      expect(refused.ephemeral).toBe(true);
      expect(visibleText(refused)).toContain("/join");
      expect(await bot.test.app.database.prisma.checkpointAnswer.count({ where: { member: { userId: outsider.id } } })).toBe(0);
      // A member clicking the public post gets a private answer; the post itself does not change.
      const accepted = await answered(bot.click(ada.id, post.id, customId));
      expect(accepted.ephemeral).toBe(true);
      expect(bot.emulator.message(post.id)?.content).toBe("Checkpoint");
    });
  });

  describe("/leave", () => {
    it("takes the member off the leaderboard but keeps their history for a later /join", async () => {
      const leaver = bot.emulator.createMember(bot.guild.id, { username: "leaver", displayName: "Leaving Larry" });
      await run(leaver.id, "join", { cohort: cohortName });
      await run(leaver.id, "done", { item: "Storage Engines" });
      const pointsBefore = await pointsOf(leaver.id);
      const left = await run(leaver.id, "leave", { cohort: cohortName });
      expect(left.ephemeral).toBe(true);
      expect(visibleText(left)).toContain("You left **Backend Spring 2027**");

      const watcher = await joined("watcher-leave");
      await run(watcher.id, "done", { item: "Storage Engines" });
      expect(visibleText(await answered(bot.run(watcher.id, "leaderboard", { period: "all" })))).not.toContain("Leaving Larry");
      // They did join once: the refusal must not tell them they never have.
      expect(visibleText(await run(leaver.id, "today"))).toBe("You're not a member of any cohort in this server. Use `/join` to join one.");
      expect(visibleText(await run(leaver.id, "leave", { cohort: cohortName }))).toContain("nothing to leave");
      expect(await completionsOf(leaver.id)).toHaveLength(1);

      expect(visibleText(await run(leaver.id, "join", { cohort: cohortName }))).toContain("Welcome back");
      expect(await pointsOf(leaver.id)).toBe(pointsBefore);
    });

    it("refuses an unknown cohort", async () => {
      const someone = await joined("leave-unknown");
      expect(visibleText(await run(someone.id, "leave", { cohort: "No Such Cohort" }))).toContain('no cohort called "No Such Cohort"');
    });
  });

  describe("/remind", () => {
    const reminderOf = async (userId: string) => {
      const member = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId, cohort: { name: cohortName } } });
      return { time: member.remindTime, timeZone: member.remindTimeZone };
    };

    it("shows, sets, moves and switches off the daily reminder", async () => {
      const ada = await joined("ada-remind");
      expect(visibleText(await run(ada.id, "remind"))).toContain("You have no daily reminder");

      const set = await run(ada.id, "remind", { time: "8:30" });
      expect(set.ephemeral).toBe(true);
      expect(visibleText(set)).toContain("**08:30** (UTC)");
      // Tuesday 10:00 UTC: the next 08:30 UTC is Wednesday's.
      expect(visibleText(set)).toContain(`<t:${Date.parse("2027-01-06T08:30:00Z") / 1000}:f>`);
      // No zone chosen: the reminder follows the cohort's zone (stored as none, so a /cohort edit timezone: moves it too).
      expect(await reminderOf(ada.id)).toEqual({ time: "08:30", timeZone: null });

      const moved = await run(ada.id, "remind", { timezone: "europe/berlin" });
      expect(visibleText(moved)).toContain("**08:30** (Europe/Berlin)");
      expect(await reminderOf(ada.id)).toEqual({ time: "08:30", timeZone: "Europe/Berlin" });
      expect(visibleText(await run(ada.id, "remind"))).toContain("is at **08:30** (Europe/Berlin)");

      expect(visibleText(await run(ada.id, "remind", { off: true }))).toContain("is off now");
      expect(await reminderOf(ada.id)).toEqual({ time: null, timeZone: "Europe/Berlin" });
      expect(visibleText(await run(ada.id, "remind", { off: true }))).toContain("already off");
    });

    it("keeps the zone a member chose when they switch the reminder off, and says so", async () => {
      const kai = await joined("kai-remind");
      await run(kai.id, "remind", { time: "08:30", timezone: "Asia/Tokyo" });
      const off = visibleText(await run(kai.id, "remind", { off: true }));
      expect(off).toContain("is off now");
      expect(off).toContain("it stays in the time zone kept for you, Asia/Tokyo (`/remind timezone:cohort` follows the cohort's zone)");
      expect(visibleText(await run(kai.id, "remind"))).toContain(
        "in the time zone kept for you, Asia/Tokyo; `timezone:` changes it, `timezone:cohort` follows the cohort's zone",
      );
      // On again without timezone:: in their zone, not the cohort's.
      const on = visibleText(await run(kai.id, "remind", { time: "07:00" }));
      expect(on).toContain("**07:00** (Asia/Tokyo)");
      expect(await reminderOf(kai.id)).toEqual({ time: "07:00", timeZone: "Asia/Tokyo" });
      // timezone:cohort (offered first by autocomplete) is the way back to following the cohort's zone.
      const offered = await bot.autocomplete(kai.id, "remind", "timezone", { timezone: "" });
      expect(offered[0]).toEqual({ name: "The cohort's time zone (follows it when an admin changes it)", value: "cohort" });
      const berlin = await bot.autocomplete(kai.id, "remind", "timezone", { timezone: "berlin" });
      expect(berlin.map((choice) => choice.value)).not.toContain("cohort");
      expect(visibleText(await run(kai.id, "remind", { timezone: "cohort" }))).toContain("**07:00** (UTC)");
      expect(await reminderOf(kai.id)).toEqual({ time: "07:00", timeZone: null });

      // A member who never chose one is told nothing about a zone; theirs follows the cohort.
      const lou = await joined("lou-remind");
      await run(lou.id, "remind", { time: "08:30" });
      const louOff = visibleText(await run(lou.id, "remind", { off: true }));
      expect(louOff).not.toContain("kept for you");
      expect(visibleText(await run(lou.id, "remind"))).toContain("add `timezone:` for another time zone");
      expect(visibleText(await run(lou.id, "remind", { time: "09:00" }))).toContain("**09:00** (UTC)");
      expect(await reminderOf(lou.id)).toEqual({ time: "09:00", timeZone: null });
    });

    it("drops a kept zone while the reminder is off with timezone:cohort, alone or with off:True, turning nothing on", async () => {
      const noa = await joined("noa-remind");
      const followText = "follows the cohort's time zone";
      await run(noa.id, "remind", { time: "08:30", timezone: "Asia/Tokyo" });
      await run(noa.id, "remind", { off: true });
      const alone = visibleText(await run(noa.id, "remind", { timezone: "cohort" }));
      expect(alone).toContain(followText);
      expect(alone).not.toContain("give a time too");
      expect(await reminderOf(noa.id)).toEqual({ time: null, timeZone: null });
      expect(visibleText(await run(noa.id, "remind"))).toContain("add `timezone:` for another time zone");

      // With off:True too, while off: the same, not "Pick one".
      await run(noa.id, "remind", { time: "08:30", timezone: "Asia/Tokyo" });
      await run(noa.id, "remind", { off: true });
      expect(visibleText(await run(noa.id, "remind", { off: true, timezone: "COHORT" }))).toContain(followText);
      expect(await reminderOf(noa.id)).toEqual({ time: null, timeZone: null });

      // And while on: off:True timezone:cohort switches it off and drops the zone in one go.
      await run(noa.id, "remind", { time: "09:00", timezone: "Europe/Berlin" });
      expect(visibleText(await run(noa.id, "remind", { off: true, timezone: "cohort" }))).toContain(followText);
      expect(await reminderOf(noa.id)).toEqual({ time: null, timeZone: null });
      // Turned on again without timezone:: in the cohort's zone.
      expect(visibleText(await run(noa.id, "remind", { time: "07:00" }))).toContain("**07:00** (UTC)");
    });

    it("names no kept zone when the stored one is unknown to the runtime", async () => {
      const oli = await joined("oli-remind");
      await bot.test.app.database.prisma.member.updateMany({
        where: { userId: oli.id },
        data: { remindTime: null, remindTimeZone: "Atlantis/Lost_City" },
      });
      const shown = visibleText(await run(oli.id, "remind"));
      expect(shown).not.toContain("kept for you");
      expect(shown).toContain("add `timezone:` for another time zone");
    });

    it("takes the Spanish word cohorte for the cohort's zone, in any case", async () => {
      const lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia-remind", locale: "es-ES" });
      await run(lucia.id, "join", { cohort: cohortName });
      await run(lucia.id, "remind", { time: "08:30", timezone: "Europe/Madrid" });
      const off = visibleText(await run(lucia.id, "remind", { off: true }));
      expect(off).toContain("`/recordatorio zona_horaria:cohorte` sigue la de la cohorte");
      expect(visibleText(await run(lucia.id, "remind"))).toContain("la zona horaria guardada para ti, Europe/Madrid");
      expect(visibleText(await run(lucia.id, "remind", { timezone: "Cohorte" }))).toContain("sigue la zona horaria de la cohorte");
      expect(await reminderOf(lucia.id)).toEqual({ time: null, timeZone: null });
      await run(lucia.id, "remind", { time: "08:30", timezone: "Europe/Madrid" });
      expect(visibleText(await run(lucia.id, "remind", { timezone: "cohorte" }))).toContain("**08:30** (UTC)");
      expect(await reminderOf(lucia.id)).toEqual({ time: "08:30", timeZone: null });
    });

    it("refuses a bad time, an unknown zone and contradictory options, changing nothing", async () => {
      const linus = await joined("linus-remind");
      await run(linus.id, "remind", { time: "07:15", timezone: "America/New_York" });
      const before = await reminderOf(linus.id);
      expect(visibleText(await run(linus.id, "remind", { time: "25:00" }))).toContain('"25:00" is not a time of day');
      expect(visibleText(await run(linus.id, "remind", { timezone: "Mars/Olympus_Mons" }))).toContain(
        '"Mars/Olympus_Mons" is not a time zone',
      );
      expect(visibleText(await run(linus.id, "remind", { time: "09:00", off: true }))).toContain("Pick one");
      expect(await reminderOf(linus.id)).toEqual(before);

      const fresh = await joined("fresh-remind");
      expect(visibleText(await run(fresh.id, "remind", { timezone: "Asia/Tokyo" }))).toContain("give a time too");
      expect(await reminderOf(fresh.id)).toEqual({ time: null, timeZone: null });
    });

    it("suggests time zones", async () => {
      const someone = await joined("zone-typer");
      const choices = await bot.autocomplete(someone.id, "remind", "timezone", { timezone: "berlin" });
      expect(choices.map((choice) => choice.value)).toContain("Europe/Berlin");
    });
  });
});
