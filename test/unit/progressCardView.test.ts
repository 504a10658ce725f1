import { describe, expect, it } from "vitest";
import type { Cohort, MemberRecord } from "../../src/domain/cohort/cohortModel.js";
import type { StoredSection } from "../../src/domain/curriculum/storedCurriculum.js";
import { DEFAULT_COHORT_SETTINGS } from "../../src/domain/schedule/scheduleTypes.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { progressCardFile, progressCardView } from "../../src/discord/render/progressCard.js";
import type { Pictures } from "../../src/discord/pictures/Pictures.js";
import { drawProgressCard, maxSectionRows as cardSectionRows, progressCardSize } from "../../src/discord/pictures/drawProgressCard.js";
import { PictureFonts } from "../../src/discord/pictures/PictureFonts.js";
import { maxSectionRows as chartSectionRows } from "../../src/discord/pictures/drawWeeklyChart.js";
import { rowsThatFit } from "../../src/discord/pictures/rowsThatFit.js";
import { weeklyChartView } from "../../src/discord/render/postPictures.js";
import type { ProgressView } from "../../src/services/StudyService.js";
import { cohortFixture } from "../helpers/cohortFixture.js";
import { printedBy } from "../helpers/printedBy.js";

const cohort: Cohort = cohortFixture({
  id: 1,
  guildId: "1",
  channelId: "2",
  name: "Primavera",
  curriculumId: 1,
  // Starts on a Wednesday: the grid's columns start there too.
  settings: { ...DEFAULT_COHORT_SETTINGS, startDate: "2027-01-06" },
  language: "es",
  createdAt: new Date("2027-01-01T00:00:00Z"),
});

const member: MemberRecord = {
  id: 7,
  cohortId: 1,
  userId: "70",
  displayName: "Дмитрий 📚",
  joinedAt: new Date("2027-01-06T08:00:00Z"),
  leftAt: null,
  returnedAt: null,
  remindTime: null,
  remindTimeZone: null,
  dayNotBefore: null,
  remindFailures: 0,
  remindDisabledNotice: false,
  points: 120,
  pointsReachedAt: null,
  joinedOn: null,
  finalPoints: null,
  finalRanked: false,
  nudges: true,
  locale: null,
  boardVisibility: "name",
  alias: null,
  excluded: false,
};

const section = { id: 3, title: "Fundamentos", weekStart: 1, weekEnd: 2 } as StoredSection;

const view: ProgressView = {
  cohort,
  member,
  own: true,
  required: { done: 3, total: 10, timed: true },
  minutesDone: 90,
  minutesTotal: 300,
  assigned: { done: 3, total: 10 },
  sections: [{ section, done: 3, total: 6, dueWeeks: { first: 1, last: 1 } }],
  streak: { current: 2, best: 4, freezesHeld: 1, actBy: null, safeUntil: null, final: false, startsOn: null },
  points: 120,
  ranking: "ranked",
  rank: 2,
  rankedMembers: 5,
  studyWeeks: [{ weekNumber: 1, days: ["done", "done", "missed", "notStudyDay", "notStudyDay", "future", "future"] }],
  currentWeek: 1,
};

