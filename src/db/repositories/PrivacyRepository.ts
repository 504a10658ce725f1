import type { GuildPurge } from "../../domain/privacy/guildPurge.js";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { documentTextBytes } from "../../domain/privacy/documentsWithinBudget.js";
import { shardOfGuild } from "../../domain/privacy/shardOfGuild.js";
import { chunksOf } from "../inChunks.js";
import type { DatabaseTarget } from "../parseDatabaseUrl.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";
import { exportCeilingAt, type ExportCeiling } from "./ExportRepository.js";
import { lockCohortRows } from "./lockCohortRows.js";
import { longTransactionOptions } from "./longTransactionOptions.js";
import { isPlannedAdjustment } from "./MemberPlanRepository.js";
import { markLiveBoardsDirty } from "./markLiveBoardsDirty.js";
import { flagPostedBoards } from "./LiveBoardRepository.js";
import { finalBoardWithout } from "./finalBoardWithout.js";
import { PostStatus } from "../../domain/schedule/scheduledPostModel.js";
import { weekNumberOfPeriod, weekNumberOfSetAsidePeriod } from "../../domain/schedule/weekPostPeriod.js";

/** The client a read or write goes through: the repository's, or a transaction's. */
type Db = PrismaClient | Prisma.TransactionClient;

/** What postsShowing looked at: the cohorts, and the highest post id before its first look. */
interface PostsSeen {
  readonly cohortIds: readonly number[];
  readonly highestId: number;
}

/** One completion in `/privacy export` (see README "Export shape"). */
export interface ExportedCompletion {
  readonly item: string;
  readonly completedAt: Date;
  readonly weekNumber: number;
  readonly points: number;
  readonly onTime: boolean;
  /** The member day (YYYY-MM-DD) it counts for in the streak; null: the day of `completedAt`. */
  readonly day: string | null;
  /** Logged with `/done … when:yesterday` (no on-time bonus). */
  readonly forYesterday: boolean;
}

/**
 * One membership in `/privacy export`, its lists read a page at a time as they are written (fields in
 * the file's order). Every list grows with time, completions most: a long history is never held whole.
 */
export interface ExportedMembership {
  readonly cohortId: number;
  readonly cohortName: string;
  readonly displayName: string;
  readonly joinedAt: Date;
  readonly leftAt: Date | null;
  readonly returnedAt: Date | null;
  readonly remindTime: string | null;
  readonly remindTimeZone: string | null;
  /** The day a move west of their zone holds the member's day on, until their zone reaches it (Member.dayNotBefore). */
  readonly dayNotBefore: string | null;
  readonly nudges: boolean;
  /** The member's Discord locale as last stored (their DMs' language); null: none stored. */
  readonly locale: string | null;
  readonly boardVisibility: string;
  readonly alias: number | null;
  readonly points: number;
  /** When the member reached their points (the board's tie-break). */
  readonly pointsReachedAt: Date | null;
  /** Points when the closing post was made (their line on the final board); null before it. */
  readonly finalPoints: number | null;
  /** Whether they took a place on the kept final board (its own ranks count those who did); false before it. */
  readonly finalRanked: boolean;
  readonly completions: AsyncIterable<ExportedCompletion>;
  readonly weeklyScores: AsyncIterable<{ readonly weekNumber: number; readonly points: number; readonly reachedAt: Date }>;
  readonly checkpointAnswers: AsyncIterable<{ readonly section: string; readonly answer: string; readonly answeredAt: Date }>;
  readonly reminderDeliveries: AsyncIterable<{
    readonly localDate: string;
    readonly status: string;
    /** When a bot process took the reminder to send. */
    readonly claimedAt: Date;
    readonly sentAt: Date | null;
    readonly attempts: number;
    readonly lastError: string | null;
  }>;
  /** Reminders refused in a row by the member's DMs (three switch them off). */
  readonly reminderFailures: number;
  /** Reminders were switched off after those refusals and the member is yet to be told (on their next command). */
  readonly reminderDisabledNotice: boolean;
  /** A reminder was refused (the first of a run) and the member is yet to be told (on their next command). */
  readonly reminderRefusedNotice: boolean;
  /** A late join's first day, or one after week 1's last study day (member-local YYYY-MM-DD): earlier items are backlog. */
  readonly lateJoinDay: string | null;
  /** Holds the cohort's exclude_role: never ranked. */
  readonly excludedFromBoards: boolean;
  /** When the member's own interaction (or join) last set `excludedFromBoards`; null: set by a role listing. */
  readonly excludedFromBoardsMarkedAt: Date | null;
  /**
   * `/break` days off, both ends included, each with how many of the `paceChanges` listed (the first N) were
   * made before it was booked; null: booked before that was kept.
   */
  readonly daysOff: AsyncIterable<{ readonly from: string; readonly to: string; readonly bookedAfterPaceChanges: number | null }>;
  /** `/pace` catch-ups, extensions and resets, in the order applied; a catch-up with the titles of the items it re-planned. */
  readonly paceChanges: AsyncIterable<{
    readonly kind: string;
    readonly appliedOn: string | null;
    readonly days: number | null;
    readonly items: readonly string[] | null;
    readonly at: Date;
  }>;
  /** Facilitators' nudge DMs (who pressed Nudge is the admin's data, not the member's). */
  readonly nudgesReceived: AsyncIterable<{
    readonly status: string;
    readonly claimedAt: Date;
    readonly sentAt: Date | null;
    readonly lastError: string | null;
  }>;
}

/** Everything stored about one user in one server before their import previews, in the file's order, read as written. */
export interface StoredMemberPages {
  readonly memberships: AsyncIterable<ExportedMembership>;
  /** Names of the cohorts the user created as an admin. */
  readonly cohortsCreated: AsyncIterable<string>;
  /** Audit lines about the user (a credit, a nudge) or by them as an admin; other people's ids left out. */
  readonly adminActions: AsyncIterable<{
    readonly cohortId: number | null;
    readonly action: string;
    readonly byYou: boolean;
    readonly aboutYou: boolean;
    readonly details: unknown;
    readonly at: Date;
  }>;
  /** Nudges the user pressed as an admin, sent or not (a failed one writes no audit line); whom they went to is left out. */
  readonly nudgesSent: AsyncIterable<{
    readonly cohortId: number;
    readonly cohortName: string;
    readonly status: string;
    readonly claimedAt: Date;
    readonly sentAt: Date | null;
  }>;
}

