import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/pace` describes *Catch up* (and offers its button) only when something is left to catch up on, and *Back to the
 * cohort's plan* only when there is an extension or a catch-up to clear (paceResetOffered): never to these members.
 * The cohort starts Monday 2027-01-04 (UTC), Monday to Friday: on its first day nothing is due before today.
 */
describe("/pace's help without and with a backlog", () => {
  let bot: BotHarness;
  const firstDay = new Date("2027-01-04T10:00:00Z");
  const wednesday = new Date("2027-01-06T10:00:00Z");

  beforeAll(async () => {
    bot = await startBotHarness({ now: firstDay });
    await bot.createCohort({ name: "Pace Help", start: "2027-01-04" });
  }, 120_000);
  afterAll(async () => bot.close());

  /** A member (in `locale`) who joins on the first day, and their `/pace` at `at`. */
  async function paceOf(username: string, locale: string, at: Date) {
    bot.clock.set(firstDay);
    const member = bot.emulator.createMember(bot.guild.id, { username, locale });
    await bot.reply(member.id, "join", { cohort: "Pace Help" });
    bot.clock.set(at);
    const pace = await bot.reply(member.id, "pace", { cohort: "Pace Help" });
    return { text: visibleText(pace), buttons: buttonsOf(pace).map((entry) => entry.label) };
  }

  it("says nothing of Catch up on the first day, when nothing is due before today, and still explains Extend", async () => {
    const { text, buttons } = await paceOf("fresh-fay", "en-US", firstDay);
    expect(text).not.toContain("To catch up");
    expect(text).not.toContain("Catch up");
    expect(text).toContain("**Extend by a week** moves your calendar one week later.");
    expect(buttons).toEqual(["Extend by a week"]);
  });

  it("says nothing of Ponerse al día in Spanish either", async () => {
    const { text, buttons } = await paceOf("fresca-flor", "es-ES", firstDay);
    expect(text).not.toContain("Ponerse al día");
    expect(text).toContain("**Ampliar una semana** retrasa tu calendario siete días.");
    expect(buttons).toEqual(["Ampliar una semana"]);
  });

  it("explains Catch up, with its button, once Monday's and Tuesday's reading is left undone", async () => {
    const english = await paceOf("late-lou", "en-US", wednesday);
    expect(english.text).toContain("To catch up:");
    expect(english.text).toMatch(/\*\*Catch up\*\* spreads what's left over your next \d+ study days/);
    expect(english.buttons).toEqual(["Catch up", "Extend by a week"]);
    const spanish = await paceOf("tardia-tere", "es-ES", wednesday);
    // The count in bold, its time after it, in both languages.
    expect(english.text).toMatch(/To catch up: \*\*\d+ items\*\* \(\d/);
    expect(spanish.text).toMatch(/Por recuperar: \*\*\d+ lecturas\*\* \(\d/);
    expect(spanish.text).toMatch(/\*\*Ponerse al día\*\* reparte lo pendiente en tus próximos \d+ días de estudio/);
    expect(spanish.buttons).toEqual(["Ponerse al día", "Ampliar una semana"]);
  });
});
