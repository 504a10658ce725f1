import { describe, expect, it } from "vitest";
import { useBotHarness, tickAt } from "../helpers/botHarness.js";
import { postWith, rankedCohortWithWeekTwoPosted, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * A member who hid themselves and then chose to be shown by name again is back on the boards already posted, as
 * `/leaderboard` shows them: the hiding redrew those boards without them, and the way back redraws them too. The
 * cohort starts Monday 2027-01-04; Ada > Bob > Cy read in week 1.
 */
const cohortName = "Shown Again";

describe("/privacy leaderboard:name after hidden puts the member back on the boards already posted", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: RankedCohort["people"];

  const choose = async (leaderboard: string, at: string) => {
    await runCommand(harness.bot, people.ada.id, "privacy", { leaderboard });
    await tickAt(harness.bot, at);
  };

  it("on the weekly post's top five", async () => {
    ({ people } = await rankedCohortWithWeekTwoPosted(harness.bot, cohortName));
    await choose("hidden", "2027-01-11T09:05:00Z");
    expect(postWith(harness.bot, "Week 1 top five")).not.toContain("Ada");
    await choose("name", "2027-01-11T09:10:00Z");
    expect(postWith(harness.bot, "Week 1 top five")).toContain("🥇 **Ada** · 98 pts");
  });

  it("on the closing post's final board", async () => {
    const { bot } = harness;
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: cohortName });
    await tickAt(bot, "2027-01-11T09:12:00Z");
    expect(postWith(bot, "🏆 Final leaderboard")).toContain("🥇 **Ada**");
    await choose("alias", "2027-01-11T09:15:00Z");
    expect(postWith(bot, "🏆 Final leaderboard")).not.toContain("**Ada**");
    await choose("name", "2027-01-11T09:20:00Z");
    expect(postWith(bot, "🏆 Final leaderboard")).toContain("🥇 **Ada** · 98 pts");
  });
});
