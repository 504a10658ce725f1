import type { Cohort, MemberRecord } from "../../domain/cohort/cohortModel.js";
import type { PostgresTransactionRunner } from "../PostgresTransactionRunner.js";
import type { SqlReader, SqlValue } from "../SqlReader.js";
import { toStreakRow, type StreakRow } from "./CompletionRepository.js";
import { planStateOf, type StoredMemberPlanState } from "./MemberPlanRepository.js";
import { activeInGuildSql, membershipsOf } from "./MemberRepository.js";

/** An active membership with what the member's day is built from. */
export interface MembershipWithState {
  readonly cohort: Cohort;
  readonly member: MemberRecord;
  readonly planState: StoredMemberPlanState;
  /** The member's completions (CompletionRepository.streakRowsForMember's rows); null when not asked for. */
  readonly completions: readonly StreakRow[] | null;
}

/** The user's active memberships in the guild: every read below selects by these, so none waits for another's answer. */
const membersInGuildSql = `
  SELECT m."id" FROM "Member" m JOIN "Cohort" c ON c."id" = m."cohortId"
  WHERE m."userId" = ? AND m."leftAt" IS NULL AND c."guildId" = ?`;

/** MemberPlanRepository.load's union, for those members. */
const planStatesSql = `
  SELECT 0 AS "source", "memberId", "id", "kind", "appliedOn", "days", "itemIds", NULL AS "fromDate", NULL AS "toDate"
  FROM "MemberAdjustment" WHERE "memberId" IN (${membersInGuildSql})
  UNION ALL
  SELECT 1 AS "source", "memberId", "id", NULL, NULL, NULL, NULL, "fromDate", "toDate"
  FROM "MemberBreak" WHERE "memberId" IN (${membersInGuildSql})
  ORDER BY "memberId", "source", "id"`;

/** CompletionRepository.streakRowsForMember's rows, for those members. */
const completionsSql = `
  SELECT "memberId", "itemId", "completedAt", "points", "day" FROM "Completion"
  WHERE "memberId" IN (${membersInGuildSql}) ORDER BY "memberId", "completedAt"`;

/**
 * What `/today` and `/done` start from, read by (guild, user) rather than member by member: the
 * memberships with their cohorts, each member's plan state and, when asked, their completions. On
 * PostgreSQL the reads go as one message (PostgresTransactionRunner: one round trip instead of two in
 * sequence, and one snapshot); on SQLite one after another on the hot reader, in-process.
 * A user who is in several of the guild's cohorts gets each membership's rows (the service picks one).
 */
export class MemberDayRepository {
  /** `reader`: DatabaseHandle.hotReader; `postgresReads`: DatabaseHandle.postgresTransactions (null on SQLite). */
  constructor(
    private readonly reader: SqlReader,
    private readonly postgresReads: PostgresTransactionRunner | null,
  ) {}

  async listActiveInGuild(guildId: string, userId: string, withCompletions: boolean): Promise<MembershipWithState[]> {
    const byUser = [userId, guildId];
    const [memberships = [], planStates = [], completions] = await this.readTogether([
      { sql: activeInGuildSql, params: byUser },
      { sql: planStatesSql, params: [...byUser, ...byUser] },
      ...(withCompletions ? [{ sql: completionsSql, params: byUser }] : []),
    ]);
    const planRows = rowsByMember(planStates);
    const completionRows = completions === undefined ? null : rowsByMember(completions);
    return membershipsOf(memberships).map(({ cohort, member }) => ({
      cohort,
      member,
      planState: planStateOf(planRows.get(member.id) ?? []),
      completions: completionRows === null ? null : (completionRows.get(member.id) ?? []).map(toStreakRow),
    }));
  }

  private async readTogether(reads: readonly { sql: string; params: readonly SqlValue[] }[]): Promise<Record<string, unknown>[][]> {
    if (this.postgresReads !== null) return (await this.postgresReads.run(reads)).map(({ rows }) => [...rows]);
    const results: Record<string, unknown>[][] = [];
    for (const { sql, params } of reads) results.push(await this.reader.read(sql, params));
    return results;
  }
}

function rowsByMember(rows: readonly Record<string, unknown>[]): Map<number, Record<string, unknown>[]> {
  const byMember = new Map<number, Record<string, unknown>[]>();
  for (const row of rows) {
    const memberId = Number(row.memberId);
    const list = byMember.get(memberId);
    if (list === undefined) byMember.set(memberId, [row]);
    else list.push(row);
  }
  return byMember;
}
