/** Item kinds, item lines and reading times, as both formats write them. */
import { editDistance } from "../../editDistance.js";
import { ItemKind } from "../curriculumModel.js";
import type { DraftSection } from "./draft.js";
import { MAX_ITEM_MINUTES, MAX_SECTION_MINUTES, MAX_TITLE_CHARACTERS } from "./limits.js";
import { ProblemCode } from "./problemCodes.js";
import type { ProblemList } from "./ProblemList.js";
import { excerpt } from "./sourceLines.js";
import { showsSomething } from "../../text/hiddenCharacters.js";

const KIND_BY_NAME: ReadonlyMap<string, ItemKind> = new Map(Object.values(ItemKind).map((kind) => [kind.toLowerCase(), kind]));

/** "Required -- Title (30 min)" with any of the dashes authors type. */
const KINDED_ITEM = /^([A-Za-z]+)\s*(?:--|—|–|-|:)\s*(.*)$/;
/** The same, but only with an unmistakable separator (Markdown topics may start "Word - …"). */
export const STRONGLY_KINDED_ITEM = /^[A-Za-z]+\s*(?:--|—|–)/;

export interface KindedItem {
  readonly title: string;
  readonly kind: ItemKind;
  readonly minutes: number | null;
}

/** Parses the text after "- [ ] "; reports and returns null when it cannot be used. */
export function parseKindedItem(body: string, line: number, problems: ProblemList): KindedItem | null {
  const match = KINDED_ITEM.exec(body);
  if (match === null) {
    problems.add(line, ProblemCode.ItemWithoutKind, { item: excerpt(body) });
    return null;
  }
  const kindName = match[1] ?? "";
  const kind = KIND_BY_NAME.get(kindName.toLowerCase());
  if (kind === undefined) {
    problems.add(line, ProblemCode.UnknownKind, { kind: kindName });
    return null;
  }
  const { title, durationText } = splitTrailingDuration(match[2] ?? "");
  if (durationText === null && reportMisplacedDuration(title, line, problems)) return null;
  let minutes: number | null = null;
  let usable = true;
  if (durationText !== null) {
    minutes = checkItemDuration(title, durationText, line, problems);
    usable = minutes !== null;
  }
  // A title of only invisible characters would show as nothing: refused as none.
  if (!showsSomething(title)) {
    problems.add(line, ProblemCode.ItemWithoutTitle);
    usable = false;
  }
  return usable ? { title, kind, minutes } : null;
}

const UNIT_WORD = /\b(?:mins?|minutes?|hrs?|hours?)\b/i;

/**
 * Splits "Title (30 min)". A trailing parenthesis counts as a duration when it
 * starts with a number or names a unit, so "(30 mni)" is reported rather than
 * silently kept in the title, while "Sharding (part two)" stays a title.
 */
function splitTrailingDuration(rest: string): { title: string; durationText: string | null } {
  const text = rest.trim();
  if (!text.endsWith(")")) return { title: text, durationText: null };
  const open = text.lastIndexOf("(");
  if (open < 0) return { title: text, durationText: null };
  const inner = text.slice(open + 1, -1).trim();
  const looksLikeDuration = /^~?\s*\d/.test(inner) || UNIT_WORD.test(inner);
  if (!looksLikeDuration) return { title: text, durationText: null };
  return { title: text.slice(0, open).trim(), durationText: inner };
}

/**
 * "Title (30 min)" or "Title (30 mins)": the line ends in a readable duration
 * or one naming a unit. "(2nd ed)" or "(1-3)" only start with a digit, so
 * "Optional — Kleppmann, chapter 5 (2nd ed)" is not taken for an item.
 */
export function endsWithDuration(text: string): boolean {
  const durationText = splitTrailingDuration(text).durationText;
  return durationText !== null && (isInnerDuration(durationText) || UNIT_WORD.test(durationText) || namesMisspelledUnit(durationText));
}

/** An item line written without its "- [ ]": the whole line, the heading of its section, and what follows its kind. */
export interface ItemWithoutCheckbox {
  readonly text: string;
  readonly heading: string;
  readonly rest: string;
}

/**
 * An item written without its "- [ ]" is refused, and a duration it cannot read ("(30 mni)") said now, so that
 * adding the "- [ ]" is not followed by a second refusal.
 */
export function reportItemWithoutCheckbox(problems: ProblemList, line: number, { text, heading, rest }: ItemWithoutCheckbox): void {
  problems.add(line, ProblemCode.ItemWithoutCheckbox, { text: excerpt(text), section: excerpt(heading) });
  const duration = unreadableTrailingDuration(rest);
  if (duration !== null) problems.add(line, ProblemCode.DurationUnreadable, duration);
}

/** The item and duration of "Title (30 mni)", when the line ends in a duration that cannot be read; else null. */
function unreadableTrailingDuration(text: string): { item: string; duration: string } | null {
  const { title, durationText } = splitTrailingDuration(text);
  if (durationText === null || parseDuration(durationText) !== null) return null;
  return { item: excerpt(title), duration: excerpt(durationText) };
}

const UNIT_NAMES = ["min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours"] as const;

/**
 * "(30 mni)", "(1 huor)", "(45 minuts)": a number and one word a typo away from a unit, and starting with
 * its letter, so "(8 in)" or "(1 tour)" stay what they say. A word under four letters must also hold
 * all the unit's letters (swapped or doubled): "(5 mi)", "(3 men)" and "(50 hz)" are other units.
 */
function namesMisspelledUnit(durationText: string): boolean {
  const word = /^~?\s*\d+(?:\.\d+)?\s*([a-z]{2,8})\.?$/i.exec(durationText)?.[1]?.toLowerCase();
  return word !== undefined && UNIT_NAMES.some((unit) => isUnitTypo(word, unit));
}

