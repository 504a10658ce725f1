import { MAX_CURRICULUM_CHARACTERS, MAX_SECTIONS, MAX_WEEK } from "../../src/domain/curriculum/parse/limits.js";

/**
 * The largest curriculum the importer accepts in practice: one section per
 * week for MAX_WEEK weeks (MAX_SECTIONS sections), each with as many items as
 * fit in MAX_CURRICULUM_CHARACTERS.
 */
export function maximalCurriculum(title = "Maximal Path"): string {
  const sections = Math.min(MAX_SECTIONS, MAX_WEEK);
  const itemLine = (week: number, index: number) => `- [ ] Required -- Reading ${index} of week ${week} (30 min)`;
  const headingLength = `Week ${MAX_WEEK}: Section ${MAX_WEEK}\n`.length;
  const budget = MAX_CURRICULUM_CHARACTERS - title.length - 1;
  const itemsPerSection = Math.floor((budget / sections - headingLength) / (itemLine(MAX_WEEK, 99).length + 1));
  const lines = [title];
  for (let week = 1; week <= sections; week++) {
    lines.push(`Week ${week}: Section ${week}`);
    for (let index = 1; index <= itemsPerSection; index++) lines.push(itemLine(week, index));
  }
  return lines.join("\n");
}
