/**
 * An `item` option typed by hand: a title, optionally with details that tell
 * same-titled items apart, written as the bot shows them ("Grouped (Weeks 1-2 ·
 * Basics · Practice)" in the "several items match" reply, "Grouped · Weeks 1-2 ·
 * Practice" in autocomplete). Pure: words for weeks differ by language, so a
 * week detail is read by its numbers only.
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
/** Weeks, section, group and place, each of which may itself hold a few separators: more parts name nothing. */
const maxDetailParts = 12;

/** How a title reads: the same words in other capitals or spacing are the same. */
export function readsAs(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
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

/**
 * Whether `details` (as `detailsAfter` gives them) name this item: split on the separator only, every run of
 * parts read whole is its section, group, place ("#2") or weeks ("Weeks 1-2", "semana 2"). Quadratic in the
 * parts, which are bounded.
 */
export function detailsFit(details: string, item: ItemDetails): boolean {
  if (details === "") return true;
  const parts = details.split(separator);
  if (parts.length > maxDetailParts) return false;
  // read[end]: the first `end` parts are whole details of this item.
  const read = [true, ...parts.map(() => false)];
  for (let end = 1; end <= parts.length; end++) {
    for (let start = 0; start < end && read[end] !== true; start++) {
      read[end] = read[start] === true && detailFits(parts.slice(start, end).join(separator), item);
    }
  }
  return read[parts.length] === true;
}

function detailFits(detail: string, item: ItemDetails): boolean {
  if (detail === readsAsDetails(item.sectionTitle)) return true;
  if (item.group !== null && detail === readsAsDetails(item.group)) return true;
  const ordinal = /^#(\d{1,4})$/.exec(detail);
  if (ordinal !== null) return Number(ordinal[1]) === item.ordinal;
  const weeks = /^\p{L}*\s*(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?$/u.exec(detail);
  if (weeks === null) return false;
  const from = Number(weeks[1]);
  const to = weeks[2] === undefined ? from : Number(weeks[2]);
  return from >= item.weekStart && to <= item.weekEnd && from <= to;
}

/** The details a reply line shows, read as typed back (the word for weeks is any: only its numbers count). */
function shownText(item: ItemDetails, shown: ShownDetails): string {
  const weeks = item.weekStart === item.weekEnd ? `week ${item.weekStart}` : `weeks ${item.weekStart}-${item.weekEnd}`;
  const parts = [weeks, item.sectionTitle, shown.group ? item.group : null, shown.ordinal ? `#${item.ordinal}` : null];
  return readsAsDetails(parts.filter((part) => part !== null).join(separator));
}

/**
 * For each of `items` (all the items of one title), the fewest details beyond weeks and section that,
 * typed back, fit that item and no other, by the same `detailsFit` that reads them. Only the first `limit`
 * are worked out (a reply shows no more); the rest show everything. O(limit × items).
 */
export function shownDetails(items: readonly ItemDetails[], limit: number): ShownDetails[] {
  return items.map((item, index) => {
    const fullest = { group: item.group !== null, ordinal: true };
    if (index >= limit) return fullest;
    const options = [{ group: false, ordinal: false }, ...(item.group === null ? [] : [{ group: true, ordinal: false }]), fullest];
    const picksOnlyThis = (shown: ShownDetails) => {
      const text = shownText(item, shown);
      return items.every((other) => detailsFit(text, other) === (other === item));
    };
    return options.find(picksOnlyThis) ?? fullest;
  });
}
