import { describe, expect, it } from "vitest";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
import { currentWeekNumber } from "../../src/domain/schedule/currentWeekNumber.js";
import { dayInfo } from "../../src/domain/schedule/dayInfo.js";
import { plannedPosts } from "../../src/domain/schedule/plannedPosts.js";
import type {
  CohortPlan,
  CohortSettings,
  PlanCurriculum,
  PlanItem,
  PlanItemKind,
  PlanSection,
} from "../../src/domain/schedule/scheduleTypes.js";
import { CohortSettingsProblem, validateCohortSettings } from "../../src/domain/schedule/validateCohortSettings.js";

// ---------------------------------------------------------------- builders

let nextItemId = 1;

interface ItemSpec {
  readonly kind?: PlanItemKind;
  readonly minutes: number | null;
}

function section(
  key: string,
  weekStart: number,
  weekEnd: number,
  specs: readonly (ItemSpec | number | null)[],
  options: { checkpoint?: string | null; position?: number } = {},
): PlanSection {
  const items: PlanItem[] = specs.map((spec, index) => {
    const normalized: ItemSpec = typeof spec === "number" || spec === null ? { minutes: spec } : spec;
    const id = nextItemId++;
    return {
      id,
      key: `${key}/item-${index + 1}`,
      title: `${key} item ${index + 1}`,
      kind: normalized.kind ?? "Required",
      minutes: normalized.minutes,
      sectionKey: key,
      position: index,
    };
  });
  return {
    key,
    title: `Section ${key}`,
    weekStart,
    weekEnd,
    checkpoint: options.checkpoint === undefined ? `After ${key} you can do things.` : options.checkpoint,
    position: options.position ?? 0,
    items,
  };
}

function curriculum(totalWeeks: number, sections: readonly PlanSection[]): PlanCurriculum {
  return { totalWeeks, sections: sections.map((entry, index) => ({ ...entry, position: entry.position || index })) };
}

function settings(overrides: Partial<CohortSettings> = {}): CohortSettings {
  return {
    startDate: "2027-03-01", // a Monday
    timeZone: "UTC",
    studyDays: [1, 2, 3, 4, 5],
    includeOptional: false,
    announceDay: 1,
    announceTime: "09:00",
    checkpointTime: "17:00",
    planRule: 2,
    ...overrides,
  };
}

const dayLoads = (plan: CohortPlan): number[] => plan.weeks.flatMap((week) => week.days.map((day) => day.minutes));
const allDays = (plan: CohortPlan) => plan.weeks.flatMap((week) => week.days);
const datesOf = (plan: CohortPlan): string[] => allDays(plan).map((day) => day.date);

/** Index of each item's day inside the section's list of study days. */
function dayIndexes(plan: CohortPlan, items: readonly PlanItem[]): number[] {
  const dates = datesOf(plan);
  return items.map((item) => dates.indexOf(plan.assignedDateByItemId.get(item.id) ?? "missing"));
}

/** Brute force: every way to cut `weights` into `parts` non-empty contiguous runs; the best possible heaviest run. */
function bruteForceMinMax(weights: readonly number[], parts: number): number {
  let best = Number.POSITIVE_INFINITY;
  const walk = (start: number, partsLeft: number, heaviest: number): void => {
    if (partsLeft === 1) {
      const rest = weights.slice(start).reduce((sum, weight) => sum + weight, 0);
      best = Math.min(best, Math.max(heaviest, rest));
      return;
    }
    let run = 0;
    for (let end = start + 1; end <= weights.length - (partsLeft - 1); end += 1) {
      run += weights[end - 1] ?? 0;
      walk(end, partsLeft - 1, Math.max(heaviest, run));
    }
  };
  walk(0, parts, 0);
  return best;
}

/** Small deterministic PRNG (mulberry32) so the property checks are reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Ranges 1-2, 2-3, …, 10-11, 11, 12 like the real backend path. */
function syntheticTwelveWeekCurriculum(): PlanCurriculum {
  const sections: PlanSection[] = [];
  for (let week = 1; week <= 10; week += 1) {
    const specs: ItemSpec[] = [];
    for (let index = 0; index < 12; index += 1) specs.push({ minutes: 20 + ((week * 7 + index * 13) % 50) });
    specs.splice(3, 0, { kind: "Optional", minutes: 45 });
    specs.push({ kind: "Reference", minutes: null });
    sections.push(section(`s${week}`, week, week + 1, specs, { position: week }));
  }
  sections.push(section("s11", 11, 11, [30, 40, 20, 60, 25, 35, { kind: "Reference", minutes: 10 }], { position: 11 }));
  sections.push(section("s12", 12, 12, [45, 30, 30, 50, 20, 40], { position: 12, checkpoint: null }));
  return { totalWeeks: 12, sections };
}

