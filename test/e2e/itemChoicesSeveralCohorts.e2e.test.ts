import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * PRODUCT.md "All `cohort`, `item` and `curriculum` options autocomplete". Discord lists `item`, the
 * required option, before `cohort?`: a member of two cohorts who types `/done item:` first is offered
 * the items of both, each naming its cohort, and the one picked is logged in that cohort without `cohort:`.
 */
describe("item autocomplete for a member of two cohorts, before `cohort` is filled", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const spring = "Backend Spring 2027";
  // Near the 80 characters a cohort name may have: a choice shows its first 39, then "…".
  const mastery = "Mastery *evening* group for the Backend Engineer Complete Mastery Path, EU + US";
  const masteryShown = "Mastery *evening* group for the Backend…";

  /** The completion logged last, with its item and the name of its cohort. */
  const lastCompletion = async () => {
    const prisma = bot.test.app.database.prisma;
    const completion = await prisma.completion.findFirst({ orderBy: { id: "desc" }, include: { item: true } });
    if (completion === null) return null;
    const cohort = await prisma.cohort.findUniqueOrThrow({ where: { id: completion.cohortId } });
    return { title: completion.item.title, cohortName: cohort.name };
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-20T10:00:00Z") });
    await bot.createCohort({ name: spring, start: "2027-01-18" });
    await bot.createCohort({ name: mastery, start: "2027-01-18", curriculum: "backend-engineer-complete-mastery-path" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: spring });
    await bot.reply(ada.id, "join", { cohort: mastery });
  });
  afterAll(async () => bot.close());

  it("offers the matching items of both cohorts, each choice naming its cohort within 100 characters", async () => {
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "SQL" });
    const names = choices.map((choice) => choice.name);
    expect(names.some((name) => name.endsWith(` · ${spring}`))).toBe(true);
    expect(names.some((name) => name.endsWith(` · ${masteryShown}`))).toBe(true);
    for (const name of names) {
      // Discord counts a choice's name in code points.
      expect(Array.from(name).length).toBeLessThanOrEqual(100);
      expect(name.toLowerCase()).toContain("sql");
    }
  });

  it("leads with each cohort's first item due when nothing is typed, at most 25 in all", async () => {
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "" });
    expect(choices.length).toBe(25);
    const leading = choices.slice(0, 5).map((choice) => choice.name);
    for (const [cohort, shown] of [
      [spring, spring],
      [mastery, masteryShown],
    ]) {
      // What the cohort's own list (cohort filled in) starts with: today's or an overdue item (its title
      // may be cut shorter here, to make room for the cohort).
      const [own] = await bot.autocomplete(ada.id, "done", "item", { item: "", cohort });
      const titleOf = (name: string) => name.split(" · ")[0]?.replace(/…$/, "") ?? "";
      expect(leading.some((name) => name.endsWith(` · ${shown}`) && (own?.name ?? "").startsWith(titleOf(name)))).toBe(true);
    }
  });

  it("logs the item picked without `cohort:` in the cohort its choice named", async () => {
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "SQL" });
    const picked = choices.find((choice) => choice.name.endsWith(` · ${masteryShown}`));
    if (picked === undefined) throw new Error("no choice of the second cohort");
    const reply = visibleText(await bot.reply(ada.id, "done", { item: picked.value }));
    expect(reply).toContain("Logged **");
    const logged = await lastCompletion();
    expect(logged?.cohortName).toBe(mastery);
    expect(picked.name.startsWith(logged?.title.slice(0, 20) ?? "?")).toBe(true);
  });

  it("offers it to /undo with its cohort, and takes it back without `cohort:`", async () => {
    const choices = await bot.autocomplete(ada.id, "undo", "item", { item: "" });
    expect(choices).toHaveLength(1);
    const [done] = choices;
    expect(done?.name).toMatch(new RegExp(`^✓ .* · ${masteryShown.replace(/[*+]/g, "\\$&")}$`));
    const reply = visibleText(await bot.reply(ada.id, "undo", { item: done?.value ?? "" }));
    expect(reply).toContain("Completion removed");
    expect(reply).toContain(mastery);
    expect(await lastCompletion()).toBeNull();
  });

  it("refuses a choice of one cohort sent with `cohort:` naming the other, logging nothing", async () => {
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "SQL" });
    const picked = choices.find((choice) => choice.name.endsWith(` · ${masteryShown}`));
    if (picked === undefined) throw new Error("no choice of the second cohort");
    const reply = visibleText(await bot.reply(ada.id, "done", { item: picked.value, cohort: spring }));
    expect(reply).toContain("That item was picked from the list of **Mastery");
    expect(reply).toContain(`but the \`cohort\` option names **${spring}**. Pick the item again from the list`);
    expect(await lastCompletion()).toBeNull();
  });
});

describe("item autocomplete for a member of two cohorts named in fancy text", () => {
  let bot: BotHarness;
  let ada: { id: string };
  /** Mathematical bold letters, as "fancy text" generators write them: one character each, two UTF-16 units. */
  const bold = (text: string): string =>
    Array.from(text, (letter) =>
      /[a-z]/i.test(letter) ? String.fromCodePoint(0x1d400 + letter.charCodeAt(0) - (letter >= "a" ? 71 : 65)) : letter,
    ).join("");
  const shared = bold("Backend Engineering Cohort of the Spring Year ");

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-20T10:00:00Z") });
    await bot.createCohort({ name: `${shared}${bold("Europe")}`, start: "2027-01-18" });
    await bot.createCohort({ name: `${shared}${bold("Americas")}`, start: "2027-01-18" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: `${shared}${bold("Europe")}` });
    await bot.reply(ada.id, "join", { cohort: `${shared}${bold("Americas")}` });
  });
  afterAll(async () => bot.close());

  it("shows each item's short title whole beside the cohort, within 100 characters", async () => {
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "" });
    expect(choices.length).toBeGreaterThan(1);
    for (const { name } of choices) {
      expect(Array.from(name).length).toBeLessThanOrEqual(100);
      const [title = ""] = name.split(" · ");
      // This curriculum's titles are short ("Query Planning & Optimization"): each shows whole, what the member reads to pick.
      expect(title).not.toMatch(/…$/);
    }
    expect(new Set(choices.map(({ name }) => name)).size).toBe(choices.length);
  });
});
