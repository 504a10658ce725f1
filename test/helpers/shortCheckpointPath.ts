/** A section of a short test curriculum: its week heading, its required items (20 min each) and its checkpoint. */
export interface ShortSection {
  readonly heading: string;
  readonly items: readonly string[];
  readonly checkpoint: string;
}

/** The section every short checkpoint path opens with, in weeks 1-2. */
const basics: ShortSection = {
  heading: "Week 1-2: Basics",
  items: ["One", "Two"],
  checkpoint: "After this section you should be able to explain the basics.",
};

/** Weeks 2-3, overlapping Basics: its prompt and Basics' end in different weeks. */
export const moreSection: ShortSection = { heading: "Week 2-3: More", items: ["Three", "Four"], checkpoint: "You can explain more." };

/** "Short Path" (slug short-path), as a curriculum file: Basics, then `later`, each section ending in a checkpoint. */
export function shortCheckpointPath(later: readonly ShortSection[]): string {
  const lines = [basics, ...later].flatMap((section) => [
    section.heading,
    ...section.items.map((item) => `- [ ] Required -- ${item} (20 min)`),
    "Checkpoint",
    section.checkpoint,
  ]);
  return ["Short Path", ...lines, ""].join("\n");
}
