import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { rankedCohort, rankedCohortEndedWithBoardOff, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/** `/today`'s course summary of a finished course, in English and in Spanish, calling no final board "as posted". */
function expectSummaryUnposted(english: string, spanish: string): void {
  expect(english).toContain("Course finished");
  expect(english).not.toContain("as it was posted");
  expect(english).toContain("What you log from now on still counts in `/progress`, not in the course's final standings.");
  expect(spanish).not.toContain("como se publicó");
  expect(spanish).toContain("sigue contando en `/progreso`, pero no en la clasificación final del curso.");
}

/** `/today`'s course summary of a cohort an admin ended, in English and in Spanish, calling no final board "as posted". */
function expectEndedSummaryUnposted(english: string, spanish: string): void {
  expect(english).toContain("Cohort ended");
  expect(english).not.toContain("as it was posted");
  expect(english).toContain("It takes no more completions, and its final standings stay as they were when it was ended.");
  expect(spanish).not.toContain("como se publicó");
  expect(spanish).toContain("Ya no se puede marcar nada como hecho, y su clasificación final queda como estaba al terminarla.");
}

/**
 * A cohort whose leaderboard is `off` posts no board at its close (the closing post has no "Final leaderboard").
 * `/leaderboard` afterwards shows each member their own standing: its footer must not say the standings are
 * "as posted" at the close, when nothing was, nor once the board is turned on again (the close kept it private).
 */
describe("/leaderboard after the close of a cohort that posted no board", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: RankedCohort["people"];
  const cohortName = "Private Close";
  const board = async (userId: string) => visibleText(await runCommand(harness.bot, userId, "leaderboard", { cohort: cohortName }));

  beforeAll(async () => {
    const { bot } = harness;
    ({ people } = await rankedCohort(bot, cohortName));
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "off" });
    // Cy reads the bot in Spanish (Bob and Ada in English).
    bot.emulator.setUserLocale(people.cy.id, "es-ES");
    // The 12-week course from Monday 2027-01-04 (UTC): its closing post on Monday 29 March at 09:00.
    bot.clock.set(new Date("2027-03-29T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  }, 120_000);

  it("posted no board at the close", () => {
    const closing = harness.bot.emulator.channelMessages(harness.bot.channel.id).map(visibleText).join("\n");
    expect(closing).toContain("Private Close");
    expect(closing).not.toContain("Final leaderboard");
  });

  it("does not say its standings are as posted, in English or Spanish", async () => {
    const english = await board(people.bob.id);
    expect(english).toContain("**Bob**: #2 of 3");
    expect(english).not.toContain("As posted");
    expect(english).toContain("At the end of the course · 3 members with points");
    const spanish = await board(people.cy.id);
    expect(spanish).not.toContain("Tal como se publicó");
    expect(spanish).toContain("Al final del curso · 3 miembros con puntos");
  });

  it("/today's course summary does not say the final leaderboard stays as it was posted", async () => {
    const { bot } = harness;
    expectSummaryUnposted(
      visibleText(await runCommand(bot, people.ada.id, "today", { cohort: cohortName })),
      visibleText(await runCommand(bot, people.cy.id, "today", { cohort: cohortName })),
    );
  });

  it("nor once the board is turned on again: the close kept it private", async () => {
    const { bot } = harness;
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "names" });
    const text = await board(people.bob.id);
    expect(text).toContain("private when the course closed");
    expect(text).not.toContain("As posted");
    expect(text).toContain("At the end of the course · 3 members with points");
  });
});