describe("progressCardView", () => {
  it("words the card in the reader's language, names the member as given, and starts the grid on the cohort's weekday", () => {
    const card = progressCardView(translatorFor("es"), view);
    expect(card.memberName).toBe("Дмитрий 📚");
    expect(card.cohortName).toBe("Primavera");
    expect(card.labels.rank).toBe("n.º 2 de 5");
    expect(card.labels.points).toBe("puntos");
    expect(card.labels.streakValue).toBe("🔥 2 días");
    expect(card.labels.weekdays).toEqual(["mi", "ju", "vi", "sá", "do", "lu", "ma"]);
    expect(card.weeks).toEqual([{ label: "S1", days: view.studyWeeks[0]?.days }]);
    expect(card.sections).toEqual([{ title: "Fundamentos", done: 3, total: 6, priority: 0 }]);
    expect(card.labels.moreSections(4)).toBe("+4 más");
  });

  it("leaves the rank out for a member without points", () => {
    const card = progressCardView(translatorFor("en"), { ...view, rank: null, points: 0 });
    expect(card.labels.rank).toBe("");
    expect(card.labels.points).toBe("points");
    expect(card.labels.weekdays[0]).toBe("We");
  });

  it("gives a hidden member the place they would take, and an excluded one no rank, never a count they are not in", () => {
    expect(progressCardView(translatorFor("en"), { ...view, ranking: "hidden", rank: 6 }).labels.rank).toBe("would be #6");
    expect(progressCardView(translatorFor("es"), { ...view, ranking: "hidden", rank: 6 }).labels.rank).toBe("serías el n.º 6");
    expect(progressCardView(translatorFor("en"), { ...view, ranking: "excluded", rank: null }).labels.rank).toBe("");
  });

  it("says when the streak starts before the course's first day, on the card and in its alt text, as /progress does", async () => {
    const early: ProgressView = { ...view, streak: { ...view.streak, current: 0, startsOn: "2027-01-06" } };
    const pictures = { renderProgressCard: () => Promise.resolve(Buffer.alloc(0)) } as unknown as Pictures;
    const en = translatorFor("en");
    expect(progressCardView(en, early).labels.streakValue).toBe("🔥 Starts Wed, 6 Jan 2027");
    expect((await progressCardFile(en, pictures, early)).description).toContain("a streak starting on Wed, 6 Jan 2027;");
    const es = translatorFor("es");
    expect(progressCardView(es, early).labels.streakValue).toBe("🔥 Empieza el mié, 6 ene 2027");
    expect((await progressCardFile(es, pictures, early)).description).toContain("una racha que empieza el mié, 6 ene 2027;");
    expect((await progressCardFile(en, pictures, view)).description).toContain("a streak of 2 study days;");
  });

  it("names the days a streak freeze covered apart from the missed ones, in the legend and the alt text", async () => {
    const pictures = { renderProgressCard: () => Promise.resolve(Buffer.alloc(0)) } as unknown as Pictures;
    const frozen: ProgressView = {
      ...view,
      studyWeeks: [{ weekNumber: 1, days: ["done", "frozen", "missed", "frozen", "dayOff", "future", "future"] }],
    };
    const [en, es] = [translatorFor("en"), translatorFor("es")];
    expect(progressCardView(en, frozen).labels.legend.frozen).toBe("Frozen");
    expect(progressCardView(es, frozen).labels.legend.frozen).toBe("Comodín");
    expect((await progressCardFile(en, pictures, frozen)).description).toContain(
      "study-day grid: 1 day done, 1 missed, 2 covered by freezes, 1 day off.",
    );
    expect((await progressCardFile(es, pictures, frozen)).description).toContain(
      "cuadrícula de días de estudio: 1 día hecho, 1 perdido, 2 salvados con comodines, 1 día de descanso.",
    );
    // Without a frozen day the alt text does not mention freezes.
    expect((await progressCardFile(en, pictures, view)).description).toContain("1 missed, 0 days off.");
  });
});

