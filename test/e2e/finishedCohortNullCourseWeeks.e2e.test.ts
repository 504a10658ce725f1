import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../src/db/migrateDatabase.js";
import { projectPaths } from "../../src/projectPaths.js";
import { buttonsOf, startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { expectCourseSummaryOnly } from "../helpers/expectCourseSummaryOnly.js";
import { captureLogger } from "../helpers/silentLogger.js";

/** A path of `count` one-reading weeks. */
const path = (count: number) =>
  [
    "Old Path",
    ...Array.from({ length: count }, (_, index) => [
      `Week ${index + 1}: Part ${index + 1}`,
      `- [ ] Required -- Reading ${index + 1} (20 min)`,
    ]).flat(),
    "",
  ].join("\n");

const migration = "20261206150000_finished_cohort_course_weeks";

/**
 * Runs the migration again as the bot's start runs it (the runner, on the migrations of the database under test):
 * its record dropped, it is the one migration left to apply. The rows before it are the bot's own, written through
 * its commands; openBeforeMigration (finishedCohortCourseWeeksMigration.test.ts) covers rows written by hand.
 */
async function rerunMigration(bot: BotHarness): Promise<void> {
  const { prisma, target } = bot.test.app.database;
  await prisma.$executeRaw`DELETE FROM "_prisma_migrations" WHERE "migration_name" = ${migration}`;
  const root = projectPaths().root;
  const folder = target.provider === "postgresql" ? join(root, "prisma", "postgresql", "migrations") : join(root, "prisma", "migrations");
  const report = await migrateDatabase(target, folder, captureLogger().logger);
  expect(report.applied).toEqual([migration]);
}

/**
 * A cohort finished before `Cohort.courseWeeks` was kept (the column NULL, as the `cohort_course_weeks`
 * migration left it) gets the weeks of the course it ran from the upgrade's migration, so an import that adds
 * weeks to its curriculum reopens nothing: as for any finished cohort (finishedCohortReimport). It starts Mon
 * 2026-12-21 (2 weeks, UTC) and its closing post goes out on Mon 2027-01-04 09:00.
 */
/** Imports the 3-week version of the path over the 2-week one, confirming the update. */
async function importLongerPath(bot: BotHarness): Promise<void> {
  const preview = await bot.reply(bot.admin.id, "curriculum import", { file: { name: "old.md", content: path(3) } });
  const confirm = buttonsOf(preview).find((entry) => entry.label === "Confirm update");
  if (confirm === undefined) throw new Error("no Confirm button");
  await bot.click(bot.admin.id, preview.id, confirm.customId).final();
}

/** The cohort finished as an earlier version finished it (no weeks kept), then, `importFirst`, the longer version imported before the upgrade's migration runs. */
async function finishedWithoutWeeks(importFirst: boolean): Promise<{ bot: BotHarness; ada: { id: string } }> {
  const bot = await startBotHarness({ now: new Date("2026-12-20T10:00:00Z") });
  const { prisma } = bot.test.app.database;
  await bot.reply(bot.admin.id, "curriculum import", { file: { name: "old.md", content: path(2) } });
  await bot.reply(bot.admin.id, "cohort create", {
    name: "Old Cohort",
    curriculum: "old-path",
    channel: bot.channel.id,
    start: "2026-12-21",
  });
  const ada = bot.member("ada");
  await bot.reply(ada.id, "join", { cohort: "Old Cohort" });
  await bot.reply(ada.id, "done", { item: "Reading 1" });
  for (const at of ["2026-12-21T09:30:00Z", "2026-12-28T09:30:00Z", "2027-01-04T09:30:00Z"]) await tickAt(bot, at);
  await prisma.cohort.updateMany({ where: { name: "Old Cohort" }, data: { courseWeeks: null } });
  bot.clock.set(new Date("2027-01-05T10:00:00Z"));
  if (importFirst) await importLongerPath(bot);
  await rerunMigration(bot);
  if (!importFirst) await importLongerPath(bot);
  return { bot, ada };
}

const expectCourseKept = (name: string, importFirst: boolean) =>
  describe(name, () => {
    let bot: BotHarness;
    let ada: { id: string };

    beforeAll(async () => {
      ({ bot, ada } = await finishedWithoutWeeks(importFirst));
    });
    afterAll(async () => bot.close());

    it("/today shows the course summary, with nothing due or overdue", async () => {
      await expectCourseSummaryOnly(bot, ada, "Old Cohort");
    });

    it("/done of the new week's reading is refused, as for any finished course: its course has no such item", async () => {
      const done = visibleText(await bot.reply(ada.id, "done", { cohort: "Old Cohort", item: "Reading 3" }));
      expect(done).not.toContain("Logged");
      expect(done).toContain('There\'s no item "Reading 3"');
    });
  });

expectCourseKept("a cohort finished before its course's weeks were kept, after a re-import that adds weeks", false);
// The import came before the upgrade: the weeks come from the weekly posts it had, not from the curriculum now.
expectCourseKept("a cohort finished before its course's weeks were kept, re-imported longer before the upgrade", true);
