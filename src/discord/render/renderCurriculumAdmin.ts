import type { APIEmbed, APIEmbedField } from "discord.js";
import { ItemKind, type ParseProblem } from "../../domain/curriculum/curriculumModel.js";
import { ImportOutcome, type CurriculumSummary, type StoredCurriculum, type StoredSection } from "../../domain/curriculum/storedCurriculum.js";
import { messages } from "../../messages.js";
import type { ImportResult } from "../../services/CurriculumService.js";
import { renderParseProblem } from "../i18n/renderParseProblem.js";
import type { Reply } from "../commandTypes.js";
import { embedLength, fitLines, shareBudget } from "./fitLines.js";
import { colors, escapeText, limits, minutesText, truncate } from "./format.js";

/** Discord shows at most ten embeds per message. */
const maxEmbeds = 10;
/** A section field needs at least this much room to say anything useful. */
const minFieldValue = 40;
const maxLineLength = 160;
const maxDescriptionExcerpt = 500;

function weeksLabel(start: number, end: number): string {
  return start === end ? `Week ${start}` : `Weeks ${start}-${end}`;
}

function scopeLabel(curriculum: CurriculumSummary): string {
  return curriculum.scope === "" ? "built in" : "imported in this server";
}

export function renderCurriculumList(curricula: readonly CurriculumSummary[]): Reply {
  if (curricula.length === 0) return { content: messages.curriculum.none, ephemeral: true };
  const lines = curricula.map(
    (curriculum) =>
      `**${truncate(escapeText(curriculum.title), 120)}** · \`${curriculum.slug}\` · ${curriculum.totalWeeks} weeks · ${scopeLabel(curriculum)}`,
  );
  return {
    embeds: [
      {
        color: colors.brand,
        title: `Curricula (${curricula.length})`,
        description: fitLines(lines, limits.description, messages.curriculumAdmin.moreCurricula),
      },
    ],
    ephemeral: true,
  };
}

function itemLines(section: StoredSection): string[] {
  const lines: string[] = [];
  let group: string | null = null;
  for (const item of section.items) {
    if (item.group !== group) {
      group = item.group;
      if (group !== null) lines.push(truncate(`*${escapeText(group)}*`, maxLineLength));
    }
    const kind = item.kind === ItemKind.Required ? "" : ` *(${item.kind.toLowerCase()})*`;
    const minutes = item.minutes === null ? "" : ` · ${minutesText(item.minutes)}`;
    lines.push(truncate(`• ${escapeText(item.title)}${minutes}${kind}`, maxLineLength));
  }
  if (lines.length === 0) lines.push("No items.");
  return lines;
}

function totalsLine(curriculum: StoredCurriculum): string {
  const items = curriculum.sections.flatMap((section) => section.items);
  const required = items.filter((item) => item.kind === ItemKind.Required);
  const optional = items.filter((item) => item.kind === ItemKind.Optional).length;
  const reference = items.filter((item) => item.kind === ItemKind.Reference).length;
  const requiredMinutes = required.reduce((sum, item) => sum + (item.minutes ?? 0), 0);
  const parts = [
    `\`${curriculum.slug}\``,
    `${curriculum.totalWeeks} weeks`,
    `${curriculum.sections.length} sections`,
    `${required.length} required${requiredMinutes > 0 ? ` (${minutesText(requiredMinutes)})` : ""}`,
  ];
  if (optional > 0) parts.push(`${optional} optional`);
  if (reference > 0) parts.push(`${reference} reference`);
  parts.push(scopeLabel(curriculum));
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
export function renderCurriculumOutline(curriculum: StoredCurriculum): Reply {
  const blocks: Block[] = curriculum.sections.map((section) => ({
    name: truncate(
      `${weeksLabel(section.weekStart, section.weekEnd)} · ${escapeText(section.title)}${section.estimatedMinutes === null ? "" : ` · ~${minutesText(section.estimatedMinutes)}`}`,
      limits.fieldName,
    ),
    lines: itemLines(section),
  }));
  if (curriculum.outcomes.length > 0) {
    blocks.push({ name: "After this path you can…", lines: curriculum.outcomes.map((outcome) => truncate(`• ${escapeText(outcome)}`, maxLineLength)) });
  }

  const excerpt = truncate(escapeText(curriculum.description), maxDescriptionExcerpt);
  const header = { title: truncate(escapeText(curriculum.title), limits.title), summary: totalsLine(curriculum) };
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
    value: fitLines(block.lines, Math.min(limits.fieldValue, shares[index] ?? minFieldValue), messages.curriculumAdmin.moreItems) || "…",
  }));

  const hidden = blocks.length - shown;
  const descriptionParts = [header.summary, excerpt].filter((part) => part !== "");
  if (hidden > 0) descriptionParts.push(messages.curriculumAdmin.moreSections(hidden));
  const embeds: APIEmbed[] = [];
  for (let start = 0; start === 0 || start < fields.length; start += limits.fields) {
    const chunk = fields.slice(start, start + limits.fields);
    embeds.push(
      start === 0
        ? { color: colors.brand, title: header.title, description: truncate(descriptionParts.join("\n\n"), limits.description), fields: chunk }
        : { color: colors.brand, fields: chunk },
    );
  }
  assertWithinLimits(embeds);
  return { embeds, ephemeral: true };
}

/** A bug guard: an outline Discord would refuse must never be sent. */
function assertWithinLimits(embeds: readonly APIEmbed[]): void {
  const total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  if (total > limits.embedTotal || embeds.length > maxEmbeds) throw new Error(`curriculum outline too large: ${total} characters in ${embeds.length} embeds`);
}

const maxProblemLength = 300;

/** /curriculum import: what happened, or why nothing did (with line numbers). */
export function renderImportResult(result: ImportResult): Reply {
  if (!result.ok) {
    const problems = result.problems.map((problem: ParseProblem) => ({
      line: problem.line,
      message: truncate(escapeText(renderParseProblem(problem)), maxProblemLength),
    }));
    let shown = problems.length;
    let text = messages.curriculum.malformed(problems, 0);
    while (shown > 0 && text.length > limits.description) {
      shown -= 1;
      text = messages.curriculum.malformed(problems.slice(0, shown), problems.length - shown);
    }
    return { embeds: [{ color: colors.danger, title: "Curriculum not imported", description: truncate(text, limits.description) }], ephemeral: true };
  }
  const { summary } = result;
  const title = escapeText(summary.curriculum.title);
  const lines = [
    summary.outcome === ImportOutcome.Created
      ? messages.curriculumAdmin.created(title, summary.curriculum.slug)
      : summary.outcome === ImportOutcome.Updated
        ? messages.curriculumAdmin.updated(title)
        : messages.curriculumAdmin.unchanged(title),
    messages.curriculumAdmin.counts(summary.sections, summary.items),
  ];
  if (summary.retiredItems > 0 || summary.removedItems > 0) lines.push(messages.curriculumAdmin.kept(summary.retiredItems, summary.removedItems));
  const headings: Record<ImportOutcome, string> = {
    [ImportOutcome.Created]: "Curriculum imported",
    [ImportOutcome.Updated]: "Curriculum updated",
    [ImportOutcome.Unchanged]: "Nothing changed",
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
