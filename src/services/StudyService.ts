import type { Cohort, MemberRecord } from "../domain/cohort/cohortModel.js";
import { CohortStatus } from "../domain/cohort/cohortModel.js";
import type { StoredItem, StoredSection } from "../domain/curriculum/storedCurriculum.js";
import { dayInfo, type DayInfo } from "../domain/schedule/dayInfo.js";
import { currentWeekNumber } from "../domain/schedule/currentWeekNumber.js";
import type { AssignedItem, PlanWeek } from "../domain/schedule/scheduleTypes.js";
import { pointsForCompletion } from "../domain/scoring/pointsForCompletion.js";
import { competitionRank, rankStandings } from "../domain/scoring/rankStandings.js";
import { streak } from "../domain/scoring/streak.js";
import type { BoardAnchor, CompletionRecord, CompletionRepository, ScoreRow } from "../db/repositories/CompletionRepository.js";
import type { MemberRepository } from "../db/repositories/MemberRepository.js";
import { BoardVisibility, boardPresentation, CohortBoard, isBoardVisibility, isRanked } from "../domain/privacy/boardPresentation.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import { maxChoices, matchScore, type CohortService } from "./CohortService.js";
import type { CohortContext, PlanService } from "./PlanService.js";

export interface MemberRequest {
  readonly guildId: string;
  readonly userId: string;
  /** The `cohort` option, or null when left out. */
  readonly cohort: string | null;
  readonly now: Date;
}

export interface ItemStatus {
  readonly item: StoredItem;
  readonly assignedDate: string | null;
  readonly done: boolean;
}

export interface WeekProgress {
  readonly weekNumber: number;
  readonly done: number;
  readonly total: number;
}

export interface TodayView {
  readonly cohort: Cohort;
  readonly day: DayInfo;
  readonly totalWeeks: number;
  readonly items: readonly ItemStatus[];
  readonly overdue: readonly ItemStatus[];
  /** Minutes of today's items still to read. */
  readonly minutesLeft: number;
  readonly minutesTotal: number;
  readonly week: WeekProgress | null;
  readonly nextStudyDate: string | null;
}

export interface CompletionView {
  readonly cohort: Cohort;
  readonly item: StoredItem;
  readonly alreadyDone: boolean;
  readonly points: number;
  readonly onTime: boolean;
  readonly totalPoints: number;
  readonly streak: number;
  readonly required: { readonly done: number; readonly total: number };
}

export interface UndoView {
  readonly cohort: Cohort;
  readonly item: StoredItem;
  readonly pointsRemoved: number;
  readonly totalPoints: number;
}

export interface WeekView {
  readonly cohort: Cohort;
  readonly week: PlanWeek;
  readonly totalWeeks: number;
  readonly isCurrent: boolean;
  /** The cohort week now: 0 before the start, totalWeeks + 1 after the end. */
  readonly currentWeek: number;
  readonly doneItemIds: ReadonlySet<number>;
  readonly references: readonly StoredItem[];
}

export interface SectionProgress {
  readonly section: StoredSection;
  readonly done: number;
  readonly total: number;
}

export interface ProgressView {
  readonly cohort: Cohort;
  readonly member: MemberRecord;
  readonly required: { readonly done: number; readonly total: number };
  readonly minutesDone: number;
  readonly minutesTotal: number;
  readonly sections: readonly SectionProgress[];
  readonly streak: number;
  readonly points: number;
  readonly rank: number | null;
  readonly rankedMembers: number;
}

/** One `item` autocomplete choice: the Discord layer words its label. */
export interface ItemSuggestion {
  readonly itemId: number;
  readonly title: string;
  readonly done: boolean;
  readonly weekStart: number;
  readonly weekEnd: number;
}

export const LeaderboardPeriod = { Week: "week", All: "all" } as const;
export type LeaderboardPeriod = (typeof LeaderboardPeriod)[keyof typeof LeaderboardPeriod];

/** `/leaderboard view:`: the top ten, or the caller with the two members above and below. */
export const LeaderboardScope = { Top: "top", Near: "near" } as const;
export type LeaderboardScope = (typeof LeaderboardScope)[keyof typeof LeaderboardScope];

/** How a board shows one member, decided by the privacy rule: a name never reaches a renderer unless it may be shown. */
export type ShownMember = { readonly kind: "name"; readonly displayName: string } | { readonly kind: "alias"; readonly alias: number };

