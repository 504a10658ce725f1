import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/break` sent several times at once (a double submit, or two devices) answers as if the commands came one
 * after the other: days off that overlap ones already taken are refused, the 10-break limit holds, and a break
 * is ended once. The checks read the member's breaks in the transaction that writes, behind the member's lock.
 */
describe("/break sent several times at once", () => {
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
  const storedBreaks = async (userId: string) =>
    bot.test.app.database.prisma.memberBreak.findMany({
      where: { member: { userId } },
      orderBy: { fromDate: "asc" },
      select: { fromDate: true, toDate: true },
    });
  const atOnce = async (userId: string, options: readonly Record<string, string | boolean>[]) => {
    const handles = options.map((commandOptions) => bot.run(userId, "break", commandOptions));
    return Promise.all(handles.map(async (handle) => visibleText(await handle.final())));
  };

  it("keeps one break and refuses the overlapping twins, as it does one after the other", async () => {
    const bob = await joined("bob");
    const replies = await atOnce(
      bob.id,
      [1, 2, 3].map(() => ({ from: "2027-01-11", to: "2027-01-15" })),
    );
    expect(replies.filter((text) => text.includes("Days off from")).length).toBe(1);
    expect(replies.filter((text) => text.includes("which overlap these dates")).length).toBe(2);
    expect(await storedBreaks(bob.id)).toEqual([{ fromDate: "2027-01-11", toDate: "2027-01-15" }]);
  });

  it("books no 11th planned break when the 10th and 11th come at once", async () => {
    const cleo = await joined("cleo");
    for (let day = 11; day < 20; day += 1) await bot.reply(cleo.id, "break", { from: `2027-01-${day}`, to: `2027-01-${day}` });
    const replies = await atOnce(cleo.id, [
      { from: "2027-01-25", to: "2027-01-25" },
      { from: "2027-01-26", to: "2027-01-26" },
      { from: "2027-01-27", to: "2027-01-27" },
    ]);
    expect(replies.filter((text) => text.includes("Days off from")).length).toBe(1);
    expect(replies.filter((text) => text.includes("already have 10 breaks planned")).length).toBe(2);
    expect((await storedBreaks(cleo.id)).length).toBe(10);
  });

  it("calls a break off once when off:True comes twice at once; the other finds nothing left to end", async () => {
    const dina = await joined("dina");
    await bot.reply(dina.id, "break", { from: "2027-01-11", to: "2027-01-15" });
    const replies = await atOnce(
      dina.id,
      [1, 2, 3].map(() => ({ from: "2027-01-11", to: "2027-01-15", off: true })),
    );
    expect(replies.filter((text) => text.includes("are called off")).length).toBe(1);
    expect(replies.filter((text) => text.includes("You have no break between")).length).toBe(2);
    expect(await storedBreaks(dina.id)).toEqual([]);
  });

  it("ending days off while booking overlapping ones answers as one of the two orders would", async () => {
    const emil = await joined("emil");
    await bot.reply(emil.id, "break", { from: "2027-01-11", to: "2027-01-15" });
    const [ended, booked] = await atOnce(emil.id, [
      { from: "2027-01-11", to: "2027-01-15", off: true },
      { from: "2027-01-14", to: "2027-01-20" },
    ]);
    expect(ended).toContain("are called off");
    // Ended first: the new days off are booked. Booked first: refused for the overlap, and then the old ones are called off.
    if (booked?.includes("Days off from")) expect(await storedBreaks(emil.id)).toEqual([{ fromDate: "2027-01-14", toDate: "2027-01-20" }]);
    else {
      expect(booked).toContain("which overlap these dates");
      expect(await storedBreaks(emil.id)).toEqual([]);
    }
  });
});
