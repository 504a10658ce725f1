import { codePointCount, leadingCharacters, trailingCharacters } from "../domain/text/characters.js";
import { labelsWithIdWhereAlike, repeated } from "../domain/text/labelsWithIdWhereAlike.js";
import { choiceNameWithSuffix, truncateChoiceName } from "../services/CohortService.js";
import { itemOptionValue } from "../services/itemOptionValue.js";
import type { ItemSuggestion } from "../services/StudyService.js";
import type { AutocompleteChoice } from "./commandWithSubcommands.js";
import { localDateText, weeksText } from "./i18n/formatters.js";
import { inertText, TextTarget } from "./i18n/inertText.js";
import type { Translator } from "./i18n/Translator.js";

/** Discord's limit on a choice's name. */
const maxChoiceName = 100;
/** A group label is a hint, not the point of the choice. */
const maxDetail = 30;
/** A cohort's name (up to 80 characters) leaves room for the item's title. */
const maxCohort = 40;

/**
 * "✓ Title · Weeks 1-2 · detail · Cohort": the title is what gets shortened, so the weeks, detail and cohort
 * (named when the items of several are offered) always show.
 */
function choiceName(t: Translator, item: ItemSuggestion, detail: string | null, cohortLabel: string | null): string {
  const prefix = item.done ? "✓ " : "";
  const suffix = [
    ` · ${weeksText(t, item.weekStart, item.weekEnd, "upper")}`,
    detail === null ? "" : ` · ${truncateChoiceName(detail, maxDetail)}`,
    cohortLabel === null ? "" : ` · ${cohortLabel}`,
  ].join("");
  return `${prefix}${truncateChoiceName(inertText(item.title, TextTarget.Plain), maxChoiceName - codePointCount(prefix) - codePointCount(suffix))}${suffix}`;
}

/** `name` cut to `max` characters in the middle, keeping its start and its end (never half a flag or family). */
function middleCut(name: string, max: number): string {
  if (codePointCount(name) <= max) return name;
  const head = Math.ceil((max - 1) / 2);
  return `${leadingCharacters(name, head)}…${trailingCharacters(name, max - 1 - head)}`;
}

/**
 * Each offered cohort's label, at most maxCohort characters: its name, cut at the end; cohorts whose names cut
 * alike are cut in the middle instead (the end often tells them apart), and if still alike carry their id ("#12").
 */
function cohortLabels(suggestions: readonly ItemSuggestion[]): Map<number, string> {
  const names = new Map<number, string>();
  for (const { cohort } of suggestions) if (cohort !== null) names.set(cohort.id, inertText(cohort.name, TextTarget.Plain));
  const atEnd = [...names].map(([id, name]) => ({ id, name, cut: truncateChoiceName(name, maxCohort) }));
  const cutAlike = repeated(atEnd.map(({ cut }) => cut));
  const cohorts = atEnd.map((cohort) => (cutAlike.has(cohort.cut) ? { ...cohort, cut: middleCut(cohort.name, maxCohort) } : cohort));
  const labels = labelsWithIdWhereAlike(
    cohorts,
    ({ cut }) => cut,
    ({ name, cut }, idSuffix) => (idSuffix === "" ? cut : choiceNameWithSuffix(name, idSuffix, maxCohort)),
  );
  return new Map(cohorts.map(({ id }, at) => [id, labels[at] ?? ""]));
}

/**
 * `item` autocomplete choices (member commands and /cohort credit). Items that would read the same (a title repeated
 * in one section, or long titles cut alike) add their group, then their due day in the member's plan, then their place
 * among the items of their title ("#2", as the "several items match" reply shows it), then the end of their title.
 */
export function itemChoices(t: Translator, suggestions: readonly ItemSuggestion[]): AutocompleteChoice[] {
  const details: (string | null)[] = suggestions.map(() => null);
  const labels = cohortLabels(suggestions);
  const labelOf = (item: ItemSuggestion) => (item.cohort === null ? null : (labels.get(item.cohort.id) ?? null));
  const names = () => suggestions.map((item, index) => choiceName(t, item, details[index] ?? null, labelOf(item)));
  const tellApart = (detailOf: (item: ItemSuggestion, index: number) => string | null) => {
    const twice = repeated(names());
    names().forEach((name, index) => {
      const item = suggestions[index];
      if (item !== undefined && twice.has(name)) details[index] = detailOf(item, index) ?? details[index] ?? null;
    });
  };
  tellApart((item) => (item.group === null ? null : inertText(item.group, TextTarget.Plain)));
  tellApart((item) => (item.dueDate === null ? null : localDateText(t, item.dueDate)));
  // The place among the items of that title, numbered as the "several items match" reply numbers it.
  tellApart((item) => `#${item.ordinal}`);
  // Only different titles cut alike are left: the end of the title, which the cut hid, tells them apart.
  tellApart((item) => `…${trailingCharacters(inertText(item.title, TextTarget.Plain), maxDetail - 1)}`);
  return suggestions.map((item, index) => ({
    name: choiceName(t, item, details[index] ?? null, labelOf(item)),
    value: itemOptionValue(item.itemId, item.cohort?.id ?? null),
  }));
}
