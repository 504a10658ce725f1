import { isRunning, type Cohort } from "../domain/cohort/cohortModel.js";
import { courseFitsCalendar } from "../domain/schedule/calendarReach.js";
import { BreakProblem, calendarWeekCount, checkBreakChange, courseEndDate } from "../domain/schedule/cohortBreaks.js";
import { AuditAction } from "../domain/audit/auditAction.js";
import type { CohortRepository } from "../db/repositories/CohortRepository.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import type { AuditLog } from "./AuditLog.js";
import { ClosedWordings } from "./closedCohortError.js";
import type { CohortService } from "./CohortService.js";
import { breakCalendarOf } from "./CourseEndService.js";
import type { PlanService } from "./PlanService.js";

export interface BreakRequest {
  readonly guildId: string;
  readonly cohort: string;
  readonly week: number;
  readonly undo: boolean;
  readonly now: Date;
  /** The admin (for the audit trail). */
  readonly actorId: string;
}

export interface BreakView {
  readonly cohort: Cohort;
  readonly week: number;
  readonly undo: boolean;
  /** Calendar weeks of the course after the change (breaks included). */
  readonly totalWeeks: number;
  /** The break weeks after the change, ascending. */
  readonly breakWeeks: readonly number[];
  /** Exclusive end of the course after the change: the closing post's day. */
  readonly courseEndDate: string;
}

const problemKeys = {
  [BreakProblem.NotAWeek]: "break.notAWeek",
  [BreakProblem.AlreadyBreak]: "break.alreadyBreak",
  [BreakProblem.NotABreak]: "break.notABreak",
  [BreakProblem.AlreadyStarted]: "break.alreadyStarted",
} as const satisfies Record<BreakProblem, string>;

/**
 * `/cohort break`: turns a week that has not begun (and whose weekly post has
 * not gone out) into a break, or back. The plan and the post schedule follow
 * at once: the cohort's break weeks are part of their cache keys.
 */
export class CohortBreakService {
  constructor(
    private readonly cohorts: CohortService,
    private readonly cohortRepository: CohortRepository,
    private readonly plans: PlanService,
    private readonly logger: Logger,
    private readonly audit: AuditLog,
  ) {}

  async change(request: BreakRequest): Promise<BreakView> {
    const cohort = await this.cohorts.resolveInGuild(request.guildId, request.cohort);
    if (!isRunning(cohort.status)) throw await this.cohorts.closedError(cohort, ClosedWordings.posts);
    const context = await this.plans.contextFor(cohort);
    const calendar = breakCalendarOf(cohort, context);
    const params = { name: cohort.name, week: request.week, total: calendarWeekCount(calendar) };
    const problem = checkBreakChange(calendar, request.week, request.undo, request.now);
    if (problem !== null) throw new UserError(problemKeys[problem], params);
    const weekPost = (await this.plans.postsFor(cohort)).find((post) => post.kind === "week" && post.weekNumber === request.week);
    // The week's post goes out before a mid-week start: once it is out, members have read the week's plan.
    if (weekPost !== undefined && weekPost.dueAt.getTime() <= request.now.getTime()) throw new UserError("break.postSent", params);
    // One more calendar week must leave the course its room before the year 9999 (as a start date must).
    if (!request.undo && !courseFitsCalendar(cohort.settings.startDate, params.total + 1))
      throw new UserError("break.pastCalendar", params);
    const changed = await this.cohortRepository.setBreak(cohort.id, request.week, request.undo, calendar.curriculumWeeks);
    const updated = (await this.cohortRepository.findById(cohort.id)) ?? cohort;
    // Ended (or finished) since the check: refused as the check would have.
    if (changed === null) throw await this.cohorts.closedError(updated, ClosedWordings.posts);
    const after = breakCalendarOf(updated, await this.plans.contextFor(updated));
    this.logger.info({ cohortId: cohort.id, week: request.week, undo: request.undo, breaks: after.breakWeeks }, "cohort break changed");
    await this.audit.record({
      guildId: cohort.guildId,
      cohortId: cohort.id,
      actorId: request.actorId,
      action: AuditAction.Break,
      before: { breakWeeks: calendar.breakWeeks.join(", ") },
      after: { breakWeeks: after.breakWeeks.join(", ") },
    });
    return {
      cohort: updated,
      week: request.week,
      undo: request.undo,
      totalWeeks: calendarWeekCount(after),
      breakWeeks: after.breakWeeks,
      courseEndDate: courseEndDate(after),
    };
  }
}
