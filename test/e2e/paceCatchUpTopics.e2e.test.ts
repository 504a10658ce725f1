import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** The bold dates of a reply ("**Fri, 19 Mar 2027**", "**vie, 19 mar 2027**"). */
const boldDates = (text: string): string[] => text.match(/\*\*[^*]*\d{4}\*\*/g) ?? [];

/**
 * `/pace mode:catch_up` on the 36-week path, whose topics have no time estimate: its study days average about a
 * third of a topic, so twice that holds less than one and each overdue topic goes on a day of its own. The reply
 * says so in a sentence, rather than listing every one of those days as "longer than twice an average study day,
 * as one reading alone is longer" of topics that have no length. Cohort from Monday 2027-01-04; on Wednesday
 * 10 March each member has 8 topics overdue.
 */
describe("/pace catch_up on a path without estimates", () => {
  let bot: BotHarness;
  let reply: (userId: string, days: number) => Promise<string>;
  const member = (username: string, locale: string) => bot.emulator.createMember(bot.guild.id, { username, locale });

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    await bot.createCohort({ name: "Mastery", start: "2027-01-04", timeZone: "UTC", curriculum: "backend-engineer-complete-mastery-path" });
    reply = async (userId, days) => visibleText(await bot.reply(userId, "pace", { mode: "catch_up", days }));
  }, 120_000);
  afterAll(async () => bot.close());

  async function memberBehind(username: string, locale: string): Promise<{ id: string }> {
    const joined = member(username, locale);
    bot.clock.set(new Date("2027-01-04T10:00:00Z"));
    await bot.reply(joined.id, "join", { cohort: "Mastery" });
    bot.clock.set(new Date("2027-03-10T10:00:00Z"));
    return joined;
  }

  it("says one topic a day, and that it takes longer than asked, without a wall of dates", async () => {
    const bob = await memberBehind("bob", "en-US");
    const text = await reply(bob.id, 5);
    expect(text).toContain("Spread **8 topics** over your next study days, on top of each day's own topics, until **Fri, 19 Mar 2027**.");
    expect(text).toContain(
      "One topic a day: this path's study days are light, so each topic on its own is more than twice an average one and takes a day of its own. So it takes more than 5 study days.",
    );
    expect(text).not.toContain("one reading alone is longer");
    expect(text).not.toContain("a day never carries more");
    expect(boldDates(text)).toEqual(["**Fri, 19 Mar 2027**"]);
  });

  it("says one topic a day without 'more than' when the days asked for hold the backlog", async () => {
    const cy = await memberBehind("cy", "en-GB");
    const text = await reply(cy.id, 10);
    expect(text).toContain("until **Fri, 19 Mar 2027**.");
    expect(text).toContain(
      "One topic a day: this path's study days are light, so each topic on its own is more than twice an average one and takes a day of its own.",
    );
    expect(text).not.toContain("takes more than");
    expect(boldDates(text)).toEqual(["**Fri, 19 Mar 2027**"]);
  });

  it("says it in Spanish too", async () => {
    const ana = await memberBehind("ana", "es-ES");
    const text = await reply(ana.id, 5);
    expect(text).toContain("hasta el **vie, 19 mar 2027**.");
    expect(text).toContain(
      "Un tema al día: los días de estudio de esta ruta son ligeros, así que cada tema ya lleva más del doble de uno medio y ocupa un día para él solo. Por eso ocupa más de 5 días de estudio.",
    );
    expect(text).not.toContain("ningún día lleva más");
    expect(text).not.toContain("una sola lectura ya dura más");
    expect(boldDates(text)).toEqual(["**vie, 19 mar 2027**"]);
  });
});