describe("numbers on the pictures", () => {
  it("writes the card's points as the reply does, in the reader's language", () => {
    expect(progressCardView(translatorFor("en"), { ...view, points: 12345 }).labels.pointsValue).toBe("12,345");
    expect(progressCardView(translatorFor("es"), { ...view, points: 12345 }).labels.pointsValue).toBe("12.345");
  });

  it("writes the card's item counts as /progress does, in the reader's language", () => {
    const big: ProgressView = {
      ...view,
      required: { done: 1204, total: 12040, timed: true },
      sections: [{ section, done: 150, total: 1200, dueWeeks: { first: 1, last: 1 } }],
    };
    const english = progressCardView(translatorFor("en"), big).labels;
    expect(english.count(big.required)).toBe("1,204 / 12,040");
    expect(english.sectionCount({ done: 150, total: 1200 })).toBe("150/1,200");
    const spanish = progressCardView(translatorFor("es"), big).labels;
    expect(spanish.count(big.required)).toBe("1204 / 12.040");
    expect(spanish.sectionCount({ done: 150, total: 1200 })).toBe("150/1200");
  });

  it("prints those counts on the drawn card, not the bare numbers", () => {
    const big: ProgressView = {
      ...view,
      required: { done: 1204, total: 12040, timed: true },
      sections: [{ section, done: 150, total: 1200, dueWeeks: { first: 1, last: 1 } }],
    };
    const card = progressCardView(translatorFor("en"), big);
    const printed = printedBy(progressCardSize, (context) => drawProgressCard(context, new PictureFonts(), card));
    expect(printed).toContain("1,204 / 12,040");
    expect(printed).toContain("150/1,200");
  });

  it("writes the weekly chart's minutes as the alt text does", () => {
    const chart = {
      weekNumber: 2,
      startDate: "2027-01-11",
      endDate: "2027-01-18",
      timed: true,
      beforeStart: null,
      days: [{ date: "2027-01-11", weekday: 1, minutes: 61725, completions: 2000, over: true }],
      sections: [],
    };
    expect(weeklyChartView(translatorFor("en"), chart).days.map((day) => day.text)).toEqual(["61,725"]);
    expect(weeklyChartView(translatorFor("es"), chart).days.map((day) => day.text)).toEqual(["61.725"]);
    expect(weeklyChartView(translatorFor("en"), { ...chart, timed: false }).days.map((day) => day.text)).toEqual(["2,000"]);
  });

  it("marks a day not over when the weekly chart was drawn with '…' over its bar, not a count", () => {
    const chart = {
      weekNumber: 1,
      startDate: "2027-03-03",
      endDate: "2027-03-10",
      timed: true,
      beforeStart: null,
      days: [
        { date: "2027-03-03", weekday: 3, minutes: 20, completions: 1, over: true },
        { date: "2027-03-08", weekday: 1, minutes: 0, completions: 0, over: false },
      ],
      sections: [],
    };
    expect(weeklyChartView(translatorFor("en"), chart).days.map((day) => day.text)).toEqual(["20", "…"]);
    expect(weeklyChartView(translatorFor("es"), { ...chart, timed: false }).days.map((day) => day.text)).toEqual(["1", "…"]);
  });

  it("draws week 1's reading logged before its first day as a bar of its own, first", () => {
    const chart = {
      weekNumber: 1,
      startDate: "2027-01-06",
      endDate: "2027-01-13",
      timed: true,
      beforeStart: { minutes: 50, completions: 2 },
      days: [{ date: "2027-01-06", weekday: 3, minutes: 20, completions: 1, over: true }],
      sections: [],
    };
    const bars = (lang: "en" | "es") => weeklyChartView(translatorFor(lang), chart).days.map((day) => [day.label, day.text]);
    expect(bars("en")).toEqual([
      ["Before", "50"],
      ["Wed", "20"],
    ]);
    expect(bars("es")[0]).toEqual(["Antes", "50"]);
    expect(weeklyChartView(translatorFor("en"), { ...chart, timed: false }).days[0]?.value).toBe(2);
  });

  it("keeps the card's sections around the member's current week when not all fit, in course order", () => {
    // Twelve one-week sections; in week 10, sections 1-7 and 9 are read, 8 is not.
    const sections = Array.from({ length: 12 }, (_, index) => ({
      section: { id: index + 1, title: `S${index + 1}`, weekStart: index + 1, weekEnd: index + 1 } as StoredSection,
      done: index + 1 === 8 || index + 1 > 9 ? 0 : 2,
      total: 2,
      dueWeeks: { first: index + 1, last: index + 1 },
    }));
    const card = progressCardView(translatorFor("en"), { ...view, sections, currentWeek: 10 });
    const { shown, hidden } = rowsThatFit(card.sections, cardSectionRows);
    // Week 10's own, the unfinished 8 before it, then the next ones.
    expect(shown.map((row) => row.title)).toEqual(["S8", "S10", "S11", "S12"]);
    expect(hidden).toBe(8);
    // Before the course: the first sections, as they come.
    const before = progressCardView(translatorFor("en"), { ...view, sections, currentWeek: 0 });
    expect(rowsThatFit(before.sections, cardSectionRows).shown.map((row) => row.title)).toEqual(["S1", "S2", "S3", "S4"]);
  });

  it("keeps the charted week's sections on the weekly chart when not all fit, then the most recent", () => {
    const sections = Array.from({ length: 9 }, (_, index) => ({
      title: `S${index + 1}`,
      percent: 50,
      weekStart: index + 1,
      weekEnd: index + 2,
    }));
    const chart = { weekNumber: 9, startDate: "2027-03-01", endDate: "2027-03-08", timed: true, beforeStart: null, days: [], sections };
    const { shown, hidden } = rowsThatFit(weeklyChartView(translatorFor("en"), chart).sections, chartSectionRows);
    expect(shown.map((row) => row.title)).toEqual(["S5", "S6", "S7", "S8", "S9"]);
    expect(hidden).toBe(4);
  });
});
