import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/pace` sent several times at once (a double submit, or two devices) answers as if the commands came one
 * after the other: the 4-week extension limit holds and a backlog is caught up once. The checks read the
 * member's pace changes in the transaction that writes, behind the member's lock.
 */
describe("/pace sent several times at once", () => {
  let bot: BotHarness;
  const cohortName = "Backend Spring 2027";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
  });
  afterAll(async () => bot.close());

  const joined = async (username: string) => {
    const user = bot.member(username);
    await bot.reply(user.id, "join", { cohort: cohortName });
    return user;
  };
  const stored = async (userId: string, kind: string) =>
    bot.test.app.database.prisma.memberAdjustment.count({ where: { member: { userId }, kind } });
  const atOnce = async (userId: string, options: Record<string, string | number>, times: number) => {
    const handles = Array.from({ length: times }, () => bot.run(userId, "pace", options));
    return Promise.all(handles.map(async (handle) => visibleText(await handle.final())));
  };

  it("extends to the 4th week once when the 4th and 5th extensions come at once; the others are refused", async () => {
    const bob = await joined("bob");
    for (let i = 0; i < 3; i += 1) await bot.reply(bob.id, "pace", { mode: "extend" });
    const replies = await atOnce(bob.id, { mode: "extend" }, 3);
    expect(replies.filter((text) => text.includes("already runs 4 weeks behind")).length).toBe(2);
    expect(await stored(bob.id, "extend")).toBe(4);
  });

  it("spreads the backlog once when catch_up comes twice at once; the other finds nothing left to catch up", async () => {
    const cleo = await joined("cleo");
    bot.clock.set(new Date("2027-01-20T10:00:00Z"));
    const replies = await atOnce(cleo.id, { mode: "catch_up", days: 5 }, 2);
    expect(replies.filter((text) => /Spread \*\*\d+ items\*\*/.test(text)).length).toBe(1);
    expect(replies.filter((text) => text.includes("Nothing to catch up")).length).toBe(1);
    expect(await stored(cleo.id, "catch_up")).toBe(1);
  });
});
