import type { MemberName } from "../../services/RosterService.js";
import { markup, type Translator } from "../i18n/Translator.js";

/**
 * Each member's name as the roster and the Nudge answer show it: members whose names show alike (after the
 * escaping rule drops invisible characters; "é" in either Unicode form) get "#1", "#2"… by join order over
 * the whole cohort, so one member keeps their number on every page and filter. A number that is itself
 * someone's name ("Sam #1") is skipped, so no two labels read the same.
 */
export function numberedNames(t: Translator, names: readonly MemberName[]): Map<number, string> {
  const shown = (name: string) => t.plainUser(name).trim().normalize("NFC");
  const taken = new Set(names.map((member) => shown(member.displayName)));
  const groups = new Map<string, MemberName[]>();
  for (const member of [...names].sort((a, b) => a.memberId - b.memberId)) {
    const key = shown(member.displayName);
    groups.set(key, [...(groups.get(key) ?? []), member]);
  }
  // The name stays raw (markup): the label is user text, escaped where a message shows it.
  const numbered = (name: string, number: number) => t.plain("roster.namesake", { name: markup(name), number });
  const labels = new Map<number, string>();
  for (const [key, members] of groups) {
    let ordinal = 0;
    for (const member of members) {
      if (members.length < 2) {
        labels.set(member.memberId, member.displayName);
        continue;
      }
      do ordinal += 1;
      while (taken.has(numbered(key, ordinal)));
      labels.set(member.memberId, numbered(member.displayName.trim(), ordinal));
    }
  }
  return labels;
}