// ---------------------------------------------------------------- weeks and days

describe("buildCohortPlan: weeks and study days", () => {
  it("starts week 1 on the start date and gives each week seven days, studying Monday–Friday", () => {
    const plan = buildCohortPlan(curriculum(2, [section("a", 1, 2, [30, 30, 30])]), settings());
    expect(plan.weeks.map((week) => [week.number, week.startDate, week.endDate])).toEqual([
      [1, "2027-03-01", "2027-03-08"],
      [2, "2027-03-08", "2027-03-15"],
    ]);
    expect(datesOf(plan)).toEqual([
      "2027-03-01",
      "2027-03-02",
      "2027-03-03",
      "2027-03-04",
      "2027-03-05",
      "2027-03-08",
      "2027-03-09",
      "2027-03-10",
      "2027-03-11",
      "2027-03-12",
    ]);
    expect(allDays(plan).every((day) => day.weekday <= 5)).toBe(true);
  });

  it("runs weeks from a Wednesday start but still studies on weekdays", () => {
    const plan = buildCohortPlan(curriculum(2, [section("a", 1, 2, [30])]), settings({ startDate: "2027-03-03" }));
    expect(plan.weeks.map((week) => [week.startDate, week.endDate])).toEqual([
      ["2027-03-03", "2027-03-10"],
      ["2027-03-10", "2027-03-17"],
    ]);
    expect(plan.weeks[0]?.days.map((day) => day.date)).toEqual(["2027-03-03", "2027-03-04", "2027-03-05", "2027-03-08", "2027-03-09"]);
    expect(plan.weeks[1]?.days.map((day) => day.date)).toEqual(["2027-03-10", "2027-03-11", "2027-03-12", "2027-03-15", "2027-03-16"]);
  });

  it("uses custom study days, including weekends", () => {
    const mwf = buildCohortPlan(curriculum(1, [section("a", 1, 1, [10, 10, 10])]), settings({ studyDays: [5, 1, 3] }));
    expect(datesOf(mwf)).toEqual(["2027-03-01", "2027-03-03", "2027-03-05"]);
    expect(mwf.studyDays).toEqual([1, 3, 5]);

    const weekend = buildCohortPlan(curriculum(1, [section("a", 1, 1, [10, 10])]), settings({ studyDays: [6, 7] }));
    expect(datesOf(weekend)).toEqual(["2027-03-06", "2027-03-07"]);
    expect(weekend.assignedDateByItemId.size).toBe(2);
    expect([...weekend.assignedDateByItemId.values()]).toEqual(["2027-03-06", "2027-03-07"]);
  });

  it("lists, per week, the sections whose range includes it", () => {
    const plan = buildCohortPlan(
      curriculum(3, [section("a", 1, 2, [30, 30]), section("b", 2, 3, [30, 30]), section("c", 3, 3, [30])]),
      settings(),
    );
    expect(plan.weeks.map((week) => week.sections.map((entry) => entry.key))).toEqual([["a"], ["a", "b"], ["b", "c"]]);
  });

  it("sums day and week minutes, leaving items without an estimate out of the minutes and counting them", () => {
    const plan = buildCohortPlan(curriculum(1, [section("a", 1, 1, [30, 45, null, 20, 25, null, 10])]), settings());
    const week = plan.weeks[0];
    expect(week?.totalMinutes).toBe(130);
    expect(week?.unestimatedItems).toBe(2);
    for (const day of week?.days ?? []) {
      expect(day.minutes).toBe(day.items.reduce((sum, item) => sum + (item.minutes ?? 0), 0));
    }
  });
});

// ---------------------------------------------------------------- kinds

