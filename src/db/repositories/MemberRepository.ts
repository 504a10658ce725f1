import { BoardVisibility, isBoardVisibility } from "../../domain/privacy/boardPresentation.js";
import { serverWideChoices } from "../../domain/privacy/serverWideChoices.js";
import type { Cohort, JoinOutcome, MemberRecord } from "../../domain/cohort/cohortModel.js";
import type { Cohort as CohortRow, Member as MemberRow, Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { chunksOf, findInChunks } from "../inChunks.js";
import type { DatabaseTarget } from "../parseDatabaseUrl.js";
import { lockCohortRows } from "./lockCohortRows.js";
import type { SerialWriteQueue } from "../SerialWriteQueue.js";
import type { SqlReader } from "../SqlReader.js";
import { toCohort } from "./CohortRepository.js";
import { currentNameKeyRule, nameKeyOf } from "../../domain/text/plainUserText.js";
import { numberedPlaceholders } from "../SqlReader.js";
import { namesWithKeysThrough, type MemberName } from "./RosterRepository.js";
import { markLiveBoardsDirty } from "./markLiveBoardsDirty.js";
import { flagCohortPostedBoards } from "./LiveBoardRepository.js";
import { longTransactionOptions } from "./longTransactionOptions.js";
import { writeForMember } from "./writeForMember.js";
import { MembershipGoneError } from "./MembershipGoneError.js";

/** The name key columns written with every display name (Member.nameKey, Member.nameKeyRule). */
function nameKeyColumns(displayName: string): { nameKey: string; nameKeyRule: number } {
  return { nameKey: nameKeyOf(displayName), nameKeyRule: currentNameKeyRule };
}

export function toMember(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    cohortId: row.cohortId,
    userId: row.userId,
    displayName: row.displayName,
    joinedAt: row.joinedAt,
    joinedOn: row.joinedOn,
    leftAt: row.leftAt,
    returnedAt: row.returnedAt,
    remindTime: row.remindTime,
    remindTimeZone: row.remindTimeZone,
    dayNotBefore: row.dayNotBefore,
    remindFailures: row.remindFailures,
    remindDisabledNotice: row.remindDisabledNotice,
    points: row.points,
    pointsReachedAt: row.pointsReachedAt,
    finalPoints: row.finalPoints,
    finalRanked: row.finalRanked,
    nudges: row.nudges,
    locale: row.locale,
    // An unknown stored value reads as the most private choice.
    boardVisibility: isBoardVisibility(row.boardVisibility) ? row.boardVisibility : BoardVisibility.Hidden,
    alias: row.alias,
    excluded: row.excluded,
  };
}

/** A member's `/remind` setting: "HH:MM", and the zone they chose (null: the cohort's). */
export interface ReminderSetting {
  readonly time: string;
  readonly timeZone: string | null;
  /** The Discord locale of whoever set it, stored for their DMs' language (userLocaleUpdate); null keeps the stored one. */
  readonly locale?: UserLocale | null;
  /** Member.dayNotBefore as the zone change leaves it (dayNotBeforeAfterZoneMove); absent: left as it is. */
  readonly dayNotBefore?: string | null;
}

/** A user's Discord locale (MemberRecord.locale) and where to store it: Discord's language is the user's, not a membership's. */
export interface UserLocale {
  readonly guildId: string;
  readonly userId: string;
  readonly locale: string;
}

/**
 * Stores the user's locale on every membership they have in the server (left ones too, as `/privacy`'s choices),
 * so their DMs from each cohort speak one language. Rows that have it already are not written. Unsent, for the
 * caller's transaction; before the member's own update, so concurrent ones lock the user's rows in one order.
 */
export function userLocaleUpdate(prisma: PrismaClient | Prisma.TransactionClient, { guildId, userId, locale }: UserLocale) {
  // A plain `not` would pass over rows with no locale (NULL <> 'es-ES' is not true in SQL).
  const differs = { OR: [{ locale: null }, { locale: { not: locale } }] };
  return prisma.member.updateMany({ where: { userId, cohort: { guildId }, ...differs }, data: { locale } });
}

