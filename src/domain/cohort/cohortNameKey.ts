import { nameAsShown } from "../text/nameAsShown.js";

/**
 * A cohort name as it compares within its server: in any capitals, and without the characters replies never
 * show (a zero-width space, a bidi override) or written alike in Unicode's two ways (é as one character or as
 * e and an accent) or in other spacing (nameAsShown), one cohort per name: names that read the same are the same. The bot's check and the
 * database's unique `Cohort(guildId, nameKey)` both use it, so they agree on what "taken" means.
 */
export function cohortNameKey(name: string): string {
  return nameAsShown(name).toLowerCase();
}
