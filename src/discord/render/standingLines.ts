import type { LeaderboardEntry } from "../../services/StudyService.js";
import { markup, type Translator } from "../i18n/Translator.js";

const medals = ["🥇", "🥈", "🥉"] as const;

/** A member's name as shown: "A member" when Discord gave none. */
export function memberName(t: Translator, displayName: string): string {
  return displayName.trim() === "" ? t.plain("leaderboard.anonymous") : displayName;
}

/** "🥇 **Ada** · 120 pts", then "4. **Linus** · 60 pts": names as inert text, never mentions or links. */
export function standingLines(t: Translator, entries: readonly LeaderboardEntry[]): string[] {
  return entries.map((entry) =>
    t.t("leaderboard.standing", {
      place: markup(medals[entry.rank - 1] ?? `${entry.rank}.`),
      name: memberName(t, entry.displayName),
      points: entry.points,
    }),
  );
}
