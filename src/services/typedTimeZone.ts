import { closeTimeZones } from "../domain/schedule/closeTimeZones.js";
import { isAbbreviatedTimeZone, isValidTimeZone } from "../domain/schedule/localTime.js";
import { UserError } from "../errors.js";

/**
 * A zone a person typed (`/remind timezone:`, the CLI's `simulate --tz`) in its canonical spelling; an abbreviation
 * ("EST") or an unknown name is refused with what to type instead. `/cohort create` and `/cohort edit` apply
 * the same rule (refuseAbbreviatedZone, then the settings' own validity check).
 */
export function typedTimeZone(typed: string): string {
  const zone = typed.trim();
  refuseAbbreviatedZone(zone);
  if (!isValidTimeZone(zone)) throw unknownTimeZoneError(zone);
  return canonicalTimeZone(zone);
}

/** A zone the runtime does not know, with the zones probably meant when some are close. */
export function unknownTimeZoneError(zone: string): UserError {
  const value = zone.slice(0, 60);
  const suggestions = closeTimeZones(zone);
  return suggestions.length === 0
    ? new UserError("input.invalidTimeZone", { value })
    : new UserError("input.timeZoneTypo", { value, suggestions });
}

/** A typed "EST" or "BST" is refused with the place the runtime would read it as (see isAbbreviatedTimeZone). */
export function refuseAbbreviatedZone(zone: string): void {
  if (!isAbbreviatedTimeZone(zone)) return;
  throw new UserError("input.timeZoneAbbreviation", { value: zone.slice(0, 60), readAs: canonicalTimeZone(zone) });
}

/** "europe/berlin" is accepted; store and show the zone's canonical spelling. */
export function canonicalTimeZone(zone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}
