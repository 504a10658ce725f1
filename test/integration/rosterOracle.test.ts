import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RosterGroup, RosterRepository } from "../../src/db/repositories/RosterRepository.js";
import { quietSinceOf } from "../../src/services/RosterService.js";
import { addDays } from "../../src/domain/schedule/localTime.js";
import { MAX_PERSONAL_BREAK_DAYS } from "../../src/domain/schedule/memberPlan.js";
import { rosterStanding } from "../../src/domain/schedule/memberStatus.js";
import { checkpointStanding, isPending, latestCheckpointKeys } from "../../src/domain/schedule/latestCheckpoints.js";
import { cohortPlannedPosts } from "../../src/domain/schedule/plannedPosts.js";
import { DEFAULT_COHORT_SETTINGS } from "../../src/domain/schedule/scheduleTypes.js";
import { randomInt, seededRandom } from "../helpers/planFixtures.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";
import { cohortFixture } from "../helpers/cohortFixture.js";
import { createCurriculumRow, createSectionRows, type ItemRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { activeMemberRecords } from "../helpers/activeMemberRecords.js";

/**
 * The oracle: for many random cohorts (curricula, study days, break weeks,
 * zones) and members (late joins, extends, resets, catch-ups, personal
 * breaks, own zones, completions), the roster's SQL gives every member
 * exactly what `rosterStanding` gives on the plan `MemberPlanService.planFor`
 * builds for them: the same behind items and minutes, the same finished; and
 * quiet as `quietSinceOf` gives it with their own days off (their days); and
 * not yet as `checkpointStanding` gives it on the checkpoints posted at the
 * latest posting moment (sections ending the same week are posted together).
 * On SQLite, and on PostgreSQL with TEST_DATABASE=postgresql.
 */
const zones = ["UTC", "Europe/Berlin", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata"];
const kinds = ["Required", "Required", "Required", "Optional", "Reference"];
const scenarios = 12;

describe("the roster's SQL equals each member's own plan", () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(async () => test.close());

  const pick = <T>(random: () => number, values: readonly T[]): T => values[randomInt(random, 0, values.length - 1)] as T;

  /** A random curriculum in the database; its assigned items' ids. */
  async function curriculumOf(
    random: () => number,
    scenario: number,
  ): Promise<{ id: number; totalWeeks: number; itemIds: number[]; sections: { id: number; key: string }[] }> {
    const { prisma } = test.app.database;
    const totalWeeks = randomInt(random, 2, 6);
    const curriculum = await createCurriculumRow(prisma, `oracle-${scenario}`, totalWeeks);
    const itemIds: number[] = [];
    const sections: { id: number; key: string }[] = [];
    // Checkpoint paragraphs and answers draw from a random of their own: the other draws stay as they were.
    const checkpoints = seededRandom(scenario + 1_000);
    for (let week = 1; week <= totalWeeks; week += randomInt(random, 1, 2)) {
      const weekEnd = Math.min(totalWeeks, week + randomInt(random, 0, 1));
      const section = { key: `s${week}`, position: week, title: `Section ${week}`, weekStart: week, weekEnd };
      const items: ItemRow[] = Array.from({ length: randomInt(random, 2, 7) }, () => ({
        kind: pick(random, kinds),
        minutes: random() < 0.2 ? null : randomInt(random, 5, 90),
      }));
      // Now and then a "choose one" group (imported as Optional tracks): one Required slot that any track completes.
      if (random() < 0.5)
        items.splice(
          randomInt(random, 0, items.length),
          0,
          ...Array.from({ length: randomInt(random, 2, 4) }, (_, track) => ({
            kind: "Optional",
            minutes: random() < 0.2 ? null : randomInt(random, 5, 90),
            groupName: "Choose one path",
            track: `Track ${track + 1}`,
          })),
        );
      const rows = await createSectionRows(prisma, curriculum.id, section, items, itemIds.length + 1);
      itemIds.push(...rows.itemIds);
      sections.push({ id: rows.sectionId, key: section.key });
      // Most sections have a checkpoint paragraph (posted), some not (answered with /checkpoint only).
      if (checkpoints() < 0.8)
        await prisma.section.update({ where: { id: rows.sectionId }, data: { checkpoint: `After ${section.title}` } });
      // Now and then a short section ending the same week (a Reference item, which nobody completes here): its prompt
      // goes out at the same moment.
      if (checkpoints() < 0.5) {
        const sibling = { key: `c${week}`, position: 100 + week, title: `Also ${week}`, weekStart: weekEnd, weekEnd };
        const { sectionId } = await createSectionRows(prisma, curriculum.id, sibling, [{ kind: "Reference" }], 10_000 + week);
        await prisma.section.update({ where: { id: sectionId }, data: { checkpoint: `After ${sibling.title}` } });
        sections.push({ id: sectionId, key: sibling.key });
      }
    }
    return { id: curriculum.id, totalWeeks, itemIds, sections };
  }

  /** What the scenarios covered, so a generator that stopped producing a case fails loudly. */
  const seen = {
    behind: 0,
    finished: 0,
    caughtUp: 0,
    otherToday: 0,
    preJoin: 0,
    extended: 0,
    quiet: 0,
    silentOver: 0,
    laterTrackOnly: 0,
    ownDaysOff: 0,
    notYet: 0,
    /** Several checkpoints posted at the latest moment, "Not yet" on some of them only. */
    notYetOnSome: 0,
    /** Several checkpoints posted at the latest moment, some left unanswered and none answered "Not yet" (not not yet). */
    unansweredOnly: 0,
  };

  async function scenario(seed: number): Promise<void> {
    const random = seededRandom(seed);
    const { prisma } = test.app.database;
    const curriculum = await curriculumOf(random, seed);
    const startDate = addDays("2027-03-01", randomInt(random, 0, 6));
    const studyDays = [1, 2, 3, 4, 5, 6, 7].filter(() => random() < 0.6);
    const settings = {
      ...DEFAULT_COHORT_SETTINGS,
      startDate,
      studyDays: studyDays.length === 0 ? [3] : studyDays,
      timeZone: pick(random, zones),
      includeOptional: random() < 0.5,
    };
    const breakWeeks = [2, 3, 4].filter(() => random() < 0.25);
    const row = await createCohortRow(prisma, curriculum.id, { guildId: "oracle", channelId: "c", name: `Oracle ${seed}`, startDate });
    const cohort = cohortFixture({ id: row.id, guildId: "oracle", name: row.name, curriculumId: curriculum.id, breakWeeks, settings });
    const courseDays = 7 * (curriculum.totalWeeks + breakWeeks.length + 4);
    const dayInCourse = () => addDays(startDate, randomInt(random, -2, courseDays));
    const now = new Date(`${dayInCourse()}T${String(randomInt(random, 0, 23)).padStart(2, "0")}:${pick(random, ["05", "30", "59"])}:00Z`);

    const answering = seededRandom(seed + 2_000);
    for (let index = 0; index < 30; index += 1) {
      const member = await prisma.member.create({
        data: {
          cohortId: row.id,
          userId: `u${index}`,
          displayName: `Member ${index}`,
          joinedAt: new Date(`${startDate}T00:00:00Z`),
          leftAt: random() < 0.05 ? now : null,
          joinedOn: random() < 0.4 ? dayInCourse() : null,
          remindTimeZone: random() < 0.4 ? pick(random, zones) : null,
        },
      });
      for (let count = randomInt(random, 0, 4); count > 0; count -= 1) {
        const kind = pick(random, ["extend", "extend", "catch_up", "catch_up", "reset"]);
        const catchUp = {
          // Now and then a row the plan skips (no day), as an older version might have left.
          appliedOn: random() < 0.1 ? null : dayInCourse(),
          days: randomInt(random, 1, 21),
          itemIds: JSON.stringify(curriculum.itemIds.filter(() => random() < 0.4)),
        };
        await prisma.memberAdjustment.create({ data: { memberId: member.id, kind, ...(kind === "catch_up" ? catchUp : {}) } });
      }
      for (let count = randomInt(random, 0, 2); count > 0; count -= 1) {
        const from = dayInCourse();
        await prisma.memberBreak.create({
          data: { memberId: member.id, fromDate: from, toDate: addDays(from, randomInt(random, 0, MAX_PERSONAL_BREAK_DAYS)) },
        });
      }
      for (const section of curriculum.sections) {
        const answer = pick(answering, [null, "confident", "partly", "not_yet", "confident"]);
        if (answer !== null) await prisma.checkpointAnswer.create({ data: { memberId: member.id, sectionId: section.id, answer } });
      }
      const share = random();
      for (const itemId of curriculum.itemIds)
        if (random() < share)
          await prisma.completion.create({
            data: { memberId: member.id, itemId, cohortId: row.id, completedAt: now, weekNumber: 1, points: 1 },
          });
    }

    const { roster, memberPlans } = test.app.services;
    const { basis, context } = await roster.basisAt(cohort, now);
    const { rows } = await new RosterRepository(prisma, test.provider, test.app.database.reader).page(basis, null, 1_000, {
      kind: "first",
    });
    const members = await activeMemberRecords(prisma, row.id);
    seen.caughtUp += new Set(basis.catchUps.map((entry) => entry.memberId)).size;
    seen.otherToday += basis.todayByZone.filter((entry) => entry.today !== basis.today).length;
    expect(rows).toHaveLength(members.length);
    // The posts from the dates alone (not the plan service's schedule), and the sections posted at the latest moment.
    const latestKeys = new Set(latestCheckpointKeys(cohortPlannedPosts(context.planSource.curriculum, settings, breakWeeks), now));
    const latestIds = curriculum.sections.filter((section) => latestKeys.has(section.key)).map((section) => section.id);
    for (const member of members) {
      const planning = await memberPlans.planFor(cohort, member, now);
      const done = new Set(
        (await prisma.completion.findMany({ where: { memberId: member.id }, select: { itemId: true } })).map((entry) => entry.itemId),
      );
      const standing = rosterStanding(planning.plan, done, planning.today);
      // A choice completed only by a track other than its first: the slot keeps the first track's id.
      seen.laterTrackOnly += planning.plan.items.some(
        (entry) => entry.item.choice !== undefined && !done.has(entry.item.id) && entry.item.choice.some((track) => done.has(track.id)),
      )
        ? 1
        : 0;
      seen.behind += standing.behind.items > 0 ? 1 : 0;
      seen.finished += standing.finished ? 1 : 0;
      seen.extended += planning.plan.extraWeeks > 0 ? 1 : 0;
      seen.preJoin += planning.plan.items.some((entry) => entry.preJoin && entry.dueDate < planning.today) ? 1 : 0;
      const sql = rows.find((entry) => entry.memberId === member.id);
      // Quiet: silent since `quietSince`, counted past their own days off, while their own course runs (`daysOver`: after
      // their own last study day).
      const quietSince = quietSinceOf(cohort, planning.context, now, planning.breaks, planning.zone);
      seen.ownDaysOff += quietSince?.getTime() !== basis.quietSince?.getTime() ? 1 : 0;
      const last = (await prisma.completion.findFirst({ where: { memberId: member.id }, orderBy: { completedAt: "desc" } }))?.completedAt;
      const silent = quietSince !== null && member.joinedAt < quietSince && (last === undefined || last < quietSince);
      const behind = !standing.finished && standing.behind.items > 0;
      const quiet = !standing.finished && !behind && silent && !planning.daysOver;
      seen.quiet += quiet ? 1 : 0;
      seen.silentOver += !standing.finished && !behind && silent && planning.daysOver ? 1 : 0;
      const answers = new Map(
        (await prisma.checkpointAnswer.findMany({ where: { memberId: member.id } })).map((entry) => [entry.sectionId, entry.answer]),
      );
      const latest = checkpointStanding(latestIds, answers);
      const notYet = !standing.finished && !behind && !quiet && isPending(latest);
      seen.notYet += notYet ? 1 : 0;
      seen.notYetOnSome += latest.total > 1 && latest.notYet.length > 0 && latest.notYet.length < latest.total ? 1 : 0;
      seen.unansweredOnly += latest.total > 1 && latest.unanswered.length > 0 && latest.notYet.length === 0 ? 1 : 0;
      const expected = {
        behindItems: standing.behind.items,
        behindMinutes: standing.behind.minutes,
        finished: standing.finished,
        behind,
        quiet,
        notYet,
      };
      expect(
        {
          behindItems: sql?.behindItems,
          behindMinutes: sql?.behindMinutes,
          finished: sql?.group === RosterGroup.Finished,
          behind: sql?.group === RosterGroup.Behind,
          quiet: sql?.group === RosterGroup.Quiet,
          notYet: sql?.group === RosterGroup.NotYet,
        },
        `seed ${seed}, member ${member.userId}, now ${now.toISOString()}`,
      ).toEqual(expected);
    }
  }

  it(`agrees on ${scenarios} random cohorts of 30 members`, async () => {
    for (let seed = 1; seed <= scenarios; seed += 1) await scenario(seed);
    for (const [name, count] of Object.entries(seen)) expect(count, name).toBeGreaterThan(0);
  }, 240_000);
});
