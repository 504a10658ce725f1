import type { Cohort, MemberRecord } from "../../domain/cohort/cohortModel.js";
import type { DatabaseTarget } from "../parseDatabaseUrl.js";
import type { SqlReader } from "../SqlReader.js";
import { streakRowsSql, toStreakRow, type StreakRow } from "./CompletionRepository.js";
import { planStateOf, planStateSql, type StoredMemberPlanState } from "./MemberPlanRepository.js";
import { activeInGuildSql, membershipColumns, membershipOf, membershipsOf } from "./MemberRepository.js";

/** An active membership with what the member's day is built from. */
export interface MembershipWithState {
  readonly cohort: Cohort;
  readonly member: MemberRecord;
  readonly planState: StoredMemberPlanState;
  /** The member's completions (CompletionRepository.streakRowsForMember's rows); null when not asked for. */
  readonly completions: readonly StreakRow[] | null;
}

/**
 * PostgreSQL: ONE statement, one row per membership, its cohort's break weeks, the member's plan state
 * and (when asked) completions aggregated as JSON beside it. Measured against the same reads as three
 * statements in one message (PostgresTransactionRunner) and as two round trips: about half the
 * client CPU per call, mostly pg's per-row work on a hundred completion rows.
 */
function postgresDaySql(withCompletions: boolean): string {
  const completions = withCompletions
    ? `, (SELECT json_agg(json_build_array(x."itemId", x."completedAt", x."points", x."day") ORDER BY x."completedAt")
         FROM "Completion" x WHERE x."memberId" = m."id") AS "completions"`
    : "";
  return `
  SELECT ${membershipColumns},
    (SELECT json_agg(b."week" ORDER BY b."week") FROM "CohortBreak" b WHERE b."cohortId" = c."id") AS "breakWeeks",
    (SELECT json_agg(json_build_array(a."id", a."kind", a."appliedOn", a."days", a."itemIds") ORDER BY a."id")
       FROM "MemberAdjustment" a WHERE a."memberId" = m."id") AS "adjustments",
    (SELECT json_agg(json_build_array(k."id", k."fromDate", k."toDate") ORDER BY k."id")
       FROM "MemberBreak" k WHERE k."memberId" = m."id") AS "breaks"${completions}
  FROM "Member" m JOIN "Cohort" c ON c."id" = m."cohortId"
  WHERE m."userId" = ? AND m."leftAt" IS NULL AND c."guildId" = ?
  ORDER BY c."createdAt", m."cohortId"`;
}

const postgresSql = { withCompletions: postgresDaySql(true), withoutCompletions: postgresDaySql(false) } as const;

/**
 * What `/today` and `/done` start from, read by (guild, user) rather than member by member: the
 * memberships with their cohorts, each member's plan state and, when asked, their completions. On
 * PostgreSQL one statement (one round trip instead of two in sequence); on SQLite the memberships,
 * then each member's plan state and completions by member id, on the hot reader, in-process. A user who is in several of the guild's cohorts gets each
 * membership with its own rows (the service picks one).
 */
export class MemberDayRepository {
  /** `reader`: DatabaseHandle.hotReader. */
  constructor(
    private readonly reader: SqlReader,
    private readonly provider: DatabaseTarget["provider"],
  ) {}

  async listActiveInGuild(guildId: string, userId: string, withCompletions: boolean): Promise<MembershipWithState[]> {
    if (this.provider === "postgresql") {
      const sql = withCompletions ? postgresSql.withCompletions : postgresSql.withoutCompletions;
      return (await this.reader.read(sql, [userId, guildId])).map((row) => membershipWithStateOf(row, withCompletions));
    }
    // SQLite, in process: no round trip to save; the member-by-member reads cost least there (measured).
    const memberships = membershipsOf(await this.reader.read(activeInGuildSql, [userId, guildId]));
    const withState: MembershipWithState[] = [];
    for (const { cohort, member } of memberships) {
      const planState = planStateOf(await this.reader.read(planStateSql, [member.id, member.id]));
      const completions = withCompletions ? (await this.reader.read(streakRowsSql, [member.id])).map(toStreakRow) : null;
      withState.push({ cohort, member, planState, completions });
    }
    return withState;
  }
}

/** A row of postgresDaySql: its JSON arrays (pg has parsed them) as planStateOf's and toStreakRow's rows. */
function membershipWithStateOf(row: Record<string, unknown>, withCompletions: boolean): MembershipWithState {
  const breakWeeks = (row.breakWeeks ?? []) as number[];
  const adjustments = ((row.adjustments ?? []) as JsonRow[]).map(([id, kind, appliedOn, days, itemIds]) => ({
    source: 0,
    id,
    kind,
    appliedOn,
    days,
    itemIds,
    fromDate: null,
    toDate: null,
  }));
  const breaks = ((row.breaks ?? []) as JsonRow[]).map(([id, fromDate, toDate]) => ({ source: 1, id, fromDate, toDate }));
  const completions = ((row.completions ?? []) as JsonRow[]).map(([itemId, completedAt, points, day]) =>
    toStreakRow({ itemId, completedAt: utcDate(completedAt), points, day }),
  );
  return {
    ...membershipOf(row, breakWeeks),
    planState: planStateOf([...adjustments, ...breaks]),
    completions: withCompletions ? completions : null,
  };
}

type JsonRow = readonly unknown[];

/** A timestamp as JSON writes it (ISO 8601 without a zone); the schema's timestamps hold UTC. */
function utcDate(value: unknown): Date {
  return new Date(`${String(value)}Z`);
}
