import {
  MemberAdjustmentKind,
  personalBreaksToEnd,
  refuseBreakBooking,
  refusePaceChange,
  type BreakBookingRefusal,
  type MemberAdjustment,
  type PaceChangeProblem,
  type PersonalBreak,
} from "../../domain/schedule/memberPlan.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { DatabaseTarget } from "../parseDatabaseUrl.js";
import type { SerialWriteQueue } from "../SerialWriteQueue.js";
import type { SqlReader } from "../SqlReader.js";
import { lockMemberRow } from "./lockMemberRow.js";
import { writeForMember } from "./writeForMember.js";

/** A stored `/break`, with the id that ending it needs. */
export interface StoredPersonalBreak extends PersonalBreak {
  readonly id: number;
}

/** `addBreak`: the days off booked, or why not (checked on the member's breaks read under their lock). */
export type BreakBooking =
  { readonly booked: StoredPersonalBreak; readonly refused: null } | { readonly booked: null; readonly refused: BreakBookingRefusal };

/** What the member's plan is built from, besides the cohort's plan. */
export interface StoredMemberPlanState {
  /** In the order they were made (the plan folds them in this order). */
  readonly adjustments: readonly MemberAdjustment[];
  readonly breaks: readonly StoredPersonalBreak[];
}

/**
 * A member's own plan state: `/pace` adjustments (and the late joiner's
 * catch-up) and `/break` days off. Both lists are short (a few rows per
 * member), so they are read whole.
 */
