import { z } from "zod";
import { cohortBoardClosed, CohortStatus, finishedCourseWeeks, type Cohort, type MemberRecord } from "../domain/cohort/cohortModel.js";
import type { MemberCourseSummary } from "../domain/cohort/courseSummary.js";
import {
  calendarWeekCount,
  courseEndDate,
  courseEndInstant,
  courseHasEnded,
  endedEarlyOn,
  wasEndedEarly,
  type BreakCalendar,
} from "../domain/schedule/cohortBreaks.js";
import { currentWeekNumber } from "../domain/schedule/currentWeekNumber.js";
import type { PlannedPost } from "../domain/schedule/scheduleTypes.js";
import { CohortBoard, OwnRanking, ownRanking, ownRankingOf } from "../domain/privacy/boardPresentation.js";
import { competitionRank } from "../domain/scoring/rankStandings.js";
import type { CheckpointRepository } from "../db/repositories/CheckpointRepository.js";
import type { CohortRepository } from "../db/repositories/CohortRepository.js";
import type { CompletionRepository, ScoreRow } from "../db/repositories/CompletionRepository.js";
import type { ScheduledPostRepository } from "../db/repositories/ScheduledPostRepository.js";
import type { Logger } from "../logging/createLogger.js";
import { WeightedLruCache } from "../shared/WeightedLruCache.js";
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

/**
 * The cohort's calendar as the break functions take it. A finished cohort's course is the one it finished
 * (`Cohort.courseWeeks`), whatever an import added since.
 */