/**
 * The member's reminder set (null: switched off). Returns the unsent statement, so a caller can put it
 * in the same transaction as the reminder days the setting starts after (ReminderRepository).
 */
export function reminderUpdate(prisma: PrismaClient | Prisma.TransactionClient, memberId: number, reminder: ReminderSetting | null) {
  return prisma.member.update({
    where: { id: memberId },
    data:
      reminder === null
        ? // A refused reminder not yet told is moot once the member changes the setting: it would tell them how to stop it.
          { remindTime: null, remindRefusedNotice: false }
        : {
            remindTime: reminder.time,
            remindTimeZone: reminder.timeZone,
            ...(reminder.dayNotBefore === undefined ? {} : { dayNotBefore: reminder.dayNotBefore }),
            remindFailures: 0,
            remindDisabledNotice: false,
            remindRefusedNotice: false,
          },
  });
}

export class MemberRepository {
  /**
   * `writes` should be the one queue every repository of the process shares (see SerialWriteQueue);
   * `reader` reads what every interaction starts with (DatabaseHandle.hotReader).
   */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: SerialWriteQueue,
    private readonly reader: SqlReader,
    private readonly provider: DatabaseTarget["provider"],
  ) {}

  // findFirst, not findUnique: Prisma merges same-tick findUnique calls into one query, and a burst of
  // a few hundred on this compound key exceeds SQLite's bound-parameter limit (P2029, prisma/orm#23957).
  async find(cohortId: number, userId: string): Promise<MemberRecord | null> {
    const row = await this.prisma.member.findFirst({ where: { cohortId, userId } });
    return row === null ? null : toMember(row);
  }

  /**
   * The member's active memberships in the guild with their cohorts (break
   * weeks included), oldest cohort first. One statement: every /today and
   * /done starts here, and in Prisma an `include` is one statement per
   * relation (member, cohort, breaks), each costing more than its SQL.
   * One row per break week (a cohort has a handful at most). Through the
   * hot reader: on a SQLite file, without Prisma (see SqliteHotReader).
   */
  async listActiveInGuild(guildId: string, userId: string): Promise<{ cohort: Cohort; member: MemberRecord }[]> {
    return membershipsOf(await this.reader.read(activeInGuildSql, [userId, guildId]));
  }

  /** Every cohort of the guild the user has a membership in, left ones included, with whether they are still in it. */
  async cohortsEverJoined(
    guildId: string,
    userId: string,
  ): Promise<{ cohortId: number; active: boolean; remindTimeZone: string | null }[]> {
    const rows = await this.prisma.member.findMany({
      where: { userId, cohort: { guildId } },
      select: { cohortId: true, leftAt: true, remindTimeZone: true },
    });
    return rows.map(({ cohortId, leftAt, remindTimeZone }) => ({ cohortId, active: leftAt === null, remindTimeZone }));
  }

  /**
   * Joining again after /leave restores the member with their history (completions, points, settings,
   * first join time). A return with a `joinedOn` (the service's call: a later course week than the leave)
   * is a late join again: the return's time and day are stored; without one it is a plain welcome back.
   * `joinedOn`: see MemberRecord (null for a join by week 1's last study day). `locale`: the joining interaction's (MemberRecord.locale),
   * stored on all the user's memberships in the server (userLocaleUpdate), an active one too; null (not known) keeps the stored ones.
   * An active member's `/join` again stores the display name they have now (`renamed` when it changed).
   */
  async join(
    cohortId: number,
    userId: string,
    displayName: string,
    now: Date,
    joinedOn: string | null = null,
    locale: string | null = null,
  ): Promise<{ member: MemberRecord; outcome: JoinOutcome; renamed: boolean }> {
    // One transaction: the member's server-wide choices are read and the membership written with no /privacy
    // change committing between (PrivacyRepository.updateSettings takes the same cohort locks first, on
    // PostgreSQL; on SQLite the transaction's first statement takes the file's write lock).
    return this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        // SQLite: a write first, so no other process's write comes between the reads below and this one's.
        if (this.provider === "sqlite") await tx.$executeRaw`UPDATE "Cohort" SET "guildId" = "guildId" WHERE "id" = ${cohortId}`;
        const { guildId } = await tx.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { guildId: true } });
        for (const lock of lockCohortRows(tx, this.provider, { namingUser: { guildId, userId } })) await lock;
        if (locale !== null) await userLocaleUpdate(tx, { guildId, userId, locale });
        const existing = await tx.member.findFirst({ where: { cohortId, userId } });
        if (existing !== null && existing.leftAt === null) {
          if (existing.displayName === displayName) return { member: toMember(existing), outcome: "already" as const, renamed: false };
          // Their name changed since (a new nickname, or back in the server after leaving it): boards show the new one,
          // in every cohort of the server they are in (the locks above hold them all).
          await renameInServer(tx, { guildId, userId }, displayName, now);
          const renamed = await tx.member.findUniqueOrThrow({ where: { id: existing.id } });
          return { member: toMember(renamed), outcome: "already" as const, renamed: true };
        }
        // `/privacy` is server-wide: a cohort joined later, or again, takes on the member's choices in the server.
        const choices = serverWideChoices(
          await tx.member.findMany({ where: { userId, cohort: { guildId } }, select: { boardVisibility: true, nudges: true } }),
        );
        if (existing !== null) {
          const back = {
            leftAt: null,
            displayName,
            ...nameKeyColumns(displayName),
            ...choices,
            ...(joinedOn === null ? {} : { returnedAt: now, joinedOn }),
          };
          // Only a member still away comes back: another process's return in the meantime makes this one "already".
          // Back on the boards: the live board is flagged in the same transaction, as /leave flags it.
          const returned = await tx.member.updateMany({ where: { id: existing.id, leftAt: { not: null } }, data: back });
          await markLiveBoardsDirty(tx, { cohortId }, now);
          const row = await tx.member.findUniqueOrThrow({ where: { id: existing.id } });
          return { member: toMember(row), outcome: returned.count === 0 ? ("already" as const) : ("rejoined" as const), renamed: false };
        }
        const row = await tx.member.upsert({
          where: { cohortId_userId: { cohortId, userId } },
          create: { cohortId, userId, displayName, ...nameKeyColumns(displayName), joinedAt: now, joinedOn, locale, ...choices },
          update: {},
        });
        return { member: toMember(row), outcome: "joined" as const, renamed: false };
      }),
    );
  }

  /**
   * Returns false when the user was not an active member. History is kept; the cohort's live board is flagged for
   * its next edit, at once (markLiveBoardsDirty), only when a member left: anyone's /leave must not make it edit every tick.
   */
  async leave(cohortId: number, userId: string, now: Date): Promise<boolean> {
    return this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        const { count } = await tx.member.updateMany({ where: { cohortId, userId, leftAt: null }, data: { leftAt: now } });
        if (count > 0) await markLiveBoardsDirty(tx, { cohortId }, now, { atOnce: true });
        return count > 0;
      }),
    );
  }

  /**
   * The member's name now (a rename on the server, seen on use), with its name key: written, as `/join` writes it
   * (renameInServer), on every membership of the user in the server, each such cohort's live board flagged for its
   * next edit. The membership `memberId` deleted since the request read it (`/privacy delete` committed in between):
   * MembershipGoneError, nothing written.
   */
  async setDisplayName(
    memberId: number,
    naming: { readonly guildId: string; readonly userId: string },
    displayName: string,
    now: Date,
  ): Promise<void> {
    await this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        // SQLite: a write first (the file's write lock), which also tells whether the membership is still there.
        const there =
          this.provider === "sqlite"
            ? await tx.$executeRaw`UPDATE "Member" SET "id" = "id" WHERE "id" = ${memberId}`
            : await (async () => {
                for (const lock of lockCohortRows(tx, this.provider, { namingUser: naming })) await lock;
                return tx.member.count({ where: { id: memberId } });
              })();
        if (there === 0) throw new MembershipGoneError(memberId);
        await renameInServer(tx, naming, displayName, now);
      }),
    );
  }

  /**
   * Whether any member's name key is missing or by an older rule (`currentNameKeyRule`), in any cohort: two searches
   * of the index on `nameKeyRule` that stop at the first row. Start-up asks this once and fills nothing when none.
   */
  async anyStaleNameKeys(): Promise<boolean> {
    const rows = await this.reader.read(
      `SELECT 1 AS "stale" WHERE EXISTS (SELECT 1 FROM "Member" WHERE "nameKeyRule" IS NULL)
        OR EXISTS (SELECT 1 FROM "Member" WHERE "nameKeyRule" < CAST(? AS INTEGER))`,
      [currentNameKeyRule],
    );
    return rows.length > 0;
  }

  /**
   * The cohorts of up to `limit` members whose name key is missing or by an older rule, in order: two searches of
   * the index on `nameKeyRule`, each reading at most `limit` rows. The name-key fill goes through these cohorts
   * only, then asks again (a row it filled leaves the index's stale part), never through every cohort.
   */
  async staleNameKeyCohorts(limit: number): Promise<number[]> {
    const cohorts = new Set<number>();
    for (const stale of [`"nameKeyRule" IS NULL`, `"nameKeyRule" < CAST(? AS INTEGER)`]) {
      const params = stale.includes("?") ? [currentNameKeyRule] : [];
      const rows = await this.reader.read(`SELECT "cohortId" FROM "Member" WHERE ${stale} LIMIT ${Math.trunc(limit)}`, params);
      for (const row of rows) cohorts.add(Number(row.cohortId));
    }
    return [...cohorts].sort((a, b) => a - b);
  }

  /**
   * Writes the current name key (`nameKeyOf`, `currentNameKeyRule`) of up to `limit` of the cohort's members whose
   * key is missing (stored before it existed) or by an older rule, as one statement; how many it wrote (0: none
   * left). Each read is answered by the index on (cohortId, nameKeyRule, …), and a row written leaves it. Start-up
   * calls it until 0 (`fillNameKeys`).
   */
  async fillNameKeys(cohortId: number, limit: number): Promise<number> {
    const rows = await this.staleNameKeys(cohortId, limit);
    if (rows.length === 0) return 0;
    const cases = rows.map(() => "WHEN CAST(? AS INTEGER) THEN ?").join(" ");
    // Only a key still stale, of a name unchanged since it was read: a join or rename in between wrote its own.
    const sql = `UPDATE "Member" SET "nameKey" = CASE "id" ${cases} END, "nameKeyRule" = CAST(? AS INTEGER)
      WHERE "id" IN (${rows.map(() => "CAST(? AS INTEGER)").join(", ")}) AND "displayName" = CASE "id" ${cases} END
      AND ("nameKeyRule" IS NULL OR "nameKeyRule" < CAST(? AS INTEGER))`;
    const params = [
      ...rows.flatMap((row) => [row.id, nameKeyOf(row.displayName)]),
      currentNameKeyRule,
      ...rows.map((row) => row.id),
      ...rows.flatMap((row) => [row.id, row.displayName]),
      currentNameKeyRule,
    ];
    const text = this.provider === "postgresql" ? numberedPlaceholders(sql) : sql;
    const written = await this.writes.run(() => this.prisma.$executeRawUnsafe(text, ...params));
    // 0 when every row read was renamed meanwhile: the cohort is then left for the next start, never read in a loop.
    return written;
  }

  /** Up to `limit` of the cohort's members whose name key is missing, else by an older rule: two index searches. */
  private async staleNameKeys(cohortId: number, limit: number): Promise<{ id: number; displayName: string }[]> {
    for (const stale of [`"nameKeyRule" IS NULL`, `"nameKeyRule" < ${currentNameKeyRule}`]) {
      const rows = await this.reader.read(
        `SELECT "id", "displayName" FROM "Member" WHERE "cohortId" = CAST(? AS INTEGER) AND ${stale} LIMIT ${Math.trunc(limit)}`,
        [cohortId],
      );
      if (rows.length > 0) return rows.map((row) => ({ id: Number(row.id), displayName: String(row.displayName) }));
    }
    return [];
  }

  /**
   * `timeZone` null: the cohort's, whatever it is at the time. `reminder` null switches it off and keeps the
   * zone the member chose: turned on again, it comes in that zone (and their day stays in it meanwhile).
   */
  async setReminder(memberId: number, reminder: ReminderSetting | null, locale: UserLocale | null = null): Promise<MemberRecord> {
    return this.updateWithLocale(memberId, () => reminderUpdate(this.prisma, memberId, reminder), locale ?? reminder?.locale ?? null);
  }

  /**
   * Drops the zone the member chose: their reminder and day follow the cohort's. `switchOff` also switches the
   * reminder off. `locale`, `dayNotBefore`: as in ReminderSetting.
   */
  async followCohortZone(
    memberId: number,
    switchOff: boolean,
    locale: UserLocale | null = null,
    dayNotBefore?: string | null,
  ): Promise<MemberRecord> {
    const floor = dayNotBefore === undefined ? {} : { dayNotBefore };
    const data = switchOff ? { remindTime: null, remindTimeZone: null, ...floor } : { remindTimeZone: null, ...floor };
    return this.updateWithLocale(memberId, () => this.prisma.member.update({ where: { id: memberId }, data }), locale);
  }

  /**
   * The member's row updated by `update`, in one transaction with the user's locale (userLocaleUpdate) when there is one.
   * `update` builds the write: a Prisma promise keeps its first result, so each retry of a locked write needs a new one.
   */
  private async updateWithLocale(
    memberId: number,
    update: () => Prisma.PrismaPromise<MemberRow>,
    locale: UserLocale | null,
  ): Promise<MemberRecord> {
    if (locale === null) return toMember(await this.writes.run(() => writeForMember(this.prisma, memberId, () => update())));
    const [, row] = await this.writes.run(() =>
      writeForMember(this.prisma, memberId, () => this.prisma.$transaction([userLocaleUpdate(this.prisma, locale), update()])),
    );
    return toMember(row);
  }

  /**
   * The member's alias number ("Member 7"), given the first time it is needed: one more than the highest
   * the cohort ever gave (its `aliasesGiven` counter), so it says nothing about who they are, and a number
   * once given never names anyone else, also after its member deleted their data. Stored, so it stays the
   * same. The counter's row is taken before the member's (the one lock order, lockCohortRows): two
   * processes giving aliases at once get different numbers; one giving the same member an alias again
   * leaves a gap, never a clash. An alias above the counter (given by a process still on a version
   * before it) is passed over: the next number is one more than the higher of the two.
   */
  async assignAlias(memberId: number, cohortId: number): Promise<number> {
    return this.writes.run(async () => {
      await this.prisma.$transaction([
        this.prisma.$executeRaw`UPDATE "Cohort" SET "aliasesGiven" = (
            SELECT CASE WHEN MAX("alias") > "Cohort"."aliasesGiven" THEN MAX("alias") ELSE "Cohort"."aliasesGiven" END
            FROM "Member" WHERE "cohortId" = ${cohortId}
          ) + 1
          WHERE "id" = ${cohortId} AND EXISTS (SELECT 1 FROM "Member" WHERE "id" = ${memberId} AND "alias" IS NULL)`,
        this.prisma.$executeRaw`
          UPDATE "Member" SET "alias" = (SELECT "aliasesGiven" FROM "Cohort" WHERE "id" = ${cohortId})
          WHERE "id" = ${memberId} AND "alias" IS NULL`,
      ]);
      const row = await this.prisma.member.findFirstOrThrow({ where: { id: memberId }, select: { alias: true } });
      if (row.alias === null) throw new Error(`member ${memberId} has no alias after assigning one`);
      return row.alias;
    });
  }

  /**
   * The member's own roles (an interaction's, or a join's) say whether they hold the exclude_role at
   * `at`: the mark and its time are written, unless a later interaction already wrote a newer one, or
   * the cohort's exclude_role is no longer `roleId` (an admin changed it while the interaction ran).
   */
  async noteExcluded(memberId: number, roleId: string, excluded: boolean, at: Date): Promise<void> {
    const applies: Prisma.MemberWhereInput = {
      id: memberId,
      cohort: { excludeRoleId: roleId },
      OR: [{ excludedMarkedAt: null }, { excludedMarkedAt: { lte: at } }],
    };
    await this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        // The member's row before the cohort's posts, the order of a /done and of a deletion (PrivacyRepository.deleteMember):
        // on PostgreSQL no deadlock with one of those under way. The mark that changes first, then its time alone.
        const changed = await tx.member.updateMany({
          where: { ...applies, excluded: !excluded },
          data: { excluded, excludedMarkedAt: at },
        });
        await tx.member.updateMany({ where: applies, data: { excludedMarkedAt: at } });
        if (changed.count === 0) return;
        // A mark that changed takes the member on or off the boards: the cohort's live board is edited next, and
        // the boards it already posted (which ranked them, or left them out) are redrawn.
        const cohort = { cohort: { members: { some: { id: memberId } } } };
        await markLiveBoardsDirty(tx, cohort, at, { atOnce: true });
        await flagCohortPostedBoards(tx, cohort, at);
      }),
    );
  }

  /** The user ids of the cohort's members marked excluded now (a listing keeps those of them it cannot see). */
  async excludedUserIds(cohortId: number): Promise<Set<string>> {
    const rows = await this.prisma.member.findMany({ where: { cohortId, excluded: true }, select: { userId: true } });
    return new Set(rows.map((row) => row.userId));
  }

  /** After the cohort's exclude_role changed: no member's mark is newer than the next listing. */
  async forgetOwnExclusionMarks(cohortId: number): Promise<void> {
    await this.writes.run(() =>
      this.prisma.member.updateMany({ where: { cohortId, excludedMarkedAt: { not: null } }, data: { excludedMarkedAt: null } }),
    );
  }

  /**
   * A listing of `roleId` begun at `startedAt` found `userIds` holding it (with any marked members it could not
   * see, out of the server, whose marks the caller keeps): exactly those of the cohort's members are excluded afterwards, except members whose own interaction set their mark since the
   * listing began (theirs is newer). Applies only while `roleId` is still the cohort's exclude_role
   * (null: none), checked by every statement, so a listing that an admin's change of the role overtook
   * writes nothing. One transaction: a board read meanwhile sees the old marks or the new ones.
   */
  async markExcluded(cohortId: number, roleId: string | null, userIds: ReadonlySet<string>, startedAt: Date): Promise<void> {
    const listedAfterTheirMark: Prisma.MemberWhereInput = {
      cohortId,
      cohort: { excludeRoleId: roleId },
      OR: [{ excludedMarkedAt: null }, { excludedMarkedAt: { lt: startedAt } }],
    };
    const excludedIds = (tx: Prisma.TransactionClient) =>
      tx.member.findMany({ where: { cohortId, excluded: true }, select: { id: true }, orderBy: { id: "asc" } });
    await this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        // Holds the cohort's row to the end: on PostgreSQL every later statement sees the role as an edit in
        // flight left it (waited for here), and no edit commits between them (SQLite has one writer anyway).
        await tx.$executeRaw`UPDATE "Cohort" SET "excludeRoleId" = "excludeRoleId" WHERE "id" = ${cohortId}`;
        const before = await excludedIds(tx);
        await tx.member.updateMany({ where: { ...listedAfterTheirMark, excluded: true }, data: { excluded: false } });
        for (const chunk of chunksOf([...userIds]))
          await tx.member.updateMany({ where: { ...listedAfterTheirMark, userId: { in: chunk } }, data: { excluded: true } });
        const after = await excludedIds(tx);
        if (JSON.stringify(before) === JSON.stringify(after)) return;
        // Someone came onto or left the boards, in the marks' own transaction: the cohort's live board is edited
        // next, and the boards it already posted are redrawn (LiveBoardRepository.listPostedDue).
        await markLiveBoardsDirty(tx, { cohortId }, startedAt, { atOnce: true });
        await flagCohortPostedBoards(tx, { cohortId }, startedAt);
      }, longTransactionOptions),
    );
  }

  /**
   * The user's active memberships in the guild's cohorts that have an exclude_role, with that role,
   * the member's mark and when their own interaction set it, and when the cohort's last listing began:
   * what an interaction's roles are compared with (one indexed read).
   */
  async exclusionMarks(
    guildId: string,
    userId: string,
  ): Promise<{ memberId: number; excluded: boolean; markedAt: Date | null; roleId: string; listedAt: Date | null }[]> {
    const rows = await this.prisma.member.findMany({
      where: { userId, leftAt: null, cohort: { guildId, excludeRoleId: { not: null } } },
      select: { id: true, excluded: true, excludedMarkedAt: true, cohort: { select: { excludeRoleId: true, exclusionsCheckedAt: true } } },
    });
    return rows.flatMap((row) =>
      row.cohort.excludeRoleId === null
        ? []
        : [
            {
              memberId: row.id,
              excluded: row.excluded,
              markedAt: row.excludedMarkedAt,
              roleId: row.cohort.excludeRoleId,
              listedAt: row.cohort.exclusionsCheckedAt,
            },
          ],
    );
  }

  /**
   * The cohort's active members whose name key is one of `keys`, in join order, for a Nudge's answer to number
   * namesakes as the roster does, when the roster's worker cannot serve (RosterRepository.namesWithKeysOr).
   * Through the hot reader (on a SQLite file a main-thread connection): a Nudge must not fail while that worker is
   * restarting or backing off after failed starts.
   */
  namesWithKeys(cohortId: number, keys: readonly string[]): Promise<MemberName[]> {
    return namesWithKeysThrough(this.reader, cohortId, keys);
  }

  async countActive(cohortId: number): Promise<number> {
    return this.prisma.member.count({ where: { cohortId, leftAt: null } });
  }

  /** Active members per cohort, in one grouped query per chunk of ids (a cohort nobody is in is absent). */
  async countActiveByCohort(cohortIds: readonly number[]): Promise<Map<number, number>> {
    const groups = await findInChunks(cohortIds, (chunk) =>
      this.prisma.member.groupBy({ by: ["cohortId"], where: { cohortId: { in: chunk }, leftAt: null }, _count: { _all: true } }),
    );
    return new Map(groups.map((group) => [group.cohortId, group._count._all]));
  }

  async findManyByIds(ids: readonly number[]): Promise<MemberRecord[]> {
    const rows = await findInChunks(ids, (chunk) => this.prisma.member.findMany({ where: { id: { in: chunk } } }));
    return rows.map(toMember);
  }
}

