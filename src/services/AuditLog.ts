import { AuditAction, type AuditValues } from "../domain/audit/auditAction.js";
import type { PostTimeChange } from "../domain/schedule/catchUpRule.js";
import type { AuditPage, AuditPageAnchor, AuditRepository, NewAuditEntry } from "../db/repositories/AuditRepository.js";

export interface AuditRecordInput {
  readonly guildId: string;
  /** null for guild-wide actions (a curriculum import). */
  readonly cohortId: number | null;
  /** The admin's user id. */
  readonly actorId: string;
  readonly action: AuditAction;
  /** The member the action was about (credit, nudge). */
  readonly subjectUserId?: string | null;
  readonly before?: AuditValues | null;
  readonly after?: AuditValues | null;
}

export type { PostTimeChange };

/** How many of a day's creation, edit and resume lines the scheduler reads: far more than a cohort gets in a day. */
const postTimeChangesRead = 200;

/** How many lines a page of `/cohort audit` shows at most. */
export const auditPageSize = 25;

/**
 * Every admin action writes one line here: who, what, when, and before/after
 * where it applies. The one call for any new admin action:
 * `await audit.record({ guildId, cohortId, actorId, action: AuditAction.Break, before, after })`.
 */
export class AuditLog {
  constructor(
    private readonly entries: AuditRepository,
    /** The app's clock, so lines carry the same time as the action (tests move it). */
    readonly now: () => Date,
  ) {}

  /** Writes the line; its id is for `amend` (an action whose outcome comes later). */
  async record(input: AuditRecordInput): Promise<number> {
    return this.entries.append(this.line(input));
  }

  /** The line `record` would write, for a repository to write in the same transaction as the change it records. */
  line(input: AuditRecordInput): NewAuditEntry {
    return {
      guildId: input.guildId,
      cohortId: input.cohortId,
      actorId: input.actorId,
      action: input.action,
      subjectUserId: input.subjectUserId ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
      createdAt: this.now(),
    };
  }

  /** Replaces a recorded line's `after` values once the action's outcome is known (an export's upload). */
  async amend(entryId: number, after: AuditValues): Promise<void> {
    await this.entries.amendAfter(entryId, after);
  }

  /**
   * The `/cohort announce` lines of every cohort written since `since`, newest first, at most `limit`: those of
   * earlier versions kept in their `after` what a retry needed to complete an announcement that went out in part.
   */
  async announcementsSince(
    since: Date,
    limit: number,
  ): Promise<{ readonly cohortId: number; readonly createdAt: Date; readonly after: AuditValues }[]> {
    const lines = await this.entries.latestOfActionSince(AuditAction.Announce, since, limit);
    return lines.flatMap((line) =>
      line.cohortId === null || line.after === null ? [] : [{ cohortId: line.cohortId, createdAt: line.createdAt, after: line.after }],
    );
  }

  /**
   * What set the cohort's post times since `since`, by its audit lines (stamped with the bot's clock): its
   * creation, edits of the announce day or time, the start date or the zone, with the values they
   * replaced, its resumes and channel edits, the bot's lines of its channel usable again, and of its course ended at
   * once by a shorter version of its curriculum (its closing post goes out late only from that import). Newest
   * first, at most 200. A cohort older than its audit trail has none. Each is written in the transaction of its change.
   */
  async postTimeChanges(cohortId: number, since: Date): Promise<PostTimeChange[]> {
    const actions = [AuditAction.Create, AuditAction.Edit, AuditAction.Resume, AuditAction.ChannelUsable, AuditAction.CourseShortened];
    const lines = await this.entries.latestOfActions(cohortId, actions, postTimeChangesRead, since);
    return lines.flatMap((line): PostTimeChange[] => {
      if (line.action === AuditAction.Create) return [{ at: line.createdAt, replaced: null, reopens: false }];
      // A resume, or a shorter course, moves no post time: it only lets the closing post that waited on it (or it made due) out.
      if (line.action === AuditAction.Resume || line.action === AuditAction.ChannelUsable || line.action === AuditAction.CourseShortened)
        return [{ at: line.createdAt, replaced: {}, reopens: true }];
      const { announceDay, announceTime, start, timeZone, channelId, channelProblem } = line.before ?? {};
      // Each of these moves post times: a start date set earlier, or a zone across the date line, as well as the day or time.
      const replaced = {
        ...(typeof announceDay === "number" ? { announceDay } : {}),
        ...(typeof announceTime === "string" ? { announceTime } : {}),
        ...(typeof start === "string" ? { startDate: start } : {}),
        ...(typeof timeZone === "string" ? { timeZone } : {}),
      };
      // A new channel, or the same one picked again while flagged (the edit cleared the flag).
      const reopens = typeof channelId === "string" || typeof channelProblem === "string";
      return Object.keys(replaced).length === 0 && !reopens ? [] : [{ at: line.createdAt, replaced, reopens }];
    });
  }

  /**
   * A page of at most `auditPageSize` of the cohort's admin actions (guild-wide ones included), newest first:
   * the latest, or those next to a line of an earlier page. null when that line is not in this trail.
   */
  async page(guildId: string, cohortId: number, anchor: AuditPageAnchor): Promise<AuditPage | null> {
    return this.entries.pageForCohort(guildId, cohortId, anchor, auditPageSize);
  }
}
