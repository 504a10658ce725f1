import type { MemberName } from "../../services/RosterService.js";
import { markup, type Translator } from "../i18n/Translator.js";

/**
 * Each wanted member's name as the roster and the Nudge answer show it: members whose names show alike (after
 * the escaping rule drops invisible characters; "é" in either Unicode form) get "#1", "#2"… by join order over
 * the whole cohort, so one member keeps their number on every page and filter. A number that is itself
 * someone's name ("Sam #1") is skipped, so no two labels read the same.
 *
 * `names` is the whole cohort in join order (member id order, as the database reads it; not sorted again here),
 * as a page's numbers depend on everyone; `wanted` the few members shown (a page, a Nudge). Each name is read
 * once, and only the wanted members' namesakes are numbered: O(cohort + their namesakes), as a page of a
 * 10,000-member cohort is drawn every time it is asked for.
 */
export function numberedNames(t: Translator, names: readonly MemberName[], wanted: Iterable<number>): Map<number, string> {
  const shown = (name: string) => t.plainUser(name).trim().normalize("NFC");
  const wantedIds = new Set(wanted);
  const keyOf = new Map<number, string>();
  for (const member of names) if (wantedIds.has(member.memberId)) keyOf.set(member.memberId, shown(member.displayName));
  const wantedKeys = new Set(keyOf.values());
  const taken = new Set<string>();
  // The wanted members' namesakes, in join order (`names`' order).
  const groups = new Map<string, MemberName[]>();
  for (const member of names) {
    const key = keyOf.get(member.memberId) ?? shown(member.displayName);
    taken.add(key);
    if (!wantedKeys.has(key)) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [member]);
    else group.push(member);
  }
  // The name stays raw (markup): the label is user text, escaped where a message shows it.
  const numbered = (name: string, number: number) => t.plain("roster.namesake", { name: markup(name), number });
  const labels = new Map<number, string>();
  for (const [key, members] of groups) {
    if (members.length < 2) {
      for (const member of members) labels.set(member.memberId, member.displayName);
      continue;
    }
    let ordinal = 0;
    for (const member of members) {
      do ordinal += 1;
      while (taken.has(numbered(key, ordinal)));
      if (wantedIds.has(member.memberId)) labels.set(member.memberId, numbered(member.displayName.trim(), ordinal));
    }
  }
  return labels;
}
