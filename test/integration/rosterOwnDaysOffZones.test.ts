import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RosterGroup, RosterRepository } from "../../src/db/repositories/RosterRepository.js";
import { quietSinceOf } from "../../src/services/RosterService.js";
import { DEFAULT_COHORT_SETTINGS } from "../../src/domain/schedule/scheduleTypes.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";
import { cohortFixture } from "../helpers/cohortFixture.js";
import { createCurriculumRow, createSectionRows } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { activeMemberRecords } from "../helpers/activeMemberRecords.js";

/**
 * A member's own day can be two days behind the cohort's (zones 25 h apart and the 04:00 rollover): the
 * roster still reads their /break days in its quiet rule, as a Nudge's check (`quietSinceOf`) does.
 * On SQLite, and on PostgreSQL with TEST_DATABASE=postgresql.
 */
describe("the roster's quiet rule with own days off two member-days behind the cohort's", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(async () => test.close());

  it("a Pago Pago member of a Kiritimati cohort, off the day they last studied, is not quiet", async () => {
    const { prisma } = test.app.database;
    const curriculum = await createCurriculumRow(prisma, "zones", 6);
    const first = await createSectionRows(prisma, curriculum.id, { key: "s1", position: 1, title: "S1", weekStart: 1, weekEnd: 1 }, [
      { kind: "Required", minutes: 30 },
    ]);
    const lastSection = { key: "s6", position: 6, title: "S6", weekStart: 6, weekEnd: 6 };
    await createSectionRows(prisma, curriculum.id, lastSection, [{ kind: "Required", minutes: 30 }], 2);
    const settings = {
      ...DEFAULT_COHORT_SETTINGS,
      startDate: "2027-03-01",
      studyDays: [1, 2, 3, 4, 5, 6, 7],
      timeZone: "Pacific/Kiritimati",
    };
    const row = await createCohortRow(prisma, curriculum.id, { guildId: "zones", channelId: "c", name: "Zones", startDate: "2027-03-01" });
    const cohort = cohortFixture({ id: row.id, guildId: "zones", name: row.name, curriculumId: curriculum.id, breakWeeks: [], settings });
    // The cohort's day is 2027-03-20 (02:00 in Kiritimati); the member's is 2027-03-18 (01:00 on the 19th in
    // Pago Pago, before the 04:00 rollover).
    const now = new Date("2027-03-19T12:00:00Z");
    const lastStudied = new Date("2027-03-14T20:00:00Z");
    const member = await prisma.member.create({
      data: {
        cohortId: row.id,
        userId: "u1",
        displayName: "M",
        joinedAt: new Date("2027-02-28T00:00:00Z"),
        remindTimeZone: "Pacific/Pago_Pago",
      },
    });
    await prisma.memberBreak.create({ data: { memberId: member.id, fromDate: "2027-03-14", toDate: "2027-03-14" } });
    const [firstItem] = first.itemIds;
    if (firstItem === undefined) throw new Error("the fixture has an item");
    await prisma.completion.create({
      data: { memberId: member.id, itemId: firstItem, cohortId: row.id, completedAt: lastStudied, weekNumber: 2, points: 1 },
    });

    const { basis } = await test.app.services.roster.basisAt(cohort, now);
    const { rows } = await new RosterRepository(prisma, test.provider, test.app.database.reader).page(basis, null, 100, { kind: "first" });
    const [record] = await activeMemberRecords(prisma, row.id);
    if (record === undefined) throw new Error("the member is active");
    const planning = await test.app.services.memberPlans.planFor(cohort, record, now);
    const since = quietSinceOf(cohort, planning.context, now, planning.breaks, planning.zone);

    // The day off moves their quiet window back past their last study: a Nudge would be refused, and the
    // roster shows no Quiet (nor its Nudge button) for them.
    expect(since !== null && lastStudied < since).toBe(false);
    expect(rows.map((found) => found.group)).toHaveLength(1);
    expect(rows[0]?.group).not.toBe(RosterGroup.Quiet);
  });
});
