import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CurriculumRepository } from "../../src/db/repositories/CurriculumRepository.js";
import { MemberAdjustmentKind } from "../../src/domain/schedule/memberPlan.js";
import { DEFAULT_COHORT_SETTINGS } from "../../src/domain/schedule/scheduleTypes.js";
import { defaultPlanCacheLimits, PlanService } from "../../src/services/PlanService.js";
import { cohortFixture } from "../helpers/cohortFixture.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/**
 * The roster's catch-up dates (`MemberPlanService.caughtUpPlans`) are kept per
 * cohort: two cohorts with the same settings share one cohort plan, and one
 * cohort's roster must not throw away (and so rebuild) the other's. On SQLite,
 * and on PostgreSQL with TEST_DATABASE=postgresql.
 */
describe("catch-up dates of cohorts sharing a plan", () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(async () => test.close());

  /** A cohort on the seeded curriculum with `members` members (one by default) who caught up on its first item. */
  async function cohortWithCatchUp(name: string, members = 1) {
    const { prisma } = test.app.database;
    const curriculum = await prisma.curriculum.findFirstOrThrow({ where: { slug: "backend-engineer-learning-path" } });
    const item = await prisma.item.findFirstOrThrow({ where: { curriculumId: curriculum.id }, orderBy: { position: "asc" } });
    const settings = { ...DEFAULT_COHORT_SETTINGS, startDate: "2027-03-01" };
    const row = await createCohortRow(prisma, curriculum.id, { guildId: "g", channelId: name, name, startDate: settings.startDate });
    const memberIds: number[] = [];
    for (let index = 0; index < members; index += 1) {
      const member = await prisma.member.create({
        data: { cohortId: row.id, userId: `${name}-member-${index}`, displayName: name, joinedAt: new Date("2027-03-01T00:00:00Z") },
      });
      // Distinct days per member, so no two share a plan.
      await prisma.memberAdjustment.create({
        data: {
          memberId: member.id,
          kind: MemberAdjustmentKind.CatchUp,
          appliedOn: "2027-03-20",
          days: 7 + index,
          itemIds: JSON.stringify([item.id]),
        },
      });
      memberIds.push(member.id);
    }
    return { cohort: cohortFixture({ id: row.id, curriculumId: curriculum.id, name, settings }), memberId: memberIds[0] ?? 0 };
  }

  it("keeps one cohort's built dates while another cohort with the same plan reads its own", async () => {
    const { memberPlans } = test.app.services;
    const plans = new PlanService(new CurriculumRepository(test.app.database.prisma), defaultPlanCacheLimits);
    const first = await cohortWithCatchUp("first");
    const second = await cohortWithCatchUp("second");
    const firstContext = await plans.contextFor(first.cohort);
    const secondContext = await plans.contextFor(second.cohort);
    expect(secondContext.plan).toBe(firstContext.plan);

    const before = (await memberPlans.caughtUpPlans(first.cohort, firstContext)).get(first.memberId)?.dues;
    expect(before?.length).toBeGreaterThan(0);
    expect((await memberPlans.caughtUpPlans(second.cohort, secondContext)).get(second.memberId)?.dues.length).toBeGreaterThan(0);
    // The very same dates object: the first cohort's member plan was not built again.
    expect((await memberPlans.caughtUpPlans(first.cohort, firstContext)).get(first.memberId)?.dues).toBe(before);
  });

  it("gives the event loop back after each member plan it builds, so a big cohort's roster never holds up other servers", async () => {
    const { memberPlans } = test.app.services;
    const plans = new PlanService(new CurriculumRepository(test.app.database.prisma), defaultPlanCacheLimits);
    const members = 30;
    const { cohort } = await cohortWithCatchUp("many", members);
    const context = await plans.contextFor(cohort);
    // Each member plan built reads the cohort's base plan once: counted here, and looked at on every turn of the loop.
    let built = 0;
    const counted = Object.defineProperty({ ...context }, "basePlan", {
      get: () => {
        built += 1;
        return context.basePlan;
      },
    });
    const seenOnTurns = new Set<number>();
    let done = false;
    const finished = () => done;
    const watching = (async () => {
      while (!finished()) {
        seenOnTurns.add(built);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const dues = await memberPlans.caughtUpPlans(cohort, counted);
    done = true;
    await watching;
    expect(dues.size).toBe(members);
    expect(built).toBe(members);
    // The loop came round between every two plans (before, only before the first and after the last).
    for (let count = 1; count < members; count += 1) expect(seenOnTurns).toContain(count);
  });
});
