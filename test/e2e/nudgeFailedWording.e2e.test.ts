import { describe, expect, it } from "vitest";
import { buttonsOf, useBotHarness, visibleText } from "../helpers/botHarness.js";

/** Wednesday of week 3 of a cohort that started on Monday 2027-01-04: a member who logged nothing is behind. */
const now = new Date("2027-01-20T12:00:00Z");

describe("a Nudge Discord refuses for a moment is told as a nudge, not as a post", () => {
  const harness = useBotHarness({ now });

  it("says the nudge DM was not sent (not that 'the post' was refused)", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ start: "2027-01-04" });
    const bob = bot.member("bob");
    await bot.join(bob, cohort, { at: new Date("2027-01-05T12:00:00Z") });
    const roster = await bot.reply(bot.admin.id, "cohort roster");
    const nudge = buttonsOf(roster).find((button) => button.label === "Nudge bob");
    expect(nudge).toBeDefined();
    // Discord answers the DM with a server error, every retry included.
    bot.emulator.failNext(/^POST \/channels\/\d+\/messages$/, 500, 20);
    const answer = visibleText(await bot.click(bot.admin.id, roster.id, nudge?.customId ?? "").final());
    expect(bot.emulator.dmMessages(bob.id)).toHaveLength(0);
    expect(answer).toBe("Discord didn't accept the nudge DM to bob just now, so it wasn't sent. Please try again in a minute.");
  });
});
