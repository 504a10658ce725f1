import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * The reminder days a setting starts after (skip marks) and the setting itself are one change: when
 * the setting cannot be stored, the marks stay as the old setting left them, and its reminders come.
 */

type Provider = "sqlite" | "postgresql";

/**
 * A real database failure at the moment of the cohort update: a trigger gives the name to another
 * cohort just before the rename is written, as a rename by another admin landing after the bot's check.
 */
async function renameRaceTrigger(prisma: PrismaClient, provider: Provider, renamed: number, other: number): Promise<void> {
  const takeName = `UPDATE "Cohort" SET "name" = 'Gamma', "nameKey" = 'gamma' WHERE "id" = ${other}`;
  const when = `OLD."id" = ${renamed} AND NEW."name" <> OLD."name"`;
  if (provider === "sqlite") {
    await prisma.$executeRawUnsafe(`CREATE TRIGGER "rename_race" BEFORE UPDATE OF "name" ON "Cohort" WHEN ${when} BEGIN ${takeName}; END`);
    return;
  }
  await prisma.$executeRawUnsafe(
    `CREATE FUNCTION rename_race() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${takeName}; RETURN NEW; END $$`,
  );
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER rename_race BEFORE UPDATE OF "name" ON "Cohort" FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION rename_race()`,
  );
}

/** A real database failure when a member's reminder time becomes `time`: the update is refused. */
async function refuseReminderTrigger(prisma: PrismaClient, provider: Provider, time: string): Promise<void> {
  const when = `NEW."remindTime" = '${time}'`;
  if (provider === "sqlite") {
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER "refuse_reminder" BEFORE UPDATE OF "remindTime" ON "Member" WHEN ${when} BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    );
    return;
  }
  await prisma.$executeRawUnsafe(
    `CREATE FUNCTION refuse_reminder() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`,
  );
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER refuse_reminder BEFORE UPDATE OF "remindTime" ON "Member" FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION refuse_reminder()`,
  );
}

async function reminderRows(prisma: PrismaClient, userId: string) {
  return prisma.reminderDelivery.findMany({
    where: { member: { userId } },
    orderBy: { localDate: "asc" },
    select: { localDate: true, status: true, lastError: true },
  });
}

describe("/cohort edit name: timezone: when the cohort update is refused inside its transaction", () => {
  let bot: BotHarness;
  let ada: { id: string };

  beforeAll(async () => {
    // Tuesday 12 January 2027, 10:00 UTC; the cohort (UTC) started on Monday.
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    const drifting = await bot.createCohort({ name: "Drifting", start: "2027-01-11" });
    const steady = await bot.createCohort({ name: "Steady", start: "2027-01-11" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Drifting" });
    await bot.reply(ada.id, "remind", { time: "18:00" });
    await renameRaceTrigger(bot.test.app.database.prisma, bot.test.provider, drifting.id, steady.id);
  });
  afterAll(async () => bot.close());

  // The trigger's rename is rolled back with the edit, so afterwards no other cohort has the name: the admin
  // is told to try again (a rename by another admin stays, and the answer names that cohort).
  it("says the edit was refused, to try again, and keeps the zone, the reminder days and today's reminder as they were", async () => {
    const { prisma } = bot.test.app.database;
    const before = await reminderRows(prisma, ada.id);

    // In Tokyo it is 19:00: the move would have recorded Ada's 18:00 of today as skipped.
    const reply = await bot.reply(bot.admin.id, "cohort edit", { cohort: "Drifting", name: "Gamma", timezone: "Asia/Tokyo" });

    expect(visibleText(reply)).toContain("changed while saving");
    expect(visibleText(reply)).toContain("Try the edit again.");
    expect(await reminderRows(prisma, ada.id)).toEqual(before);
    const cohort = await prisma.cohort.findFirstOrThrow({ where: { guildId: bot.guild.id, name: "Drifting" } });
    expect(cohort.timeZone).toBe("UTC");
    bot.clock.set(new Date("2027-01-12T18:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(1);
  });
});

describe("/remind when the new time cannot be stored", () => {
  let bot: BotHarness;
  let ben: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    await bot.createCohort({ name: "Steady", start: "2027-01-11" });
    ben = bot.member("ben");
    await bot.reply(ben.id, "join", { cohort: "Steady" });
    await bot.reply(ben.id, "remind", { time: "18:00" });
    await refuseReminderTrigger(bot.test.app.database.prisma, bot.test.provider, "09:00");
  });
  afterAll(async () => bot.close());

  it("keeps the reminder days of the old time, whose reminder still comes today", async () => {
    const { prisma } = bot.test.app.database;
    const before = await reminderRows(prisma, ben.id);

    // 09:00 has passed today: the new time would have recorded today as skipped.
    const reply = await bot.reply(ben.id, "remind", { time: "09:00" });

    expect(visibleText(reply)).toContain("Something went wrong");
    expect(await reminderRows(prisma, ben.id)).toEqual(before);
    bot.clock.set(new Date("2027-01-12T18:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(ben.id)).toHaveLength(1);
  });
});
