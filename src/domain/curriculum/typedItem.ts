import { withoutHiddenCharacters } from "../text/hiddenCharacters.js";

/**
 * An `item` option typed by hand: a title, optionally with details that tell
 * same-titled items apart, written as the bot shows them ("Grouped (Weeks 1-2 ·
 * Basics · Practice)" in the "several items match" reply, "Grouped · Weeks 1-2 ·
 * Practice" in autocomplete). Pure: a week detail is its numbers, after a word for
 * weeks that replies of some language write (`WeekWords`, which the caller reads from the message catalogue)
 * or none: "part 1" is no week.
 */

/** How one language's replies write weeks, read with `readsAs`: its word before one week ("week" 3) and before a range ("weeks" 1-2). */
export interface WeekWords {
  readonly one: string;
  readonly several: string;
}

/** The week words of every language replies are written in (at least one). */
export type WeekWordsOfLanguages = readonly [WeekWords, ...WeekWords[]];

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

// Printable ASCII, as most titles and names are: nothing to drop or compose, no spaces but the space.
export const printableAscii = /^[\x20-\x7e]*$/;

/** How a title reads: the same words in other capitals or spacing, or with invisible characters, are the same. */
export function readsAs(text: string): string {
  // The same result as below, without its passes over the text: a title indexes thousands of names.
  if (printableAscii.test(text)) return text.toLowerCase().replace(/ +/g, " ").trim();
  // Invisible characters first: one between a letter and its accent would keep NFC from composing them.
  return withoutHiddenCharacters(text).normalize("NFC").replace(/\s/g, " ").toLowerCase().replace(/ +/g, " ").trim();
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
  return readItemWith(item, readsAsDetails);
}

/** `readItem`, its names read by `readName`. */
function readItemWith(item: ItemDetails, readName: (name: string) => string): ReadItem {
  const section = readName(item.sectionTitle);
  const group = item.group === null ? null : readName(item.group);
  return { item, section, group, maxParts: 2 + partsIn(section) + (group === null ? 0 : partsIn(group)) };
}

/** `readsAsDetails`, each name read once however many items share it. */
function nameReader(): (name: string) => string {
  const read = new Map<string, string>();
  return (name) => {
    let text = read.get(name);
    if (text === undefined) read.set(name, (text = readsAsDetails(name)));
    return text;
  };
}

