import type { ChecklistGroup, ItemKind } from "./curriculumModel.js";
import type { ItemDiff } from "./matchCurriculumVersions.js";

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
  /** The document gives time estimates (readings); without, its items are topics (`importCounts`). */
  readonly timed: boolean;
  /**
   * Items members could see that the new document no longer has (as the diff's "removed" counts them), kept
   * (retired, hidden) because members completed them; items an earlier import already retired are not counted.
   */
  readonly retiredItems: number;
  /** Such items deleted because nobody had completed them. */
  readonly removedItems: number;
  /** A server's new import named like a built-in curriculum, which that server then no longer picks. */
  readonly replacesBuiltIn?: boolean;
}

/**
 * What an import's reply says of the items it removed: every one (as its diff counted them) and, of those, the
 * ones kept hidden for members' completions. Null when it removed none.
 */
export function keptItemsOf(summary: Pick<ImportSummary, "retiredItems" | "removedItems">): { retired: number; removed: number } | null {
  const removed = summary.removedItems + summary.retiredItems;
  return removed === 0 ? null : { retired: summary.retiredItems, removed };
}

/** Why a confirmed re-import wrote nothing. */
export const ImportRefusal = {
  /** The curriculum changed (or appeared) after the diff was shown: the diff no longer says what would happen. */
  Stale: "stale",
  /** Already confirmed, cancelled or expired. */
  NotPending: "not_pending",
} as const;
export type ImportRefusal = (typeof ImportRefusal)[keyof typeof ImportRefusal];

/** What a confirm checks inside the import's transaction before writing anything. */
export interface ImportGuard {
  /** The curriculum's version when the diff was shown; null when it did not exist. */
  readonly baseVersion: string | null;
  /** The pending import a confirm claims (pending and unexpired at `now`); absent for a first import. */
  readonly pendingId?: number;
  readonly now: Date;
}

export type GuardedImport = ImportSummary | { readonly refused: ImportRefusal };

/** A re-import as the repository sees it before writing. */
export type ImportPreview =
  | { readonly kind: "unchanged"; readonly baseVersion: string; readonly curriculum: CurriculumSummary }
  | {
      readonly kind: "changed";
      readonly baseVersion: string;
      readonly curriculum: CurriculumSummary;
      readonly diff: ItemDiff;
      /** Completions of removed items: kept (the item is retired), but members no longer see those items. */
      readonly retiredCompletions: number;
      readonly affectedMembers: number;
    };

export const PendingImportStatus = { Pending: "pending", Applied: "applied", Cancelled: "cancelled" } as const;
export type PendingImportStatus = (typeof PendingImportStatus)[keyof typeof PendingImportStatus];

/** An uploaded re-import waiting for its admin's Confirm (the document is parsed again then). */
export interface PendingImport {
  readonly id: number;
  readonly scope: string;
  readonly userId: string;
  readonly slug: string;
  readonly baseVersion: string;
  readonly document: string;
  readonly status: PendingImportStatus;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}
