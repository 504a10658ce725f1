import { matchScore } from "../domain/search/matchScore.js";
import { maxChoices, type Choice } from "./CohortService.js";

let zones: readonly string[] | undefined;

function knownZones(): readonly string[] {
  zones ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
  return zones;
}

/** Autocomplete for `timezone` options: IANA names, best matches first ("berlin" finds Europe/Berlin). */
export function suggestTimeZones(query: string): Choice[] {
  return knownZones()
    .map((zone, index) => ({ zone, index, score: matchScore(zone, query) }))
    .filter((entry) => entry.score >= 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, maxChoices)
    .map(({ zone }) => ({ name: zone, value: zone }));
}