/**
 * A `/curriculum import` preview the user made (kept until a day past expiry), without its document's text:
 * the document is named by its size and SHA-256, both of its text in UTF-8 as stored (a byte-order mark
 * dropped, UTF-16 and Windows-1252 converted), the same as `sha256sum` and the file size for a UTF-8 file
 * without a byte-order mark. `id` reads the text again (importDocumentTexts) when the export copies it.
 */
export interface ImportPreviewSummary {
  readonly id: number;
  readonly curriculum: string;
  readonly status: string;
  readonly documentBytes: number;
  readonly documentSha256: string;
  /** The text's bytes as written in the export (JSON-escaped). */
  readonly textBytes: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** Rows read per statement for an export: small rows (completions, reminders), audit lines (their details can be long), import previews. */
export interface ExportPageRows {
  readonly rows: number;
  readonly auditLines: number;
  /** A preview carries its document (up to 256 KB): a few at a time. */
  readonly previews: number;
}

const defaultExportPageRows: ExportPageRows = { rows: 500, auditLines: 200, previews: 4 };

/**
 * The rows an export reads: those there when it began. A row keyed by time is read up to the export's
 * `now` (a completion undone and logged again mid-export, a re-answered checkpoint, a retaken nudge come
 * back later than that: written as they stood if their page was read first, else left out, never twice);
 * one keyed by id up to the highest id then.
 */
export interface MemberExportCeiling extends ExportCeiling {
  readonly cohortId: number;
  readonly adjustmentId: number;
  readonly breakId: number;
  readonly previewId: number;
}

/**
 * Rows read a page at a time, each page after the last row of the one before (keyset: `readPage` filters
 * and orders by the same columns), shaped by `shape`; other work runs between pages. A consumer that stops
 * reading stops the reads.
 */
async function* keysetRows<R extends K, K, T>(
  readPage: (after: K | undefined, take: number) => Promise<R[]>,
  shape: (row: R) => T,
  take: number,
): AsyncGenerator<T> {
  let after: K | undefined;
  for (;;) {
    const page = await readPage(after, take);
    for (const row of page) yield shape(row);
    if (page.length < take) return;
    after = page.at(-1);
    await yieldToEventLoop();
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The rows of the server that name the user beside their memberships, one filter each, so that
 * `/privacy`'s count, export and delete pick the same rows.
 */
function auditLinesNaming(guildId: string, userId: string): Prisma.AuditEntryWhereInput {
  return { guildId, OR: [{ actorId: userId }, { subjectUserId: userId }] };
}

function nudgesClaimedBy(guildId: string, userId: string): Prisma.NudgeDeliveryWhereInput {
  return { claimedBy: userId, member: { cohort: { guildId } } };
}

function importPreviewsBy(guildId: string, userId: string): Prisma.PendingImportWhereInput {
  return { scope: guildId, userId };
}

/** Ids after the last row read (none read yet: from the first) up to the export's ceiling. */
function idsAfter(after: { id: number } | undefined, ceiling: number): { gt?: number; lte: number } {
  return after === undefined ? { lte: ceiling } : { gt: after.id, lte: ceiling };
}

/** Rows after one of a list ordered by `column`, then id: the next page of a keyset read. */
function laterThan<K extends string, V>(column: K, value: V, id: number) {
  const later = { [column]: { gt: value } } as Record<K, { gt: V }>;
  const tied = { [column]: value, id: { gt: id } } as Record<K, V> & { id: { gt: number } };
  return { OR: [later, tied] };
}

/** A catch-up's stored item ids (a JSON array), null for any other pace change or a value that is not one. */
function itemIdsOf(text: string | null): number[] | null {
  if (text === null) return null;
  const parsed = parseJson(text);
  return Array.isArray(parsed) ? parsed.filter((value): value is number => Number.isInteger(value)) : null;
}

/** An audit line's stored JSON, or its raw text when it is not JSON (it is shown, never interpreted). */
function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * How many of a server's members, cohorts and audit lines one write of its purge deletes. A member's rows
 * (completions, reminder deliveries, …, by cascade) are bounded by their course's length and a cohort's
 * (posts, tallies, breaks) by its weeks, so a slice holds the write lock for milliseconds; the whole of a
 * 10,000-member server at once held it for seconds, every other server's writes waiting behind it.
 */
export interface PurgeSlices {
  readonly members: number;
  readonly cohorts: number;
  readonly auditLines: number;
}

const defaultPurgeSlices: PurgeSlices = { members: 50, cohorts: 10, auditLines: 1000 };

/** How many slices (PurgeSlices) a scheduled purge may still take in this tick; each one taken counts it down. */
export interface PurgeBudget {
  slicesLeft: number;
}

/** Days between the bot leaving a server and that server's data being deleted. */
export const guildPurgeDelayDays = 30;

/** A member's own data in a server (settings, export, deletion) and deleting a whole server's data. */
export class PrivacyRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly provider: DatabaseTarget["provider"],
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
    private readonly exportPageRows: ExportPageRows = defaultExportPageRows,
    private readonly purgeSlices: PurgeSlices = defaultPurgeSlices,
  ) {}

  /** The user's memberships in the server, left ones included: their privacy settings. */
  async memberships(guildId: string, userId: string): Promise<{ boardVisibility: string; nudges: boolean }[]> {
    return this.prisma.member.findMany({
      where: { userId, cohort: { guildId } },
      select: { boardVisibility: true, nudges: true },
      orderBy: { id: "asc" },
    });
  }

  /** How many cohorts of the server name the user as their creator. */
  async cohortsCreated(guildId: string, userId: string): Promise<number> {
    return this.prisma.cohort.count({ where: { guildId, createdBy: userId } });
  }

  /** How many audit lines of the server name the user, as the admin who acted or the member it was about. */
  async auditLines(guildId: string, userId: string): Promise<number> {
    return this.prisma.auditEntry.count({ where: auditLinesNaming(guildId, userId) });
  }

  /** How many nudge claims in the server name the user as the admin who pressed Nudge. */
  async nudgesClaimed(guildId: string, userId: string): Promise<number> {
    return this.prisma.nudgeDelivery.count({ where: nudgesClaimedBy(guildId, userId) });
  }

  /** How many `/curriculum import` previews of the server the user uploaded (pending, cancelled or applied, until cleared). */
  async pendingImports(guildId: string, userId: string): Promise<number> {
    return this.prisma.pendingImport.count({ where: importPreviewsBy(guildId, userId) });
  }

  /**
   * Sets the choices on every membership the user has in the server; returns how many. A change of
   * how boards show the user flags their cohorts' live weekly boards for the scheduler's next edit, and the
   * boards already posted that may show them (postsShowing). What to flag is read inside the transaction, after
   * the cohorts' locks (lockCohortRows; on SQLite after a first write, which takes the file's lock): a choice
   * committed meanwhile by another process is the one read, so of two choices at once the later one flags
   * what the earlier one changed (`hidden` then `name`: the boards the hiding redrew show the member again).
   */
  async updateSettings(
    guildId: string,
    userId: string,
    changes: { boardVisibility?: string; nudges?: boolean; locale?: string },
    now: Date,
  ): Promise<number> {
    return this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        if (this.provider === "sqlite")
          await tx.$executeRaw`UPDATE "Cohort" SET "guildId" = "guildId" WHERE "guildId" = ${guildId} AND "createdBy" = ${userId}`;
        // The user's cohorts first, as a join takes them (MemberRepository.join): a join committing meanwhile is
        // waited for, and its new membership changed too; one after waits for this one.
        for (const lock of lockCohortRows(tx, this.provider, { namingUser: { guildId, userId } })) await lock;
        // Shown another way: the boards already posted that may show them are edited too (shown by name again, they
        // are back on the boards their hiding or alias redrew); memberships already shown so change nothing there.
        const posted =
          changes.boardVisibility === undefined
            ? { ids: [], seen: { cohortIds: [], highestId: 0 } }
            : await this.postsShowing(tx, guildId, userId, false, changes.boardVisibility);
        // The locale goes with the other choices in this one update of every membership; /join and /remind,
        // which change no other column there, use userLocaleUpdate (MemberRepository) for it alone.
        // Only the memberships whose choice changes edit their live boards (at once): one already shown so need not.
        const shownAnew =
          changes.boardVisibility === undefined ? [] : await this.choiceChanges(tx, guildId, userId, changes.boardVisibility);
        const updated = await tx.member.updateMany({ where: { userId, cohort: { guildId } }, data: changes });
        for (const chunk of chunksOf(shownAnew)) await markLiveBoardsDirty(tx, { cohortId: { in: chunk } }, now, { atOnce: true });
        for (const flag of this.flagPosted(tx, posted.ids, now)) await flag;
        for (const flag of this.flagPostedSince(tx, posted.seen, now)) await flag;
        return updated.count;
      }, longTransactionOptions),
    );
  }

  /**
   * The sent posts of the user's cohorts in the server whose boards can show them, for the scheduler to edit
   * (LiveBoardRepository.listPostedDue): per membership, the weekly posts of the weeks they scored in (their
   * board) and of the break weeks and the next reading week after each (their top five of that week), and the closing post when its
   * kept final board lists them, or (`deleting`) ranked them below its top ten (its "…and N more with points" counts them). Bounded by their own history and the cohort's break weeks, not by the
   * length of the course. A failed post that shows them is picked too: it is flagged if it is taken on again and
   * sent before the change commits (flagPostedBoards flags only claimed and sent posts). `seen`: the cohorts looked
   * at and the highest post id there was before the first look (see flagPostedSince). `shownAs`: a board choice
   * being made; memberships that already have it are left out (their boards show them so already).
   */
  private async postsShowing(
    db: Db,
    guildId: string,
    userId: string,
    deleting: boolean,
    shownAs?: string,
  ): Promise<{ ids: number[]; seen: PostsSeen }> {
    // Read first: a post created after it has a higher id (each new post takes the next one).
    const highest = await db.scheduledPost.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    const members = await db.member.findMany({
      where: { userId, cohort: { guildId }, ...(shownAs === undefined ? {} : { boardVisibility: { not: shownAs } }) },
      select: {
        id: true,
        cohortId: true,
        finalPoints: true,
        finalRanked: true,
        weeklyScores: { where: { points: { gt: 0 } }, select: { weekNumber: true } },
        cohort: { select: { finalBoard: true, breaks: { select: { week: true } } } },
      },
    });
    const ids: number[] = [];
    const cohortIds: number[] = [];
    for (const member of members) {
      const breaks = new Set(member.cohort.breaks.map((row) => row.week));
      const weeks = new Set<number>();
      for (const { weekNumber } of member.weeklyScores) {
        weeks.add(weekNumber);
        // The break weeks' posts after it show its top five too, and so does the next reading week's.
        let next = weekNumber + 1;
        while (breaks.has(next)) {
          weeks.add(next);
          next += 1;
        }
        weeks.add(next);
      }
      const onFinalBoard =
        finalBoardLists(member.cohort.finalBoard, member.id) ||
        (deleting && member.cohort.finalBoard !== null && rankedOnFinalBoard(member));
      if (weeks.size === 0 && !onFinalBoard) continue;
      const posts = await db.scheduledPost.findMany({
        // A post still being sent was drawn before the change, most likely with them: flagged too (markSent keeps the flag).
        where: {
          cohortId: member.cohortId,
          status: { in: [PostStatus.Sent, PostStatus.Claimed, PostStatus.Failed] },
          kind: { in: ["week", "closing"] },
        },
        select: { id: true, kind: true, period: true },
      });
      cohortIds.push(member.cohortId);
      for (const post of posts) {
        const week = weekNumberOfPeriod(post.period) ?? weekNumberOfSetAsidePeriod(post.period);
        if (post.kind === "closing" ? onFinalBoard : week !== null && weeks.has(week)) ids.push(post.id);
      }
    }
    return { ids, seen: { cohortIds, highestId: highest?.id ?? 0 } };
  }

  /**
   * For the change's transaction, as its last statements: flags the weekly and closing posts of the cohorts
   * postsShowing looked at that were created since its first look (id above `highestId`: another process claimed
   * and drew them meanwhile, most likely with the member; one taken on again is picked by postsShowing when it
   * shows them). A few parameters per slice of cohorts, however many posts they have. Read when the statement
   * runs: on SQLite no claim can come between it and the commit; on PostgreSQL one made while the commit is under
   * way still can (a claim does not wait for the cohort's lock). A post that does not show the member after all
   * is read and left as it is.
   */
  private flagPostedSince(db: Db, seen: PostsSeen, now: Date) {
    return chunksOf(seen.cohortIds).map((chunk) =>
      db.scheduledPost.updateMany({
        where: {
          cohortId: { in: chunk },
          id: { gt: seen.highestId },
          kind: { in: ["week", "closing"] },
          status: { in: [PostStatus.Sent, PostStatus.Claimed] },
        },
        data: { nextAttemptAt: now, redrawAttempts: 0 },
      }),
    );
  }

  /** flagPostedBoards one slice of ids at a time (a member's history can be long). */
  private flagPosted(db: Db, ids: readonly number[], now: Date) {
    return chunksOf(ids).map((chunk) => flagPostedBoards(db, chunk, now));
  }

  /** The user's cohorts in the server whose membership is not shown as `shownAs` yet (a few: one user's memberships). */
  private async choiceChanges(db: Db, guildId: string, userId: string, shownAs: string): Promise<number[]> {
    const rows = await db.member.findMany({
      where: { userId, cohort: { guildId }, boardVisibility: { not: shownAs } },
      select: { cohortId: true },
    });
    return rows.map((row) => row.cohortId);
  }

  /** What an export begun at `now` reads (see MemberExportCeiling): the highest ids there are, a look-up of each primary key's end. */
  async exportCeiling(now: Date): Promise<MemberExportCeiling> {
    const last = { orderBy: { id: "desc" }, select: { id: true } } as const;
    const [memberCeiling, cohort, adjustment, memberBreak, preview] = await Promise.all([
      exportCeilingAt(this.prisma, now),
      this.prisma.cohort.findFirst(last),
      this.prisma.memberAdjustment.findFirst(last),
      this.prisma.memberBreak.findFirst(last),
      this.prisma.pendingImport.findFirst(last),
    ]);
    return {
      ...memberCeiling,
      cohortId: cohort?.id ?? 0,
      adjustmentId: adjustment?.id ?? 0,
      breakId: memberBreak?.id ?? 0,
      previewId: preview?.id ?? 0,
    };
  }

  /**
   * `/privacy export`'s rows before the import previews, each list read a page at a time as it is written
   * (keyset on the list's order; ties broken by a unique column so no row is read twice or skipped), as
   * they stood when the export began (`ceiling`).
   */
  exportPages(
    guildId: string,
    userId: string,
    ceiling: MemberExportCeiling,
    pages: ExportPageRows = this.exportPageRows,
  ): StoredMemberPages {
    const { now } = ceiling;
    return {
      memberships: keysetRows(
        (after: { id: number } | undefined, take) =>
          this.prisma.member.findMany({
            where: { userId, cohort: { guildId }, id: idsAfter(after, ceiling.memberId) },
            orderBy: { id: "asc" },
            take,
            include: { cohort: { select: { name: true } } },
          }),
        (member) => this.exportedMembership(member, ceiling, pages.rows),
        pages.rows,
      ),
      cohortsCreated: keysetRows(
        (after: { id: number; name: string } | undefined, take) =>
          this.prisma.cohort.findMany({
            where: { guildId, createdBy: userId, id: idsAfter(after, ceiling.cohortId) },
            select: { id: true, name: true },
            orderBy: { id: "asc" },
            take,
          }),
        (row) => row.name,
        pages.rows,
      ),
      adminActions: keysetRows(
        (after: { id: number; createdAt: Date } | undefined, take) =>
          this.prisma.auditEntry.findMany({
            where: {
              AND: [
                auditLinesNaming(guildId, userId),
                { createdAt: { lte: now } },
                after === undefined ? {} : laterThan("createdAt", after.createdAt, after.id),
              ],
            },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            take,
          }),
        (line) => ({
          cohortId: line.cohortId,
          action: line.action,
          byYou: line.actorId === userId,
          aboutYou: line.subjectUserId === userId,
          details: parseJson(line.after),
          at: line.createdAt,
        }),
        pages.auditLines,
      ),
      nudgesSent: keysetRows(
        (after: { id: number; claimedAt: Date } | undefined, take) =>
          this.prisma.nudgeDelivery.findMany({
            where: {
              AND: [
                nudgesClaimedBy(guildId, userId),
                { claimedAt: { lte: now } },
                after === undefined ? {} : laterThan("claimedAt", after.claimedAt, after.id),
              ],
            },
            orderBy: [{ claimedAt: "asc" }, { id: "asc" }],
            take,
            select: {
              id: true,
              status: true,
              claimedAt: true,
              sentAt: true,
              member: { select: { cohortId: true, cohort: { select: { name: true } } } },
            },
          }),
        (row) => ({
          cohortId: row.member.cohortId,
          cohortName: row.member.cohort.name,
          status: row.status,
          claimedAt: row.claimedAt,
          sentAt: row.sentAt,
        }),
        pages.rows,
      ),
    };
  }

  /** One membership's fields, its lists read as they are written. */
  private exportedMembership(
    member: Prisma.MemberGetPayload<{ include: { cohort: { select: { name: true } } } }>,
    ceiling: MemberExportCeiling,
    take: number,
  ): ExportedMembership {
    const memberId = member.id;
    const { now } = ceiling;
    return {
      cohortId: member.cohortId,
      cohortName: member.cohort.name,
      displayName: member.displayName,
      joinedAt: member.joinedAt,
      leftAt: member.leftAt,
      returnedAt: member.returnedAt,
      remindTime: member.remindTime,
      remindTimeZone: member.remindTimeZone,
      dayNotBefore: member.dayNotBefore,
      nudges: member.nudges,
      locale: member.locale,
      boardVisibility: member.boardVisibility,
      alias: member.alias,
      points: member.points,
      pointsReachedAt: member.pointsReachedAt,
      finalPoints: member.finalPoints,
      finalRanked: member.finalRanked,
      completions: this.exportedCompletions(memberId, now, take),
      weeklyScores: keysetRows(
        (after: { weekNumber: number } | undefined, size) =>
          this.prisma.weeklyScore.findMany({
            where: { memberId, ...(after === undefined ? {} : { weekNumber: { gt: after.weekNumber } }) },
            orderBy: { weekNumber: "asc" },
            take: size,
            select: { weekNumber: true, points: true, reachedAt: true },
          }),
        (row) => ({ weekNumber: row.weekNumber, points: row.points, reachedAt: row.reachedAt }),
        take,
      ),
      checkpointAnswers: keysetRows(
        (after: { id: number; answeredAt: Date } | undefined, size) =>
          this.prisma.checkpointAnswer.findMany({
            where: {
              AND: [{ memberId, answeredAt: { lte: now } }, after === undefined ? {} : laterThan("answeredAt", after.answeredAt, after.id)],
            },
            orderBy: [{ answeredAt: "asc" }, { id: "asc" }],
            take: size,
            select: { id: true, answer: true, answeredAt: true, section: { select: { title: true } } },
          }),
        (row) => ({ section: row.section.title, answer: row.answer, answeredAt: row.answeredAt }),
        take,
      ),
      reminderDeliveries: keysetRows(
        (after: { localDate: string } | undefined, size) =>
          this.prisma.reminderDelivery.findMany({
            where: { memberId, ...(after === undefined ? {} : { localDate: { gt: after.localDate } }) },
            orderBy: { localDate: "asc" },
            take: size,
            select: { localDate: true, status: true, claimedAt: true, sentAt: true, attempts: true, lastError: true },
          }),
        (row) => ({
          localDate: row.localDate,
          status: row.status,
          claimedAt: row.claimedAt,
          sentAt: row.sentAt,
          attempts: row.attempts,
          lastError: row.lastError,
        }),
        take,
      ),
      reminderFailures: member.remindFailures,
      reminderDisabledNotice: member.remindDisabledNotice,
      reminderRefusedNotice: member.remindRefusedNotice,
      lateJoinDay: member.joinedOn,
      excludedFromBoards: member.excluded,
      excludedFromBoardsMarkedAt: member.excludedMarkedAt,
      daysOff: keysetRows(
        async (after: { id: number; fromDate: string } | undefined, size) =>
          this.withBookingOrder(
            memberId,
            ceiling,
            await this.prisma.memberBreak.findMany({
              where: {
                AND: [
                  { memberId, id: { lte: ceiling.breakId } },
                  after === undefined ? {} : laterThan("fromDate", after.fromDate, after.id),
                ],
              },
              orderBy: [{ fromDate: "asc" }, { id: "asc" }],
              take: size,
              select: { id: true, fromDate: true, toDate: true, bookedAfterAdjustmentId: true },
            }),
          ),
        (row) => ({ from: row.fromDate, to: row.toDate, bookedAfterPaceChanges: row.bookedAfterPaceChanges }),
        take,
      ),
      paceChanges: keysetRows(
        async (after: { id: number } | undefined, size) =>
          this.withItemTitles(
            await this.prisma.memberAdjustment.findMany({
              where: { memberId, id: idsAfter(after, ceiling.adjustmentId) },
              orderBy: { id: "asc" },
              take: size,
              select: { id: true, kind: true, appliedOn: true, days: true, itemIds: true, createdAt: true },
            }),
          ),
        (row) => ({ kind: row.kind, appliedOn: row.appliedOn, days: row.days, items: row.items, at: row.createdAt }),
        take,
      ),
      nudgesReceived: keysetRows(
        (after: { id: number; status: string; claimedAt: Date; sentAt: Date | null } | undefined, size) =>
          this.prisma.nudgeDelivery.findMany({
            where: {
              AND: [{ memberId, claimedAt: { lte: now } }, after === undefined ? {} : laterThan("claimedAt", after.claimedAt, after.id)],
            },
            orderBy: [{ claimedAt: "asc" }, { id: "asc" }],
            take: size,
            select: { id: true, status: true, claimedAt: true, sentAt: true, lastError: true },
          }),
        (row) => ({ status: row.status, claimedAt: row.claimedAt, sentAt: row.sentAt, lastError: row.lastError }),
        take,
      ),
    };
  }

  /**
   * A page of days off with their booking order as the export lists the pace changes: how many of the member's
   * stored adjustments (id order, up to the export's ceiling) have an id up to the one stored with the break, as
   * the plan counts them (MemberPlanRepository; a row the plan cannot read counts in neither). One read of the adjustments' ids per page; a member has few.
   */
  private async withBookingOrder<R extends { bookedAfterAdjustmentId: number | null }>(
    memberId: number,
    ceiling: MemberExportCeiling,
    rows: readonly R[],
  ): Promise<(R & { bookedAfterPaceChanges: number | null })[]> {
    const highest = Math.min(ceiling.adjustmentId, Math.max(0, ...rows.map((row) => row.bookedAfterAdjustmentId ?? 0)));
    const ids =
      highest === 0
        ? []
        : (
            await this.prisma.memberAdjustment.findMany({
              where: { memberId, id: { lte: highest } },
              select: { id: true, kind: true, appliedOn: true },
            })
          )
            .filter(isPlannedAdjustment)
            .map((row) => row.id);
    return rows.map((row) => {
      const afterId = row.bookedAfterAdjustmentId;
      return { ...row, bookedAfterPaceChanges: afterId === null ? null : ids.filter((id) => id <= afterId).length };
    });
  }

  /** A page of pace changes with the titles of the items each catch-up re-planned (null for the others), one read per page. */
  private async withItemTitles<R extends { itemIds: string | null }>(rows: readonly R[]): Promise<(R & { items: string[] | null })[]> {
    const lists = rows.map((row) => itemIdsOf(row.itemIds));
    const wanted = [...new Set(lists.flatMap((ids) => ids ?? []))];
    const titles = new Map<number, string>();
    for (const chunk of chunksOf(wanted))
      for (const item of await this.prisma.item.findMany({ where: { id: { in: chunk } }, select: { id: true, title: true } }))
        titles.set(item.id, item.title);
    return rows.map((row, index) => {
      const ids = lists[index] ?? null;
      return { ...row, items: ids === null ? null : ids.flatMap((id) => titles.get(id) ?? []) };
    });
  }

  /** A member's completions by time, ties by item (unique per member): the order of the index /today reads them by. */
  private exportedCompletions(memberId: number, now: Date, take: number): AsyncIterable<ExportedCompletion> {
    return keysetRows(
      (after: { completedAt: Date; itemId: number } | undefined, size) =>
        this.prisma.completion.findMany({
          where: {
            memberId,
            completedAt: { lte: now },
            ...(after === undefined
              ? {}
              : { OR: [{ completedAt: { gt: after.completedAt } }, { completedAt: after.completedAt, itemId: { gt: after.itemId } }] }),
          },
          orderBy: [{ completedAt: "asc" }, { itemId: "asc" }],
          take: size,
          select: {
            itemId: true,
            completedAt: true,
            weekNumber: true,
            points: true,
            onTime: true,
            day: true,
            forYesterday: true,
            item: { select: { title: true } },
          },
        }),
      (row) => ({
        item: row.item.title,
        completedAt: row.completedAt,
        weekNumber: row.weekNumber,
        points: row.points,
        onTime: row.onTime,
        day: row.day,
        forYesterday: row.forYesterday,
      }),
      take,
    );
  }

  /** The user's import previews by id, without their documents' text (hashed and measured as read, a few at a time). */
  importPreviews(
    guildId: string,
    userId: string,
    ceiling: MemberExportCeiling,
    take: number = this.exportPageRows.previews,
  ): AsyncIterable<ImportPreviewSummary> {
    return keysetRows(
      (after: { id: number } | undefined, size) =>
        this.prisma.pendingImport.findMany({
          where: { ...importPreviewsBy(guildId, userId), id: idsAfter(after, ceiling.previewId) },
          orderBy: { id: "asc" },
          take: size,
          select: { id: true, slug: true, status: true, document: true, createdAt: true, expiresAt: true },
        }),
      (row) => ({
        id: row.id,
        curriculum: row.slug,
        status: row.status,
        documentBytes: Buffer.byteLength(row.document, "utf8"),
        documentSha256: createHash("sha256").update(row.document, "utf8").digest("hex"),
        textBytes: documentTextBytes(row.document),
        createdAt: row.createdAt,
        expiresAt: row.expiresAt,
      }),
      take,
    );
  }

  /** The documents of these import previews (ids from importPreviews), in the order given, a few at a time; a preview cleared since is missing. */
  async *importDocumentTexts(ids: readonly number[]): AsyncGenerator<{ id: number; text: string }> {
    for (const chunk of chunksOf(ids, this.exportPageRows.previews)) {
      const rows = await this.prisma.pendingImport.findMany({ where: { id: { in: chunk } }, select: { id: true, document: true } });
      const texts = new Map(rows.map((row) => [row.id, row.document]));
      for (const id of chunk) {
        const text = texts.get(id);
        if (text !== undefined) yield { id, text };
      }
      await yieldToEventLoop();
    }
  }

  /**
   * Deletes every row about the user in the server in one transaction: their
   * memberships (completions, weekly scores, checkpoint answers and reminder
   * deliveries go with them, by cascade), their name as a cohort's creator
   * and in the audit trail, and their `/curriculum import` previews. Nudge
   * claims they made stay without their id: the member's 3-day limit counts them.
   * The boards are computed from these rows, so they no longer count the user.
   *
   * Locks (PostgreSQL): the user's cohorts' rows first (those they belong to or created, in the order of
   * their ids, lockCohortRows), then the members' rows (the deletion; the score tally's trigger takes the tally's
   * rows), then the posts' rows (dirty marks, flags) and the cohorts' rows again (creator, final board). What
   * to flag, the kept final boards and the cohorts the audit lines go to are read after the cohorts' locks, inside
   * the transaction: another deletion in the same cohort has committed by then, and its trimmed board is the one
   * trimmed again; so has a join meanwhile, whose membership goes too and whose cohort is told. The
   * posts come after the members, as in a /done (member → tally → live board, CompletionRepository), so another
   * member's /done under way does not deadlock with it; saveFinalBoard, LiveBoardRepository.attach and /remind
   * take the cohort's row first, so they wait for it or it for them. On SQLite the transaction's first
   * statement is a write, which takes the file's lock before the reads.
   */
  async deleteMember(
    guildId: string,
    userId: string,
    now: Date,
  ): Promise<{ memberships: number; rows: number; cohortIds: readonly number[] }> {
    return this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        if (this.provider === "sqlite")
          await tx.$executeRaw`UPDATE "Cohort" SET "guildId" = "guildId" WHERE "guildId" = ${guildId} AND "createdBy" = ${userId}`;
        for (const lock of lockCohortRows(tx, this.provider, { namingUser: { guildId, userId } })) await lock;
        // Read before the memberships go, after the locks: a join or another deletion meanwhile has committed
        // (the audit lines' cohorts too: a membership joined meanwhile is deleted below, and its cohort told).
        const cohortIds = await this.cohortsNaming(tx, guildId, userId);
        const boards = await this.finalBoardsWithout(tx, guildId, userId);
        const posted = await this.postsShowing(tx, guildId, userId, true);
        const memberOf = [
          ...new Set(
            (await tx.member.findMany({ where: { userId, cohort: { guildId } }, select: { cohortId: true } })).map((row) => row.cohortId),
          ),
        ];
        const deleted = await tx.member.deleteMany({ where: { userId, cohort: { guildId } } });
        let cleared = 0;
        cleared += (await tx.cohort.updateMany({ where: { guildId, createdBy: userId }, data: { createdBy: "" } })).count;
        // The audit trail keeps its lines but no longer says who they were about or by.
        cleared += (await tx.auditEntry.updateMany({ where: { guildId, subjectUserId: userId }, data: { subjectUserId: null } })).count;
        cleared += (await tx.auditEntry.updateMany({ where: { guildId, actorId: userId }, data: { actorId: "" } })).count;
        cleared += (await tx.nudgeDelivery.updateMany({ where: nudgesClaimedBy(guildId, userId), data: { claimedBy: "" } })).count;
        cleared += (await tx.pendingImport.deleteMany({ where: importPreviewsBy(guildId, userId) })).count;
        for (const board of boards) await tx.cohort.update({ where: { id: board.cohortId }, data: { finalBoard: board.json } });
        // After the memberships (the one order of a /done: member, then post): their cohorts' live boards named
        // the user until edited, and the boards already posted that may name them are edited by the scheduler.
        for (const chunk of chunksOf(memberOf)) await markLiveBoardsDirty(tx, { cohortId: { in: chunk } }, now, { atOnce: true });
        for (const flag of this.flagPosted(tx, posted.ids, now)) await flag;
        // Last, the posts drawn since postsShowing's first look, read as close to the commit as can be. Posts
        // created meanwhile only: a claim is one statement that waits for nothing else, so this cannot deadlock.
        for (const flag of this.flagPostedSince(tx, posted.seen, now)) await flag;
        // Rows that named the user: none left means a second confirmation, which deleted nothing.
        return { memberships: deleted.count, rows: deleted.count + cleared, cohortIds };
      }, longTransactionOptions),
    );
  }

  /**
   * Where a deletion's audit lines go (read inside its transaction, before the rows go): the cohorts the user
   * belonged to, created, or is named in the trail of (an admin who never joined).
   */
  private async cohortsNaming(db: Db, guildId: string, userId: string): Promise<number[]> {
    // One after the other: a transaction's statements share its one connection.
    const memberships = await db.member.findMany({ where: { userId, cohort: { guildId } }, select: { cohortId: true } });
    const created = await db.cohort.findMany({ where: { guildId, createdBy: userId }, select: { id: true } });
    const audited = await db.auditEntry.findMany({
      where: { guildId, cohortId: { not: null }, OR: [{ actorId: userId }, { subjectUserId: userId }] },
      select: { cohortId: true },
      distinct: ["cohortId"],
    });
    const ids = [
      ...memberships.map((row) => row.cohortId),
      ...created.map((row) => row.id),
      ...audited.flatMap((row) => (row.cohortId === null ? [] : [row.cohortId])),
    ];
    return [...new Set(ids)].sort((a, b) => a - b);
  }

  /**
   * A finished cohort's final board (kept as the closing post showed it) names
   * its members: the user's line is taken out of it too.
   */
  private async finalBoardsWithout(db: Db, guildId: string, userId: string): Promise<{ cohortId: number; json: string }[]> {
    const members = await db.member.findMany({
      where: { userId, cohort: { guildId, finalBoard: { not: null } } },
      select: { id: true, finalPoints: true, finalRanked: true, cohort: { select: { id: true, finalBoard: true } } },
    });
    return members.flatMap((member) => {
      // One ranked member fewer, listed or not (ranked below its top ten): the board's "…and N more with points" no longer counts them.
      const json = finalBoardWithout(member.cohort.finalBoard ?? "null", [{ memberId: member.id, ranked: rankedOnFinalBoard(member) }]);
      return json === null ? [] : [{ cohortId: member.cohort.id, json }];
    });
  }

  /** The bot was removed from the server: its data goes `guildPurgeDelayDays` later unless it comes back. */
  async recordDeparture(guildId: string, now: Date): Promise<void> {
    const purgeAt = new Date(now.getTime() + guildPurgeDelayDays * 24 * 60 * 60 * 1000);
    await this.writes.run(() =>
      this.prisma.guildDeparture.upsert({ where: { guildId }, create: { guildId, leftAt: now, purgeAt }, update: {} }),
    );
  }

  /**
   * Several departures at once (servers found gone at a shard's start), one write per slice of ids; a
   * server already departed keeps its date. Returns the servers newly recorded.
   */
  async recordDepartures(guildIds: readonly string[], now: Date): Promise<string[]> {
    const purgeAt = new Date(now.getTime() + guildPurgeDelayDays * 24 * 60 * 60 * 1000);
    const recorded: string[] = [];
    for (const chunk of chunksOf([...new Set(guildIds)])) {
      // Read inside the write queue: a GuildDelete recorded meanwhile keeps its own date.
      await this.writes.run(async () => {
        const known = await this.prisma.guildDeparture.findMany({ where: { guildId: { in: chunk } }, select: { guildId: true } });
        const taken = new Set(known.map((row) => row.guildId));
        const fresh = chunk.filter((guildId) => !taken.has(guildId));
        if (fresh.length > 0)
          await this.prisma.guildDeparture.createMany({ data: fresh.map((guildId) => ({ guildId, leftAt: now, purgeAt })) });
        recorded.push(...fresh);
      });
    }
    return recorded;
  }

  /**
   * Every server that has data here (its cohorts, curricula it imported, or an import preview it never
   * confirmed, whose uploaded document is kept; its audit lines come with one of those) and whose departure
   * is not recorded yet. One read: the cohorts and curricula over their indexes, (guildId, name) and
   * (scope, slug), a row per server, not per cohort; the previews by a scan of their table, which holds
   * only a few rows per import attempt and is read once per gateway session, not per command.
   */
  async guildsWithData(): Promise<string[]> {
    // Not those already leaving: their departure stands, and they say nothing about this session.
    const rows = await this.prisma.$queryRaw<{ guildId: string }[]>`
      SELECT "guildId" FROM (
        SELECT "guildId" FROM "Cohort"
        UNION
        SELECT "scope" AS "guildId" FROM "Curriculum" WHERE "scope" <> ''
        UNION
        SELECT "scope" AS "guildId" FROM "PendingImport" WHERE "scope" <> ''
      ) AS "withData"
      WHERE "guildId" NOT IN (SELECT "guildId" FROM "GuildDeparture")`;
    return rows.map((row) => row.guildId);
  }

  /**
   * The bot is in these servers (back, or never gone): nothing of theirs is to be deleted. Returns how many
   * were pending. `isPresent` is asked again in the write queue, just before the delete: a server that
   * removed the bot since keeps the departure its removal recorded.
   */
  async cancelDepartures(guildIds: readonly string[], isPresent: (guildId: string) => boolean = () => true): Promise<number> {
    let cancelled = 0;
    for (const chunk of chunksOf(guildIds)) {
      // Almost always none is pending: a read, so a start or a new session (one call per server) queues no writes.
      const pending = await this.prisma.guildDeparture.findMany({ where: { guildId: { in: chunk } }, select: { guildId: true } });
      if (pending.length === 0) continue;
      const result = await this.writes.run(async () => {
        // The read above ran outside the queue: a removal recorded before it may be what it found.
        const ids = pending.map((row) => row.guildId).filter((guildId) => isPresent(guildId));
        if (ids.length === 0) return { count: 0 };
        return this.prisma.guildDeparture.deleteMany({ where: { guildId: { in: ids } } });
      });
      cancelled += result.count;
    }
    return cancelled;
  }

  /**
   * The servers whose deletion is due, oldest first; with `shard`, only that shard's. Every due id is read
   * then (one short row per server that left, and due ones are deleted as they are found), so servers of a
   * shard whose process is down cannot hide this shard's behind them.
   */
  async duePurges(now: Date, limit: number, shard?: { readonly id: number; readonly count: number }): Promise<string[]> {
    const rows = await this.prisma.guildDeparture.findMany({
      where: { purgeAt: { lte: now } },
      orderBy: { purgeAt: "asc" },
      ...(shard === undefined ? { take: limit } : {}),
      select: { guildId: true },
    });
    const due = rows.map((row) => row.guildId);
    if (shard === undefined) return due;
    return due.filter((guildId) => shardOfGuild(guildId, shard.count) === shard.id).slice(0, limit);
  }

  /**
   * Deletes everything the server has: its members (completions, scores, answers, reminders … go with them,
   * by cascade), then its cohorts (posts, breaks, tallies), audit lines, the curricula it imported, its
   * import previews and, last, its departure record, so that a purge cut short (a restart) is taken up
   * again by the scheduler. Members, cohorts and audit lines go a slice at a time (purgeSlices), each
   * slice a write of its own in the queue: other servers' writes go through between slices. Idempotent.
   * The CLI's `purge-guild`: runs to the end, whether or not the bot left the server.
   */
  async purgeGuild(guildId: string): Promise<GuildPurge> {
    const result = await this.purge(guildId, null);
    if (result === null) throw new Error("a purge without a budget always ends");
    return result;
  }

  /**
   * The scheduler's purge of a server whose departure fell due, as purgeGuild, taking at most `budget`'s
   * slices (shared by the servers of one tick, so a tick of large servers ends in bounded time) and only
   * while the server's departure record is there: a server that added the bot back meanwhile keeps what is
   * left. Null when it stopped before the end (budget spent, or departure cancelled); the departure record
   * then left in place lets the next tick carry on.
   */
  async purgeDueGuild(guildId: string, budget: PurgeBudget): Promise<GuildPurge | null> {
    return this.purge(guildId, budget);
  }

  private async purge(guildId: string, budget: PurgeBudget | null): Promise<GuildPurge | null> {
    // "" is the built-in curricula's scope: never a server's.
    if (guildId === "") throw new Error("purgeGuild needs a server id");
    const slices = { guildId, budget };
    const deleted: Record<keyof PurgeSlices, number> = { members: 0, cohorts: 0, auditLines: 0 };
    for (const { rows, readSlice, deleteIds } of this.slicedRows(guildId)) {
      const count = await this.deleteInSlices(slices, readSlice, deleteIds, this.purgeSlices[rows]);
      if (count === null) return null;
      deleted[rows] = count;
    }
    if (budget !== null && budget.slicesLeft <= 0) return null;
    const { cohorts, auditLines } = deleted;
    return this.writes.run(async () => {
      if (budget !== null && !(await this.stillDeparting(guildId))) return null;
      if (budget !== null) budget.slicesLeft -= 1;
      const [lateCohorts, lateAuditLines, curricula, pendingImports, departures] = await this.prisma.$transaction([
        // Written while the slices went (an admin's command in a server the CLI purges while the bot is in it);
        // before the curricula, which a cohort's row refers to.
        this.prisma.cohort.deleteMany({ where: { guildId } }),
        this.prisma.auditEntry.deleteMany({ where: { guildId } }),
        this.prisma.curriculum.deleteMany({ where: { scope: guildId } }),
        this.prisma.pendingImport.deleteMany({ where: { scope: guildId } }),
        this.prisma.guildDeparture.deleteMany({ where: { guildId } }),
      ]);
      return {
        cohorts: cohorts + lateCohorts.count,
        curricula: curricula.count,
        departures: departures.count,
        auditLines: auditLines + lateAuditLines.count,
        pendingImports: pendingImports.count,
      };
    });
  }

  /**
   * The server's rows a purge deletes a slice at a time (deleteInSlices), in the order it deletes them: the members
   * (their completions, answers, … go with them) before their cohorts, then the audit lines.
   */
  private slicedRows(guildId: string): {
    readonly rows: keyof PurgeSlices;
    readonly readSlice: (take: number) => Promise<{ id: number }[]>;
    readonly deleteIds: (ids: number[]) => Promise<{ count: number }>;
  }[] {
    const slice = { select: { id: true }, orderBy: { id: "asc" } } as const;
    return [
      {
        rows: "members",
        readSlice: (take) => this.prisma.member.findMany({ where: { cohort: { guildId } }, ...slice, take }),
        deleteIds: (ids) => this.prisma.member.deleteMany({ where: { id: { in: ids } } }),
      },
      {
        rows: "cohorts",
        readSlice: (take) => this.prisma.cohort.findMany({ where: { guildId }, ...slice, take }),
        deleteIds: (ids) => this.prisma.cohort.deleteMany({ where: { id: { in: ids } } }),
      },
      {
        rows: "auditLines",
        readSlice: (take) => this.prisma.auditEntry.findMany({ where: { guildId }, ...slice, take }),
        deleteIds: (ids) => this.prisma.auditEntry.deleteMany({ where: { id: { in: ids } } }),
      },
    ];
  }

  private async stillDeparting(guildId: string): Promise<boolean> {
    return (await this.prisma.guildDeparture.count({ where: { guildId } })) > 0;
  }

  /**
   * Deletes rows `size` at a time, each slice read and deleted in one turn of the write queue, until none is
   * left; returns how many, or null when a scheduled purge (`budget` not null) stopped: its budget spent, or
   * the server's departure cancelled (checked in the slice's turn, so a return recorded before it is seen).
   *
   * The CLI's purge (no budget) runs in a process of its own: on SQLite the bot's writes meet the file's lock
   * and retry up to 100 ms apart, so each slice is followed by a pause as long as the slice itself took
   * (timed inside its turn, not its wait in the queue), that half the time the lock is free for them. The
   * scheduler's purge runs in the bot's process, whose queue already lets its other writes in between slices:
   * no pause.
   */
  private async deleteInSlices(
    { guildId, budget }: { guildId: string; budget: PurgeBudget | null },
    readSlice: (take: number) => Promise<{ id: number }[]>,
    deleteIds: (ids: number[]) => Promise<{ count: number }>,
    size: number,
  ): Promise<number | null> {
    let deleted = 0;
    for (;;) {
      if (budget !== null && budget.slicesLeft <= 0) return null;
      const slice = await this.writes.run(async () => {
        if (budget !== null && !(await this.stillDeparting(guildId))) return null;
        const started = performance.now();
        const ids = (await readSlice(size)).map((row) => row.id);
        const count = ids.length === 0 ? 0 : (await deleteIds(ids)).count;
        return { count, took: performance.now() - started };
      });
      if (slice === null) return null;
      if (slice.count === 0) return deleted;
      if (budget !== null) budget.slicesLeft -= 1;
      deleted += slice.count;
      if (budget === null && this.provider === "sqlite") await sleep(Math.min(slice.took, 100));
    }
  }
}

/** Whether the member took a place on their cohort's kept final board (counted in its ranked members). */
function rankedOnFinalBoard(member: { finalPoints: number | null; finalRanked: boolean }): boolean {
  return member.finalRanked && (member.finalPoints ?? 0) > 0;
}

/** Whether a kept final board (JSON, see PrivacyRepository.finalBoardsWithout) lists the member. */
function finalBoardLists(json: string | null, memberId: number): boolean {
  if (json === null) return false;
  const board = JSON.parse(json) as { top?: { memberId?: unknown }[] } | null;
  return board !== null && Array.isArray(board.top) && board.top.some((entry) => entry.memberId === memberId);
}
