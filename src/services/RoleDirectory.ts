/**
 * Who holds a role in a server, for a cohort's exclude_role, without knowing
 * Discord. Null when Discord would not say (e.g. the bot lacks the Server
 * Members intent for the listing): callers then keep what they knew.
 */
export interface RoleDirectory {
  userIdsWithRole(guildId: string, roleId: string): Promise<ReadonlySet<string> | null>;
}
