import type { LeaderboardEntry, ShownMember } from "../../services/StudyService.js";
import { markup, type Translator } from "../i18n/Translator.js";

const medals = ["🥇", "🥈", "🥉"] as const;

/** A member's name as shown: "A member" when Discord gave none. */
export function memberName(t: Translator, displayName: string): string {
  return displayName.trim() === "" ? t.plain("leaderboard.anonymous") : displayName;
}

/** A board member as the privacy rule allows: their name, or their alias ("Member 7"). */
export function shownName(t: Translator, shown: ShownMember): string {
  return shown.kind === "name" ? memberName(t, shown.displayName) : t.plain("leaderboard.alias", { alias: shown.alias });
}

/**
 * "🥇 **Ada** · 120 pts", then "4\. **Linus** · 60 pts" (the dot escaped: Discord renumbers an ordered list, so a tie
 * at fourth would show as 4., 5.; a place past a thousand grouped as the language writes numbers:
 * "1,204\."): names as inert text, never mentions or links. An alias ("Member 7") and the "A member" stand-in have a
 * line of their own, in italics, so a member whose name is "Member 7" never reads like the member whose alias it is:
 * a name cannot write itself in italics (the one escaping rule makes its "*" and "_" show as typed).
 */
export function standingLines(t: Translator, entries: readonly LeaderboardEntry[]): string[] {
  return entries.map((entry) => {
    const place = markup(medals[entry.rank - 1] ?? t.t("leaderboard.place", { rank: entry.rank }));
    const { shown, points } = entry;
    const named = shown.kind === "name" && shown.displayName.trim() !== "";
    const line = named
      ? t.t("leaderboard.standing", { place, name: shown.displayName, points })
      : t.t("leaderboard.standingAlias", { place, alias: markup(shownName(t, shown)), points });
    return entry.isCaller ? t.t("leaderboard.standingYou", { line: markup(line) }) : line;
  });
}
