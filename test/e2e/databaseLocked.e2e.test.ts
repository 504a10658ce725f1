import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";

/** Another connection to the bot's database, holding its write lock until released. */
interface LockHolder {
  /** Resolves once one of the bot's writes is waiting on this lock. */
  writeWaiting(): Promise<void>;
  release(): Promise<void>;
}

/** SQLite: a second better-sqlite3 connection in BEGIN IMMEDIATE, as another process would hold it. */
function holdSqliteLock(bot: BotHarness): LockHolder {
  const other = new Database(bot.test.databaseFile);
  other.exec("BEGIN IMMEDIATE");
  return {
    writeWaiting: () =>
      until(
        () => bot.test.logs().some((line) => line.msg === "database write waits: another connection holds the lock"),
        "the bot's log line that a write waits on the SQLite lock",
      ),
    async release() {
      other.exec("ROLLBACK");
      other.close();
    },
  };
}

/** PostgreSQL: a second connection with the written tables locked against writers (readers still pass). */
async function holdPostgresLock(bot: BotHarness): Promise<LockHolder> {
  const other = new pg.Client({ connectionString: bot.test.databaseUrl });
  await other.connect();
  await other.query("BEGIN");
  await other.query(`LOCK TABLE "Member", "Completion", "ScheduledPost" IN EXCLUSIVE MODE`);
  const waiting = async () => {
    const result = await other.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return (result.rows[0] as { n: number }).n > 0;
  };
  return {
    writeWaiting: () => until(waiting, "one of the bot's writes to wait on the PostgreSQL table lock"),
    async release() {
      await other.query("ROLLBACK");
      await other.end();
    },
  };
}

describe("another connection holding the database's write lock", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    // Tuesday of week 1 of a cohort that started Monday 2027-01-04.
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort();
  });
  afterAll(async () => bot.close());

  const holdLock = () => (bot.test.provider === "sqlite" ? Promise.resolve(holdSqliteLock(bot)) : holdPostgresLock(bot));

  it("still answers /today, asks /done to try again in a moment, writes nothing, and takes the same /done once the lock is gone", async () => {
    const ada = bot.member("ada");
    const grace = bot.member("grace");
    await bot.reply(ada.id, "join", { cohort: "Backend Spring 2027" });
    await bot.reply(grace.id, "join", { cohort: "Backend Spring 2027" });
    const { prisma } = bot.test.app.database;
    const adaRow = await prisma.member.findFirstOrThrow({ where: { userId: ada.id } });

    const lock = await holdLock();
    try {
      const done = bot.run(ada.id, "done", { item: "Storage Engines" });
      // While ada's write waits on the lock, the bot keeps serving: grace's /today is answered in full.
      await lock.writeWaiting();
      const today = bot.run(grace.id, "today");
      const todayMessage = await today.final();
      expect(today.failed).toBe(false);
      expect(visibleText(todayMessage)).toContain("Week 1 · Day 2");

      // Answered while the lock is still held: inside Discord's window, privately, with the sentence that says what to do.
      const answer = await done.final();
      expect(done.failed).toBe(false);
      expect(answer.ephemeral).toBe(true);
      expect(visibleText(answer)).toBe(translatorFor("en").t("generic.databaseBusy"));
      // Nothing half-written: no completion, no points (read through the bot's own connection, past the lock).
      expect(await prisma.completion.count({ where: { memberId: adaRow.id } })).toBe(0);
      expect((await prisma.member.findUniqueOrThrow({ where: { id: adaRow.id } })).points).toBe(0);
    } finally {
      await lock.release();
    }

    const again = await bot.reply(ada.id, "done", { item: "Storage Engines" });
    expect(visibleText(again)).toContain("Storage Engines");
    expect(visibleText(again)).not.toContain("already");
    expect(await prisma.completion.count({ where: { memberId: adaRow.id } })).toBe(1);
    const completion = await prisma.completion.findFirstOrThrow({ where: { memberId: adaRow.id } });
    expect((await prisma.member.findUniqueOrThrow({ where: { id: adaRow.id } })).points).toBe(completion.points);
  });

  it("lets a scheduler tick that meets the lock post nothing and the next tick post once", async () => {
    await bot.createCohort({ name: "Later Cohort", start: "2027-01-11" });
    // Monday 2027-01-11 09:00 UTC: the later cohort's week 1 post is due.
    const due = new Date("2027-01-11T09:00:30Z");
    const weekPosts = () =>
      bot.emulator.channelMessages(bot.channel.id).filter((message) => visibleText(message).includes("Week 1 of 12 · Later Cohort"));

    const lock = await holdLock();
    try {
      const report = await bot.test.app.scheduler.tick(due);
      expect(report.sent).toEqual([]);
      expect(weekPosts()).toHaveLength(0);
      expect(bot.test.logs().some((line) => line.msg === "scheduler tick met a locked database: the next tick tries again")).toBe(true);
    } finally {
      await lock.release();
    }

    const next = await bot.test.app.scheduler.tick(due);
    expect(next.sent.map((post) => post.period)).toContain("week-1");
    await until(() => weekPosts().length > 0, "the week's post once the lock is released");
    expect(weekPosts()).toHaveLength(1);
    await bot.test.app.scheduler.tick(new Date(due.getTime() + 60_000));
    expect(weekPosts()).toHaveLength(1);
  });
});
