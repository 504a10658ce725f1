import { rowIdOf } from "../domain/rowId.js";

/**
 * The `item` option's value in an autocomplete choice: the item's id, or, offered to a member of several
 * cohorts before `cohort` is filled, "c<cohortId>/i<itemId>", naming the cohort too, so `/done` and `/undo`
 * need no `cohort:` (a title typed by hand does not read so).
 */
export function itemOptionValue(itemId: number, cohortId: number | null): string {
  return cohortId === null ? String(itemId) : `c${cohortId}/i${itemId}`;
}

/** A cohort and one of its curriculum's items, as an `item` choice names them. */
export interface CohortItem {
  readonly cohortId: number;
  readonly itemId: number;
}

/** The cohort and item a "c<cohortId>/i<itemId>" value names; null for anything else (an id, a typed title). */
export function cohortItemOfValue(raw: string): CohortItem | null {
  const match = /^c(\d+)\/i(\d+)$/.exec(raw.trim());
  const cohortId = rowIdOf(match?.[1] ?? "");
  const itemId = rowIdOf(match?.[2] ?? "");
  return cohortId === null || itemId === null ? null : { cohortId, itemId };
}

/** Whether `raw` has the shape of a "c<cohortId>/i<itemId>" value, whether or not its ids can name a row. */
export function isCohortItemShaped(raw: string): boolean {
  return /^c\d+\/i\d+$/.test(raw.trim());
}