function isUnitTypo(word: string, unit: string): boolean {
  if (word[0] !== unit[0] || editDistance(word, unit, 1) > 1) return false;
  return word.length >= 4 || Array.from(unit).every((letter) => word.includes(letter));
}

/**
 * "Scaling to (10m) users": a number of m followed by a word is an amount. An
 * "h" is always hours, and "(45m) - optional" or "(45m)" before nothing is
 * minutes, so "Keynote (45m) - optional" keeps its estimate.
 */
function isOneLetterAmount(group: RegExpExecArray, text: string): boolean {
  const following = text.slice(group.index + group[0].length);
  return /^\s*\d+(?:\.\d+)?\s*m\s*$/.test(group[1] ?? "") && /^\s+\p{L}/u.test(following);
}

/**
 * "Title (30 min) - optional read": a readable duration with a note after it.
 * Read as a title, the item would lose its estimate and show "(30 min)" in
 * its name, so the line is refused with where the duration goes instead.
 */
function reportMisplacedDuration(text: string, line: number, problems: ProblemList): boolean {
  const durations = [...text.matchAll(/\(([^()]*)\)/g)].filter(
    (group) => isInnerDuration(group[1] ?? "") && !isOneLetterAmount(group, text),
  );
  const last = durations.at(-1);
  if (last === undefined) return false;
  const item = text.slice(0, last.index).trim();
  const note = text.slice(last.index + last[0].length).trim();
  const duration = (last[1] ?? "").trim();
  // "Replication, sections 2 and 4": a note opening with punctuation follows the title without a space.
  const gap = /^[,;:.!?]/.test(note) ? "" : " ";
  // Whole, so that pasting it continues the item. Cut only past what a title may hold: such a
  // suggestion, pasted, is refused as too long rather than becoming a new item named "…".
  const rewritten = excerpt(`${item}${gap}${note} (${duration})`, MAX_TITLE_CHARACTERS + 40);
  problems.add(line, ProblemCode.DurationNotAtEnd, {
    item: excerpt(item),
    duration: excerpt(duration),
    note: excerpt(note),
    rewritten,
  });
  return true;
}

/**
 * A parenthesis inside a title read as a duration ("(30 min)", "(1h 30min)").
 * A one-letter unit counts only in lower case: "(1M) users" and "(10M) rows"
 * are counts, not minutes; "(90 MINS)" is minutes.
 */
export function isInnerDuration(text: string): boolean {
  return parseDuration(text) !== null && !/\d\s*[HM](?![a-zA-Z])/.test(text);
}

const DURATION_SEPARATOR = /[\s,+]*(?:and\s+)?/iy;
const DURATION_PART = /(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m)(?![a-z])/iy;

/** "1.5 hours", "45 min", "1h 30min" → minutes (unrounded); null when unreadable. */
export function parseDuration(text: string): number | null {
  const input = text.trim().replace(/^(?:~|about\s+|approx\.?\s+)/i, "");
  let position = 0;
  let total = 0;
  let parts = 0;
  while (position < input.length) {
    DURATION_SEPARATOR.lastIndex = position;
    if (DURATION_SEPARATOR.exec(input) !== null) position = DURATION_SEPARATOR.lastIndex;
    if (position >= input.length) break;
    DURATION_PART.lastIndex = position;
    const part = DURATION_PART.exec(input);
    if (part === null) return null;
    const value = Number(part[1]);
    total += (part[2] ?? "").toLowerCase().startsWith("h") ? value * 60 : value;
    parts++;
    position = DURATION_PART.lastIndex;
  }
  return parts === 0 ? null : total;
}

/** Whole minutes of "(30 min)", or null after reporting what is wrong with it. */
function checkItemDuration(title: string, text: string, line: number, problems: ProblemList): number | null {
  const params = { item: excerpt(title), duration: excerpt(text) };
  const minutes = parseDuration(text);
  if (minutes === null) {
    problems.add(line, ProblemCode.DurationUnreadable, params);
    return null;
  }
  const rounded = Math.round(minutes);
  if (rounded < 1) {
    problems.add(line, ProblemCode.DurationTooShort, params);
    return null;
  }
  if (rounded > MAX_ITEM_MINUTES) {
    problems.add(line, ProblemCode.DurationTooLong, { ...params, hours: MAX_ITEM_MINUTES / 60 });
    return null;
  }
  return rounded;
}

/** "Estimated reading time: 6 hours" for a section. */
export function applyEstimate(section: DraftSection, value: string, line: number, problems: ProblemList): void {
  if (section.estimatedMinutes !== null) {
    problems.add(line, ProblemCode.EstimateRepeated, { section: excerpt(section.heading) });
    return;
  }
  const minutes = parseDuration(value);
  const params = { value: excerpt(value) };
  if (minutes === null) {
    problems.add(line, ProblemCode.EstimateUnreadable, params);
  } else if (Math.round(minutes) < 1) {
    problems.add(line, ProblemCode.EstimateTooShort, params);
  } else if (Math.round(minutes) > MAX_SECTION_MINUTES) {
    problems.add(line, ProblemCode.EstimateTooLong, { ...params, hours: MAX_SECTION_MINUTES / 60 });
  } else {
    section.estimatedMinutes = Math.round(minutes);
  }
}

/** A second "Checkpoint" in one section; the first one stays. */
export function reportRepeatedCheckpoint(section: DraftSection, line: number, problems: ProblemList): void {
  problems.add(line, ProblemCode.CheckpointRepeated, {
    section: excerpt(section.heading),
    firstLine: section.checkpointLine ?? section.line,
  });
}
