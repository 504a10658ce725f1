import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planStateOf, planStateSql } from "../../src/db/repositories/MemberPlanRepository.js";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

/**
 * A day off's booking order in /privacy export (`bookedAfterPaceChanges`) is the one the member's plan folds it
 * in at: a stored pace change the plan cannot read (a catch-up without its day) counts in neither.
 */
describe("/privacy export: a day off's booking order", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: "Backend Spring 2027", start: "2027-01-04" });
  });
  afterAll(async () => bot.close());

  it("counts the pace changes before it as the plan does, skipping one it cannot read", async () => {
    const bob = bot.member("bob");
    await bot.reply(bob.id, "join", { cohort: "Backend Spring 2027" });
    const { prisma } = bot.test.app.database;
    const member = await prisma.member.findFirstOrThrow({ where: { userId: bob.id } });
    // A catch-up row without its day (kept by an old version, say): the plan skips it.
    await prisma.memberAdjustment.create({ data: { memberId: member.id, kind: "catch_up" } });
    await bot.reply(bob.id, "pace", { mode: "extend" });
    await bot.reply(bob.id, "break", { from: "2027-01-11", to: "2027-01-12" });

    const planned = planStateOf(await bot.test.app.database.hotReader.read(planStateSql, [member.id, member.id]));
    expect(planned.breaks.map((entry) => entry.bookedAfter)).toEqual([1]);
    const reply = await bot.reply(bob.id, "privacy", { export: true });
    const [file] = reply.attachments;
    if (file === undefined) throw new Error("no attachment");
    const data = (await (await fetch(file.url)).json()) as { memberships: { daysOff: { bookedAfterPaceChanges: number | null }[] }[] };
    expect(data.memberships[0]?.daysOff.map((entry) => entry.bookedAfterPaceChanges)).toEqual([1]);
  });
});
