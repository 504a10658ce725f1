import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CurriculumRepository } from "../../src/db/repositories/CurriculumRepository.js";
import { parseCurriculum } from "../../src/domain/curriculum/parse/parseCurriculum.js";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import { DEFAULT_COHORT_SETTINGS, type CohortSettings } from "../../src/domain/schedule/scheduleTypes.js";
import { defaultPlanCacheLimits, PlanService } from "../../src/services/PlanService.js";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { CohortStatus } from "../../src/domain/cohort/cohortModel.js";
import { UnknownPlanRuleError } from "../../src/domain/schedule/scheduleTypes.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";
import { cohortFixture } from "../helpers/cohortFixture.js";

const seedText = readFileSync(new URL("../../prisma/seed/backend-engineer-learning-path.txt", import.meta.url), "utf8");

function settingsNumber(index: number): CohortSettings {
  const studyDayMask = (index % 127) + 1;
  return {
    ...DEFAULT_COHORT_SETTINGS,
    startDate: `2027-0${1 + (Math.floor(index / 127) % 9)}-0${1 + (index % 9)}`,
    studyDays: [1, 2, 3, 4, 5, 6, 7].filter((day) => (studyDayMask >> (day - 1)) & 1),
    includeOptional: index % 2 === 0,
    announceTime: `0${index % 10}:${String(index % 60).padStart(2, "0")}`,
  };
}

function cohortWith(curriculumId: number, settings: CohortSettings, id = 1): Cohort {
  return cohortFixture({ id, curriculumId, settings });
}

