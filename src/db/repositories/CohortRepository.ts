import { SerialWriteQueue } from "../SerialWriteQueue.js";
import { ChannelProblem, CohortStatus, isChannelProblem, type Cohort, type RunningStatus } from "../../domain/cohort/cohortModel.js";
import { cohortNameKey } from "../../domain/cohort/cohortNameKey.js";
import { BoardVisibility, CohortBoard, isCohortBoard } from "../../domain/privacy/boardPresentation.js";
import { effectiveBreakWeeks } from "../../domain/schedule/cohortBreaks.js";
import type { CohortSettings } from "../../domain/schedule/scheduleTypes.js";
import type { WeekPostChanges } from "../../domain/schedule/weekPostsAfterStartEdit.js";
import { Prisma, type Cohort as CohortRow, type PrismaClient } from "../../generated/prisma/client.js";
import { findInChunks } from "../inChunks.js";
import type { DatabaseTarget } from "../parseDatabaseUrl.js";
import { AuditAction } from "../../domain/audit/auditAction.js";
import { auditEntryCreate, type NewAuditEntry } from "./AuditRepository.js";
import type { ScoreRow } from "./CompletionRepository.js";
import { finalBoardWithout } from "./finalBoardWithout.js";
import { lockCohortRows } from "./lockCohortRows.js";
import { longTransactionOptions } from "./longTransactionOptions.js";
import { markLiveBoardsDirty } from "./markLiveBoardsDirty.js";
import { flagCohortPostedBoards } from "./LiveBoardRepository.js";
import { weekPostChangeWrites } from "./weekPostChangeWrites.js";

export interface NewCohort {
  readonly guildId: string;
  readonly channelId: string;
  readonly name: string;
  readonly curriculumId: number;
  readonly settings: CohortSettings;
  readonly language?: string;
  readonly leaderboard?: CohortBoard;
  readonly excludeRoleId?: string | null;
  readonly createdBy: string;
}

/** A cohort's id and a number that changes whenever its row does. */
export interface CohortVersion {
  readonly id: number;
  readonly version: number;
}

export type CohortChanges = Partial<{
  name: string;
  channelId: string;
  /** Written only while the cohort is not ended (see cohortUpdate). */
  settings: CohortSettings;
  /**
   * The settings `settings` was built from (what the edit read): written only while the stored ones are still
   * those, so an edit never writes over another admin's change committed meanwhile (the write is refused
   * as a missing row, isRecordMissing, and the admin asked to try again).
   */
  settingsRead: CohortSettings;
  /** Written with `settings` (when Optional items were turned on mid-course, see Cohort.optionalFrom). */
  optionalFrom: string | null;
  channelProblem: ChannelProblem | null;
  language: string;
  leaderboard: CohortBoard;
  excludeRoleId: string | null;
}>;

/**
 * What an edit flags for the scheduler in its own transaction, at `at`: the live weekly board (`live`, edited next)
 * and the boards already posted (`posted`, redrawn as the board setting shows members now). In the row's
 * transaction, so a process stopped after the commit cannot leave the boards unflagged.
 */
export interface BoardRedraws {
  readonly live: boolean;
  /** The live board's edit comes at the next tick, not a minute after its last (markLiveBoardsDirty's `atOnce`). */
  readonly liveAtOnce: boolean;
  readonly posted: boolean;
  readonly at: Date;
}

/** The statements of `redraws`, after the cohort's row (the lock order: the cohort, then its posts). */
export function boardRedrawWrites(prisma: Prisma.TransactionClient, cohortId: number, redraws: BoardRedraws | undefined) {
  if (redraws === undefined) return [];
  return [
    ...(redraws.live ? [markLiveBoardsDirty(prisma, { cohortId }, redraws.at, { atOnce: redraws.liveAtOnce })] : []),
    ...(redraws.posted ? [flagCohortPostedBoards(prisma, { cohortId }, redraws.at)] : []),
  ];
}

/** A cohort row with its break weeks, ascending (`breaksOf` reads them for many rows at once). */
export type CohortRowWithBreaks = CohortRow & { readonly breaks: readonly { readonly week: number }[] };

/** What a Prisma `include` needs to read a cohort's break weeks along with it. */
export const includeBreaks = { breaks: { select: { week: true }, orderBy: { week: "asc" } } } as const;

export function toCohort(row: CohortRowWithBreaks): Cohort {
  return {
    id: row.id,
    guildId: row.guildId,
    channelId: row.channelId,
    name: row.name,
    curriculumId: row.curriculumId,
    status: row.status as CohortStatus,
    endedAt: row.endedAt,
    optionalFrom: row.optionalFrom,
    // A sentence stored by an older version reads as the generic problem (the migration converts existing rows).
    channelProblem:
      row.channelProblem === null ? null : isChannelProblem(row.channelProblem) ? row.channelProblem : ChannelProblem.NoPermission,
    language: row.language,
    leaderboard: isCohortBoard(row.leaderboard) ? row.leaderboard : CohortBoard.Names,
    excludeRoleId: row.excludeRoleId,
    exclusionsCheckedAt: row.exclusionsCheckedAt,
    finalBoardKept: row.finalBoard !== null,
    courseWeeks: row.courseWeeks,
    createdAt: row.createdAt,
    breakWeeks: row.breaks.map((entry) => entry.week),
    settings: {
      startDate: row.startDate,
      timeZone: row.timeZone,
      studyDays: row.studyDays
        .split(",")
        .map(Number)
        .filter((day) => day >= 1 && day <= 7),
      includeOptional: row.includeOptional,
      announceDay: row.announceDay,
      announceTime: row.announceTime,
      checkpointTime: row.checkpointTime,
      // Kept as stored: an unknown rule refuses only this cohort's plan (planRuleOf), never the listing.
      planRule: row.planRule,
    },
  };
}

