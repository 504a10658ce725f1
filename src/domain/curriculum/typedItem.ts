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

export interface TypedItem {
  readonly title: string;
  readonly details: readonly string[];
}

/** Titles are at most 200 characters; a detail longer than a section title can be is no detail. */
const maxDetails = 6;

/** How a title reads: the same words in other capitals or spacing are the same. */
export function readsAs(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The title and details of a typed value (without the "✓ " autocomplete puts before done items). Linear. */
export function splitTypedItem(raw: string): TypedItem {
  const value = raw.trim().replace(/^✓\s*/, "");
  const open = value.lastIndexOf(" (");
  if (open > 0 && value.endsWith(")")) return { title: value.slice(0, open), details: detailsOf(value.slice(open + 2, -1)) };
  const dot = value.indexOf(" · ");
  if (dot > 0) return { title: value.slice(0, dot), details: detailsOf(value.slice(dot + 3)) };
  return { title: value, details: [] };
}

function detailsOf(text: string): string[] {
  return text
    .split(/\s*[·,]\s*/)
    .map(readsAs)
    .filter((detail) => detail !== "")
    .slice(0, maxDetails);
}

/** Whether every detail names this item: its section, group, place ("#2") or weeks ("Weeks 1-2", "semana 2"). */
export function detailsFit(details: readonly string[], item: ItemDetails): boolean {
  return details.every((detail) => detailFits(detail, item));
}

function detailFits(detail: string, item: ItemDetails): boolean {
  if (detail === readsAs(item.sectionTitle)) return true;
  if (item.group !== null && detail === readsAs(item.group)) return true;
  const ordinal = /^#(\d{1,4})$/.exec(detail);
  if (ordinal !== null) return Number(ordinal[1]) === item.ordinal;
  const weeks = /^\p{L}*\s*(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?$/u.exec(detail);
  if (weeks === null) return false;
  const from = Number(weeks[1]);
  const to = weeks[2] === undefined ? from : Number(weeks[2]);
  return from >= item.weekStart && to <= item.weekEnd && from <= to;
}
