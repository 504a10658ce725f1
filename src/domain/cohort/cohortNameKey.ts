/**
 * A cohort name as it compares within its server: in any capitals, one cohort per name. The bot's check
 * and the database's unique `Cohort(guildId, nameKey)` both use it, so they agree on what "taken" means.
 */
export function cohortNameKey(name: string): string {
  return name.toLowerCase();
}
