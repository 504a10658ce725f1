import { describe, expect, it } from "vitest";
import { checkpointStanding, isPending, latestCheckpointKeys } from "../../src/domain/schedule/latestCheckpoints.js";
import type { PlannedPost } from "../../src/domain/schedule/scheduleTypes.js";
import { renderNudgeDm } from "../../src/discord/render/renderNudgeDm.js";
import { renderNudge } from "../../src/discord/render/renderFacilitators.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import type { Language } from "../../src/discord/i18n/languages.js";
import { NudgeOutcome } from "../../src/services/NudgeService.js";
import { cohortFixture } from "../helpers/cohortFixture.js";

const post = (kind: PlannedPost["kind"], at: string, sectionKey?: string): PlannedPost => ({
  kind,
  period: `${kind}-${sectionKey ?? at}`,
  dueAt: new Date(at),
  localDate: at.slice(0, 10),
  localTime: at.slice(11, 16),
  ...(sectionKey === undefined ? {} : { sectionKey }),
});

describe("the checkpoints posted at the latest moment", () => {
  const posts = [
    post("checkpoint", "2027-01-15T17:00:00Z", "basics"),
    post("week", "2027-01-18T09:00:00Z"),
    post("checkpoint", "2027-01-22T17:00:00Z", "more"),
    post("checkpoint", "2027-01-22T17:00:00Z", "last"),
    post("checkpoint", "2027-01-29T17:00:00Z", "after"),
  ];

  it("are every section posted at that instant, none before the first and none still to come", () => {
    expect(latestCheckpointKeys(posts, new Date("2027-01-15T16:59:00Z"))).toEqual([]);
    expect(latestCheckpointKeys(posts, new Date("2027-01-20T00:00:00Z"))).toEqual(["basics"]);
    expect(latestCheckpointKeys(posts, new Date("2027-01-22T17:00:00Z"))).toEqual(["more", "last"]);
    expect(latestCheckpointKeys([...posts].reverse(), new Date("2027-01-28T00:00:00Z")).sort()).toEqual(["last", "more"]);
  });

  it("leave a member not yet there while any of them is answered Not yet; one left unanswered does not", () => {
    const oneUnanswered = checkpointStanding([1, 2], new Map([[1, "confident"]]));
    expect(oneUnanswered).toEqual({ total: 2, unanswered: [2], notYet: [] });
    expect(isPending(oneUnanswered)).toBe(false);
    for (const sections of [
      [1, 2],
      [2, 1],
    ]) {
      const notYetOnFirst = checkpointStanding(
        sections,
        new Map([
          [1, "not_yet"],
          [2, "partly"],
        ]),
      );
      expect(notYetOnFirst.notYet).toEqual([1]);
      expect(isPending(notYetOnFirst)).toBe(true);
    }
    expect(isPending(checkpointStanding([1, 2], new Map([[2, "not_yet"]])))).toBe(true);
    expect(
      isPending(
        checkpointStanding(
          [1, 2],
          new Map([
            [1, "partly"],
            [2, "confident"],
          ]),
        ),
      ),
    ).toBe(false);
    expect(isPending(checkpointStanding([], new Map()))).toBe(false);
  });
});

describe("the Nudge DM's unanswered checkpoints", () => {
  it("names at most three, shortened and inert for Markdown, then counts the rest", () => {
    const cohort = cohortFixture({ id: 1, curriculumId: 1, name: "Spring" });
    const titles = [`**Bold** ${"x".repeat(200)}`, "Two", "Three", "Four", "Five"];
    const text = renderNudgeDm(cohort, null, titles).embeds[0]?.description ?? "";
    expect(text).toContain("The 5 latest checkpoints are still waiting for your answer");
    expect(text).toContain("\\*\\*Bold\\*\\*");
    expect(text).not.toContain("x".repeat(100));
    expect(text).toContain("**Three**");
    expect(text).not.toContain("Four");
    expect(text).toContain("…and 2 more");
    expect(renderNudgeDm(cohort, null, []).embeds[0]?.description).not.toContain("checkpoint");
  });
});

describe("the latest checkpoints' sentences, in English and Spanish, for one and for several", () => {
  const cohortIn = (language: string) => ({ ...cohortFixture({ id: 1, curriculumId: 1, name: "Spring" }), language });
  const nudgeAnswer = (language: Language, titles: readonly string[]) =>
    renderNudge(translatorFor(language), {
      cohort: cohortIn(language),
      userId: "42",
      memberId: 7,
      displayName: "Ada",
      cohortNames: [{ memberId: 7, displayName: "Ada" }],
      outcome: NudgeOutcome.Sent,
      nextAt: null,
      daysOffUntil: null,
      finished: false,
      timed: true,
      unansweredCheckpoints: titles,
    }).content ?? "";
  const dm = (language: Language, titles: readonly string[]) =>
    renderNudgeDm(cohortIn(language), null, titles).embeds[0]?.description ?? "";
  const one = ["Uno"];
  const five = ["Uno", "Dos", "Tres", "Cuatro", "Cinco"];

  it("says them in Spanish", () => {
    const t = translatorFor("es");
    expect(t.t("roster.latestNotYet", { count: 2, total: 5 })).toBe("2/5");
    expect(t.t("roster.latestLegend")).toBe('🤔 2/3: "Todavía no" en 2 de los 3 últimos puntos de control');
    expect(dm("es", one)).toContain(
      "El último punto de control sigue esperando tu respuesta: **Uno**. Sus botones están en su publicación",
    );
    expect(dm("es", five)).toContain(
      "Los 5 últimos puntos de control siguen esperando tu respuesta: **Uno**, **Dos**, **Tres** …y 2 más. Sus botones están en sus publicaciones",
    );
    expect(nudgeAnswer("es", one)).toContain("En él se nombra el último punto de control publicado que aún no ha respondido: **Uno**.");
    expect(nudgeAnswer("es", five)).toContain(
      "En él se nombran los 5 últimos puntos de control publicados que aún no ha respondido: **Uno**",
    );
    expect(nudgeAnswer("es", [])).toBe("Has animado a <@42> (Ada): ha recibido un mensaje directo amable.");
  });

  it("says them in English, with a count only when more than one was posted", () => {
    const t = translatorFor("en");
    expect(t.t("roster.latestNotYet", { count: 1, total: 1 })).toBe("1/1");
    expect(t.t("roster.latestLegend")).toBe('🤔 2/3: "Not yet" on 2 of the 3 latest checkpoints');
    expect(dm("en", one)).toContain("The latest checkpoint is still waiting for your answer: **Uno**. Its buttons are on its prompt");
    expect(dm("en", five)).toContain("The 5 latest checkpoints are still waiting for your answer: **Uno**, **Dos**, **Tres** …and 2 more.");
    expect(nudgeAnswer("en", one)).toContain("It names the latest checkpoint they have not answered: **Uno**.");
    expect(nudgeAnswer("en", five)).toContain("It names the 5 latest checkpoints they have not answered: **Uno**");
  });
});