export interface LeaderboardEntry {
  readonly memberId: number;
  readonly rank: number;
  readonly points: number;
  readonly shown: ShownMember;
  /** The member who asked (for view:near). */
  readonly isCaller: boolean;
}

export interface LeaderboardCaller {
  /** The caller's own name: only ever shown to the caller, or publicly when their board presentation is by name. */
  readonly displayName: string;
  /** How public boards show the caller. */
  readonly presentation: BoardVisibility;
  /** Holds the cohort's exclude_role: never ranked. */
  readonly excluded: boolean;
  /** Null without points or when excluded; for a hidden member, the place they would take. */
  readonly rank: number | null;
  readonly points: number;
}

export interface LeaderboardView {
  readonly cohort: Cohort;
  readonly period: LeaderboardPeriod;
  readonly scope: LeaderboardScope;
  readonly weekNumber: number | null;
  /** False when the cohort's board is off: `top` is empty and only the caller's own standing is shown, privately. */
  readonly boardOn: boolean;
  readonly top: readonly LeaderboardEntry[];
  /** The member who asked (null for the scheduler's posts). */
  readonly caller: LeaderboardCaller | null;
  readonly rankedMembers: number;
  /** Whether the reply may be public: the board is on and the caller appears on it by name. */
  readonly publicReply: boolean;
}

/** How many members above and below the caller view:near shows. */
const nearCount = 2;

/** What members do: read today's plan, log and undo completions, see progress and rankings. */
export class StudyService {
  constructor(
    private readonly cohorts: CohortService,
    private readonly plans: PlanService,
    private readonly completions: CompletionRepository,
    private readonly logger: Logger,
    private readonly members: MemberRepository,
  ) {}

