import { describe, expect, it } from "vitest";
import { renderPaceChange } from "../../src/discord/render/renderPace.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { PaceMode, type CatchUpView, type PaceChangeView } from "../../src/services/MemberPlanService.js";
import { cohortFixture } from "../helpers/cohortFixture.js";

const en = translatorFor("en");
const es = translatorFor("es");

/** A /pace catch_up reply's text for `catchUp`, `moved` the re-planned items' tally. */
function caughtUpText(lang: typeof en, catchUp: Omit<CatchUpView, "until" | "windowDays">, minutes: number): string {
  const view: PaceChangeView = {
    cohort: cohortFixture({ id: 1, curriculumId: 1, name: "Spring" }),
    mode: PaceMode.CatchUp,
    moved: { items: 6, minutes, unestimatedItems: minutes > 0 ? 0 : 6 },
    days: 2,
    catchUpUntil: "2027-01-13",
    catchUp: { ...catchUp, until: "2027-01-13", windowDays: 2 },
    stillOverdue: null,
    extraWeeks: 0,
    maxExtraWeeks: 4,
  };
  return renderPaceChange(lang, view).embeds?.[0]?.description ?? "";
}

describe("/pace catch_up reply", () => {
  it("names no cap on a topics-only path, where no item has an estimate", () => {
    const text = caughtUpText(en, { pastWindow: true, stretchedByCap: true, timed: false, oversizedDates: [], cap: 30 }, 0);
    expect(text).toContain("It takes more than 2 study days, as no day carries more than twice an average study day.");
    expect(text).not.toContain("30 min");
  });

  it("names the cap where the path has estimates", () => {
    const text = caughtUpText(en, { pastWindow: true, stretchedByCap: true, timed: true, oversizedDates: [], cap: 112 }, 240);
    expect(text).toContain("as no day carries more than twice an average study day (1 h 52 min).");
  });

  it("speaks of one reading taking a day of its own when only one does", () => {
    const one = { pastWindow: true, stretchedByCap: false, timed: true, oversizedDates: ["2027-01-08"], cap: 112 };
    expect(caughtUpText(en, one, 240)).toContain("It takes more than 2 study days, as that reading takes a day of its own.");
    expect(caughtUpText(es, one, 240)).toContain("Ocupa más de 2 días de estudio, porque esa lectura ocupa un día para ella sola.");
    const two = { ...one, oversizedDates: ["2027-01-08", "2027-01-11"] };
    expect(caughtUpText(en, two, 240)).toContain("as each of those readings takes a day of its own.");
  });
});

/** A /pace extend reply's text with `stillOverdue` left due before today. */
function extendedText(lang: typeof en, stillOverdue: PaceChangeView["stillOverdue"]): string {
  const view: PaceChangeView = {
    cohort: cohortFixture({ id: 1, curriculumId: 1, name: "Spring" }),
    mode: PaceMode.Extend,
    moved: { items: 0, minutes: 0, unestimatedItems: 0 },
    days: 5,
    catchUpUntil: null,
    catchUp: null,
    stillOverdue,
    extraWeeks: 1,
    maxExtraWeeks: 4,
  };
  return renderPaceChange(lang, view).embeds?.[0]?.description ?? "";
}

describe("/pace extend reply", () => {
  it("says one overdue topic without estimates stays overdue, with no time, in both languages", () => {
    const one = { items: 1, minutes: 0, unestimatedItems: 1 };
    expect(extendedText(en, one)).toContain(
      "**1 topic** due before today is still overdue: `/pace mode:catch_up` spreads it over your next study days.",
    );
    expect(extendedText(es, one)).toContain(
      "**1 tema** de antes de hoy sigue atrasado: `/ritmo modo:Ponerse al día` lo reparte en tus próximos días de estudio.",
    );
  });

  it("says nothing of overdue reading when none is left", () => {
    expect(extendedText(en, { items: 0, minutes: 0, unestimatedItems: 0 })).not.toContain("overdue");
  });
});