describe("/leaderboard after a cohort ended early with its board off", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: RankedCohort["people"];
  const cohortName = "Private End";

  beforeAll(async () => {
    const { bot } = harness;
    ({ people } = await rankedCohortEndedWithBoardOff(bot, cohortName));
    bot.emulator.setUserLocale(people.cy.id, "es-ES");
  }, 120_000);

  it("does not say its standings are as posted when the cohort was ended", async () => {
    const text = visibleText(await runCommand(harness.bot, people.bob.id, "leaderboard", { cohort: cohortName }));
    expect(text).toContain("**Bob**: #2 of 3");
    expect(text).not.toContain("As posted");
    expect(text).toContain("When the cohort was ended · 3 members with points");
  });

  it("/today's summary after the planned last day does not say its final leaderboard stays as it was posted", async () => {
    const { bot } = harness;
    bot.clock.set(new Date("2027-04-01T20:00:00Z"));
    expectEndedSummaryUnposted(
      visibleText(await runCommand(bot, people.bob.id, "today", { cohort: cohortName })),
      visibleText(await runCommand(bot, people.cy.id, "today", { cohort: cohortName })),
    );
  });
});

/**
 * A cohort whose board was on at the close: the closing post showed it, so `/today`'s course summary says the final
 * leaderboard stays as it was posted, but not yet between the course's last day and that post, and not when the
 * stored board can no longer be read (`/leaderboard` then shows the live board, not a posted one).
 */