function settingsColumns(settings: CohortSettings) {
  return {
    startDate: settings.startDate,
    timeZone: settings.timeZone,
    studyDays: settings.studyDays.join(","),
    includeOptional: settings.includeOptional,
    announceDay: settings.announceDay,
    announceTime: settings.announceTime,
    checkpointTime: settings.checkpointTime,
    planRule: settings.planRule,
  };
}

/**
 * The cohort's row updated with `changes` (read back with its break weeks). Returns the unsent statement,
 * so a caller can put it in the same transaction as what goes with the change (ReminderRepository's zone
 * marks); a new name another cohort of the guild has fails it with a unique violation (isUniqueViolation).
 * New settings are written only while the cohort is neither ended (an ended cohort's schedule stands) nor
 * finished (its course summed up): one that ended, or whose closing post finished it, since it was read fails
 * the statement as a missing row (isRecordMissing), and nothing is written.
 */
export function cohortUpdate(prisma: Prisma.TransactionClient, cohortId: number, changes: CohortChanges) {
  const where =
    changes.settings === undefined
      ? { id: cohortId }
      : {
          id: cohortId,
          status: { notIn: [CohortStatus.Ended, CohortStatus.Finished] },
          ...(changes.settingsRead === undefined ? {} : editableSettingsColumns(changes.settingsRead)),
        };
  return prisma.cohort.update({ where, include: includeBreaks, data: cohortUpdateData(changes) });
}

/** The settings columns `/cohort edit` changes, as read (study days and checkpoint time are no option of any command). */
function editableSettingsColumns(settings: CohortSettings) {
  return {
    startDate: settings.startDate,
    timeZone: settings.timeZone,
    includeOptional: settings.includeOptional,
    announceDay: settings.announceDay,
    announceTime: settings.announceTime,
  };
}

/** What refolding a cohort's name key reads of its row. */
interface NameKeyRow {
  readonly id: number;
  readonly guildId: string;
  readonly name: string;
  readonly nameKey: string;
}

/** The migration's clash suffix on the row's key (a line break and the row's own id at its end), or "". */
function clashSuffix(row: NameKeyRow): string {
  // Exactly that: a legacy name may itself hold a line break.
  const suffix = `\n${row.id}`;
  return row.nameKey.endsWith(suffix) ? suffix : "";
}

/** The row's key folded as the bot folds names; a clash suffix is kept as it is. */
function refoldedKey(row: NameKeyRow): string {
  return cohortNameKey(row.name) + clashSuffix(row);
}

/** Typed words namesInGuild filters by: Discord sends at most 100 characters; more words only narrow it further. */
const maxWordsFiltered = 16;

