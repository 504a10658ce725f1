import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { CohortStatus, type Cohort } from "../../src/domain/cohort/cohortModel.js";
import type { StoredCurriculum, StoredItem, StoredSection } from "../../src/domain/curriculum/storedCurriculum.js";
import { ProblemCode } from "../../src/domain/curriculum/parse/problemCodes.js";
import { fitLines, shareBudget } from "../../src/discord/render/fitLines.js";
import { renderCohortInfo, renderCohortList } from "../../src/discord/render/renderCohortAdmin.js";
import { renderCurriculumOutline, renderImportResult } from "../../src/discord/render/renderCurriculumAdmin.js";
import type { CohortInfoView } from "../../src/services/CohortInfoService.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { diffExampleCount } from "../../src/domain/curriculum/matchCurriculumVersions.js";
import { renderImportConfirmation } from "../../src/discord/render/renderImportConfirmation.js";
import type { ImportConfirmationView } from "../../src/services/CurriculumService.js";
import { hostileStrings, liveMarkup } from "../helpers/hostileText.js";
import { cohortFixture } from "../helpers/cohortFixture.js";

const en = translatorFor("en");

const more = (count: number) => `…and ${count} more`;

/** Discord's per-message embed rules: ≤10 embeds, ≤25 fields each, field and text sizes, 6,000 characters in all. */
function expectWithinDiscordLimits(embeds: readonly APIEmbed[]): void {
  expect(embeds.length).toBeGreaterThan(0);
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of embeds) {
    expect((embed.title ?? "").length).toBeLessThanOrEqual(256);
    expect((embed.description ?? "").length).toBeLessThanOrEqual(4096);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(25);
    total += (embed.title ?? "").length + (embed.description ?? "").length + (embed.footer?.text ?? "").length;
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(1024);
      total += field.name.length + field.value.length;
    }
  }
  expect(total).toBeLessThanOrEqual(6000);
}