/** How many parts `name.split(separator)` has, without making them. */
function partsIn(name: string): number {
  let parts = 1;
  for (let at = name.indexOf(separator); at !== -1; at = name.indexOf(separator, at + separator.length)) parts++;
  return parts;
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

/** Every word of `weekWords`, the words a week detail may start with. */
function wordsFor(weekWords: readonly WeekWords[]): ReadonlySet<string> {
  return new Set(weekWords.flatMap((words) => [words.one, words.several]));
}

/** Typed details (as `detailsAfter` gives them) read once; `words` as `wordsFor` gives them. Linear. */
function readTyped(details: string, words: ReadonlySet<string>): TypedDetails {
  const parts = details === "" ? [] : details.split(separator);
  const starts = [0];
  for (const part of parts) starts.push((starts.at(-1) ?? 0) + part.length + separator.length);
  return { text: details, parts: parts.map((part) => partOf(part, words)), starts };
}

/** Typed details (as `detailsAfter` gives them) read once, a week after any of `weekWords`' words. Linear. */
export function readTypedDetails(details: string, weekWords: readonly WeekWords[]): TypedDetails {
  return readTyped(details, wordsFor(weekWords));
}

// Weeks: a word (no digits; one of the week words, or none), then one week or a range.
const weeksPattern = /^(\D*?)\s*(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?$/u;

function partOf(text: string, words: ReadonlySet<string>): Part {
  // A place is at most 5 digits: a curriculum (256 KB) holds fewer than 100,000 items.
  const ordinal = /^#(\d{1,5})$/.exec(text);
  const match = weeksPattern.exec(text);
  const weeks = match !== null && (match[1] === "" || words.has(match[1] ?? "")) ? match : null;
  const from = Number(weeks?.[2]);
  return {
    ordinal: ordinal === null ? null : Number(ordinal[1]),
    weeks: weeks === null ? null : { from, to: weeks[3] === undefined ? from : Number(weeks[3]) },
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
export function detailsFit(details: string, item: ItemDetails, weekWords: readonly WeekWords[]): boolean {
  return fitsRead(readTypedDetails(details, weekWords), readItem(item));
}

/** What a typed item names: one item of a title (its index there), several to choose from, or none. */
export type TypedPick =
  | { readonly kind: "one"; readonly title: string; readonly index: number }
  | { readonly kind: "several"; readonly title: string; readonly indices: readonly number[] }
  | { readonly kind: "none" };

/**
 * One look-up of a typed item: the items by title (read with `readsAs`, each title's in curriculum order),
 * the week words of every language, and each title's details and index (`TitleIndex`), built when first
 * needed and then shared: picking the item (`pickIn`) and showing the choices when several match
 * (`shownDetailsIn`) read the details of only the titles the typed text starts with, and index a title once.
 */
export interface TypedItemLookup<T> {
  readonly byTitle: ReadonlyMap<string, readonly T[]>;
  /** An item's details, given its place among its title's items. */
  readonly detailsOf: (item: T, ordinal: number) => ItemDetails;
  readonly weekWords: WeekWordsOfLanguages;
  readonly details: Map<string, readonly ItemDetails[]>;
  readonly indexes: Map<string, TitleIndex>;
  readonly lineWork: LineWork;
}

/** The work of telling reply lines apart (`shownDetailsIn`): the most kinds one line is compared with, and how many all were. */
export interface LineWork {
  readonly budget: number;
  compared: number;
}

/**
 * The most kinds a reply line is compared with to tell whether it fits one item: names contrived so that
 * many kinds share each detail would otherwise cost that many per line, 75 lines a reply. A line over it
 * shows more details instead (everything, at worst: its place then tells its item apart).
 */
const defaultLineKindBudget = 100;

/** `lineKindBudget`: the most kinds one reply line is compared with (the default suits a reply; tests vary it). */
export function typedItemLookup<T>(
  byTitle: ReadonlyMap<string, readonly T[]>,
  detailsOf: (item: T, ordinal: number) => ItemDetails,
  weekWords: WeekWordsOfLanguages,
  lineKindBudget = defaultLineKindBudget,
): TypedItemLookup<T> {
  return { byTitle, detailsOf, weekWords, details: new Map(), indexes: new Map(), lineWork: { budget: lineKindBudget, compared: 0 } };
}

/** The details of `title`'s items, in its order, read on the look-up's first need of them. */
export function titleDetails<T>(lookup: TypedItemLookup<T>, title: string): readonly ItemDetails[] {
  let details = lookup.details.get(title);
  if (details === undefined) {
    details = (lookup.byTitle.get(title) ?? []).map((item, at) => lookup.detailsOf(item, at + 1));
    lookup.details.set(title, details);
  }
  return details;
}

/** The index of `title`'s items, built on the look-up's first need of it. */
function titleIndexOf<T>(lookup: TypedItemLookup<T>, title: string): TitleIndex {
  let index = lookup.indexes.get(title);
  if (index === undefined) {
    index = indexTitle(titleDetails(lookup, title), wordsFor(lookup.weekWords));
    lookup.indexes.set(title, index);
  }
  return index;
}

/**
 * The item `typed` (read with `readsAs`) names among the look-up's items. An exact title names its items.
 * Otherwise the longest title `typed` starts with whose items its details fit names those, and never an item
 * they do not fit: when none fits, a title of several items lists them all, and one of one item names
 * nothing. A week detail may use the words of any language. O(titles × typed length) to find the titles it
 * starts with, then for each such title O(its items) to index them (once per look-up, `TitleIndex`) and
 * O(kinds the details could fit × parts²) comparisons.
 */
export function pickIn<T>(lookup: TypedItemLookup<T>, typed: string): TypedPick {
  const { byTitle } = lookup;
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
    const index = titleIndexOf(lookup, title);
    const fitting = fittingItems(index, readTyped(detailsAfter(typed, title) ?? "", index.words));
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

/** The details a reply line shows in the language of `words`, read as typed back. */
function shownText(item: ItemDetails, shown: ShownDetails, words: WeekWords): string {
  const weeks = item.weekStart === item.weekEnd ? `${words.one} ${item.weekStart}` : `${words.several} ${item.weekStart}-${item.weekEnd}`;
  const parts = [weeks, item.sectionTitle, shown.group ? item.group : null, shown.ordinal ? `#${item.ordinal}` : null];
  return readsAsDetails(parts.filter((part) => part !== null).join(separator));
}

/**
 * For each item of `title` (all its items) whose index is in `listed`, the fewest details beyond weeks and
 * section that, typed back, fit that item and no other, by the same `fitsRead` that reads them, whichever
 * language of the look-up's week words the line is written in; the others show everything. Each line is
 * worked out once however many items show it, by finding the items it fits, up to two, in the title's index
 * (`TitleIndex`, shared with `pickIn`): O(items) to build it if not yet built, then per line O(parts²) and at
 * most the look-up's line budget of kinds compared, counted in its `lineWork` (a line that would take more
 * shows more details instead).
 */
export function shownDetailsIn<T>(lookup: TypedItemLookup<T>, title: string, listed: readonly number[]): ShownDetails[] {
  const { weekWords } = lookup;
  const items = titleDetails(lookup, title);
  const index = titleIndexOf(lookup, title);
  const lines = new Map<string, { readonly typed: TypedDetails; readonly fitsOne: boolean }>();
  // Whether the line fits exactly one item, and that one is `entry`.
  const picksOnly = (entry: ReadItem, text: string) => {
    let line = lines.get(text);
    if (line === undefined) {
      const typed = readTyped(text, index.words);
      lines.set(text, (line = { typed, fitsOne: fittingItems(index, typed, 2, lookup.lineWork)?.length === 1 }));
    }
    return line.fitsOne && fitsRead(line.typed, entry);
  };
  const worked = new Set(listed);
  return items.map((item, at) => {
    const fullest = { group: item.group !== null, ordinal: true };
    if (!worked.has(at)) return fullest;
    const entry = readAt(index, at);
    // Everything shown is the last resort whether or not it tells the item apart: it is not worked out.
    const options = [{ group: false, ordinal: false }, ...(item.group === null ? [] : [{ group: true, ordinal: false }])];
    const pickedBack = (shown: ShownDetails) => weekWords.every((words) => picksOnly(entry, shownText(item, shown, words)));
    return options.find(pickedBack) ?? fullest;
  });
}

/**
 * Items alike in weeks, section and group: details fit all of them or none, unless a part reads as a place
 * ("#2"), which fits the one item of that place. Fitting details to a kind is fitting them to its items.
 */
interface Kind {
  /** The kind's details with no place (NaN equals no "#n"). */
  readonly read: ReadItem;
  /** Its items' indices, in curriculum order. */
  readonly members: number[];
}

/** One title's items' kinds, read once and found by name and by weeks, and the items by place. */
interface TitleIndex {
  readonly words: ReadonlySet<string>;
  readonly items: readonly ItemDetails[];
  readonly kindOf: readonly Kind[];
  readonly kinds: readonly Kind[];
  /** Kinds by their section and by their group. */
  readonly byName: ReadonlyMap<string, readonly Kind[]>;
  /** The most parts a name has: no longer run of typed parts can be one. */
  readonly maxNameParts: number;
  /** Kinds by their weeks ("1-2"), each weeks once. */
  readonly byWeeks: ReadonlyMap<string, { readonly start: number; readonly end: number; readonly kinds: Kind[] }>;
  /** Kinds whose weeks hold a typed week or range, found once per range. */
  readonly holding: Map<string, readonly Kind[]>;
  /** Items' indices by their place, once a typed part reads as one. */
  byPlace: ReadonlyMap<number, readonly number[]> | null;
}

/** `items` (one title's) indexed, each name read once: O(items), and O(kinds) names looked at. */
function indexTitle(items: readonly ItemDetails[], words: ReadonlySet<string>): TitleIndex {
  const readName = nameReader();
  const kinds = new Map<string, Kind>();
  const kindOf = items.map((item, at) => {
    const section = readName(item.sectionTitle);
    const group = item.group === null ? null : readName(item.group);
    // Read names hold no control characters (`readsAs` drops them): \u0000 separates, \u0001 stands for no group.
    const key = `${item.weekStart}\u0000${item.weekEnd}\u0000${section}\u0000${group ?? "\u0001"}`;
    let kind = kinds.get(key);
    if (kind === undefined) kinds.set(key, (kind = { read: readItemWith({ ...item, ordinal: Number.NaN }, readName), members: [] }));
    kind.members.push(at);
    return kind;
  });
  const byName = new Map<string, Kind[]>();
  const byWeeks = new Map<string, { start: number; end: number; kinds: Kind[] }>();
  let maxNameParts = 1;
  for (const kind of kinds.values()) {
    const { item, section, group } = kind.read;
    for (const name of group === section ? [section] : [section, group]) {
      if (name === null) continue;
      listAt(byName, name).push(kind);
      maxNameParts = Math.max(maxNameParts, partsIn(name));
    }
    const weeks = `${item.weekStart}-${item.weekEnd}`;
    let same = byWeeks.get(weeks);
    if (same === undefined) byWeeks.set(weeks, (same = { start: item.weekStart, end: item.weekEnd, kinds: [] }));
    same.kinds.push(kind);
  }
  return { words, items, kindOf, kinds: [...kinds.values()], byName, maxNameParts, byWeeks, holding: new Map(), byPlace: null };
}

/** Item `at` of the index, read: its kind's names with its own place. */
function readAt(index: TitleIndex, at: number): ReadItem {
  const kind = index.kindOf[at];
  const item = index.items[at];
  if (kind === undefined || item === undefined) throw new RangeError(`no item ${at} in this title`);
  return { ...kind.read, item };
}

/** The indices of the items of place `place`. */
function itemsAtPlace(index: TitleIndex, place: number): readonly number[] {
  if (index.byPlace === null) {
    const byPlace = new Map<number, number[]>();
    index.items.forEach((item, at) => listAt(byPlace, item.ordinal).push(at));
    index.byPlace = byPlace;
  }
  return index.byPlace.get(place) ?? [];
}

function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (list === undefined) map.set(key, (list = []));
  return list;
}

/**
 * The indices of the items `typed` fits, in curriculum order; once `enough` are found, those found so far
 * (in any order). A kind it fits has, for each typed part, a name that a run of parts around it reads as,
 * or weeks holding that part's: only the kinds found so for the part with the fewest are compared. With
 * `work`, each comparison is counted there, and the answer is null rather than compare more than its
 * budget. An item whose kind it does not fit fits only by a part that reads as its place, looked up by that place.
 */
function fittingItems(index: TitleIndex, typed: TypedDetails): number[];
function fittingItems(index: TitleIndex, typed: TypedDetails, enough: number, work: LineWork): number[] | null;
function fittingItems(index: TitleIndex, typed: TypedDetails, enough = Infinity, work?: LineWork): number[] | null {
  const found: number[] = [];
  let compared = 0;
  for (const kind of candidateKinds(index, typed)) {
    if (work !== undefined) {
      if (compared === work.budget) return null;
      compared += 1;
      work.compared += 1;
    }
    if (!fitsRead(typed, kind.read)) continue;
    for (const at of kind.members) found.push(at);
    if (found.length >= enough) return found;
  }
  const places = new Set(typed.parts.flatMap((part) => (part.ordinal === null ? [] : [part.ordinal])));
  for (const place of places) {
    for (const at of itemsAtPlace(index, place)) {
      const kind = index.kindOf[at];
      if (kind !== undefined && !fitsRead(typed, kind.read) && fitsRead(typed, readAt(index, at))) found.push(at);
    }
  }
  return found.sort((a, b) => a - b);
}

/** The kinds that could fit `typed`: those that could cover its part with the fewest such kinds. */
function candidateKinds(index: TitleIndex, typed: TypedDetails): Iterable<Kind> {
  const count = typed.parts.length;
  if (count === 0) return index.kinds;
  const covering: (readonly Kind[])[][] = typed.parts.map(() => []);
  for (let start = 0; start < count; start++) {
    for (let end = start + 1; end <= Math.min(count, start + index.maxNameParts); end++) {
      const named = index.byName.get(runText(typed, start, end));
      if (named !== undefined) for (let at = start; at < end; at++) covering[at]?.push(named);
    }
    const weeks = typed.parts[start]?.weeks ?? null;
    if (weeks !== null) covering[start]?.push(kindsHolding(index, weeks.from, weeks.to));
  }
  const sizes = covering.map((lists) => lists.reduce((sum, list) => sum + list.length, 0));
  const fewest = covering[sizes.indexOf(Math.min(...sizes))] ?? [];
  return fewest.length === 1 ? (fewest[0] ?? []) : distinctKinds(fewest);
}

/** The kinds of `lists`, each once, as they are asked for: a caller that stops early reads no further. */
function* distinctKinds(lists: readonly (readonly Kind[])[]): Generator<Kind> {
  const seen = new Set<Kind>();
  for (const list of lists) {
    for (const kind of list) {
      if (seen.has(kind)) continue;
      seen.add(kind);
      yield kind;
    }
  }
}

/** Parts start..end (exclusive) of `typed`, read whole. */
function runText(typed: TypedDetails, start: number, end: number): string {
  return typed.text.slice(typed.starts[start] ?? 0, (typed.starts[end] ?? 0) - separator.length);
}

/** The kinds whose weeks hold weeks `from` to `to` (none for a backwards range), as `runFits` compares them. */
function kindsHolding(index: TitleIndex, from: number, to: number): readonly Kind[] {
  const key = `${from}-${to}`;
  let kinds = index.holding.get(key);
  if (kinds === undefined) {
    kinds =
      from > to
        ? []
        : [...index.byWeeks.values()].filter((weeks) => weeks.start <= from && to <= weeks.end).flatMap((weeks) => weeks.kinds);
    index.holding.set(key, kinds);
  }
  return kinds;
}