describe("PlanService", () => {
  let test: TestApp;
  let repository: CurriculumRepository;
  let curriculumId: number;
  let now = 0;

  beforeAll(async () => {
    test = await startTestApp();
    repository = new CurriculumRepository(test.app.database.prisma);
    const summary = (await repository.listVisible(null)).find((entry) => entry.slug === "backend-engineer-learning-path");
    if (summary === undefined) throw new Error("seed missing");
    curriculumId = summary.id;
  });

  afterAll(async () => {
    await test.close();
  });

  it("rebuilds nothing while the curriculum's version is unchanged, however long it runs", async () => {
    const plans = new PlanService(repository, defaultPlanCacheLimits, () => now);
    const settings = settingsNumber(3);
    const first = await plans.contextForSettings(curriculumId, settings);
    const posts = await plans.postsFor(cohortWith(curriculumId, settings));
    now += 10 * defaultPlanCacheLimits.versionCheckMs;
    expect((await plans.contextForSettings(curriculumId, settings)).plan).toBe(first.plan);
    expect(await plans.postsFor(cohortWith(curriculumId, settings))).toBe(posts);
  });

  it("re-plans at once when a break week changes, and moves every later post one week", async () => {
    const plans = new PlanService(repository, defaultPlanCacheLimits, () => now);
    const settings = { ...DEFAULT_COHORT_SETTINGS, startDate: "2027-03-01" };
    const plain = cohortWith(curriculumId, settings);
    const broken = { ...plain, breakWeeks: [3] };
    const before = await plans.contextFor(plain);
    const after = await plans.contextFor(broken);
    expect(after.plan).not.toBe(before.plan);
    expect(after.basePlan.totalWeeks).toBe(before.plan.totalWeeks);
    expect(after.breakWeeks).toEqual([3]);
    expect(after.plan.totalWeeks).toBe(before.plan.totalWeeks + 1);
    expect(after.plan.weeks[2]?.days).toEqual([]);
    const dueOf = (posts: readonly { period: string; dueAt: Date }[], period: string) =>
      posts.find((post) => post.period === period)?.dueAt.getTime() ?? 0;
    const postsBefore = await plans.postsFor(plain);
    const postsAfter = await plans.postsFor(broken);
    const week = 7 * 24 * 3_600_000;
    expect(dueOf(postsAfter, "week-2")).toBe(dueOf(postsBefore, "week-2"));
    expect(dueOf(postsAfter, "week-4")).toBe(dueOf(postsBefore, "week-3") + week);
    expect(dueOf(postsAfter, "closing")).toBe(dueOf(postsBefore, "closing") + week);
    // Undone: the cached plan without breaks again.
    expect((await plans.contextFor(plain)).plan).toBe(before.plan);
  });

  it("keeps the plans of each rule apart: two cohorts differing only in their rule get their own days", async () => {
    const plans = new PlanService(repository, defaultPlanCacheLimits, () => now);
    const settings = { ...DEFAULT_COHORT_SETTINGS, startDate: "2027-03-01" };
    const ruleOne = await plans.contextFor(cohortWith(curriculumId, { ...settings, planRule: 1 }, 1));
    const ruleTwo = await plans.contextFor(cohortWith(curriculumId, { ...settings, planRule: 2 }, 2));
    expect([...ruleTwo.basePlan.assignedDateByItemId]).not.toEqual([...ruleOne.basePlan.assignedDateByItemId]);
    // Asked again in the other order, each still gets its own.
    expect((await plans.contextFor(cohortWith(curriculumId, { ...settings, planRule: 1 }, 3))).plan).toBe(ruleOne.plan);
  });

  it("refuses only the plan of a cohort whose stored rule this version does not know; the guild's other cohorts still list and plan", async () => {
    const prisma = test.app.database.prisma;
    const guildId = "plan-rule-unknown";
    const known = await createCohortRow(prisma, curriculumId, { guildId, name: "Known", status: CohortStatus.Active, planRule: 2 });
    // A rule written by a newer version, read after a rollback.
    const unknown = await createCohortRow(prisma, curriculumId, { guildId, name: "Newer", status: CohortStatus.Active, planRule: 3 });
    const cohorts = new CohortRepository(prisma, test.app.database.target.provider);
    const listed = await cohorts.listInGuild(guildId);
    expect(listed.map((cohort) => [cohort.id, cohort.settings.planRule])).toEqual([
      [known.id, 2],
      [unknown.id, 3],
    ]);
    expect((await cohorts.listSchedulable([guildId])).map((cohort) => cohort.id)).toEqual([known.id, unknown.id]);
    const plans = new PlanService(repository, defaultPlanCacheLimits, () => now);
    const [knownCohort, unknownCohort] = listed;
    if (knownCohort === undefined || unknownCohort === undefined) throw new Error("cohorts missing");
    await expect(plans.contextFor(unknownCohort)).rejects.toBeInstanceOf(UnknownPlanRuleError);
    expect((await plans.contextFor(knownCohort)).plan.totalWeeks).toBeGreaterThan(0);
  });

  it("sees a re-import by another process at the next version check, and only then", async () => {
    const plans = new PlanService(repository, defaultPlanCacheLimits, () => now);
    const settings = settingsNumber(0);
    const before = await plans.contextForSettings(curriculumId, settings);
    const firstItem = before.curriculum.sections[0]?.items[0];
    expect(firstItem?.minutes).toBe(20);

    // Another process (its own repository, no invalidate() here) imports a changed document.
    const changed = parseCurriculum(seedText.replace("Database Selection Guide (20 min)", "Database Selection Guide (95 min)"));
    if (!changed.ok) throw new Error("changed seed does not parse");
    await new CurriculumRepository(test.app.database.prisma).applyImport(changed.curriculum, "changed-by-another-process", "");

    now += defaultPlanCacheLimits.versionCheckMs / 2;
    expect((await plans.contextForSettings(curriculumId, settings)).plan).toBe(before.plan);
    now += defaultPlanCacheLimits.versionCheckMs;
    const after = await plans.contextForSettings(curriculumId, settings);
    expect(after.plan).not.toBe(before.plan);
    expect(after.curriculum.sections[0]?.items[0]?.minutes).toBe(95);
    const courseMinutes = (plan: typeof before.plan) => plan.weeks.reduce((sum, week) => sum + week.totalMinutes, 0);
    expect(courseMinutes(after.plan)).toBe(courseMinutes(before.plan) + 75);
  });

  it("keeps the plans and post schedules of 2,000 cohorts with distinct settings: a second pass rebuilds none", async () => {
    const plans = new PlanService(repository, defaultPlanCacheLimits, () => now);
    const cohorts = Array.from({ length: 2_000 }, (_, index) => cohortWith(curriculumId, settingsNumber(index), index + 1));
    expect(new Set(cohorts.map((cohort) => JSON.stringify(cohort.settings))).size).toBe(2_000);
    const firstPlans = [];
    const firstPosts = [];
    for (const cohort of cohorts) {
      firstPlans.push((await plans.contextFor(cohort)).plan);
      firstPosts.push(await plans.postsFor(cohort));
    }
    now += 3 * defaultPlanCacheLimits.versionCheckMs;
    for (const [index, cohort] of cohorts.entries()) {
      expect((await plans.contextFor(cohort)).plan).toBe(firstPlans[index]);
      expect(await plans.postsFor(cohort)).toBe(firstPosts[index]);
    }
  });
});
