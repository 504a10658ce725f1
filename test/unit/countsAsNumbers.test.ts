import { describe, expect, it } from "vitest";
import { translatorFor } from "../../src/discord/i18n/Translator.js";

/**
 * Counts that reach the thousands (a 520-week curriculum holds up to 104,000 items, a cohort as many members as
 * a server): each is written as its language writes numbers, as points, ranks and plural counts already are.
 * English groups every thousand ("1,204"); Spanish groups from five digits ("1204", "12.040").
 */
describe("counts in replies, posts and alt texts, written as the language writes numbers", () => {
  const en = translatorFor("en");
  const es = translatorFor("es");

  it("groups /progress's and /today's item counts", () => {
    expect(en.plain("progress.required", { bar: "▰", done: 1204, total: 2000, timed: "yes" })).toBe("Required items: ▰ **1,204/2,000**");
    expect(es.plain("progress.required", { bar: "▰", done: 12040, total: 20000, timed: "yes" })).toBe(
      "Lecturas obligatorias: ▰ **12.040/20.000**",
    );
    expect(es.plain("progress.required", { bar: "▰", done: 1204, total: 2000, timed: "yes" })).toBe(
      "Lecturas obligatorias: ▰ **1204/2000**",
    );
    expect(en.plain("progress.section", { bar: "▰", done: 1000, total: 1200, title: "Big", weeks: "Week 1" })).toBe(
      "▰ 1,000/1,200 · Big (Week 1)",
    );
    expect(en.plain("today.weekProgressValue", { bar: "▰", done: 1000, total: 1200, timed: "yes" })).toBe("▰ 1,000/1,200 items");
  });

  it("groups the progress card's alt text counts", () => {
    const alt = en.plain("progressCard.alt", {
      name: "Ada",
      done: 1204,
      total: 2000,
      timed: "yes",
      points: 36120,
      standing: "rank #1 of 2",
      starts: "no",
      startsOn: "",
      streak: 1200,
      studied: 20,
      missed: 0,
      frozen: 0,
      off: 0,
    });
    expect(alt).toContain("1,204 of 2,000 required items done, 36,120 points");
  });

  it("groups the facilitators' counts: roster streaks and answers, the confidence map, the checkpoint tally", () => {
    const roster = en.plain("roster.line", {
      member: "Ada",
      name: "ada",
      pace: "on track",
      logged: "yes",
      last: "today",
      streak: 1200,
      confident: 1000,
      partly: 2000,
      notYet: 3000,
      hasLatest: "no",
      latest: "",
      daysOff: "no",
      until: "",
      nudgesOff: "no",
    });
    expect(roster).toContain("streak 1,200 · ✅ 1,000 🟡 2,000 🔴 3,000");
    const counts = { confident: 10000, confidentBehind: 2000, partly: 3000, partlyBehind: 4000, notYet: 5000, notYetBehind: 6000 };
    expect(es.plain("confidence.line", { section: "S", ...counts })).toBe(
      "S: Con seguridad 10.000/2000 · En parte 3000/4000 · Todavía no 5000/6000",
    );
    expect(en.plain("confidence.line", { section: "S", ...counts })).toBe(
      "S: Confident 10,000/2,000 · Partly 3,000/4,000 · Not yet 5,000/6,000",
    );
    expect(en.plain("cohortAdmin.tallyLine", { section: "S", confident: 1000, partly: 2000, notYet: 3000 })).toBe(
      "S: Confident 1,000 · Partly 2,000 · Not yet 3,000",
    );
  });

  it("groups the admins' list and curriculum counts", () => {
    expect(en.plain("cohortAdmin.listTitle", { count: 1200 })).toBe("Cohorts in this server (1,200)");
    expect(en.plain("curriculumAdmin.listTitle", { count: 1200 })).toBe("Curricula (1,200)");
    // Beside "1,200 required" (a plural's #, already grouped), the reference count reads alike.
    expect(en.plain("curriculumAdmin.reference", { count: 1200 })).toBe("1,200 reference");
    expect(es.plain("curriculumAdmin.reference", { count: 12000 })).toBe("12.000 de consulta");
  });
});
