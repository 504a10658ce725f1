import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";

/**
 * The name boards show is the member's server display name, stored at `/join` and refreshed when they use the bot.
 * A member who changed their nickname since (or left the server and came back, which resets it) runs `/join` again
 * first: still "already a member", and they are told their name on the boards is now the one they have, through
 * discord.js and the emulator (other commands refresh it silently: renamedMember.e2e.test.ts).
 */
describe("/join again under a new server nickname", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let kim: { id: string };

  beforeAll(async () => {
    await harness.bot.createCohort({ name: "Rename Spring" });
    kim = harness.bot.member("kim");
    harness.bot.emulator.setMemberNick(harness.bot.guild.id, kim.id, "Kim Old");
    expect(visibleText(await harness.bot.reply(kim.id, "join", { cohort: "Rename Spring" }))).toContain("Welcome");
    await harness.bot.reply(kim.id, "done", { item: "Storage Engines" });
  });

  it("takes the new name, says so, and the board shows it", async () => {
    harness.bot.emulator.setMemberNick(harness.bot.guild.id, kim.id, "Kim New");
    const again = visibleText(await harness.bot.reply(kim.id, "join", { cohort: "Rename Spring" }));
    expect(again).toContain("You're already a member of **Rename Spring**.");
    expect(again).toContain("Your name on its boards is now **Kim New**.");
    const board = visibleText(await harness.bot.reply(kim.id, "leaderboard"));
    expect(board).toContain("Kim New");
    expect(board).not.toContain("Kim Old");
  });

  it("says nothing of the name when it has not changed", async () => {
    const again = visibleText(await harness.bot.reply(kim.id, "join", { cohort: "Rename Spring" }));
    expect(again).toBe("You're already a member of **Rename Spring**.");
  });
});

describe("/join again under a new server nickname, in more cohorts or off the boards by name", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  const join = async (user: { id: string }, cohort: string) => visibleText(await harness.bot.reply(user.id, "join", { cohort }));

  beforeAll(async () => {
    await harness.bot.createCohort({ name: "Rename Spring" });
    await harness.bot.createCohort({ name: "Rename Autumn" });
    await harness.bot.createCohort({ name: "Alias Spring" });
    const edit = await harness.bot.reply(harness.bot.admin.id, "cohort edit", { cohort: "Alias Spring", leaderboard: "aliases" });
    expect(visibleText(edit)).toContain("Alias Spring");
  });

  it("takes the new name in every cohort the member is in, so each board shows it", async () => {
    const lee = harness.bot.member("lee");
    harness.bot.emulator.setMemberNick(harness.bot.guild.id, lee.id, "Lee Old");
    for (const cohort of ["Rename Spring", "Rename Autumn"]) {
      await join(lee, cohort);
      await harness.bot.reply(lee.id, "done", { cohort, item: "Storage Engines" });
    }
    harness.bot.emulator.setMemberNick(harness.bot.guild.id, lee.id, "Lee New");
    expect(await join(lee, "Rename Spring")).toContain("Your name on its boards is now **Lee New**.");
    const otherBoard = visibleText(await harness.bot.reply(lee.id, "leaderboard", { cohort: "Rename Autumn" }));
    expect(otherBoard).toContain("Lee New");
    expect(otherBoard).not.toContain("Lee Old");
  });

  it("does not promise the name on the boards to a member shown there by an alias of their own choice", async () => {
    const max = harness.bot.member("max");
    harness.bot.emulator.setMemberNick(harness.bot.guild.id, max.id, "Max Old");
    await join(max, "Rename Spring");
    await harness.bot.reply(max.id, "privacy", { leaderboard: "alias" });
    harness.bot.emulator.setMemberNick(harness.bot.guild.id, max.id, "Max New");
    const again = await join(max, "Rename Spring");
    expect(again).not.toContain("on its boards");
    expect(again).toContain("Your stored name is now **Max New**");
  });

  it("does not promise it in a cohort whose boards show aliases", async () => {
    const ned = harness.bot.member("ned");
    harness.bot.emulator.setMemberNick(harness.bot.guild.id, ned.id, "Ned Old");
    await join(ned, "Alias Spring");
    harness.bot.emulator.setMemberNick(harness.bot.guild.id, ned.id, "Ned New");
    const again = await join(ned, "Alias Spring");
    expect(again).not.toContain("on its boards");
    expect(again).toContain("Your stored name is now **Ned New**");
  });
});
