/**
 * Item identity across re-imports. An item is its full title (normalized)
 * inside its section, and a section is its title: never a slug, an ordinal
 * or a week range. So "C++ Basics" and "C# Basics" stay two items, swapping
 * two lines or deleting one leaves the others alone, and widening "Week 1"
 * to "Week 1-2" keeps every completion. Matching runs in passes from the
 * strictest to the loosest; every pass is a hash lookup, so the whole match
 * is linear in the number of sections and items.
 */
import type { ParsedCurriculum } from "./curriculumModel.js";
import { isInnerDuration } from "./parse/items.js";
import { nameAsShown } from "../text/nameAsShown.js";

/** What the matcher needs of a stored section (retired ones included: a section that comes back is the same section). */
export interface PreviousSection {
  readonly id: number;
  readonly title: string;
  readonly weekStart: number;
  readonly weekEnd: number;
  readonly retired: boolean;
}

/** What the matcher needs of a stored item (retired ones included: an item that comes back keeps its completions). */
export interface PreviousItem {
  readonly id: number;
  readonly sectionId: number;
  readonly title: string;
  /** An ItemKind; stored as text. */
  readonly kind: string;
  readonly minutes: number | null;
  readonly group: string | null;
  readonly track: string | null;
  readonly retired: boolean;
}

export interface CurriculumMatch {
  /** Per section of the new document: the stored section it continues, or null for a new one. */
  readonly sectionIds: readonly (number | null)[];
  /** Per section, per item of the new document: the stored item it continues, or null for a new one. */
  readonly itemIds: readonly (readonly (number | null)[])[];
  /** Stored items no line of the new document continues. */
  readonly goneItemIds: readonly number[];
  /** Stored sections no section of the new document continues. */
  readonly goneSectionIds: readonly number[];
  /** Counts for the admin, before anything is written. */
  readonly diff: ItemDiff;
}

/** How a re-import changes the items; titles are a few examples of each, in document order. */
export interface ItemDiff {
  readonly added: number;
  /** Items members can see today that the new document no longer has. */
  readonly removed: number;
  /** Continued items whose title, kind, minutes, group, track or section changes (or that come back). */
  readonly changed: number;
  readonly kept: number;
  readonly addedTitles: readonly string[];
  readonly removedTitles: readonly string[];
  readonly changedTitles: readonly string[];
  /** Ids of the stored items in `removed`: their completions would be retired. */
  readonly removedItemIds: readonly number[];
  /** Continued sections whose weeks or title change: every item may stay while the schedule moves. */
  readonly sectionChanges: number;
  readonly sectionChangeExamples: readonly SectionChange[];
}

/** A continued section as it was and as it would be. */
export interface SectionChange {
  readonly title: string;
  readonly previousTitle: string;
  readonly weeks: { readonly start: number; readonly end: number };
  readonly previousWeeks: { readonly start: number; readonly end: number };
}

/** How many titles of each kind the diff carries for the admin to read. */
export const diffExampleCount = 8;

/**
 * Same text, whatever the Unicode composition, spacing or invisible characters (replies drop them, so a title
 * with one reads as the one without): "Café  Basics" is "Café Basics". For matching only: titles are stored as written.
 */
export function normalizeTitle(title: string): string {
  return nameAsShown(title);
}

/** Looser still, for the last pass: a fixed capitalization is the same item. */
function foldTitle(title: string): string {
  return normalizeTitle(title).toLowerCase();
}

/**
 * Pairs each unpaired `next` with the first unpaired `previous` of the same
 * key, in order. Repeats are paired first with first, second with second.
 */
