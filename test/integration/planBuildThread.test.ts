import { threadId, type Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maximalCurriculum } from "../../bench/maximalCurriculum.js";
import { CurriculumRepository } from "../../src/db/repositories/CurriculumRepository.js";
import { addDays } from "../../src/domain/schedule/localTime.js";
import { buildMemberPlan, MemberAdjustmentKind, type MemberPlanInput } from "../../src/domain/schedule/memberPlan.js";
import { plannedPosts } from "../../src/domain/schedule/plannedPosts.js";
import { DEFAULT_COHORT_SETTINGS, type CohortSettings, type PlanRule } from "../../src/domain/schedule/scheduleTypes.js";
import {
  buildPlanInline,
  defaultPlanCacheLimits,
  PlanService,
  toPlanCurriculum,
  type PlanBuildInput,
} from "../../src/services/PlanService.js";
import { MemberPlanMemo } from "../../src/services/MemberPlanMemo.js";
import { PlanBuildFailedError, PlanBuildThread } from "../../src/workers/PlanBuildThread.js";
import { workerBackOff } from "../../src/workers/SupervisedWorker.js";
import { cohortFixture } from "../helpers/cohortFixture.js";
import { twelveWeekCurriculum } from "../helpers/planFixtures.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";
import { brokenWorker, crashingWorker, watchedSpawn } from "../helpers/watchedSpawn.js";

const settings = (startDate: string, overrides: Partial<CohortSettings> = {}): CohortSettings => ({
  ...DEFAULT_COHORT_SETTINGS,
  startDate,
  ...overrides,
});

/** A plan thread whose workers the test can see. */
function watchedThread(options: { timeoutMs?: number; minWork?: number } = {}): { thread: PlanBuildThread; workers: Worker[] } {
  const workers: Worker[] = [];
  return { thread: new PlanBuildThread({ logger: captureLogger().logger, spawn: watchedSpawn(workers), ...options }), workers };
}

