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

/** "🥇 **Ada** · 120 pts", then "4. **Linus** · 60 pts" (a place past a thousand grouped as the language writes numbers: "1,204."): names as inert text, never mentions or links. */
export function standingLines(t: Translator, entries: readonly LeaderboardEntry[]): string[] {
  return entries.map((entry) => {
    const line = t.t("leaderboard.standing", {
      place: markup(medals[entry.rank - 1] ?? t.plain("leaderboard.place", { rank: entry.rank })),
      name: shownName(t, entry.shown),
      points: entry.points,
    });
    return entry.isCaller ? t.t("leaderboard.standingYou", { line: markup(line) }) : line;
  });
}