function pairByKey<N, P>(
  nexts: readonly N[],
  previous: readonly P[],
  keyOfNext: (next: N, index: number) => string,
  keyOfPrevious: (old: P, index: number) => string,
  pairs: { readonly next: (number | null)[]; readonly previousTaken: boolean[] },
): void {
  // Most re-imports pair everything in the first pass: the later ones then cost nothing.
  if (!pairs.next.includes(null) || !pairs.previousTaken.includes(false)) return;
  const queues = new Map<string, number[]>();
  for (const [index, old] of previous.entries()) {
    if (pairs.previousTaken[index] === true) continue;
    const key = keyOfPrevious(old, index);
    const queue = queues.get(key);
    if (queue === undefined) queues.set(key, [index]);
    else queue.push(index);
  }
  const heads = new Map<string, number>();
  for (const [index, next] of nexts.entries()) {
    if (pairs.next[index] !== null) continue;
    const key = keyOfNext(next, index);
    const queue = queues.get(key);
    if (queue === undefined) continue;
    const head = heads.get(key) ?? 0;
    const found = queue[head];
    if (found === undefined) continue;
    heads.set(key, head + 1);
    pairs.next[index] = found;
    pairs.previousTaken[found] = true;
  }
}

/** Stored rows in the order they should be claimed: visible ones before retired ones, then as they were stored. */
function claimOrder<T extends { readonly retired: boolean }>(rows: readonly T[]): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => Number(a.row.retired) - Number(b.row.retired) || a.index - b.index)
    .map(({ row }) => row);
}

interface NewItemRef {
  readonly section: number;
  readonly item: number;
  readonly title: string;
  readonly group: string | null;
}

