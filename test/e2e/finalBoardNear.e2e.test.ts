import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { confirmationOf } from "../helpers/postedBoards.js";
import { runCommand } from "../helpers/rankedCohort.js";
import { rankedMembers } from "../helpers/rankedMembers.js";

/**
 * `/leaderboard view:near` after the closing post kept the final board (PRODUCT Part 2, "The end of the course"
 * and "Privacy"): the caller between the two members above and below them on the FINAL board, not the top of it,
 * with the ranks it kept; a caller with no place on it is told their own standing.
 */
describe("view:near on the kept final board", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: Record<string, { id: string }>;
  const cohortName = "Near The End";
  const person = (name: string): string => people[name]?.id ?? "";

  beforeAll(async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ name: cohortName });
    // reader01 did 13 items, reader02 12, ... reader13 one: a strict order, thirteen ranked members.
    const points = Object.fromEntries(
      Array.from({ length: 13 }, (_, index) => [`reader${String(index + 1).padStart(2, "0")}`, 13 - index] as const),
    );
    people = await rankedMembers(bot, cohort, { ...points, hider: 5, watcher: 0 });
    await runCommand(bot, person("hider"), "privacy", { leaderboard: "hidden" });
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: cohortName });
    bot.clock.set(new Date("2027-01-13T10:01:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    // After the close reader11 hides: the final board keeps every rank, and shows reader11 no more.
    await runCommand(bot, person("reader11"), "privacy", { leaderboard: "hidden" });
  }, 180_000);

  it("shows the caller below the top ten between their two neighbours above and below on the final board", async () => {
    const { bot } = harness;
    const near = visibleText(await runCommand(bot, person("reader12"), "leaderboard", { view: "near" }));
    expect(near).toContain("Final leaderboard");
    expect(near).toMatch(/10\\\. \*\*Reader10\*\*/);
    // reader11 hid after the close: left out, and nobody moves up on the board the closing post showed.
    expect(near).not.toContain("Reader11");
    expect(near).toMatch(/12\\\. \*\*Reader12\*\* · [\d,]+ pts ← you/);
    expect(near).toMatch(/13\\\. \*\*Reader13\*\*/);
    expect(near).not.toContain("Reader01");
    expect(near).not.toContain("Reader09");
    expect(near).not.toContain("more with points");
  });

  it("keeps the top of the board for the caller near the top: the caller and the two below", async () => {
    const { bot } = harness;
    const near = visibleText(await runCommand(bot, person("reader01"), "leaderboard", { view: "near" }));
    expect(near).toMatch(/🥇 \*\*Reader01\*\* · [\d,]+ pts ← you/);
    expect(near).toContain("🥈 **Reader02**");
    expect(near).toContain("🥉 **Reader03**");
    expect(near).not.toContain("Reader04");
    // The default view is still the board as the closing post showed it.
    const top = visibleText(await runCommand(bot, person("reader01"), "leaderboard"));
    expect(top).toContain("10\\. **Reader10**");
    expect(top).toContain("…and 3 more with points");
  });

  it("tells a caller with no place on the final board their own standing, with nobody around them", async () => {
    const { bot } = harness;
    // Shown by name like anybody who asks: the reply may be public, as the live board's is.
    const watcher = await runCommand(bot, person("watcher"), "leaderboard", { view: "near" });
    const text = visibleText(watcher);
    expect(text).toContain("You have no place on the final leaderboard");
    expect(text).toContain("**Watcher**: no points");
    expect(text).not.toContain("Reader");
    expect(text).not.toContain("Nobody near you");
  });

  it("shows a hidden member the place they would take, without their name on any line", async () => {
    const { bot } = harness;
    const hider = await runCommand(bot, person("hider"), "leaderboard", { view: "near" });
    const text = visibleText(hider);
    expect(hider.ephemeral).toBe(true);
    // Five items put them level with reader09 (#9): the neighbours around that place, and their own would-be rank.
    expect(text).toContain("you would be #9");
    expect(text).toContain("**Reader08**");
    expect(text).toContain("**Reader10**");
    expect(text).not.toContain("Reader01");
    expect(text).not.toMatch(/\*\*Hider\*\* ·/);
  });

  it("keeps the closing post's ranks below its top too once a listed member deleted their data: never two members at #10", async () => {
    const { bot } = harness;
    const ask = await runCommand(bot, person("reader03"), "privacy", { delete: true });
    await bot.click(person("reader03"), ask.id, confirmationOf(ask)).final();
    const near = visibleText(await runCommand(bot, person("reader12"), "leaderboard", { view: "near" }));
    expect(near).toMatch(/10\\\. \*\*Reader10\*\*/);
    expect(near).toMatch(/12\\\. \*\*Reader12\*\* · [\d,]+ pts ← you/);
    expect(near).toMatch(/13\\\. \*\*Reader13\*\*/);
    expect(near.match(/^10\\\. /gm)).toHaveLength(1);
    expect(visibleText(await runCommand(bot, person("reader12"), "progress"))).toContain("#12");
  });
});