// Every column of both rows, listed so that a column added to the schema fails to compile here until it is read too.
const memberColumnNames = [
  "id",
  "cohortId",
  "userId",
  "displayName",
  "nameKey",
  "nameKeyRule",
  "joinedAt",
  "leftAt",
  "returnedAt",
  "remindTime",
  "remindTimeZone",
  "dayNotBefore",
  "remindFailures",
  "remindDisabledNotice",
  "remindRefusedNotice",
  "nudges",
  "locale",
  "joinedOn",
  "boardVisibility",
  "alias",
  "excluded",
  "excludedMarkedAt",
  "points",
  "pointsReachedAt",
  "finalPoints",
  "finalRanked",
] as const satisfies readonly (keyof MemberRow)[];
const cohortColumnNames = [
  "id",
  "guildId",
  "channelId",
  "name",
  "nameKey",
  "curriculumId",
  "startDate",
  "timeZone",
  "announceDay",
  "announceTime",
  "checkpointTime",
  "studyDays",
  "includeOptional",
  "optionalFrom",
  "status",
  "endedAt",
  "finalBoard",
  "courseWeeks",
  "channelProblem",
  "language",
  "leaderboard",
  "excludeRoleId",
  "exclusionsCheckedAt",
  "createdBy",
  "createdAt",
  "updatedAt",
  "aliasesGiven",
  "planRule",
] as const satisfies readonly (keyof CohortRow)[];
/** Compile-time check that the lists above are whole: `true` only when no column is missing. */
export const membershipColumnsComplete: [Exclude<keyof MemberRow, (typeof memberColumnNames)[number]>] extends [never]
  ? [Exclude<keyof CohortRow, (typeof cohortColumnNames)[number]>] extends [never]
    ? true
    : never
  : never = true;

