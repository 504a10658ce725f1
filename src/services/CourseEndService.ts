import { requiredSlots } from "../domain/schedule/choiceSlots.js";
import { z } from "zod";
import { CohortStatus, type Cohort, type MemberRecord } from "../domain/cohort/cohortModel.js";
import type { MemberCourseSummary } from "../domain/cohort/courseSummary.js";
import { courseEndDate, courseHasEnded, endedEarlyOn, wasEndedEarly, type BreakCalendar } from "../domain/schedule/cohortBreaks.js";
import { currentWeekNumber } from "../domain/schedule/currentWeekNumber.js";
import type { PlannedPost } from "../domain/schedule/scheduleTypes.js";
import { OwnRanking, ownRanking, ownRankingOf } from "../domain/privacy/boardPresentation.js";
import { competitionRank } from "../domain/scoring/rankStandings.js";
import type { CheckpointRepository } from "../db/repositories/CheckpointRepository.js";
import type { CohortRepository } from "../db/repositories/CohortRepository.js";
import type { CompletionRepository, ScoreRow } from "../db/repositories/CompletionRepository.js";
import type { Logger } from "../logging/createLogger.js";
import type { CohortContext } from "./PlanService.js";
import type { LeaderboardEntry } from "./StudyService.js";

/** The all-time board as the closing post showed it. */
export interface FinalBoard {
  readonly top: readonly LeaderboardEntry[];
  readonly rankedMembers: number;
  /** Kept while the cohort's board was off: no board was made public at the close, whatever the setting now. */
  readonly keptPrivate?: boolean;
}

const storedBoard = z.object({
  top: z.array(
    z.object({
      rank: z.number().int(),
      memberId: z.number().int(),
      points: z.number().int(),
      // As the privacy rule showed the member when the closing post was made.
      shown: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("name"), displayName: z.string() }),
        z.object({ kind: z.literal("alias"), alias: z.number().int() }),
      ]),
    }),
  ),
  rankedMembers: z.number().int(),
  keptPrivate: z.boolean().optional(),
});

/** The cohort's calendar as the break functions take it. */
export function breakCalendarOf(cohort: Cohort, context: CohortContext): BreakCalendar {
  return {
    startDate: cohort.settings.startDate,
    timeZone: cohort.settings.timeZone,
    curriculumWeeks: context.basePlan.totalWeeks,
    breakWeeks: context.breakWeeks,
  };
}

/**
 * The week `/cohort end` came in (the calendar's, breaks included; 0 before week 1), when that was before
 * the course's planned last day: the closing post then speaks of the weeks that ran, not of a course
 * completed. An end on the last day itself is the course finishing, as the member's summary says.
 */
export function endedAfterWeekOf(cohort: Cohort, context: CohortContext): number | null {
  if (cohort.endedAt === null || !wasEndedEarly(cohort.endedAt, breakCalendarOf(cohort, context))) return null;
  return currentWeekNumber(context.plan, cohort.endedAt);
}

/** Whether the cohort's course is over at `now`: its last week (breaks included) has passed, or it finished. */
export function courseIsOver(cohort: Cohort, context: CohortContext, now: Date): boolean {
  return cohort.status === CohortStatus.Finished || courseHasEnded(breakCalendarOf(cohort, context), now);
}

/**
 * The end of the course: the final board kept when the closing post is made
 * (so late completions change no board), the cohort becoming *finished*, and
 * a member's course summary.
 */
export class CourseEndService {
  constructor(
    private readonly cohorts: CohortRepository,
    private readonly completions: CompletionRepository,
    private readonly checkpoints: CheckpointRepository,
    private readonly logger: Logger,
  ) {}

  /** The final board, once the closing post made it; null before. */
  async finalBoard(cohort: Cohort): Promise<FinalBoard | null> {
    return parseBoard(await this.cohorts.finalBoard(cohort.id));
  }

  /** Keeps `board` as the final one unless one was kept already; returns the one kept. */
  async keepFinalBoard(cohort: Cohort, board: FinalBoard): Promise<FinalBoard> {
    // The members it lists are ranked on it with their listed points, whatever they chose (or left) since it was read.
    const listed = board.top.map((entry) => ({ memberId: entry.memberId, points: entry.points }));
    const stored = await this.cohorts.saveFinalBoard(cohort.id, JSON.stringify(board), listed);
    return parseBoard(stored) ?? board;
  }

  /** After the closing post: the cohort is finished (nothing more is posted or reminded). */
  async finish(cohort: Cohort): Promise<void> {
    if (await this.cohorts.markFinished(cohort.id)) this.logger.info({ cohortId: cohort.id }, "cohort finished");
  }

