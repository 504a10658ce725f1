import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandOptionsInput } from "../../src/emulator/buildCommandOptions.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { confirmationOf } from "../helpers/postedBoards.js";

/**
 * A member's `/privacy delete` writes its audit line in the trail of each
 * cohort they belonged to, naming no one, and not in the server's other cohorts.
 */
describe("where /privacy delete shows in /cohort audit, through discord.js and the emulator", () => {
  let bot: BotHarness;
  const first = "First Cohort";
  const second = "Second Cohort";
  const third = "Third Cohort";
  const deletionLine = "a member deleted their data";

  const run = (userId: string, name: string, options: CommandOptionsInput = {}) => bot.reply(userId, name, options);
  const deleteData = async (userId: string) => {
    const ask = await run(userId, "privacy", { delete: true });
    await bot.click(userId, ask.id, confirmationOf(ask)).final();
  };
  const deletionLines = async (cohort: string) =>
    visibleText(await run(bot.admin.id, "cohort audit", { cohort }))
      .split("\n")
      .filter((line) => line.includes(deletionLine));

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    for (const name of [first, second, third]) await bot.createCohort({ name });
  });
  afterAll(async () => bot.close());

  it("shows a deletion only in the cohorts the member belonged to, once each, naming no one", async () => {
    const ada = bot.member("ada");
    const bob = bot.member("bob");
    await run(ada.id, "join", { cohort: first });
    for (const cohort of [first, second]) await run(bob.id, "join", { cohort });
    await deleteData(ada.id);
    expect(await deletionLines(first)).toHaveLength(1);
    expect(await deletionLines(second)).toEqual([]);
    expect(await deletionLines(third)).toEqual([]);
    await deleteData(bob.id);
    expect(await deletionLines(first)).toHaveLength(2);
    expect(await deletionLines(second)).toHaveLength(1);
    expect(await deletionLines(third)).toEqual([]);
    const lines = await bot.test.app.database.prisma.auditEntry.findMany({ where: { action: "privacy_delete" } });
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line.cohortId).not.toBeNull();
      expect([line.actorId, line.subjectUserId, line.before, line.after].join(" ")).not.toMatch(new RegExp(`${ada.id}|${bob.id}|ada|bob`));
    }
  });

  it("shows an admin's deletion in the cohorts whose trail named them, though they never joined, and a second confirmation adds none", async () => {
    const helper = bot.member("helper-admin", { manageGuild: true });
    const cy = bot.member("cy");
    await run(cy.id, "join", { cohort: third });
    await run(helper.id, "cohort pause", { cohort: third });
    const before = await deletionLines(third);
    await deleteData(helper.id);
    expect(await deletionLines(third)).toHaveLength(before.length + 1);
    expect(await deletionLines(second)).toHaveLength(1);
    const again = await run(helper.id, "privacy", { delete: true });
    expect(visibleText(again)).toContain("Nothing is stored about you in this server.");
    expect(await deletionLines(third)).toHaveLength(before.length + 1);
  });
});
