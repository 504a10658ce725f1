/** The 36-week path's "choose one" language tracks: one slot of the phase, done by any one track. */
import { describe, expect, it } from "vitest";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
import { curriculumTotals } from "../../src/domain/schedule/curriculumTotals.js";
import { buildMemberPlan, DueSource, MemberAdjustmentKind } from "../../src/domain/schedule/memberPlan.js";
import { memberPlanWeek } from "../../src/domain/schedule/memberPlanWeek.js";
import { catchUpBacklog, memberDayStatus, memberPace, rosterStanding } from "../../src/domain/schedule/memberStatus.js";
import { DEFAULT_COHORT_SETTINGS, type PlanCurriculum } from "../../src/domain/schedule/scheduleTypes.js";
import { masteryPath } from "../helpers/planFixtures.js";

const settings = { ...DEFAULT_COHORT_SETTINGS, startDate: "2027-03-01", timeZone: "America/New_York" };
const phase2Weeks = [5, 6, 7, 8, 9, 10, 11, 12];
const tracks = ["Python Path", "Node.js Path", "Java Path", "Go Path"];

describe("the mastery path's 'choose one' tracks", () => {
  for (const includeOptional of [false, true]) {
    it(`are one Required slot of Phase 2 listing the four tracks (include_optional ${includeOptional})`, () => {
      const curriculum = masteryPath();
      const plan = buildCohortPlan(curriculum, { ...settings, includeOptional });
      const phase2 = phase2Weeks.flatMap((n) => plan.weeks[n - 1]?.days.flatMap((day) => day.items) ?? []);
      const slots = phase2.filter((item) => item.choice !== undefined);
      expect(slots).toHaveLength(1);
      expect(slots[0]?.kind).toBe("Required");
      expect(slots[0]?.choice?.map((track) => track.track)).toEqual(tracks);
      // No track is assigned on its own: a member is not asked to learn four languages.
      expect(phase2.filter((item) => item.choice === undefined && item.title.includes("Path"))).toEqual([]);
      // Whichever track a member completes, it is due on the slot's day (the on-time bonus reads this).
      const trackIds = slots[0]?.choice?.map((track) => track.id) ?? [];
      expect(trackIds.map((id) => plan.assignedDateByItemId.get(id))).toEqual(trackIds.map(() => slots[0]?.assignedDate));
    });
  }

  it("completing any one track completes the slot in /today, /pace and the roster, and counts it once", () => {
    const curriculum = masteryPath();
    const basePlan = buildCohortPlan(curriculum, settings);
    const plan = buildMemberPlan({ basePlan, breakWeeks: [], joinedOn: "2027-03-01", adjustments: [], personalBreaks: [] });
    const slot = plan.items.find((entry) => entry.item.choice !== undefined);
    if (slot === undefined) throw new Error("no choice slot in the member's plan");
    const goId = slot.item.choice?.find((track) => track.track === "Go Path")?.id ?? -1;
    const everythingButTracks = new Set(plan.items.filter((entry) => entry.item.choice === undefined).map((entry) => entry.item.id));
    const withGo = new Set([...everythingButTracks, goId]);

    const onSlotDay = memberDayStatus(plan, withGo, slot.dueDate).dueToday.find((entry) => entry.item.id === slot.item.id);
    expect(onSlotDay?.done).toBe(true);
    const later = addDaysIso(slot.dueDate, 1);
    expect(memberDayStatus(plan, withGo, later).overdue.map((entry) => entry.item.id)).not.toContain(slot.item.id);
    expect(memberDayStatus(plan, everythingButTracks, later).overdue.map((entry) => entry.item.id)).toContain(slot.item.id);
    expect(memberPace(plan, withGo, later).behind.items).toBe(0);
    expect(rosterStanding(plan, withGo, "2027-12-31").finished).toBe(true);
    expect(rosterStanding(plan, everythingButTracks, "2027-12-31").finished).toBe(false);
  });
});

