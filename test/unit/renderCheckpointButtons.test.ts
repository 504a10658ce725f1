import type { APIButtonComponent } from "discord.js";
import { describe, expect, it } from "vitest";
import type { StoredSection } from "../../src/domain/curriculum/storedCurriculum.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { renderCheckpoint } from "../../src/discord/render/renderCheckpoint.js";
import type { CheckpointView } from "../../src/services/CheckpointService.js";
import { cohortFixture } from "../helpers/cohortFixture.js";

const section = (id: number, title: string): StoredSection => ({
  id,
  key: `s${id}`,
  position: id,
  title,
  weekStart: 1,
  weekEnd: 1,
  estimatedMinutes: null,
  summary: "",
  checkpoint: "You can explain it.",
  items: [],
});

function viewOf(titles: readonly string[], moreSections = 0): CheckpointView {
  return {
    cohort: cohortFixture({ id: 1, curriculumId: 1 }),
    sections: titles.map((title, index) => ({
      section: section(index + 1, title),
      prompt: { source: "checkpoint", text: "You can explain it." },
      answer: index === 0 ? "not_yet" : null,
    })),
    moreSections,
    totalWeeks: 1,
  };
}

function labelsFor(titles: readonly string[], language: "en" | "es" = "en"): string[] {
  const view = viewOf(titles);
  return (
    renderCheckpoint(translatorFor(language), view).components?.flatMap((row) =>
      row.components.map((component) => (component as APIButtonComponent & { label: string }).label),
    ) ?? []
  );
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `/checkpoint` with several sections: each button names its section and always its whole answer. */
describe("/checkpoint's buttons when sections have long titles", () => {
  it("shortens a 200-character title, never the answer, so the three buttons differ", () => {
    const labels = labelsFor(["A".repeat(200), "B".repeat(200)]);
    expect(labels.map((label) => label.slice(label.lastIndexOf(": ") + 2))).toEqual([
      "Confident",
      "Partly",
      "✓ Not yet",
      "Confident",
      "Partly",
      "Not yet",
    ]);
    for (const label of labels) {
      expect(label.length).toBeLessThanOrEqual(80);
      expect(label).toMatch(/^A+…: |^B+…: /);
    }
    expect(labels[0]?.length).toBe(80);
  });

  it("cuts a title of emoji between characters, not inside one", () => {
    const labels = labelsFor(["🚀".repeat(100), "Short"], "es");
    for (const label of labels) {
      expect(label.length).toBeLessThanOrEqual(80);
      expect(label).not.toMatch(loneSurrogate);
    }
    expect(labels[0]).toMatch(/^(🚀)+…: /);
    expect(labels.slice(3)).toEqual(labelsFor(["x", "Short"], "es").slice(3));
  });

  it("leaves titles that fit as they are", () => {
    expect(labelsFor(["More", "Last"])).toEqual([
      "More: Confident",
      "More: Partly",
      "More: ✓ Not yet",
      "Last: Confident",
      "Last: Partly",
      "Last: Not yet",
    ]);
  });
});

/** More than five sections end the same week: Discord allows five rows of buttons, so the reply says the rest are elsewhere. */
describe("/checkpoint when more sections end this week than it has rows for", () => {
  const five = ["One", "Two", "Three", "Four", "Five"];

  it("tells the member how many more there are and where to answer them, in English and Spanish", () => {
    expect(renderCheckpoint(translatorFor("en"), viewOf(five, 2)).content).toBe(
      "2 more sections end this week too: answer their checkpoints with the buttons of their posts in the cohort's channel.",
    );
    expect(renderCheckpoint(translatorFor("es"), viewOf(five, 2)).content).toMatch(/^2 secciones más terminan también esta semana/);
  });

  it("words one more section in the singular, in English and Spanish", () => {
    expect(renderCheckpoint(translatorFor("en"), viewOf(five, 1)).content).toMatch(
      /^1 more section ends this week too: answer its checkpoint /,
    );
    expect(renderCheckpoint(translatorFor("es"), viewOf(five, 1)).content).toMatch(
      /^1 sección más termina también esta semana: responde a su punto de control /,
    );
  });

  it("says nothing more when all of them fit", () => {
    expect(renderCheckpoint(translatorFor("en"), viewOf(five)).content).toBeUndefined();
  });
});
