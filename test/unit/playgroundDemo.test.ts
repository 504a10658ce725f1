import { describe, expect, it } from "vitest";
import { CohortStatus } from "../../src/domain/cohort/cohortModel.js";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
import { addDays, daysBetween, isoWeekday, localClockOf, localDateOf } from "../../src/domain/schedule/localTime.js";
import { DEFAULT_COHORT_SETTINGS, type PlanCurriculum, type PlanItem } from "../../src/domain/schedule/scheduleTypes.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { cohortDayText } from "../../src/playground/ClockControl.js";
import { joinedAt, plannedCompletions, type DemoMemberProfile } from "../../src/playground/demoMembers.js";
import { demoTimeline } from "../../src/playground/demoTimeline.js";
import { cohortFixture } from "../helpers/cohortFixture.js";

const zone = "America/New_York";

describe("demoTimeline", () => {
  it.each([0, 1, 2, 3, 4, 5, 6])("puts the visitor on the Wednesday of week 2, at most six days back (real date + %i days)", (offset) => {
    const realNow = new Date(Date.UTC(2027, 0, 11 + offset, 15, 0));
    const timeline = demoTimeline(realNow, zone);
    const realDate = localDateOf(realNow, zone);
    expect(isoWeekday(timeline.today)).toBe(3);
    expect(daysBetween(timeline.today, realDate)).toBeGreaterThanOrEqual(0);
    expect(daysBetween(timeline.today, realDate)).toBeLessThanOrEqual(6);
    expect(isoWeekday(timeline.cohortStart)).toBe(1);
    expect(daysBetween(timeline.cohortStart, timeline.today)).toBe(9);
    expect(localDateOf(timeline.now, zone)).toBe(timeline.today);
    expect(localClockOf(timeline.now, zone)).toBe("10:30");
    expect(timeline.historyStart < timeline.now).toBe(true);
  });
});

describe("plannedCompletions", () => {
  const items: PlanItem[] = Array.from({ length: 20 }, (_, index) => ({
    id: index + 1,
    key: `s/item-${index + 1}`,
    title: `Item ${index + 1}`,
    kind: "Required",
    minutes: 20 + (index % 3) * 5,
    sectionKey: "s",
    position: index,
  }));
  const curriculum: PlanCurriculum = {
    totalWeeks: 4,
    sections: [{ key: "s", title: "Section", weekStart: 1, weekEnd: 4, checkpoint: null, position: 0, items }],
  };
  const plan = buildCohortPlan(curriculum, { ...DEFAULT_COHORT_SETTINGS, timeZone: zone, startDate: "2027-01-04" });
  const timeline = demoTimeline(new Date("2027-01-14T15:00:00Z"), zone);
  const steadyProfile: DemoMemberProfile = {
    username: "steady",
    displayName: "Steady",
    joinedDay: -2,
    diligence: 1,
    lateness: 0,
    readsAt: "07:00",
  };
  const profiles: DemoMemberProfile[] = [
    steadyProfile,
    { username: "patchy", displayName: "Patchy", joinedDay: -1, diligence: 0.5, lateness: 0.5, readsAt: "20:00" },
    { username: "late", displayName: "Late", joinedDay: 3, diligence: 0.8, lateness: 0.2, readsAt: "12:00" },
  ];

  it("gives the same history every time, in time order and entirely before now", () => {
    const first = plannedCompletions(plan, profiles, zone, timeline.now);
    expect(plannedCompletions(plan, profiles, zone, timeline.now)).toEqual(first);
    expect(first.every((completion) => completion.at < timeline.now)).toBe(true);
    expect(first.map((completion) => completion.at.getTime())).toEqual(
      [...first.map((completion) => completion.at.getTime())].sort((a, b) => a - b),
    );
  });

  it("has a diligent member read every item on its day, and the others less", () => {
    const history = plannedCompletions(plan, profiles, zone, timeline.now);
    const assignedBeforeToday = [...plan.assignedDateByItemId].filter(([, date]) => date < timeline.today);
    const steady = history.filter((completion) => completion.username === "steady");
    for (const [itemId, date] of assignedBeforeToday) {
      const completion = steady.find((candidate) => candidate.itemId === itemId);
      expect(completion && localDateOf(completion.at, zone)).toBe(date);
    }
    const patchy = history.filter((completion) => completion.username === "patchy");
    expect(patchy.length).toBeLessThan(steady.length);
    expect(patchy.length).toBeGreaterThan(0);
  });

  it("logs nothing for a member before they joined; a latecomer catches up on their first evening", () => {
    const history = plannedCompletions(plan, profiles, zone, timeline.now);
    for (const profile of profiles) {
      const joined = joinedAt(profile, plan.startDate, zone);
      expect(history.filter((completion) => completion.username === profile.username).every((completion) => completion.at > joined)).toBe(
        true,
      );
    }
    const joinDate = addDays(plan.startDate, 3);
    const catchUp = history.filter(
      (completion) => completion.username === "late" && (plan.assignedDateByItemId.get(completion.itemId) ?? "") < joinDate,
    );
    expect(catchUp.length).toBeGreaterThan(0);
    expect(
      catchUp.every((completion) => localDateOf(completion.at, zone) === joinDate && localClockOf(completion.at, zone) >= "19:00"),
    ).toBe(true);
  });

  it("has a member who joins in week 2 start from that week, leaving earlier items as a backlog", () => {
    const weekTwoJoiner: DemoMemberProfile = { ...steadyProfile, username: "week2", joinedDay: 8 };
    const end = new Date("2027-02-10T00:00:00Z");
    const history = plannedCompletions(plan, [weekTwoJoiner], zone, end);
    const joinDate = addDays(plan.startDate, 8);
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((completion) => (plan.assignedDateByItemId.get(completion.itemId) ?? "") >= joinDate)).toBe(true);
  });

  it("keeps reading after the visitor arrives: a later clock only adds completions, never changes earlier ones", () => {
    const later = new Date(timeline.now.getTime() + 14 * 86_400_000);
    const before = plannedCompletions(plan, profiles, zone, timeline.now);
    const after = plannedCompletions(plan, profiles, zone, later);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.filter((completion) => completion.at < timeline.now)).toEqual(before);
  });
});

