import type { Cohort, MemberRecord } from "../../domain/cohort/cohortModel.js";
import type { DatabaseTarget } from "../parseDatabaseUrl.js";
import type { SqlReader } from "../SqlReader.js";
import { postgresEpochMillis, readSqliteStreakRows, toStreakRow, type StreakRow } from "./CompletionRepository.js";
import { planStateOf, planStateSql, type StoredMemberPlanState } from "./MemberPlanRepository.js";
import { activeInCohortSql, activeInGuildSql, membershipColumns, membershipOf, membershipsOf } from "./MemberRepository.js";

/**
 * An active membership with what the member's day is built from, when read with it: the plan state
 * and completions are read for the one membership the read finds only (see MemberDayRepository).
 */
export interface MembershipWithState {
  readonly cohort: Cohort;
  readonly member: MemberRecord;
  /** undefined: not read (the read found several memberships). */
  readonly planState: StoredMemberPlanState | undefined;
  /** The member's completions (CompletionRepository.streakRowsForMember's rows); null when not asked for or not read. */
  readonly completions: readonly StreakRow[] | null;
}

/**
 * PostgreSQL: ONE statement, one row per membership with its cohort's break weeks and, when the
 * statement finds one membership only, the member's plan state and (when asked) completions aggregated
 * as JSON beside it. Measured against the same reads as three statements in one message
 * (PostgresTransactionRunner) and as two round trips: about half the client CPU per call, mostly pg's
 * per-row work on a hundred completion rows. With several memberships (ended cohorts keep theirs) the
 * CASE leaves the subqueries unrun (PostgreSQL evaluates a CASE's branch only when taken: EXPLAIN
 * ANALYZE shows them "never executed"), since the service picks one by the `cohort:` option or refuses.
 */
function postgresDaySql(withCompletions: boolean, inOneCohort: boolean): string {
  const onlyOne = (subquery: string) => `CASE WHEN count(*) OVER () = 1 THEN (${subquery}) END`;
  const completions = withCompletions
    ? `, ${onlyOne(`SELECT json_agg(json_build_array(x."itemId", ${postgresEpochMillis(`x."completedAt"`)}, x."points", x."day") ORDER BY x."completedAt")
         FROM "Completion" x WHERE x."memberId" = m."id"`)} AS "completions"`
    : "";
  // bigint: the option's id may be out of the column's range (no row then, rather than an error).
  const inCohort = inOneCohort ? ` AND m."cohortId" = CAST(? AS bigint)` : "";
  return `
  SELECT ${membershipColumns}, count(*) OVER () AS "membershipCount",
    (SELECT json_agg(b."week" ORDER BY b."week") FROM "CohortBreak" b WHERE b."cohortId" = c."id") AS "breakWeeks",
    ${onlyOne(`SELECT json_agg(json_build_array(a."id", a."kind", a."appliedOn", a."days", a."itemIds") ORDER BY a."id")
       FROM "MemberAdjustment" a WHERE a."memberId" = m."id"`)} AS "adjustments",
    ${onlyOne(`SELECT json_agg(json_build_array(k."id", k."fromDate", k."toDate", k."bookedAfterAdjustmentId") ORDER BY k."id")
       FROM "MemberBreak" k WHERE k."memberId" = m."id"`)} AS "breaks"${completions}
  FROM "Member" m JOIN "Cohort" c ON c."id" = m."cohortId"
  WHERE m."userId" = ? AND m."leftAt" IS NULL AND c."guildId" = ?${inCohort}
  ORDER BY c."createdAt", m."cohortId"`;
}

const postgresSql = {
  withCompletions: postgresDaySql(true, false),
  withoutCompletions: postgresDaySql(false, false),
  inCohortWithCompletions: postgresDaySql(true, true),
  inCohortWithoutCompletions: postgresDaySql(false, true),
} as const;

/** Which memberships to read: the user's in the guild, and, when the `cohort:` option is an id, in that cohort only. */
export interface MemberDayQuery {
  readonly guildId: string;
  readonly userId: string;
  /** The cohort's id from the option; null: every membership in the guild. */
  readonly cohortId: number | null;
  readonly withCompletions: boolean;
}

/**
 * What `/today` and `/done` start from, read by (guild, user) rather than member by member: the
 * memberships with their cohorts and, when the read finds exactly one (the usual case, or the `cohort:`
 * option's id), the member's plan state and, when asked, completions. On PostgreSQL one statement (one
 * round trip instead of two in sequence); on SQLite the memberships, then that member's plan state and
 * completions by member id (three reads, on the hot reader, in-process). With several memberships
 * (no option: the service refuses; a name: it picks one) the state is left unread, for the service to
 * read the chosen member's.
 */
export class MemberDayRepository {
  /** `reader`: DatabaseHandle.hotReader. */
  constructor(
    private readonly reader: SqlReader,
    private readonly provider: DatabaseTarget["provider"],
  ) {}

  async listActiveInGuild(query: MemberDayQuery): Promise<MembershipWithState[]> {
    const { guildId, userId, cohortId, withCompletions } = query;
    const params = cohortId === null ? [userId, guildId] : [userId, guildId, cohortId];
    if (this.provider === "postgresql") {
      const sql = postgresSqlFor(cohortId !== null, withCompletions);
      return (await this.reader.read(sql, params)).map((row) => membershipWithStateOf(row, withCompletions));
    }
    // SQLite, in process: no round trip to save; the member-by-member reads cost least there (measured).
    const memberships = membershipsOf(await this.reader.read(cohortId === null ? activeInGuildSql : activeInCohortSql, params));
    const [only] = memberships;
    if (only === undefined || memberships.length > 1)
      return memberships.map((membership) => ({ ...membership, planState: undefined, completions: null }));
    const planState = planStateOf(await this.reader.read(planStateSql, [only.member.id, only.member.id]));
    const completions = withCompletions ? await readSqliteStreakRows(this.reader, only.member.id) : null;
    return [{ ...only, planState, completions }];
  }
}

function postgresSqlFor(inOneCohort: boolean, withCompletions: boolean): string {
  if (inOneCohort) return withCompletions ? postgresSql.inCohortWithCompletions : postgresSql.inCohortWithoutCompletions;
  return withCompletions ? postgresSql.withCompletions : postgresSql.withoutCompletions;
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
    bookedAfterAdjustmentId: null,
  }));
  const breaks = ((row.breaks ?? []) as JsonRow[]).map(([id, fromDate, toDate, bookedAfterAdjustmentId]) => ({
    source: 1,
    id,
    fromDate,
    toDate,
    bookedAfterAdjustmentId,
  }));
  const completions = ((row.completions ?? []) as JsonRow[]).map(([itemId, completedAt, points, day]) =>
    toStreakRow({ itemId, completedAt: new Date(completedAt as number), points, day }),
  );
  // The subqueries ran only when the statement found this membership alone (else their NULLs mean "not read").
  const stateRead = Number(row.membershipCount) === 1;
  return {
    ...membershipOf(row, breakWeeks),
    planState: stateRead ? planStateOf([...adjustments, ...breaks]) : undefined,
    completions: stateRead && withCompletions ? completions : null,
  };
}

type JsonRow = readonly unknown[];