  /**
   * What `/today` shows once the course is over. `bestStreak`: the member's own streak's best
   * (`MemberPlanService.streakOf`: their zone, their breaks, the days completions were logged for),
   * the streak they saw during the course. `posts`: the cohort's post schedule (`PlanService.postsFor`).
   */
  async summary(
    cohort: Cohort,
    member: MemberRecord,
    context: CohortContext,
    bestStreak: number,
    posts: readonly PlannedPost[],
  ): Promise<MemberCourseSummary> {
    const rows = await this.completions.listForMember(member.id);
    const done = new Set(rows.map((row) => row.itemId));
    const items = [...context.itemsById.values()];
    // A "choose one" group is one Required item, done by any of its tracks (which are not counted as Optional reading).
    const required = requiredSlots(items);
    const points = rows.reduce((sum, row) => sum + row.points, 0);
    const rank = await this.finalRank(cohort, member, points);
    const calendar = breakCalendarOf(cohort, context);
    const endDate = courseEndDate(calendar);
    // A cohort ended early never posted its later prompts: only those due by the end are "of" anything.
    const endedAt = cohort.endedAt?.getTime() ?? Number.POSITIVE_INFINITY;
    const checkpointsPosted = posts.filter((post) => post.kind === "checkpoint" && post.dueAt.getTime() <= endedAt).length;
    // `/checkpoint` answers the current section's before its prompt is posted: never "5 of 4".
    const checkpointsAnswered = await this.checkpoints.countAnsweredIn(member.id, context.curriculum.id);
    return {
      cohortName: cohort.name,
      requiredDone: required.filter((ids) => ids.some((id) => done.has(id))).length,
      requiredTotal: required.length,
      optionalDone: items.filter((item) => item.kind === "Optional" && item.track === null && done.has(item.id)).length,
      points,
      finalRank: rank.rank,
      ranking: rank.ranking,
      rankedMembers: rank.ranked,
      bestStreak,
      checkpointsAnswered,
      checkpointsTotal: Math.max(checkpointsPosted, checkpointsAnswered),
      courseEndDate: endDate,
      endedEarlyOn: endedEarlyOn(cohort.endedAt, calendar),
    };
  }

  /**
   * `/leaderboard view:near` on the kept final board: the `count` members above and below `member` with the
   * points and ranks it kept, and the member between them when it ranked them. At most 2 × count + 1 rows, so
   * at most that many distinct scores to rank.
   */
  async nearOnFinalBoard(cohort: Cohort, member: MemberRecord, count: number): Promise<RankedFinalRow[]> {
    const points = member.finalPoints ?? 0;
    const near = await this.cohorts.nearOnFinalBoard(cohort.id, { memberId: member.id, points }, count);
    const self: ScoreRow[] =
      member.finalRanked && points > 0
        ? [
            {
              memberId: member.id,
              userId: member.userId,
              displayName: member.displayName,
              points,
              reachedAt: new Date(0),
              boardVisibility: member.boardVisibility,
              alias: member.alias,
            },
          ]
        : [];
    const rows = [...near.above, ...self, ...near.below];
    const rankByPoints = new Map<number, number>();
    for (const score of new Set(rows.map((row) => row.points)))
      rankByPoints.set(score, competitionRank((await this.cohorts.finalStanding(cohort.id, score)).ahead));
    return rows.map((row) => ({ ...row, rank: rankByPoints.get(row.points) ?? 0 }));
  }

  /**
   * Rank on the final board; before it is made (the closing post is still to come), on the live one. Counted
   * among the members ranked there only: a member who took no place on it (hidden, or excluded, when it was made)
   * is told, as `ranking` says, the place they would take, or (excluded) none.
   */
  async finalRank(cohort: Cohort, member: MemberRecord, points: number): Promise<FinalRank> {
    if ((await this.cohorts.finalBoard(cohort.id)) !== null) {
      const finalPoints = member.finalPoints ?? 0;
      const { ahead, ranked } = await this.cohorts.finalStanding(cohort.id, finalPoints);
      const ranking = finalRanking(member);
      return { rank: finalPoints > 0 && ranking !== OwnRanking.Excluded ? competitionRank(ahead) : null, ranked, ranking };
    }
    const { ahead, ranked } = await this.completions.standing(cohort.id, null, points);
    const ranking = ownRankingOf(member);
    return {
      rank: points > 0 && member.leftAt === null && ranking !== OwnRanking.Excluded ? competitionRank(ahead) : null,
      ranked,
      ranking,
    };
  }
}

/** A line of the kept final board around a member, with the rank the board gave it. */
export type RankedFinalRow = ScoreRow & { readonly rank: number };

/** A member's rank for themselves (CourseEndService.finalRank). */
export interface FinalRank {
  /** Null without points, or when excluded; for a member hidden from the board, the place they would take. */
  readonly rank: number | null;
  readonly ranked: number;
  readonly ranking: OwnRanking;
}

/**
 * How a member stands on the kept final board, which is the truth after the close: a member it ranked keeps
 * their place though excluded since, as the board still lists them (one who hid since is told the place they
 * would take, as /leaderboard does); one it did not rank (hidden or excluded then) is never ranked: the place
 * they would take, or none while excluded.
 */
export function finalRanking(member: MemberRecord): OwnRanking {
  if (member.finalRanked) return ownRanking({ visibility: member.boardVisibility, excluded: false });
  return member.excluded ? OwnRanking.Excluded : OwnRanking.Hidden;
}

function parseBoard(json: string | null): FinalBoard | null {
  if (json === null) return null;
  const parsed = storedBoard.safeParse(JSON.parse(json));
  if (!parsed.success) return null;
  const { rankedMembers, top } = parsed.data;
  return {
    rankedMembers,
    top: top.map((entry) => ({ ...entry, isCaller: false })),
    // A board kept before the flag was: one kept while off lists nobody though it ranked members.
    keptPrivate: parsed.data.keptPrivate ?? (top.length === 0 && rankedMembers > 0),
  };
}