export class CohortRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly provider: DatabaseTarget["provider"],
    // The process's one write queue: on SQLite a transaction must have the connection to itself (SerialWriteQueue).
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {}

  /**
   * Name keys as the bot folds them: the migration that added them used SQL lower() (ASCII letters only on
   * SQLite, the server's locale on PostgreSQL), so an old "Ñandú" kept its capital and a new "ñandú" passed
   * as a different name. One pass over the cohorts at start-up, `batch` rows a read; only rows whose key
   * differs are written (none after the first pass). A key with the migration's clash suffix (a line break
   * and the id) is folded before it and keeps it, so `listByNameKey` finds it in any capitals. A plain key
   * another cohort of the server already has gets that suffix too. Returns how many keys changed.
   */
  async refoldNameKeys(batch = 500): Promise<number> {
    let changed = 0;
    let after = 0;
    for (;;) {
      const rows = await this.prisma.cohort.findMany({
        where: { id: { gt: after } },
        orderBy: { id: "asc" },
        take: batch,
        select: { id: true, guildId: true, name: true, nameKey: true },
      });
      const last = rows.at(-1);
      if (last === undefined) return changed;
      after = last.id;
      for (const row of rows) {
        if (row.nameKey === refoldedKey(row)) continue;
        if (await this.refoldNameKey(row)) changed += 1;
      }
    }
  }

  private async refoldNameKey(row: NameKeyRow): Promise<boolean> {
    let nameKey = refoldedKey(row);
    if (clashSuffix(row) === "") {
      const holder = await this.prisma.cohort.findUnique({ where: { guildId_nameKey: { guildId: row.guildId, nameKey } } });
      if (holder !== null) nameKey = `${nameKey}\n${row.id}`;
    }
    try {
      // Only the row as read: a cohort another process renamed or deleted meanwhile is left as that process left it.
      const result = await this.writes.run(() =>
        this.prisma.cohort.updateMany({
          where: { id: row.id, name: row.name, nameKey: row.nameKey },
          data: { nameKey },
        }),
      );
      return result.count === 1;
    } catch (error) {
      // Another process starting at the same moment took that key: the next start folds it.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Returns null when the guild already has a cohort of that name, in any capitals (its unique name key). */
  async create(input: NewCohort): Promise<Cohort | null> {
    const nameKey = cohortNameKey(input.name);
    const clash = await this.prisma.cohort.findUnique({ where: { guildId_nameKey: { guildId: input.guildId, nameKey } } });
    if (clash !== null) return null;
    try {
      const row = await this.writes.run(() =>
        this.prisma.cohort.create({
          include: includeBreaks,
          data: {
            guildId: input.guildId,
            channelId: input.channelId,
            name: input.name,
            nameKey,
            curriculumId: input.curriculumId,
            createdBy: input.createdBy,
            ...(input.language === undefined ? {} : { language: input.language }),
            ...(input.leaderboard === undefined ? {} : { leaderboard: input.leaderboard }),
            ...(input.excludeRoleId === undefined ? {} : { excludeRoleId: input.excludeRoleId }),
            ...settingsColumns(input.settings),
          },
        }),
      );
      return toCohort(row);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async findInGuild(guildId: string, cohortId: number): Promise<Cohort | null> {
    const row = await this.prisma.cohort.findFirst({ where: { id: cohortId, guildId }, include: includeBreaks });
    return row === null ? null : toCohort(row);
  }

  async findById(cohortId: number): Promise<Cohort | null> {
    const row = await this.prisma.cohort.findUnique({ where: { id: cohortId }, include: includeBreaks });
    return row === null ? null : toCohort(row);
  }

  async findByName(guildId: string, name: string): Promise<Cohort | null> {
    const row = await this.prisma.cohort.findUnique({ where: { guildId_name: { guildId, name } }, include: includeBreaks });
    return row === null ? null : toCohort(row);
  }

  /**
   * The guild's cohorts whose names fold as `name` does (cohortNameKey), by id, at most `limit`: the holder of
   * the plain key and those alike from before that key, whose keys carry the migration's clash suffix (a line
   * break and the id). Two are enough to tell one from several; a caller listing them asks for more. Reads the guild's part of the key's index.
   */
  async listByNameKey(guildId: string, name: string, limit = 2): Promise<Cohort[]> {
    const nameKey = cohortNameKey(name);
    const suffixed = `${nameKey}\n`;
    // substr, not LIKE (Prisma's startsWith): LIKE reads _, % and (on PostgreSQL) \ in a name as patterns,
    // and ignores ASCII capitals on SQLite. Both count characters (code points), as Array.from does.
    const keys = await this.prisma.$queryRaw<{ id: number | bigint }[]>`
      SELECT "id" FROM "Cohort"
      WHERE "guildId" = ${guildId} AND ("nameKey" = ${nameKey} OR substr("nameKey", 1, CAST(${Array.from(suffixed).length} AS INTEGER)) = ${suffixed})
      ORDER BY "id" LIMIT ${limit}`;
    const ids = keys.map((row) => Number(row.id));
    if (ids.length === 0) return [];
    const rows = await this.prisma.cohort.findMany({
      where: { id: { in: ids } },
      orderBy: { id: "asc" },
      include: includeBreaks,
    });
    return rows.map(toCohort);
  }

  /**
   * Cohorts of any guild with this name in any capitals (cohortNameKey), for tools without a guild such as the
   * simulate CLI. The key's index starts with the guild, so this scans the names (ids and names only; the rest
   * is read for the matches), and folds them itself: two cohorts alike from before the key are both found.
   */
  async listByNameAnywhere(name: string): Promise<Cohort[]> {
    const wanted = cohortNameKey(name.trim());
    const names = await this.prisma.cohort.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } });
    const ids = names.filter((row) => cohortNameKey(row.name) === wanted).map((row) => row.id);
    const rows = await findInChunks(ids, (chunk) => this.prisma.cohort.findMany({ where: { id: { in: chunk } }, orderBy: { id: "asc" } }));
    return (await this.withBreaks(rows)).map(toCohort);
  }

  async listInGuild(guildId: string): Promise<Cohort[]> {
    const rows = await this.prisma.cohort.findMany({ where: { guildId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    return (await this.withBreaks(rows)).map(toCohort);
  }

  /**
   * Ids and names of the guild's cohorts (only those `userId` is an active member of, when given), the `limit` newest
   * of those that may hold every one of `words` (lower case, accents dropped: matchScore's reading): a name of printable
   * ASCII only when it holds each, in any capitals; any other name always (its accents and hidden characters are not
   * folded in SQL, so matchScore decides). So an old cohort is found by typing part of its name, however many newer
   * there are. At most `maxWordsFiltered` words bound, whatever was typed.
   */
  async namesInGuild(guildId: string, limit: number, words: readonly string[], userId?: string): Promise<{ id: number; name: string }[]> {
    const sqlite = this.provider === "sqlite";
    const member =
      userId === undefined
        ? Prisma.empty
        : Prisma.sql`AND EXISTS (SELECT 1 FROM "Member" m WHERE m."cohortId" = c."id" AND m."userId" = ${userId} AND m."leftAt" IS NULL)`;
    // lower() folds A-Z alike on both databases: all an ASCII name needs.
    const holds = (word: string) =>
      sqlite ? Prisma.sql`instr(lower(c."name"), ${word}) > 0` : Prisma.sql`strpos(lower(c."name"), ${word}) > 0`;
    const notAscii = sqlite ? Prisma.sql`c."name" GLOB '*[^ -~]*'` : Prisma.sql`c."name" ~ '[^ -~]'`;
    const bound = words.slice(0, maxWordsFiltered);
    const matching = bound.length === 0 ? Prisma.empty : Prisma.sql`AND (${notAscii} OR (${Prisma.join(bound.map(holds), " AND ")}))`;
    const rows = await this.prisma.$queryRaw<{ id: number | bigint; name: string }[]>`
      SELECT c."id", c."name" FROM "Cohort" c WHERE c."guildId" = ${guildId} ${member} ${matching}
      ORDER BY c."id" DESC LIMIT ${limit}`;
    return rows.map((row) => ({ id: Number(row.id), name: row.name }));
  }

  /** Cohorts the user is an active member of, in this guild. */
  async listJoined(guildId: string, userId: string): Promise<Cohort[]> {
    const rows = await this.prisma.cohort.findMany({
      where: { guildId, members: { some: { userId, leftAt: null } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return (await this.withBreaks(rows)).map(toCohort);
  }

  /** Cohorts the scheduler looks after (every guild, or only `guildIds` for a shard). */
  async listSchedulable(guildIds?: readonly string[]): Promise<Cohort[]> {
    const status = { in: [CohortStatus.Active, CohortStatus.Ended] };
    const rows =
      guildIds === undefined
        ? await this.prisma.cohort.findMany({ where: { status }, orderBy: { id: "asc" } })
        : // A shard holds up to 2,500 guilds: their ids go in slices.
          (
            await findInChunks(guildIds, (chunk) =>
              this.prisma.cohort.findMany({ where: { status, guildId: { in: chunk } }, orderBy: { id: "asc" } }),
            )
          ).sort((a, b) => a.id - b.id);
    return (await this.withBreaks(rows)).map(toCohort);
  }

  /**
   * listSchedulable's ids with a version that changes whenever the row does (its updatedAt), so the
   * scheduler reads again only the cohorts that changed: two small columns per cohort and tick. Those of
   * `departed` servers (departedGuilds, which the scheduler reads once a tick) are left out.
   */
  async listSchedulableVersions(departed: ReadonlySet<string>, guildIds?: readonly string[]): Promise<CohortVersion[]> {
    const status = { in: [CohortStatus.Active, CohortStatus.Ended] };
    const select = { id: true, updatedAt: true, guildId: true } as const;
    const rows =
      guildIds === undefined
        ? await this.prisma.cohort.findMany({ where: { status }, select, orderBy: { id: "asc" } })
        : (
            await findInChunks(guildIds, (chunk) =>
              this.prisma.cohort.findMany({ where: { status, guildId: { in: chunk } }, select, orderBy: { id: "asc" } }),
            )
          ).sort((a, b) => a.id - b.id);
    return rows.filter((row) => !departed.has(row.guildId)).map((row) => ({ id: row.id, version: row.updatedAt.getTime() }));
  }

  /**
   * Servers the bot was removed from (their data waits for deletion): nothing is posted there or DMed on their
   * cohorts' behalf until the bot comes back. A few rows (removals of the last 30 days). The reminder read
   * leaves them out in its own statement (ReminderRepository.membersWithReminders).
   */
  async departedGuilds(): Promise<ReadonlySet<string>> {
    const rows = await this.prisma.guildDeparture.findMany({ select: { guildId: true } });
    return new Set(rows.map((row) => row.guildId));
  }

  /**
   * These cohorts, those finished, with their breaks: the cohorts of the few members who may finish late
   * that the reminder read matched (ReminderRepository.membersWithReminders, which already leaves out the
   * servers the bot left).
   */
  async listFinishedByIds(ids: readonly number[]): Promise<Cohort[]> {
    if (ids.length === 0) return [];
    const rows = await findInChunks(ids, (chunk) =>
      this.prisma.cohort.findMany({ where: { id: { in: chunk }, status: CohortStatus.Finished }, include: includeBreaks }),
    );
    return rows.map(toCohort);
  }

  /**
   * Clears the channel flag of finished cohorts with no final board edit due any more: none of their boards is live
   * or ended after `endedAfter` (the final-edit window's start) and not final, or claimed for an edit with such an
   * end. Nothing else checks a finished cohort's channel again, so a flag its last final edit's refusal set would
   * stay for good and hold back its posted boards' redraws. Finished cohorts pile up for good: the flagged ones are
   * sought in the [status, channelProblem] index, any flag being `>= ''` (SQLite seeks no `IS NOT NULL`), never every
   * finished cohort's row, each one's boards by its posts' unique key. No audit line: the channel was not found usable, nothing
   * waits on it any more. Returns how many were cleared.
   */
  async clearFinishedFlags(endedAfter: Date): Promise<number> {
    const { count } = await this.writes.run(() =>
      this.prisma.cohort.updateMany({
        where: {
          status: CohortStatus.Finished,
          channelProblem: { gte: "" },
          posts: { none: { OR: [{ boardLiveUntil: { gt: endedAfter } }, { boardClaimedEnd: { gt: endedAfter } }] } },
        },
        data: { channelProblem: null },
      }),
    );
    return count;
  }

  /** These cohorts (those that exist) with their versions (see listSchedulableVersions). */
  async listVersionedByIds(ids: readonly number[]): Promise<{ cohort: Cohort; version: number }[]> {
    const rows = await findInChunks(ids, (chunk) => this.prisma.cohort.findMany({ where: { id: { in: chunk } }, include: includeBreaks }));
    return rows.map((row) => ({ cohort: toCohort(row), version: row.updatedAt.getTime() }));
  }

  /**
   * Returns null, and writes nothing, when a new name is another cohort's of the guild in any capitals (its
   * unique name key), or new settings meet a cohort ended or finished meanwhile (cohortUpdate). `line`, the
   * admin's audit line of the change, and the board flags of `redraws`, are written in the same transaction (none
   * when nothing is written).
   */
  async update(cohortId: number, changes: CohortChanges, line?: NewAuditEntry, redraws?: BoardRedraws): Promise<Cohort | null> {
    try {
      const row = await this.writes.run(async () =>
        line === undefined && redraws === undefined
          ? cohortUpdate(this.prisma, cohortId, changes)
          : (
              await this.prisma.$transaction([
                cohortUpdate(this.prisma, cohortId, changes),
                ...auditLineWrites(this.prisma, line),
                ...boardRedrawWrites(this.prisma, cohortId, redraws),
              ])
            )[0],
      );
      return toCohort(row);
    } catch (error) {
      if (isEditRefused(error)) return null;
      throw error;
    }
  }

  /**
   * Pauses or resumes: moves the cohort from `from` to `to` only while it is still `from` (one conditional
   * queued write), so a pause or resume that read the cohort before another admin ended it never un-ends it.
   * Returns the cohort, or null when its status was no longer `from` (or it is gone) and nothing was written.
   * The admin's audit `line` is written in the same transaction, only when the status moved: a tick never
   * sees a resumed cohort without the resume the scheduler reads (the closing post it lets out).
   */
  async setStatus(cohortId: number, from: RunningStatus, to: RunningStatus, line: NewAuditEntry): Promise<Cohort | null> {
    const moved = await this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        const { count } = await tx.cohort.updateMany({ where: { id: cohortId, status: from }, data: { status: to } });
        if (count > 0) await auditEntryCreate(tx, line);
        return count > 0;
      }),
    );
    return moved ? this.findById(cohortId) : null;
  }

  /**
   * The bot may post in the cohort's channel again: its flag cleared, once (of two processes that found it
   * at the same moment, one clears it), with the bot's own audit line in the same transaction, which the
   * scheduler reads as the moment the closing post that waited on the channel became due again
   * (AuditLog.postTimeChanges): whichever process sends it, and however many tries it takes. True when this
   * call cleared it.
   */
  async clearChannelProblem(cohort: Pick<Cohort, "id" | "guildId">, now: Date): Promise<boolean> {
    return this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        const flagged = await tx.cohort.findFirst({
          where: { id: cohort.id, channelProblem: { not: null } },
          select: { channelProblem: true },
        });
        if (flagged === null) return false;
        const { count } = await tx.cohort.updateMany({
          where: { id: cohort.id, channelProblem: flagged.channelProblem },
          data: { channelProblem: null },
        });
        if (count === 0) return false;
        await auditEntryCreate(tx, {
          guildId: cohort.guildId,
          cohortId: cohort.id,
          actorId: "",
          action: AuditAction.ChannelUsable,
          subjectUserId: null,
          before: { channelProblem: flagged.channelProblem },
          after: null,
          createdAt: now,
        });
        return true;
      }),
    );
  }

  /**
   * Ends the cohort at `now` when its status is still `from` (active or paused, as the caller read it), once:
   * one conditional write, so of two admins (or processes) ending it at the same moment exactly one wins, and
   * the caller knows the status it ended from. The same transaction ends the cohort's live boards still
   * live then: the scheduler gives them their final edit a minute later (LiveBoardRepository.listEnded), not at
   * their week's end. Returns the ended cohort, or null when this call did not end it (its status is no longer
   * `from`: ended, finished, paused or resumed meanwhile; or it is gone).
   */
  async end(cohortId: number, from: RunningStatus, now: Date): Promise<Cohort | null> {
    const [ended] = await this.writes.run(() =>
      this.prisma.$transaction([
        this.prisma.cohort.updateMany({
          where: { id: cohortId, status: from },
          data: { status: CohortStatus.Ended, endedAt: now },
        }),
        // Only when this end won: the loser's `now` must not move the winner's boards.
        ...endLiveBoardsAt(this.prisma, cohortId, now, { endedAt: now }),
      ]),
    );
    return ended.count === 0 ? null : this.findById(cohortId);
  }

  /**
   * `update` and a start-date or zone edit's changes to the weekly post rows, in one transaction: a tick
   * never sees the new settings with the old rows (it would announce a week again) or the other way round.
   */
  async updateWithWeekPosts(
    cohortId: number,
    changes: CohortChanges,
    weekPosts: WeekPostChanges,
    line?: NewAuditEntry,
    redraws?: BoardRedraws,
  ): Promise<Cohort | null> {
    try {
      const [row] = await this.writes.run(() =>
        this.prisma.$transaction([
          cohortUpdate(this.prisma, cohortId, changes),
          ...weekPostChangeWrites(this.prisma, weekPosts),
          ...auditLineWrites(this.prisma, line),
          // After the week posts' changes: a board they end or take back is flagged as it is left.
          ...boardRedrawWrites(this.prisma, cohortId, redraws),
        ]),
      );
      return toCohort(row);
    } catch (error) {
      if (isEditRefused(error)) return null;
      throw error;
    }
  }

  /** The exclude_roles the guild's cohorts have (distinct; usually none). */
  async excludeRoleIds(guildId: string): Promise<string[]> {
    const rows = await this.prisma.cohort.findMany({
      where: { guildId, excludeRoleId: { not: null } },
      select: { excludeRoleId: true },
      distinct: ["excludeRoleId"],
    });
    return rows.flatMap((row) => (row.excludeRoleId === null ? [] : [row.excludeRoleId]));
  }

  /**
   * Takes the cohort's next listing of its exclude_role when the last one began before `staleBefore`
   * (null: whatever its age, for the listing of a role just set): one conditional write (compare-and-set
   * on the row as read, the role included), so of the processes and interactions that find the marks
   * stale at once, exactly one lists the role. Returns the role claimed for (what to list, and what
   * the marks may be written for), or null when not claimed. The time is taken before listing, so a
   * listing Discord refuses is not asked for again until the marks are stale again.
   */
  async claimExclusionRefresh(cohortId: number, now: Date, staleBefore: Date | null): Promise<string | null> {
    const row = await this.prisma.cohort.findUnique({
      where: { id: cohortId },
      select: { updatedAt: true, exclusionsCheckedAt: true, excludeRoleId: true },
    });
    if (row === null || row.excludeRoleId === null) return null;
    if (staleBefore !== null && row.exclusionsCheckedAt !== null && row.exclusionsCheckedAt >= staleBefore) return null;
    // updatedAt is written back unchanged: it is the scheduler's version of the cohort's settings
    // (listSchedulableVersions), and a listing every five minutes changes none of them.
    const { count } = await this.writes.run(() =>
      this.prisma.cohort.updateMany({
        where: { id: cohortId, updatedAt: row.updatedAt, exclusionsCheckedAt: row.exclusionsCheckedAt, excludeRoleId: row.excludeRoleId },
        data: { exclusionsCheckedAt: now, updatedAt: row.updatedAt },
      }),
    );
    return count > 0 ? row.excludeRoleId : null;
  }

  /** Gives back a claim taken at `claimedAt` whose listing was refused: the next board lists again. */
  async releaseExclusionClaim(cohortId: number, claimedAt: Date): Promise<void> {
    const row = await this.prisma.cohort.findUnique({ where: { id: cohortId }, select: { updatedAt: true } });
    if (row === null) return;
    await this.writes.run(() =>
      this.prisma.cohort.updateMany({
        where: { id: cohortId, exclusionsCheckedAt: claimedAt, updatedAt: row.updatedAt },
        data: { exclusionsCheckedAt: null, updatedAt: row.updatedAt },
      }),
    );
  }

  /**
   * Adds (`undo` false) or removes a break week; false when there was nothing to change, null when the cohort
   * is no longer running (ended or finished since it was read, or gone): nothing written either way. One queued
   * transaction: a break moves every later post, so the cohort's row gets a new version (updatedAt) with it,
   * and a running scheduler reads the cohort again; never the break without the version or the other way round.
   * Stored breaks not in effect for `curriculumWeeks` (past the course once an earlier break is undone) are
   * deleted with it, before and after the change: what the admin is shown is what is stored, and no hidden
   * break comes back when a later break lengthens the course again.
   */
  async setBreak(cohortId: number, week: number, undo: boolean, curriculumWeeks: number): Promise<boolean | null> {
    const dropIneffective = async (tx: Prisma.TransactionClient): Promise<void> => {
      const stored = (await tx.cohortBreak.findMany({ where: { cohortId }, select: { week: true } })).map((row) => row.week);
      const inEffect = effectiveBreakWeeks(curriculumWeeks, stored);
      if (inEffect.length < stored.length) await tx.cohortBreak.deleteMany({ where: { cohortId, week: { notIn: inEffect } } });
    };
    try {
      return await this.writes.run(() =>
        this.prisma.$transaction(async (tx) => {
          // The cohort's row first (lockCohortRows): two admins' changes at once on PostgreSQL run one after the
          // other, so one's clean-up never reads the breaks before the other's commit and deletes its new row.
          for (const lock of lockCohortRows(tx, this.provider, { cohortId })) await lock;
          await dropIneffective(tx);
          if (undo) {
            if ((await tx.cohortBreak.deleteMany({ where: { cohortId, week } })).count === 0) return false;
          } else await tx.cohortBreak.create({ data: { cohortId, week } });
          await dropIneffective(tx);
          // Only while running: on PostgreSQL this waits for an end committing meanwhile, then sees it.
          const { count } = await tx.cohort.updateMany({
            where: { id: cohortId, status: { in: [CohortStatus.Active, CohortStatus.Paused] } },
            data: { updatedAt: new Date() },
          });
          if (count === 0) throw new CohortNotRunning();
          return true;
        }),
      );
    } catch (error) {
      // The week is a break already (added meanwhile, or twice): nothing changed, the transaction rolled back.
      if (isUniqueViolation(error)) return false;
      if (error instanceof CohortNotRunning) return null;
      throw error;
    }
  }

  /**
   * Keeps the final board (JSON, as the closing post shows it) and every
   * member's points at this moment, once: the first caller's board stays.
   * Each member's `finalRanked` says whether they took a place on it, so own
   * ranks on the kept board count only those: every member its top lists
   * (`listed`, with their points as listed, though one hid, was excluded or
   * left since the board was read), and below its top the ranking's rule
   * (CompletionRepository.standing: active, not hidden, not excluded).
   * A member whose data was deleted since the board was read (`/privacy
   * delete`) is taken off it as their deletion takes them off a board kept
   * before it: their line, if the top lists them, and one ranked member fewer,
   * listed or ranked below the top (boardAsKept). Points logged after the
   * course's last calendar week (`lastWeek`) are not kept: late reading
   * changes no board (StudyService.courseBoardOf). Returns the stored board
   * (this one, so trimmed, or an earlier one): what the closing post shows.
   */
  async saveFinalBoard(
    cohortId: number,
    finalBoard: string,
    listed: readonly { readonly memberId: number; readonly points: number }[],
    lastWeek: number,
  ): Promise<string> {
    const listedIds = listed.map((entry) => entry.memberId);
    const isListed = listed.length === 0 ? Prisma.sql`1 = 0` : Prisma.sql`"id" IN (${Prisma.join(listedIds)})`;
    const listedPoints =
      listed.length === 0
        ? Prisma.sql`NULL`
        : Prisma.sql`CASE ${Prisma.join(
            listed.map((entry) => Prisma.sql`WHEN "id" = ${entry.memberId} THEN CAST(${entry.points} AS INTEGER)`),
            " ",
          )} END`;
    // Queued: on SQLite a transaction must have the connection to itself (SerialWriteQueue).
    await this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        // The cohort's row first, then its members' (the one lock order, lockCohortRows; ReminderRepository.setReminderSkipping
        // and MemberRepository.markExcluded take them so on PostgreSQL): no deadlock with a /remind or a deletion meanwhile,
        // and a deletion in flight has committed once it is taken. On SQLite the members' update below is the first
        // statement, a write, which takes the file's lock: no deletion comes between it and the commit.
        for (const lock of lockCohortRows(tx, this.provider, { cohortId })) await lock;
        await tx.$executeRaw`UPDATE "Member" SET "finalPoints" = CASE WHEN ${isListed} THEN ${listedPoints}
            WHEN "leftAt" IS NULL THEN "points" - COALESCE((SELECT SUM(w."points") FROM "WeeklyScore" w
              WHERE w."memberId" = "Member"."id" AND w."weekNumber" > ${lastWeek}), 0) ELSE NULL END,
          "finalRanked" = CASE WHEN ${isListed}
            OR ("leftAt" IS NULL AND "boardVisibility" <> ${BoardVisibility.Hidden} AND "excluded" = false)
            THEN true ELSE false END
        WHERE "cohortId" = ${cohortId} AND EXISTS (SELECT 1 FROM "Cohort" WHERE "id" = ${cohortId} AND "finalBoard" IS NULL)`;
        const present = await this.presentMembers(tx, cohortId, listedIds);
        const { ranked } = await finalRankedCount(tx, cohortId, null);
        await tx.cohort.updateMany({
          where: { id: cohortId, finalBoard: null },
          data: { finalBoard: boardAsKept(finalBoard, listedIds, present, ranked) },
        });
      }, longTransactionOptions),
    );
    return (await this.finalBoard(cohortId)) ?? finalBoard;
  }

  /** Which of these members of the cohort still have their row (the top ten of a board: one short read). */
  private async presentMembers(tx: Prisma.TransactionClient, cohortId: number, memberIds: readonly number[]): Promise<number[]> {
    if (memberIds.length === 0) return [];
    const rows = await tx.member.findMany({ where: { cohortId, id: { in: [...memberIds] } }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  /**
   * An active cohort becomes finished (after its closing post), keeping the `courseWeeks` of the course it
   * finished in the same update; false when it was not active. The same transaction clears the claims of its board
   * edits (LiveBoardRepository) that no tick can take any more: those of boards whose week ended at or before
   * `finalEditsAfter` (final edits are made within a day of the end). A finished cohort's boards get no live edit,
   * but their final edits still due are made (and a stale claim of one taken over: LiveBoardRepository.finishedWithEnded).
   * A board still live at `now` (a shorter curriculum ended the course in its week) ends then, as `end` ends them: its
   * final edit comes a minute later, not at its week's old end, and not a week no longer in the course later.
   */
  async markFinished(cohortId: number, courseWeeks: number, finalEditsAfter: Date, now?: Date): Promise<boolean> {
    const [updated] = await this.writes.run(() =>
      this.prisma.$transaction([
        this.prisma.cohort.updateMany({
          where: { id: cohortId, status: CohortStatus.Active },
          data: { status: CohortStatus.Finished, courseWeeks },
        }),
        this.prisma.scheduledPost.updateMany({
          where: {
            cohortId,
            boardClaimedEnd: { gt: new Date(0) },
            cohort: { status: CohortStatus.Finished },
            OR: [{ boardLiveUntil: { lte: finalEditsAfter } }, { boardLiveUntil: null, boardClaimedEnd: { lte: finalEditsAfter } }],
          },
          data: { boardClaimedEnd: null },
        }),
        ...(now === undefined ? [] : endLiveBoardsAt(this.prisma, cohortId, now, { status: CohortStatus.Finished })),
      ]),
    );
    return updated.count > 0;
  }

  /**
   * A member's rank on the final board: how many of the members ranked on it
   * had more points when it was made, and how many were ranked (the same rule
   * as `standing`: hidden and excluded members took no place).
   */
  async finalStanding(cohortId: number, finalPoints: number): Promise<{ ahead: number; ranked: number }> {
    return finalRankedCount(this.prisma, cohortId, finalPoints);
  }

  /**
   * In one statement: how many members ranked on the kept final board (finalRankedCount's rule) had more than each
   * of `scores` kept, leaving out the members its top lists (`topIds`: their ranks are the board's own), and how many
   * it ranked with more than `above` points (0: all of them). One pass over those entries of (cohortId, finalRanked,
   * finalPoints, id): `above` just below the lowest score reads only the members ahead.
   */
  async finalStandings(
    cohortId: number,
    topIds: readonly number[],
    scores: readonly number[],
    above = 0,
  ): Promise<{ aheadBelowTop: number[]; ranked: number }> {
    const belowTop = topIds.length === 0 ? Prisma.sql`1 = 1` : Prisma.sql`"id" NOT IN (${Prisma.join([...topIds])})`;
    const sums = scores.map(
      (score, index) =>
        Prisma.sql`, SUM(CASE WHEN "finalPoints" > ${score} AND ${belowTop} THEN 1 ELSE 0 END) AS ${Prisma.raw(`"a${index}"`)}`,
    );
    const [row] = await this.prisma.$queryRaw<Record<string, bigint | number | null>[]>`
      SELECT COUNT(*) AS "ranked" ${sums.length === 0 ? Prisma.empty : Prisma.join(sums, " ")}
      FROM "Member" WHERE "cohortId" = ${cohortId} AND "finalRanked" = true AND "finalPoints" > ${Math.max(0, above)}`;
    return {
      aheadBelowTop: scores.map((_, index) => Number(row?.[`a${index}`] ?? 0)),
      ranked: Number(row?.["ranked"] ?? 0),
    };
  }

  /**
   * Members ranked on the kept final board below its top (not in `topIds`), with the points it kept, in board
   * order: points, then id (join order, fixed at the close: `pointsReachedAt` moves with late completions). The
   * `count.above` just above and `count.below` just below `anchor`, or (anchor null) the first `count.below`
   * below the top. Each side reads the anchor's equals first, then (when short) the other scores: every read is
   * one range of (cohortId, finalRanked, finalPoints desc, id) in its order, at most that many entries, no sort
   * (a range across the anchor's score would sort or walk its whole tie group: thousands on a quiet cohort).
   */
  async belowFinalTop(
    cohortId: number,
    topIds: readonly number[],
    anchor: { readonly memberId: number; readonly points: number } | null,
    count: { readonly above: number; readonly below: number },
  ): Promise<{ above: ScoreRow[]; below: ScoreRow[] }> {
    const read = this.finalBoardRange(cohortId, [...topIds, ...(anchor === null ? [] : [anchor.memberId])]);
    if (anchor === null) return { above: [], below: await read({ finalPoints: { gt: 0 } }, "down", count.below) };
    const { memberId, points } = anchor;
    const side = async (tied: Prisma.MemberWhereInput, beyond: Prisma.MemberWhereInput, direction: "up" | "down", take: number) => {
      const first = await read({ ...tied, finalPoints: points }, direction, take);
      return [...first, ...(await read(beyond, direction, take - first.length))];
    };
    const above = await side({ id: { lt: memberId } }, { finalPoints: { gt: points } }, "up", count.above);
    const below = points > 0 ? await side({ id: { gt: memberId } }, { finalPoints: { gt: 0, lt: points } }, "down", count.below) : [];
    return { above: above.reverse(), below };
  }

  /**
   * Reads `take` members ranked on the kept final board (not in `leftOutIds`, not excluded now) matching `range`, from its start:
   * "down" in board order, "up" against it.
   */
  private finalBoardRange(cohortId: number, leftOutIds: readonly number[]) {
    const select = { id: true, finalPoints: true, userId: true, displayName: true, boardVisibility: true, alias: true } as const;
    return async (range: Prisma.MemberWhereInput, direction: "up" | "down", take: number): Promise<ScoreRow[]> => {
      if (take <= 0) return [];
      const order = direction === "down" ? ({ points: "desc", id: "asc" } as const) : ({ points: "asc", id: "desc" } as const);
      const rows = await this.prisma.member.findMany({
        // Members excluded now are left off the kept board's lines (their places stay counted: ranks as posted).
        where: { cohortId, finalRanked: true, excluded: false, id: { notIn: [...leftOutIds] }, ...range },
        orderBy: [{ finalPoints: order.points }, { id: order.id }],
        take,
        select,
      });
      return rows.map(toFinalBoardRow);
    };
  }

  /** The final board stored when the cohort finished (JSON), or null. */
  async finalBoard(cohortId: number): Promise<string | null> {
    const row = await this.prisma.cohort.findUnique({ where: { id: cohortId }, select: { finalBoard: true } });
    return row?.finalBoard ?? null;
  }

  /** Rows with their break weeks, read in slices of cohort ids (one query per 500 cohorts). */
  private async withBreaks(rows: CohortRow[]): Promise<CohortRowWithBreaks[]> {
    if (rows.length === 0) return [];
    const breaks = await findInChunks(
      rows.map((row) => row.id),
      (chunk) => this.prisma.cohortBreak.findMany({ where: { cohortId: { in: chunk } }, select: { cohortId: true, week: true } }),
    );
    const weeksByCohort = new Map<number, { week: number }[]>();
    for (const entry of breaks) weeksByCohort.set(entry.cohortId, [...(weeksByCohort.get(entry.cohortId) ?? []), { week: entry.week }]);
    return rows.map((row) => ({ ...row, breaks: (weeksByCohort.get(row.id) ?? []).sort((a, b) => a.week - b.week) }));
  }
}

/** A member's line on the kept final board, with the points it kept (never null: only such members are read). */
function toFinalBoardRow(row: {
  id: number;
  finalPoints: number | null;
  userId: string;
  displayName: string;
  boardVisibility: string;
  alias: number | null;
}): ScoreRow {
  const { id, finalPoints, ...shown } = row;
  return { memberId: id, points: finalPoints ?? 0, reachedAt: new Date(0), ...shown };
}

/**
 * The members ranked on the cohort's final board (with points when it was kept, and a place on it), and how many
 * of them had more than `finalPoints` (0 for null): what own ranks count, and what the kept board says it ranked.
 */
async function finalRankedCount(
  client: Prisma.TransactionClient | PrismaClient,
  cohortId: number,
  finalPoints: number | null,
): Promise<{ ahead: number; ranked: number }> {
  const [row] = await client.$queryRaw<{ ahead: bigint | number | null; ranked: bigint | number }[]>`
    SELECT SUM(CASE WHEN "finalPoints" > ${finalPoints ?? 0} THEN 1 ELSE 0 END) AS "ahead", COUNT(*) AS "ranked"
    FROM "Member" WHERE "cohortId" = ${cohortId} AND "finalPoints" > 0 AND "finalRanked" = true`;
  return { ahead: Number(row?.ahead ?? 0), ranked: Number(row?.ranked ?? 0) };
}

/**
 * The board (JSON, as the closing post read it) as it is kept: without the lines of listed members no longer
 * `present` (deleted since the read), and saying it ranked no more members than `ranked` (the members the keeping
 * ranked: a member ranked below its top who was deleted since is one fewer), never fewer than it lists.
 * Anything that is not such a board is kept as it is.
 */
function boardAsKept(json: string, listed: readonly number[], present: readonly number[], ranked: number): string {
  // The read board listed them: each one gone is a ranked member fewer, and `ranked` caps the rest (the one parser).
  const gone = listed.filter((memberId) => !present.includes(memberId)).map((memberId) => ({ memberId, ranked: true }));
  return finalBoardWithout(json, gone, ranked) ?? json;
}

/** The audit line's statement, if there is a line, for a change's transaction. */
function auditLineWrites(prisma: Prisma.TransactionClient, line: NewAuditEntry | undefined) {
  return line === undefined ? [] : [auditEntryCreate(prisma, line)];
}

/** Rolls back a break's transaction whose cohort ended or finished meanwhile (setBreak). */
class CohortNotRunning extends Error {}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** An update's row was not there as its condition asked (gone, or ended or finished meanwhile: cohortUpdate). */
function isRecordMissing(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2025";
}

/** What refuses a cohort edit without anything written: a name taken (unique key) or a row no longer as asked. */
export function isEditRefused(error: unknown): boolean {
  return isUniqueViolation(error) || isRecordMissing(error);
}

/** The columns an update writes: only those it changes. */
function cohortUpdateData(changes: CohortChanges) {
  return {
    ...(changes.name === undefined ? {} : { name: changes.name, nameKey: cohortNameKey(changes.name) }),
    ...(changes.channelId === undefined ? {} : { channelId: changes.channelId }),
    ...(changes.channelProblem === undefined ? {} : { channelProblem: changes.channelProblem }),
    ...(changes.language === undefined ? {} : { language: changes.language }),
    ...(changes.leaderboard === undefined ? {} : { leaderboard: changes.leaderboard }),
    ...(changes.excludeRoleId === undefined ? {} : { excludeRoleId: changes.excludeRoleId }),
    ...(changes.settings === undefined ? {} : settingsColumns(changes.settings)),
    ...(changes.optionalFrom === undefined ? {} : { optionalFrom: changes.optionalFrom }),
  };
}

/**
 * The two writes that end the cohort's boards still live at `now` (their final edit then comes a minute later,
 * LiveBoardRepository.listEnded), when the cohort matches `cohortWhere` (the write that ended it won). A deleted
 * board's last edit is its week's end (LiveBoardRepository.holdDeleted): brought back to `now` too, or its final
 * edit would wait for the old end.
 */
function endLiveBoardsAt(prisma: PrismaClient, cohortId: number, now: Date, cohortWhere: Prisma.CohortWhereInput) {
  return [
    prisma.scheduledPost.updateMany({
      where: { cohortId, boardLiveUntil: { gt: now }, boardEditedAt: { gt: now }, cohort: cohortWhere },
      data: { boardEditedAt: now },
    }),
    prisma.scheduledPost.updateMany({
      where: { cohortId, boardLiveUntil: { gt: now }, cohort: cohortWhere },
      data: { boardLiveUntil: now },
    }),
  ];
}
