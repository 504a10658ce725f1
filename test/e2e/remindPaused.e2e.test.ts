import { describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";

// A paused cohort sends no reminders: /remind must not name a next reminder that will not come.
describe("/remind in a paused cohort", () => {
  // Tuesday of week 1 (the cohort starts Monday 2027-01-04, UTC).
  const harness = useBotHarness({ now: new Date("2027-01-05T09:00:00Z") });

  it("names no next reminder while paused, in English and Spanish, and names it again once resumed", async () => {
    const { bot } = harness;
    await bot.createCohort();
    const ada = bot.member("ada");
    const lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    for (const member of [ada, lucia]) {
      await bot.reply(member.id, "join", { cohort: "Backend Spring 2027" });
      await bot.reply(member.id, "remind", { time: "18:00" });
    }
    await bot.reply(bot.admin.id, "cohort pause", { cohort: "Backend Spring 2027" });

    const english = visibleText(await bot.reply(ada.id, "remind"));
    expect(english).toContain("is at **18:00** (UTC); next one: none while the cohort is paused.");
    expect(english).not.toContain("<t:");
    expect(english).toContain("This cohort is paused: no reminders are sent until an admin resumes it.");
    // Changed while paused, and in Spanish: no time either.
    const changed = visibleText(await bot.reply(ada.id, "remind", { time: "19:00" }));
    const spanish = visibleText(await bot.reply(lucia.id, "remind"));
    expect(changed).toContain("none while the cohort is paused");
    expect(spanish).toContain("el próximo: ninguno mientras la cohorte esté en pausa.");
    expect(`${changed}${spanish}`).not.toContain("<t:");

    await bot.reply(bot.admin.id, "cohort resume", { cohort: "Backend Spring 2027" });
    const resumed = visibleText(await bot.reply(ada.id, "remind"));
    expect(resumed).toContain("<t:");
    expect(resumed).not.toContain("paused");
  });
});
