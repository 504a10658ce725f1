import type { LeaderboardEntry } from "../../services/StudyService.js";
import { escapeText } from "./format.js";

const medals = ["🥇", "🥈", "🥉"] as const;

/** "🥇 **Ada** · 120 pts", then "4. **Linus** · 60 pts": names as plain text, never mentions. */
export function standingLines(entries: readonly LeaderboardEntry[]): string[] {
  return entries.map((entry) => {
    const place = medals[entry.rank - 1] ?? `${entry.rank}.`;
    const name = escapeText(entry.displayName.trim() === "" ? "A member" : entry.displayName);
    return `${place} **${name}** · ${entry.points} pts`;
  });
}
