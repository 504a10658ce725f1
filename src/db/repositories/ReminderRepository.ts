import { CohortStatus, type Cohort, type MemberRecord } from "../../domain/cohort/cohortModel.js";
import { isValidTimeZone } from "../../domain/schedule/localTime.js";
import { ReminderStatus } from "../../domain/schedule/scheduledPostModel.js";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { chunksOf, findInChunks } from "../inChunks.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";
import { auditEntryCreate, type NewAuditEntry } from "./AuditRepository.js";
import { longTransactionOptions } from "./longTransactionOptions.js";
import {
  boardRedrawWrites,
  cohortUpdate,
  isEditRefused,
  isUniqueViolation,
  toCohort,
  type BoardRedraws,
  type CohortChanges,
} from "./CohortRepository.js";
import { memberColumnsOnly, memberOfRow, reminderUpdate, toMember, userLocaleUpdate, type ReminderSetting } from "./MemberRepository.js";
import type { DatabaseTarget } from "../parseDatabaseUrl.js";
import { weekPostChangeWrites } from "./weekPostChangeWrites.js";
import type { WeekPostChanges } from "../../domain/schedule/weekPostsAfterStartEdit.js";
import { MembershipGoneError } from "./MembershipGoneError.js";
import { writeForMember } from "./writeForMember.js";

export interface ReminderDeliveryRecord {
  readonly id: number;
  readonly memberId: number;
  readonly localDate: string;
  readonly status: ReminderStatus;
  readonly attempts: number;
  readonly claimedAt: Date;
}

const maxErrorLength = 500;

/** The most DM marks kept for one reminder (ReminderRepository.addSentMark). */
const maxSentMarks = 16;

/** A reminder row's stored marks (a JSON array of strings); none when absent or unreadable. */
function storedMarks(text: string | null): string[] {
  if (text === null) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
  } catch {
    return [];
  }
}

/**
 * A stale claim (its process stopped mid-send) or a failed try with attempts left: another attempt may take
 * it over (reclaim), or give it up (giveUp). reclaimableWhere is the same rule as a condition of the write.
 */
export function reminderReclaimable(delivery: ReminderDeliveryRecord, staleBefore: Date, maxAttempts: number): boolean {
  const open = delivery.status === ReminderStatus.Claimed || (delivery.status === ReminderStatus.Failed && delivery.attempts < maxAttempts);
  return open && delivery.claimedAt.getTime() < staleBefore.getTime();
}

function reclaimableWhere(id: number, staleBefore: Date, maxAttempts: number) {
  return {
    id,
    claimedAt: { lt: staleBefore },
    OR: [{ status: ReminderStatus.Claimed }, { status: ReminderStatus.Failed, attempts: { lt: maxAttempts } }],
  };
}

/** A member with a reminder, its reminder rows of the dates asked for, and its cohort's zone, read together. */
export interface MemberWithReminders {
  readonly member: MemberRecord;
  readonly deliveries: readonly ReminderDeliveryRecord[];
  /** The cohort's zone in the same statement: a zone move commits with the reminder days it marks. */
  readonly cohortTimeZone: string;
}

export interface ReminderRepositoryOptions {
  /**
   * Runs just before the scheduler's read of the members with reminders, after the tick read its cohorts:
   * a test commits a cohort zone move at that moment. Nothing in the bot sets it.
   */
  readonly beforeDueRead?: () => Promise<void>;
  /**
   * Runs once the scheduler's read of the members with reminders (and their rows) has returned, before
   * it acts on it: a test commits a `/remind` change at that moment. Nothing in the bot sets it.
   */
  readonly afterDueRead?: () => Promise<void>;
  /**
   * Runs when `/remind` has read the member and their cohort, just before its setting is stored: a test
   * commits a cohort zone move at that moment. Nothing in the bot sets it.
   */
  readonly beforeSettingWrite?: () => Promise<void>;
}

