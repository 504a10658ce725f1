import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { confirmationOf } from "../helpers/postedBoards.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

const tuesdayOfWeek1 = new Date("2027-01-05T10:00:00Z");
const cohortName = "Mid Done";

/**
 * A member presses "Delete my data" and, before it has committed, logs an item with `/done` (another device,
 * a double-booked click): the /done has read their membership, and its write comes after the deletion's.
 */
describe("/privacy delete committing while the member's /done is under way", () => {
  let bot: BotHarness;
  let cohort: RankedCohort;
  beforeAll(async () => {
    bot = await startBotHarness({ now: tuesdayOfWeek1 });
    cohort = await rankedCohort(bot, cohortName);
  }, 120_000);
  afterAll(async () => bot.close());

  it("the /done says they are not in the cohort (not an internal error) and stores nothing of them", async () => {
    const app = bot.test.app;
    const cy = cohort.people.cy.id;
    const asked = await runCommand(bot, cy, "privacy", { delete: true });
    // Other writes ahead of both in the process's write queue (a busy bot), so the /done reads before the deletion commits.
    let release = () => {};
    const held = app.writes.run(() => new Promise<void>((resolve) => (release = resolve)));
    const deletion = bot.click(cy, asked.id, confirmationOf(asked));
    while (app.writes.length < 2) await new Promise((resolve) => setImmediate(resolve));
    const done = bot.run(cy, "done", { item: cohort.items[2] ?? "" });
    while (app.writes.length < 3) await new Promise((resolve) => setImmediate(resolve));
    release();
    await held;

    expect(visibleText(await deletion.final())).toContain("Done: everything stored about you");
    const reply = await done.final();
    expect(done.failed).toBe(false);
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain(`You're not a member of **${cohortName}**`);
    expect(await app.database.prisma.member.count({ where: { userId: cy } })).toBe(0);
    expect(await app.database.prisma.completion.count({ where: { member: { userId: cy } } })).toBe(0);
  });
});