/** Constant text (column names only); the user and guild are bound. */
/** The member's and the cohort's columns, prefixed `m_` and `c_` (membershipOf reads them). */
export const membershipColumns = [
  ...memberColumnNames.map((name) => `m."${name}" AS "m_${name}"`),
  ...cohortColumnNames.map((name) => `c."${name}" AS "c_${name}"`),
].join(", ");
function activeMembershipsSql(inOneCohort: boolean): string {
  return `
  SELECT ${membershipColumns}, b."week" AS "breakWeek"
  FROM "Member" m
  JOIN "Cohort" c ON c."id" = m."cohortId"
  LEFT JOIN "CohortBreak" b ON b."cohortId" = c."id"
  WHERE m."userId" = ? AND m."leftAt" IS NULL AND c."guildId" = ?${inOneCohort ? ` AND m."cohortId" = ?` : ""}
  ORDER BY c."createdAt", m."cohortId", b."week"`;
}
export const activeInGuildSql = activeMembershipsSql(false);
/** activeInGuildSql in one cohort: the user, the guild, the cohort's id. */
export const activeInCohortSql = activeMembershipsSql(true);

type MembershipRow = Record<string, unknown> & { readonly m_id: number | bigint; readonly breakWeek: number | bigint | null };

/** Each side's columns as [its name, its name in the joined row]: worked out once, not for every row (every /today and /done reads one). */
const memberColumns = memberColumnNames.map((name) => [name, `m_${name}`] as const);
const cohortColumns = cohortColumnNames.map((name) => [name, `c_${name}`] as const);

