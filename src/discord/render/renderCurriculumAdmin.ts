import type { APIEmbed, APIEmbedField } from "discord.js";
import type { ParseProblem } from "../../domain/curriculum/curriculumModel.js";
import {
  ImportOutcome,
  keptItemsOf,
  type CurriculumSummary,
  type StoredCurriculum,
  type StoredSection,
} from "../../domain/curriculum/storedCurriculum.js";
import { isChoiceTrack } from "../../domain/schedule/choiceSlots.js";
import { curriculumTotals } from "../../domain/schedule/curriculumTotals.js";
import type { ImportResult } from "../../services/CurriculumService.js";
import type { UsableCurriculum } from "../../services/findCurriculumByOption.js";
import { renderParseProblem } from "../i18n/renderParseProblem.js";
import { isImporterProblem } from "../../domain/curriculum/parse/problemCodes.js";
import type { Reply } from "../commandTypes.js";
import { embedLength, fitLines, shareBudget } from "./fitLines.js";
import { durationText, weeksText } from "../i18n/formatters.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { colors, limits, truncate } from "./format.js";

/** Discord shows at most ten embeds per message. */
const maxEmbeds = 10;
/** A section field needs at least this much room to say anything useful. */
const minFieldValue = 40;
const maxLineLength = 160;
const maxDescriptionExcerpt = 500;

function scopeLabel(t: Translator, curriculum: CurriculumSummary & Partial<Pick<UsableCurriculum, "replacesBuiltIn">>): string {
  if (curriculum.scope === "") return t.t("curriculumAdmin.scopeBuiltIn");
  return t.t(curriculum.replacesBuiltIn ? "curriculumAdmin.scopeReplacesBuiltIn" : "curriculumAdmin.scopeImported");
}

export function renderCurriculumList(t: Translator, curricula: readonly UsableCurriculum[]): Reply {
  if (curricula.length === 0) return { content: t.t("curriculum.none"), ephemeral: true };
  const lines = curricula.map((curriculum) =>
    t.t("curriculumAdmin.listLine", {
      title: markup(truncate(t.user(curriculum.title), 120)),
      slug: markup(curriculum.slug),
      weeks: curriculum.totalWeeks,
      scope: markup(scopeLabel(t, curriculum)),
    }),
  );
  return {
    embeds: [
      {
        color: colors.brand,
        title: t.t("curriculumAdmin.listTitle", { count: curricula.length }),
        description: fitLines(lines, limits.description, (count) => t.t("curriculumAdmin.moreCurricula", { count })),
      },
    ],
    ephemeral: true,
  };
}

function itemLines(t: Translator, section: StoredSection): string[] {
  const lines: string[] = [];
  let group: string | null = null;
  for (const item of section.items) {
    if (item.group !== group) {
      group = item.group;
      if (group !== null) lines.push(truncate(t.t("curriculumAdmin.group", { group }), maxLineLength));
    }
    const minutes = item.minutes === null ? "none" : markup(durationText(t, item.minutes));
    // A "choose one" track is part of its group's Required slot, never optional reading.
    const kind = isChoiceTrack(item) ? "Choice" : item.kind;
    lines.push(truncate(t.t("curriculumAdmin.item", { title: item.title, minutes, kind: markup(kind) }), maxLineLength));
  }
  if (lines.length === 0) lines.push(t.t("curriculumAdmin.noItems"));
  return lines;
}

function totalsLine(t: Translator, curriculum: StoredCurriculum): string {
  const totals = curriculumTotals(curriculum.sections.flatMap((section) => section.items));
  const parts = [
    `\`${curriculum.slug}\``,
    t.t("curriculumAdmin.weeks", { weeks: curriculum.totalWeeks }),
    t.t("curriculumAdmin.sections", { count: curriculum.sections.length }),
    // Without estimates the items are topics, which Spanish counts as "obligatorios", not "obligatorias" (readings).
    totals.required.minutes > 0
      ? t.t("curriculumAdmin.required", { count: totals.required.count, minutes: markup(durationText(t, totals.required.minutes)) })
      : t.t("curriculumAdmin.requiredTopics", { count: totals.required.count }),
  ];
  if (totals.optional.count > 0) parts.push(t.t("curriculumAdmin.optional", { count: totals.optional.count }));
  if (totals.reference.count > 0) parts.push(t.t("curriculumAdmin.reference", { count: totals.reference.count }));
  parts.push(scopeLabel(t, curriculum));
  return parts.join(" · ");
}

interface Block {
  readonly name: string;
  readonly lines: readonly string[];
}

/**
 * /curriculum show: the outline as one field per section (plus the outcomes),
 * spread over as many embeds as needed. Everything together stays inside
 * Discord's 6,000 characters per message: sections share the room, and what
 * does not fit ends in "…and N more".
 */
