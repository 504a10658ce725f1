import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InteractionHandle } from "../../src/emulator/InteractionHandle.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { deleteWhile as deleteWhileSent } from "../helpers/deleteWhile.js";
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

  const deleteWhile = (userId: string, request: () => InteractionHandle, gone = true) => deleteWhileSent(bot, userId, request, gone);

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

  it("so does an /undo", async () => {
    const eve = bot.emulator.createMember(bot.guild.id, { username: "eve", displayName: "Eve" }).id;
    await runCommand(bot, eve, "join", { cohort: cohortName });
    await runCommand(bot, eve, "done", { item: cohort.items[0] ?? "" });
    const reply = await deleteWhile(eve, () => bot.run(eve, "undo", { item: cohort.items[0] ?? "" }));
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain(`You're not a member of **${cohortName}**`);
    expect(await bot.test.app.database.prisma.completion.count({ where: { member: { userId: eve } } })).toBe(0);
  });

  it("a /join again in another language (its locale stored with it) joins them afresh, in their language", async () => {
    const fay = bot.emulator.createMember(bot.guild.id, { username: "fay", displayName: "Fay" }).id;
    await runCommand(bot, fay, "join", { cohort: cohortName });
    const reply = await deleteWhile(
      fay,
      () => {
        bot.emulator.setUserLocale(fay, "es-ES");
        return bot.run(fay, "join", { cohort: cohortName });
      },
      false,
    );
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain("¡Te damos la bienvenida a **Mid Done**!");
    const member = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: fay } });
    expect(member).toMatchObject({ locale: "es-ES", points: 0 });
  });

  it("a /today with a new server nickname (the name refresh) says they are not in the cohort (not an internal error)", async () => {
    const jo = bot.emulator.createMember(bot.guild.id, { username: "jo", displayName: "Jo" }).id;
    await runCommand(bot, jo, "join", { cohort: cohortName });
    const reply = await deleteWhile(jo, () => {
      bot.emulator.setMemberNick(bot.guild.id, jo, "Jo Renamed");
      return bot.run(jo, "today");
    });
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain(`You're not a member of **${cohortName}**`);
  });

  /** A cohort in its week 3 with `username`, who logged nothing since joining in week 1 (behind): the admin's Nudge of them. */
  const behindMember = async (name: string, username: string) => {
    const nudged = await bot.createCohort({ name, start: "2026-12-21" });
    const member = bot.member(username);
    await bot.join(member, nudged, { at: new Date("2026-12-22T12:00:00Z") });
    const roster = await runCommand(bot, bot.admin.id, "cohort roster", { cohort: nudged.name });
    const nudge = buttonsOf(roster).find((button) => button.label === `Nudge ${username}`);
    if (nudge === undefined) throw new Error(`no Nudge button for ${username}`);
    return { nudged, member, press: () => bot.click(bot.admin.id, roster.id, nudge.customId) };
  };

  it("an admin's Nudge of the member tells the admin they are not in the cohort (not an internal error) and sends no DM", async () => {
    const { nudged, member: gus, press } = await behindMember("Mid Nudge", "gus");
    const reply = await deleteWhile(gus.id, press);
    expect(visibleText(reply)).toContain(`That person isn't a member of **${nudged.name}**`);
    expect(bot.emulator.dmMessages(gus.id)).toHaveLength(0);
    expect(await bot.test.app.database.prisma.nudgeDelivery.count()).toBe(0);
  });

  it("a Nudge whose DM was on its way when the member's deletion committed records nothing of them afterwards", async () => {
    const { nudged, member: hal, press } = await behindMember("Mid Nudge DM", "hal");
    // The nudge is claimed and its DM on its way to Discord when hal deletes their data.
    const held = bot.emulator.holdNext(/^POST \/channels\/\d+\/messages$/);
    const pressed = press();
    await held.arrived;
    const asked = await runCommand(bot, hal.id, "privacy", { delete: true });
    expect(visibleText(await bot.click(hal.id, asked.id, confirmationOf(asked)).final())).toContain("Done: everything stored about you");
    held.release();
    const reply = await pressed.final();
    expect(pressed.failed).toBe(false);
    expect(visibleText(reply)).toContain(`That person isn't a member of **${nudged.name}**`);
    const prisma = bot.test.app.database.prisma;
    expect(await prisma.auditEntry.count({ where: { OR: [{ subjectUserId: hal.id }, { actorId: hal.id }] } })).toBe(0);
    expect(await prisma.member.count({ where: { userId: hal.id } })).toBe(0);
  });

  it("a Nudge whose DM was sent just before the member's deletion committed leaves no audit line naming them", async () => {
    const { member: ivy, press } = await behindMember("Mid Nudge Sent", "ivy");
    const app = bot.test.app;
    const asked = await runCommand(bot, ivy.id, "privacy", { delete: true });
    // The DM goes out while other writes hold the queue (a busy bot): the nudge is marked sent, then the deletion commits.
    const dm = bot.emulator.holdNext(/^POST \/channels\/\d+\/messages$/);
    const pressed = press();
    await dm.arrived;
    let release = () => {};
    const busy = app.writes.run(() => new Promise<void>((resolve) => (release = resolve)));
    dm.release();
    while (app.writes.length < 2) await new Promise((resolve) => setImmediate(resolve));
    const deletion = bot.click(ivy.id, asked.id, confirmationOf(asked));
    while (app.writes.length < 3) await new Promise((resolve) => setImmediate(resolve));
    release();
    await busy;
    expect(visibleText(await deletion.final())).toContain("Done: everything stored about you");
    expect(visibleText(await pressed.final())).toContain("they got a friendly DM");
    expect(pressed.failed).toBe(false);
    expect(bot.emulator.dmMessages(ivy.id)).toHaveLength(1);
    const prisma = app.database.prisma;
    expect(await prisma.auditEntry.count({ where: { OR: [{ subjectUserId: ivy.id }, { actorId: ivy.id }] } })).toBe(0);
    expect(await prisma.member.count({ where: { userId: ivy.id } })).toBe(0);
  });
});