export class MemberPlanRepository {
  /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue); `reader`: DatabaseHandle.hotReader. */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: SerialWriteQueue,
    private readonly reader: SqlReader,
    private readonly provider: DatabaseTarget["provider"],
  ) {}

  /**
   * Both lists in one statement (a UNION of the two tables): the plan is read
   * on every /today and /done, where each statement costs more in Prisma than
   * in the database. Through the hot reader (see SqliteHotReader).
   */
  async load(memberId: number): Promise<StoredMemberPlanState> {
    return planStateOf(await this.reader.read(planStateSql, [memberId, memberId]));
  }

  /**
   * The plan state of every active member of the cohort who has a catch-up
   * adjustment (the only state whose dates the roster cannot derive in SQL),
   * with the member's join date: member id → state. Three queries whatever
   * the number of members (relation filters, no id lists); the rows read are
   * what those members stored.
   */
  async loadCaughtUp(cohortId: number): Promise<Map<number, StoredMemberPlanState & { readonly joinedOn: string | null }>> {
    const caughtUp = { cohortId, leftAt: null, adjustments: { some: { kind: MemberAdjustmentKind.CatchUp } } };
    const [members, adjustments, breaks] = await Promise.all([
      this.prisma.member.findMany({ where: caughtUp, select: { id: true, joinedOn: true }, orderBy: { id: "asc" } }),
      this.prisma.memberAdjustment.findMany({ where: { member: caughtUp }, orderBy: [{ memberId: "asc" }, { id: "asc" }] }),
      this.prisma.memberBreak.findMany({ where: { member: caughtUp }, orderBy: [{ memberId: "asc" }, { id: "asc" }] }),
    ]);
    const states = new Map(
      members.map((member) => [
        member.id,
        { joinedOn: member.joinedOn, adjustments: [] as MemberAdjustment[], breaks: [] as StoredPersonalBreak[] },
      ]),
    );
    const adjustmentIds = new Map<number, number[]>();
    for (const row of adjustments) {
      const found = toAdjustment(row);
      states.get(row.memberId)?.adjustments.push(...found);
      if (found.length > 0) adjustmentIds.set(row.memberId, [...(adjustmentIds.get(row.memberId) ?? []), row.id]);
    }
    for (const row of breaks)
      states
        .get(row.memberId)
        ?.breaks.push(storedBreak(row.id, row.fromDate, row.toDate, row.bookedAfterAdjustmentId, adjustmentIds.get(row.memberId) ?? []));
    return states;
  }

  /**
   * `/pace mode:extend` or `catch_up`: checked (refusePaceChange) on the member's adjustments read in the
   * transaction that stores it, behind the member's lock as addBreak, so `/pace` sent twice at once is checked
   * one after the other, and a break booked meanwhile (another process) is wholly before it or after it.
   * `planned`: the adjustments the caller built the plan on (a catch-up's items come from it); omitted (a
   * caller that built no plan, e.g. a test's setup), the catch-up is checked against what is stored. The refusal, or null.
   */
  async addAdjustment(
    memberId: number,
    adjustment: MemberAdjustment,
    planned?: readonly MemberAdjustment[],
  ): Promise<PaceChangeProblem | null> {
    const data =
      adjustment.kind === MemberAdjustmentKind.CatchUp
        ? {
            memberId,
            kind: adjustment.kind,
            appliedOn: adjustment.appliedOn,
            days: adjustment.days,
            itemIds: JSON.stringify(adjustment.itemIds),
          }
        : { memberId, kind: adjustment.kind };
    return this.writes.run(() =>
      writeForMember(this.prisma, memberId, () =>
        this.prisma.$transaction(async (tx) => {
          await lockMemberRow(tx, this.provider, memberId);
          const rows = await tx.memberAdjustment.findMany({
            where: { memberId },
            orderBy: { id: "asc" },
            select: { kind: true, appliedOn: true, days: true, itemIds: true },
          });
          const adjustments = rows.flatMap(toAdjustment);
          const refused = refusePaceChange(adjustments, adjustment, planned ?? adjustments);
          if (refused === null) await tx.memberAdjustment.create({ data });
          return refused;
        }),
      ),
    );
  }

  /**
   * `/pace mode:reset`: the plan folds to the cohort's calendar at a reset
   * anyway, so the rows before it are dropped rather than a reset row added;
   * resets and extends repeated on end then cannot grow the member's rows.
   */
  async clearAdjustments(memberId: number): Promise<void> {
    await this.writes.run(() =>
      this.prisma.$transaction([
        lockMemberRow(this.prisma, this.provider, memberId),
        this.prisma.memberAdjustment.deleteMany({ where: { memberId } }),
      ]),
    );
  }

  /**
   * `/break from to` on member day `today`: checked (refuseBreakBooking) on the member's breaks and stored with
   * their last adjustment, so catch-ups made before the booking are re-spread only from its first day. One
   * transaction, the member's row locked first (lockMemberRow; every writer of the member's adjustments and
   * breaks takes it too): on PostgreSQL another process's booking, `off:True` or pace change waits for the
   * commit or is read, on SQLite the lock is the transaction's first write, so none commits between the reads
   * and the write: days off booked twice at once are checked one after the other, never both against the
   * breaks before either. Nothing here waits for a cohort or post row: no other lock order to meet (lockCohortRows).
   */
  async addBreak(memberId: number, entry: PersonalBreak, today: string): Promise<BreakBooking> {
    return this.writes.run(() =>
      writeForMember(this.prisma, memberId, () =>
        this.prisma.$transaction(async (tx): Promise<BreakBooking> => {
          await lockMemberRow(tx, this.provider, memberId);
          const breaks = await tx.memberBreak.findMany({ where: { memberId }, select: { fromDate: true, toDate: true } });
          const refused = refuseBreakBooking(
            breaks.map((row) => ({ from: row.fromDate, to: row.toDate })),
            entry,
            today,
          );
          if (refused !== null) return { booked: null, refused };
          const made = await tx.memberAdjustment.findMany({ where: { memberId }, orderBy: { id: "asc" }, select: { id: true } });
          const afterId = made.at(-1)?.id ?? 0;
          const row = await tx.memberBreak.create({
            data: { memberId, fromDate: entry.from, toDate: entry.to, bookedAfterAdjustmentId: afterId },
          });
          return { booked: { id: row.id, from: row.fromDate, to: row.toDate, bookedAfter: made.length }, refused: null };
        }),
      ),
    );
  }

  /**
   * `/break off:True from to` on member day `today`: the breaks not yet over that the dates touch are shortened
   * to end yesterday or dropped (personalBreaksToEnd), and returned as they were. Read and written in one
   * transaction behind the member's lock, as addBreak: sent twice at once, the second finds them ended.
   */
  async endBreaks(memberId: number, range: PersonalBreak, today: string): Promise<PersonalBreak[]> {
    return this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        await lockMemberRow(tx, this.provider, memberId);
        const rows = await tx.memberBreak.findMany({ where: { memberId }, orderBy: { id: "asc" } });
        const breaks = rows.map((row) => ({ id: row.id, from: row.fromDate, to: row.toDate }));
        const ended = personalBreaksToEnd(breaks, range, today);
        for (const { entry, rest } of ended)
          if (rest === null) await tx.memberBreak.delete({ where: { id: entry.id } });
          else await tx.memberBreak.update({ where: { id: entry.id }, data: { fromDate: rest.from, toDate: rest.to } });
        return ended.map(({ entry }) => ({ from: entry.from, to: entry.to }));
      }),
    );
  }
}

