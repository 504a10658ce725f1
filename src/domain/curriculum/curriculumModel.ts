/**
 * The curriculum as the importer understands it: plain data, no Discord, no
 * database. Identity of sections and items is their `key`, never their title
 * alone (titles repeat across sections, e.g. "API Versioning").
 */
import type { ParseProblem } from "./parse/problemCodes.js";

export const ItemKind = {
  Required: "Required",
  Optional: "Optional",
  Reference: "Reference",
} as const;
export type ItemKind = (typeof ItemKind)[keyof typeof ItemKind];

export interface ParsedItem {
  /** Stable identity inside the curriculum: section key, group and title (plus an ordinal when those repeat). */
  readonly key: string;
  readonly title: string;
  readonly kind: ItemKind;
  /** Estimated reading minutes; null when the document gives none (topic bullets). */
  readonly minutes: number | null;
  /** Sub-group heading the item sits under ("Schema design practice", "SQL Deep Dive"), if any. */
  readonly group: string | null;
  /** "Choose one" track the item belongs to ("Python Path"), if any. */
  readonly track: string | null;
  /** 1-based source line. */
  readonly line: number;
}

export interface ParsedSection {
  /** Stable identity inside the curriculum, derived from the week range and title. */
  readonly key: string;
  readonly title: string;
  readonly weekStart: number;
  readonly weekEnd: number;
  /** "Estimated reading time: 6 hours" → 360; null when absent. */
  readonly estimatedMinutes: number | null;
  /** Introductory paragraph or objective. */
  readonly summary: string;
  /** Checkpoint paragraph ("After this section you should be able to…"), or null. */
  readonly checkpoint: string | null;
  readonly items: readonly ParsedItem[];
  readonly line: number;
}

export interface ChecklistGroup {
  readonly title: string;
  readonly items: readonly string[];
}

export interface ParsedCurriculum {
  /** URL-safe identity derived from the document's title, so the same document always maps to the same curriculum. */
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly totalWeeks: number;
  readonly sections: readonly ParsedSection[];
  /** The path's closing outcomes ("What You Will Be Able to Do After This Path"). */
  readonly outcomes: readonly string[];
  /** A success checklist, grouped ("Foundations (1-2 months)" → items). */
  readonly checklist: readonly ChecklistGroup[];
  /** Trailing notes that describe the path itself (cross-references, "Total Progress"). */
  readonly notes: readonly string[];
}

/**
 * What an import's replies count of a document: its sections, its items, and whether it gives time estimates
 * (`timed`: some Required or Optional item has minutes; without, its items are topics, not readings, as
 * `CohortContext.hasEstimates` counts them: Reference items are never on a day, so their minutes do not count).
 */
export function importCounts(curriculum: Pick<ParsedCurriculum, "sections">): { sections: number; items: number; timed: boolean } {
  const items = curriculum.sections.flatMap((section) => section.items);
  const timed = items.some((item) => item.kind !== ItemKind.Reference && (item.minutes ?? 0) > 0);
  return { sections: curriculum.sections.length, items: items.length, timed };
}

export type { ParseProblem, ProblemCode, ProblemParams } from "./parse/problemCodes.js";

export type ParseResult =
  { readonly ok: true; readonly curriculum: ParsedCurriculum } | { readonly ok: false; readonly problems: readonly ParseProblem[] };
