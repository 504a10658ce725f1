import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerOf, buttonIdOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A late joiner's *Catch up* spreads the backlog over the default 5 study days, as `/pace`'s does; when the cap makes
 * it take longer its reply says "more than 5 study days", so the welcome names those 5 days before the click.
 * The cohort starts Monday 2027-01-04 (UTC) on the 12-week path; the members join on Wednesday of week 4.
 */
describe("a late joiner's welcome names the study days its Catch up spreads over", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-27T10:00:00Z") });
    await bot.createCohort({ name: "Late Days", start: "2027-01-04" });
  }, 120_000);
  afterAll(async () => bot.close());

  async function joinAndCatchUp(username: string, locale: string, catchUpLabel: string) {
    const member = bot.emulator.createMember(bot.guild.id, { username, locale });
    const welcome = await bot.reply(member.id, "join", { cohort: "Late Days" });
    const caughtUp = await answerOf(bot.click(member.id, welcome.id, buttonIdOf(welcome, catchUpLabel)));
    return { welcome: visibleText(welcome), caughtUp: visibleText(caughtUp) };
  }

  it("in English", async () => {
    const { welcome, caughtUp } = await joinAndCatchUp("late-lee", "en-US", "Catch up");
    expect(welcome).toContain("catch up by spreading the backlog over your next 5 study days");
    // The cap is not promised away: what does not fit runs on, as the click's reply then says.
    expect(welcome).toContain("what doesn't fit runs on to the days after");
    expect(caughtUp).toContain("It takes more than 5 study days");
  });

  it("in Spanish", async () => {
    const { welcome, caughtUp } = await joinAndCatchUp("tardia-tina", "es-ES", "Ponerse al día");
    expect(welcome).toContain("ponte al día repartiendo el pendiente en tus próximos 5 días de estudio");
    expect(welcome).toContain("lo que no quepa pasa a los días siguientes");
    expect(caughtUp).toContain("Ocupa más de 5 días de estudio");
  });
});