/**
 * Daily reminder DMs: one (member, local date) row each, unique, so a
 * reminder is claimed by one process and sent at most once a day; plus the
 * member's DM failure count that switches reminders off.
 */
export class ReminderRepository {
  /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly provider: DatabaseTarget["provider"],
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
    private readonly options: ReminderRepositoryOptions = {},
  ) {}

  /**
   * Active members of active cohorts (of these guilds: a shard's) who set a reminder time, each with its
   * reminder rows of `localDates`, read in ONE statement (per 500 guilds of a shard; a member is in one
   * slice): a `/remind` change commits its setting and the days it starts after together, and a tick that
   * read them in two statements could see the old time without the days it started after, and send it.
   * One statement reads one moment on both databases. Filtered by the cohort's status in the same
   * statement, whatever the number of cohorts. The cohort's zone too: a zone move commits with the days it
   * marks, and the tick's earlier read of the cohort may hold the zone before it. With `finishedSince`, also
   * the members of cohorts finished (their closing post sent) at or after it who changed their own plan
   * (`/pace`: any adjustment row; `reset` deletes them), so may finish late: each is then reminded by their
   * own plan's end (ReminderService.ownCourseOver). Not those of servers the bot left (GuildDeparture, a few
   * rows keyed by guild: one anti-join, no parameter per guild).
   */
  async membersWithReminders(
    localDates: readonly string[],
    guildIds?: readonly string[],
    finishedSince?: Date,
  ): Promise<MemberWithReminders[]> {
    const finished =
      finishedSince === undefined
        ? Prisma.empty
        : // Finished when its closing post went out (or was given up): that row is settled once and not written
          // again, where the cohort's own row moves with any later write (a rename, a final board redrawn).
          Prisma.sql`OR (c."status" = ${CohortStatus.Finished}
            AND EXISTS (SELECT 1 FROM "ScheduledPost" p WHERE p."cohortId" = c."id" AND p."kind" = 'closing'
              AND COALESCE(p."sentAt", p."claimedAt", p."dueAt") >= ${finishedSince})
            AND EXISTS (SELECT 1 FROM "MemberAdjustment" a WHERE a."memberId" = m."id"))`;
    const read = (guilds: readonly string[] | null) => this.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT ${Prisma.raw(memberColumnsOnly)}, c."timeZone" AS "c_timeZone", d."id" AS "d_id", d."localDate" AS "d_localDate", d."status" AS "d_status",
        d."attempts" AS "d_attempts", d."claimedAt" AS "d_claimedAt"
      FROM "Member" m
      JOIN "Cohort" c ON c."id" = m."cohortId"
      LEFT JOIN "ReminderDelivery" d ON d."memberId" = m."id" AND d."localDate" IN (${Prisma.join([...new Set(localDates)])})
      WHERE m."leftAt" IS NULL AND m."remindTime" IS NOT NULL AND (c."status" = ${CohortStatus.Active} ${finished})
        AND NOT EXISTS (SELECT 1 FROM "GuildDeparture" g WHERE g."guildId" = c."guildId")
        ${guilds === null ? Prisma.empty : Prisma.sql`AND c."guildId" IN (${Prisma.join(guilds)})`}
      ORDER BY m."id"`;
    await this.options.beforeDueRead?.();
    const rows = guildIds === undefined ? await read(null) : await findInChunks(guildIds, (chunk) => read(chunk));
    await this.options.afterDueRead?.();
    return membersWithTheirRows(rows);
  }

  async deliveriesFor(memberIds: readonly number[], localDates: readonly string[]): Promise<ReminderDeliveryRecord[]> {
    if (memberIds.length === 0) return [];
    // A member's local date is one of at most three (time zones span ±14 hours), so only the member ids need slicing.
    const dates = [...new Set(localDates)];
    const rows = await findInChunks(memberIds, (chunk) =>
      this.prisma.reminderDelivery.findMany({
        where: { memberId: { in: chunk }, localDate: { in: dates } },
        select: { id: true, memberId: true, localDate: true, status: true, attempts: true, claimedAt: true },
      }),
    );
    return rows.map((row) => ({ ...row, status: row.status as ReminderStatus }));
  }

  /**
   * One insert; null when the reminder of that day is already someone's. `sentMark`: what the DM this claim
   * is about to send is recognised by (stored with the claim: see addSentMark).
   */
  async claim(memberId: number, localDate: string, now: Date, sentMark?: string): Promise<number | null> {
    try {
      const row = await this.writes.run(() =>
        this.prisma.reminderDelivery.create({
          data: {
            memberId,
            localDate,
            status: ReminderStatus.Claimed,
            claimedAt: now,
            sentMarks: sentMark === undefined ? null : JSON.stringify([sentMark]),
          },
          select: { id: true },
        }),
      );
      return row.id;
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Takes over a stale claim or a transient failure that still has attempts left. */
  async reclaim(delivery: ReminderDeliveryRecord, now: Date, staleBefore: Date, maxAttempts: number): Promise<boolean> {
    const result = await this.writes.run(() =>
      this.prisma.reminderDelivery.updateMany({
        where: reclaimableWhere(delivery.id, staleBefore, maxAttempts),
        data: { status: ReminderStatus.Claimed, claimedAt: now },
      }),
    );
    return result.count === 1;
  }

  /**
   * Renews the claim taken at `claimedAt` to `now`, just before its DM is sent: false when it is no longer
   * that claim (another process took it over as stale, or it settled), and the DM must not be sent by this one.
   */
  async renewClaim(deliveryId: number, claimedAt: Date, now: Date): Promise<boolean> {
    const result = await this.writes.run(() =>
      this.prisma.reminderDelivery.updateMany({
        where: { id: deliveryId, status: ReminderStatus.Claimed, claimedAt },
        data: { claimedAt: now },
      }),
    );
    return result.count === 1;
  }

  /**
   * The marks of the DMs every attempt at this reminder sent or was about to send (claim, then this for each
   * retry), `sentMark` added before the retry's own send, so a later retry knows it too whatever changed in
   * between (the cohort renamed, moved to another channel, the member's time changed). Called by the holder of
   * the reminder's claim. Bounded: past `maxSentMarks` distinct marks the first and the latest are kept.
   */
  async addSentMark(deliveryId: number, sentMark: string): Promise<string[]> {
    return this.writes.run(async () => {
      const row = await this.prisma.reminderDelivery.findUnique({ where: { id: deliveryId }, select: { sentMarks: true } });
      const marks = storedMarks(row?.sentMarks ?? null);
      if (marks.includes(sentMark)) return marks;
      const kept = marks.length < maxSentMarks ? marks : [...marks.slice(0, 1), ...marks.slice(marks.length - maxSentMarks + 2)];
      const next = [...kept, sentMark];
      await this.prisma.reminderDelivery.update({ where: { id: deliveryId }, data: { sentMarks: JSON.stringify(next) } });
      return [...marks, sentMark];
    });
  }

  /**
   * Records as skipped, for `reason`, a stale claim or a failed try that reclaim would take over; false when
   * another process took it (or it settled) meanwhile.
   */
  async giveUp(delivery: ReminderDeliveryRecord, staleBefore: Date, maxAttempts: number, reason: string): Promise<boolean> {
    const result = await this.writes.run(() =>
      this.prisma.reminderDelivery.updateMany({
        where: reclaimableWhere(delivery.id, staleBefore, maxAttempts),
        data: { status: ReminderStatus.Skipped, lastError: reason.slice(0, maxErrorLength), sentMarks: null },
      }),
    );
    return result.count === 1;
  }

  async markSent(deliveryId: number, now: Date): Promise<void> {
    await this.writes.run(() =>
      this.prisma.reminderDelivery.update({
        where: { id: deliveryId },
        data: { status: ReminderStatus.Sent, sentAt: now, lastError: null, sentMarks: null },
      }),
    );
  }

  /**
   * `finalAttempts`: the attempts count that ends the day's tries, set at once when trying again cannot help
   * (Discord refused the request itself): a failed row left with attempts is then one whose try may have
   * reached Discord. A row whose tries are over (`finalAttempts`, or `maxAttempts` reached) keeps no marks:
   * no retry will look for its DM.
   */
  async markFailed(deliveryId: number, error: string, undeliverable: boolean, finalAttempts?: number, maxAttempts?: number): Promise<void> {
    await this.writes.run(async () => {
      const row = await this.prisma.reminderDelivery.update({
        where: { id: deliveryId },
        data: {
          status: undeliverable ? ReminderStatus.Undeliverable : ReminderStatus.Failed,
          attempts: finalAttempts === undefined ? { increment: 1 } : finalAttempts,
          lastError: error.slice(0, maxErrorLength),
          ...(finalAttempts === undefined ? {} : { sentMarks: null }),
        },
        select: { attempts: true, sentMarks: true },
      });
      if (row.sentMarks !== null && maxAttempts !== undefined && row.attempts >= maxAttempts)
        await this.prisma.reminderDelivery.update({ where: { id: deliveryId }, data: { sentMarks: null } });
    });
  }

  async markSkipped(deliveryId: number, reason: string): Promise<void> {
    await this.writes.run(() =>
      this.prisma.reminderDelivery.update({
        where: { id: deliveryId },
        data: { status: ReminderStatus.Skipped, lastError: reason.slice(0, maxErrorLength), sentMarks: null },
      }),
    );
  }

  /**
   * `/remind`'s setting stored with the days it starts after (see CohortService.reminder), in one
   * transaction: no tick (of any process) sees the new setting without its marks, or the old one without
   * its own, and a setting that cannot be stored leaves the marks as they were. The marks an earlier
   * setting left (skipped rows with one of `replacing`'s reasons) go, since their dates were in its zone,
   * and the new ones (`marksIn` the cohort's zone) are written where the day has no row yet (a sent or
   * failed reminder stays as it is). The cohort's zone is read in the transaction: a `/cohort edit
   * timezone:` that committed since `/remind` read the cohort is seen. Lock order: on PostgreSQL the
   * cohort row first (read `FOR SHARE`: it waits for a zone move in progress, and one that starts after it
   * waits for this, then marks the member in the new zone as any follower), then the member row, as
   * MemberRepository.markExcluded and PrivacyRepository.purgeGuild take them (CohortRepository.saveFinalBoard
   * wrote the member rows before the cohort's, so now first holds the cohort row with a no-op update:
   * otherwise it and this could each wait for the other). On SQLite the member's update comes first: a
   * transaction's first statement must be a write to take the file's lock, so no zone move commits until
   * this does.
   */
  async setReminderSkipping(
    memberId: number,
    reminder: ReminderSetting,
    marksIn: (cohortTimeZone: string) => readonly { localDate: string; reason: string }[],
    now: Date,
    replacing: readonly string[],
  ): Promise<{ member: MemberRecord; cohortTimeZone: string }> {
    const reasons = replacing.map((reason) => reason.slice(0, maxErrorLength));
    await this.options.beforeSettingWrite?.();
    return this.writes.run(() => writeForMember(this.prisma, memberId, () => this.settingWrite(memberId, reminder, marksIn, now, reasons)));
  }

  /** setReminderSkipping's transaction. */
  private settingWrite(
    memberId: number,
    reminder: ReminderSetting,
    marksIn: (cohortTimeZone: string) => readonly { localDate: string; reason: string }[],
    now: Date,
    reasons: string[],
  ): Promise<{ member: MemberRecord; cohortTimeZone: string }> {
    return this.prisma.$transaction(async (tx) => {
      let cohort: { timeZone: string } | undefined;
      if (this.provider === "postgresql")
        [cohort] = await tx.$queryRaw<{ timeZone: string }[]>`
            SELECT c."timeZone" FROM "Cohort" c JOIN "Member" m ON m."cohortId" = c."id" WHERE m."id" = ${memberId}
            FOR SHARE OF c`;
      if (reminder.locale !== undefined && reminder.locale !== null) await userLocaleUpdate(tx, reminder.locale);
      const row = await reminderUpdate(tx, memberId, reminder);
      if (this.provider !== "postgresql")
        [cohort] = await tx.$queryRaw<{ timeZone: string }[]>`SELECT "timeZone" FROM "Cohort" WHERE "id" = ${row.cohortId}`;
      // No member row any more (their `/privacy delete` committed since the request read it).
      if (cohort === undefined) throw new MembershipGoneError(memberId);
      await tx.reminderDelivery.deleteMany({ where: { memberId, status: ReminderStatus.Skipped, lastError: { in: reasons } } });
      for (const mark of marksIn(cohort.timeZone))
        await tx.reminderDelivery.upsert({
          where: { memberId_localDate: { memberId, localDate: mark.localDate } },
          create: {
            memberId,
            localDate: mark.localDate,
            status: ReminderStatus.Skipped,
            claimedAt: now,
            lastError: mark.reason.slice(0, maxErrorLength),
          },
          update: {},
        });
      return { member: toMember(row), cohortTimeZone: cohort.timeZone };
    });
  }

  /** A reminder not sent on purpose (far too late, nothing left to read), recorded so it is decided once. */
  async recordSkipped(memberId: number, localDate: string, reason: string, now: Date): Promise<boolean> {
    try {
      await this.writes.run(() =>
        this.prisma.reminderDelivery.create({
          data: { memberId, localDate, status: ReminderStatus.Skipped, claimedAt: now, lastError: reason.slice(0, maxErrorLength) },
        }),
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /**
   * The cohort's update (`changes`, its new zone among them) stored with the reminder days the zone
   * moves (see CohortService.edit), in one transaction, so they commit together or not at all: for every
   * active member of the cohort who follows its zone (no `/remind` zone of their own, or one this runtime
   * does not know: memberTimeZone), the reminder of each mark's `localDate` whose time is at most its
   * `upTo` ("HH:MM") is recorded as skipped, and the marks an earlier setting left them (skipped rows with
   * one of `replacing`'s reasons) go, since their dates were in the old zone. An unknown zone stays stored:
   * a process with other time-zone data (another shard, a newer or older build) may know it. One read of
   * the cohort's distinct zones, inside the transaction after the cohort's update (a zone stored just
   * before would otherwise be missed), then a fixed number of statements whatever the number of members (more
   * only past 500 unknown zones); a row already there (sent, failed) stays as it is. `weekPosts`: the
   * weekly post rows the move changes (CohortService.weekPostsAfter), and the board flags of `redraws`, in the same transaction. Null, and nothing
   * written, when the new name is another cohort's of the guild (its unique name key) or the cohort ended or
   * finished meanwhile, as CohortRepository.update.
   */
  async updateCohortMovingZone(
    cohortId: number,
    changes: CohortChanges,
    marks: readonly { localDate: string; upTo: string; reason: string }[],
    now: Date,
    replacing: readonly string[],
    weekPosts: WeekPostChanges | null = null,
    line?: NewAuditEntry,
    redraws?: BoardRedraws,
  ): Promise<Cohort | null> {
    const reasons = replacing.map((reason) => reason.slice(0, maxErrorLength));
    try {
      return await this.writes.run(() =>
        this.prisma.$transaction(async (tx) => {
          // The cohort first, then the members' zones. On SQLite the write takes the file's lock, so no
          // `/remind` commits until this does: the marks go by the zones stored at commit. On PostgreSQL
          // (READ COMMITTED; `/remind` never touches the cohort row) each statement sees what committed
          // before it began: an unknown zone a `/remind` stores after the read below gets no marks here.
          const row = await cohortUpdate(tx, cohortId, changes);
          for (const write of weekPosts === null ? [] : weekPostChangeWrites(tx, weekPosts)) await write;
          // The edit's audit line with it: the scheduler reads the moved post times from it.
          if (line !== undefined) await auditEntryCreate(tx, line);
          for (const write of boardRedrawWrites(tx, cohortId, redraws)) await write;
          const unknownChunks = chunksOf(await unknownStoredZones(tx, cohortId));
          // Each group's statements take the members without a zone and those with one of the group's unknown zones.
          for (const unknown of unknownChunks.length === 0 ? [[]] : unknownChunks) {
            await tx.reminderDelivery.deleteMany({
              where: {
                status: ReminderStatus.Skipped,
                lastError: { in: reasons },
                member: { cohortId, leftAt: null, OR: [{ remindTimeZone: null }, { remindTimeZone: { in: unknown } }] },
              },
            });
            for (const mark of marks)
              await tx.$executeRaw`
                INSERT INTO "ReminderDelivery" ("memberId", "localDate", "status", "attempts", "claimedAt", "lastError")
                SELECT "id", CAST(${mark.localDate} AS TEXT), CAST(${ReminderStatus.Skipped} AS TEXT), 0, ${now}, CAST(${mark.reason.slice(0, maxErrorLength)} AS TEXT)
                FROM "Member"
                WHERE "cohortId" = ${cohortId} AND "leftAt" IS NULL AND "remindTime" IS NOT NULL AND ${followsCohortZone(unknown)}
                  AND "remindTime" <= ${mark.upTo}
                ON CONFLICT ("memberId", "localDate") DO NOTHING`;
          }
          return toCohort(row);
        }, longTransactionOptions),
      );
    } catch (error) {
      if (isEditRefused(error)) return null;
      throw error;
    }
  }

  /** A reminder reached the member: the refusals in a row start again, and a refusal not yet told is moot. */
  async resetFailures(memberId: number): Promise<void> {
    await this.writes.run(() =>
      this.prisma.member.updateMany({
        where: { id: memberId, OR: [{ remindFailures: { gt: 0 } }, { remindRefusedNotice: true }] },
        data: { remindFailures: 0, remindRefusedNotice: false },
      }),
    );
  }

  /**
   * Counts a DM the member's settings refused. The first of a run of refusals is to be told to the member
   * (`told`: on their next command, reminders still on); at `disableAfter` failures in a row reminders are
   * switched off and that is what the member is told instead (`switchedOff`). `told` is true when this call
   * left the member something to be told.
   */
  async recordUndeliverable(memberId: number, disableAfter: number): Promise<{ switchedOff: boolean; told: boolean }> {
    await this.writes.run(() => this.prisma.member.update({ where: { id: memberId }, data: { remindFailures: { increment: 1 } } }));
    const switchedOff = await this.writes.run(() =>
      this.prisma.member.updateMany({
        where: { id: memberId, remindFailures: { gte: disableAfter }, remindTime: { not: null } },
        data: { remindTime: null, remindDisabledNotice: true, remindRefusedNotice: false },
      }),
    );
    if (switchedOff.count === 1) return { switchedOff: true, told: true };
    const first = await this.writes.run(() =>
      this.prisma.member.updateMany({
        where: { id: memberId, remindFailures: 1, remindTime: { not: null } },
        data: { remindRefusedNotice: true },
      }),
    );
    return { switchedOff: false, told: first.count === 1 };
  }

  /**
   * Everyone still to be told about refused reminders (switched off or not), as (guild, user) pairs: one joined
   * statement over the two notice columns' indexes (read in every process every 30 seconds at most, so never a pass
   * over all members, nor a parameter per cohort as Prisma's relation load would bind).
   */
  async pendingNotices(): Promise<{ guildId: string; userId: string }[]> {
    return this.prisma.$queryRaw<{ guildId: string; userId: string }[]>`
      SELECT c."guildId" AS "guildId", m."userId" AS "userId"
      FROM "Member" m JOIN "Cohort" c ON c."id" = m."cohortId"
      WHERE m."remindDisabledNotice" = true OR m."remindRefusedNotice" = true`;
  }

  /**
   * Clears the notices about refused reminders of this user in this guild, and says which there was to tell: the
   * cohorts whose reminders refusals switched off, and those whose reminder was refused (still on); null when none.
   */
  async takeReminderNotice(guildId: string, userId: string): Promise<ReminderNotice | null> {
    // Read first: this runs after every command, and a command that only reads (/today) must not
    // queue a write, which would wait behind other writes and on another connection's lock.
    const pending = await this.prisma.member.findMany({
      where: { userId, cohort: { guildId }, OR: [{ remindDisabledNotice: true }, { remindRefusedNotice: true }] },
      select: { id: true, cohort: { select: { name: true } } },
      orderBy: { id: "asc" },
    });
    if (pending.length === 0) return null;
    return this.writes.run(async () => {
      // Taken where they are stored, one membership at a time (a member has few): of two commands at once, one tells each.
      const switchedOff: string[] = [];
      const refused: string[] = [];
      for (const row of pending) {
        const off = await this.prisma.member.updateMany({
          where: { id: row.id, remindDisabledNotice: true },
          data: { remindDisabledNotice: false, remindRefusedNotice: false },
        });
        if (off.count > 0) {
          switchedOff.push(row.cohort.name);
          continue;
        }
        const once = await this.prisma.member.updateMany({
          where: { id: row.id, remindRefusedNotice: true },
          data: { remindRefusedNotice: false },
        });
        if (once.count > 0) refused.push(row.cohort.name);
      }
      return switchedOff.length + refused.length > 0 ? { switchedOff, refused } : null;
    });
  }
}

/**
 * What a member is told about their refused reminder DMs (ReminderRepository.takeReminderNotice), by cohort name:
 * those whose reminders refusals in a row switched off, and those whose reminder was refused (still on).
 */
export interface ReminderNotice {
  readonly switchedOff: readonly string[];
  readonly refused: readonly string[];
}

/** The raw SQL condition for a member who follows the cohort's zone: no zone, or one of `unknown`. */
function followsCohortZone(unknown: readonly string[]): Prisma.Sql {
  return unknown.length === 0
    ? Prisma.sql`"remindTimeZone" IS NULL`
    : Prisma.sql`("remindTimeZone" IS NULL OR "remindTimeZone" IN (${Prisma.join(unknown)}))`;
}

/** membersWithReminders' rows (one per reminder row, or one without: ordered by member) as members with their rows. */
function membersWithTheirRows(rows: readonly Record<string, unknown>[]): MemberWithReminders[] {
  const members: { member: MemberRecord; deliveries: ReminderDeliveryRecord[]; cohortTimeZone: string }[] = [];
  let currentId: number | null = null;
  for (const row of rows) {
    const memberId = Number(row.m_id);
    if (currentId !== memberId) members.push({ member: memberOfRow(row), deliveries: [], cohortTimeZone: String(row.c_timeZone) });
    currentId = memberId;
    if (row.d_id === null || row.d_id === undefined) continue;
    members.at(-1)?.deliveries.push({
      id: Number(row.d_id),
      memberId,
      localDate: String(row.d_localDate),
      status: row.d_status as ReminderStatus,
      attempts: Number(row.d_attempts),
      claimedAt: row.d_claimedAt as Date,
    });
  }
  return members;
}

/**
 * The `/remind` zones stored for the cohort's members that this runtime does not know. Grouped in the
 * database: at most one row per zone name (a few hundred exist), whatever the number of members.
 */
async function unknownStoredZones(tx: Prisma.TransactionClient, cohortId: number): Promise<string[]> {
  const rows = await tx.member.groupBy({
    by: ["remindTimeZone"],
    where: { cohortId, leftAt: null, remindTimeZone: { not: null } },
  });
  return rows.flatMap((row) => (row.remindTimeZone === null || isValidTimeZone(row.remindTimeZone) ? [] : [row.remindTimeZone]));
}
