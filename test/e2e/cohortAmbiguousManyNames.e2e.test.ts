import { describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";

/** A cohort name at the 80-character limit, distinct per index. */
const longName = (index: number) => `Backend Engineering Evening Cohort ${String(index).padStart(2, "0")} `.padEnd(80, "x");

// A server with many long-named cohorts: an admin who leaves `cohort` out (or a member of many of them) is told to
// pick one. The list of names must not push the reply past Discord's 2,000 characters, which Discord refuses
// (the admin would see "The application did not respond", no answer at all).
describe("asked to pick one of many cohorts with long names", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("answers within Discord's limit, in English and Spanish, naming as many as fit and counting the rest", async () => {
    const { bot } = harness;
    const count = 30;
    for (let index = 0; index < count; index += 1) await bot.createCohort({ name: longName(index) });

    const english = await bot.reply(bot.admin.id, "cohort info");
    const spanishAdmin = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const spanish = await bot.reply(spanishAdmin.id, "cohort info");
    for (const [message, pickOne, more] of [
      [english, "Pick one with the `cohort` option.", /…and (\d+) more/],
      [spanish, "Elige una con la opción `cohorte`.", /…y (\d+) más/],
    ] as const) {
      expect(message.ephemeral).toBe(true);
      const text = visibleText(message);
      expect(text.length).toBeLessThanOrEqual(2000);
      expect(text).toContain(pickOne);
      expect(text).toContain(`**${longName(0)}**`);
      const shown = Array.from({ length: count }, (_, index) => longName(index)).filter((name) => text.includes(`**${name}**`)).length;
      expect(Number(more.exec(text)?.[1])).toBe(count - shown);
    }
  });

  it("does the same for a member of many cohorts who leaves `cohort` out", async () => {
    const { bot } = harness;
    const ada = bot.member("ada");
    const cohorts = await bot.test.app.database.prisma.cohort.findMany();
    for (const cohort of cohorts) await bot.test.app.services.cohorts.join(bot.guild.id, ada.id, "ada", String(cohort.id), bot.clock.now());
    const message = await bot.reply(ada.id, "today");
    const text = visibleText(message);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toContain("Pick one with the `cohort` option.");
    expect(text).toMatch(/…and \d+ more/);
  });
});
