import { readsAs } from "../domain/curriculum/typedItem.js";
import type { CurriculumSummary } from "../domain/curriculum/storedCurriculum.js";

/** A curriculum a guild can pick; `replacesBuiltIn` when it is the guild's own import named like a built-in one. */
export interface UsableCurriculum extends CurriculumSummary {
  readonly replacesBuiltIn: boolean;
}

/**
 * The curricula a guild can pick, among those visible to it: a guild's own
 * import shadows the built-in curriculum of the same slug, which it then can
 * no longer pick (cohorts already on it keep it). `/curriculum list`, `show`,
 * autocomplete and `/cohort create` all read this one list.
 */
export function usableCurricula(visible: readonly CurriculumSummary[]): UsableCurriculum[] {
  const builtInSlugs = new Set(visible.filter((entry) => entry.scope === "").map((entry) => entry.slug));
  return unshadowed(visible).map((entry) => ({ ...entry, replacesBuiltIn: entry.scope !== "" && builtInSlugs.has(entry.slug) }));
}

function unshadowed(visible: readonly CurriculumSummary[]): CurriculumSummary[] {
  const ownSlugs = new Set(visible.filter((entry) => entry.scope !== "").map((entry) => entry.slug));
  return visible.filter((entry) => entry.scope !== "" || !ownSlugs.has(entry.slug));
}

/**
 * The curriculum a `curriculum` option means, among those visible to a guild
 * (see usableCurricula): a slug (what autocomplete sends), or a slug or title
 * typed by hand in any case (a title as it reads: readsAs). Null when nothing, or more than one title, matches.
 */
export function findCurriculumByOption(visible: readonly CurriculumSummary[], option: string): CurriculumSummary | null {
  const value = option.trim();
  if (value === "") return null;
  const usable = unshadowed(visible);
  const bySlug = usable.find((entry) => entry.slug === value) ?? usable.find((entry) => entry.slug === value.toLowerCase());
  if (bySlug !== undefined) return bySlug;
  // As titles read in replies: in any capitals or spacing, without invisible characters.
  const typed = readsAs(value);
  const byTitle = usable.filter((entry) => readsAs(entry.title) === typed);
  return byTitle.length === 1 ? (byTitle[0] ?? null) : null;
}
