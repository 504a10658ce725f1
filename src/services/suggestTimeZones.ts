import { closeTimeZones } from "../domain/schedule/closeTimeZones.js";
import { maxChoices, matchScore, type Choice } from "./CohortService.js";

let zones: readonly string[] | undefined;

function knownZones(): readonly string[] {
  zones ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
  return zones;
}

/**
 * Autocomplete for `timezone` options: IANA names, best matches first ("berlin" finds Europe/Berlin, and
 * "new york" America/New_York); with none, the zones close to a typo ("Europe/Berln").
 */
export function suggestTimeZones(query: string): Choice[] {
  const typed = query.trim().replace(/\s+/g, "_");
  const matches = knownZones()
    .map((zone, index) => ({ zone, index, score: matchScore(zone, typed) }))
    .filter((entry) => entry.score >= 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ zone }) => zone);
  return (matches.length > 0 ? matches : closeTimeZones(query, maxChoices))
    .slice(0, maxChoices)
    .map((zone) => ({ name: zone, value: zone }));
}
