import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { weekPostDueAt } from "../../src/domain/schedule/plannedPosts.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

type Provider = "sqlite" | "postgresql";

/**
 * A real unique violation on a week's post row at the moment a start edit takes a set-aside row back to
 * `week-1`: a trigger writes that week's `week-1` row first, as a scheduler tick landing meanwhile would.
 */
async function tickMeanwhileTrigger(prisma: PrismaClient, provider: Provider): Promise<void> {
  const when = `NEW."period" = 'week-1' AND OLD."period" <> 'week-1'`;
  const insert = `INSERT INTO "ScheduledPost" ("cohortId", "kind", "period", "dueAt", "status") VALUES (OLD."cohortId", OLD."kind", NEW."period", OLD."dueAt", 'claimed')`;
  if (provider === "sqlite") {
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER "tick_meanwhile" BEFORE UPDATE OF "period" ON "ScheduledPost" WHEN ${when} BEGIN ${insert}; END`,
    );
    return;
  }
  await prisma.$executeRawUnsafe(
    `CREATE FUNCTION tick_meanwhile() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${insert}; RETURN NEW; END $$`,
  );
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER tick_meanwhile BEFORE UPDATE OF "period" ON "ScheduledPost" FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION tick_meanwhile()`,
  );
}

async function dropTickMeanwhileTrigger(prisma: PrismaClient, provider: Provider): Promise<void> {
  await prisma.$executeRawUnsafe(
    provider === "sqlite" ? `DROP TRIGGER "tick_meanwhile"` : `DROP TRIGGER tick_meanwhile ON "ScheduledPost"`,
  );
}

describe("/cohort edit start: when the cohort's posts changed while saving", () => {
  let bot: BotHarness;
  let cohortId: number;

  const editStart = (start: string) => bot.reply(bot.admin.id, "cohort edit", { cohort: "Drifting", start });
  const startDate = async () => (await bot.test.app.database.prisma.cohort.findUniqueOrThrow({ where: { id: cohortId } })).startDate;
  const periods = async () =>
    (await bot.test.app.database.prisma.scheduledPost.findMany({ where: { cohortId }, orderBy: { id: "asc" } })).map((row) => row.period);

  beforeAll(async () => {
    // Tuesday 12 January 2027; the cohort started on Monday and its week 1 went out.
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    const cohort = await bot.createCohort({ name: "Drifting", start: "2027-01-11" });
    cohortId = cohort.id;
    // A cohort alike in other capitals from before the name key (its key has the clash suffix): no rename, so no clash.
    const {
      id: _id,
      createdAt: _created,
      updatedAt: _updated,
      ...row
    } = await bot.test.app.database.prisma.cohort.findUniqueOrThrow({
      where: { id: cohortId },
    });
    await bot.test.app.database.prisma.cohort.create({ data: { ...row, name: "DRIFTING", nameKey: "drifting\n9999" } });
    await bot.test.app.database.prisma.scheduledPost.create({
      data: { cohortId, kind: "week", period: "week-1", dueAt: weekPostDueAt(cohort.settings, 1), status: "sent", sentAt: new Date() },
    });
    // Postponed a week: the sent week 1 row is set aside, to be taken back when the start is put back.
    await editStart("2027-01-18");
    await tickMeanwhileTrigger(bot.test.app.database.prisma, bot.test.provider);
  });
  afterAll(async () => bot.close());

  it("says the posts changed and to try again, not that the cohort's own name is taken, and changes nothing", async () => {
    const before = await periods();
    expect(before).toEqual([expect.stringMatching(/^week-1@/)]);

    const reply = await editStart("2027-01-11");

    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain(
      "changed while saving (another edit, or a post going out), so nothing was changed. Try the edit again.",
    );
    expect(visibleText(reply)).not.toContain("already has a cohort called");
    expect(await startDate()).toBe("2027-01-18");
    expect(await periods()).toEqual(before);

    await dropTickMeanwhileTrigger(bot.test.app.database.prisma, bot.test.provider);
    expect(visibleText(await editStart("2027-01-11"))).not.toContain("changed while saving");
    expect(await startDate()).toBe("2027-01-11");
    expect(await periods()).toEqual(["week-1"]);
  });
});
