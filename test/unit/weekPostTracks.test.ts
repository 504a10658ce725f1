import { describe, expect, it } from "vitest";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { renderWeekPost } from "../../src/discord/render/renderWeekPost.js";
import type { AssignedItem, PlanWeek } from "../../src/domain/schedule/scheduleTypes.js";
import type { LiveBoardStandingsView, WeekPostView } from "../../src/services/PostService.js";
import { cohortFixture } from "../helpers/cohortFixture.js";

const item = (id: number, title: string, minutes: number | null): AssignedItem => ({
  id,
  key: `k${id}`,
  title,
  kind: "Required",
  minutes,
  sectionKey: "s",
  position: id,
  assignedDate: "2027-03-01",
});

describe("the week post's item lines", () => {
  it("shows every track by its name, one named 'none' too, in English and Spanish", () => {
    const items = [item(1, "Read", 20), item(2, "Topic", null), item(3, "Plain", 10)];
    const week: PlanWeek = {
      number: 1,
      startDate: "2027-03-01",
      endDate: "2027-03-08",
      sections: [{ key: "s", title: "Basics", weekStart: 1, weekEnd: 1 } as PlanWeek["sections"][number]],
      days: [{ date: "2027-03-01", weekday: 1, items, minutes: 30, unestimatedItems: 1 }],
      totalMinutes: 30,
      unestimatedItems: 1,
    };
    const cohort = cohortFixture({ id: 1, curriculumId: 1 });
    const view: WeekPostView = {
      cohort,
      curriculumTitle: "Path",
      week,
      totalWeeks: 1,
      referenceCount: 0,
      trackByItemId: new Map([
        [1, "none"],
        [2, "None"],
      ]),
      checkpoints: [],
      lastWeek: null,
      breakWeek: null,
      chart: null,
      // A board that is off: the post has no live part, which this test is not about.
      board: { cohort, weekNumber: 1, board: { boardOn: false } } as unknown as LiveBoardStandingsView,
    };
    for (const language of ["en", "es"] as const) {
      const text = JSON.stringify(renderWeekPost(translatorFor(language), view).messages);
      expect(text).toMatch(/\*\*Read\*\* · [^"\\]* · 20 min · none/);
      expect(text).toMatch(/\*\*Topic\*\* · [^"\\·]* · None/);
      expect(text).toMatch(/\*\*Plain\*\* · [^"\\·]* · 10 min(\\n|")/);
    }
  });
});

describe("a 'choose one' slot in the week post", () => {
  it("reads as a choice listing the tracks, not as the first track with its name, in English and Spanish", () => {
    const track = (id: number, name: string) => ({ ...item(id, `${name}: details`, null), kind: "Optional" as const, track: name });
    const slot: AssignedItem = {
      ...item(1, "Choose one path", null),
      choice: [track(1, "Python Path"), track(2, "Go_Path*")],
    };
    const week: PlanWeek = {
      number: 5,
      startDate: "2027-03-29",
      endDate: "2027-04-05",
      sections: [{ key: "s", title: "Phase 2", weekStart: 5, weekEnd: 12 } as PlanWeek["sections"][number]],
      days: [{ date: "2027-03-29", weekday: 1, items: [slot], minutes: 0, unestimatedItems: 1 }],
      totalMinutes: 0,
      unestimatedItems: 1,
    };
    const cohort = cohortFixture({ id: 1, curriculumId: 1 });
    const view: WeekPostView = {
      cohort,
      curriculumTitle: "Path",
      week,
      totalWeeks: 36,
      referenceCount: 0,
      trackByItemId: new Map([
        [1, "Python Path"],
        [2, "Go_Path*"],
      ]),
      checkpoints: [],
      lastWeek: null,
      breakWeek: null,
      chart: null,
      board: { cohort, weekNumber: 5, board: { boardOn: false } } as unknown as LiveBoardStandingsView,
    };
    const expected = { en: "Choose one: Python Path / Go_Path\\\\*", es: "Elige uno: Python Path / Go_Path\\\\*" };
    for (const language of ["en", "es"] as const) {
      const text = JSON.stringify(renderWeekPost(translatorFor(language), view).messages);
      expect(text).toContain(`**${expected[language]}** · `);
      expect(text).not.toContain("Choose one path");
      expect(text).not.toMatch(/ · Python Path(\\n|")/);
    }
  });
});

describe("a week of a 'choose one' phase with nothing new", () => {
  it("says to keep going with the chosen track, in English and Spanish", () => {
    const section = {
      key: "s",
      title: "Phase 2",
      weekStart: 5,
      weekEnd: 12,
      checkpoint: null,
      position: 1,
      items: [{ ...item(1, "Python Path: details", null), kind: "Optional" as const, group: "Choose one path", track: "Python Path" }],
    };
    const week: PlanWeek = {
      number: 6,
      startDate: "2027-04-05",
      endDate: "2027-04-12",
      sections: [section],
      days: [{ date: "2027-04-05", weekday: 1, items: [], minutes: 0, unestimatedItems: 0 }],
      totalMinutes: 0,
      unestimatedItems: 0,
    };
    const cohort = cohortFixture({ id: 1, curriculumId: 1 });
    const view: WeekPostView = {
      cohort,
      curriculumTitle: "Path",
      week,
      totalWeeks: 36,
      referenceCount: 0,
      trackByItemId: new Map(),
      checkpoints: [],
      lastWeek: null,
      breakWeek: null,
      chart: null,
      board: { cohort, weekNumber: 6, board: { boardOn: false } } as unknown as LiveBoardStandingsView,
    };
    expect(JSON.stringify(renderWeekPost(translatorFor("en"), view).messages)).toContain("keep going with the track you chose");
    expect(JSON.stringify(renderWeekPost(translatorFor("es"), view).messages)).toContain("sigue con el itinerario que elegiste");
  });
});
