import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InteractionHandle } from "../../src/emulator/InteractionHandle.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { confirmationOf } from "../helpers/postedBoards.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

const tuesdayOfWeek1 = new Date("2027-01-05T10:00:00Z");
const cohortName = "Mid Done";

/**
 * A member presses "Delete my data" and, before it has committed, logs an item with `/done` or answers a
 * checkpoint (another device, a second click): the request has read their membership, and its write comes
 * after the deletion's.
 */
describe("/privacy delete committing while the member's /done is under way", () => {
  let bot: BotHarness;
  let cohort: RankedCohort;
  beforeAll(async () => {
    bot = await startBotHarness({ now: tuesdayOfWeek1 });
    cohort = await rankedCohort(bot, cohortName);
  }, 120_000);
  afterAll(async () => bot.close());

  /** The member's deletion and then `request` queued behind another write, which is then let go: both replies. */
  async function deleteWhile(userId: string, request: () => InteractionHandle) {
    const app = bot.test.app;
    const asked = await runCommand(bot, userId, "privacy", { delete: true });
    // Other writes ahead of both in the process's write queue (a busy bot), so the request reads before the deletion commits.
    let release = () => {};
    const held = app.writes.run(() => new Promise<void>((resolve) => (release = resolve)));
    const deletion = bot.click(userId, asked.id, confirmationOf(asked));
    while (app.writes.length < 2) await new Promise((resolve) => setImmediate(resolve));
    const handle = request();
    while (app.writes.length < 3) await new Promise((resolve) => setImmediate(resolve));
    release();
    await held;
    expect(visibleText(await deletion.final())).toContain("Done: everything stored about you");
    const reply = await handle.final();
    expect(handle.failed).toBe(false);
    expect(await app.database.prisma.member.count({ where: { userId } })).toBe(0);
    return reply;
  }

  it("the /done says they are not in the cohort (not an internal error) and stores nothing of them", async () => {
    const cy = cohort.people.cy.id;
    const reply = await deleteWhile(cy, () => bot.run(cy, "done", { item: cohort.items[2] ?? "" }));
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain(`You're not a member of **${cohortName}**`);
    expect(await bot.test.app.database.prisma.completion.count({ where: { member: { userId: cy } } })).toBe(0);
  });

  it("so does a checkpoint answer", async () => {
    const bob = cohort.people.bob.id;
    const prompt = await runCommand(bot, bob, "checkpoint");
    const confident = buttonsOf(prompt)[0];
    if (confident === undefined) throw new Error("no checkpoint buttons");
    const reply = await deleteWhile(bob, () => bot.click(bob, prompt.id, confident.customId));
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain(`You're not a member of **${cohortName}**`);
    expect(await bot.test.app.database.prisma.checkpointAnswer.count()).toBe(0);
  });

  it("so do days off and a pace change", async () => {
    const ada = cohort.people.ada.id;
    const booked = await deleteWhile(ada, () => bot.run(ada, "break", { from: "2027-01-07", to: "2027-01-08" }));
    expect(visibleText(booked)).toContain(`You're not a member of **${cohortName}**`);
    const watcher = cohort.people.watcher.id;
    const paced = await deleteWhile(watcher, () => bot.run(watcher, "pace", { mode: "extend" }));
    expect(visibleText(paced)).toContain(`You're not a member of **${cohortName}**`);
    expect(await bot.test.app.database.prisma.memberBreak.count()).toBe(0);
    expect(await bot.test.app.database.prisma.memberAdjustment.count()).toBe(0);
  });

  it("so does a reminder setting", async () => {
    const joined = await bot.createCohort({ name: "Mid Remind" });
    const dee = bot.emulator.createMember(bot.guild.id, { username: "dee", displayName: "Dee" }).id;
    await runCommand(bot, dee, "join", { cohort: joined.name });
    const reply = await deleteWhile(dee, () => bot.run(dee, "remind", { time: "08:30" }));
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain(`You're not a member of **${joined.name}**`);
  });
});
