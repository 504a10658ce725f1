/**
 * An `item` option typed by hand: a title, optionally with details that tell
 * same-titled items apart, written as the bot shows them ("Grouped (Weeks 1-2 ·
 * Basics · Practice)" in the "several items match" reply, "Grouped · Weeks 1-2 ·
 * Practice" in autocomplete). Pure: a week detail is its numbers, after the word
 * for weeks of any language replies use (format.weeksUpper/Lower in the locales) or none: "part 1" is no week.
 */

/** What a member may name to pick one of several same-titled items. */
export interface ItemDetails {
  readonly sectionTitle: string;
  readonly group: string | null;
  /** Calendar weeks of the item's section, as replies show them. */
  readonly weekStart: number;
  readonly weekEnd: number;
  /** 1-based place among the items of that title, in curriculum order ("#2"). */
  readonly ordinal: number;
}

/** Which details beyond weeks and section a reply line shows for an item. */
export interface ShownDetails {
  readonly group: boolean;
  readonly ordinal: boolean;
}

/** The one separator replies and autocomplete put between details; names may hold brackets and commas. */
const separator = " · ";

// Characters that show nothing or reorder text, and control characters: the reply's `inertText` drops
// them from a stored title, so a line copied back lacks them (the same list as inertText.ts).
const hidden = /(?![\t\n\v\f\r])\p{Cc}|[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

/** How a title reads: the same words in other capitals or spacing, or with invisible characters, are the same. */
export function readsAs(text: string): string {
  // Invisible characters first: one between a letter and its accent would keep NFC from composing them.
  return text.replace(hidden, "").normalize("NFC").replace(/\s/g, " ").toLowerCase().replace(/ +/g, " ").trim();
}

/** As `readsAs`, with the separator always spaced alike, so a name holding one compares whole. */
function readsAsDetails(text: string): string {
  return readsAs(text).replace(/\s*·\s*/g, separator);
}

/**
 * The details typed after a title (both read with `readsAs`): "" for the bare title, the text inside the
 * closing brackets or after the first separator, null when `typed` is not that title with details. Linear.
 */
export function detailsAfter(typed: string, title: string): string | null {
  if (typed === title) return "";
  if (title === "" || !typed.startsWith(title)) return null;
  const rest = typed.slice(title.length);
  const bracket = /^ ?\((.*)\)$/s.exec(rest);
  if (bracket !== null) return readsAsDetails(bracket[1] ?? "");
  const dot = /^\s*·\s*/.exec(rest);
  return dot === null ? null : readsAsDetails(rest.slice(dot[0].length));
}

/** An item's names read once, so that comparing typed details with it is comparisons only. */
export interface ReadItem {
  readonly item: ItemDetails;
  readonly section: string;
  readonly group: string | null;
  /** The most parts its details have: weeks, each part of its section and group, place. */
  readonly maxParts: number;
}

export function readItem(item: ItemDetails): ReadItem {
  const section = readsAsDetails(item.sectionTitle);
  const group = item.group === null ? null : readsAsDetails(item.group);
  return { item, section, group, maxParts: 2 + partsIn(section) + (group === null ? 0 : partsIn(group)) };
}

function partsIn(name: string): number {
  return name.split(separator).length;
}

/** One part of typed details read alone: the place or weeks it names, if it is one. */
interface Part {
  readonly ordinal: number | null;
  readonly weeks: { readonly from: number; readonly to: number } | null;
}

/** Typed details read once: each part alone, and where each starts in `text` (then where one after the last would). */
export interface TypedDetails {
  readonly text: string;
  readonly parts: readonly Part[];
  readonly starts: readonly number[];
}

/** Typed details (as `detailsAfter` gives them) read once. Linear. */
export function readTypedDetails(details: string): TypedDetails {
  const parts = details === "" ? [] : details.split(separator);
  const starts = [0];
  for (const part of parts) starts.push((starts.at(-1) ?? 0) + part.length + separator.length);
  return { text: details, parts: parts.map(partOf), starts };
}

function partOf(text: string): Part {
  const ordinal = /^#(\d{1,4})$/.exec(text);
  const weeks = /^(?:weeks?|semanas?)?\s*(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?$/u.exec(text);
  const from = Number(weeks?.[1]);
  return {
    ordinal: ordinal === null ? null : Number(ordinal[1]),
    weeks: weeks === null ? null : { from, to: weeks[2] === undefined ? from : Number(weeks[2]) },
  };
}

/**
 * Whether typed details name this item: split on the separator only, every run of parts read whole is its
 * section, group, place ("#2") or weeks ("Weeks 1-2", "semana 2"). Details with more parts than the item's
 * never fit it (told at once); otherwise O(parts × the item's parts) comparisons, names compared only when as long.
 */
export function fitsRead(typed: TypedDetails, read: ReadItem): boolean {
  const count = typed.parts.length;
  if (count > read.maxParts) return false;
  // fits[end]: the first `end` parts are whole details of this item.
  const fits = [true, ...typed.parts.map(() => false)];
  for (let end = 1; end <= count; end++) {
    for (let start = Math.max(0, end - read.maxParts); start < end && fits[end] !== true; start++) {
      fits[end] = fits[start] === true && runFits(typed, start, end, read);
    }
  }
  return fits[count] === true;
}

/** Whether parts start..end (exclusive) read whole are one of the item's details. */
function runFits(typed: TypedDetails, start: number, end: number, read: ReadItem): boolean {
  const from = typed.starts[start] ?? 0;
  const length = (typed.starts[end] ?? 0) - from - separator.length;
  const isName = (name: string | null) => name !== null && name.length === length && typed.text.startsWith(name, from);
  if (isName(read.section) || isName(read.group)) return true;
  const part = end === start + 1 ? typed.parts[start] : undefined;
  if (part === undefined) return false;
  if (part.ordinal !== null) return part.ordinal === read.item.ordinal;
  const weeks = part.weeks;
  return weeks !== null && weeks.from >= read.item.weekStart && weeks.to <= read.item.weekEnd && weeks.from <= weeks.to;
}

/** `fitsRead` for one comparison: reads both sides first. */
export function detailsFit(details: string, item: ItemDetails): boolean {
  return fitsRead(readTypedDetails(details), readItem(item));
}

/** What a typed item names: one item of a title (its index there), several to choose from, or none. */
export type TypedPick =
  | { readonly kind: "one"; readonly title: string; readonly index: number }
  | { readonly kind: "several"; readonly title: string; readonly indices: readonly number[] }
  | { readonly kind: "none" };

/**
 * The item `typed` (read with `readsAs`) names among `byTitle` (items by title read with `readsAs`, each
 * title's in curriculum order). An exact title names its items. Otherwise the longest title `typed` starts
 * with whose items its details fit names those, and never an item they do not fit: when none fits, a title
 * of several items lists them all, and one of one item names nothing. O(titles × typed length) to find the
 * titles it starts with, then O(items of those titles × parts²) comparisons: linear in the same-titled items.
 */
export function pickTypedItem(typed: string, byTitle: ReadonlyMap<string, readonly ItemDetails[]>): TypedPick {
  const exact = byTitle.get(typed);
  if (exact !== undefined)
    return exact.length === 1
      ? { kind: "one", title: typed, index: 0 }
      : several(
          typed,
          exact.map((_, index) => index),
        );
  const titles = [...byTitle.keys()].filter((title) => detailsAfter(typed, title) !== null).sort((a, b) => b.length - a.length);
  let fallback: TypedPick = { kind: "none" };
  for (const title of titles) {
    const items = byTitle.get(title) ?? [];
    const details = readTypedDetails(detailsAfter(typed, title) ?? "");
    const fitting = items.flatMap((item, index) => (fitsRead(details, readItem(item)) ? [index] : []));
    const [only] = fitting;
    if (only !== undefined) return fitting.length === 1 ? { kind: "one", title, index: only } : several(title, fitting);
    if (fallback.kind === "none" && items.length > 1)
      fallback = several(
        title,
        items.map((_, index) => index),
      );
  }
  return fallback;
}

function several(title: string, indices: readonly number[]): TypedPick {
  return { kind: "several", title, indices };
}

/** The details a reply line shows, read as typed back (in English: the word for weeks in any locale reads alike). */
function shownText(item: ItemDetails, shown: ShownDetails): string {
  const weeks = item.weekStart === item.weekEnd ? `week ${item.weekStart}` : `weeks ${item.weekStart}-${item.weekEnd}`;
  const parts = [weeks, item.sectionTitle, shown.group ? item.group : null, shown.ordinal ? `#${item.ordinal}` : null];
  return readsAsDetails(parts.filter((part) => part !== null).join(separator));
}

/**
 * For each of `items` (all the items of one title) whose index is in `listed`, the fewest details beyond
 * weeks and section that, typed back, fit that item and no other, by the same `fitsRead` that reads them;
 * the others show everything. A line's text starts with its weeks, so only items whose weeks hold those, or
 * whose section or group reads as the line's first parts, can fit it: each listed line is compared with
 * those alone. O(items + listed × (items + rivals × parts²)), with numbers compared for each item.
 */
export function shownDetails(items: readonly ItemDetails[], listed: readonly number[]): ShownDetails[] {
  const read = items.map(readItem);
  const byName = new Map<string, ReadItem[]>();
  for (const entry of read) {
    for (const name of new Set([entry.section, entry.group])) {
      if (name === null) continue;
      const named = byName.get(name);
      if (named === undefined) byName.set(name, [entry]);
      else named.push(entry);
    }
  }
  const worked = new Set(listed);
  return read.map((entry, index) => {
    const { item } = entry;
    const fullest = { group: item.group !== null, ordinal: true };
    if (!worked.has(index)) return fullest;
    const rivals = rivalsOf(entry, read, byName);
    const options = [{ group: false, ordinal: false }, ...(item.group === null ? [] : [{ group: true, ordinal: false }]), fullest];
    const picksOnlyThis = (shown: ShownDetails) => {
      const typed = readTypedDetails(shownText(item, shown));
      return fitsRead(typed, entry) && rivals.every((other) => other === entry || !fitsRead(typed, other));
    };
    return options.find(picksOnlyThis) ?? fullest;
  });
}

/** The items any line for `entry` could fit: its first run is their weeks, or their section or group. */
function rivalsOf(entry: ReadItem, read: readonly ReadItem[], byName: ReadonlyMap<string, readonly ReadItem[]>): ReadItem[] {
  const { item } = entry;
  const rivals = new Set(read.filter((other) => other.item.weekStart <= item.weekStart && item.weekEnd <= other.item.weekEnd));
  const parts = shownText(item, { group: item.group !== null, ordinal: true }).split(separator);
  for (let end = 1; end <= parts.length; end++) {
    for (const other of byName.get(parts.slice(0, end).join(separator)) ?? []) rivals.add(other);
  }
  return [...rivals];
}
