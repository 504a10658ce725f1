import type { CurriculumSummary, StoredCurriculum } from "../domain/curriculum/storedCurriculum.js";
import { isChoiceTrack } from "../domain/schedule/choiceSlots.js";
import { curriculumTotals } from "../domain/schedule/curriculumTotals.js";
import { durationText } from "../discord/i18n/formatters.js";
import { translatorFor } from "../discord/i18n/Translator.js";

// The CLI speaks English, with the catalogue's plural and duration rules ("1 week", "2 h 20 min").
const en = translatorFor("en");

function weeksLabel(start: number, end: number): string {
  return start === end ? `Week ${start}` : `Weeks ${start}-${end}`;
}

function minutesLabel(minutes: number | null): string {
  return minutes === null ? "   —  " : `${String(minutes).padStart(3)} min`;
}

/** The built-in curricula (the CLI lists no server's imports), one a line: slug, weeks with the numbers right-aligned, title. */
export function formatCurriculumList(curricula: readonly CurriculumSummary[]): string {
  if (curricula.length === 0) return "No curricula yet. Import one with: npm run cli -- curriculum import <file>";
  const width = Math.max(...curricula.map((curriculum) => curriculum.slug.length));
  const weeks = weeksColumn(curricula.map((curriculum) => curriculum.totalWeeks));
  return curricula.map((curriculum, index) => `${curriculum.slug.padEnd(width)}  ${weeks[index] ?? ""}  ${curriculum.title}`).join("\n");
}

/** " 6 weeks", "12 weeks", " 1 week ": the catalogue's words, padded so the numbers end in one column. */
function weeksColumn(counts: readonly number[]): string[] {
  const digits = Math.max(...counts.map((count) => String(count).length));
  const texts = counts.map((count) => " ".repeat(digits - String(count).length) + en.plain("curriculumAdmin.weeks", { weeks: count }));
  const width = Math.max(...texts.map((text) => text.length));
  return texts.map((text) => text.padEnd(width));
}

/**
 * A plain-text outline: sections with weeks, items with kind and minutes, totals per kind. A "choose one" track's kind
 * reads "Choice": its group is one Required slot (counted once, as its longest track), never optional reading.
 */
export function formatCurriculumOutline(curriculum: StoredCurriculum): string {
  const lines: string[] = [];
  lines.push(curriculum.title);
  const weeks = en.plain("curriculumAdmin.weeks", { weeks: curriculum.totalWeeks });
  lines.push(`slug: ${curriculum.slug} · ${weeks} · ${en.plain("curriculumAdmin.sections", { count: curriculum.sections.length })}`);
  if (curriculum.description !== "") lines.push("", curriculum.description);
  for (const section of curriculum.sections) {
    const estimate = section.estimatedMinutes === null ? "" : ` (estimated ${durationText(en, section.estimatedMinutes)})`;
    lines.push("", `${weeksLabel(section.weekStart, section.weekEnd)} · ${section.title}${estimate}`);
    let group: string | null = null;
    for (const item of section.items) {
      if (item.group !== group) {
        group = item.group;
        if (group !== null) lines.push(`    ${group}:`);
      }
      const indent = group === null ? "    " : "      ";
      const kind = isChoiceTrack(item) ? "Choice" : item.kind;
      lines.push(`${indent}${kind.padEnd(9)} ${minutesLabel(item.minutes)}  ${item.title}`);
    }
    if (section.checkpoint !== null) lines.push(`    Checkpoint: ${section.checkpoint}`);
  }
  if (curriculum.outcomes.length > 0) {
    lines.push("", "Outcomes:");
    for (const outcome of curriculum.outcomes) lines.push(`  - ${outcome}`);
  }
  for (const group of curriculum.checklist) {
    lines.push("", `Checklist · ${group.title}:`);
    for (const entry of group.items) lines.push(`  [ ] ${entry}`);
  }
  lines.push("", "Totals:");
  const totals = curriculumTotals(curriculum.sections.flatMap((section) => section.items));
  let allMinutes = 0;
  let allItems = 0;
  for (const [kind, total] of [
    ["Required", totals.required],
    ["Optional", totals.optional],
    ["Reference", totals.reference],
  ] as const) {
    if (total.count === 0) continue;
    allMinutes += total.minutes;
    allItems += total.count;
    const unestimated = total.unestimated > 0 ? `, ${total.unestimated} without estimate` : "";
    lines.push(`  ${kind.padEnd(9)} ${itemsColumn(total.count)}  ${String(total.minutes).padStart(5)} min${unestimated}`);
  }
  lines.push(`  ${"All".padEnd(9)} ${itemsColumn(allItems)}  ${String(allMinutes).padStart(5)} min (${durationText(en, allMinutes)})`);
  if (totals.hasChoices) lines.push('  (Required counts each "choose one" group once, as its longest track.)');
  return lines.join("\n");
}

/** "  12 items", "   1 item ": the count right-aligned, the word agreeing with it. */
function itemsColumn(count: number): string {
  return `${String(count).padStart(4)} ${count === 1 ? "item " : "items"}`;
}
