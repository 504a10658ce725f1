/**
 * The Markdown of a curriculum titled `title` (its slug is the title in kebab case) of `count` weeks, each with one
 * 20-minute Required item, "Reading 1" to "Reading <count>": re-imported with another `count` it gains or loses weeks.
 */
export function readingWeeksPath(title: string, count: number): string {
  const weeks = Array.from({ length: count }, (_, index) => [
    `Week ${index + 1}: Part ${index + 1}`,
    `- [ ] Required -- Reading ${index + 1} (20 min)`,
  ]);
  return [title, ...weeks.flat(), ""].join("\n");
}
