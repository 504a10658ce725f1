/**
 * A title as it names a curriculum: NFKC, lower case, runs of white space as one space, trimmed. Unlike the slug it
 * keeps "#", "+" and every letter (Cyrillic, CJK), and is not cut short: "C# Path" and "C Path" differ here while
 * their slugs are equal.
 */
function titleKey(title: string): string {
  return title.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

/** Whether two titles name the same curriculum (an import of one may update the other, stored under the same slug). */
export function sameCurriculumTitle(a: string, b: string): boolean {
  return titleKey(a) === titleKey(b);
}
