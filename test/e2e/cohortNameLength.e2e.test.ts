import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * "Fancy text" as name generators write it: Mathematical Bold letters and digits, each one character that
 * JavaScript stores as two UTF-16 units. Discord counts characters (code points), so the `name` option's
 * max_length of 80 lets 80 of them through.
 */
function boldText(text: string): string {
  return Array.from(text, (character) => {
    const code = character.codePointAt(0) ?? 0;
    if (character >= "A" && character <= "Z") return String.fromCodePoint(0x1d400 + code - 0x41);
    if (character >= "a" && character <= "z") return String.fromCodePoint(0x1d41a + code - 0x61);
    if (character >= "0" && character <= "9") return String.fromCodePoint(0x1d7ce + code - 0x30);
    return character;
  }).join("");
}

describe("cohort names are measured in characters, as Discord measures the name option", () => {
  let bot: BotHarness;
  const cohortNames = async () => (await bot.test.app.database.prisma.cohort.findMany({ orderBy: { id: "asc" } })).map((row) => row.name);

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  });
  afterAll(async () => bot.close());

  it("creates a cohort whose fancy-text name has 80 characters, and renames one to another such name", async () => {
    const name = boldText("Backend Engineering Cohort Spring 2027 Evening Group for the Berlin Study Circle");
    expect(Array.from(name)).toHaveLength(80);
    const created = await bot.reply(bot.admin.id, "cohort create", {
      name,
      curriculum: "backend-engineer-learning-path",
      channel: bot.channel.id,
      start: "2027-01-04",
    });
    expect(visibleText(created)).toContain(`**${name}** is set up`);
    const renamed = boldText("Backend Engineering Cohort Autumn 2027 Evening Group for the Berlin Study Circle");
    const edited = await bot.reply(bot.admin.id, "cohort edit", { cohort: name, name: renamed });
    expect(visibleText(edited)).toContain(renamed);
    expect(await cohortNames()).toEqual([renamed]);
  });

  it("shows such a name whole in the cohort choices and in /cohort list", async () => {
    const [name] = await cohortNames();
    const choices = await bot.autocomplete(bot.admin.id, "cohort info", "cohort", { cohort: "" });
    expect(choices.map((choice) => choice.name)).toEqual([name]);
    expect(visibleText(await bot.reply(bot.admin.id, "cohort list"))).toContain(`**${name}** · 🟢 Active`);
  });

  it("repeats an unknown fancy-text name back without cutting a character in half", async () => {
    // 1 + 2 × 60 UTF-16 units: a cut at 100 units would fall inside a letter and leave half of it in the reply.
    const typed = `x${boldText("Backend Engineering Cohort for the Berlin Study Circle Group")}`;
    const halfCharacter = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const unknownCohort = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: typed }));
    expect(unknownCohort).toContain(`There's no cohort called "${typed}"`);
    const unknownCurriculum = visibleText(
      await bot.reply(bot.admin.id, "cohort create", { name: "Spring", curriculum: typed, channel: bot.channel.id, start: "2027-01-04" }),
    );
    expect(unknownCurriculum).toContain(`There's no curriculum called "${typed}"`);
    for (const reply of [unknownCohort, unknownCurriculum]) expect(reply).not.toMatch(halfCharacter);
  });
});