describe("/today's course summary of a cohort whose closing post showed its board", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: RankedCohort["people"];
  const cohortName = "Public Close";
  const today = async (userId: string) => visibleText(await runCommand(harness.bot, userId, "today", { cohort: cohortName }));
  let beforeClosingPost = { english: "", spanish: "" };

  beforeAll(async () => {
    const { bot } = harness;
    ({ people } = await rankedCohort(bot, cohortName));
    bot.emulator.setUserLocale(people.cy.id, "es-ES");
    // Monday 29 March, after the course's last day (Sunday 28) and before its closing post at 09:00.
    bot.clock.set(new Date("2027-03-29T06:00:00Z"));
    beforeClosingPost = { english: await today(people.ada.id), spanish: await today(people.cy.id) };
    bot.clock.set(new Date("2027-03-29T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  }, 120_000);

  it("posted the board at the close", () => {
    const closing = harness.bot.emulator.channelMessages(harness.bot.channel.id).map(visibleText).join("\n");
    expect(closing).toContain("Final leaderboard");
  });

  it("says nothing was posted as final before the closing post", () => {
    expectSummaryUnposted(beforeClosingPost.english, beforeClosingPost.spanish);
  });

  it("says the final leaderboard stays as it was posted once it was", async () => {
    expect(await today(people.ada.id)).toContain(
      "What you log from now on still counts in `/progress`; the final leaderboard stays as it was posted.",
    );
    expect(await today(people.cy.id)).toContain(
      "Lo que registres a partir de ahora sigue contando en `/progreso`; la clasificación final queda como se publicó.",
    );
    expect(visibleText(await runCommand(harness.bot, people.bob.id, "leaderboard", { cohort: cohortName }))).toContain(
      "As posted at the end of the course · 3 members with points",
    );
  });

  it("does not say so while the stored board cannot be read, as /leaderboard then shows the live board", async () => {
    const { prisma } = harness.bot.test.app.database;
    const row = await prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
    await prisma.cohort.update({ where: { id: row.id }, data: { finalBoard: JSON.stringify({ top: "unreadable" }) } });
    try {
      const board = visibleText(await runCommand(harness.bot, people.bob.id, "leaderboard", { cohort: cohortName }));
      expect(board).not.toContain("As posted");
      const text = await today(people.ada.id);
      expect(text).toContain("Course finished");
      expect(text).not.toContain("as it was posted");
    } finally {
      await prisma.cohort.update({ where: { id: row.id }, data: { finalBoard: row.finalBoard } });
    }
  });
});

/**
 * A cohort whose board was on, and whose closing post came more than 24 hours late (the bot down from before the
 * course's end until the day after its closing post): the post is skipped, never sent, though the cohort finishes
 * with its final board kept. Neither `/leaderboard` nor `/today`'s course summary may call that board "as posted".
 */
describe("/leaderboard and /today after a closing post skipped as more than 24 hours late", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: RankedCohort["people"];
  const cohortName = "Skipped Close";
  const today = async (userId: string) => visibleText(await runCommand(harness.bot, userId, "today", { cohort: cohortName }));
  const board = async (userId: string) => visibleText(await runCommand(harness.bot, userId, "leaderboard", { cohort: cohortName }));

  beforeAll(async () => {
    const { bot } = harness;
    ({ people } = await rankedCohort(bot, cohortName));
    bot.emulator.setUserLocale(people.cy.id, "es-ES");
    // The closing post was due on Monday 29 March at 09:00; the scheduler's next tick comes on Tuesday 30 at 10:00.
    bot.clock.set(new Date("2027-03-30T10:00:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  }, 120_000);

  it("skipped the closing post and finished the cohort", async () => {
    const { bot } = harness;
    const channel = bot.emulator.channelMessages(bot.channel.id).map(visibleText).join("\n");
    expect(channel).not.toContain("Final leaderboard");
    const { prisma } = bot.test.app.database;
    expect(await prisma.scheduledPost.findFirstOrThrow({ where: { kind: "closing" } })).toMatchObject({ status: "skipped" });
    expect(await prisma.cohort.findFirstOrThrow({ where: { name: cohortName } })).toMatchObject({ status: "finished" });
  });

  it("/leaderboard shows the final standings without saying they are as posted", async () => {
    // A public reply (the board on, the caller listed by name): in the cohort's language, whoever asks.
    for (const userId of [people.bob.id, people.cy.id]) {
      const text = await board(userId);
      expect(text).toContain("🥇 **Ada** · 98 pts");
      expect(text).not.toContain("As posted");
      expect(text).toContain("At the end of the course · 3 members with points");
    }
  });

  it("/today's course summary does not say the final leaderboard stays as it was posted", async () => {
    expectSummaryUnposted(await today(people.ada.id), await today(people.cy.id));
  });
});

/**
 * A cohort an admin ended with its board on, whose closing post Discord refused for good (failed, never sent): the
 * post was drawn, so its final board is kept, and `/leaderboard` shows it; neither it nor `/today`'s course summary
 * may call that board "as posted when the cohort was ended".
 */
describe("/leaderboard and /today after a cohort ended early whose closing post failed for good", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: RankedCohort["people"];
  const cohortName = "Failed End";

  beforeAll(async () => {
    const { bot } = harness;
    ({ people } = await rankedCohort(bot, cohortName));
    bot.emulator.setUserLocale(people.cy.id, "es-ES");
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: cohortName });
    // Discord refuses the closing post's message as malformed: not retried.
    const postPath = `/channels/${bot.channel.id}/messages`;
    bot.emulator.failNext((request) => request.method === "POST" && request.path === postPath, 400, 1, {
      body: { message: "Invalid Form Body", code: 50035 },
    });
    bot.clock.set(new Date("2027-01-13T10:01:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  }, 120_000);

  it("sent no closing post, for good, and kept the final board", async () => {
    const { bot } = harness;
    const channel = bot.emulator.channelMessages(bot.channel.id).map(visibleText).join("\n");
    expect(channel).not.toContain("Final leaderboard");
    const { prisma } = bot.test.app.database;
    expect(await prisma.scheduledPost.findFirstOrThrow({ where: { kind: "closing" } })).toMatchObject({
      status: "failed",
      nextAttemptAt: null,
    });
    expect(await prisma.cohort.findFirstOrThrow({ where: { name: cohortName } })).toMatchObject({ status: "ended" });
  });

  it("/leaderboard shows the final standings without saying they are as posted when the cohort was ended", async () => {
    const text = visibleText(await runCommand(harness.bot, people.bob.id, "leaderboard", { cohort: cohortName }));
    expect(text).toContain("🥇 **Ada** · 98 pts");
    expect(text).not.toContain("As posted");
    expect(text).toContain("When the cohort was ended · 3 members with points");
  });

  it("/today's summary does not say its final leaderboard stays as it was posted, in English or Spanish", async () => {
    const { bot } = harness;
    bot.clock.set(new Date("2027-04-01T20:00:00Z"));
    expectEndedSummaryUnposted(
      visibleText(await runCommand(bot, people.bob.id, "today", { cohort: cohortName })),
      visibleText(await runCommand(bot, people.cy.id, "today", { cohort: cohortName })),
    );
  });
});
