import { isAuditAction, type AuditAction, type AuditValues } from "../../domain/audit/auditAction.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";

export interface NewAuditEntry {
  readonly guildId: string;
  readonly cohortId: number | null;
  readonly actorId: string;
  readonly action: AuditAction;
  readonly subjectUserId: string | null;
  readonly before: AuditValues | null;
  readonly after: AuditValues | null;
  readonly createdAt: Date;
}

export type AuditEntryRecord = NewAuditEntry & { readonly id: number };

function parseValues(json: string | null): AuditValues | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as AuditValues) : null;
  } catch {
    return null;
  }
}

/** The admin audit trail: appended to, read newest first. */
export class AuditRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {}

  async append(entry: NewAuditEntry): Promise<void> {
    await this.writes.run(() =>
      this.prisma.auditEntry.create({
        data: {
          guildId: entry.guildId,
          cohortId: entry.cohortId,
          actorId: entry.actorId,
          action: entry.action,
          subjectUserId: entry.subjectUserId,
          before: entry.before === null ? null : JSON.stringify(entry.before),
          after: entry.after === null ? null : JSON.stringify(entry.after),
          createdAt: entry.createdAt,
        },
      }),
    );
  }

  /** The cohort's latest lines of these actions, newest first (only `action`, `before`, `after` and `createdAt` are read). */
  async latestOfActions(cohortId: number, actions: readonly AuditAction[], limit: number, since?: Date): Promise<AuditEntryRecord[]> {
    const rows = await this.prisma.auditEntry.findMany({
      where: { cohortId, action: { in: [...actions] }, ...(since === undefined ? {} : { createdAt: { gte: since } }) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    });
    return rows.flatMap((row) =>
      isAuditAction(row.action) ? [{ ...row, action: row.action, before: parseValues(row.before), after: parseValues(row.after) }] : [],
    );
  }

  /** The cohort's latest lines and the guild-wide ones (curriculum imports), newest first. */
  async latestForCohort(guildId: string, cohortId: number, limit: number): Promise<AuditEntryRecord[]> {
    const rows = await this.prisma.auditEntry.findMany({
      where: { guildId, OR: [{ cohortId }, { cohortId: null }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    });
    return rows.flatMap((row) =>
      isAuditAction(row.action) ? [{ ...row, action: row.action, before: parseValues(row.before), after: parseValues(row.after) }] : [],
    );
  }
}
