import { describe, expect, it } from "vitest";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
import { addDays } from "../../src/domain/schedule/localTime.js";
import {
  buildMemberPlan,
  MemberAdjustmentKind,
  type MemberAdjustment,
  type MemberPlanInput,
} from "../../src/domain/schedule/memberPlan.js";
import { recordMemberPlan, replayMemberPlan } from "../../src/domain/schedule/recordedMemberPlan.js";
import { masteryPath, randomInt, seededRandom, settings, twelveWeekCurriculum } from "../helpers/planFixtures.js";

const curriculum = twelveWeekCurriculum();

/** Random member inputs: late joins, catch-ups of random backlogs, extensions, resets, cohort and personal breaks. */
function randomInputs(count: number): MemberPlanInput[] {
  const random = seededRandom(11);
  const inputs: MemberPlanInput[] = [];
  for (let round = 0; round < count; round += 1) {
    const studyDays = [...new Set(Array.from({ length: randomInt(random, 1, 6) }, () => randomInt(random, 1, 7)))];
    const basePlan = buildCohortPlan(curriculum, settings({ studyDays, includeOptional: round % 2 === 0 }));
    const itemIds = [...basePlan.assignedDateByItemId.keys()];
    const adjustments = Array.from({ length: randomInt(random, 0, 4) }, (): MemberAdjustment => {
      const kind = randomInt(random, 0, 5);
      if (kind === 0) return { kind: MemberAdjustmentKind.Reset };
      if (kind === 1) return { kind: MemberAdjustmentKind.Extend };
      return {
        kind: MemberAdjustmentKind.CatchUp,
        appliedOn: addDays("2027-03-01", randomInt(random, 0, 90)),
        days: randomInt(random, 2, 20),
        itemIds: itemIds.filter(() => random() < 0.4),
      };
    });
    const personalBreaks = Array.from({ length: randomInt(random, 0, 3) }, () => {
      const from = addDays("2027-03-01", randomInt(random, 0, 90));
      return { from, to: addDays(from, randomInt(random, 0, 28)) };
    });
    const breakWeeks = Array.from({ length: randomInt(random, 0, 3) }, () => randomInt(random, 1, 14));
    inputs.push({ basePlan, breakWeeks, joinedOn: addDays("2027-03-01", randomInt(random, -5, 60)), adjustments, personalBreaks });
  }
  return inputs;
}

describe("a member plan assembled from its record", () => {
  it("is the plan buildMemberPlan gives, its items the cohort plan's own, after a trip between threads (a structured clone)", () => {
    const sourcesSeen = new Set<string>();
    let preJoinSeen = false;
    for (const input of randomInputs(60)) {
      const built = buildMemberPlan(input);
      const replayed = replayMemberPlan(input, structuredClone(recordMemberPlan(built, input.basePlan)));
      expect(replayed).toEqual(built);
      const planItems = new Set<object>([...input.basePlan.dayByDate.values()].flatMap((day) => day.items));
      expect(replayed.items.every((entry) => planItems.has(entry.item))).toBe(true);
      expect(replayed.itemsInDueOrder.map((entry) => entry.item.id)).toEqual(built.itemsInDueOrder.map((entry) => entry.item.id));
      for (const entry of replayed.items) sourcesSeen.add(entry.source);
      preJoinSeen ||= replayed.items.some((entry) => entry.preJoin);
    }
    // The inputs tried reach every kind of due date.
    expect([...sourcesSeen].sort()).toEqual(["catch_up", "cohort", "extended"]);
    expect(preJoinSeen).toBe(true);
  });

  it("keeps Optional items due before include_optional was turned on mid-course out of overdue, as the built plan does", () => {
    const basePlan = buildCohortPlan(curriculum, settings({ includeOptional: true }));
    const input: MemberPlanInput = {
      basePlan,
      breakWeeks: [],
      joinedOn: basePlan.startDate,
      optionalFrom: addDays(basePlan.startDate, 30),
      adjustments: [],
      personalBreaks: [],
    };
    const built = buildMemberPlan(input);
    const replayed = replayMemberPlan(input, structuredClone(recordMemberPlan(built, basePlan)));
    expect(built.items.some((entry) => entry.preJoin && entry.item.kind === "Optional")).toBe(true);
    expect(replayed).toEqual(built);
  });

  it("finds a choose-one slot by any of its tracks, as the built plan does (the on-time bonus of a later track)", () => {
    const basePlan = buildCohortPlan(masteryPath(), settings({ startDate: "2027-03-01", timeZone: "America/New_York" }));
    const input = { basePlan, breakWeeks: [], joinedOn: "2027-03-01", adjustments: [], personalBreaks: [] };
    const built = buildMemberPlan(input);
    const replayed = replayMemberPlan(input, structuredClone(recordMemberPlan(built, basePlan)));
    const trackIds = built.items.find((entry) => entry.item.choice !== undefined)?.item.choice?.map((track) => track.id) ?? [];
    expect(trackIds).toHaveLength(4);
    const dueDates = (plan: typeof built) => trackIds.map((id) => plan.itemById.get(id)?.dueDate ?? null);
    expect(dueDates(built).every((date) => date !== null)).toBe(true);
    expect(dueDates(replayed)).toEqual(dueDates(built));
  });

  it("refuses a record of another cohort plan instead of assembling a wrong plan, also one with as many items", () => {
    const builtOn = buildCohortPlan(curriculum, settings({ includeOptional: true }));
    const input = { breakWeeks: [], joinedOn: "2027-03-01", adjustments: [], personalBreaks: [] };
    const record = recordMemberPlan(buildMemberPlan({ ...input, basePlan: builtOn }), builtOn);
    const others = [
      buildCohortPlan(curriculum, settings({ includeOptional: false })),
      buildCohortPlan(curriculum, settings({ includeOptional: true, startDate: "2027-03-08" })),
      buildCohortPlan(curriculum, settings({ includeOptional: true, studyDays: [1, 3, 5] })),
    ];
    // The last two have the same items as the plan the record was built on, on other days.
    expect(others.slice(1).map((plan) => plan.assignedDateByItemId.size)).toEqual([1, 2].map(() => builtOn.assignedDateByItemId.size));
    for (const other of others) expect(() => replayMemberPlan({ ...input, basePlan: other }, record)).toThrow(/another cohort plan/);
    // Same start, study days, weeks and items, one item on another day: only the hash of the items' days
    // tells the plans apart.
    const dates = [...builtOn.assignedDateByItemId];
    const [firstId = 0] = dates[0] ?? [];
    const [, lastDate = ""] = dates.at(-1) ?? [];
    const moved = { ...builtOn, assignedDateByItemId: new Map(dates.map(([id, date]) => [id, id === firstId ? lastDate : date])) };
    expect(moved.assignedDateByItemId.get(firstId)).not.toBe(builtOn.assignedDateByItemId.get(firstId));
    expect(() => replayMemberPlan({ ...input, basePlan: moved }, record)).toThrow(/another cohort plan/);
    // The same plan built again (as the worker does) is accepted.
    const again = buildCohortPlan(curriculum, settings({ includeOptional: true }));
    expect(replayMemberPlan({ ...input, basePlan: again }, record).items.map((entry) => entry.dueDate)).toEqual(
      buildMemberPlan({ ...input, basePlan: again }).items.map((entry) => entry.dueDate),
    );
  });
});
