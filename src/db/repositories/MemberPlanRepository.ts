import { MemberAdjustmentKind, type MemberAdjustment, type PersonalBreak } from "../../domain/schedule/memberPlan.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { SerialWriteQueue } from "../SerialWriteQueue.js";
import type { SqlReader } from "../SqlReader.js";

/** A stored `/break`, with the id that ending it needs. */
export interface StoredPersonalBreak extends PersonalBreak {
  readonly id: number;
}

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
    for (const row of adjustments) states.get(row.memberId)?.adjustments.push(...toAdjustment(row));
    for (const row of breaks) states.get(row.memberId)?.breaks.push({ id: row.id, from: row.fromDate, to: row.toDate });
    return states;
  }

  async addAdjustment(memberId: number, adjustment: MemberAdjustment): Promise<void> {
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
    await this.writes.run(() => this.prisma.memberAdjustment.create({ data }));
  }

  /**
   * `/pace mode:reset`: the plan folds to the cohort's calendar at a reset
   * anyway, so the rows before it are dropped rather than a reset row added;
   * resets and extends repeated on end then cannot grow the member's rows.
   */
  async clearAdjustments(memberId: number): Promise<void> {
    await this.writes.run(() => this.prisma.memberAdjustment.deleteMany({ where: { memberId } }));
  }

  async addBreak(memberId: number, entry: PersonalBreak): Promise<StoredPersonalBreak> {
    const row = await this.writes.run(() => this.prisma.memberBreak.create({ data: { memberId, fromDate: entry.from, toDate: entry.to } }));
    return { id: row.id, from: row.fromDate, to: row.toDate };
  }

  /** Shortens a break (`to` earlier) or drops it (null). Scoped to the member so a stray id changes nothing of anyone else's. */
  async changeBreak(memberId: number, breakId: number, entry: PersonalBreak | null): Promise<void> {
    await this.writes.run(() =>
      entry === null
        ? this.prisma.memberBreak.deleteMany({ where: { id: breakId, memberId } })
        : this.prisma.memberBreak.updateMany({ where: { id: breakId, memberId }, data: { fromDate: entry.from, toDate: entry.to } }),
    );
  }
}

/** A member's adjustments and breaks (`load`): two ids, the member's. */
export const planStateSql = `
  SELECT 0 AS "source", "id", "kind", "appliedOn", "days", "itemIds", NULL AS "fromDate", NULL AS "toDate"
  FROM "MemberAdjustment" WHERE "memberId" = ?
  UNION ALL
  SELECT 1 AS "source", "id", NULL, NULL, NULL, NULL, "fromDate", "toDate"
  FROM "MemberBreak" WHERE "memberId" = ?
  ORDER BY "source", "id"`;

/** The state in rows of `load`'s union (adjustments, then breaks, each in id order), of one member. */
export function planStateOf(rows: readonly Record<string, unknown>[]): StoredMemberPlanState {
  const adjustments: MemberAdjustment[] = [];
  const breaks: StoredPersonalBreak[] = [];
  for (const row of rows as unknown as readonly PlanStateRow[]) {
    if (Number(row.source) === 0) adjustments.push(...toAdjustment(row));
    else if (row.fromDate !== null && row.toDate !== null) breaks.push({ id: Number(row.id), from: row.fromDate, to: row.toDate });
  }
  return { adjustments, breaks };
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