/** A member's adjustments and breaks (`load`): two ids, the member's. */
export const planStateSql = `
  SELECT 0 AS "source", "id", "kind", "appliedOn", "days", "itemIds", NULL AS "fromDate", NULL AS "toDate",
    NULL AS "bookedAfterAdjustmentId"
  FROM "MemberAdjustment" WHERE "memberId" = ?
  UNION ALL
  SELECT 1 AS "source", "id", NULL, NULL, NULL, NULL, "fromDate", "toDate", "bookedAfterAdjustmentId"
  FROM "MemberBreak" WHERE "memberId" = ?
  ORDER BY "source", "id"`;

/** The state in rows of `load`'s union (adjustments, then breaks, each in id order), of one member. */
export function planStateOf(rows: readonly Record<string, unknown>[]): StoredMemberPlanState {
  const adjustments: MemberAdjustment[] = [];
  const adjustmentIds: number[] = [];
  const breaks: StoredPersonalBreak[] = [];
  for (const row of rows as unknown as readonly PlanStateRow[]) {
    if (Number(row.source) === 0) {
      const found = toAdjustment(row);
      adjustments.push(...found);
      if (found.length > 0) adjustmentIds.push(Number(row.id));
    } else if (row.fromDate !== null && row.toDate !== null) {
      const after = row.bookedAfterAdjustmentId ?? null;
      breaks.push(storedBreak(Number(row.id), row.fromDate, row.toDate, after === null ? null : Number(after), adjustmentIds));
    }
  }
  return { adjustments, breaks };
}

/**
 * A stored break with `bookedAfter`: how many of the member's adjustments (their ids ascending) it was booked after.
 * A reset drops earlier rows, so this is counted on what is stored, not kept. Null (booked before it was stored):
 * left out, i.e. before them all, the plan these members always had.
 */
function storedBreak(id: number, from: string, to: string, afterId: number | null, adjustmentIds: readonly number[]): StoredPersonalBreak {
  if (afterId === null) return { id, from, to };
  return { id, from, to, bookedAfter: adjustmentIds.filter((adjustmentId) => adjustmentId <= afterId).length };
}

/** One row of `load`'s union: an adjustment (source 0) or a break (source 1); counts may come back as bigint. */
interface PlanStateRow {
  readonly source: number | bigint;
  readonly id: number | bigint;
  readonly kind: string | null;
  readonly appliedOn: string | null;
  readonly days: number | bigint | null;
  readonly itemIds: string | null;
  readonly fromDate: string | null;
  readonly toDate: string | null;
  /** Absent: read as null (booked before it was stored). */
  readonly bookedAfterAdjustmentId?: number | bigint | null;
}

/** Whether the plan reads this stored adjustment row (`toAdjustment`): what a break's `bookedAfter` counts. */
export function isPlannedAdjustment(row: Pick<PlanStateRow, "kind" | "appliedOn">): boolean {
  return toAdjustment({ ...row, days: null, itemIds: null }).length > 0;
}

/** A stored row as the domain's adjustment; a row the code no longer knows is skipped rather than breaking the plan. */
function toAdjustment(row: Pick<PlanStateRow, "kind" | "appliedOn" | "days" | "itemIds">): MemberAdjustment[] {
  if (row.kind === MemberAdjustmentKind.Extend || row.kind === MemberAdjustmentKind.Reset) return [{ kind: row.kind }];
  if (row.kind !== MemberAdjustmentKind.CatchUp || row.appliedOn === null) return [];
  return [{ kind: row.kind, appliedOn: row.appliedOn, days: Number(row.days ?? 0), itemIds: parseItemIds(row.itemIds) }];
}

function parseItemIds(text: string | null): number[] {
  if (text === null) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((value): value is number => Number.isInteger(value)) : [];
  } catch {
    return [];
  }
}
