import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/today` within Discord's limits (a field of 1024 characters, 25 buttons) with long titles (the curriculum allows
 * 200 characters) and many items a day. PRODUCT.md: "/today lists at most 5 overdue items (oldest first), then one
 * line '…and N more (time): /pace to catch up'. Buttons match exactly the items listed."
 */
const filler = " about distributed systems, consensus protocols, replication, partitioning and the many ways they fail";
const title = (n: number): string => `Reading ${String(n).padStart(3, "0")}${filler.repeat(3)}`.slice(0, 195);
const items = (from: number, count: number): string[] =>
  Array.from({ length: count }, (_, index) => `- [ ] Required -- ${title(from + index)} (5 min)`);
const longPath = [
  "Long Titles Path",
  "Week 1: First",
  ...items(1, 70),
  "Week 2: Second",
  ...items(101, 70),
  "Week 3: Third",
  ...items(201, 5),
  "",
].join("\n");

/** A Done button's label: Discord's 80 characters at most. */
const doneLabel = (title: string): string => {
  const label = `Done: ${title}`;
  return label.length <= 80 ? label : `${label.slice(0, 79)}…`;
};

const shortItems = (week: number): string[] =>
  Array.from({ length: 110 }, (_, index) => `- [ ] Required -- W${week} R${index + 1} (2 min)`);
const manyPath = [
  "Many Items Path",
  "Week 1: First",
  ...shortItems(1),
  "Week 2: Second",
  ...shortItems(2),
  "Week 3: Third",
  ...shortItems(3),
  "",
].join("\n");

describe("/today with long item titles and many items a day", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "long.md", content: longPath } });
    await bot.createCohort({ name: "Long Titles", curriculum: "long-titles-path", start: "2027-01-04" });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "many.md", content: manyPath } });
    await bot.createCohort({ name: "Many Items", curriculum: "many-items-path", start: "2027-01-04" });
  });
  afterAll(async () => bot.close());

  it("keeps the '…and N more: /pace to catch up' line when the five overdue items have long titles", async () => {
    const member = bot.member("long-lou");
    bot.clock.set(new Date("2027-01-04T10:00:00Z"));
    await bot.reply(member.id, "join", { cohort: "Long Titles" });
    // Wednesday of week 2: week 1 and two days of week 2 are overdue.
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
    const today = await bot.reply(member.id, "today", { cohort: "Long Titles" });
    const field = today.embeds[0]?.fields?.find((entry) => entry.name.startsWith("Overdue"));
    expect(field?.name).toMatch(/Overdue · \d+ items/);
    // Five listed, each whole, then the pointer to /pace.
    const lines = (field?.value ?? "").split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[5]).toMatch(/^…and \d+ more \(.+\): `\/pace` to catch up$/);
  });

  it("offers a Done button only for today's items that are listed", async () => {
    const member = bot.member("long-lea");
    bot.clock.set(new Date("2027-01-04T10:00:00Z"));
    await bot.reply(member.id, "join", { cohort: "Long Titles" });
    const today = await bot.reply(member.id, "today", { cohort: "Long Titles" });
    const listed = visibleText(today)
      .split("\n")
      .flatMap((line) => /^⬜ \*\*(.+?)\*\* · /.exec(line)?.[1] ?? []);
    expect(listed.length).toBeGreaterThan(0);
    expect(visibleText(today)).toMatch(/^…and \d+ more: `\/week` lists them, and `\/done` finds them by name$/m);
    expect(buttonsOf(today).map((entry) => entry.label)).toEqual(listed.map(doneLabel));
  });

  it("offers a Done button for each of the five overdue items listed, also on a day with many items", async () => {
    const member = bot.member("many-max");
    bot.clock.set(new Date("2027-01-04T10:00:00Z"));
    await bot.reply(member.id, "join", { cohort: "Many Items" });
    // Wednesday of week 2: 22 items due today, and more than 5 overdue.
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
    const today = await bot.reply(member.id, "today", { cohort: "Many Items" });
    const field = today.embeds[0]?.fields?.find((entry) => entry.name.startsWith("Overdue"));
    const overdueTitles = (field?.value ?? "").split("\n").flatMap((line) => /^⬜ (.+?) · /.exec(line)?.[1] ?? []);
    expect(overdueTitles).toHaveLength(5);
    const listedToday = visibleText(today)
      .split("\n")
      .flatMap((line) => /^⬜ \*\*(.+?)\*\* · /.exec(line)?.[1] ?? []);
    // Buttons for exactly the lines shown, today's then the overdue ones; the rest of today's behind a pointer.
    expect(buttonsOf(today).map((entry) => entry.label)).toEqual([...listedToday, ...overdueTitles].map(doneLabel));
    expect(visibleText(today)).toContain(`…and ${22 - listedToday.length} more: \`/week\` lists them`);
  });
});
