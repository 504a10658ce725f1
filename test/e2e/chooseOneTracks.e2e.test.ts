import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * The 36-week path's Phase 2 says "Choose one path" over four language tracks.
 * A default cohort is assigned the choice once (Monday of week 5), worded as a
 * choice, and whichever track a member logs completes it, counted once.
 */
describe("the mastery path's 'choose one' language tracks, end to end", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Tracks 2027";
  const texts = new Map<string, string>();
  let todayButtons: string[] = [];
  let offered: string[] = [];
  const channelPosts = () => bot.emulator.channelMessages(bot.channel.id).filter((message) => message.authorId === bot.emulator.botUserId);

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.createCohort({ name: cohortName, curriculum: "backend-engineer-complete-mastery-path", start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    // Monday of week 5 (Phase 2, weeks 5-12): the weekly post, then Ada's day.
    bot.clock.set(new Date("2027-02-01T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-02-01T12:00:00Z"));
    const today = await bot.reply(ada.id, "today");
    texts.set("today", visibleText(today));
    todayButtons = buttonsOf(today).map((button) => button.label);
    texts.set("week", visibleText(await bot.reply(ada.id, "week")));
    texts.set("progressBefore", visibleText(await bot.reply(ada.id, "progress")));
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "Path" });
    offered = choices.map((entry) => entry.name);
    const valueOf = (track: string) => String(choices.find((entry) => entry.name.startsWith(track))?.value);
    texts.set("done", visibleText(await bot.reply(ada.id, "done", { item: valueOf("Go Path") })));
    texts.set("todayAfter", visibleText(await bot.reply(ada.id, "today")));
    texts.set("weekAfter", visibleText(await bot.reply(ada.id, "week")));
    texts.set("progressAfterOne", visibleText(await bot.reply(ada.id, "progress")));
    texts.set("doneSecondTrack", visibleText(await bot.reply(ada.id, "done", { item: valueOf("Python Path") })));
    texts.set("progressAfterTwo", visibleText(await bot.reply(ada.id, "progress")));
    // Typed without picking from the list: the track's name, as its Done button says it.
    texts.set("typedTrack", visibleText(await bot.reply(ada.id, "done", { item: "Java Path" })));
    texts.set("typedTrackLower", visibleText(await bot.reply(ada.id, "done", { item: "node.js path" })));
    // Week 6: nothing new is assigned; the post says what the week is for.
    bot.clock.set(new Date("2027-02-08T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  });
  afterAll(async () => bot.close());

  const choice = "Choose one: Python Path / Node.js Path / Java Path / Go Path";

  it("posts the choice once in week 5 and lists it in /today and /week, never the four tracks as items", () => {
    const weekPost = channelPosts().find((message) => message.embeds[0]?.title?.startsWith("📚 Week 5 ") === true);
    if (weekPost === undefined) throw new Error("no week 5 post");
    for (const text of [visibleText(weekPost), texts.get("today") ?? "", texts.get("week") ?? ""]) {
      expect(text).toContain(choice);
      expect(text).not.toContain("Variables, data types");
      expect(text).not.toMatch(/estimate|0 min/);
    }
    expect(texts.get("today")).toContain(`⬜ **${choice}** · Required`);
  });

  it("says in a quiet week of the phase to keep going with the chosen track", () => {
    const weekPost = channelPosts().find((message) => message.embeds[0]?.title?.startsWith("📚 Week 6 ") === true);
    if (weekPost === undefined) throw new Error("no week 6 post");
    expect(visibleText(weekPost)).toContain("nothing new this week: keep going with the track you chose, or catch up.");
  });

  it("offers a Done button and an autocomplete entry for each track", () => {
    expect(todayButtons).toEqual(expect.arrayContaining(["Done: Python Path", "Done: Node.js Path", "Done: Java Path", "Done: Go Path"]));
    for (const track of ["Python Path", "Node.js Path", "Java Path", "Go Path"])
      expect(
        offered.some((name) => name.startsWith(track)),
        `${track} in ${JSON.stringify(offered)}`,
      ).toBe(true);
  });

  it("finds a track typed by its name, as its Done button and autocomplete show it", () => {
    for (const [key, track] of [
      ["typedTrack", "Java Path"],
      ["typedTrackLower", "Node.js Path"],
    ] as const) {
      expect(texts.get(key)).not.toContain("There's no item");
      expect(texts.get(key)).toContain(track);
    }
  });

  it("marks the choice done when any one track is logged, and counts it once as Required", () => {
    expect(texts.get("done")).toContain("Go Path");
    expect(texts.get("todayAfter")).toContain(`✅ **${choice}** · Required`);
    expect(texts.get("weekAfter")).toContain(`✅ ${choice}`);
    const required = (key: string) =>
      /Required topics: \S* \*\*(\d+)\/(\d+)\*\*/
        .exec(texts.get(key) ?? "")
        ?.slice(1)
        .map(Number);
    const [doneBefore, total] = required("progressBefore") ?? [];
    expect(required("progressAfterOne")).toEqual([(doneBefore ?? 0) + 1, total]);
    // A second track is more reading, not a second Required item.
    expect(required("progressAfterTwo")).toEqual([(doneBefore ?? 0) + 1, total]);
    // /done's own reply counts the same way.
    const requiredInDone = (key: string) =>
      /Required topics: \S* (\d+)\/(\d+)/
        .exec(texts.get(key) ?? "")
        ?.slice(1)
        .map(Number);
    expect(requiredInDone("done")).toEqual([(doneBefore ?? 0) + 1, total]);
    expect(requiredInDone("doneSecondTrack")).toEqual([(doneBefore ?? 0) + 1, total]);
  });
});

describe("the weekly chart's section completion with 'choose one' tracks", () => {
  let bot: BotHarness;
  let cohort: Cohort;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    cohort = await bot.createCohort({ name: "Chart 2027", curriculum: "backend-engineer-complete-mastery-path", start: "2027-01-04" });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Chart 2027" });
    bot.clock.set(new Date("2027-02-01T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-02-01T12:00:00Z"));
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "Go Path" });
    await bot.reply(ada.id, "done", { item: String(choices.find((entry) => entry.name.startsWith("Go Path"))?.value) });
    bot.clock.set(new Date("2027-02-08T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  });
  afterAll(async () => bot.close());

  it("counts the choice once in Phase 2's share, done by the one track logged", () => {
    const alt = bot.emulator
      .channelMessages(bot.channel.id)
      .flatMap((message) => message.attachments)
      .find((attachment) => attachment.filename === "week-5.png")?.description;
    // Phase 2 assigns two things: the choice (four tracks, one logged) and the "For all" item.
    expect(alt).toContain("Phase 2: Programming Language Mastery 50%");
  });

  it("counts the choice in the closing post's course chart, done by a later track", async () => {
    const chart = await bot.test.app.services.study.courseChartOf(cohort);
    // Week 5 assigns only the choice (the "For all" item comes in a later week), and Ada, the only member, logged the Go Path.
    expect(chart.weeks.find((week) => week.weekNumber === 5)?.percent).toBe(100);
  });
});

/**
 * A track logged on Monday morning for yesterday counts for Friday (`/done when:yesterday`), as the chart's bars and
 * its sections' other items count it: the choice is done in the week before, in that week's chart drawn by Monday's
 * post an hour later.
 */
describe("the weekly chart's section completion with a 'choose one' track logged on Monday for yesterday", () => {
  let bot: BotHarness;
  let logged = "";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.createCohort({ name: "Late 2027", curriculum: "backend-engineer-complete-mastery-path", start: "2027-01-04" });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Late 2027" });
    bot.clock.set(new Date("2027-02-01T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    // Monday of week 6, an hour before its post: Ada logs the Go Path she read on Friday.
    bot.clock.set(new Date("2027-02-08T08:00:00Z"));
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "Go Path" });
    const goPath = String(choices.find((entry) => entry.name.startsWith("Go Path"))?.value);
    logged = visibleText(await bot.reply(ada.id, "done", { item: goPath, when: "yesterday" }));
    bot.clock.set(new Date("2027-02-08T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  });
  afterAll(async () => bot.close());

  it("logged it for Friday", () => {
    expect(logged).toMatch(/Fri|Friday/);
  });

  it("counts the choice in week 5's chart, the week of the day it counts for", () => {
    const alt = bot.emulator
      .channelMessages(bot.channel.id)
      .flatMap((message) => message.attachments)
      .find((attachment) => attachment.filename === "week-5.png")?.description;
    expect(alt).toContain("Phase 2: Programming Language Mastery 50%");
  });
});
