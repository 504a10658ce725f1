import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

type Provider = "sqlite" | "postgresql";

/**
 * A real change landing with the cohort's move: when the cohort's zone is written, a trigger stores a
 * zone this runtime does not know as the member's own (as another process, with newer time-zone data,
 * would store it). Such a member follows the cohort's zone, so the move must skip their past reminder too.
 */
async function unknownZoneTrigger(prisma: PrismaClient, provider: Provider, cohortId: number, userId: string): Promise<void> {
  const store = `UPDATE "Member" SET "remindTimeZone" = 'Mars/Olympus_Mons' WHERE "cohortId" = ${cohortId} AND "userId" = '${userId}'`;
  const when = `OLD."id" = ${cohortId} AND NEW."timeZone" <> OLD."timeZone"`;
  if (provider === "sqlite") {
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER "zone_meanwhile" AFTER UPDATE OF "timeZone" ON "Cohort" WHEN ${when} BEGIN ${store}; END`,
    );
    return;
  }
  await prisma.$executeRawUnsafe(
    `CREATE FUNCTION zone_meanwhile() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${store}; RETURN NEW; END $$`,
  );
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER zone_meanwhile AFTER UPDATE OF "timeZone" ON "Cohort" FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION zone_meanwhile()`,
  );
}

describe("/cohort edit timezone: while a member's unknown zone is stored", () => {
  let bot: BotHarness;
  let ada: { id: string };

  beforeAll(async () => {
    // Tuesday 12 January 2027, 10:00 UTC (19:00 in Tokyo); the cohort (UTC) started on Monday.
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    const cohort = await bot.createCohort({ name: "Drifting", start: "2027-01-11" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Drifting" });
    await bot.reply(ada.id, "remind", { time: "18:00" });
    await unknownZoneTrigger(bot.test.app.database.prisma, bot.test.provider, cohort.id, ada.id);
  });
  afterAll(async () => bot.close());

  it("skips the member's reminder already past in the new zone: none is sent late", async () => {
    const reply = await bot.reply(bot.admin.id, "cohort edit", { cohort: "Drifting", timezone: "Asia/Tokyo" });
    expect(visibleText(reply)).toContain("Asia/Tokyo");
    const member = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: ada.id } });
    expect(member.remindTimeZone).toBe("Mars/Olympus_Mons");

    // 19:05 in Tokyo: her 18:00 there (she follows the cohort's zone) was past when the zone moved.
    bot.clock.set(new Date("2027-01-12T10:05:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(0);
    // Wednesday 18:00 in Tokyo.
    bot.clock.set(new Date("2027-01-13T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(1);
  });
});
