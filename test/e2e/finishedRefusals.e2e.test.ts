import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A member's refusals in a cohort an admin ended (`/cohort end`) follow the rule of /today and /pace: an end on
 * the planned last day is the course finishing ("has finished"), an earlier one an early end ("has ended").
 * 12-week course from Monday 2027-01-04 (UTC): its planned last day is Sunday 28 March. "Ran Out" is ended
 * that day, "Cut Short" the day before; Ada reads in English, Lucía in Spanish. Leo (English) and Luz (Spanish)
 * join late, in week 12, and press their welcome's *Start from this week* after the end. The admins' refusals
 * (`/cohort preview`, `announce`, `edit` of the schedule, `break`) follow the same rule, for the English admin and
 * for Directora, who reads in Spanish.
 */
describe("refusals after /cohort end: finished on the planned last day, ended before it", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let lucia: { id: string };
  let directora: { id: string };
  /** Messages shown before the end, whose buttons are pressed after it. */
  const shown = new Map<string, EmulatorMessage>();
  const finished = "Ran Out";
  const endedEarly = "Cut Short";
  const key = (userId: string, cohort: string, what: string) => `${userId}:${cohort}:${what}`;

  const says = (text: string, cohort: string, spanish: boolean) => {
    if (cohort === finished) {
      expect(text).toContain(spanish ? `**${cohort}** ha finalizado` : `**${cohort}** has finished`);
      expect(text).not.toContain(spanish ? "ha terminado" : "has ended");
    } else {
      expect(text).toContain(spanish ? `**${cohort}** ha terminado` : `**${cohort}** has ended`);
      expect(text).not.toContain(spanish ? "ha finalizado" : "has finished");
    }
  };
  const press = async (userId: string, message: EmulatorMessage | undefined, pick: (label: string, customId: string) => boolean) => {
    if (message === undefined) throw new Error("no message shown before the end");
    const target = buttonsOf(message).find((candidate) => pick(candidate.label, candidate.customId));
    if (target === undefined) throw new Error(`no such button among ${JSON.stringify(buttonsOf(message))}`);
    return visibleText(await bot.click(userId, message.id, target.customId).final());
  };
  const members = () => [
    { who: ada, spanish: false },
    { who: lucia, spanish: true },
  ];
  const cohorts = [finished, endedEarly];
  const lateJoiners: { who: { id: string }; spanish: boolean }[] = [];
  /** Every row a refused command could have written, as it stood right after both ends. */
  let rowsAfterTheEnds: unknown;
  const rowsNow = async () => {
    const prisma = bot.test.app.database.prisma;
    return {
      members: await prisma.member.findMany({ orderBy: { id: "asc" } }),
      adjustments: await prisma.memberAdjustment.findMany({ orderBy: { id: "asc" } }),
      breaks: await prisma.memberBreak.findMany({ orderBy: { id: "asc" } }),
      completions: await prisma.completion.findMany({ orderBy: { id: "asc" } }),
      answers: await prisma.checkpointAnswer.findMany({ orderBy: { id: "asc" } }),
      cohorts: await prisma.cohort.findMany({ orderBy: { id: "asc" } }),
      cohortBreaks: await prisma.cohortBreak.findMany({ orderBy: { id: "asc" } }),
      audit: await prisma.auditEntry.findMany({ orderBy: { id: "asc" } }),
      channelPosts: bot.emulator.channelMessages(bot.channel.id).length,
    };
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T18:00:00Z") });
    ada = bot.member("ada-refusals");
    lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia-refusals", locale: "es-ES" });
    directora = bot.emulator.createMember(bot.guild.id, { username: "directora-refusals", locale: "es-ES", manageGuild: true });
    for (const cohort of cohorts) {
      await bot.createCohort({ name: cohort, start: "2027-01-04", timeZone: "UTC" });
      for (const { who } of members()) await bot.reply(who.id, "join", { cohort });
    }
    // Friday of the last week, before either end: one item done (for /undo), and the replies whose buttons come later.
    bot.clock.set(new Date("2027-03-26T10:00:00Z"));
    for (const cohort of cohorts) {
      for (const { who } of members()) {
        await bot.reply(who.id, "done", { cohort, item: "Storage Engines" });
        shown.set(key(who.id, cohort, "today"), await bot.reply(who.id, "today", { cohort }));
        shown.set(key(who.id, cohort, "pace"), await bot.reply(who.id, "pace", { cohort }));
        shown.set(key(who.id, cohort, "checkpoint"), await bot.reply(who.id, "checkpoint", { cohort }));
      }
    }
    lateJoiners.push(
      { who: bot.member("leo-late"), spanish: false },
      { who: bot.emulator.createMember(bot.guild.id, { username: "luz-late", locale: "es-ES" }), spanish: true },
    );
    for (const cohort of cohorts) {
      for (const { who } of lateJoiners) shown.set(key(who.id, cohort, "welcome"), await bot.reply(who.id, "join", { cohort }));
    }
    bot.clock.set(new Date("2027-03-27T15:00:00Z"));
    await bot.reply(bot.admin.id, "cohort end", { cohort: endedEarly });
    bot.clock.set(new Date("2027-03-28T15:00:00Z"));
    await bot.reply(bot.admin.id, "cohort end", { cohort: finished });
    bot.clock.set(new Date("2027-03-28T16:00:00Z"));
    rowsAfterTheEnds = await rowsNow();
  }, 120_000);
  afterAll(async () => bot.close());

  for (const cohort of cohorts) {
    const word = cohort === finished ? "finished" : "ended";

    it(`/done and its Done buttons say ${word} (${cohort}), in both languages`, async () => {
      for (const { who, spanish } of members()) {
        says(visibleText(await bot.reply(who.id, "done", { cohort, item: "Database Selection Guide" })), cohort, spanish);
        says(await press(who.id, shown.get(key(who.id, cohort, "today")), (_, id) => id.startsWith("done:")), cohort, spanish);
      }
    });

    it(`/undo says ${word} (${cohort}), in both languages`, async () => {
      for (const { who, spanish } of members()) {
        says(visibleText(await bot.reply(who.id, "undo", { cohort, item: "Storage Engines" })), cohort, spanish);
      }
    });

    it(`/pace mode: and the pace buttons say ${word} (${cohort}), in both languages`, async () => {
      for (const { who, spanish } of members()) {
        for (const mode of ["catch_up", "extend", "reset"]) {
          const text = visibleText(await bot.reply(who.id, "pace", { cohort, mode }));
          says(text, cohort, spanish);
          // In /pace's words, not "no longer takes new members or completions".
          expect(text).toContain(spanish ? "tu ritmo ya no puede cambiar" : "your pace can no longer change");
        }
        says(await press(who.id, shown.get(key(who.id, cohort, "pace")), (_, id) => id.endsWith(":extend")), cohort, spanish);
      }
    });

    it(`a late joiner's Start from this week and Catch up say ${word} (${cohort}), in both languages`, async () => {
      for (const { who, spanish } of lateJoiners) {
        const welcome = shown.get(key(who.id, cohort, "welcome"));
        const started = await press(who.id, welcome, (_, id) => id.endsWith(":from_this_week"));
        says(started, cohort, spanish);
        expect(started).toContain(spanish ? "tu ritmo ya no puede cambiar" : "your pace can no longer change");
        says(await press(who.id, welcome, (_, id) => id.endsWith(":catch_up")), cohort, spanish);
      }
    });

    it(`/break says ${word} (${cohort}), in both languages`, async () => {
      for (const { who, spanish } of members()) {
        says(visibleText(await bot.reply(who.id, "break", { cohort, from: "2027-03-29", to: "2027-03-30" })), cohort, spanish);
        says(visibleText(await bot.reply(who.id, "break", { cohort, from: "2027-03-29", to: "2027-03-30", off: true })), cohort, spanish);
      }
    });

    it(`/remind says ${word} (${cohort}), in both languages`, async () => {
      // Before the members' own last study day is behind them: the cohort's end is the reason, not their course's.
      for (const { who, spanish } of members()) {
        const text = visibleText(await bot.reply(who.id, "remind", { cohort, time: "19:00" }));
        says(text, cohort, spanish);
        expect(text).toContain(spanish ? "ya no hay recordatorios" : "there are no more reminders");
      }
    });

    it(`/join says ${word} (${cohort}), in both languages`, async () => {
      const newcomers = [
        { who: bot.member(`noa-${word}`), spanish: false },
        { who: bot.emulator.createMember(bot.guild.id, { username: `nora-${word}`, locale: "es-ES" }), spanish: true },
      ];
      for (const { who, spanish } of newcomers) says(visibleText(await bot.reply(who.id, "join", { cohort })), cohort, spanish);
    });

    it(`/checkpoint and its answer buttons say ${word} (${cohort}), in both languages`, async () => {
      for (const { who, spanish } of members()) {
        says(visibleText(await bot.reply(who.id, "checkpoint", { cohort })), cohort, spanish);
        says(await press(who.id, shown.get(key(who.id, cohort, "checkpoint")), (_, id) => id.startsWith("checkpoint:")), cohort, spanish);
      }
    });

    const admins = () => [
      { who: bot.admin, spanish: false },
      { who: directora, spanish: true },
    ];

    it(`/cohort preview and /cohort announce say ${word} (${cohort}), in both languages`, async () => {
      for (const { who, spanish } of admins()) {
        says(visibleText(await bot.reply(who.id, "cohort preview", { cohort })), cohort, spanish);
        says(visibleText(await bot.reply(who.id, "cohort preview", { cohort, week: 12 })), cohort, spanish);
        for (const kind of ["week", "checkpoint", "leaderboard"])
          says(visibleText(await bot.reply(who.id, "cohort announce", { cohort, kind })), cohort, spanish);
      }
    });

    it(`/cohort edit of the schedule says ${word} (${cohort}), in both languages`, async () => {
      for (const { who, spanish } of admins()) {
        says(visibleText(await bot.reply(who.id, "cohort edit", { cohort, announce_time: "08:30" })), cohort, spanish);
        says(visibleText(await bot.reply(who.id, "cohort edit", { cohort, start: "2027-01-11" })), cohort, spanish);
      }
    });

    it(`/cohort break says ${word} (${cohort}), in both languages`, async () => {
      for (const { who, spanish } of admins()) {
        says(visibleText(await bot.reply(who.id, "cohort break", { cohort, week: 12 })), cohort, spanish);
        says(visibleText(await bot.reply(who.id, "cohort break", { cohort, week: 12, undo: true })), cohort, spanish);
      }
    });
  }

  it("changed nothing: no member, reminder, pace change, day off, completion, checkpoint answer, cohort setting, break week, audit line or post was added, changed or removed", async () => {
    const rows = await rowsNow();
    expect(rows).toEqual(rowsAfterTheEnds);
    // And what stood: 2 cohorts × (Ada, Lucía, Leo, Luz), the item each of Ada and Lucía did, no answer.
    expect(rows.members).toHaveLength(8);
    expect(rows.completions).toHaveLength(4);
    expect(rows.answers).toHaveLength(0);
  });
});
