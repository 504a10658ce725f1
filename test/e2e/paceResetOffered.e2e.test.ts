import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerOf, buttonIdOf, buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * *Back to the cohort's plan* (`/pace mode:reset`) clears extensions and catch-ups: `/pace` offers it only to a member
 * who has one, and a reset with neither says so and changes nothing, rather than "Pace updated" for nothing.
 * The cohort starts Monday 2027-01-04 (UTC) on the 12-week path; weekdays are study days.
 */
describe("/pace offers Back to the cohort's plan only with something to go back from", () => {
  let bot: BotHarness;
  let cohortCount = 0;
  const wednesdayOfWeek3 = new Date("2027-01-20T10:00:00Z");

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
  }, 120_000);
  afterAll(async () => bot.close());

  /**
   * A member (in `locale`; `already`: one made before) of a fresh cohort who joins at `joinAt`; their commands run
   * at the harness clock's now.
   */
  async function memberJoining(username: string, locale: string, joinAt: Date, already?: { readonly id: string }) {
    cohortCount += 1;
    const cohort = await bot.createCohort({ name: `Reset Offer ${cohortCount}`, start: "2027-01-04" });
    const member = already ?? bot.emulator.createMember(bot.guild.id, { username, locale });
    bot.clock.set(joinAt);
    const welcome = await bot.reply(member.id, "join", { cohort: cohort.name });
    const command = (name: string, options: Record<string, string | number | boolean> = {}) =>
      bot.reply(member.id, name, { ...options, cohort: cohort.name });
    return { member, welcome, command };
  }

  const labels = (message: Parameters<typeof buttonsOf>[0]) => buttonsOf(message).map((entry) => entry.label);

  it("offers no reset to a behind member on the cohort's calendar, and a typed reset changes nothing", async () => {
    const { command } = await memberJoining("behind-bo", "en-US", new Date("2027-01-04T10:00:00Z"));
    bot.clock.set(wednesdayOfWeek3);
    const pace = await command("pace");
    expect(labels(pace)).toEqual(["Catch up", "Extend by a week"]);
    expect(visibleText(pace)).not.toContain("Back to the cohort's plan");
    const overdueBefore = visibleText(await command("today"));

    const reset = visibleText(await command("pace", { mode: "reset" }));
    expect(reset).toContain("You're already on the cohort's calendar");
    expect(reset).not.toContain("Pace updated");
    expect(visibleText(await command("today"))).toBe(overdueBefore);
  });

  it("offers it once the member extended or caught up, and the reset then goes back", async () => {
    const { member, command } = await memberJoining("extended-eli", "en-US", new Date("2027-01-04T10:00:00Z"));
    bot.clock.set(wednesdayOfWeek3);
    await command("pace", { mode: "extend" });
    const drawn = await command("pace");
    expect(labels(drawn)).toContain("Back to the cohort's plan");
    expect(visibleText(await command("pace", { mode: "reset" }))).toContain("You're back on the cohort's calendar");
    expect(labels(await command("pace"))).not.toContain("Back to the cohort's plan");
    // The button drawn before the typed reset finds nothing left to clear.
    const stale = visibleText(await answerOf(bot.click(member.id, drawn.id, buttonIdOf(drawn, "Back to the cohort's plan"))));
    expect(stale).toContain("You're already on the cohort's calendar");

    await command("pace", { mode: "catch_up" });
    expect(labels(await command("pace"))).toEqual(["Extend by a week", "Back to the cohort's plan"]);
  });

  it("offers none after a return when only a catch-up from before the leave is stored: its items are backlog anyway", async () => {
    const { command } = await memberJoining("back-bea", "en-US", new Date("2027-01-04T10:00:00Z"));
    bot.clock.set(new Date("2027-01-06T10:00:00Z"));
    await command("pace", { mode: "catch_up" });
    await command("leave");
    bot.clock.set(wednesdayOfWeek3);
    await command("join");
    expect(visibleText(await command("today"))).toContain("📚 From before you came back");
    expect(labels(await command("pace"))).toEqual(["Catch up", "Extend by a week"]);
    expect(visibleText(await command("pace", { mode: "reset" }))).toContain("You're already on the cohort's calendar");
  });

  it("offers it only in the cohort where the member extended, in another cohort of theirs none", async () => {
    const first = await memberJoining("two-cohort-tam", "en-US", new Date("2027-01-04T10:00:00Z"));
    const second = await memberJoining("two-cohort-tam", "en-US", new Date("2027-01-04T10:00:00Z"), first.member);
    bot.clock.set(wednesdayOfWeek3);
    await first.command("pace", { mode: "extend" });
    expect(labels(await second.command("pace"))).not.toContain("Back to the cohort's plan");
    expect(visibleText(await second.command("pace", { mode: "reset" }))).toContain("You're already on the cohort's calendar");
    expect(labels(await first.command("pace"))).toContain("Back to the cohort's plan");
    expect(visibleText(await first.command("pace"))).toContain("Your calendar runs 1 week later");
  });

  it("offers none to a late joiner who starts from this week, and one after their Catch up, in Spanish", async () => {
    const { member, welcome, command } = await memberJoining("tardia-tea", "es-ES", wednesdayOfWeek3);
    await answerOf(bot.click(member.id, welcome.id, buttonIdOf(welcome, "Empezar desde esta semana")));
    const pace = await command("pace");
    expect(labels(pace)).toEqual(["Ponerse al día", "Ampliar una semana"]);
    expect(visibleText(pace)).not.toContain("Volver al plan de la cohorte");
    const reset = visibleText(await command("pace", { mode: "reset" }));
    expect(reset).toContain("Ya sigues el calendario de la cohorte");
    expect(visibleText(await command("today"))).toContain("📚 De antes de que te unieras");

    await answerOf(bot.click(member.id, pace.id, buttonIdOf(pace, "Ponerse al día")));
    expect(labels(await command("pace"))).toContain("Volver al plan de la cohorte");
  });
});
