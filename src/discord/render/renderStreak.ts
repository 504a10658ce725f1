import { MAX_FREEZES, type StreakView } from "../../domain/scoring/forgivingStreak.js";
import { localDateText } from "../i18n/formatters.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { timestamp } from "./format.js";

/** Whose streak a line is about: the reader's own, or another member's. */
export const StreakOwner = { Own: "own", Other: "other" } as const;
export type StreakOwner = (typeof StreakOwner)[keyof typeof StreakOwner];

/**
 * "🔥 Streak · ❄️ Freezes · safe until <t:…:R>" (or, once over, "as it stood…"), shared by /today, /done and /progress.
 * `whose`: the member's own streak, or (`/cohort credit`) one an admin reads about a member.
 */
export function streakLine(t: Translator, streak: StreakView, whose: StreakOwner): string {
  // Before the course's first day no day counts yet: "0 days" right after logging reading would read as lost.
  if (streak.startsOn !== null) return t.t("streak.startsOn", { date: localDateText(t, streak.startsOn), whose });
  return t.t("streak.line", {
    streak: streak.current,
    freezes: streak.freezesHeld,
    max: MAX_FREEZES,
    safe: streak.safeUntil === null ? "no" : "yes",
    until: markup(streak.safeUntil === null ? "" : timestamp(streak.safeUntil, "R")),
    // The cohort ended or its course is over: say why the streak no longer moves.
    final: streak.final ? "yes" : "no",
  });
}