describe("buildCohortPlan: which items are assigned", () => {
  const mixed = () =>
    curriculum(1, [
      section("a", 1, 1, [
        { kind: "Required", minutes: 30 },
        { kind: "Optional", minutes: 20 },
        { kind: "Reference", minutes: 15 },
        { kind: "Required", minutes: 25 },
        { kind: "Optional", minutes: null },
        { kind: "Reference", minutes: null },
      ]),
      section("b", 1, 1, [40]),
    ]);

  it("assigns Required items only when the cohort leaves Optional out", () => {
    const source = mixed();
    const plan = buildCohortPlan(source, settings({ includeOptional: false }));
    const items = source.sections[0]?.items ?? [];
    const assignedIds = [...plan.assignedDateByItemId.keys()];
    expect(assignedIds).toEqual(expect.arrayContaining(items.filter((item) => item.kind === "Required").map((item) => item.id)));
    for (const item of items.filter((entry) => entry.kind !== "Required")) {
      expect(plan.assignedDateByItemId.has(item.id)).toBe(false);
    }
    expect(
      allDays(plan)
        .flatMap((day) => day.items)
        .some((item) => item.kind !== "Required"),
    ).toBe(false);
  });

  it("assigns Optional items too when the cohort includes them", () => {
    const source = mixed();
    const plan = buildCohortPlan(source, settings({ includeOptional: true }));
    const items = source.sections[0]?.items ?? [];
    for (const item of items) {
      expect(plan.assignedDateByItemId.has(item.id)).toBe(item.kind !== "Reference");
    }
  });

  it("never assigns Reference items but lists them per section, in order", () => {
    const source = mixed();
    for (const includeOptional of [false, true]) {
      const plan = buildCohortPlan(source, settings({ includeOptional }));
      const references = (source.sections[0]?.items ?? []).filter((item) => item.kind === "Reference");
      expect(
        allDays(plan)
          .flatMap((day) => day.items)
          .some((item) => item.kind === "Reference"),
      ).toBe(false);
      for (const item of references) expect(plan.assignedDateByItemId.has(item.id)).toBe(false);
      expect(plan.referenceItemsBySection.get("a")?.map((item) => item.id)).toEqual(references.map((item) => item.id));
      expect(plan.referenceItemsBySection.get("b")).toEqual([]);
    }
  });

  it("keeps the assigned date on each day's items", () => {
    const plan = buildCohortPlan(mixed(), settings({ includeOptional: true }));
    for (const day of allDays(plan)) {
      for (const item of day.items) {
        expect(item.assignedDate).toBe(day.date);
        expect(plan.assignedDateByItemId.get(item.id)).toBe(day.date);
      }
    }
  });
});

// ---------------------------------------------------------------- balancing