describe("fitLines", () => {
  it("keeps everything that fits", () => {
    expect(fitLines(["a", "b", "c"], 5, more)).toBe("a\nb\nc");
  });

  it("ends with how many lines were left out", () => {
    const lines = ["first line", "second line", "third line", "fourth line"];
    // 10 + 1 + 11 + 1 + "…and 2 more" (11) = 34
    expect(fitLines(lines, 34, more)).toBe("first line\nsecond line\n…and 2 more");
    expect(fitLines(lines, 33, more)).toBe("first line\n…and 3 more");
  });

  it("says only how many there are when not even one line fits", () => {
    expect(fitLines(["a very long line indeed"], 12, more)).toBe("…and 1 more");
  });

  it("never exceeds the limit", () => {
    for (let max = 1; max < 60; max++) {
      expect(fitLines(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"], max, more).length).toBeLessThanOrEqual(max);
    }
  });
});

describe("shareBudget", () => {
  it("gives small blocks all they need and splits the rest equally", () => {
    expect(shareBudget([10, 500, 500], 310)).toEqual([10, 150, 150]);
  });

  it("gives everyone what they need when it fits", () => {
    expect(shareBudget([5, 7, 9], 100)).toEqual([5, 7, 9]);
  });

  it("never hands out more than the total", () => {
    const shares = shareBudget([400, 300, 1000, 20, 999], 1000);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeLessThanOrEqual(1000);
    expect(shares[3]).toBe(20);
  });
});

function item(sectionIndex: number, index: number, title: string): StoredItem {
  return {
    id: sectionIndex * 1000 + index,
    key: `s${sectionIndex}/${index}`,
    sectionId: sectionIndex,
    sectionKey: `s${sectionIndex}`,
    position: index,
    title,
    kind: index % 3 === 0 ? "Optional" : "Required",
    minutes: 25,
    group: index % 10 === 0 ? `Group ${index}` : null,
    track: null,
  };
}

function hugeCurriculum(sectionCount: number, itemsPerSection: number, titleLength: number): StoredCurriculum {
  const sections: StoredSection[] = Array.from({ length: sectionCount }, (_, sectionIndex) => ({
    id: sectionIndex,
    key: `s${sectionIndex}`,
    position: sectionIndex,
    title: `Section ${sectionIndex} ${"*@everyone*".repeat(titleLength / 11)}`,
    weekStart: sectionIndex + 1,
    weekEnd: sectionIndex + 2,
    estimatedMinutes: 300,
    summary: "",
    checkpoint: "After this section you should be able to explain it.",
    items: Array.from({ length: itemsPerSection }, (_, index) => item(sectionIndex, index, `Item ${index} ${"x".repeat(titleLength)}`)),
  }));
  return {
    id: 1,
    slug: "huge",
    title: "H".repeat(400),
    totalWeeks: sectionCount + 1,
    scope: "",
    description: "D".repeat(5000),
    sections,
    outcomes: Array.from({ length: 50 }, (_, index) => `Outcome ${index} ${"y".repeat(200)}`),
    checklist: [],
    notes: [],
  };
}

describe("renderCurriculumOutline", () => {
  it("stays inside Discord's limits for any size of curriculum", () => {
    for (const [sections, items, titleLength] of [
      [1, 1, 5],
      [12, 20, 20],
      [40, 100, 200],
      [300, 3, 10],
    ] as const) {
      const reply = renderCurriculumOutline(en, hugeCurriculum(sections, items, titleLength));
      expectWithinDiscordLimits(reply.embeds ?? []);
    }
  });

  it("says how many sections and items did not fit", () => {
    const reply = renderCurriculumOutline(en, hugeCurriculum(300, 3, 10));
    const text = JSON.stringify(reply.embeds);
    expect(text).toMatch(/…and \d+ more sections/);
    const long = renderCurriculumOutline(en, hugeCurriculum(12, 100, 20));
    expect(JSON.stringify(long.embeds)).toMatch(/…and \d+ more/);
  });

  it("shows a small curriculum whole, with its text made inert", () => {
    const reply = renderCurriculumOutline(en, { ...hugeCurriculum(1, 3, 11), description: "Short.", outcomes: ["Explain @here things"] });
    const text = JSON.stringify(reply.embeds);
    expect(text).toContain("Item 2");
    expect(text).toContain("Explain @");
    expect(text).not.toContain("…and");
    expect(text).not.toContain("@everyone");
    expect(text).not.toContain("@here");
  });
});

describe("renderImportResult", () => {
  it("lists problems with line numbers inside the embed limit, counting the rest", () => {
    const problems = Array.from({ length: 400 }, (_, index) => ({
      line: index + 1,
      code: ProblemCode.UnknownKind,
      params: { kind: `Problem ${"z".repeat(100)} @here` },
    }));
    const reply = renderImportResult(en, { ok: false, problems });
    expectWithinDiscordLimits(reply.embeds ?? []);
    const description = reply.embeds?.[0]?.description ?? "";
    expect(description).toContain('line 1: Unknown item kind "Problem');
    expect(description).toMatch(/…and \d+ more\./);
    expect(description).not.toContain("@here");
  });

  it.each([
    [
      ProblemCode.ImporterUnavailable,
      { seconds: 4 },
      "The importer is restarting after a fault of its own, not of this file. Try the import again in 4 seconds.",
    ],
    [ProblemCode.ParseTimedOut, { seconds: 30 }, "Reading this file took more than 30 seconds, so it was stopped. Please report it."],
    [ProblemCode.ImporterFailed, { reason: "worker stopped" }, "The importer could not read this file (worker stopped). Please report it."],
  ])("says the importer's own %s alone, not as a line of the file to fix", (code, params, sentence) => {
    const reply = renderImportResult(en, { ok: false, problems: [{ line: 1, code, params }] });
    const description = reply.embeds?.[0]?.description ?? "";
    expect(description).toBe(sentence);
    const spanish = renderImportResult(translatorFor("es"), { ok: false, problems: [{ line: 1, code, params }] });
    expect(spanish.embeds?.[0]?.description).not.toMatch(/línea 1|Corrige/);
  });
});

function cohort(index: number, name: string): Cohort {
  return cohortFixture({
    id: index,
    guildId: "100000000000000001",
    channelId: "100000000000000002",
    name,
    curriculumId: 1,
    settings: {
      startDate: "2027-01-04",
      timeZone: "UTC",
      studyDays: [1, 2, 3, 4, 5],
      includeOptional: false,
      announceDay: 1,
      announceTime: "09:00",
      checkpointTime: "17:00",
      planRule: 2,
    },
  });
}

function infoWith(extraFields: CohortInfoView["extraFields"]): CohortInfoView {
  return {
    cohort: cohort(1, "Cohort"),
    curriculum: { slug: "c", title: "Title", totalWeeks: 52 },
    memberCount: 3,
    totalWeeks: 52,
    breakWeeks: [],
    picturesBlocked: false,
    threadsBlocked: false,
    boardsBlocked: [],
    excludeRoleUnlisted: false,
    excludeRoleDeleted: false,
    excludeRoleDeletedWarning: false,
    channelTrouble: null,
    heldChannel: null,
    channelUsableAgain: false,
    finalEditWaiting: false,
    finalEditChannelGone: false,
    postsOnHold: false,
    currentWeek: 45,
    shownStatus: CohortStatus.Active,
    endedInWeek: null,
    startsAt: new Date("2027-01-04T00:00:00Z"),
    lastDate: "2028-01-02",
    nextWeekPost: null,
    nextWeekPostSentUntil: null,
    nextCheckpoint: null,
    extraFields,
  };
}

describe("cohort views", () => {
  it("lists any number of cohorts inside the limits", () => {
    const views = Array.from({ length: 200 }, (_, index) => ({
      cohort: cohort(index, `Cohort ${index} ${"n".repeat(70)}`),
      curriculum: { slug: "c", title: "T".repeat(200), totalWeeks: 12 },
      memberCount: index,
      totalWeeks: 12,
      currentWeek: 3,
      shownStatus: CohortStatus.Active,
      endedInWeek: null,
      channelUsableAgain: false,
    }));
    const reply = renderCohortList(en, views);
    expectWithinDiscordLimits(reply.embeds ?? []);
    expect(reply.embeds?.[0]?.description).toMatch(/…and \d+ more/);
  });

  it("says, without a double negative, that no role is kept off the boards when exclude_role is not set", () => {
    const valueIn = (language: "en" | "es", name: string) =>
      renderCohortInfo(translatorFor(language), infoWith([])).embeds?.[0]?.fields?.find((field) => field.name === name)?.value;
    expect(valueIn("en", "Never ranked")).toBe("No role: every member can be ranked");
    expect(valueIn("es", "Nunca clasificados")).toBe("Ningún rol: todos los miembros pueden clasificarse");
  });

  it("adds extension fields to /cohort info without breaking the limits", () => {
    const view: CohortInfoView = {
      cohort: { ...cohort(1, "@everyone cohort"), channelProblem: "no_permission", excludeRoleId: "123456789012345678" },
      curriculum: { slug: "c", title: "Title", totalWeeks: 12 },
      memberCount: 3,
      totalWeeks: 13,
      breakWeeks: [5],
      picturesBlocked: true,
      threadsBlocked: true,
      boardsBlocked: ["view_channel", "read_message_history", "embed_links"],
      excludeRoleUnlisted: true,
      excludeRoleDeleted: false,
      excludeRoleDeletedWarning: false,
      channelTrouble: null,
      heldChannel: { problem: "no_permission", missing: [], usableAgain: false },
      channelUsableAgain: false,
      finalEditWaiting: false,
      finalEditChannelGone: false,
      postsOnHold: true,
      currentWeek: 2,
      shownStatus: CohortStatus.Active,
      endedInWeek: null,
      startsAt: new Date("2027-01-04T00:00:00Z"),
      lastDate: "2027-03-28",
      nextWeekPost: {
        kind: "week",
        period: "week-3",
        dueAt: new Date("2027-01-18T09:00:00Z"),
        localDate: "2027-01-18",
        localTime: "09:00",
        weekNumber: 3,
      },
      nextWeekPostSentUntil: null,
      nextCheckpoint: null,
      extraFields: Array.from({ length: 30 }, (_, index) => ({
        kind: "checkpointTallies" as const,
        sections: Array.from({ length: 40 }, (_, section) => ({
          sectionTitle: `Section ${index}.${section} ${"v".repeat(60)}`,
          confident: 1,
          partly: 2,
          notYet: 3,
        })),
      })),
    };
    const reply = renderCohortInfo(en, view);
    expectWithinDiscordLimits(reply.embeds ?? []);
    const fields = reply.embeds?.[0]?.fields ?? [];
    expect(fields.map((field) => field.name)).toContain("Checkpoint self-assessments");
    // The warnings come before the extension fields, so none of them gives way to those.
    expect(fields.find((field) => field.name === "⚠️ Never ranked")?.value).toContain("<@&123456789012345678>");
    expect(JSON.stringify(reply.embeds)).not.toContain("@everyone");
    expect(JSON.stringify(reply.embeds)).toContain(`<t:${Date.parse("2027-01-18T09:00:00Z") / 1000}:F>`);
  });

  it("keeps the latest sections' checkpoint lines when not all fit: a long course's early ones give way", () => {
    const sections = Array.from({ length: 40 }, (_, section) => ({
      sectionTitle: `Section ${section + 1}`,
      confident: 1,
      partly: 0,
      notYet: 2,
    }));
    const view = infoWith([
      { kind: "checkpointTallies", sections },
      {
        kind: "confidenceMap",
        sections: sections.map((section) => ({
          sectionTitle: section.sectionTitle,
          onTrack: { confident: 1, partly: 0, notYet: 0 },
          behind: { confident: 0, partly: 0, notYet: 2 },
        })),
      },
    ]);
    for (const field of (renderCohortInfo(en, view).embeds?.[0]?.fields ?? []).slice(-2)) {
      const lines = field.value.split("\n");
      expect(lines[0]).toMatch(/^…and \d+ earlier sections$/);
      expect(lines.at(-1)).toMatch(/^Section 40: /);
      expect(field.value).not.toMatch(/^Section 1: /m);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
  });
});

describe("a re-import's diff", () => {
  const hostile = hostileStrings.slice(0, diffExampleCount);
  const view: ImportConfirmationView = {
    pendingId: 42,
    curriculum: { id: 1, slug: "tiny-study-path", title: "[Free Nitro](https://evil.example/claim)", totalWeeks: 2, scope: "1" },
    sections: 2,
    items: 30,
    timed: true,
    diff: {
      added: 20,
      removed: 3,
      changed: 1,
      kept: 9,
      addedTitles: hostile,
      removedTitles: ["<@111111111111111111>", "@everyone", "x".repeat(5000)],
      changedTitles: ["**bold** __underline__ *italic* _italic_ ~~strike~~ ||spoiler||"],
      removedItemIds: [7, 8, 9],
      sectionChanges: 0,
      sectionChangeExamples: [],
    },
    retiredCompletions: 5,
    affectedMembers: 2,
    expiresAt: new Date("2027-01-05T10:15:00Z"),
    endingCohorts: { weeks: 1, previousWeeks: 2, names: [...hostile.slice(0, 6), "x".repeat(5000)], paused: 2 },
    finishedCohorts: 0,
  };

  it.each(["en", "es"] as const)(
    "shows counts, examples and Confirm/Cancel in %s, with every title inert and within Discord's limits",
    (language) => {
      const reply = renderImportConfirmation(translatorFor(language), view);
      expect(reply.ephemeral).toBe(true);
      expectWithinDiscordLimits(reply.embeds ?? []);
      const text = (reply.embeds ?? [])
        .flatMap((embed) => [
          embed.title ?? "",
          embed.description ?? "",
          ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
        ])
        .join("\n");
      expect(liveMarkup(text)).toEqual([]);
      expect(text).toContain(
        language === "en" ? "20 added · 3 removed · 1 changed · 9 kept" : "20 añadidas · 3 eliminadas · 1 modificada · 9 sin cambios",
      );
      expect(text).toContain(
        language === "en" ? "5 completions of removed items (2 members)" : "Se retiran 5 registros de lecturas eliminadas",
      );
      expect(text).toContain(language === "en" ? "…and 12 more" : "…y 12 más");
      expect(text).toContain(
        language === "en"
          ? "⚠️ The new version is 1 week long (was 2): these running cohorts are already past that, so their courses would be over at once:"
          : "⚠️ La nueva versión dura 1 semana (antes 2): estas cohortes en curso ya han pasado ese punto, así que sus cursos terminarían de inmediato:",
      );
      expect(text).toContain(
        language === "en"
          ? " and 2 more. 2 of them are paused: their courses end when they are resumed, and their closing posts go out then."
          : " y 2 más. 2 de ellas están en pausa: sus cursos terminan cuando se reanuden, y sus publicaciones de cierre salen entonces.",
      );
      const buttons = (reply.components ?? []).flatMap((row) => row.components) as { custom_id?: string }[];
      expect(buttons.map((button) => button.custom_id)).toEqual(["import:confirm:42", "import:cancel:42"]);
    },
  );
});