describe("plans of the maximal curriculum built on the plan worker", () => {
  let test: TestApp;
  let repository: CurriculumRepository;
  let curriculumId: number;
  let input: (startDate: string, breakWeeks?: readonly number[], overrides?: Partial<CohortSettings>) => PlanBuildInput;

  beforeAll(async () => {
    test = await startTestApp();
    repository = new CurriculumRepository(test.app.database.prisma);
    const generated = maximalCurriculum();
    await repository.applyImport(generated.curriculum, "maximal-v1", "300000000000000001");
    const summary = (await repository.listVisible("300000000000000001")).find((entry) => entry.slug === generated.curriculum.slug);
    if (summary === undefined) throw new Error("maximal curriculum missing");
    curriculumId = summary.id;
    const stored = await repository.load(curriculumId);
    if (stored === null) throw new Error("maximal curriculum missing");
    const curriculum = toPlanCurriculum(stored);
    input = (startDate, breakWeeks = [], overrides = {}) => ({
      curriculumKey: `${curriculumId}|v1`,
      curriculum,
      settings: settings(startDate, overrides),
      breakWeeks,
    });
  }, 180_000);

  afterAll(async () => {
    await test.close();
  });

  it("equals the plan built inline, with and without breaks, balanced on another thread", async () => {
    const { thread } = watchedThread();
    try {
      for (const [startDate, breaks, overrides] of [
        ["2027-03-01", [], {}],
        ["2027-03-03", [3, 100, 400], { studyDays: [1, 3, 6, 7], includeOptional: true }],
      ] as const) {
        const built = await thread.build(input(startDate, breaks, overrides));
        expect(built).toEqual(buildPlanInline(input(startDate, breaks, overrides)));
      }
      expect(thread.workerTasks).toBe(2);
      expect([...thread.builtOnThreads]).toHaveLength(1);
      expect(thread.builtOnThreads.has(threadId)).toBe(false);
    } finally {
      await thread.close();
    }
  }, 120_000);

  it("gives the event loop back while it builds: a callback queued after the call runs before the plan arrives", async () => {
    const { thread } = watchedThread();
    try {
      const order: string[] = [];
      const building = thread.build(input("2027-03-08")).then(() => order.push("plan built"));
      setImmediate(() => order.push("other work"));
      await building;
      expect(order).toEqual(["other work", "plan built"]);
    } finally {
      await thread.close();
    }
  }, 120_000);

  it("works out the post schedule on the worker too, with and without breaks, the same as from the plan inline, while the loop turns", async () => {
    const { thread } = watchedThread();
    try {
      for (const [timeZone, breakWeeks] of [
        ["UTC", []],
        ["America/New_York", []],
        ["America/New_York", [3, 100, 400]],
      ] as const) {
        const postsInput = input("2027-03-01", breakWeeks, { timeZone });
        const order: string[] = [];
        const scheduling = thread.posts(postsInput).then((posts) => {
          order.push("posts worked out");
          return posts;
        });
        setImmediate(() => order.push("other work"));
        const posts = await scheduling;
        expect(order).toEqual(["other work", "posts worked out"]);
        const { calendar } = buildPlanInline(postsInput);
        expect(posts).toEqual(plannedPosts(calendar.plan, calendar.curriculum, postsInput.settings));
        expect(posts.length).toBeGreaterThan(520 + breakWeeks.length);
      }
      expect(thread.workerTasks).toBe(3);
      expect(thread.builtOnThreads.has(threadId)).toBe(false);
    } finally {
      await thread.close();
    }
  }, 120_000);

  it("builds member plans on the worker, the same as inline, while the loop turns, for the plan it balanced or one it never saw", async () => {
    const { thread, workers } = watchedThread();
    try {
      const planInput = input("2027-03-01", [3, 100], { timeZone: "America/New_York", includeOptional: true });
      const { basePlan } = await thread.build(planInput);
      const itemIds = [...basePlan.assignedDateByItemId.keys()];
      const members: Omit<MemberPlanInput, "basePlan">[] = [
        { breakWeeks: [3, 100], joinedOn: "2027-03-01", adjustments: [], personalBreaks: [] },
        {
          breakWeeks: [3, 100],
          joinedOn: "2031-06-02",
          adjustments: [
            { kind: MemberAdjustmentKind.CatchUp, appliedOn: "2031-06-02", days: 20, itemIds: itemIds.slice(0, 4_000) },
            { kind: MemberAdjustmentKind.Extend },
            { kind: MemberAdjustmentKind.Extend },
          ],
          personalBreaks: [{ from: "2031-06-10", to: "2031-07-01" }],
        },
      ];
      for (const member of members) {
        const memberInput = { ...member, basePlan };
        const order: string[] = [];
        const building = thread.memberPlan({ ...planInput, member: memberInput }).then((plan) => {
          order.push("member plan built");
          return plan;
        });
        setImmediate(() => order.push("other work"));
        const plan = await building;
        expect(order).toEqual(["other work", "member plan built"]);
        expect(plan).toEqual(buildMemberPlan(memberInput));
      }
      expect(thread.workerTasks).toBe(3);
      // A fresh worker has no plan kept: it builds the cohort plan again, and the member plan is still the same.
      await thread.close();
      const fresh = watchedThread();
      try {
        const memberInput = { ...members[1], basePlan } as MemberPlanInput;
        expect(await fresh.thread.memberPlan({ ...planInput, member: memberInput })).toEqual(buildMemberPlan(memberInput));
        expect(fresh.thread.builtOnThreads.has(threadId)).toBe(false);
      } finally {
        await fresh.thread.close();
      }
      expect(thread.builtOnThreads.has(threadId)).toBe(false);
      expect(workers).toHaveLength(1);
    } finally {
      await thread.close();
    }
  }, 120_000);

  it("builds the member plans of small cohorts inline, and a member's plan once for concurrent asks", async () => {
    const small = watchedThread({ minWork: Number.POSITIVE_INFINITY });
    const plans = new PlanService(repository, defaultPlanCacheLimits, () => 0, small.thread);
    const memo = new MemberPlanMemo();
    try {
      const cohort = cohortFixture({ id: 1, curriculumId, settings: settings("2027-04-05") });
      const context = await plans.contextFor(cohort);
      const member = { basePlan: context.basePlan, breakWeeks: [], joinedOn: "2027-05-03", adjustments: [], personalBreaks: [] };
      const build = (memberInput: MemberPlanInput) => plans.memberPlan(context, memberInput);
      const [first, second] = await Promise.all([memo.planOf(member, build), memo.planOf({ ...member }, build)]);
      expect(second).toBe(first);
      expect(first).toEqual(buildMemberPlan(member));
      expect(small.workers).toHaveLength(0);
    } finally {
      await small.thread.close();
    }
  }, 120_000);

  it("builds small plans inline, starting no worker", async () => {
    const { thread, workers } = watchedThread({ minWork: Number.POSITIVE_INFINITY });
    const order: string[] = [];
    const building = thread.build(input("2027-03-08")).then(() => order.push("plan built"));
    setImmediate(() => order.push("other work"));
    await building;
    // Inline: built before the loop came round.
    expect(order).toEqual(["plan built"]);
    expect(workers).toHaveLength(0);
    await thread.close();
  }, 120_000);

  it("shares one build among concurrent requests for the same plan", async () => {
    const { thread } = watchedThread();
    const plans = new PlanService(repository, defaultPlanCacheLimits, () => 0, thread);
    try {
      const cohort = cohortFixture({ id: 1, curriculumId, settings: settings("2027-04-05"), breakWeeks: [10] });
      const [first, second, third] = await Promise.all([plans.contextFor(cohort), plans.contextFor(cohort), plans.contextFor(cohort)]);
      expect(thread.workerTasks).toBe(1);
      expect(second.plan).toBe(first.plan);
      expect(third.basePlan).toBe(first.basePlan);
      // Later reads come from the cache; another start date is another plan.
      expect((await plans.contextFor(cohort)).plan).toBe(first.plan);
      await plans.contextFor({ ...cohort, settings: settings("2027-04-12") });
      expect(thread.workerTasks).toBe(2);
      // The post schedule of an unbroken calendar: one worker task for concurrent asks too.
      const unbroken = { ...cohort, breakWeeks: [] };
      const [posts, same] = await Promise.all([plans.postsFor(unbroken), plans.postsFor(unbroken)]);
      expect(same).toBe(posts);
      expect(thread.workerTasks).toBe(3);
      // With breaks too, and without balancing a plan for it (another start date, not built before).
      const broken = { ...cohort, settings: settings("2027-05-03") };
      const [brokenPosts, sameBroken] = await Promise.all([plans.postsFor(broken), plans.postsFor(broken)]);
      expect(sameBroken).toBe(brokenPosts);
      // The break week lengthens the course by one: the closing comes 521 weeks after the start.
      expect(brokenPosts.at(-1)).toMatchObject({ period: "closing", localDate: addDays("2027-05-03", 7 * 521) });
      expect(thread.workerTasks).toBe(4);
    } finally {
      await thread.close();
    }
  }, 120_000);

  it("rejects a build that takes too long instead of leaving its callers waiting, and tries again on a fresh worker", async () => {
    const { thread, workers } = watchedThread({ timeoutMs: 1 });
    try {
      await expect(thread.build(input("2027-03-15"))).rejects.toBeInstanceOf(PlanBuildFailedError);
      await expect(thread.build(input("2027-03-22"))).rejects.toBeInstanceOf(PlanBuildFailedError);
      expect(workers).toHaveLength(2);
    } finally {
      await thread.close();
    }
  }, 120_000);

  it("rejects the build a loaded worker crashed on, and builds the next plan on a fresh worker at once", async () => {
    const workers: Worker[] = [];
    const thread = new PlanBuildThread({
      logger: captureLogger().logger,
      spawn: watchedSpawn(workers, crashingWorker),
      monotonicNow: () => 0,
    });
    try {
      await expect(thread.build(input("2027-03-01"))).rejects.toThrow(new PlanBuildFailedError("the plan worker stopped"));
      // No time has passed: a request the worker could not survive does not hold up the next one.
      expect(await thread.build(input("2027-03-01"))).toEqual(buildPlanInline(input("2027-03-01")));
      expect(workers).toHaveLength(2);
      expect(thread.builtOnThreads.has(workers[1]?.threadId ?? -1)).toBe(true);
    } finally {
      await thread.close();
    }
  }, 120_000);

  it("builds plans inline, without an error each, once a worker could not load and while it is backed off, then on a fresh worker", async () => {
    const workers: Worker[] = [];
    const captured = captureLogger();
    let now = 0;
    const thread = new PlanBuildThread({ logger: captured.logger, spawn: watchedSpawn(workers, brokenWorker), monotonicNow: () => now });
    try {
      // The build that found the program broken is built inline too.
      expect(await thread.build(input("2027-03-01"))).toEqual(buildPlanInline(input("2027-03-01")));
      const planInput = input("2027-03-08", [3]);
      const built = await thread.build(planInput);
      expect(built).toEqual(buildPlanInline(planInput));
      const member = { basePlan: built.basePlan, breakWeeks: [3], joinedOn: "2027-05-03", adjustments: [], personalBreaks: [] };
      expect(await thread.memberPlan({ ...planInput, member })).toEqual(buildMemberPlan(member));
      expect(await thread.posts(planInput)).toEqual(plannedPosts(built.calendar.plan, built.calendar.curriculum, planInput.settings));
      // Built here, with one error logged for the worker that failed and none for the plans.
      expect(workers).toHaveLength(1);
      expect(thread.workerTasks).toBe(1);
      expect(captured.lines().filter((line) => Number(line.level) >= 50)).toHaveLength(1);
      now += workerBackOff.firstMs;
      expect(await thread.build(input("2027-03-15"))).toEqual(buildPlanInline(input("2027-03-15")));
      expect(workers).toHaveLength(2);
      expect(thread.workerTasks).toBe(2);
    } finally {
      await thread.close();
    }
  }, 120_000);

  it("on close() rejects the builds in flight, ends the worker, and builds later plans inline without starting one", async () => {
    const { thread, workers } = watchedThread();
    const closedError = new PlanBuildFailedError("the plan worker was closed");
    // Both are waiting on the worker when it closes.
    const building = expect(thread.build(input("2027-03-01"))).rejects.toThrow(closedError);
    const scheduling = expect(thread.posts(input("2027-03-01"))).rejects.toThrow(closedError);
    await thread.close();
    await building;
    await scheduling;
    expect(workers.map((worker) => worker.threadId)).toEqual([-1]);
    expect(await thread.build(input("2027-03-08"))).toEqual(buildPlanInline(input("2027-03-08")));
    expect(workers).toHaveLength(1);
  }, 120_000);

  it("keeps plans of each plan rule apart: a member plan of a rule-2 cohort is built on its own rule's plan", async () => {
    const { thread } = watchedThread({ minWork: 0 });
    try {
      const curriculum = twelveWeekCurriculum();
      const ruleInput = (planRule: PlanRule): PlanBuildInput => ({
        curriculumKey: "twelve|1",
        curriculum,
        settings: settings("2027-03-03", { planRule }),
        breakWeeks: [],
      });
      const [ruleOne, ruleTwo] = [ruleInput(1), ruleInput(2)];
      const first = await thread.build(ruleOne);
      expect(first.basePlan).toEqual(buildPlanInline(ruleOne).basePlan);
      const inlineTwo = buildPlanInline(ruleTwo).basePlan;
      expect(inlineTwo.assignedDateByItemId).not.toEqual(first.basePlan.assignedDateByItemId);
      // The worker kept rule 1's plan; the member plan of the rule-2 cohort comes from rule 2's.
      const member: MemberPlanInput = { basePlan: inlineTwo, breakWeeks: [], joinedOn: "2027-03-03", adjustments: [], personalBreaks: [] };
      expect(await thread.memberPlan({ ...ruleTwo, member })).toEqual(buildMemberPlan(member));
      expect((await thread.build(ruleTwo)).basePlan).toEqual(inlineTwo);
    } finally {
      await thread.close();
    }
  }, 120_000);

  it("rejects what the worker cannot build, with the reason, and builds the next plan", async () => {
    const { thread } = watchedThread({ minWork: 0 });
    try {
      const broken = { ...input("2027-03-01"), curriculumKey: "broken", curriculum: { totalWeeks: 0, sections: [] } };
      await expect(thread.build(broken)).rejects.toThrow(/at least one whole week/);
      expect((await thread.build(input("2027-03-01"))).basePlan.totalWeeks).toBe(520);
    } finally {
      await thread.close();
    }
  }, 120_000);
});

describe("the app's plan worker", () => {
  it("starts with the first big build and ends when the app closes", async () => {
    const workers: Worker[] = [];
    // Every plan counts as big here, so the seed curriculum's goes to the worker.
    const test = await startTestApp({ planBuilds: { minWork: 0, spawn: watchedSpawn(workers) } });
    try {
      const repository = new CurriculumRepository(test.app.database.prisma);
      const seed = (await repository.listVisible(null)).find((entry) => entry.slug === "backend-engineer-learning-path");
      if (seed === undefined) throw new Error("seed missing");
      expect(workers).toHaveLength(0);
      const course = await test.app.services.posts.plannedCourse(cohortFixture({ id: 1, curriculumId: seed.id }));
      expect(course.plan.totalWeeks).toBe(12);
      expect(workers).toHaveLength(1);
      expect(workers[0]?.threadId).toBeGreaterThan(0);
    } finally {
      await test.close();
    }
    expect(workers[0]?.threadId).toBe(-1);
  }, 120_000);
});
