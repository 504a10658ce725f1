import { closeTimeZones, knownTimeZones } from "../domain/schedule/closeTimeZones.js";
import { matchScore } from "../domain/search/matchScore.js";
import { maxChoices, type Choice } from "./CohortService.js";

/**
 * Autocomplete for `timezone` options: IANA names, best matches first ("berlin" finds Europe/Berlin, and
 * "new york" America/New_York); with none, the zones close to a typo ("Europe/Berln").
 */
export function suggestTimeZones(query: string): Choice[] {
  const matches = knownTimeZones()
    .map((zone, index) => ({ zone, index, score: matchScore(zone, query) }))
    .filter((entry) => entry.score >= 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ zone }) => zone);
  return (matches.length > 0 ? matches : closeTimeZones(query, maxChoices))
    .slice(0, maxChoices)
    .map((zone) => ({ name: zone, value: zone }));
}
