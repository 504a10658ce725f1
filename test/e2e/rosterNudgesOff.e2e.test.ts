import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import { answerOf, buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** Wednesday of week 3 of a cohort that started on Monday 2027-01-04: members who read nothing are behind. */
const now = new Date("2027-01-20T12:00:00Z");

describe("/cohort roster and a member who turned nudges off", () => {
  let bot: BotHarness;
  let cohort: Cohort;
  const people: Record<"bob" | "fay", { id: string; username: string }> = { bob: { id: "", username: "" }, fay: { id: "", username: "" } };

  beforeAll(async () => {
    bot = await startBotHarness({ now });
    cohort = await bot.createCohort({ start: "2027-01-04" });
    for (const name of ["bob", "fay"] as const) {
      people[name] = bot.member(name);
      await bot.join(people[name], cohort, { at: new Date("2027-01-05T12:00:00Z") });
    }
    // fay turns nudges off herself, as any member can.
    expect(visibleText(await answerOf(bot.run(people.fay.id, "privacy", { nudges: "off" })))).toContain("off");
  });
  afterAll(async () => bot.close());

  const lineOf = (text: string, userId: string) => text.split("\n").find((line) => line.includes(`<@${userId}>`)) ?? "";

  it("offers no Nudge button that could only be refused, and says why on the member's line", async () => {
    const roster = await answerOf(bot.run(bot.admin.id, "cohort roster", { filter: "behind" }));
    const text = visibleText(roster);
    expect(lineOf(text, people.fay.id)).toMatch(/items overdue/);
    expect(buttonsOf(roster).map((button) => button.label)).toEqual(["Nudge bob"]);
    expect(lineOf(text, people.fay.id)).toContain("🔕 nudges off");
    expect(lineOf(text, people.bob.id)).not.toContain("nudges off");
  });

  it("says it in Spanish to a Spanish-speaking admin", async () => {
    bot.emulator.setUserLocale(bot.admin.id, "es-ES");
    try {
      const roster = await answerOf(bot.run(bot.admin.id, "cohort roster", { filter: "behind" }));
      expect(lineOf(visibleText(roster), people.fay.id)).toContain("🔕 avisos desactivados");
      // Neither has logged anything: said so, not "última vez nunca".
      expect(lineOf(visibleText(roster), people.bob.id)).toContain(" · nada registrado aún · racha 0");
      expect(buttonsOf(roster)).toHaveLength(1);
    } finally {
      bot.emulator.setUserLocale(bot.admin.id, "en-US");
    }
  });

  it("still refuses a Nudge pressed on a page drawn before the member turned nudges off", async () => {
    await answerOf(bot.run(people.fay.id, "privacy", { nudges: "on" }));
    const roster = await answerOf(bot.run(bot.admin.id, "cohort roster", { filter: "behind" }));
    const nudge = buttonsOf(roster).find((button) => button.label === "Nudge fay");
    expect(nudge).toBeDefined();
    await answerOf(bot.run(people.fay.id, "privacy", { nudges: "off" }));
    const pressed = await bot.click(bot.admin.id, roster.id, nudge?.customId ?? "").final();
    expect(visibleText(pressed)).toContain("turned nudges off");
    expect(bot.emulator.dmMessages(people.fay.id)).toHaveLength(0);
  });
});
