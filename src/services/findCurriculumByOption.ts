import type { CurriculumSummary } from "../domain/curriculum/storedCurriculum.js";

/**
 * The curriculum a `curriculum` option means, among those visible to a guild:
 * a slug (what autocomplete sends), or a slug or title typed by hand in any
 * case. A guild's own import shadows a built-in curriculum of the same slug.
 * Null when nothing, or more than one title, matches.
 */
export function findCurriculumByOption(visible: readonly CurriculumSummary[], option: string): CurriculumSummary | null {
  const value = option.trim();
  if (value === "") return null;
  const preferOwn = (candidates: readonly CurriculumSummary[]) => candidates.find((entry) => entry.scope !== "") ?? candidates[0] ?? null;
  const bySlug = visible.filter((entry) => entry.slug === value);
  if (bySlug.length > 0) return preferOwn(bySlug);
  const lower = value.toLowerCase();
  const bySlugInsensitive = visible.filter((entry) => entry.slug === lower);
  if (bySlugInsensitive.length > 0) return preferOwn(bySlugInsensitive);
  const byTitle = visible.filter((entry) => entry.title.toLowerCase() === lower);
  const slugs = new Set(byTitle.map((entry) => entry.slug));
  return slugs.size === 1 ? preferOwn(byTitle) : null;
}
