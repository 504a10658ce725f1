import { describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";

// A day off whose reading is already done still lists that reading: the line must not say nothing was due today.
describe("/today on a day off with today's reading done", () => {
  // Tuesday of week 1 (the cohort starts Monday 2027-01-04, UTC).
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("says no reading is expected, in English and Spanish alike, beside the done item", async () => {
    const { bot } = harness;
    await bot.createCohort();
    const ada = bot.member("ada");
    const lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    const texts: string[] = [];
    for (const member of [ada, lucia]) {
      await bot.reply(member.id, "join", { cohort: "Backend Spring 2027" });
      await bot.reply(member.id, "break", { from: "2027-01-05", to: "2027-01-06" });
      await bot.reply(member.id, "done", { item: "Storage Engines" });
      texts.push(visibleText(await bot.reply(member.id, "today")));
    }
    const [english, spanish] = texts;
    expect(english).toContain("Storage Engines");
    expect(english).toContain("A day off: no reading is expected");
    expect(spanish).toContain("Storage Engines");
    expect(spanish).toContain("Día libre: no se espera ninguna lectura");
    expect(spanish).not.toContain("hoy no toca nada");
  });
});
