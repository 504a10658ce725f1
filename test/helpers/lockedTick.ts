import Database from "better-sqlite3";
import pg from "pg";
import { expect } from "vitest";
import type { BotProcess, SchedulerWorld } from "./schedulerWorld.js";

/**
 * A scheduler tick whose board edit reaches Discord while another connection locks the bot's database (SQLite's
 * write lock; PostgreSQL tables locked against writers, as databaseLocked.e2e.test.ts holds them), and that Discord
 * then refuses: what the bot writes about the failed edit meets the lock.
 */

/** Another connection holding the world's database against writers until released. */
export async function holdLock(world: SchedulerWorld): Promise<{ release(): Promise<void> }> {
  const test = world.first.test;
  if (test.provider === "sqlite") {
    const other = new Database(test.databaseFile);
    other.exec("BEGIN IMMEDIATE");
    return {
      async release() {
        other.exec("ROLLBACK");
        other.close();
      },
    };
  }
  const other = new pg.Client({ connectionString: test.databaseUrl });
  await other.connect();
  await other.query("BEGIN");
  await other.query(`LOCK TABLE "Member", "Completion", "ScheduledPost" IN EXCLUSIVE MODE`);
  return {
    async release() {
      await other.query("ROLLBACK");
      await other.end();
    },
  };
}

/** How Discord fails an edit: `route` is "PATCH /channels/…/messages/…". */
export type EditFailure = (world: SchedulerWorld, route: string) => void;

/** Discord fails the edit, every retry too. */
export const discordTrouble: EditFailure = (world, route) => world.emulator.failNext(route, 503, 4);

/** Discord refuses the edit as it does a bot's embeds-only message without Embed Links (its cache did not know yet). */
export const embedLinksRefusal: EditFailure = (world, route) =>
  world.emulator.failNext(route, 400, 1, { body: { message: "Cannot send an empty message", code: 50006 } });

/**
 * Runs `bot`'s tick at `now` during which the edit of the channel's message `messageId` reaches Discord, another
 * connection then locks the database, and Discord fails the edit as `failure` says; the lock goes once the tick
 * is over. Expects the tick to have stopped for the lock (on PostgreSQL too: lock_timeout, rather than a hang).
 */
export async function tickFailingWhileLocked(
  world: SchedulerWorld,
  bot: BotProcess,
  now: Date,
  channelId: string,
  messageId: string,
  failure: EditFailure = discordTrouble,
): Promise<Awaited<ReturnType<BotProcess["tickAt"]>>> {
  const route = `PATCH /channels/${channelId}/messages/${messageId}`;
  const held = world.emulator.holdNext(route);
  failure(world, route);
  let lock: { release(): Promise<void> } | null = null;
  const locked = held.arrived.then(async () => {
    lock = await holdLock(world);
    held.release();
  });
  const stopped = () =>
    bot.test.logs().filter((line) => line.msg === "scheduler tick met a locked database: the next tick tries again").length;
  const stoppedBefore = stopped();
  try {
    const report = await bot.tickAt(now);
    await locked;
    expect(stopped()).toBeGreaterThan(stoppedBefore);
    return report;
  } finally {
    await locked;
    await (lock as { release(): Promise<void> } | null)?.release();
  }
}