describe("a stored catch-up across a re-import that reorders a choice's tracks", () => {
  /** Week 1 holds one item and the choice; its tracks keep their ids (an item's identity is its title) in either order. */
  const withTracks = (goFirst: boolean): PlanCurriculum => {
    const python = { id: 2, title: "Python Path: basics", track: "Python Path" };
    const go = { id: 3, title: "Go Path: basics", track: "Go Path" };
    const items = [
      { id: 1, title: "Intro", kind: "Required" as const, group: null, track: null },
      ...(goFirst ? [go, python] : [python, go]).map((track) => ({ ...track, kind: "Optional" as const, group: "Choose one path" })),
      { id: 4, title: "Wrap-up", kind: "Required" as const, group: null, track: null },
    ].map((item, position) => ({ ...item, key: `s1/${item.id}`, minutes: 30, sectionKey: "s1", position }));
    return { totalWeeks: 2, sections: [{ key: "s1", title: "Phase", weekStart: 1, weekEnd: 2, checkpoint: null, position: 0, items }] };
  };
  const planOf = (curriculum: PlanCurriculum, slotId: number) => {
    const basePlan = buildCohortPlan(curriculum, settings);
    // The catch-up was made before the re-import: it stored the slot's id of then (its first track's).
    const catchUp = { kind: MemberAdjustmentKind.CatchUp, appliedOn: "2027-03-10", days: 3, itemIds: [slotId] } as const;
    const plan = buildMemberPlan({ basePlan, breakWeeks: [], joinedOn: "2027-03-01", adjustments: [catchUp], personalBreaks: [] });
    const slot = plan.items.find((entry) => entry.item.choice !== undefined);
    if (slot === undefined) throw new Error("no choice slot");
    return slot;
  };

  it("keeps the slot re-planned by the catch-up when another track now comes first", () => {
    const before = planOf(withTracks(false), 2);
    expect(before.source).toBe(DueSource.CatchUp);
    const after = planOf(withTracks(true), 2);
    expect(after.item.id).toBe(3);
    expect([after.source, after.dueDate]).toEqual([DueSource.CatchUp, before.dueDate]);
  });
});

describe("a stored catch-up across a re-import that removes a choice's first track", () => {
  const python = { id: 2, title: "Python Path: basics", track: "Python Path" };
  const go = { id: 3, title: "Go Path: basics", track: "Go Path" };
  /** Week 1 holds one item and the choice; a re-import may drop the Python track (its row goes, the others keep their ids). */
  const withTracks = (choice: readonly (typeof python)[]): PlanCurriculum => {
    const items = [
      { id: 1, title: "Intro", kind: "Required" as const, group: null, track: null },
      ...choice.map((track) => ({ ...track, kind: "Optional" as const, group: "Choose one path" })),
      { id: 4, title: "Wrap-up", kind: "Required" as const, group: null, track: null },
    ].map((item, position) => ({ ...item, key: `s1/${item.id}`, minutes: 30, sectionKey: "s1", position }));
    return { totalWeeks: 2, sections: [{ key: "s1", title: "Phase", weekStart: 1, weekEnd: 2, checkpoint: null, position: 0, items }] };
  };
  const planOf = (curriculum: PlanCurriculum, adjustments: Parameters<typeof buildMemberPlan>[0]["adjustments"]) =>
    buildMemberPlan({
      basePlan: buildCohortPlan(curriculum, settings),
      breakWeeks: [],
      joinedOn: "2027-03-01",
      adjustments,
      personalBreaks: [],
    });
  const slotOf = (plan: ReturnType<typeof planOf>) => {
    const slot = plan.items.find((entry) => entry.item.choice !== undefined);
    if (slot === undefined) throw new Error("no choice slot");
    return slot;
  };

  it("keeps the slot re-planned by the catch-up, by the tracks still there", () => {
    // The member catches up on the 10th with nothing done: the slot (then Python's id) is in what /pace stores.
    const itemIds = catchUpBacklog(planOf(withTracks([python, go]), []), new Set(), "2027-03-10");
    const catchUp = { kind: MemberAdjustmentKind.CatchUp, appliedOn: "2027-03-10", days: 3, itemIds } as const;
    const before = slotOf(planOf(withTracks([python, go]), [catchUp]));
    expect(before.source).toBe(DueSource.CatchUp);
    const after = slotOf(planOf(withTracks([go]), [catchUp]));
    expect(after.item.id).toBe(go.id);
    expect([after.source, after.dueDate]).toEqual([DueSource.CatchUp, before.dueDate]);
  });
});

