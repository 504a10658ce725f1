/**
 * The zones someone probably meant by a name the runtime does not know: "America/New York" (a space for
 * the underscore), a bare city ("Berlin"), or a typo ("Europe/Berln"). Best first, at most `max`.
 */
let zoneKeys: readonly { zone: string; key: string; city: string }[] | undefined;

function knownZoneKeys(): readonly { zone: string; key: string; city: string }[] {
  zoneKeys ??= Intl.supportedValuesOf("timeZone").map((zone) => ({ zone, key: zoneKey(zone), city: cityOf(zoneKey(zone)) }));
  return zoneKeys;
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

export function closeTimeZones(typed: string, max = 3): string[] {
  const key = zoneKey(typed);
  if (key === "" || key.length > 64) return [];
  const city = cityOf(key);
  const scored = knownZoneKeys().flatMap(({ zone, key: zoneName, city: zoneCity }) => {
    const distance = Math.min(editDistance(key, zoneName), key.includes("/") ? Number.POSITIVE_INFINITY : editDistance(city, zoneCity));
    return distance <= allowedDistance(key.includes("/") ? key : city) ? [{ zone, distance }] : [];
  });
  return scored
    .sort((a, b) => a.distance - b.distance || a.zone.localeCompare(b.zone))
    .slice(0, max)
    .map(({ zone }) => zone);
}

/** Letters added, dropped or changed, two neighbours swapped counting as one. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return Number.POSITIVE_INFINITY;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? Number.POSITIVE_INFINITY;
}