/** The member's columns alone, prefixed `m_` as in membershipColumns (memberOfRow reads them). */
export const memberColumnsOnly = memberColumnNames.map((name) => `m."${name}" AS "m_${name}"`).join(", ");

/** The member in a row holding memberColumnsOnly (or membershipColumns). */
export function memberOfRow(row: Record<string, unknown>): MemberRecord {
  return toMember(pickColumns(row, memberColumns) as MemberRow);
}

/** The memberships in activeInGuildSql's rows (one row per break week), in their order. */
export function membershipsOf(rows: readonly Record<string, unknown>[]): { cohort: Cohort; member: MemberRecord }[] {
  const memberships: { cohort: Cohort; member: MemberRecord }[] = [];
  let current: { row: MembershipRow; breakWeeks: number[] } | null = null;
  const finish = () => {
    if (current !== null) memberships.push(membershipOf(current.row, current.breakWeeks));
  };
  for (const row of rows as readonly MembershipRow[]) {
    if (current === null || Number(current.row.m_id) !== Number(row.m_id)) {
      finish();
      current = { row, breakWeeks: [] };
    }
    if (row.breakWeek !== null) current.breakWeeks.push(Number(row.breakWeek));
  }
  finish();
  return memberships;
}

/** One membership from a row holding membershipColumns, with its cohort's break weeks. */
export function membershipOf(row: Record<string, unknown>, breakWeeks: readonly number[]): { cohort: Cohort; member: MemberRecord } {
  const cohort = pickColumns(row, cohortColumns) as CohortRow;
  return {
    member: memberOfRow(row),
    cohort: toCohort({ ...cohort, breaks: breakWeeks.map((week) => ({ week })) }),
  };
}

