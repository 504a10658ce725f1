import { describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";

/** Saturday before a cohort's first day (Monday 2027-01-04). */
const now = new Date("2027-01-02T12:00:00Z");

describe("/progress member: before the course's first day", () => {
  const harness = useBotHarness({ now });

  it("speaks of the other member's streak and points as theirs, not the reader's", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ start: "2027-01-04" });
    const ada = bot.member("ada");
    const lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    await bot.join(ada, cohort, { name: "Ada" });
    await bot.join(lucia, cohort, { name: "Lucía" });

    const english = visibleText(await bot.reply(ada.id, "progress", { member: lucia.id }));
    expect(english).toContain("Lucía");
    expect(english).toContain("their first study day of the course");
    expect(english).toContain("points put them on the leaderboard");
    expect(english).not.toMatch(/\byour?\b/i);

    const spanish = visibleText(await bot.reply(lucia.id, "progress", { member: ada.id }));
    expect(spanish).toContain("su primer día de estudio del curso");
    expect(spanish).toContain("con puntos entrará en la clasificación");
    expect(spanish).not.toMatch(/\btu\b|\bte\b/);

    // The member's own /progress still speaks to them.
    const own = visibleText(await bot.reply(ada.id, "progress"));
    expect(own).toContain("your first study day of the course");
    expect(own).toContain("points put you on the leaderboard");
  });
});
