import { CohortStatus, type Cohort, type MemberRecord } from "../../domain/cohort/cohortModel.js";
import { isValidTimeZone } from "../../domain/schedule/localTime.js";
import { ReminderStatus } from "../../domain/schedule/scheduledPostModel.js";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { chunksOf, findInChunks } from "../inChunks.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";
import { cohortUpdate, isUniqueViolation, toCohort, type CohortChanges } from "./CohortRepository.js";
import { reminderUpdate, toMember, type ReminderSetting } from "./MemberRepository.js";
import { weekPostChangeWrites } from "./weekPostChangeWrites.js";
import type { WeekPostChanges } from "../../domain/schedule/weekPostsAfterStartEdit.js";

export interface ReminderDeliveryRecord {
  readonly id: number;
  readonly memberId: number;
  readonly localDate: string;
  readonly status: ReminderStatus;
  readonly attempts: number;
  readonly claimedAt: Date;
}

const maxErrorLength = 500;

/**
 * The finished-cohort condition of the reminder read: a member of a cohort of these guilds that finished (its row
 * last changed) at or after `since`, who changed their own plan (`/pace`: any adjustment row; `reset` deletes
 * them), so may finish late. Each is then reminded by their own plan's end (ReminderService.reminderView).
 */
export function remindsAfterFinish(since: Date, guild: { guildId?: { in: string[] } }) {
  return { cohort: { status: CohortStatus.Finished, updatedAt: { gte: since }, ...guild }, adjustments: { some: {} } };
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
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {}

  /**
   * Active members of active cohorts (of these guilds: a shard's) who set a reminder time; with `finishedSince`,
   * also those of cohorts finished since then who may finish late (remindsAfterFinish). Filtered by the cohort's
   * status in the same query rather than by a list of cohort ids: one statement per tick (per 500 guilds of a
   * shard) whatever the number of cohorts.
   */
  async membersWithReminders(guildIds?: readonly string[], finishedSince?: Date): Promise<MemberRecord[]> {
    const where = (guild: { guildId?: { in: string[] } }) => {
      const active = { cohort: { status: CohortStatus.Active, ...guild } };
      const reminding = { leftAt: null, remindTime: { not: null } };
      return finishedSince === undefined
        ? { ...reminding, ...active }
        : { ...reminding, OR: [active, remindsAfterFinish(finishedSince, guild)] };
    };
    const rows =
      guildIds === undefined
        ? await this.prisma.member.findMany({ where: where({}), orderBy: { id: "asc" } })
        : await findInChunks(guildIds, (chunk) =>
            this.prisma.member.findMany({ where: where({ guildId: { in: chunk } }), orderBy: { id: "asc" } }),
          );
    return rows.sort((a, b) => a.id - b.id).map(toMember);
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

  /** One insert; null when the reminder of that day is already someone's. */
  async claim(memberId: number, localDate: string, now: Date): Promise<number | null> {
    try {
      const row = await this.writes.run(() =>
        this.prisma.reminderDelivery.create({
          data: { memberId, localDate, status: ReminderStatus.Claimed, claimedAt: now },
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
        where: {
          id: delivery.id,
          OR: [
            { status: ReminderStatus.Claimed, claimedAt: { lt: staleBefore } },
            { status: ReminderStatus.Failed, attempts: { lt: maxAttempts }, claimedAt: { lt: staleBefore } },
          ],
        },
        data: { status: ReminderStatus.Claimed, claimedAt: now },
      }),
    );
    return result.count === 1;
  }

  async markSent(deliveryId: number, now: Date): Promise<void> {
    await this.writes.run(() =>
      this.prisma.reminderDelivery.update({
        where: { id: deliveryId },
        data: { status: ReminderStatus.Sent, sentAt: now, lastError: null },
      }),
    );
  }

  async markFailed(deliveryId: number, error: string, undeliverable: boolean): Promise<void> {
    await this.writes.run(() =>
      this.prisma.reminderDelivery.update({
        where: { id: deliveryId },
        data: {
          status: undeliverable ? ReminderStatus.Undeliverable : ReminderStatus.Failed,
          attempts: { increment: 1 },
          lastError: error.slice(0, maxErrorLength),
        },
      }),
    );
  }

  async markSkipped(deliveryId: number, reason: string): Promise<void> {
    await this.writes.run(() =>
      this.prisma.reminderDelivery.update({
        where: { id: deliveryId },
        data: { status: ReminderStatus.Skipped, lastError: reason.slice(0, maxErrorLength) },
      }),
    );
  }

  /**
   * `/remind`'s setting stored with the days it starts after (see CohortService.reminder), in one
   * transaction: no tick (of any process) sees the new setting without its marks, or the old one without
   * its own, and a setting that cannot be stored leaves the marks as they were. The marks an earlier
   * setting left (skipped rows with one of `replacing`'s reasons) go, since their dates were in its zone,
   * and the new ones are written where the day has no row yet (a sent or failed reminder stays as it is).
   */
  async setReminderSkipping(
    memberId: number,
    reminder: ReminderSetting,
    marks: readonly { localDate: string; reason: string }[],
    now: Date,
    replacing: readonly string[],
  ): Promise<MemberRecord> {
    const reasons = replacing.map((reason) => reason.slice(0, maxErrorLength));
    const [row] = await this.writes.run(() =>
      this.prisma.$transaction([
        reminderUpdate(this.prisma, memberId, reminder),
        this.prisma.reminderDelivery.deleteMany({ where: { memberId, status: ReminderStatus.Skipped, lastError: { in: reasons } } }),
        ...marks.map((mark) =>
          this.prisma.reminderDelivery.upsert({
            where: { memberId_localDate: { memberId, localDate: mark.localDate } },
            create: {
              memberId,
              localDate: mark.localDate,
              status: ReminderStatus.Skipped,
              claimedAt: now,
              lastError: mark.reason.slice(0, maxErrorLength),
            },
            update: {},
          }),
        ),
      ]),
    );
    return toMember(row);
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
   * the cohort's distinct zones, then a fixed number of statements whatever the number of members (more
   * only past 500 unknown zones); a row already there (sent, failed) stays as it is. `weekPosts`: the
   * weekly post rows the move changes (CohortService.weekPostsAfter), in the same transaction. Null, and nothing
   * written, when the new name is another cohort's of the guild (its unique name key), as
   * CohortRepository.update.
   */
  async updateCohortMovingZone(
    cohortId: number,
    changes: CohortChanges,
    marks: readonly { localDate: string; upTo: string; reason: string }[],
    now: Date,
    replacing: readonly string[],
    weekPosts: WeekPostChanges | null = null,
  ): Promise<Cohort | null> {
    const reasons = replacing.map((reason) => reason.slice(0, maxErrorLength));
    const unknownChunks = chunksOf(await this.unknownStoredZones(cohortId));
    // Each group's statements take the members without a zone and those with one of the group's unknown zones.
    const groups = unknownChunks.length === 0 ? [[]] : unknownChunks;
    try {
      const [row] = await this.writes.run(() =>
        this.prisma.$transaction([
          cohortUpdate(this.prisma, cohortId, changes),
          ...(weekPosts === null ? [] : weekPostChangeWrites(this.prisma, weekPosts)),
          ...groups.flatMap((unknown) => [
            this.prisma.reminderDelivery.deleteMany({
              where: {
                status: ReminderStatus.Skipped,
                lastError: { in: reasons },
                member: { cohortId, leftAt: null, OR: [{ remindTimeZone: null }, { remindTimeZone: { in: unknown } }] },
              },
            }),
            ...marks.map(
              (mark) => this.prisma.$executeRaw`
                INSERT INTO "ReminderDelivery" ("memberId", "localDate", "status", "attempts", "claimedAt", "lastError")
                SELECT "id", CAST(${mark.localDate} AS TEXT), CAST(${ReminderStatus.Skipped} AS TEXT), 0, ${now}, CAST(${mark.reason.slice(0, maxErrorLength)} AS TEXT)
                FROM "Member"
                WHERE "cohortId" = ${cohortId} AND "leftAt" IS NULL AND "remindTime" IS NOT NULL AND ${followsCohortZone(unknown)}
                  AND "remindTime" <= ${mark.upTo}
                ON CONFLICT ("memberId", "localDate") DO NOTHING`,
            ),
          ]),
        ]),
      );
      return toCohort(row);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /**
   * The `/remind` zones stored for the cohort's members that this runtime does not know. Grouped in the
   * database: at most one row per zone name (a few hundred exist), whatever the number of members.
   */
  private async unknownStoredZones(cohortId: number): Promise<string[]> {
    const rows = await this.prisma.member.groupBy({
      by: ["remindTimeZone"],
      where: { cohortId, leftAt: null, remindTimeZone: { not: null } },
    });
    return rows.flatMap((row) => (row.remindTimeZone === null || isValidTimeZone(row.remindTimeZone) ? [] : [row.remindTimeZone]));
  }

  async resetFailures(memberId: number): Promise<void> {
    await this.writes.run(() =>
      this.prisma.member.updateMany({ where: { id: memberId, remindFailures: { gt: 0 } }, data: { remindFailures: 0 } }),
    );
  }

  /**
   * Counts a DM the member's settings refused. At `disableAfter` failures in a
   * row reminders are switched off and the member is to be told. True when
   * this call switched them off.
   */
  async recordUndeliverable(memberId: number, disableAfter: number): Promise<boolean> {
    await this.writes.run(() => this.prisma.member.update({ where: { id: memberId }, data: { remindFailures: { increment: 1 } } }));
    const switchedOff = await this.writes.run(() =>
      this.prisma.member.updateMany({
        where: { id: memberId, remindFailures: { gte: disableAfter }, remindTime: { not: null } },
        data: { remindTime: null, remindDisabledNotice: true },
      }),
    );
    return switchedOff.count === 1;
  }

  /** Everyone still to be told that their reminders were switched off, as (guild, user) pairs. */
  async pendingNotices(): Promise<{ guildId: string; userId: string }[]> {
    const rows = await this.prisma.member.findMany({
      where: { remindDisabledNotice: true },
      select: { userId: true, cohort: { select: { guildId: true } } },
    });
    return rows.map((row) => ({ guildId: row.cohort.guildId, userId: row.userId }));
  }

  /** Clears the "reminders were switched off" notice of this user in this guild; true when there was one to tell. */
  async takeDisabledNotice(guildId: string, userId: string): Promise<boolean> {
    // Read first: this runs after every command, and a command that only reads (/today) must not
    // queue a write, which would wait behind other writes and on another connection's lock.
    const pending = await this.prisma.member.findFirst({
      where: { userId, remindDisabledNotice: true, cohort: { guildId } },
      select: { id: true },
    });
    if (pending === null) return false;
    const result = await this.writes.run(() =>
      this.prisma.member.updateMany({
        where: { userId, remindDisabledNotice: true, cohort: { guildId } },
        data: { remindDisabledNotice: false },
      }),
    );
    return result.count > 0;
  }
}

/** The raw SQL condition for a member who follows the cohort's zone: no zone, or one of `unknown`. */
function followsCohortZone(unknown: readonly string[]): Prisma.Sql {
  return unknown.length === 0
    ? Prisma.sql`"remindTimeZone" IS NULL`
    : Prisma.sql`("remindTimeZone" IS NULL OR "remindTimeZone" IN (${Prisma.join(unknown)}))`;
}
