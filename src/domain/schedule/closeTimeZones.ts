import { editDistance } from "../editDistance.js";
import { foldForMatch } from "../search/matchScore.js";
import { RENAMED_ZONES } from "./timeZoneAliases.js";

let zones: readonly string[] | undefined;

/** The zones the runtime lists, UTC first (autocomplete offers it before any other). */
export function knownTimeZones(): readonly string[] {
  zones ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
  return zones;
}

let zoneKeys: readonly { zone: string; key: string; city: string }[] | undefined;

function knownZoneKeys(): readonly { zone: string; key: string; city: string }[] {
  zoneKeys ??= namesOfKnownZones().map(([name, zone]) => ({ zone, key: zoneKey(name), city: cityOf(zoneKey(name)) }));
  return zoneKeys;
}

/** Each listed zone under its own name, and under its current one when the runtime lists only the older. */
function namesOfKnownZones(): (readonly [name: string, zone: string])[] {
  const listed = knownTimeZones();
  const renamed = Object.entries(RENAMED_ZONES).filter(([current, older]) => !listed.includes(current) && listed.includes(older));
  return [...listed.map((zone) => [zone, zone] as const), ...renamed];
}

/** Spaces, hyphens and underscores all alike, in any capitals. */
function zoneKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "_");
}

function cityOf(key: string): string {
  return key.slice(key.lastIndexOf("/") + 1);
}

/** A typo allowance that grows with the name: none for "ut", one for "berln", two for "amercia/chicago". */
function allowedDistance(text: string): number {
  return text.length < 4 ? 0 : text.length < 8 ? 1 : 2;
}

/**
 * The zones someone probably meant by a name the runtime does not know: "America/New York" (a space for
 * the underscore), a bare city ("Berlin"), or a typo ("Europe/Berln"). Best first, at most `max`.
 */
export function closeTimeZones(typed: string, max = 3): string[] {
  const asTyped = zonesCloseTo(zoneKey(typed), max);
  return asTyped.length > 0 ? asTyped : zonesCloseTo(zoneKey(foldForMatch(typed)), max);
}

/**
 * Read as typed first, where an accent counts as a letter off ("Lomé" suggests Africa/Lome alone, not Nome
 * and Rome beside it); only when that finds nothing, without accents ("Zürch", "Tōkyō"), as zone names have none.
 */
function zonesCloseTo(key: string, max: number): string[] {
  if (key === "" || key.length > 64) return [];
  const city = cityOf(key);
  const whole = key.includes("/");
  const allowed = allowedDistance(whole ? key : city);
  const best = new Map<string, number>();
  for (const { zone, key: zoneName, city: zoneCity } of knownZoneKeys()) {
    const distance = whole
      ? editDistance(key, zoneName, allowed)
      : Math.min(editDistance(key, zoneName, allowed), editDistance(city, zoneCity, allowed));
    if (distance <= allowed && distance < (best.get(zone) ?? Number.POSITIVE_INFINITY)) best.set(zone, distance);
  }
  return [...best]
    .sort(([zoneA, distanceA], [zoneB, distanceB]) => distanceA - distanceB || zoneA.localeCompare(zoneB))
    .slice(0, max)
    .map(([zone]) => zone);
}