export function breakCalendarOf(cohort: Cohort, context: CohortContext): BreakCalendar {
  return {
    startDate: cohort.settings.startDate,
    timeZone: cohort.settings.timeZone,
    curriculumWeeks: Math.min(context.basePlan.totalWeeks, finishedCourseWeeks(cohort) ?? Number.POSITIVE_INFINITY),
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

/** Cohorts remembered as having sent their closing post (the least recently asked forgotten first). */
const closingSentKept = 10_000;

/**
 * The end of the course: the final board kept when the closing post is made
 * (so late completions change no board), the cohort becoming *finished*, and
 * a member's course summary.
 */
export class CourseEndService {
  /**
   * Cohorts whose closing post is known to have gone out. A sent post stays sent (no process turns it back), so
   * once read as sent it is not read again, whichever process sent it; one not sent yet is read each time.
   */
  private readonly closingKnownSent = new WeightedLruCache<number, true>(closingSentKept);

  constructor(
    private readonly cohorts: CohortRepository,
    private readonly completions: CompletionRepository,
    private readonly checkpoints: CheckpointRepository,
    private readonly logger: Logger,
    private readonly posts: Pick<ScheduledPostRepository, "closingSent" | "lastWeekSent">,
  ) {}

  /**
   * The last week the final board counts (`calendarWeeks`: the course's, breaks included), or a later one whose weekly
   * post went out: a shorter curriculum that ended the course after it ran into later weeks leaves their reading on
   * their weeks' final boards, and so on the course's final board too, rather than "nobody logged points".
   */
  async finalBoardLastWeek(cohort: Cohort, calendarWeeks: number): Promise<number> {
    return Math.max(calendarWeeks, await this.posts.lastWeekSent(cohort.id));
  }

  /**
   * Whether `/leaderboard` and the course summary call the kept final `board` "as posted": the closing post showed it
   * (the board on then and now) and went out. Not a board kept while the board was off, nor one kept when the
   * closing post was skipped (more than 24 hours late: PostService.finishCourse) or failed for good, nor before it
   * is sent.
   */
  async shownAsPosted(cohort: Cohort, board: FinalBoard): Promise<boolean> {
    return board.keptPrivate !== true && cohort.leaderboard !== CohortBoard.Off && (await this.closingSent(cohort.id));
  }

  /** Whether the cohort's closing post went out: read until it has (closingKnownSent). */
  private async closingSent(cohortId: number): Promise<boolean> {
    if (this.closingKnownSent.get(cohortId) === true) return true;
    const sent = await this.posts.closingSent(cohortId);
    if (sent) this.closingKnownSent.set(cohortId, true);
    return sent;
  }

  /** The final board, once the closing post made it; null before. */
  async finalBoard(cohort: Cohort): Promise<FinalBoard | null> {
    return parseBoard(await this.cohorts.finalBoard(cohort.id));
  }

  /**
   * The kept final board, as the closing post made it, or null before; one that no longer parses lists nobody.
   * `read`: it parsed, as `/leaderboard` needs to show it as the final board (finalBoard); else it shows the live one.
   */
  private async keptBoard(cohort: Cohort): Promise<{ readonly board: FinalBoard; readonly read: boolean } | null> {
    const json = await this.cohorts.finalBoard(cohort.id);
    if (json === null) return null;
    const board = parseBoard(json);
    return board === null ? { board: { top: [], rankedMembers: 0 }, read: false } : { board, read: true };
  }

  /**
   * Keeps `board` as the final one unless one was kept already; returns the one kept. `lastWeek`: the course's
   * last calendar week; points logged after it are left out of the members' kept points.
   */
  async keepFinalBoard(cohort: Cohort, board: FinalBoard, lastWeek: number): Promise<FinalBoard> {
    // The members it lists are ranked on it with their listed points, whatever they chose (or left) since it was read.
    const listed = board.top.map((entry) => ({ memberId: entry.memberId, points: entry.points }));
    const stored = await this.cohorts.saveFinalBoard(cohort.id, JSON.stringify(board), listed, lastWeek);
    return parseBoard(stored) ?? board;
  }

  /**
   * After the closing post: the cohort is finished (nothing more is posted or reminded), keeping the weeks of the
   * course it finished (`context`'s): a later import that adds weeks gives it none (`PlanService.contextFor`).
   * Its boards' final edits still due (their week ended after `finalEditsAfter`) are still made (CohortRepository.markFinished),
   * and a board still live at `now` (a shorter curriculum ended the course mid-week) gets its final edit at the next tick.
   */
  async finish(cohort: Cohort, context: CohortContext, finalEditsAfter: Date, now: Date): Promise<void> {
    if (await this.cohorts.markFinished(cohort.id, context.basePlan.totalWeeks, finalEditsAfter, now))
      this.logger.info({ cohortId: cohort.id }, "cohort finished");
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
    now: Date,
  ): Promise<MemberCourseSummary> {
    const rows = await this.completions.listForMember(member.id);
    const done = new Set(rows.map((row) => row.itemId));
    const items = [...context.itemsById.values()];
    // A "choose one" group is one Required item, done by any of its tracks (which are not counted as Optional reading).
    const required = context.requiredSlots;
    const points = rows.reduce((sum, row) => sum + row.points, 0);
    const kept = await this.keptBoard(cohort);
    const calendar = breakCalendarOf(cohort, context);
    // Before the board is kept, once the course's weeks are over: the standing it will keep (late points move no rank).
    const courseLastWeek = courseHasEnded(calendar, now) ? calendarWeekCount(calendar) : null;
    const rank = await this.finalRank(cohort, member, points, kept?.board ?? null, courseLastWeek);
    const endDate = courseEndDate(calendar);
    const endsAt = courseEndInstant(calendar);
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
      // As `/leaderboard` shows a final board (StudyService.finalLeaderboard): one it reads, shown as posted.
      finalBoardPosted: kept?.read === true && (await this.shownAsPosted(cohort, kept.board)),
      rankFinal: kept !== null || cohortBoardClosed(cohort),
      countsUntil: cohort.status !== CohortStatus.Ended && endsAt.getTime() > now.getTime() ? endsAt : null,
    };
  }

  /**
   * `/leaderboard view:near` on the kept final board `board`: the `count` lines above and below `member` in its
   * order (the lines the closing post listed, as it listed them, then the members it ranked below them), and the
   * member's own rank (finalRank). Lines of its top come from `board` itself; at most two short reads of the
   * members below it, and one statement for every rank (finalStandings), none for a listed caller whose lines
   * are all listed.
   */
  async nearOnFinalBoard(
    cohort: Cohort,
    board: FinalBoard,
    member: MemberRecord,
    count: number,
  ): Promise<{ lines: FinalNearLine[]; own: FinalRank }> {
    const points = member.finalPoints ?? 0;
    const ranking = finalRanking(member);
    const placed = points > 0 && ranking !== OwnRanking.Excluded;
    const lines = placed ? await this.linesAround(cohort, board, member, count) : [];
    const rows = lines.flatMap((line) => (line.kind === "row" ? [line.row] : []));
    const topIds = board.top.map((entry) => entry.memberId);
    const listedAt = board.top.find((entry) => entry.memberId === member.id);
    // Ranked count: the board's own (its footer's), so only the members ahead of the lowest score are read; and
    // nothing for a caller with no place, or a listed one among listed lines only (every rank is on the board).
    const scores = [points, ...rows.map((row) => row.points)];
    const { aheadBelowTop } =
      !placed || (listedAt !== undefined && rows.length === 0)
        ? { aheadBelowTop: [] }
        : await this.cohorts.finalStandings(cohort.id, topIds, scores, Math.min(...scores));
    const ranked = board.rankedMembers;
    const rankOf = (memberId: number, score: number, index: number) => finalBoardRank(board, memberId, score, aheadBelowTop[index] ?? 0);
    let index = 0;
    const rankedLines = lines.map((line): FinalNearLine => {
      if (line.kind !== "row") return line;
      index += 1;
      return { kind: "row", row: { ...line.row, rank: rankOf(line.row.memberId, line.row.points, index) } };
    });
    return { lines: rankedLines, own: { rank: placed ? rankOf(member.id, points, 0) : null, ranked, ranking } };
  }

  /** The lines around `member` on the kept board, those below its top not ranked yet (nearOnFinalBoard). */
  private async linesAround(cohort: Cohort, board: FinalBoard, member: MemberRecord, count: number): Promise<FinalNearLine[]> {
    const points = member.finalPoints ?? 0;
    const topIds = board.top.map((entry) => entry.memberId);
    const at = board.top.findIndex((entry) => entry.memberId === member.id);
    // Not listed: after every listed line with as many points or more (those got there first, or were ranked first).
    const place = at >= 0 ? at : board.top.filter((entry) => entry.points >= points).length;
    const self: FinalNearLine[] = at >= 0 ? listedLines(board.top.slice(at, at + 1)) : member.finalRanked ? [ownRow(member, points)] : [];
    const aboveInTop = (from: number, howMany: number) => listedLines(board.top.slice(Math.max(0, from - howMany), from));
    if (place < board.top.length) {
      const after = at >= 0 ? at + 1 : place;
      const belowListed = board.top.slice(after, after + count);
      // Nobody ranked below the top (as the board counts them): nothing to read there.
      const need = board.rankedMembers > board.top.length ? count - belowListed.length : 0;
      const below = need > 0 ? (await this.cohorts.belowFinalTop(cohort.id, topIds, null, { above: 0, below: need })).below : [];
      return [...aboveInTop(place, count), ...self, ...listedLines(belowListed), ...asRows(below)];
    }
    const near = await this.cohorts.belowFinalTop(cohort.id, topIds, { memberId: member.id, points }, { above: count, below: count });
    const fromTop = count - near.above.length;
    return [...(fromTop > 0 ? aboveInTop(board.top.length, fromTop) : []), ...asRows(near.above), ...self, ...asRows(near.below)];
  }

  /**
   * Rank on the final board; before it is made (the closing post is still to come), on the live one. Counted
   * among the members ranked there only: a member who took no place on it (hidden, or excluded, when it was made)
   * is told, as `ranking` says, the place they would take, or (excluded) none. A listed member's is the rank it
   * lists (finalBoardRank). `board`: the kept board when the caller read it already (no second read).
   * `courseLastWeek`: with no board kept yet, the course's last calendar week once it is over: the live standing is
   * then the course's board, which the closing post keeps (points logged after that week left out of everyone's).
   */
  async finalRank(
    cohort: Cohort,
    member: MemberRecord,
    points: number,
    board?: FinalBoard | null,
    courseLastWeek: number | null = null,
  ): Promise<FinalRank> {
    // Any kept board, even one no longer read as such, means the final standing (its top then lists nobody).
    const kept = board === undefined ? ((await this.keptBoard(cohort))?.board ?? null) : board;
    if (kept !== null) {
      const finalPoints = member.finalPoints ?? 0;
      const topIds = kept.top.map((entry) => entry.memberId);
      const { aheadBelowTop, ranked } = await this.cohorts.finalStandings(cohort.id, topIds, [finalPoints]);
      const ranking = finalRanking(member);
      const placed = finalPoints > 0 && ranking !== OwnRanking.Excluded;
      return { rank: placed ? finalBoardRank(kept, member.id, finalPoints, aheadBelowTop[0] ?? 0) : null, ranked, ranking };
    }
    const boardPoints = courseLastWeek === null ? points : (await this.completions.courseScore(member.id, courseLastWeek)).points;
    const { ahead, ranked } =
      courseLastWeek === null
        ? await this.completions.standing(cohort.id, null, points)
        : await this.completions.courseStanding(cohort.id, courseLastWeek, boardPoints);
    const ranking = ownRankingOf(member);
    return {
      rank: boardPoints > 0 && member.leftAt === null && ranking !== OwnRanking.Excluded ? competitionRank(ahead) : null,
      ranked,
      ranking,
    };
  }
}

/** A line of view:near on the kept final board: one its top lists (as kept), or a member it ranked below it. */
export type FinalNearLine =
  { readonly kind: "listed"; readonly entry: LeaderboardEntry } | { readonly kind: "row"; readonly row: RankedFinalRow };

function listedLines(entries: readonly LeaderboardEntry[]): FinalNearLine[] {
  return entries.map((entry) => ({ kind: "listed", entry }));
}

function asRows(rows: readonly ScoreRow[]): FinalNearLine[] {
  return rows.map((row) => ({ kind: "row", row: { ...row, rank: 0 } }));
}

/** The member's own line below the top of the kept board (ranked on it with the points it kept). */
function ownRow(member: MemberRecord, points: number): FinalNearLine {
  const { id: memberId, userId, displayName, boardVisibility, alias } = member;
  return { kind: "row", row: { memberId, userId, displayName, points, reachedAt: new Date(0), boardVisibility, alias, rank: 0 } };
}

/**
 * A rank on the kept final board, consistent with the ranks its top shows: a listed member's is the one it lists;
 * below it, the members ahead are those its top counted ahead (its ranks as posted, though a listed member deleted
 * their data since) plus `aheadBelowTop`, the members it ranked below its top with more points.
 */
export function finalBoardRank(board: FinalBoard, memberId: number, points: number, aheadBelowTop: number): number {
  const listed = board.top.find((entry) => entry.memberId === memberId);
  if (listed !== undefined) return listed.rank;
  const level = board.top.find((entry) => entry.points <= points);
  const last = board.top.at(-1);
  const aheadInTop =
    level !== undefined
      ? level.rank - 1
      : last === undefined
        ? 0
        : last.rank - 1 + board.top.filter((entry) => entry.rank === last.rank).length;
  return competitionRank(aheadInTop + aheadBelowTop);
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
 * How a member stands on the kept final board: a member excluded now has no place on it, as on every board the
 * bot redraws (the board leaves them out while they hold the role, and ranks them again once it is taken away);
 * one it ranked keeps their place (one who hid since is told the place they would take, as /leaderboard does);
 * one it did not rank (hidden or excluded then) is never ranked: the place they would take.
 */
export function finalRanking(member: MemberRecord): OwnRanking {
  if (member.excluded) return OwnRanking.Excluded;
  return member.finalRanked ? ownRanking({ visibility: member.boardVisibility, excluded: false }) : OwnRanking.Hidden;
}

function parseBoard(json: string | null): FinalBoard | null {
  if (json === null) return null;
  const parsed = storedBoard.safeParse(JSON.parse(json));
  if (!parsed.success) return null;
  const { rankedMembers, top } = parsed.data;
  return {
    rankedMembers,
    top: top.map((entry) => ({ ...entry, isCaller: false })),
    // A board kept before the flag was (2026-12-06): one kept while off lists nobody though it ranked members. An
    // inference, and it can misread: a board all of whose listed members deleted their data since (members it
    // ranked below its top remaining), or one whose top was read empty while members it ranked reached their
    // points before the keeping's UPDATE, reads as kept private (README, /leaderboard).
    keptPrivate: parsed.data.keptPrivate ?? (top.length === 0 && rankedMembers > 0),
  };
}
