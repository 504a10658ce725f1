import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { runCommand } from "../helpers/rankedCohort.js";
import { rankedMembers } from "../helpers/rankedMembers.js";
import { StatementCounter } from "../helpers/statementCounter.js";

/**
 * `/leaderboard view:near` on the kept final board among equal points (PRODUCT Part 2, "The end of the course"):
 * the members the closing post listed keep its order (whoever got there first first), not the order they joined in;
 * and a caller with a place on it whose neighbours are all hidden since is not told that nobody logged points.
 */
describe("view:near on the kept final board, equal points and hidden neighbours", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: Record<"anna" | "bert" | "carl", { id: string }>;
  const cohortName = "Level Finish";
  const person = (name: "anna" | "bert" | "carl"): string => people[name].id;
  const order = (text: string): string[] =>
    ["Anna", "Bert", "Carl"]
      .filter((name) => text.includes(`**${name}**`))
      .sort((a, b) => text.indexOf(`**${a}**`) - text.indexOf(`**${b}**`));

  beforeAll(async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ name: cohortName });
    people = await rankedMembers(bot, cohort, { anna: 0, bert: 0, carl: 0 });
    const [first] = await bot.test.app.database.prisma.item.findMany({
      where: { curriculumId: cohort.curriculumId, kind: "Required", minutes: { gt: 0 } },
      orderBy: { position: "asc" },
      take: 1,
    });
    // The same item each, so the same points: Carl (who joined last) first, then Bert, then Anna.
    for (const [index, name] of (["carl", "bert", "anna"] as const).entries()) {
      bot.clock.set(new Date(Date.UTC(2027, 0, 5, 11 + index)));
      await bot.test.app.services.study.complete({
        guildId: bot.guild.id,
        userId: person(name),
        cohort: null,
        item: String(first?.id),
        now: bot.clock.now(),
      });
    }
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: cohortName });
    bot.clock.set(new Date("2027-01-13T10:01:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  }, 180_000);

  it("lists equal points in the closing post's order in both views, whoever asks", async () => {
    const { bot } = harness;
    expect(order(visibleText(await runCommand(bot, person("anna"), "leaderboard")))).toEqual(["Carl", "Bert", "Anna"]);
    for (const name of ["anna", "bert", "carl"] as const)
      expect(order(visibleText(await runCommand(bot, person(name), "leaderboard", { view: "near" })))).toEqual(["Carl", "Bert", "Anna"]);
  });

  it("reads the kept board once and no member's kept points for a caller it listed, nobody ranked below its top", async () => {
    const { bot } = harness;
    const counter = StatementCounter.install();
    try {
      const statements = await counter.during(() => runCommand(bot, person("bert"), "leaderboard", { view: "near" }));
      // The kept board is read once, and nothing else of it: Bert's lines and ranks (his own too) are all on it.
      const boardReads = statements.filter((sql) => sql.includes("finalBoard") && !sql.includes('FROM "Member"'));
      expect(boardReads).toHaveLength(1);
      expect(statements.filter((sql) => /finalPoints["`]?\s*[<>]/.test(sql))).toEqual([]);
    } finally {
      counter.uninstall();
    }
  });

  it("reads whether the closing post went out once: it never goes back, so later boards say 'As posted' without asking", async () => {
    const { bot } = harness;
    expect(visibleText(await runCommand(bot, person("anna"), "leaderboard"))).toContain("As posted when the cohort was ended");
    const counter = StatementCounter.install();
    try {
      let text = "";
      const statements = await counter.during(async () => {
        text = visibleText(await runCommand(bot, person("bert"), "leaderboard"));
      });
      expect(text).toContain("As posted when the cohort was ended");
      expect(statements.filter((sql) => /FROM [`"]\w+[`"]\.[`"]ScheduledPost[`"]/.test(sql))).toEqual([]);
    } finally {
      counter.uninstall();
    }
  });

  it("says the members around a caller's place cannot be shown, not that nobody logged points, once all hid", async () => {
    const { bot } = harness;
    for (const name of ["anna", "bert", "carl"] as const) await runCommand(bot, person(name), "privacy", { leaderboard: "hidden" });
    const near = visibleText(await runCommand(bot, person("anna"), "leaderboard", { view: "near" }));
    expect(near).toContain("you would be #1");
    expect(near).not.toContain("Nobody logged points");
    expect(near).toContain("None of the members around your place on the final leaderboard can be shown now");
    const top = visibleText(await runCommand(bot, person("anna"), "leaderboard"));
    expect(top).not.toContain("Nobody logged points");
    expect(top).toContain("None of the members on the final leaderboard can be shown now");
  });
});
