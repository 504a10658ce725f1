import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";

/**
 * The name boards show is the server display name stored at `/join`. A member who changed their nickname since
 * (or left the server and came back, which resets it) runs `/join` again: still "already a member", and their
 * name on the boards is now the one they have, through discord.js and the emulator.
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

  it("keeps the stored name until then", async () => {
    harness.bot.emulator.setMemberNick(harness.bot.guild.id, kim.id, "Kim New");
    expect(visibleText(await harness.bot.reply(kim.id, "leaderboard"))).toContain("Kim Old");
  });

  it("takes the new name, says so, and the board shows it", async () => {
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