  async today(request: MemberRequest): Promise<TodayView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    const context = await this.plans.contextFor(cohort);
    const done = await this.doneSet(member.id);
    const day = dayInfo(cohort.settings, request.now);
    const statusOf = (assigned: AssignedItem): ItemStatus => ({
      item: itemOf(context, assigned.id),
      assignedDate: assigned.assignedDate,
      done: done.has(assigned.id),
    });
    const todays = (context.plan.dayByDate.get(day.localDate)?.items ?? []).map(statusOf);
    const overdue: ItemStatus[] = [];
    for (const [itemId, date] of context.plan.assignedDateByItemId) {
      if (date < day.localDate && !done.has(itemId)) {
        overdue.push({ item: itemOf(context, itemId), assignedDate: date, done: false });
      }
    }
    overdue.sort((a, b) => (a.assignedDate ?? "").localeCompare(b.assignedDate ?? "") || a.item.position - b.item.position);
    const week = context.plan.weeks[day.weekNumber - 1];
    const weekItems = week?.days.flatMap((planDay) => planDay.items) ?? [];
    const minutesOf = (status: ItemStatus) => status.item.minutes ?? 0;
    const nextStudyDate = [...context.plan.dayByDate.keys()].filter((date) => date > day.localDate).sort()[0] ?? null;
    return {
      cohort,
      day,
      totalWeeks: context.plan.totalWeeks,
      items: todays,
      overdue,
      minutesLeft: todays.filter((status) => !status.done).reduce((sum, status) => sum + minutesOf(status), 0),
      minutesTotal: todays.reduce((sum, status) => sum + minutesOf(status), 0),
      week:
        week === undefined
          ? null
          : { weekNumber: week.number, done: weekItems.filter((item) => done.has(item.id)).length, total: weekItems.length },
      nextStudyDate,
    };
  }

  async complete(request: MemberRequest & { readonly item: string }): Promise<CompletionView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    if (cohort.status === CohortStatus.Ended) throw new UserError("cohort.ended", { name: cohort.name });
    const context = await this.plans.contextFor(cohort);
    const item = findItem(context, request.item);
    const assignedDate = context.plan.assignedDateByItemId.get(item.id) ?? null;
    const score = pointsForCompletion(item, request.now, assignedDate, cohort.settings.timeZone);
    const weekNumber = Math.max(0, dayInfo(cohort.settings, request.now).weekNumber);
    const { created, completion } = await this.completions.record({
      memberId: member.id,
      cohortId: cohort.id,
      itemId: item.id,
      completedAt: request.now,
      weekNumber,
      points: score.points,
      onTime: score.onTime,
    });
    if (created) {
      this.logger.info({ cohortId: cohort.id, memberId: member.id, itemId: item.id, points: completion.points }, "completion logged");
    }
    const all = await this.completions.listForMember(member.id);
    return {
      cohort,
      item,
      alreadyDone: !created,
      points: completion.points,
      onTime: completion.onTime,
      totalPoints: all.reduce((sum, row) => sum + row.points, 0),
      streak: streak(
        all.map((row) => row.completedAt),
        request.now,
        cohort.settings,
      ),
      required: requiredProgress(context, new Set(all.map((row) => row.itemId))),
    };
  }

  async undo(request: MemberRequest & { readonly item: string }): Promise<UndoView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    // An ended cohort's final leaderboard is posted: its completions are frozen both ways.
    if (cohort.status === CohortStatus.Ended) throw new UserError("cohort.ended", { name: cohort.name });
    const context = await this.plans.contextFor(cohort);
    const item = findItem(context, request.item);
    const removed = await this.completions.remove(member.id, item.id, cohort.id);
    if (removed === null) throw new UserError("item.notDone", { title: item.title });
    this.logger.info({ cohortId: cohort.id, memberId: member.id, itemId: item.id, points: removed.points }, "completion undone");
    const all = await this.completions.listForMember(member.id);
    return { cohort, item, pointsRemoved: removed.points, totalPoints: all.reduce((sum, row) => sum + row.points, 0) };
  }

  async week(request: MemberRequest & { readonly weekNumber: number | null }): Promise<WeekView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    const context = await this.plans.contextFor(cohort);
    const total = context.plan.totalWeeks;
    const current = currentWeekNumber(context.plan, request.now);
    const wanted = request.weekNumber ?? Math.min(Math.max(current, 1), total);
    const week = context.plan.weeks[wanted - 1];
    if (week === undefined || !Number.isInteger(wanted)) throw new UserError("input.invalidWeek", { total });
    const sectionKeys = new Set(week.sections.map((section) => section.key));
    const references = [...context.plan.referenceItemsBySection]
      .filter(([key]) => sectionKeys.has(key))
      .flatMap(([, items]) => items.map((item) => itemOf(context, item.id)));
    return {
      cohort,
      week,
      totalWeeks: total,
      isCurrent: wanted === current,
      currentWeek: current,
      doneItemIds: await this.doneSet(member.id),
      references,
    };
  }

  /** `targetUserId` lets a member look at someone else's progress in the same cohort. */
  async progress(request: MemberRequest & { readonly targetUserId: string | null }): Promise<ProgressView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    const targetId = request.targetUserId ?? request.userId;
    const target = targetId === request.userId ? member : await this.cohorts.memberOf(cohort, targetId);
    // Someone else's progress shows their points and rank: only for members the boards show by name.
    if (
      target.id !== member.id &&
      boardPresentation(cohort.leaderboard, { visibility: target.boardVisibility, excluded: target.excluded }) !== BoardVisibility.Name
    )
      throw new UserError("privacy.progressPrivate");
    const context = await this.plans.contextFor(cohort);
    const all = await this.completions.listForMember(target.id);
    const done = new Set(all.map((row) => row.itemId));
    const assigned = [...context.plan.assignedDateByItemId.keys()].map((id) => itemOf(context, id));
    const sections = context.curriculum.sections.map((section) => {
      const sectionItems = assigned.filter((item) => item.sectionId === section.id);
      return { section, done: sectionItems.filter((item) => done.has(item.id)).length, total: sectionItems.length };
    });
    const points = all.reduce((sum, row) => sum + row.points, 0);
    const { ahead, ranked } = await this.completions.standing(cohort.id, null, points);
    return {
      cohort,
      member: target,
      required: requiredProgress(context, done),
      minutesDone: assigned.filter((item) => done.has(item.id)).reduce((sum, item) => sum + (item.minutes ?? 0), 0),
      minutesTotal: assigned.reduce((sum, item) => sum + (item.minutes ?? 0), 0),
      sections: sections.filter((entry) => entry.total > 0),
      streak: streak(
        all.map((row) => row.completedAt),
        request.now,
        cohort.settings,
      ),
      points,
      rank: points > 0 && target.leftAt === null ? competitionRank(ahead) : null,
      rankedMembers: ranked,
    };
  }

  async leaderboard(
    request: MemberRequest & { readonly period: LeaderboardPeriod; readonly scope?: LeaderboardScope },
  ): Promise<LeaderboardView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    return this.leaderboardOf(cohort, request.period, request.now, member, undefined, request.scope ?? LeaderboardScope.Top);
  }

  /** Also used by the scheduler's posts (no caller there): every public board goes through the privacy rule here. */
  async leaderboardOf(
    cohort: Cohort,
    period: LeaderboardPeriod,
    now: Date,
    caller: MemberRecord | null,
    weekOverride?: number,
    scope: LeaderboardScope = LeaderboardScope.Top,
  ): Promise<LeaderboardView> {
    const weekNumber = period === LeaderboardPeriod.Week ? (weekOverride ?? Math.max(1, dayInfo(cohort.settings, now).weekNumber)) : null;
    const boardOn = cohort.leaderboard !== CohortBoard.Off;
    // A post (no caller) reads who holds the exclude role first: roles change between posts, and a post stays up.
    if (caller === null && boardOn && cohort.excludeRoleId !== null) await this.cohorts.refreshExclusions(cohort);
    const score = caller === null ? null : await this.callerScore(caller, weekNumber);
    // The caller's rank and the ranked count come from one query (CompletionRepository.standing): the
    // board walk behind each is the expensive part of a /leaderboard on a large cohort.
    const { ahead, ranked } = await this.completions.standing(cohort.id, weekNumber, score?.points ?? 0);
    let rows: ScoreRow[] = [];
    if (boardOn && scope === LeaderboardScope.Top) {
      rows =
        weekNumber === null
          ? await this.completions.topAllTime(cohort.id, 10)
          : await this.completions.topOfWeek(cohort.id, weekNumber, 10);
    }
    const top =
      boardOn && scope === LeaderboardScope.Near && caller !== null && score !== null
        ? await this.nearEntries(cohort, weekNumber, caller, score)
        : await this.entries(cohort, rankStandings(rows), caller);
    const callerView = caller === null || score === null ? null : this.callerView(cohort, caller, score.points, ahead);
    const publicReply = boardOn && (callerView === null || callerView.presentation === BoardVisibility.Name);
    return { cohort, period, scope, weekNumber, boardOn, top, caller: callerView, rankedMembers: ranked, publicReply };
  }

  private async callerScore(caller: MemberRecord, weekNumber: number | null): Promise<BoardAnchor> {
    if (weekNumber !== null) return { memberId: caller.id, ...(await this.completions.weekScore(caller.id, weekNumber)) };
    return {
      memberId: caller.id,
      points: await this.completions.totalPoints(caller.id),
      reachedAt: caller.pointsReachedAt ?? new Date(0),
    };
  }

  private callerView(cohort: Cohort, caller: MemberRecord, points: number, ahead: number): LeaderboardCaller {
    const privacy = { visibility: caller.boardVisibility, excluded: caller.excluded };
    return {
      displayName: caller.displayName,
      presentation: boardPresentation(cohort.leaderboard, privacy),
      excluded: caller.excluded,
      // Ranks count only ranked members, so a hidden member's "would be" rank is the same count plus one.
      rank: points <= 0 || caller.excluded ? null : competitionRank(ahead),
      points,
    };
  }

  /** The caller between the members just above and below them, each with their competition rank. */
  private async nearEntries(
    cohort: Cohort,
    weekNumber: number | null,
    caller: MemberRecord,
    anchor: BoardAnchor,
  ): Promise<LeaderboardEntry[]> {
    const near =
      weekNumber === null
        ? await this.completions.nearAllTime(cohort.id, anchor, nearCount)
        : await this.completions.nearOfWeek(cohort.id, weekNumber, anchor, nearCount);
    const self: ScoreRow[] =
      anchor.points > 0 && isRanked({ visibility: caller.boardVisibility, excluded: caller.excluded })
        ? [
            {
              ...anchor,
              userId: caller.userId,
              displayName: caller.displayName,
              boardVisibility: caller.boardVisibility,
              alias: caller.alias,
            },
          ]
        : [];
    const rows = [...near.above, ...self, ...near.below];
    // At most five rows, so at most five distinct scores to rank.
    const rankByPoints = new Map<number, number>();
    for (const points of new Set(rows.map((row) => row.points))) {
      rankByPoints.set(points, competitionRank((await this.completions.standing(cohort.id, weekNumber, points)).ahead));
    }
    return this.entries(
      cohort,
      rows.map((row) => ({ ...row, rank: rankByPoints.get(row.points) ?? 0 })),
      caller,
    );
  }

  /** Applies the privacy rule to ranked rows, giving an alias number to whoever needs one for the first time. */
  private async entries(cohort: Cohort, rows: readonly (ScoreRow & { readonly rank: number })[], caller: MemberRecord | null) {
    const entries: LeaderboardEntry[] = [];
    for (const row of rows) {
      const visibility = isBoardVisibility(row.boardVisibility) ? row.boardVisibility : BoardVisibility.Hidden;
      const presentation = boardPresentation(cohort.leaderboard, { visibility, excluded: false });
      if (presentation === BoardVisibility.Hidden) continue;
      const shown: ShownMember =
        presentation === BoardVisibility.Name
          ? { kind: "name", displayName: row.displayName }
          : { kind: "alias", alias: row.alias ?? (await this.members.assignAlias(row.memberId, cohort.id)) };
      entries.push({ memberId: row.memberId, rank: row.rank, points: row.points, shown, isCaller: row.memberId === caller?.id });
    }
    return entries;
  }

  /** Autocomplete for `item`: today's and overdue items first, then the rest, best matches first. */
  async suggestItems(request: MemberRequest & { readonly query: string; readonly onlyDone?: boolean }): Promise<ItemSuggestion[]> {
    let resolved;
    try {
      resolved = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    } catch (error) {
      if (error instanceof UserError) return [];
      throw error;
    }
    const { cohort, member } = resolved;
    const context = await this.plans.contextFor(cohort);
    const done = await this.doneSet(member.id);
    const today = dayInfo(cohort.settings, request.now).localDate;
    const candidates: { item: StoredItem; priority: number; score: number }[] = [];
    for (const item of context.itemsById.values()) {
      if (request.onlyDone === true ? !done.has(item.id) : false) continue;
      const score = matchScore(item.title, request.query);
      if (score < 0) continue;
      const date = context.plan.assignedDateByItemId.get(item.id);
      const priority = date === undefined ? 0 : date === today ? 3 : date < today && !done.has(item.id) ? 2 : 1;
      candidates.push({ item, priority, score });
    }
    candidates.sort((a, b) => b.score - a.score || b.priority - a.priority || a.item.position - b.item.position);
    // Rank by match first only when the user typed something; otherwise today's and overdue lead.
    if (request.query.trim() === "") candidates.sort((a, b) => b.priority - a.priority || a.item.position - b.item.position);
    const sections = new Map(context.curriculum.sections.map((section) => [section.id, section]));
    return candidates.slice(0, maxChoices).map(({ item }) => {
      const section = sections.get(item.sectionId);
      return {
        itemId: item.id,
        title: item.title,
        done: done.has(item.id),
        weekStart: section?.weekStart ?? 0,
        weekEnd: section?.weekEnd ?? 0,
      };
    });
  }

  private async doneSet(memberId: number): Promise<Set<number>> {
    return new Set((await this.completions.listForMember(memberId)).map((row: CompletionRecord) => row.itemId));
  }
}

