import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURRENT_PLAN_RULE } from "../../src/domain/schedule/scheduleTypes.js";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

describe("a cohort's plan rule through /cohort create and /cohort edit", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    // Tuesday 2027-01-05, 10:00 UTC.
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  });
  afterAll(async () => bot.close());

  const storedRule = async (id: number) =>
    (await bot.test.app.database.prisma.cohort.findUniqueOrThrow({ where: { id }, select: { planRule: true } })).planRule;

  it("creates a cohort under the current rule, and an edit of its start, time zone or optional items never changes a cohort's rule", async () => {
    const cohort = await bot.createCohort({ name: "Rule Kept", start: "2027-02-01" });
    expect(cohort.settings.planRule).toBe(CURRENT_PLAN_RULE);
    expect(await storedRule(cohort.id)).toBe(CURRENT_PLAN_RULE);

    // A cohort created before rule 2 (or by older code during a deploy).
    await bot.test.app.database.prisma.cohort.update({ where: { id: cohort.id }, data: { planRule: 1 } });
    const edit = (changes: { start?: string; timeZone?: string; includeOptional?: boolean }) =>
      bot.test.app.services.cohorts.edit({ guildId: bot.guild.id, cohort: "Rule Kept", actorId: bot.admin.id, ...changes });

    const started = await edit({ start: "2027-02-08" });
    expect(started.cohort.settings.startDate).toBe("2027-02-08");
    expect(started.cohort.settings.planRule).toBe(1);
    expect(await storedRule(cohort.id)).toBe(1);

    // A time-zone edit takes the zone-move path.
    const moved = await edit({ timeZone: "Europe/Madrid" });
    expect(moved.cohort.settings.timeZone).toBe("Europe/Madrid");
    expect(await storedRule(cohort.id)).toBe(1);

    const optional = await edit({ includeOptional: true });
    expect(optional.cohort.settings.includeOptional).toBe(true);
    expect(optional.cohort.settings.planRule).toBe(1);
    expect(await storedRule(cohort.id)).toBe(1);
  });
});
