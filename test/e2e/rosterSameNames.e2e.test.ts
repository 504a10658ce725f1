import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** Wednesday of week 3 of a cohort that started on Monday 2027-01-04: whoever has read nothing is behind. */
const now = new Date("2027-01-20T12:00:00Z");

describe("/cohort roster with members who share a display name", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ now });
  });
  afterAll(async () => bot.close());

  it("tells their Nudge buttons apart, each naming its member as their line does", async () => {
    const cohort = await bot.createCohort({ start: "2027-01-04" });
    const users = ["alex1", "alex2", "sam"].map((username) => bot.member(username));
    for (const [index, user] of users.entries())
      await bot.test.app.services.cohorts.join(
        bot.guild.id,
        user.id,
        index < 2 ? "Alex" : "Sam",
        String(cohort.id),
        new Date("2027-01-05T12:00:00Z"),
      );
    const members = await bot.test.app.database.prisma.member.findMany({
      where: { cohortId: cohort.id },
      select: { id: true, userId: true },
    });
    const userIdOf = new Map(members.map((member) => [String(member.id), member.userId]));

    const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: String(cohort.id) });
    const lines = visibleText(roster).split("\n");
    const nudges = buttonsOf(roster).filter((button) => button.customId.startsWith("nudge:"));
    expect(nudges).toHaveLength(3);
    // Two buttons reading "Nudge Alex" would leave the admin guessing which Alex gets the DM.
    expect(new Set(nudges.map((button) => button.label)).size).toBe(3);
    for (const button of nudges) {
      const userId = userIdOf.get(button.customId.split(":")[2] ?? "") ?? "";
      const line = lines.find((candidate) => candidate.includes(`<@${userId}>`)) ?? "";
      expect(line).toContain(`<@${userId}> (${button.label.replace(/^Nudge /, "")})`);
    }
    // A name no one else on the page has stays as it is.
    expect(nudges.map((button) => button.label)).toContain("Nudge Sam");
  });
});
