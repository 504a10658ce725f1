import type { ChecklistGroup, ItemKind } from "./curriculumModel.js";

/** A curriculum as stored: the parsed model plus database ids, for services and rendering. */
export interface StoredItem {
  readonly id: number;
  readonly key: string;
  readonly sectionId: number;
  readonly sectionKey: string;
  readonly position: number;
  readonly title: string;
  readonly kind: ItemKind;
  readonly minutes: number | null;
  readonly group: string | null;
  readonly track: string | null;
}

export interface StoredSection {
  readonly id: number;
  readonly key: string;
  readonly position: number;
  readonly title: string;
  readonly weekStart: number;
  readonly weekEnd: number;
  readonly estimatedMinutes: number | null;
  readonly summary: string;
  readonly checkpoint: string | null;
  readonly items: readonly StoredItem[];
}

export interface CurriculumSummary {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly totalWeeks: number;
  /** "" for the built-in curricula every server sees; a guild id for one server's own imports. */
  readonly scope: string;
}

export interface StoredCurriculum extends CurriculumSummary {
  readonly description: string;
  readonly sections: readonly StoredSection[];
  readonly outcomes: readonly string[];
  readonly checklist: readonly ChecklistGroup[];
  readonly notes: readonly string[];
}

export const ImportOutcome = {
  Created: "created",
  Updated: "updated",
  Unchanged: "unchanged",
} as const;
export type ImportOutcome = (typeof ImportOutcome)[keyof typeof ImportOutcome];

export interface ImportSummary {
  readonly outcome: ImportOutcome;
  readonly curriculum: CurriculumSummary;
  readonly sections: number;
  readonly items: number;
  /** Items gone from the new document but kept because members completed them. */
  readonly retiredItems: number;
  readonly removedItems: number;
}
