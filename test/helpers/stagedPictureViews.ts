import type {
  CourseChartView,
  ProgressCardLabels,
  ProgressCardView,
  StudyDayState,
  WeeklyChartView,
} from "../../src/discord/pictures/pictureViews.js";

const englishCardLabels = (rank: string, streakDays: number, freezesLeft: number, points: number): ProgressCardLabels => ({
  required: "Required",
  sections: "Sections",
  points: "points",
  // As the reference pictures were drawn (a number with four digits has no separator there).
  pointsValue: `${points}`,
  rank,
  streak: "Streak",
  streakValue: `🔥 ${streakDays} ${streakDays === 1 ? "day" : "days"}`,
  freezes: `❄ ${freezesLeft} ${freezesLeft === 1 ? "freeze" : "freezes"} left`,
  weekdays: ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
  legend: { done: "Done", missed: "Missed", frozen: "Frozen", dayOff: "Day off" },
  moreSections: (hidden) => `+${hidden} more`,
  count: ({ done, total }) => `${done} / ${total}`,
  sectionCount: ({ done, total }) => `${done}/${total}`,
});

/** One letter per day: d done, m missed, z frozen (a freeze spent), o day off, - not a study day, f future. */
function days(pattern: string): StudyDayState[] {
  const states = { d: "done", m: "missed", z: "frozen", o: "dayOff", "-": "notStudyDay", f: "future" } as const;
  return Array.from(pattern, (letter) => states[letter as keyof typeof states]);
}

const fourWeeks = [
  { label: "W3", days: days("ddzdd--") },
  { label: "W4", days: days("ddddo--") },
  { label: "W5", days: days("dmddd--") },
  { label: "W6", days: days("dddffff") },
];

export const cyrillicCardView: ProgressCardView = {
  memberName: "Дмитрий Ковалёв",
  cohortName: "Spring cohort · Designing Data-Intensive Applications",
  required: { done: 14, total: 22 },
  sections: [
    { title: "Foundations of Data Systems", done: 6, total: 6 },
    { title: "Distributed Data", done: 5, total: 8 },
    { title: "Derived Data", done: 3, total: 8 },
  ],
  points: 1240,
  streakDays: 9,
  freezesLeft: 2,
  weeks: fourWeeks,
  labels: englishCardLabels("#3 of 24", 9, 2, 1240),
};

export const emojiCardView: ProgressCardView = {
  memberName: "🦊 Zoë the Very Long-Named Reader of Ελληνικά 📚✨ and more",
  cohortName: "Book club 🌱",
  required: { done: 0, total: 12 },
  sections: [
    { title: "Part I — an introduction with a title far too long to fit in the column", done: 0, total: 3 },
    { title: "Part II", done: 0, total: 3 },
    { title: "Part III", done: 0, total: 2 },
    { title: "Part IV", done: 0, total: 2 },
    { title: "Part V", done: 0, total: 1 },
    { title: "Part VI", done: 0, total: 1 },
    { title: "Part VII", done: 0, total: 1 },
  ],
  points: 0,
  streakDays: 0,
  freezesLeft: 0,
  weeks: [{ label: "W1", days: days("ffff---") }],
  labels: englishCardLabels("", 0, 0, 0),
};

export const weeklyChartView: WeeklyChartView = {
  title: "Week 5 · 6–12 April",
  days: [
    { label: "Mon", value: 412, text: "412" },
    { label: "Tue", value: 388, text: "388" },
    { label: "Wed", value: 251, text: "251" },
    { label: "Thu", value: 460, text: "460" },
    { label: "Fri", value: 97, text: "97" },
  ],
  sections: [
    { title: "Foundations of Data Systems", percent: 100, text: "100%" },
    { title: "Distributed Data", percent: 71.4, text: "71%" },
    { title: "Derived Data", percent: 12, text: "12%" },
    { title: "Appendix: Ελληνικά και Русский", percent: 0, text: "0%" },
  ],
  labels: {
    perDay: "Minutes read",
    sectionCompletion: "Section completion",
    moreSections: (hidden) => `+${hidden} more`,
  },
};

export const courseChartView: CourseChartView = {
  title: "Spring cohort · the whole course",
  weeks: [96, 91, 88, 84, 79, 80, 72, 65, 100, 58].map((percent, index) => ({ label: `W${index + 1}`, percent, text: `${percent}%` })),
  labels: { completionPerWeek: "Completion per week", percentAxis: { half: "50%", full: "100%" } },
};
