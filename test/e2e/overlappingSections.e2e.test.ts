import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * README "Curricula": section ranges may overlap and come in any order. Alpha (weeks 1–3) and Beta
 * (weeks 2–4) overlap in weeks 2–3, and Gamma (week 3), written between them, ends with Alpha. Every
 * section has fewer items than study days.
 */
const overlapPath = [
  "Overlap Path",
  "Week 1-3: Alpha",
  ...[1, 2, 3, 4, 5, 6].map((n) => `- [ ] Required -- Alpha ${n} (30 min)`),
  "Checkpoint",
  "You can explain alpha.",
  "Week 3: Gamma",
  ...[1, 2, 3].map((n) => `- [ ] Required -- Gamma ${n} (20 min)`),
  "Checkpoint",
  "You can explain gamma.",
  "Week 2-4: Beta",
  ...[1, 2, 3, 4, 5, 6].map((n) => `- [ ] Required -- Beta ${n} (30 min)`),
  "Checkpoint",
  "You can explain beta.",
  "",
].join("\n");

const allItems = [
  ...[1, 2, 3, 4, 5, 6].map((n) => `Alpha ${n}`),
  ...[1, 2, 3].map((n) => `Gamma ${n}`),
  ...[1, 2, 3, 4, 5, 6].map((n) => `Beta ${n}`),
];

/** Each study day of a `/week` reply: its heading and the items listed under it. */
function daysOfWeek(message: EmulatorMessage): { day: string; items: string[] }[] {
  return (message.embeds[0]?.fields ?? []).map((field) => ({
    day: field.name,
    items: [...field.value.matchAll(/[⬜✅] (.+?) · Required/g)].map((match) => match[1] ?? ""),
  }));
}

describe("a curriculum whose sections overlap in weeks, as a member of a new cohort reads it", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let weeks: { day: string; items: string[] }[][] = [];

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "overlap.md", content: overlapPath } });
    await bot.createCohort({ name: "Overlap", curriculum: "overlap-path", start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Overlap" });
    weeks = [];
    for (const number of [1, 2, 3, 4]) weeks.push(daysOfWeek(await bot.reply(ada.id, "week", { number })));
  });
  afterAll(async () => bot.close());

  it("lists every item exactly once, in its own section's weeks", () => {
    const listed = weeks.flatMap((week) => week.flatMap((day) => day.items));
    expect([...listed].sort()).toEqual([...allItems].sort());
    expect(weeks[0]?.flatMap((day) => day.items).every((item) => item.startsWith("Alpha"))).toBe(true);
    expect(weeks[3]?.flatMap((day) => day.items).every((item) => item.startsWith("Beta"))).toBe(true);
    expect(weeks[2]?.flatMap((day) => day.items).filter((item) => item.startsWith("Gamma"))).toEqual(["Gamma 1", "Gamma 2", "Gamma 3"]);
  });

  it("spreads a shared week over its free days first: each item on a day of its own, in order", () => {
    // Alpha (weeks 1–3) keeps its days; Gamma and Beta, placed after it, take the days it left free.
    expect(weeks.map((week) => week.map((day) => day.items))).toEqual([
      [["Alpha 1"], [], ["Alpha 2"], [], []],
      [["Alpha 3"], ["Beta 1"], ["Alpha 4"], ["Beta 2"], ["Beta 3"]],
      [["Alpha 5"], ["Gamma 1"], ["Alpha 6"], ["Gamma 2"], ["Gamma 3"]],
      [["Beta 4"], ["Beta 5"], ["Beta 6"], [], []],
    ]);
  });

  it("spreads a shared week over its days: no day holds two items while another is free", () => {
    for (const [index, week] of weeks.entries()) {
      const counts = week.map((day) => day.items.length);
      const free = counts.filter((count) => count === 0).length;
      expect({ week: index + 1, doubled: free > 0 && counts.some((count) => count > 1) }).toEqual({ week: index + 1, doubled: false });
    }
  });

  it("keeps each section's items in curriculum order", () => {
    const listed = weeks.flatMap((week) => week.flatMap((day) => day.items));
    for (const prefix of ["Alpha", "Gamma", "Beta"]) {
      const order = listed.filter((item) => item.startsWith(prefix));
      expect(order).toEqual(allItems.filter((item) => item.startsWith(prefix)));
    }
  });

  it("counts the same totals in /progress, /week and /cohort preview: 15 Required items, 7 h, each section once", async () => {
    const progress = visibleText(await bot.reply(ada.id, "progress"));
    expect(progress).toContain("**0/15**");
    expect(progress).toContain("Reading time: **0 min** of 7 h");
    expect(progress).toContain("0/6 · Alpha (weeks 1–3)\n▱▱▱▱▱▱▱▱▱▱ 0/3 · Gamma (week 3)\n▱▱▱▱▱▱▱▱▱▱ 0/6 · Beta (weeks 2–4)");
    const weekTotals = weeks.map((week) => week.reduce((sum, day) => sum + day.items.length, 0));
    expect(weekTotals).toEqual([2, 5, 5, 3]);
    const preview = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: "Overlap", week: 3 }));
    expect(preview).toContain("**This week:** Alpha (weeks 1–3) · Gamma (week 3) · Beta (weeks 2–4)");
    expect(preview).toContain("**Total:** 5 items · 2 h over 5 study days");
    expect(preview).toContain("Checkpoint prompt · Alpha");
    expect(preview).toContain("Checkpoint prompt · Gamma");
    expect(preview).not.toContain("Checkpoint prompt · Beta");
  });

  it("posts each week with the same days and items as /week, each item once, and each checkpoint once on its section's last day", async () => {
    const titles = () => bot.emulator.channelMessages(bot.channel.id).map((message) => message.embeds[0]?.title ?? "");
    const prompts = () => titles().filter((title) => title.startsWith("✅ Checkpoint"));
    for (const monday of ["2027-01-04", "2027-01-11", "2027-01-18"]) await tickAt(bot, `${monday}T10:00:00Z`);
    // Alpha (weeks 1–3) and Gamma (week 3) end on Friday of week 3, at 17:00; Beta, still running, does not.
    await tickAt(bot, "2027-01-22T16:59:00Z");
    expect(prompts()).toEqual([]);
    await tickAt(bot, "2027-01-22T17:00:00Z");
    await tickAt(bot, "2027-01-22T17:01:00Z");
    expect(prompts()).toEqual(["✅ Checkpoint · Alpha", "✅ Checkpoint · Gamma"]);
    const checkpoint = await bot.reply(ada.id, "checkpoint");
    expect(checkpoint.embeds.map((embed) => embed.title)).toEqual(["✅ Checkpoint · Alpha", "✅ Checkpoint · Gamma"]);
    await tickAt(bot, "2027-01-25T10:00:00Z");
    await tickAt(bot, "2027-01-29T16:59:00Z");
    expect(prompts()).toHaveLength(2);
    await tickAt(bot, "2027-01-29T17:00:00Z");
    expect(prompts()).toEqual(["✅ Checkpoint · Alpha", "✅ Checkpoint · Gamma", "✅ Checkpoint · Beta"]);
    expect((await bot.reply(ada.id, "checkpoint")).embeds.map((embed) => embed.title)).toEqual(["✅ Checkpoint · Beta"]);
    for (const number of [1, 2, 3, 4]) {
      const posts = bot.emulator
        .channelMessages(bot.channel.id)
        .filter((message) => message.embeds[0]?.title === `📚 Week ${number} of 4 · Overlap`);
      expect(posts).toHaveLength(1);
      const dayFields = (posts[0]?.embeds[0]?.fields ?? []).filter((field) => /^(Mon|Tue|Wed|Thu|Fri), /.test(field.name));
      const posted = dayFields.map((field) => ({
        day: field.name,
        items: [...field.value.matchAll(/• \*\*(.+?)\*\* · Required/g)].map((match) => match[1] ?? ""),
      }));
      expect(posted).toEqual(weeks[number - 1]);
    }
  });
});