describe("buildCohortPlan: balancing", () => {
  it("gives equal items an equal share per day", () => {
    const plan = buildCohortPlan(curriculum(1, [section("a", 1, 1, Array(10).fill(30))]), settings());
    expect(dayLoads(plan)).toEqual([60, 60, 60, 60, 60]);
    expect(allDays(plan).map((day) => day.items.length)).toEqual([2, 2, 2, 2, 2]);
  });

  it("keeps the heaviest day at the best possible and fills every day on a hand-checked case", () => {
    // 420 minutes over 5 days: 84 on average; the 60s force a best maximum of 90 (60+30).
    const weights = [60, 30, 30, 60, 30, 30, 60, 30, 30, 60];
    const plan = buildCohortPlan(curriculum(1, [section("a", 1, 1, weights)]), settings());
    expect(Math.max(...dayLoads(plan))).toBe(90);
    expect(allDays(plan).every((day) => day.items.length > 0)).toBe(true);
  });

  it("breaks ties by giving the earlier days the larger share (10 × 10 min over Mon/Wed/Fri → 40, 30, 30)", () => {
    const plan = buildCohortPlan(curriculum(1, [section("a", 1, 1, Array(10).fill(10))]), settings({ studyDays: [1, 3, 5] }));
    expect(dayLoads(plan)).toEqual([40, 30, 30]);
  });

  it("never splits an item: one long reading takes a day of its own", () => {
    const plan = buildCohortPlan(curriculum(1, [section("a", 1, 1, [10, 10, 300, 10, 10, 10])]), settings());
    const longDay = allDays(plan).find((day) => day.items.some((item) => item.minutes === 300));
    expect(longDay?.items.map((item) => item.minutes)).toEqual([300]);
    expect(Math.max(...dayLoads(plan))).toBe(300);
    expect(allDays(plan).every((day) => day.items.length > 0)).toBe(true);
  });

  it("matches a brute-force optimum on random sections, assigns each item once, and keeps order", () => {
    const random = seededRandom(20270301);
    for (let round = 0; round < 150; round += 1) {
      const twoWeeks = random() < 0.5;
      const dayCount = twoWeeks ? 10 : 5;
      const itemCount = 1 + Math.floor(random() * 14);
      const weights = Array.from({ length: itemCount }, () => 5 + Math.floor(random() * 86));
      const source = curriculum(2, [section("a", 1, twoWeeks ? 2 : 1, weights)]);
      const items = source.sections[0]?.items ?? [];
      const plan = buildCohortPlan(source, settings());

      const placed = allDays(plan).flatMap((day) => day.items.map((item) => item.id));
      expect(placed.sort((a, b) => a - b)).toEqual(items.map((item) => item.id));

      const indexes = dayIndexes(plan, items);
      expect(indexes.every((index) => index >= 0 && index < dayCount)).toBe(true);
      for (let index = 1; index < indexes.length; index += 1) {
        expect(indexes[index]).toBeGreaterThanOrEqual(indexes[index - 1] ?? 0);
      }

      const loads = dayLoads(plan).slice(0, dayCount);
      if (itemCount >= dayCount) {
        expect(loads.every((load) => load > 0)).toBe(true);
        expect(Math.max(...loads)).toBe(bruteForceMinMax(weights, dayCount));
      } else {
        expect(new Set(indexes).size).toBe(itemCount);
      }
    }
  });

  it("spreads fewer items than days over the whole range instead of bunching them at the start", () => {
    const source = curriculum(2, [section("a", 1, 2, [30, 30, 30])]);
    const plan = buildCohortPlan(source, settings());
    const indexes = dayIndexes(plan, source.sections[0]?.items ?? []);
    expect(new Set(indexes).size).toBe(3);
    expect(indexes[0]).toBe(0);
    expect(indexes[2]).toBeGreaterThanOrEqual(5); // the last item sits in week 2
  });

  it("spreads items without an estimate evenly over the section's days", () => {
    const even = buildCohortPlan(curriculum(2, [section("a", 1, 2, Array(20).fill(null))]), settings());
    expect(allDays(even).map((day) => day.items.length)).toEqual(Array(10).fill(2));

    const uneven = buildCohortPlan(curriculum(1, [section("a", 1, 1, Array(7).fill(null))]), settings());
    const counts = allDays(uneven).map((day) => day.items.length);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(7);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(allDays(uneven).every((day) => day.minutes === 0 && day.unestimatedItems === day.items.length)).toBe(true);
  });

  it("keeps curriculum order by position even when items arrive shuffled", () => {
    const base = section("a", 1, 1, [10, 20, 30, 40, 50, 60, 70]);
    const shuffled: PlanSection = { ...base, items: [...base.items].reverse() };
    const plan = buildCohortPlan(curriculum(1, [shuffled]), settings());
    const order = allDays(plan).flatMap((day) => day.items.map((item) => item.position));
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

// ---------------------------------------------------------------- overlaps

describe("buildCohortPlan: overlapping ranges", () => {
  it("puts items of both sections on shared days, earlier section first", () => {
    const plan = buildCohortPlan(
      curriculum(3, [section("a", 1, 2, Array(10).fill(30)), section("b", 2, 3, Array(10).fill(30))]),
      settings(),
    );
    const [week1, week2, week3] = plan.weeks;
    expect(week1?.days.every((day) => day.items.every((item) => item.sectionKey === "a"))).toBe(true);
    expect(week3?.days.every((day) => day.items.every((item) => item.sectionKey === "b"))).toBe(true);
    for (const day of week2?.days ?? []) {
      expect(new Set(day.items.map((item) => item.sectionKey))).toEqual(new Set(["a", "b"]));
      const firstB = day.items.findIndex((item) => item.sectionKey === "b");
      expect(day.items.slice(firstB).every((item) => item.sectionKey === "b")).toBe(true);
    }
  });

  it("balances shared days together: the lighter, unshared days take more of the overlapping section", () => {
    // a: 5 × 60 in week 1. b: 20 × 30 over weeks 1–2. 900 minutes over 10 days
    // is 90 a day; placing b alone (2 a day) would make week 1 days 120.
    const plan = buildCohortPlan(
      curriculum(2, [section("a", 1, 1, Array(5).fill(60)), section("b", 1, 2, Array(20).fill(30))]),
      settings(),
    );
    expect(dayLoads(plan)).toEqual(Array(10).fill(90));
  });

  it("under plan rule 2 balances a section with fewer items than days after the denser sections, so its items take what those leave free", () => {
    // sparse: 5 × 30 over weeks 1–2 (10 days), written first; dense: 5 × 30 in week 1 alone.
    // Rule 1 places sparse first, by position (Mon, Wed, Fri, then Tue, Thu of week 2), and dense on top: 60-minute days.
    // Rule 2 places dense first (30 a day in week 1); sparse then fills week 2's free days: 30 minutes every day.
    const sections = () => [section("sparse", 1, 2, Array(5).fill(30)), section("dense", 1, 1, Array(5).fill(30))];
    expect(dayLoads(buildCohortPlan(curriculum(2, sections()), settings({ planRule: 1 })))).toEqual([60, 30, 60, 30, 60, 0, 30, 0, 30, 0]);
    expect(dayLoads(buildCohortPlan(curriculum(2, sections()), settings({ planRule: 2 })))).toEqual(Array(10).fill(30));
  });

  it("under plan rule 2 still lists a day's items by section in curriculum order, whichever section was balanced first", () => {
    // sparse: 6 × 30 over weeks 1–2; dense: 5 × 30 in week 1. Dense is balanced first (one a day); sparse's first item
    // shares week 1's Monday with it (the other five take week 2), and is listed first, as its section comes first.
    const sparse = section("sparse", 1, 2, Array(6).fill(30));
    const dense = section("dense", 1, 1, Array(5).fill(30));
    const plan = buildCohortPlan(curriculum(2, [sparse, dense]), settings({ planRule: 2 }));
    expect(plan.weeks[0]?.days[0]?.items.map((item) => item.title)).toEqual(["sparse item 1", "dense item 1"]);
    expect(dayLoads(plan)).toEqual([60, 30, 30, 30, 30, 30, 30, 30, 30, 30]);
  });

  it("keeps every section's items within its weeks on the synthetic 12-week path", () => {
    const source = syntheticTwelveWeekCurriculum();
    const plan = buildCohortPlan(source, settings({ includeOptional: true }));
    expect(plan.weeks).toHaveLength(12);
    for (const entry of source.sections) {
      const first = plan.weeks[entry.weekStart - 1]?.startDate ?? "";
      const end = plan.weeks[entry.weekEnd - 1]?.endDate ?? "";
      const assigned = entry.items.filter((item) => item.kind !== "Reference");
      for (const item of assigned) {
        const date = plan.assignedDateByItemId.get(item.id) ?? "missing";
        expect(date >= first && date < end).toBe(true);
      }
      const indexes = dayIndexes(plan, assigned);
      for (let index = 1; index < indexes.length; index += 1) {
        expect(indexes[index]).toBeGreaterThanOrEqual(indexes[index - 1] ?? 0);
      }
    }
    expect(plan.weeks.map((week) => week.sections.map((entry) => entry.key))).toEqual([
      ["s1"],
      ["s1", "s2"],
      ["s2", "s3"],
      ["s3", "s4"],
      ["s4", "s5"],
      ["s5", "s6"],
      ["s6", "s7"],
      ["s7", "s8"],
      ["s8", "s9"],
      ["s9", "s10"],
      ["s10", "s11"],
      ["s12"],
    ]);
    // Every section has at least as many items as study days: no day is empty.
    expect(allDays(plan).every((day) => day.items.length > 0)).toBe(true);
    const expectedAssigned = source.sections.flatMap((entry) => entry.items).filter((item) => item.kind !== "Reference");
    expect(plan.assignedDateByItemId.size).toBe(expectedAssigned.length);
    const placed = allDays(plan).flatMap((day) => day.items.map((item) => item.id));
    expect(placed).toHaveLength(expectedAssigned.length);
    expect(new Set(placed).size).toBe(expectedAssigned.length);
  });

  it("leaves Optional items of the 12-week path out unless included", () => {
    const source = syntheticTwelveWeekCurriculum();
    const optionalIds = source.sections
      .flatMap((entry) => entry.items)
      .filter((item) => item.kind === "Optional")
      .map((item) => item.id);
    expect(optionalIds).toHaveLength(10);
    const without = buildCohortPlan(source, settings());
    const withOptional = buildCohortPlan(source, settings({ includeOptional: true }));
    expect(optionalIds.some((id) => without.assignedDateByItemId.has(id))).toBe(false);
    expect(optionalIds.every((id) => withOptional.assignedDateByItemId.has(id))).toBe(true);
  });
});

// ---------------------------------------------------------------- determinism and validation

describe("buildCohortPlan: purity and validation", () => {
  it("gives the same plan for the same inputs", () => {
    const source = syntheticTwelveWeekCurriculum();
    const cohort = settings({ timeZone: "America/New_York", includeOptional: true });
    expect(buildCohortPlan(source, cohort)).toEqual(buildCohortPlan(source, cohort));
  });

  it("does not depend on the order sections arrive in, only on their positions", () => {
    const source = syntheticTwelveWeekCurriculum();
    const reversed: PlanCurriculum = { ...source, sections: [...source.sections].reverse() };
    const inOrder = buildCohortPlan(source, settings());
    const fromReversed = buildCohortPlan(reversed, settings());
    expect(fromReversed.assignedDateByItemId).toEqual(inOrder.assignedDateByItemId);
    expect(fromReversed.weeks).toEqual(inOrder.weeks);
  });

  it("does not modify its inputs", () => {
    const source = syntheticTwelveWeekCurriculum();
    const snapshot = structuredClone(source);
    buildCohortPlan(source, settings({ includeOptional: true }));
    expect(source).toEqual(snapshot);
  });

  it.each([
    ["start date 2027-02-29", { startDate: "2027-02-29" }, CohortSettingsProblem.StartDate],
    ["start date 2026-13-01", { startDate: "2026-13-01" }, CohortSettingsProblem.StartDate],
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, CohortSettingsProblem.TimeZone],
    ["no study days", { studyDays: [] }, CohortSettingsProblem.NoStudyDays],
    ["study day 8", { studyDays: [1, 8] }, CohortSettingsProblem.StudyDays],
    ["announce day 0", { announceDay: 0 }, CohortSettingsProblem.AnnounceDay],
    ["announce time 24:00", { announceTime: "24:00" }, CohortSettingsProblem.AnnounceTime],
    ["checkpoint time 17:60", { checkpointTime: "17:60" }, CohortSettingsProblem.CheckpointTime],
  ] as const)("refuses %s, naming that problem only", (_label, override, problem) => {
    const cohort = settings(override);
    expect(validateCohortSettings(cohort)).toEqual([problem]);
    expect(() => buildCohortPlan(curriculum(1, [section("a", 1, 1, [30])]), cohort)).toThrow(RangeError);
  });

  it("accepts the defaults", () => {
    expect(validateCohortSettings(settings())).toEqual([]);
  });
});

// ---------------------------------------------------------------- posts

describe("plannedPosts", () => {
  const twoWeeks = () => curriculum(2, [section("a", 1, 1, [30, 30]), section("b", 1, 2, [30, 30, 30])]);

  it("posts each week on its first day at the announce time, checkpoints at 17:00 on the section's last study day, and closes after the last week", () => {
    const source = twoWeeks();
    const cohort = settings();
    const posts = plannedPosts(buildCohortPlan(source, cohort), source, cohort);
    expect(posts.map((post) => [post.period, post.dueAt.toISOString(), post.localDate, post.localTime])).toEqual([
      ["week-1", "2027-03-01T09:00:00.000Z", "2027-03-01", "09:00"],
      ["checkpoint-a", "2027-03-05T17:00:00.000Z", "2027-03-05", "17:00"],
      ["week-2", "2027-03-08T09:00:00.000Z", "2027-03-08", "09:00"],
      ["checkpoint-b", "2027-03-12T17:00:00.000Z", "2027-03-12", "17:00"],
      ["closing", "2027-03-15T09:00:00.000Z", "2027-03-15", "09:00"],
    ]);
    expect(posts.map((post) => post.kind)).toEqual(["week", "checkpoint", "week", "checkpoint", "closing"]);
    expect(posts[0]?.weekNumber).toBe(1);
    expect(posts[1]?.sectionKey).toBe("a");
    expect(posts[1]?.weekNumber).toBe(1);
    expect(posts[3]?.weekNumber).toBe(2);
    expect(posts[4]?.weekNumber).toBeUndefined();
  });

  it("with a Wednesday start and Monday announcements, posts on the Monday before each week", () => {
    const source = twoWeeks();
    const cohort = settings({ startDate: "2027-03-03" });
    const posts = plannedPosts(buildCohortPlan(source, cohort), source, cohort);
    const byPeriod = new Map(posts.map((post) => [post.period, post]));
    expect(byPeriod.get("week-1")?.localDate).toBe("2027-03-01");
    expect(byPeriod.get("week-2")?.localDate).toBe("2027-03-08");
    // Week 1 runs Wed 03-03 … Tue 03-09: its last study day is the Tuesday.
    expect(byPeriod.get("checkpoint-a")?.localDate).toBe("2027-03-09");
    expect(byPeriod.get("checkpoint-b")?.localDate).toBe("2027-03-16");
    expect(byPeriod.get("closing")?.localDate).toBe("2027-03-17");
  });

  it("posts on the start day when the announce day matches it, and the day before for a Sunday announce day", () => {
    const source = twoWeeks();
    const wednesday = settings({ startDate: "2027-03-03", announceDay: 3 });
    expect(plannedPosts(buildCohortPlan(source, wednesday), source, wednesday).find((post) => post.period === "week-1")?.localDate).toBe(
      "2027-03-03",
    );
    const sunday = settings({ announceDay: 7 });
    expect(plannedPosts(buildCohortPlan(source, sunday), source, sunday).find((post) => post.period === "week-1")?.localDate).toBe(
      "2027-02-28",
    );
  });

  it("skips sections without a checkpoint and uses custom post times", () => {
    const source = curriculum(1, [section("a", 1, 1, [30], { checkpoint: null }), section("b", 1, 1, [30], { checkpoint: "  " })]);
    const cohort = settings({ announceTime: "07:45", checkpointTime: "20:15", studyDays: [1, 2, 3] });
    const posts = plannedPosts(buildCohortPlan(source, cohort), source, cohort);
    expect(posts.map((post) => `${post.period} ${post.localDate} ${post.localTime}`)).toEqual([
      "week-1 2027-03-01 07:45",
      "closing 2027-03-08 07:45",
    ]);
  });

  it("keeps 09:00 New York time across the March 2027 DST change (offset −5 → −4)", () => {
    const source = syntheticTwelveWeekCurriculum();
    const cohort = settings({ timeZone: "America/New_York" });
    const posts = plannedPosts(buildCohortPlan(source, cohort), source, cohort);
    const weekPosts = posts.filter((post) => post.kind === "week");
    expect(weekPosts).toHaveLength(12);
    expect(weekPosts.every((post) => post.localTime === "09:00")).toBe(true);
    expect(weekPosts[1]?.dueAt.toISOString()).toBe("2027-03-08T14:00:00.000Z");
    expect(weekPosts[2]?.dueAt.toISOString()).toBe("2027-03-15T13:00:00.000Z");
    const checkpoints = posts.filter((post) => post.kind === "checkpoint");
    expect(checkpoints).toHaveLength(11); // s12 has no checkpoint
    expect(checkpoints.every((post) => post.localTime === "17:00" && post.localDate.length === 10)).toBe(true);
    // s1 ends with week 2 (Fri 2027-03-12, still EST); s2 with week 3 (Fri 2027-03-19, EDT).
    expect(checkpoints[0]?.dueAt.toISOString()).toBe("2027-03-12T22:00:00.000Z");
    expect(checkpoints[1]?.dueAt.toISOString()).toBe("2027-03-19T21:00:00.000Z");
    expect(posts.at(-1)?.period).toBe("closing");
    expect(posts.at(-1)?.localDate).toBe("2027-05-24");
    expect(posts.at(-1)?.dueAt.toISOString()).toBe("2027-05-24T13:00:00.000Z");
  });

  it("keeps 09:00 Sydney time across the April 2027 DST change (offset +11 → +10)", () => {
    const source = syntheticTwelveWeekCurriculum();
    const cohort = settings({ timeZone: "Australia/Sydney" });
    const posts = plannedPosts(buildCohortPlan(source, cohort), source, cohort);
    const byPeriod = new Map(posts.map((post) => [post.period, post]));
    expect(byPeriod.get("week-5")?.dueAt.toISOString()).toBe("2027-03-28T22:00:00.000Z");
    expect(byPeriod.get("week-6")?.dueAt.toISOString()).toBe("2027-04-04T23:00:00.000Z");
    expect(byPeriod.get("week-6")?.localTime).toBe("09:00");
  });

  it("places posts at local times in Kolkata and Chatham", () => {
    const source = syntheticTwelveWeekCurriculum();
    const kolkata = settings({ timeZone: "Asia/Kolkata" });
    const kolkataPosts = plannedPosts(buildCohortPlan(source, kolkata), source, kolkata);
    expect(kolkataPosts[0]?.dueAt.toISOString()).toBe("2027-03-01T03:30:00.000Z");

    const chatham = settings({ timeZone: "Pacific/Chatham" });
    const chathamPosts = new Map(plannedPosts(buildCohortPlan(source, chatham), source, chatham).map((post) => [post.period, post]));
    expect(chathamPosts.get("week-1")?.dueAt.toISOString()).toBe("2027-02-28T19:15:00.000Z"); // +13:45
    expect(chathamPosts.get("week-6")?.dueAt.toISOString()).toBe("2027-04-04T20:15:00.000Z"); // +12:45
  });

  it("moves an announce time inside the DST gap to the end of the gap (02:30 → 03:00 New York)", () => {
    const source = curriculum(2, [section("a", 1, 2, [30])]);
    const cohort = settings({
      startDate: "2027-03-07",
      studyDays: [7, 1, 2, 3, 4],
      announceDay: 7,
      announceTime: "02:30",
      timeZone: "America/New_York",
    });
    const posts = plannedPosts(buildCohortPlan(source, cohort), source, cohort);
    const week2 = posts.find((post) => post.period === "week-2");
    expect(week2?.localDate).toBe("2027-03-14");
    expect(week2?.localTime).toBe("03:00");
    expect(week2?.dueAt.toISOString()).toBe("2027-03-14T07:00:00.000Z");
    expect(posts.find((post) => post.period === "week-1")?.localTime).toBe("02:30");
  });

  it("lists a checkpoint before a week post due at the same instant", () => {
    const source = curriculum(2, [section("a", 1, 1, [30])]);
    // Tuesday start, Monday-only study: week 1 (Tue 03-02 … Mon 03-08) has its
    // only study day on Monday 03-08, the same Monday week 2 is announced on.
    const cohort = settings({ studyDays: [1], checkpointTime: "09:00", announceDay: 1, startDate: "2027-03-02" });
    const posts = plannedPosts(buildCohortPlan(source, cohort), source, cohort);
    const sameInstant = posts.filter((post) => post.dueAt.toISOString() === "2027-03-08T09:00:00.000Z");
    expect(sameInstant.map((post) => post.period)).toEqual(["checkpoint-a", "week-2"]);
  });
});

// ---------------------------------------------------------------- calendar position

describe("currentWeekNumber", () => {
  const cohort = { startDate: "2027-03-01", timeZone: "America/New_York", totalWeeks: 2 };

  it("is 0 before the start, 1..N during the course, N+1 after, by cohort-local date", () => {
    expect(currentWeekNumber(cohort, new Date("2027-03-01T04:59:00Z"))).toBe(0); // Feb 28, 23:59 EST
    expect(currentWeekNumber(cohort, new Date("2027-03-01T05:00:00Z"))).toBe(1);
    expect(currentWeekNumber(cohort, new Date("2027-03-08T04:59:00Z"))).toBe(1);
    expect(currentWeekNumber(cohort, new Date("2027-03-08T05:00:00Z"))).toBe(2);
    expect(currentWeekNumber(cohort, new Date("2027-03-15T03:59:00Z"))).toBe(2); // Mar 14, 23:59 EDT
    expect(currentWeekNumber(cohort, new Date("2027-03-15T04:00:00Z"))).toBe(3);
    expect(currentWeekNumber(cohort, new Date("2027-12-01T00:00:00Z"))).toBe(3);
  });

  it("accepts a plan and epoch milliseconds", () => {
    const source = curriculum(2, [section("a", 1, 2, [30])]);
    const plan = buildCohortPlan(source, settings({ timeZone: "Asia/Kolkata" }));
    expect(currentWeekNumber(plan, Date.parse("2027-03-07T18:29:00Z"))).toBe(1); // Sunday 23:59 IST
    expect(currentWeekNumber(plan, Date.parse("2027-03-07T18:30:00Z"))).toBe(2); // Monday 00:00 IST
  });
});

describe("dayInfo", () => {
  const cohort = { startDate: "2027-03-03", timeZone: "UTC", studyDays: [1, 2, 3, 4, 5] };

  it("numbers days within the cohort week from the start date's weekday", () => {
    expect(dayInfo(cohort, new Date("2027-03-03T12:00:00Z"))).toEqual({
      localDate: "2027-03-03",
      weekNumber: 1,
      dayOfWeekIndex: 1,
      weekday: 3,
      isStudyDay: true,
    });
    expect(dayInfo(cohort, new Date("2027-03-06T12:00:00Z"))).toMatchObject({ weekNumber: 1, dayOfWeekIndex: 4, isStudyDay: false });
    expect(dayInfo(cohort, new Date("2027-03-09T23:59:00Z"))).toMatchObject({ weekNumber: 1, dayOfWeekIndex: 7 });
    expect(dayInfo(cohort, new Date("2027-03-10T00:00:00Z"))).toMatchObject({ weekNumber: 2, dayOfWeekIndex: 1 });
  });

  it("is week 0 before the start", () => {
    expect(dayInfo(cohort, new Date("2027-03-02T12:00:00Z"))).toMatchObject({ localDate: "2027-03-02", weekNumber: 0, dayOfWeekIndex: 7 });
  });

  it("uses the cohort's zone for the date", () => {
    const sydney = { ...cohort, timeZone: "Australia/Sydney" };
    // 13:00 UTC on 03-02 is midnight 03-03 in Sydney (+11).
    expect(dayInfo(sydney, new Date("2027-03-02T13:00:00Z"))).toMatchObject({ localDate: "2027-03-03", weekNumber: 1, dayOfWeekIndex: 1 });
  });
});