describe("a done choice slot weighs the track the member read (/pace, /week)", () => {
  /** Week 1 holds an intro; week 2 the choice (Python 20 min or none, Go 60 min) and a wrap-up. */
  const planWith = (pythonMinutes: number | null) => {
    const items = [
      { id: 1, title: "Intro", kind: "Required" as const, group: null, track: null, minutes: 30, sectionKey: "s1" },
      {
        id: 2,
        title: "Python Path: basics",
        kind: "Optional" as const,
        group: "Choose one path",
        track: "Python Path",
        minutes: pythonMinutes,
      },
      { id: 3, title: "Go Path: basics", kind: "Optional" as const, group: "Choose one path", track: "Go Path", minutes: 60 },
      { id: 4, title: "Wrap-up", kind: "Required" as const, group: null, track: null, minutes: 10 },
    ].map((item, position) => ({ ...item, key: `s/${item.id}`, sectionKey: position === 0 ? "s1" : "s2", position }));
    const section = (key: string, week: number, position: number) => ({
      key,
      title: key,
      weekStart: week,
      weekEnd: week,
      checkpoint: null,
      position,
    });
    const curriculum: PlanCurriculum = {
      totalWeeks: 2,
      sections: [
        { ...section("s1", 1, 0), items: items.filter((item) => item.sectionKey === "s1") },
        { ...section("s2", 2, 1), items: items.filter((item) => item.sectionKey === "s2") },
      ],
    };
    const basePlan = buildCohortPlan(curriculum, settings);
    return { basePlan, plan: buildMemberPlan({ basePlan, breakWeeks: [], joinedOn: "2027-03-01", adjustments: [], personalBreaks: [] }) };
  };
  const secondWeek = (basePlan: ReturnType<typeof planWith>["basePlan"]) => {
    const week = basePlan.weeks[1];
    if (week === undefined) throw new Error("the fixture has 2 weeks");
    return week;
  };
  // The member read Python in week 1, ahead of the slot's day.
  const done = new Set([1, 2]);
  const slotOfWeek2 = (week: ReturnType<typeof memberPlanWeek>) =>
    week.days.flatMap((day) => day.items).find((item) => item.choice !== undefined);

  it("/pace counts a slot done ahead as the track read, not its longest", () => {
    const { plan } = planWith(20);
    expect(memberPace(plan, done, "2027-03-02").ahead).toEqual({ items: 1, minutes: 20, unestimatedItems: 0 });
    // An open slot is still its longest track.
    expect(memberPace(plan, new Set([1]), "2027-03-30").behind).toEqual({ items: 2, minutes: 70, unestimatedItems: 0 });
  });

  it("/week shows a done slot, its day and the week's total with the track read's minutes", () => {
    const { basePlan, plan } = planWith(20);
    const week = memberPlanWeek(secondWeek(basePlan), plan, done, []);
    expect(slotOfWeek2(week)?.minutes).toBe(20);
    expect(week.totalMinutes).toBe(30);
    expect(memberPlanWeek(secondWeek(basePlan), plan, new Set([1]), []).totalMinutes).toBe(70);
  });

  it("a slot done by a track without an estimate has no estimate (not 0 min)", () => {
    const { basePlan, plan } = planWith(null);
    expect(memberPace(plan, done, "2027-03-02").ahead).toEqual({ items: 1, minutes: 0, unestimatedItems: 1 });
    const week = memberPlanWeek(secondWeek(basePlan), plan, done, []);
    expect(slotOfWeek2(week)?.minutes).toBeNull();
    expect([week.totalMinutes, week.unestimatedItems]).toEqual([10, 1]);
  });
});

describe("a curriculum's totals (/curriculum show, the CLI outline)", () => {
  it("count a choose-one group once among Required, as its longest track, and its tracks not as Optional", () => {
    const item = (id: number, kind: string, minutes: number | null, track: string | null = null) => ({
      id,
      kind,
      minutes,
      sectionKey: "s1",
      group: track === null ? null : "Choose one path",
      track,
    });
    const totals = curriculumTotals([
      item(1, "Required", 30),
      item(2, "Optional", 40, "Python Path"),
      item(3, "Optional", 90, "Go Path"),
      item(4, "Optional", null, "Java Path"),
      item(5, "Optional", 15),
      item(6, "Reference", null),
      item(7, "Required", null),
    ]);
    expect(totals.required).toEqual({ count: 3, minutes: 120, unestimated: 1 });
    expect(totals.optional).toEqual({ count: 1, minutes: 15, unestimated: 0 });
    expect(totals.reference).toEqual({ count: 1, minutes: 0, unestimated: 1 });
    expect(totals.hasChoices).toBe(true);
  });
});

function addDaysIso(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