describe("a cohort created under plan rule 1 (before 2026-12-07) keeps its days", () => {
  let bot: BotHarness;
  const weeks: { day: string; items: string[] }[][] = [];

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "overlap.md", content: overlapPath } });
    const cohort = await bot.createCohort({ name: "Overlap", curriculum: "overlap-path", start: "2027-01-04" });
    // What the migration leaves a cohort that existed before the rule changed.
    await bot.test.app.database.prisma.cohort.update({ where: { id: cohort.id }, data: { planRule: 1 } });
    const bo = bot.member("bo");
    await bot.reply(bo.id, "join", { cohort: "Overlap" });
    for (const number of [1, 2, 3, 4]) weeks.push(daysOfWeek(await bot.reply(bo.id, "week", { number })));
  });
  afterAll(async () => bot.close());

  it("gives a shared week the sections' items side by side, each day section by section, as before", () => {
    expect(weeks[1]?.map((day) => day.items)).toEqual([["Alpha 3", "Beta 1"], [], ["Alpha 4", "Beta 2"], [], []]);
    expect(weeks[2]?.map((day) => day.items)).toEqual([
      ["Alpha 5", "Gamma 1", "Beta 3"],
      ["Gamma 2"],
      ["Alpha 6", "Beta 4"],
      ["Gamma 3"],
      [],
    ]);
    expect(weeks.map((week) => week.reduce((sum, day) => sum + day.items.length, 0))).toEqual([2, 4, 7, 2]);
  });

  it("posts week 3 with the same days as before", async () => {
    const preview = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: "Overlap", week: 3 }));
    expect(preview).toContain("**Total:** 7 items · 3 h over 5 study days");
  });
});

describe("a section with fewer items than days, written before a denser one it overlaps (plan rule 2)", () => {
  let bot: BotHarness;
  const weeks: { day: string; items: string[] }[][] = [];
  // Sparse: 6 items over weeks 1–2 (10 study days); Dense: 5 items in week 1 alone, written after it.
  const sparseFirstPath = [
    "Sparse First Path",
    "Week 1-2: Sparse",
    ...[1, 2, 3, 4, 5, 6].map((n) => `- [ ] Required -- Sparse ${n} (30 min)`),
    "Week 1: Dense",
    ...[1, 2, 3, 4, 5].map((n) => `- [ ] Required -- Dense ${n} (30 min)`),
    "",
  ].join("\n");

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "sparse-first.md", content: sparseFirstPath } });
    await bot.createCohort({ name: "Sparse First", curriculum: "sparse-first-path", start: "2027-01-04" });
    const cy = bot.member("cy");
    await bot.reply(cy.id, "join", { cohort: "Sparse First" });
    for (const number of [1, 2]) weeks.push(daysOfWeek(await bot.reply(cy.id, "week", { number })));
  });
  afterAll(async () => bot.close());

  it("gives the denser section its days first and the sparse one the days left free, each day still listed in curriculum order", () => {
    // Dense takes one item a day in week 1; Sparse, balanced after it, fills week 2 and puts its first item beside Dense 1.
    expect(weeks.map((week) => week.map((day) => day.items))).toEqual([
      [["Sparse 1", "Dense 1"], ["Dense 2"], ["Dense 3"], ["Dense 4"], ["Dense 5"]],
      [["Sparse 2"], ["Sparse 3"], ["Sparse 4"], ["Sparse 5"], ["Sparse 6"]],
    ]);
  });
});
