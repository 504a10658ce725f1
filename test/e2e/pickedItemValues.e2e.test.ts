import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `item` values of the "c<cohortId>/i<itemId>" shape (autocomplete choices for a member of several cohorts) that a
 * stale list, a hand-typed value or a `cohort:` naming another cohort makes wrong: each is answered plainly and
 * logs nothing. Ids too large for a row (32-bit) are answered as naming nothing, on PostgreSQL too.
 */
describe("item values naming a cohort", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const autumn = "Autumn";
  const evening = "Autumn Evening";
  let autumnId = 0;
  let eveningId = 0;

  const completions = async () => bot.test.app.database.prisma.completion.count();

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-04-07T10:00:00Z") });
    autumnId = (await bot.createCohort({ name: autumn, start: "2027-04-05" })).id;
    // The same curriculum: every item id of one is an item id of the other.
    eveningId = (await bot.createCohort({ name: evening, start: "2027-04-05" })).id;
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: autumn });
    await bot.reply(ada.id, "join", { cohort: evening });
  });
  afterAll(async () => bot.close());

  it("refuses a choice of one cohort sent with `cohort:` naming the other, though they share a curriculum", async () => {
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "Storage" });
    const picked = choices.find((choice) => choice.name.endsWith(` · ${evening}`));
    if (picked === undefined) throw new Error("no choice of the evening cohort");
    const reply = visibleText(await bot.reply(ada.id, "done", { item: picked.value, cohort: autumn }));
    expect(reply).toContain(`That item was picked from the list of **${evening}**, but the \`cohort\` option names **${autumn}**`);
    expect(await completions()).toBe(0);
  });

  it("asks to pick again for a value naming no item of the cohort", async () => {
    const reply = visibleText(await bot.reply(ada.id, "done", { item: `c${autumnId}/i999999` }));
    expect(reply).toContain("Pick the item again from the list");
    expect(reply).not.toContain("There's no item");
  });

  it("refuses a hand-typed value naming a cohort the member did not join, or another server's", async () => {
    const solo = (await bot.createCohort({ name: "Solo", start: "2027-04-05" })).id;
    const notJoined = visibleText(await bot.reply(ada.id, "done", { item: `c${solo}/i1` }));
    expect(notJoined).not.toContain("Logged");
    expect(notJoined).toContain("Solo");

    // Another server's cohort: a copy of Solo's row under another guild id.
    const prisma = bot.test.app.database.prisma;
    const { id: _id, createdAt: _created, updatedAt: _updated, ...row } = await prisma.cohort.findUniqueOrThrow({ where: { id: solo } });
    const elsewhere = await prisma.cohort.create({
      data: { ...row, guildId: "999000999000999000", name: "Elsewhere", nameKey: "elsewhere" },
    });
    const crafted = visibleText(await bot.reply(ada.id, "done", { item: `c${elsewhere.id}/i1` }));
    expect(crafted).not.toContain("Logged");
    expect(crafted).not.toContain("Elsewhere");
    expect(await completions()).toBe(0);
  });

  it("answers ids too large for a row as naming nothing, not with a generic error", async () => {
    const hugeCohort = visibleText(await bot.reply(ada.id, "done", { item: "c99999999999/i1", cohort: autumn }));
    expect(hugeCohort).toContain("Pick the item again from the list");
    const hugeItem = visibleText(await bot.reply(ada.id, "done", { item: `c${eveningId}/i99999999999`, cohort: evening }));
    expect(hugeItem).toContain("Pick the item again from the list");
    const typedCohort = visibleText(await bot.reply(ada.id, "today", { cohort: "99999999999" }));
    expect(typedCohort).toContain("99999999999");
    expect(typedCohort).not.toContain("Something went wrong");
    const typedItem = visibleText(await bot.reply(ada.id, "done", { item: "99999999999", cohort: autumn }));
    expect(typedItem).toContain(`There's no item "99999999999"`);
  });

  it("leaves an ended cohort's items out of the choices", async () => {
    await bot.reply(bot.admin.id, "cohort end", { cohort: evening });
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "" });
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.some((choice) => choice.name.endsWith(` · ${evening}`))).toBe(false);
  });
});
