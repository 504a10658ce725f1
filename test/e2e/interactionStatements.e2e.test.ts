import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, unhurriedDeadlineMs, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { StatementCounter } from "../helpers/statementCounter.js";
import { testDatabaseProvider } from "../helpers/testDatabase.js";

/**
 * Statements per interaction (issue 14): in Prisma each statement costs more
 * CPU than its SQL, so /today and /done are held to what they need. /today:
 * the memberships with their cohorts, the plan state, the completions, all
 * three by guild and user. /done: the same first two, the exactly-once
 * transaction (BEGIN, member lock, insert, member totals, weekly score, live
 * board flag, COMMIT), the completions for the reply. On SQLite the
 * transaction begins IMMEDIATE, which takes the write lock the member lock
 * takes on PostgreSQL: nine statements. On PostgreSQL what costs is the round
 * trip: /today's reads are one statement (the plan state and completions
 * aggregated beside each membership, see MemberDayRepository), and so are
 * /done's look-ups; its transaction and the completions for the reply go as
 * one message (EXECUTEs of statements prepared once per connection, run as
 * one implicit transaction, see PostgresTransactionRunner), in the order every
 * writer of those rows takes their locks: one message for /today, two for
 * /done, besides the PREPARE message a connection's first transaction sends.
 */
const onSqlite = testDatabaseProvider === "sqlite";
const todayStatementCount = onSqlite ? 3 : 1;
const doneStatementCount = onSqlite ? 9 : 2;
/** /today's one statement on PostgreSQL reads the memberships, the plan state and the completions. */
const todayReads = [`FROM "Member" m`, `FROM "MemberAdjustment"`, `FROM "MemberBreak"`, `FROM "Completion"`];
/** /done's transaction on PostgreSQL, in lock order, and the read for the reply last. */
const transactionInOrder = [
  `FROM "Member" WHERE "id" = $1 FOR NO KEY UPDATE`,
  `INSERT INTO "Completion"`,
  `"pointsReachedAt" = (SELECT MAX`,
  `INSERT INTO "WeeklyScore"`,
  `UPDATE "ScheduledPost" SET "boardDirty" = true`,
  // The column qualified: the bare name would be the epoch-milliseconds alias, sorted instead of the index's order.
  `ORDER BY c."completedAt"`,
];

/** PostgreSQL: the texts of the statements prepared so far, by name (PREPARE messages, once per connection). */
const preparedTexts = new Map<string, string>();

/** The messages sent, PREPARE messages left out (their statements noted). */
function executions(sent: readonly string[]): string[] {
  for (const message of sent.filter((sql) => sql.startsWith("PREPARE ")))
    for (const [, name, text] of message.matchAll(/PREPARE (\w+) AS ([\s\S]*?)(?=;\nPREPARE |$)/g))
      if (name !== undefined && text !== undefined) preparedTexts.set(name, text);
  return sent.filter((sql) => !sql.startsWith("PREPARE "));
}

/** Whether one of the messages EXECUTEs statements holding `parts`, in that order. */
function executesInOrder(sent: readonly string[], parts: readonly string[]): boolean {
  return sent
    .filter((sql) => sql.startsWith("EXECUTE "))
    .some((message) => {
      const texts = [...message.matchAll(/EXECUTE (\w+)/g)].map(([, name]) => preparedTexts.get(name ?? "") ?? "").join("\n");
      const positions = parts.map((part) => texts.indexOf(part));
      return !positions.includes(-1) && positions.every((position, index) => index === 0 || position > (positions[index - 1] ?? 0));
    });
}

