import { AuditAction, changedKeys, type AuditValues } from "../domain/audit/auditAction.js";
import type { AuditEntryRecord, AuditRepository } from "../db/repositories/AuditRepository.js";

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

/** Audit lines that may move a cohort's post times, and the edited settings that do. */
const scheduleActions = [AuditAction.Create, AuditAction.Edit, AuditAction.Break] as const;
const scheduleKeys: ReadonlySet<string> = new Set(["start", "timeZone", "announceDay", "announceTime"]);
/** Edits of other settings read past before giving up (older ones cannot make a post newly late anyway). */
const scheduleLinesRead = 20;

/** How many lines `/cohort audit` shows. */
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
    private readonly now: () => Date,
  ) {}

  async record(input: AuditRecordInput): Promise<void> {
    await this.entries.append({
      guildId: input.guildId,
      cohortId: input.cohortId,
      actorId: input.actorId,
      action: input.action,
      subjectUserId: input.subjectUserId ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
      createdAt: this.now(),
    });
  }

  /**
   * When an admin last set the cohort's post times: created it, edited its start, time zone or announce
   * day or time, or set or undid a break. Null when no line says (a cohort older than its audit trail).
   */
  async scheduleSetAt(cohortId: number): Promise<Date | null> {
    const lines = await this.entries.latestOfActions(cohortId, scheduleActions, scheduleLinesRead);
    const line = lines.find(
      (entry) => entry.action !== AuditAction.Edit || changedKeys(entry.before, entry.after).some((key) => scheduleKeys.has(key)),
    );
    return line?.createdAt ?? null;
  }

  /** The cohort's last `auditPageSize` admin actions (guild-wide ones included), newest first. */
  async latest(guildId: string, cohortId: number): Promise<AuditEntryRecord[]> {
    return this.entries.latestForCohort(guildId, cohortId, auditPageSize);
  }
}
