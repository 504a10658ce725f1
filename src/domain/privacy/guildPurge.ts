/** What a server's purge deleted, by kind: all 0 means nothing was stored for it. */
export interface GuildPurge {
  /** Cohorts, with their members and history (by cascade). */
  readonly cohorts: number;
  readonly curricula: number;
  /** The record of the bot's removal that scheduled the deletion (0 or 1). */
  readonly departures: number;
  /** Audit lines of the server (a cohort's and guild-wide ones). */
  readonly auditLines: number;
  /** Curriculum imports previewed and never confirmed. */
  readonly pendingImports: number;
}