describe("statements per interaction", () => {
  let bot: BotHarness;
  let counter: StatementCounter;
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort();
    counter = StatementCounter.install();
  });
  afterAll(async () => {
    counter.uninstall();
    await bot.close();
  });

  it("/today reads in 3 statements (SQLite) or 1 message (PostgreSQL) and /done writes and reads in 9 or 2, with the same replies", async () => {
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Backend Spring 2027" });
    // After a reply the bot loads who is owed a reminders notice, once in a while: done before counting (its PREPAREs noted).
    executions(await counter.during(() => bot.reply(ada.id, "today")));
    await settle(bot);
    let today = "";
    const todayStatements = await counter.during(async () => {
      today = visibleText(await bot.reply(ada.id, "today"));
    });
    expect(today).toContain("Week 1 · Day 2");
    expect(executions(todayStatements)).toHaveLength(todayStatementCount);
    if (!onSqlite) for (const read of todayReads) expect(todayStatements[0]).toContain(read);

    await settle(bot);
    let done = "";
    const doneStatements = await counter.during(async () => {
      done = visibleText(await bot.reply(ada.id, "done", { item: "Storage Engines" }));
    });
    expect(done).toContain("Logged **Storage Engines**");
    expect(executions(doneStatements)).toHaveLength(doneStatementCount);
    if (onSqlite)
      expect(doneStatements.filter((sql) => sql === "BEGIN IMMEDIATE" || sql === "COMMIT")).toEqual(["BEGIN IMMEDIATE", "COMMIT"]);
    else expect(executesInOrder(doneStatements, transactionInOrder)).toBe(true);

    await settle(bot);
    const again = await counter.during(async () => {
      expect(visibleText(await bot.reply(ada.id, "done", { item: "Storage Engines" }))).toContain("already marked");
    });
    // The repeat finds the stored completion once more.
    expect(executions(again)).toHaveLength(doneStatementCount + 1);
    expect(await bot.test.app.database.prisma.completion.count()).toBe(1);
  });

  it.runIf(!onSqlite)("/undo on PostgreSQL: its transaction is one message, in the lock order /done takes", async () => {
    const lin = bot.member("lin");
    await bot.reply(lin.id, "join", { cohort: "Backend Spring 2027" });
    // Its PREPAREs noted too: run alone, this test sees the shared statements prepared here.
    executions(await counter.during(() => bot.reply(lin.id, "done", { item: "Storage Engines" })));
    await settle(bot);
    let text = "";
    const sent = await counter.during(async () => {
      text = visibleText(await bot.reply(lin.id, "undo", { item: "Storage Engines" }));
    });
    expect(text).toContain("Storage Engines");
    // The memberships, the completion to undo, the transaction, the completions left for the reply.
    expect(executions(sent)).toHaveLength(4);
    const lockOrder = [
      `FROM "Member" WHERE "id" = $1 FOR NO KEY UPDATE`,
      `DELETE FROM "Completion"`,
      `"pointsReachedAt" = (SELECT MAX`,
      `INSERT INTO "WeeklyScore"`,
      `DELETE FROM "WeeklyScore"`,
      `UPDATE "ScheduledPost" SET "boardDirty" = true`,
    ];
    expect(executesInOrder(sent, lockOrder)).toBe(true);
    expect(await bot.test.app.database.prisma.completion.count({ where: { member: { userId: lin.id } } })).toBe(0);
  });

  it("/leaderboard reads in 3 statements (week or all time), /progress in 4, with the same replies", async () => {
    const grace = bot.member("grace");
    await bot.reply(grace.id, "join", { cohort: "Backend Spring 2027" });
    await bot.reply(grace.id, "done", { item: "Storage Engines" });
    // A board: the memberships, the caller's points with their standing (tally less the off-board members)
    // in one statement, the top ten. /progress: the memberships, the plan state, the completions, the standing.
    const expected = [
      { name: "leaderboard", options: {}, statements: 3, shows: "**grace**: #1 of 2 · 36 pts" },
      { name: "leaderboard", options: { period: "all" }, statements: 3, shows: "**grace**: #1 of 2 · 36 pts" },
      { name: "progress", options: {}, statements: 4, shows: "Points: **36** · Rank: **#1** of 2" },
    ] as const;
    for (const { name, options, statements, shows } of expected) {
      await settle(bot);
      let text = "";
      const sent = await counter.during(async () => {
        text = visibleText(await bot.reply(grace.id, name, options));
      });
      expect(text).toContain(shows);
      expect(sent, `${name} ${JSON.stringify(options)}`).toHaveLength(statements);
    }
  });

  it("/today in one of two cohorts: by id as few statements as with one; by name the member's reads come after; without, one read and the question", async () => {
    const second = await bot.createCohort({ name: "Backend Autumn 2027" });
    const kay = bot.member("kay");
    await bot.reply(kay.id, "join", { cohort: "Backend Spring 2027" });
    await bot.reply(kay.id, "join", { cohort: "Backend Autumn 2027" });
    executions(await counter.during(() => bot.reply(kay.id, "today", { cohort: String(second.id) })));
    // By id (buttons, autocomplete): the memberships in that cohort with the member's reads, as with one cohort.
    // By name typed by hand: every membership, then the named one's plan state and completions (side by side).
    // None: the memberships only, and the bot asks which cohort.
    const expected = [
      { options: { cohort: String(second.id) }, statements: todayStatementCount, shows: "Week 1 · Day 2" },
      { options: { cohort: "Backend Autumn 2027" }, statements: 3, shows: "Week 1 · Day 2" },
      { options: {}, statements: 1, shows: "Backend Autumn 2027" },
    ] as const;
    for (const { options, statements, shows } of expected) {
      await settle(bot);
      let text = "";
      const sent = await counter.during(async () => {
        text = visibleText(await bot.reply(kay.id, "today", options));
      });
      expect(text).toContain(shows);
      expect(executions(sent), JSON.stringify(options)).toHaveLength(statements);
    }
  });
});

/**
 * Waits until the bot has finished handling the interactions it received (what it does after a reply too,
 * e.g. the reminders notice), so the next count holds the next interaction only: the router's own end of
 * each interaction, not a guess at how long a busy machine takes.
 */
async function settle(bot: BotHarness): Promise<void> {
  await bot.test.app.discord.settleInteractions(unhurriedDeadlineMs);
}
