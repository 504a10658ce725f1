import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * The 36-week mastery path has topics without time estimates and phases with
 * objectives: its posts and replies count topics, and each phase's objective
 * is posted as its checkpoint on the phase's last study day.
 */
describe("the 36-week path without estimates, end to end", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Mastery 2027";
  const texts = new Map<string, string>();
  const channelPosts = () => bot.emulator.channelMessages(bot.channel.id).filter((message) => message.authorId === bot.emulator.botUserId);

  beforeAll(async () => {
    // Friday before the Monday start.
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.createCohort({ name: cohortName, curriculum: "backend-engineer-complete-mastery-path", start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    texts.set("info", visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: cohortName })));
    texts.set("preview", visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: cohortName, week: 1 })));
    texts.set("week", visibleText(await bot.reply(ada.id, "week")));
    bot.clock.set(new Date("2027-01-05T10:00:00Z"));
    texts.set("today", visibleText(await bot.reply(ada.id, "today")));
    texts.set("pace", visibleText(await bot.reply(ada.id, "pace")));
    const [firstTopic] = await bot.autocomplete(ada.id, "done", "item", { item: "" });
    await bot.reply(ada.id, "done", { item: String(firstTopic?.value) });
    texts.set("progress", visibleText(await bot.reply(ada.id, "progress")));
    for (const at of ["2027-01-04T09:00:00Z", "2027-01-11T09:00:30Z", "2027-01-29T17:00:00Z"]) {
      bot.clock.set(new Date(at));
      await bot.test.app.scheduler.tick(bot.clock.now());
    }
    // Week 4: a late joiner's backlog, and Ada behind the plan in the roster.
    const bo = bot.member("bo");
    await bot.reply(bo.id, "join", { cohort: cohortName });
    texts.set("lateToday", visibleText(await bot.reply(bo.id, "today")));
    texts.set("roster", visibleText(await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName })));
  });
  afterAll(async () => bot.close());

  it("counts topics instead of saying there is no time estimate", () => {
    const posted = channelPosts().map((message) => visibleText(message));
    for (const text of [...texts.values(), ...posted]) expect(text).not.toMatch(/estimate|0 min/);
    expect(texts.get("preview")).toContain("**Total:** 2 topics over 5 study days");
    expect(texts.get("preview")).toContain("Mon, 4 Jan 2027 · 1 topic");
    expect(texts.get("week")).toContain("Total: **2 topics** · 0 done");
    expect(texts.get("today")).toContain("Overdue · 1 topic");
    // "Required topics", as /progress and /done count them on this path.
    expect(texts.get("pace")).toContain("Behind the cohort's plan: **1 Required topic**");
    expect(texts.get("pace")).toContain("To catch up: **1 topic** due before today and not done.");
    expect(texts.get("progress")).toMatch(/Topics read: \*\*1\*\* of \d+/);
    expect(texts.get("lateToday")).toMatch(/From before you joined: \d+ topics\. They never count as overdue/);
    // Under the Behind heading's "Required topics", as /today counts its overdue topics.
    expect(texts.get("roster")).toMatch(/\d+ topics overdue(?! \()/);
  });

  it("charts the topics the cohort read each day, not 0 minutes, on a path without estimates", () => {
    // Ada's first topic was logged on Tuesday 5 January, in week 1; week 2's post (11 January) charts week 1.
    const charted = channelPosts().flatMap((message) => message.attachments.filter((file) => file.filename === "week-1.png"));
    expect(charted).toHaveLength(1);
    expect(charted[0]?.description).toMatch(
      /^Chart of week 1: the cohort read 1 topic in all \(Mon 0, Tue 1, Wed 0, Thu 0, Fri 0\); section completion: /,
    );
  });

  it("names the first phase's objective as the next checkpoint before the cohort starts", () => {
    expect(texts.get("info")).not.toContain("None left");
    expect(texts.get("info")).toContain("Phase 1: Foundations");
  });

  it("posts each phase's objective as its checkpoint on the phase's last study day, with the answer buttons", () => {
    const checkpoint = channelPosts().find((message) => message.embeds[0]?.title === "✅ Checkpoint · Phase 1: Foundations");
    if (checkpoint === undefined) throw new Error("no checkpoint post for phase 1");
    // Framed as the phase's aim, as `/checkpoint` frames it, not a bare sentence above the question.
    expect(visibleText(checkpoint)).toContain("This section's aim: Understand fundamentals of web architecture and networking");
    expect(buttonsOf(checkpoint).map((button) => button.label)).toEqual(["Confident", "Partly", "Not yet"]);
  });
});