function itemOf(context: CohortContext, itemId: number): StoredItem {
  const item = context.itemsById.get(itemId);
  if (item === undefined) throw new Error(`item ${itemId} is not in curriculum ${context.curriculum.id}`);
  return item;
}

function requiredProgress(context: CohortContext, done: ReadonlySet<number>): { done: number; total: number } {
  const required = [...context.itemsById.values()].filter((item) => item.kind === "Required");
  return { done: required.filter((item) => done.has(item.id)).length, total: required.length };
}

/**
 * The `item` option: an id chosen from autocomplete, or a title typed by hand.
 * Only items of this cohort's curriculum are found, whatever value is sent.
 */
export function findItem(context: CohortContext, raw: string): StoredItem {
  const value = raw.trim();
  if (/^\d{1,15}$/.test(value)) {
    const byId = context.itemsById.get(Number(value));
    if (byId !== undefined) return byId;
  }
  const wanted = value
    .replace(/^✓\s*/, "")
    .replace(/\s·\s.*$/, "")
    .toLowerCase();
  const matches = [...context.itemsById.values()].filter((item) => item.title.toLowerCase() === wanted);
  const [first] = matches;
  if (first === undefined) throw new UserError("item.unknown", { value: value.slice(0, 100) });
  if (matches.length > 1) {
    const sections = new Map(context.curriculum.sections.map((section) => [section.id, section]));
    throw new UserError("item.ambiguous", {
      choices: matches.map((item) => {
        const section = sections.get(item.sectionId);
        return {
          title: item.title,
          sectionTitle: section?.title ?? "",
          weekStart: section?.weekStart ?? 0,
          weekEnd: section?.weekEnd ?? 0,
        };
      }),
    });
  }
  return first;
}
