/** What an admin did, as stored in an audit line (one per admin action). */
export const AuditAction = {
  Create: "create",
  Edit: "edit",
  Pause: "pause",
  Resume: "resume",
  End: "end",
  Break: "break",
  Credit: "credit",
  CreditUndo: "credit_undo",
  Announce: "announce",
  Import: "import",
  Nudge: "nudge",
  /** A `/cohort export`: every member's data handed out (the line keeps the file's format). */
  Export: "export",
  /** A member's `/privacy delete`: the line keeps neither who nor whose. */
  PrivacyDelete: "privacy_delete",
  /** The bot found it may post in the cohort's channel again (written by the bot, no admin): the closing post that waited on it may go out. */
  ChannelUsable: "channel_usable",
  /**
   * A shorter version of its curriculum (an admin's, the built-in seed's or the CLI's) ended the running cohort's
   * course at once (written by the bot, one line per such cohort): the closing post it made due may go out late.
   */
  CourseShortened: "course_shortened",
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

const knownActions: ReadonlySet<string> = new Set(Object.values(AuditAction));

export function isAuditAction(value: string): value is AuditAction {
  return knownActions.has(value);
}

/** Plain values an audit line keeps of what changed (settings, a title, a kind). */
export type AuditValues = Readonly<Record<string, string | number | boolean | null>>;

/** The keys whose values differ between `before` and `after` (an edit's changed fields), in `after`'s order. */
export function changedKeys(before: AuditValues | null, after: AuditValues | null): string[] {
  if (after === null) return [];
  return Object.keys(after).filter((key) => before === null || before[key] !== after[key]);
}
