import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { MemberRepository, type UserLocale } from "../../src/db/repositories/MemberRepository.js";
import { useBotHarness } from "../helpers/botHarness.js";

// A member write that meets another connection's SQLite lock is retried by the queue once the lock is gone,
// with or without the user's locale in the same transaction (each retry sends the write again).
describe.runIf(process.env.TEST_DATABASE !== "postgresql")("member writes retried after the SQLite lock", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  /** A repository whose queue's first pause releases a lock `other` holds, so the second attempt can write. */
  function repositoryReleasing(other: Database.Database): { members: MemberRepository; released: () => boolean } {
    let released = false;
    const writes = new SerialWriteQueue({
      lockedRetryBudgetMs: 3_000,
      pause: async () => {
        if (released) return;
        released = true;
        other.exec("ROLLBACK");
        other.close();
      },
    });
    const members = new MemberRepository(harness.bot.test.app.database.prisma, writes, undefined as never, "sqlite");
    return { members, released: () => released };
  }

  /**
   * A member of a fresh cohort with `reminder` set, another connection holding the SQLite write lock, and a
   * repository whose first retry pause releases it; `locale` is the user's (es-ES) when `withLocale`, else null.
   */
  async function memberBehindTheLock(
    name: string,
    reminder: { remindTime: string; remindTimeZone?: string },
    withLocale: boolean,
  ): Promise<ReturnType<typeof repositoryReleasing> & { row: { id: number }; locale: UserLocale | null }> {
    const { bot } = harness;
    const label = withLocale ? "with" : "without";
    const cohort = await bot.createCohort({ name: `Lock ${name} ${label}` });
    const user = bot.member(`lock${name}${label}`);
    await bot.join(user, cohort);
    const { prisma } = bot.test.app.database;
    const row = await prisma.member.findFirstOrThrow({ where: { userId: user.id, cohortId: cohort.id } });
    await prisma.member.update({ where: { id: row.id }, data: reminder });
    const other = new Database(bot.test.databaseFile);
    other.exec("BEGIN IMMEDIATE");
    const locale = withLocale ? { guildId: bot.guild.id, userId: user.id, locale: "es-ES" } : null;
    return { ...repositoryReleasing(other), row, locale };
  }

  for (const withLocale of [false, true]) {
    const label = withLocale ? "with" : "without";

    it(`switching a reminder off goes through once the lock is released (${label} a locale)`, async () => {
      const { row, members, released, locale } = await memberBehindTheLock("off", { remindTime: "18:00" }, withLocale);

      const updated = await members.setReminder(row.id, null, locale);

      expect(released()).toBe(true);
      expect(updated.remindTime).toBeNull();
    });

    it(`following the cohort's zone goes through once the lock is released (${label} a locale)`, async () => {
      const reminder = { remindTime: "18:00", remindTimeZone: "Asia/Tokyo" };
      const { row, members, released, locale } = await memberBehindTheLock("zone", reminder, withLocale);

      const updated = await members.followCohortZone(row.id, false, locale);

      expect(released()).toBe(true);
      expect(updated.remindTimeZone).toBeNull();
      expect(updated.remindTime).toBe("18:00");
    });
  }
});
