import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * QA probe (commands contract, /break): one `/break` at a time refuses days off that overlap ones
 * already taken ("You already have days off … which overlap these dates"), but the same command sent
 * twice at once (a double submit) stores both: the overlap check and the insert are not one step
 * (MemberPlanService.personalBreak reads the breaks, then addBreak writes).
 */
describe("/break sent twice at once", () => {
  let bot: BotHarness;
  const cohortName = "Backend Spring 2027";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
  });
  afterAll(async () => bot.close());

  it("keeps one break and refuses the overlapping twin, as it does one after the other", async () => {
    const bob = bot.member("bob");
    await bot.reply(bob.id, "join", { cohort: cohortName });
    const handles = [1, 2, 3].map(() => bot.run(bob.id, "break", { from: "2027-01-11", to: "2027-01-15" }));
    const replies = await Promise.all(handles.map(async (handle) => visibleText(await handle.final())));
    expect(replies.filter((text) => text.includes("Days off from")).length).toBe(1);
    expect(replies.filter((text) => text.includes("which overlap these dates")).length).toBe(2);
    const member = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: bob.id } });
    expect(await bot.test.app.database.prisma.memberBreak.count({ where: { memberId: member.id } })).toBe(1);
  });
});
