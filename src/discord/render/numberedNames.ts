import { namesakeOrdinals } from "../../domain/text/namesakeOrdinals.js";
import { nameKeyOf } from "../../domain/text/plainUserText.js";
import type { MemberName, NamesakeLabel } from "../../services/RosterService.js";
import { markup, type Translator } from "../i18n/Translator.js";

/**
 * A namesake's label in `t`'s language ("Sam #1"), from the name key: what the numbering tries and the roster
 * service looks up (RosterService.namesToNumber). The name stays raw (markup): the label is user text, escaped
 * where a message shows it.
 */
export function namesakeLabelIn(t: Translator): NamesakeLabel {
  return (name, number) => t.plain("roster.namesake", { name: markup(name), number });
}

/**
 * Each wanted member's name as the roster and the Nudge answer show it: members whose names show alike (after
 * the escaping rule drops invisible characters; "é" in either Unicode form) get "#1", "#2"… by join order over
 * the whole cohort, so one member keeps their number on every page and filter. A number that is itself
 * someone's name ("Sam #1") is skipped, so no two labels read the same.
 *
 * `names` is in join order (member id order, as the database reads it; not sorted again here): the whole cohort,
 * or as much of it as the wanted members' numbers depend on (RosterService.namesToNumber: their namesakes and the
 * names that read like the labels tried); `wanted` the few members shown (a page, a Nudge). Each name is read
 * once, and only the wanted members' namesakes are numbered: O(names + their namesakes).
 */
export function numberedNames(t: Translator, names: readonly MemberName[], wanted: Iterable<number>): Map<number, string> {
  // The name key: the Translator's plain rule (t.plainUser), trimmed, NFC.
  const shown = nameKeyOf;
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
  const numbered = namesakeLabelIn(t);
  const labels = new Map<number, string>();
  for (const [key, members] of groups) {
    if (members.length < 2) {
      for (const member of members) labels.set(member.memberId, member.displayName);
      continue;
    }
    const { ordinals } = namesakeOrdinals(members.length, (ordinal) => taken.has(numbered(key, ordinal)));
    for (const [index, member] of members.entries()) {
      const ordinal = ordinals[index] ?? 0;
      if (wantedIds.has(member.memberId)) labels.set(member.memberId, numbered(member.displayName.trim(), ordinal));
    }
  }
  return labels;
}
