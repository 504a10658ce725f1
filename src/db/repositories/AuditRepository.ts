import { AuditAction, isAuditAction, type AuditValues } from "../../domain/audit/auditAction.js";
import type { AuditEntry, Prisma, PrismaClient } from "../../generated/prisma/client.js";
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

/** Which lines a page of the trail shows: the newest, or those just older or just newer than a line. */
export type AuditPageAnchor = { readonly direction: "older" | "newer"; readonly entryId: number } | null;

/** A page of the trail, newest first, and whether lines lie beyond its oldest and its newest line. */
export interface AuditPage {
  readonly entries: readonly AuditEntryRecord[];
  readonly hasOlder: boolean;
  readonly hasNewer: boolean;
}

function parseValues(json: string | null): AuditValues | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as AuditValues) : null;
  } catch {
    return null;
  }
}

/**
 * The unsent statement that appends `entry`, so a repository can write the line in the same transaction as the
 * change it records: a tick never sees the change without the line the scheduler reads (AuditLog.postTimeChanges).
 */
export function auditEntryCreate(prisma: Prisma.TransactionClient, entry: NewAuditEntry) {
  return prisma.auditEntry.create({ data: auditEntryData(entry) });
}

/** An audit line's row as written (its values as JSON). */
export function auditEntryData(entry: NewAuditEntry) {
  return {
    guildId: entry.guildId,
    cohortId: entry.cohortId,
    actorId: entry.actorId,
    action: entry.action,
    subjectUserId: entry.subjectUserId,
    before: entry.before === null ? null : JSON.stringify(entry.before),
    after: entry.after === null ? null : JSON.stringify(entry.after),
    createdAt: entry.createdAt,
  };
}

/** The actions this version can show. */
const knownActions: string[] = Object.values(AuditAction);

/** The trail's order (newest first), and its reverse for the lines newer than a page's. */
const newestFirst: Prisma.AuditEntryOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
const oldestFirst: Prisma.AuditEntryOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];

/** The admin audit trail: appended to, read newest first. */
export class AuditRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {}

  /** Appends the line; its id lets an action whose outcome comes later complete it (see amendAfter). */
  async append(entry: NewAuditEntry): Promise<number> {
    const row = await this.writes.run(() => auditEntryCreate(this.prisma, entry));
    return row.id;
  }

  /**
   * Replaces a line's `after` values: an action recorded before its outcome was known, completed with it. A line
   * deleted meanwhile (the server's data purged) is left gone: there is nothing to complete.
   */
  async amendAfter(entryId: number, after: AuditValues): Promise<void> {
    await this.writes.run(() => this.prisma.auditEntry.updateMany({ where: { id: entryId }, data: { after: JSON.stringify(after) } }));
  }

  /** The lines of `action` of every cohort written since `since`, newest first, at most `limit` (the (action, createdAt) index). */
  async latestOfActionSince(action: AuditAction, since: Date, limit: number): Promise<AuditEntryRecord[]> {
    const rows = await this.prisma.auditEntry.findMany({
      where: { action, createdAt: { gte: since } },
      orderBy: newestFirst,
      take: limit,
    });
    return toRecords(rows);
  }

  /** The cohort's latest lines of these actions, newest first (only `action`, `before`, `after` and `createdAt` are read). */
  async latestOfActions(cohortId: number, actions: readonly AuditAction[], limit: number, since?: Date): Promise<AuditEntryRecord[]> {
    const rows = await this.prisma.auditEntry.findMany({
      where: { cohortId, action: { in: [...actions] }, ...(since === undefined ? {} : { createdAt: { gte: since } }) },
      orderBy: newestFirst,
      take: limit,
    });
    return toRecords(rows);
  }

  /**
   * A page of the cohort's lines and the guild-wide ones (curriculum imports), newest first: the newest
   * `limit`, or the `limit` next to the anchor line in its direction. Keyset paging on (createdAt, id), the
   * trail's order, read through the (guildId, createdAt) index: no OFFSET, so a page costs the same however
   * deep it is, and lines written meanwhile shift nothing. null when the anchor is not a line of this trail.
   */
  async pageForCohort(guildId: string, cohortId: number, anchor: AuditPageAnchor, limit: number): Promise<AuditPage | null> {
    // Lines of actions this version does not know (a newer one wrote them) are left out by the query, not
    // after it: a page cut first and filtered after would come short, or empty with more beyond it.
    const trail = { guildId, OR: [{ cohortId }, { cohortId: null }], action: { in: knownActions } };
    if (anchor === null) {
      const rows = await this.prisma.auditEntry.findMany({ where: trail, orderBy: newestFirst, take: limit + 1 });
      return { entries: toRecords(rows.slice(0, limit)), hasOlder: rows.length > limit, hasNewer: false };
    }
    const at = await this.prisma.auditEntry.findFirst({ where: { ...trail, id: anchor.entryId }, select: { id: true, createdAt: true } });
    if (at === null) return null;
    const older = anchor.direction === "older";
    const beyond = older ? { lt: at.createdAt } : { gt: at.createdAt };
    const rows = await this.prisma.auditEntry.findMany({
      where: { AND: [trail, { OR: [{ createdAt: beyond }, { createdAt: at.createdAt, id: older ? { lt: at.id } : { gt: at.id } }] }] },
      orderBy: older ? newestFirst : oldestFirst,
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const more = rows.length > limit;
    // The anchor itself lies on the side the page came from.
    return older
      ? { entries: toRecords(page), hasOlder: more, hasNewer: true }
      : { entries: toRecords(page.reverse()), hasOlder: true, hasNewer: more };
  }
}

function toRecords(rows: readonly AuditEntry[]): AuditEntryRecord[] {
  return rows.flatMap((row) =>
    isAuditAction(row.action) ? [{ ...row, action: row.action, before: parseValues(row.before), after: parseValues(row.after) }] : [],
  );
}
