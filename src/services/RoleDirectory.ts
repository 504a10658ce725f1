/** A listing of a role's holders in a server. */
export interface RoleListing {
  /** Who holds the role. */
  readonly holders: ReadonlySet<string>;
  /** Of the users asked about (`watched`), those in the server: any other was not listed (left it, or never in it). */
  readonly present: ReadonlySet<string>;
}

/**
 * Why there is no listing: "refused" when Discord will not list the server's members to this bot (the Server Members
 * intent not enabled: it stays so until an admin turns it on), "failed" for anything passing (a 5xx, a timeout, the
 * network, a rate limit).
 */
export type RoleListingFailure = "refused" | "failed";

/**
 * Who holds a role in a server, for a cohort's exclude_role, without knowing
 * Discord, and which of `watched` are in the server at all; else why Discord
 * did not say: callers then keep what they knew.
 */
export interface RoleDirectory {
  /**
   * The server is known and has no such role: an admin deleted it (a role id never comes back). False while the
   * server is not known (yet), so a role is never called deleted for want of knowing.
   */
  roleDeleted(guildId: string, roleId: string): boolean;
  userIdsWithRole(guildId: string, roleId: string, watched: ReadonlySet<string>): Promise<RoleListing | RoleListingFailure>;
}
