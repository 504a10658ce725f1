/** A listing of a role's holders in a server. */
export interface RoleListing {
  /** Who holds the role. */
  readonly holders: ReadonlySet<string>;
  /** Of the users asked about (`watched`), those in the server: any other was not listed (left it, or never in it). */
  readonly present: ReadonlySet<string>;
}

/**
 * Who holds a role in a server, for a cohort's exclude_role, without knowing
 * Discord, and which of `watched` are in the server at all. Null when Discord
 * would not say (e.g. the bot lacks the Server Members intent for the
 * listing): callers then keep what they knew.
 */
export interface RoleDirectory {
  userIdsWithRole(guildId: string, roleId: string, watched: ReadonlySet<string>): Promise<RoleListing | null>;
}
