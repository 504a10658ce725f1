import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { rosterGroupOf } from "../helpers/rosterGroupOf.js";

/** The cohort starts on Monday 2027-01-04; the member joins in its first week. */
const joinedAt = new Date("2027-01-05T12:00:00Z");

/** A bot at `now` with a cohort from Monday 2027-01-04 that ada joined in its first week. */
async function cohortWithAda(now: Date): Promise<{ bot: BotHarness; cohort: Cohort; ada: { id: string } }> {
  const bot = await startBotHarness({ now });
  const cohort = await bot.createCohort({ start: "2027-01-04" });
  const ada = bot.member("ada");
  await bot.join(ada, cohort, { at: joinedAt });
  return { bot, cohort, ada };
}

/** At the bot's clock, ada reads every Required item due in weeks 1 to `lastWeek`, then plans week 3 (Mon 18 – Fri 22) as days off. */
async function readAheadThenTakeWeek3Off(bot: BotHarness, ada: { id: string }, lastWeek: number): Promise<void> {
  const at = bot.clock.now();
  for (let weekNumber = 1; weekNumber <= lastWeek; weekNumber += 1) {
    const week = await bot.test.app.services.study.week({ guildId: bot.guild.id, userId: ada.id, cohort: null, now: at, weekNumber });
    for (const day of week.week.days)
      for (const item of day.items)
        if (item.kind === "Required")
          await bot.test.app.services.study.complete({
            guildId: bot.guild.id,
            userId: ada.id,
            cohort: null,
            item: String(item.id),
            now: at,
          });
  }
  const planned = await bot.run(ada.id, "break", { from: "2027-01-18", to: "2027-01-22" }).final();
  expect(visibleText(planned)).toContain("Days off");
}

/** The admin's `/cohort roster` at the bot's clock, and what a Nudge for ada pressed from an older roster then does. */
async function rosterAndNudge(bot: BotHarness, cohort: Cohort, ada: { id: string }) {
  const roster = await bot.run(bot.admin.id, "cohort roster").final();
  const member = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { cohortId: cohort.id, userId: ada.id } });
  const pressed = await bot.test.app.services.nudges.nudge({
    guildId: bot.guild.id,
    cohortId: String(cohort.id),
    memberId: member.id,
    actorId: bot.admin.id,
    now: bot.clock.now(),
  });
  return { roster, nudge: pressed.outcome };
}

describe("a member's own /break days are not study days for 'quiet'", () => {
  let world: Awaited<ReturnType<typeof cohortWithAda>>;

  beforeAll(async () => {
    world = await cohortWithAda(new Date("2027-01-15T12:00:00Z"));
  });
  afterAll(async () => world.bot.close());

  it("a member who read ahead and took week 3 off is on track, not quiet (and not nudged), on the Monday they are back", async () => {
    const { bot, cohort, ada } = world;
    // Friday of week 2: ada reads everything due in weeks 1 to 3, then plans week 3 as days off.
    await readAheadThenTakeWeek3Off(bot, ada, 3);
    // Monday of week 4, noon: the only study day of hers in the last five is today, and it is not over.
    bot.clock.set(new Date("2027-01-25T12:00:00Z"));
    const { roster, nudge } = await rosterAndNudge(bot, cohort, ada);
    expect(rosterGroupOf(roster, ada.id)).toBe("On track");
    expect(buttonsOf(roster).map((button) => button.label)).not.toContain("Nudge ada");
    // A Nudge pressed from an older roster checks again, by the same rule: no DM.
    expect(nudge).toBe("not_needed");
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(0);
  });
});

describe("a member's own /break days are their own days (their /remind zone, the 04:00 rollover) for 'quiet'", () => {
  let world: Awaited<ReturnType<typeof cohortWithAda>>;

  beforeAll(async () => {
    world = await cohortWithAda(new Date("2027-01-12T12:00:00Z"));
  });
  afterAll(async () => world.bot.close());

  it("a member in Tokyo whose last five study days, theirs, had no reading is quiet, on the roster and for a Nudge", async () => {
    const { bot, cohort, ada } = world;
    expect(visibleText(await bot.reply(ada.id, "remind", { time: "08:00", timezone: "Asia/Tokyo" }))).toContain("Tokyo");
    // Tuesday 12 January, 21:00 in Tokyo (her day): ada reads everything due in weeks 1 to 4, then takes week 3 off.
    await readAheadThenTakeWeek3Off(bot, ada, 4);
    // Monday 25 January, 20:00 UTC: Tuesday 26, 05:00 in Tokyo. Her last five study days are the 26th, the 25th and
    // the 15th, 14th and 13th: none had reading (on the cohort's calendar the 12th, her last reading day, would be one).
    bot.clock.set(new Date("2027-01-25T20:00:00Z"));
    const { roster, nudge } = await rosterAndNudge(bot, cohort, ada);
    expect(rosterGroupOf(roster, ada.id)).toBe("Quiet");
    expect(buttonsOf(roster).map((button) => button.label)).toContain("Nudge ada");
    // A Nudge checks again by the same rule: it goes out.
    expect(nudge).toBe("sent");
  });
});