export function matchCurriculumVersions(
  parsed: ParsedCurriculum,
  previousSections: readonly PreviousSection[],
  previousItems: readonly PreviousItem[],
): CurriculumMatch {
  const steps = matchingSteps(parsed, previousSections, previousItems);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The same match in steps of a few milliseconds each (one pass over the
 * items): a caller on the bot's thread gives the event loop back between
 * steps, so a re-import of thousands of items never stalls other servers.
 */
export function* matchingSteps(
  parsed: ParsedCurriculum,
  previousSections: readonly PreviousSection[],
  previousItems: readonly PreviousItem[],
): Generator<void, CurriculumMatch> {
  const oldSections = claimOrder(previousSections);
  const oldItems = claimOrder(previousItems);
  const sectionPairs = matchSections(parsed, oldSections, oldItems);
  const sectionIds = sectionPairs.map((index) => (index === null ? null : (oldSections[index]?.id ?? null)));
  yield;
  const itemPairs = yield* matchItems(parsed, sectionIds, oldItems);
  yield;

  const itemIds = parsed.sections.map((section, sectionIndex) =>
    section.items.map((_, itemIndex) => {
      const index = itemPairs.get(sectionIndex)?.[itemIndex] ?? null;
      return index === null ? null : (oldItems[index]?.id ?? null);
    }),
  );
  const continuedItems = new Set(itemIds.flat().filter((id): id is number => id !== null));
  const continuedSections = new Set(sectionIds.filter((id): id is number => id !== null));
  const goneItems = previousItems.filter((item) => !continuedItems.has(item.id));
  return {
    sectionIds,
    itemIds,
    goneItemIds: goneItems.map((item) => item.id),
    goneSectionIds: previousSections.filter((section) => !continuedSections.has(section.id)).map((section) => section.id),
    diff: { ...diffOf(parsed, sectionIds, itemIds, previousItems, goneItems), ...sectionDiffOf(parsed, sectionIds, previousSections) },
  };
}

/** Sections: same title and weeks, then same title, then same title in other capitals, then the section most of whose items moved. */
function matchSections(parsed: ParsedCurriculum, oldSections: readonly PreviousSection[], oldItems: readonly PreviousItem[]) {
  const pairs = { next: parsed.sections.map((): number | null => null), previousTaken: oldSections.map(() => false) };
  const exact = (title: string, weekStart: number, weekEnd: number) => `${normalizeTitle(title)}\u0000${weekStart}-${weekEnd}`;
  pairByKey(
    parsed.sections,
    oldSections,
    (section) => exact(section.title, section.weekStart, section.weekEnd),
    (section) => exact(section.title, section.weekStart, section.weekEnd),
    pairs,
  );
  pairByKey(
    parsed.sections,
    oldSections,
    (section) => normalizeTitle(section.title),
    (section) => normalizeTitle(section.title),
    pairs,
  );
  pairByKey(
    parsed.sections,
    oldSections,
    (section) => foldTitle(section.title),
    (section) => foldTitle(section.title),
    pairs,
  );
  pairRenamedSections(parsed, oldSections, oldItems, pairs);
  return pairs.next;
}

/** A renamed section is the unpaired stored section holding at least half of its items' titles. */
function pairRenamedSections(
  parsed: ParsedCurriculum,
  oldSections: readonly PreviousSection[],
  oldItems: readonly PreviousItem[],
  pairs: { readonly next: (number | null)[]; readonly previousTaken: boolean[] },
): void {
  const freeSectionIndex = new Map<number, number>();
  for (const [index, section] of oldSections.entries()) if (pairs.previousTaken[index] !== true) freeSectionIndex.set(section.id, index);
  if (freeSectionIndex.size === 0) return;
  // A title shared by many sections says little: only its first few holders are counted.
  const holders = new Map<string, number[]>();
  for (const item of oldItems) {
    const sectionIndex = freeSectionIndex.get(item.sectionId);
    if (sectionIndex === undefined) continue;
    const title = normalizeTitle(item.title);
    const list = holders.get(title) ?? [];
    if (list.length < 4 && !list.includes(sectionIndex)) list.push(sectionIndex);
    holders.set(title, list);
  }
  for (const [index, section] of parsed.sections.entries()) {
    if (pairs.next[index] !== null) continue;
    const votes = new Map<number, number>();
    for (const item of section.items) {
      for (const holder of holders.get(normalizeTitle(item.title)) ?? []) votes.set(holder, (votes.get(holder) ?? 0) + 1);
    }
    let best: number | null = null;
    let bestVotes = 0;
    for (const [holder, count] of votes) {
      if (pairs.previousTaken[holder] !== true && count > bestVotes) [best, bestVotes] = [holder, count];
    }
    if (best !== null && bestVotes * 2 >= section.items.length) {
      pairs.next[index] = best;
      pairs.previousTaken[best] = true;
    }
  }
}

/** An item's title keys, computed once: normalizing is the costly part of matching. */
interface TitleKeys {
  readonly withGroup: string;
  readonly title: string;
  readonly folded: string;
}

function titleKeysOf(title: string, group: string | null): TitleKeys {
  const normalized = normalizeTitle(title);
  return {
    withGroup: `${group === null ? "" : normalizeTitle(group)}\u0001${normalized}`,
    title: normalized,
    folded: withoutInnerDuration(normalized).toLowerCase(),
  };
}

/**
 * "Storage (30 min) - optional read" → "Storage - optional read": an item
 * imported before a note after its duration was refused kept the duration in
 * its title; its line, rewritten with the note first, still continues it.
 * The duration becomes a space, so "Storage (30 min)- optional" also reads as
 * "Storage - optional"; spaces before punctuation are dropped on both sides, so
 * "Replication (1h), part 2" is the same as "Replication , part 2 (1h)" as
 * well as "Replication, part 2 (1h)".
 */
function withoutInnerDuration(title: string): string {
  const shortened = title.includes("(")
    ? title.replace(/\s*\(([^()]*)\)(?=.)/g, (group: string, inner: string) => (isInnerDuration(inner) ? " " : group))
    : title;
  return shortened
    .replace(/\s+([,;:.!?])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Items: inside their section by group and title, by title, by title in other
 * capitals; then across the curriculum (an item moved to another section) by
 * group and title, then by title. Returns stored-item indexes per section.
 */
function* matchItems(
  parsed: ParsedCurriculum,
  sectionIds: readonly (number | null)[],
  oldItems: readonly PreviousItem[],
): Generator<void, Map<number, (number | null)[]>> {
  const refs: NewItemRef[] = parsed.sections.flatMap((section, sectionIndex) =>
    section.items.map((item, itemIndex) => ({ section: sectionIndex, item: itemIndex, title: item.title, group: item.group })),
  );
  const newKeys = refs.map((ref) => titleKeysOf(ref.title, ref.group));
  const oldKeys = oldItems.map((old) => titleKeysOf(old.title, old.group));
  yield;
  const keysOfNew = (index: number) => newKeys[index] ?? titleKeysOf("", null);
  const keysOfOld = (index: number) => oldKeys[index] ?? titleKeysOf("", null);
  const pairs = { next: refs.map((): number | null => null), previousTaken: oldItems.map(() => false) };
  const inSection = (sectionId: number | null | undefined, rest: string) => `${sectionId ?? "new"}\u0000${rest}`;
  const newSectionId = (ref: NewItemRef) => sectionIds[ref.section];
  for (const field of ["withGroup", "title", "folded"] as const) {
    pairByKey(
      refs,
      oldItems,
      (ref, index) => inSection(newSectionId(ref), keysOfNew(index)[field]),
      (old, index) => inSection(old.sectionId, keysOfOld(index)[field]),
      pairs,
    );
    yield;
  }
  for (const field of ["withGroup", "title"] as const) {
    pairByKey(
      refs,
      oldItems,
      (_, index) => keysOfNew(index)[field],
      (_, index) => keysOfOld(index)[field],
      pairs,
    );
    yield;
  }

  const bySection = new Map<number, (number | null)[]>();
  for (const [index, ref] of refs.entries()) {
    const list = bySection.get(ref.section) ?? [];
    list[ref.item] = pairs.next[index] ?? null;
    bySection.set(ref.section, list);
  }
  return bySection;
}

/** The continued sections whose weeks or title change, with a few examples in document order. */
function sectionDiffOf(
  parsed: ParsedCurriculum,
  sectionIds: readonly (number | null)[],
  previousSections: readonly PreviousSection[],
): Pick<ItemDiff, "sectionChanges" | "sectionChangeExamples"> {
  const oldById = new Map(previousSections.map((section) => [section.id, section]));
  const examples: SectionChange[] = [];
  let changes = 0;
  for (const [index, section] of parsed.sections.entries()) {
    const old = oldById.get(sectionIds[index] ?? -1);
    if (old === undefined || (old.title === section.title && old.weekStart === section.weekStart && old.weekEnd === section.weekEnd))
      continue;
    changes += 1;
    if (examples.length < diffExampleCount) {
      examples.push({
        title: section.title,
        previousTitle: old.title,
        weeks: { start: section.weekStart, end: section.weekEnd },
        previousWeeks: { start: old.weekStart, end: old.weekEnd },
      });
    }
  }
  return { sectionChanges: changes, sectionChangeExamples: examples };
}

function diffOf(
  parsed: ParsedCurriculum,
  sectionIds: readonly (number | null)[],
  itemIds: readonly (readonly (number | null)[])[],
  previousItems: readonly PreviousItem[],
  goneItems: readonly PreviousItem[],
): Omit<ItemDiff, "sectionChanges" | "sectionChangeExamples"> {
  const oldById = new Map(previousItems.map((item) => [item.id, item]));
  const addedTitles: string[] = [];
  const changedTitles: string[] = [];
  let added = 0;
  let changed = 0;
  let kept = 0;
  for (const [sectionIndex, section] of parsed.sections.entries()) {
    for (const [itemIndex, item] of section.items.entries()) {
      const old = oldById.get(itemIds[sectionIndex]?.[itemIndex] ?? -1);
      if (old === undefined) {
        added += 1;
        if (addedTitles.length < diffExampleCount) addedTitles.push(item.title);
        continue;
      }
      const same =
        !old.retired &&
        old.sectionId === sectionIds[sectionIndex] &&
        old.title === item.title &&
        old.kind === item.kind &&
        old.minutes === item.minutes &&
        old.group === item.group &&
        old.track === item.track;
      if (same) {
        kept += 1;
      } else {
        changed += 1;
        if (changedTitles.length < diffExampleCount) changedTitles.push(item.title);
      }
    }
  }
  const removed = goneItems.filter((item) => !item.retired);
  return {
    added,
    removed: removed.length,
    changed,
    kept,
    addedTitles,
    removedTitles: removed.slice(0, diffExampleCount).map((item) => item.title),
    changedTitles,
    removedItemIds: removed.map((item) => item.id),
  };
}