export function renderCurriculumOutline(t: Translator, curriculum: StoredCurriculum): Reply {
  const blocks: Block[] = curriculum.sections.map((section) => ({
    name: truncate(
      t.t("curriculumAdmin.sectionName", {
        weeks: markup(weeksText(t, section.weekStart, section.weekEnd, "upper")),
        title: section.title,
        minutes: section.estimatedMinutes === null ? "none" : markup(durationText(t, section.estimatedMinutes)),
      }),
      limits.fieldName,
    ),
    lines: itemLines(t, section),
  }));
  if (curriculum.outcomes.length > 0) {
    blocks.push({
      name: t.plain("curriculumAdmin.outcomesName"),
      lines: curriculum.outcomes.map((outcome) => truncate(t.t("curriculumAdmin.outcome", { outcome }), maxLineLength)),
    });
  }

  const excerpt = truncate(t.user(curriculum.description), maxDescriptionExcerpt);
  const header = { title: truncate(t.user(curriculum.title), limits.title), summary: totalsLine(t, curriculum) };
  // Leave room for the "…and N more sections" line the header may need.
  const headerReserve = header.title.length + header.summary.length + excerpt.length + 120;
  const budget = limits.embedTotal - headerReserve;

  const maxFields = limits.fields * maxEmbeds;
  let shown = Math.min(blocks.length, maxFields);
  const fixedCost = (count: number) => blocks.slice(0, count).reduce((sum, block) => sum + block.name.length + minFieldValue, 0);
  while (shown > 0 && fixedCost(shown) > budget) shown -= 1;
  const visible = blocks.slice(0, shown);
  const namesLength = visible.reduce((sum, block) => sum + block.name.length, 0);
  const needs = visible.map((block) => Math.min(limits.fieldValue, block.lines.join("\n").length));
  const shares = shareBudget(needs, budget - namesLength);
  const fields: APIEmbedField[] = visible.map((block, index) => ({
    name: block.name,
    value:
      fitLines(block.lines, Math.min(limits.fieldValue, shares[index] ?? minFieldValue), (count) =>
        t.t("curriculumAdmin.moreItems", { count }),
      ) || "…",
  }));

  const hidden = blocks.length - shown;
  const descriptionParts = [header.summary, excerpt].filter((part) => part !== "");
  if (hidden > 0) descriptionParts.push(t.t("curriculumAdmin.moreSections", { count: hidden }));
  const embeds: APIEmbed[] = [];
  for (let start = 0; start === 0 || start < fields.length; start += limits.fields) {
    const chunk = fields.slice(start, start + limits.fields);
    embeds.push(
      start === 0
        ? {
            color: colors.brand,
            title: header.title,
            description: truncate(descriptionParts.join("\n\n"), limits.description),
            fields: chunk,
          }
        : { color: colors.brand, fields: chunk },
    );
  }
  assertWithinLimits(embeds);
  return { embeds, ephemeral: true };
}

/** A bug guard: an outline Discord would refuse must never be sent. */
function assertWithinLimits(embeds: readonly APIEmbed[]): void {
  const total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  if (total > limits.embedTotal || embeds.length > maxEmbeds)
    throw new Error(`curriculum outline too large: ${total} characters in ${embeds.length} embeds`);
}

const maxProblemLength = 300;

/**
 * /curriculum import: why nothing was imported. The importer's own refusal (it failed, timed out, is
 * restarting) is said alone: no line of the file to fix. Otherwise "That file wasn't imported…" with as
 * many problems as fit (with line numbers), then "…and N more."
 */
function problemsText(t: Translator, problems: readonly ParseProblem[]): string {
  const [first] = problems;
  if (problems.length === 1 && first !== undefined && isImporterProblem(first.code)) return renderParseProblem(first, t.language);
  const lines = problems.map((problem) =>
    t.t("curriculum.problemLine", { line: problem.line, message: truncate(renderParseProblem(problem, t.language), maxProblemLength) }),
  );
  const text = (shown: number) => {
    const more = problems.length - shown;
    return [
      t.t("curriculum.malformed"),
      ...lines.slice(0, shown),
      ...(more > 0 ? [t.t("curriculum.moreProblems", { count: more })] : []),
    ].join("\n");
  };
  let shown = lines.length;
  while (shown > 0 && text(shown).length > limits.description) shown -= 1;
  return text(shown);
}

const importKeys = {
  [ImportOutcome.Created]: "curriculumAdmin.created",
  [ImportOutcome.Updated]: "curriculumAdmin.updated",
  [ImportOutcome.Unchanged]: "curriculumAdmin.unchanged",
} as const;

export function renderImportResult(t: Translator, result: ImportResult): Reply {
  if (!result.ok) {
    const description = truncate(problemsText(t, result.problems), limits.description);
    return { embeds: [{ color: colors.danger, title: t.t("curriculumAdmin.notImported"), description }], ephemeral: true };
  }
  const { summary } = result;
  const timed = summary.timed ? "yes" : "no";
  const lines = [
    t.t(importKeys[summary.outcome], { title: summary.curriculum.title, slug: markup(summary.curriculum.slug), timed }),
    t.t("curriculumAdmin.counts", { sections: summary.sections, items: summary.items, timed }),
  ];
  if (summary.replacesBuiltIn === true) lines.push(t.t("curriculumAdmin.replacesBuiltIn"));
  const kept = keptItemsOf(summary);
  if (kept !== null) lines.push(t.t("curriculumAdmin.kept", { ...kept, timed }));
  const headings = {
    [ImportOutcome.Created]: t.t("curriculumAdmin.headingCreated"),
    [ImportOutcome.Updated]: t.t("curriculumAdmin.headingUpdated"),
    [ImportOutcome.Unchanged]: t.t("curriculumAdmin.headingUnchanged"),
  };
  return {
    embeds: [
      {
        color: summary.outcome === ImportOutcome.Unchanged ? colors.neutral : colors.success,
        title: headings[summary.outcome],
        description: truncate(lines.join("\n"), limits.description),
      },
    ],
    ephemeral: true,
  };
}
