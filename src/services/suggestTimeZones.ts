import { closeTimeZones, knownTimeZones } from "../domain/schedule/closeTimeZones.js";
import { isAbbreviatedTimeZone, isValidTimeZone } from "../domain/schedule/localTime.js";
import { fixedOffsetZones, TIME_ZONE_ALIASES, zoneForTypedOffset } from "../domain/schedule/timeZoneAliases.js";
import { matcherFor, readForMatch, type MatchReading } from "../domain/search/matchScore.js";
import { maxChoices, truncateChoiceName, type Choice } from "./CohortService.js";
import { canonicalTimeZone } from "./typedTimeZone.js";

/** A name autocomplete matches what was typed against, the zone it is stored as, and the choice's name. */
interface OfferedName {
  readonly reading: MatchReading;
  readonly zone: string;
  readonly label: string;
}

let offeredNames: readonly OfferedName[] | undefined;

/**
 * Every name a `timezone` option accepts, in the order ties are offered: the zones the runtime lists (UTC
 * first), the fixed-offset Etc/GMT zones, then the other names of zones (`TIME_ZONE_ALIASES`) the runtime
 * knows, each under its zone's canonical name, the one it is stored as, followed by the alias ("UTC (GMT)").
 */
function namesToOffer(): readonly OfferedName[] {
  offeredNames ??= [
    ...knownTimeZones().map((zone) => ({ reading: readForMatch(zone), zone, label: zone })),
    // The sign is POSIX's, the other way round from what people write: the label says the offset it means, and is
    // matched too, so "UTC+5" (which the runtime does not accept) finds Etc/GMT-5.
    ...fixedOffsetZones()
      .filter(({ zone }) => isValidTimeZone(zone))
      .map(({ zone, offsetHours }) => {
        const label = `${zone} (UTC${offsetText(offsetHours)})`;
        return { reading: readForMatch(label), zone, label };
      }),
    ...TIME_ZONE_ALIASES.filter((alias) => isValidTimeZone(alias) && !isAbbreviatedTimeZone(alias)).map((alias) => {
      const zone = canonicalTimeZone(alias);
      // A runtime that keeps the alias as typed stores it so: offered under its own name, as that is its value.
      return { reading: readForMatch(alias), zone, label: zone === alias ? alias : `${zone} (${alias})` };
    }),
  ];
  return offeredNames;
}

/**
 * Builds the names autocomplete offers (about 100 ms: every alias checked against the runtime), called at the bot's
 * start so that the first `timezone` autocomplete does not pay for it; without it, that first call builds them.
 */
export function prepareTimeZoneSuggestions(): void {
  namesToOffer();
}

/** Above any score `matcherFor` gives (an exact name is 4). */
const bestScore = 5;

/** "+14:00", "-05:00". */
function offsetText(hours: number): string {
  return `${hours < 0 ? "-" : "+"}${String(Math.abs(hours)).padStart(2, "0")}:00`;
}

/**
 * Autocomplete for `timezone` options: what the option accepts, best matches first ("berlin" finds
 * Europe/Berlin, "new york" America/New_York, "GMT" UTC), each zone once, under the best name it matched by and
 * with its canonical name as the value (what is stored); with none, the zones close to a typo ("Europe/Berln").
 */
export function suggestTimeZones(query: string): Choice[] {
  const matcher = matcherFor(query);
  // Matching reads "+" and "-" as spaces, so "UTC+5" and "UTC-5" match alike: the zone the offset means goes first.
  const offsetZone = zoneForTypedOffset(query);
  const matches = namesToOffer()
    .map((name, index) => ({ name, index, score: name.zone === offsetZone ? bestScore : matcher(name.reading) }))
    .filter((entry) => entry.score >= 0)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const choices: Choice[] = [];
  // "GMT" offers UTC once, not UTC and then each of its other spellings.
  const offered = new Set<string>();
  for (const { name } of matches) {
    if (offered.has(name.zone)) continue;
    offered.add(name.zone);
    choices.push({ name: truncateChoiceName(name.label), value: name.zone });
    if (choices.length === maxChoices) return choices;
  }
  if (choices.length > 0) return choices;
  return closeTimeZones(query, maxChoices).map((zone) => ({ name: zone, value: zone }));
}
