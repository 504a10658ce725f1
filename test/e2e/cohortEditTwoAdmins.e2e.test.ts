import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * Two admins editing different schedule settings of one cohort at the same moment: each reply that says
 * "Saved" must be true. An edit writes the whole schedule it read with its own change in it, so one
 * written over another admin's change would undo that change while both were told it was saved.
 * Whether the two commands interleave here is up to the machine (a round may pass with no clash at all): the
 * certain interleaving, one edit overtaken between its read and its write, is in cohortStatusRaces.test.ts.
 */
describe("two admins editing a cohort's schedule at the same moment", () => {
  let bot: BotHarness;
  let second: { id: string };

  const edit = (userId: string, options: Record<string, string | number>) =>
    bot.run(userId, "cohort edit", { cohort: "Backend Spring 2027", ...options }).final();
  const stored = () => bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: "Backend Spring 2027" } });

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    second = bot.member("second-admin", { manageGuild: true });
    await bot.createCohort({ start: "2027-01-04" });
  });
  afterAll(async () => bot.close());

  it.each([1, 2, 3])("keeps every change an admin was told was saved (round %i)", async (round) => {
    const time = `1${round}:30`;
    const day = round + 1;
    const [timeReply, dayReply] = await Promise.all([edit(bot.admin.id, { announce_time: time }), edit(second.id, { announce_day: day })]);
    const row = await stored();
    const saved = (reply: typeof timeReply) => visibleText(reply).includes("Saved.");
    // At least one goes through; one refused says to try again, and changes nothing.
    expect(saved(timeReply) || saved(dayReply)).toBe(true);
    for (const reply of [timeReply, dayReply])
      if (!saved(reply))
        expect(visibleText(reply)).toContain("changed while saving (another edit, or a post going out), so nothing was changed");
    if (saved(timeReply)) expect(row.announceTime).toBe(time);
    if (saved(dayReply)) expect(row.announceDay).toBe(day);
  });
});
