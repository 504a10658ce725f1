import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** A path of two weeks of three readings each. */
const path = [
  "Late Path",
  "Week 1: Part 1",
  "- [ ] Required -- Reading 1a (20 min)",
  "- [ ] Required -- Reading 1b (20 min)",
  "- [ ] Required -- Reading 1c (20 min)",
  "Week 2: Part 2",
  "- [ ] Required -- Reading 2a (20 min)",
  "- [ ] Required -- Reading 2b (20 min)",
  "- [ ] Required -- Reading 2c (20 min)",
  "",
].join("\n");

const name = "Late Window";

/**
 * After the course's last week and before the closing post (PRODUCT.md: late reading counts in /progress but
 * changes no board), `/leaderboard period:all` ranks the course's reading only, as the closing post will: in its
 * top ten, in the caller's own line, in view:near, and in /progress's rank. The cohort starts Mon 2026-12-21
 * (2 weeks, UTC); its closing post would go out on Mon 2027-01-04 09:00, and no tick runs here.
 */
describe("/leaderboard period:all between the last week and the closing post", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let bob: { id: string };
  let cy: { id: string };
  let eve: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2026-12-20T10:00:00Z") });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "late.md", content: path } });
    await bot.reply(bot.admin.id, "cohort create", { name, curriculum: "late-path", channel: bot.channel.id, start: "2026-12-21" });
    ada = bot.member("ada");
    bob = bot.member("bob");
    cy = bot.member("cy");
    eve = bot.member("eve");
    for (const member of [ada, bob, cy, eve]) await bot.reply(member.id, "join", { cohort: name });
    // During the course: ada reads two items, bob one.
    bot.clock.set(new Date("2026-12-22T10:00:00Z"));
    await bot.reply(ada.id, "done", { item: "Reading 1a" });
    await bot.reply(ada.id, "done", { item: "Reading 1b" });
    await bot.reply(bob.id, "done", { item: "Reading 1a" });
    // eve: bob's course points, reached an hour after his (and long before his late reading), nothing late.
    bot.clock.set(new Date("2026-12-22T11:00:00Z"));
    await bot.reply(eve.id, "done", { item: "Reading 1a" });
    // Monday after the last day, before the 09:00 closing post: bob reads four more (late: no board counts them).
    bot.clock.set(new Date("2027-01-04T06:00:00Z"));
    for (const item of ["Reading 1b", "Reading 1c", "Reading 2a", "Reading 2b"]) await bot.reply(bob.id, "done", { item });
    // cy read only then: no place on the course's board.
    await bot.reply(cy.id, "done", { item: "Reading 1a" });
  });
  afterAll(async () => bot.close());

  it("lists the course's points in the top, ada first, bob tied with eve and first by when he reached them", async () => {
    const text = visibleText(await bot.reply(ada.id, "leaderboard", { period: "all" }));
    expect(text).toMatch(/🥇 \*\*ada\*\* · 44 pts ← you\n🥈 \*\*bob\*\* · 20 pts\n🥈 \*\*eve\*\* · 20 pts/);
    expect(text).toContain("**ada**: #1 of 3 · 44 pts");
    expect(text).not.toContain("cy");
  });

  it("gives the caller their course points and the rank they take on that board", async () => {
    const text = visibleText(await bot.reply(bob.id, "leaderboard", { period: "all" }));
    expect(text).toContain("**bob**: #2 of 3 · 20 pts");
    expect(text).not.toContain("100 pts");
    expect(visibleText(await bot.reply(eve.id, "leaderboard", { period: "all" }))).toContain("**eve**: #2 of 3 · 20 pts");
  });

  it("view:near ranks bob second, below ada", async () => {
    const text = visibleText(await bot.reply(bob.id, "leaderboard", { period: "all", view: "near" }));
    expect(text).toContain("🥇 **ada** · 44 pts\n🥈 **bob** · 20 pts ← you\n🥈 **eve** · 20 pts");
    expect(text).not.toContain("100 pts");
  });

  it("view:near for eve puts bob, tied, above her: his course points were reached first", async () => {
    const text = visibleText(await bot.reply(eve.id, "leaderboard", { period: "all", view: "near" }));
    expect(text).toContain("🥇 **ada** · 44 pts\n🥈 **bob** · 20 pts\n🥈 **eve** · 20 pts ← you");
  });

  it("a member who read only late has no place on it", async () => {
    const text = visibleText(await bot.reply(cy.id, "leaderboard", { period: "all" }));
    // Their late reading counts in /progress, not on this board: none of it was during the course.
    expect(text).toContain("**cy**: no points during the course");
    expect(text).not.toMatch(/🥉/);
  });

  it("/progress counts bob's late reading in his points but ranks him as the board does", async () => {
    const text = visibleText(await bot.reply(bob.id, "progress", {}));
    expect(text).toContain("Points: **100** · Rank: **#2** of 3");
  });
});