describe("the playground clock's cohort day", () => {
  const demo = (status: CohortStatus) =>
    cohortFixture({ id: 1, curriculumId: 1, status, settings: { ...DEFAULT_COHORT_SETTINGS, startDate: "2027-01-04", timeZone: "UTC" } });
  const afterTwelveWeeks = new Date("2027-04-01T12:00:00Z");

  const english = translatorFor("en");
  const spanish = translatorFor("es");

  it("says the course is finished once, not 'Course finished (finished)'", () => {
    expect(cohortDayText(demo(CohortStatus.Finished), 12, afterTwelveWeeks, english)).toBe("Course finished");
    expect(cohortDayText(demo(CohortStatus.Finished), 12, afterTwelveWeeks, spanish)).toBe("Curso terminado");
  });

  it("still names a status the words do not already say", () => {
    expect(cohortDayText(demo(CohortStatus.Ended), 12, afterTwelveWeeks, english)).toBe("Course finished (ended)");
    expect(cohortDayText(demo(CohortStatus.Paused), 12, new Date("2027-01-06T12:00:00Z"), english)).toBe("Week 1 · Day 3 (paused)");
  });

  it("reads in the viewer's language: Spanish for a Spanish Discord", () => {
    expect(cohortDayText(demo(CohortStatus.Paused), 12, new Date("2027-01-06T12:00:00Z"), spanish)).toBe(
      "Semana 1 · Día 3 (cohorte en pausa)",
    );
    // An ended cohort whose course is over: not "Curso terminado (terminada)".
    expect(cohortDayText(demo(CohortStatus.Ended), 12, afterTwelveWeeks, spanish)).toBe("Curso terminado (cohorte terminada)");
    expect(cohortDayText(demo(CohortStatus.Active), 12, new Date("2027-01-02T12:00:00Z"), spanish)).toBe("Empieza el 2027-01-04");
  });
});
