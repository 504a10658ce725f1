/** Texts that appear more than once in `texts`. */
export function repeated(texts: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const text of texts) (seen.has(text) ? twice : seen).add(text);
  return twice;
}

/**
 * Each entry's label, `label(entry, idSuffix)`: the suffix is " #12" (its id) when another entry reads the same
 * (`readsAs`), else "". Lists that would offer identical choices tell them apart this way, and the id, typed
 * alone, finds that entry; `label` fits the name around the suffix (keeping the id whole when a name is cut).
 */
export function labelsWithIdWhereAlike<Entry extends { readonly id: number }>(
  entries: readonly Entry[],
  readsAs: (entry: Entry) => string,
  label: (entry: Entry, idSuffix: string) => string,
): string[] {
  const read = entries.map(readsAs);
  const twice = repeated(read);
  return entries.map((entry, at) => label(entry, twice.has(read[at] ?? "") ? ` #${entry.id}` : ""));
}