/** One side of a joined row, its prefix taken off. The raw query returns Dates, booleans and numbers on both databases. */
function pickColumns(row: Record<string, unknown>, columns: readonly (readonly [string, string])[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const [name, column] of columns) picked[name] = row[column];
  return picked;
}

/**
 * Writes `displayName` (and its name key) on every active membership of the user in the server whose name differs,
 * and flags those cohorts' live boards. The caller holds the `namingUser` cohort locks (lockCohortRows) on
 * PostgreSQL, or the file's write lock on SQLite. The one rule of both `/join` and the name refresh on use.
 */
async function renameInServer(
  tx: Prisma.TransactionClient,
  naming: { readonly guildId: string; readonly userId: string },
  displayName: string,
  now: Date,
): Promise<void> {
  const { guildId, userId } = naming;
  const stale = await tx.member.findMany({
    where: { userId, leftAt: null, cohort: { guildId }, displayName: { not: displayName } },
    select: { id: true, cohortId: true },
  });
  if (stale.length === 0) return;
  await tx.member.updateMany({
    where: { id: { in: stale.map((membership) => membership.id) } },
    data: { displayName, ...nameKeyColumns(displayName) },
  });
  await markLiveBoardsDirty(tx, { cohortId: { in: stale.map((membership) => membership.cohortId) } }, now);
}
