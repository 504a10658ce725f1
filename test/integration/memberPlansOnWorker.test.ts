import type { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catchUpDueDays, requiredItemsDue } from "../../src/domain/schedule/requiredItemsDue.js";
import { buildMemberPlan, MemberAdjustmentKind } from "../../src/domain/schedule/memberPlan.js";
import { DEFAULT_COHORT_SETTINGS } from "../../src/domain/schedule/scheduleTypes.js";
import { spawnWorker } from "../../src/workers/spawnWorker.js";
import { cohortFixture } from "../helpers/cohortFixture.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { activeMemberRecords } from "../helpers/activeMemberRecords.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";

/**
 * The app's member plans through its plan worker: every plan counts as big
 * here (`minWork: 0`), so the seed cohort's member plans are built there and
 * assembled from their records. On SQLite, and on PostgreSQL with
 * TEST_DATABASE=postgresql.
 */
describe("member plans built on the app's plan worker", () => {
  let test: TestApp;
  const workers: Worker[] = [];
  /** What the worker answered, by outcome: shows the member plans left the main thread. */
  const answers: string[] = [];

  beforeAll(async () => {
    const spawn = (name: string) => {
      const worker = spawnWorker(name);
      worker.on("message", (reply: { outcome: string }) => answers.push(reply.outcome));
      workers.push(worker);
      return worker;
    };
    test = await startTestApp({ planBuilds: { minWork: 0, spawn } });
  });
  afterAll(async () => test.close());

  it("are the plans built inline, for /today's plan and for the roster's catch-up dates", async () => {
    const { prisma } = test.app.database;
    const curriculum = await prisma.curriculum.findFirstOrThrow({ where: { slug: "backend-engineer-learning-path" } });
    const items = await prisma.item.findMany({ where: { curriculumId: curriculum.id }, orderBy: { position: "asc" }, take: 6 });
    const settings = { ...DEFAULT_COHORT_SETTINGS, startDate: "2027-03-01", timeZone: "Europe/Madrid" };
    const row = await createCohortRow(prisma, curriculum.id, {
      guildId: "g",
      channelId: "c",
      name: "worker",
      startDate: settings.startDate,
    });
    const member = await prisma.member.create({
      data: { cohortId: row.id, userId: "u1", displayName: "Ana", joinedAt: new Date("2027-03-01T00:00:00Z") },
    });
    await prisma.memberAdjustment.create({
      data: {
        memberId: member.id,
        kind: MemberAdjustmentKind.CatchUp,
        appliedOn: "2027-03-20",
        days: 4,
        itemIds: JSON.stringify(items.map((item) => item.id)),
      },
    });
    await prisma.memberAdjustment.create({ data: { memberId: member.id, kind: MemberAdjustmentKind.Extend } });
    await prisma.memberBreak.create({ data: { memberId: member.id, fromDate: "2027-03-24", toDate: "2027-03-26" } });
    const cohort = cohortFixture({ id: row.id, curriculumId: curriculum.id, name: "worker", settings, breakWeeks: [4] });
    const [record] = await activeMemberRecords(prisma, row.id);
    if (record === undefined) throw new Error("member missing");

    const { memberPlans } = test.app.services;
    const now = new Date("2027-03-22T10:00:00Z");
    const [planning, again] = await Promise.all([memberPlans.planFor(cohort, record, now), memberPlans.planFor(cohort, record, now)]);
    expect(again.plan).toBe(planning.plan);
    const inline = buildMemberPlan({
      basePlan: planning.context.basePlan,
      breakWeeks: planning.context.breakWeeks,
      joinedOn: planning.context.plan.startDate,
      adjustments: [
        { kind: MemberAdjustmentKind.CatchUp, appliedOn: "2027-03-20", days: 4, itemIds: items.map((item) => item.id) },
        { kind: MemberAdjustmentKind.Extend },
      ],
      personalBreaks: [{ from: "2027-03-24", to: "2027-03-26" }],
    });
    expect(planning.plan).toEqual(inline);
    expect(planning.plan.items.filter((entry) => entry.source === "catch_up")).toHaveLength(items.length);
    expect(planning.plan.extraWeeks).toBe(1);
    const dues = await memberPlans.caughtUpPlans(cohort, planning.context);
    expect(dues.get(member.id)?.dues).toEqual(catchUpDueDays(inline));
    // One worker did it: the cohort plan, then the member plan (once for both asks), then the roster's.
    expect(workers).toHaveLength(1);
    expect(answers.filter((outcome) => outcome === "memberPlanned")).toHaveLength(2);
  }, 120_000);

  it("are the roster's due days of Required items built there too, equal to the inline ones, once per cohort plan", async () => {
    const { prisma } = test.app.database;
    const curriculum = await prisma.curriculum.findFirstOrThrow({ where: { slug: "backend-engineer-learning-path" } });
    const settings = { ...DEFAULT_COHORT_SETTINGS, startDate: "2027-05-03", timeZone: "Europe/Madrid" };
    const row = await createCohortRow(prisma, curriculum.id, {
      guildId: "g2",
      channelId: "c2",
      name: "roster",
      startDate: settings.startDate,
    });
    const cohort = cohortFixture({ id: row.id, curriculumId: curriculum.id, name: "roster", settings, breakWeeks: [3, 6] });
    const memberPlansBefore = answers.filter((outcome) => outcome === "memberPlanned").length;

    const now = new Date("2027-06-01T10:00:00Z");
    const [first, second] = await Promise.all([
      test.app.services.roster.basisAt(cohort, now),
      test.app.services.roster.basisAt(cohort, now),
    ]);
    expect(first.basis.required).toEqual(requiredItemsDue(first.context.basePlan, first.context.breakWeeks));
    expect(first.basis.required.length).toBeGreaterThan(0);
    expect(second.basis.required).toBe(first.basis.required);
    // One member plan per extension (none to four extra weeks), on the worker, shared by both rosters.
    expect(answers.filter((outcome) => outcome === "memberPlanned").length - memberPlansBefore).toBe(5);
  }, 120_000);
});
