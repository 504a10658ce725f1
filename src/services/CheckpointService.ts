import {
  CheckpointAnswerKind,
  CohortStatus,
  takesCheckpointAnswers,
  type Cohort,
  type MemberRecord,
} from "../domain/cohort/cohortModel.js";
import { checkpointPrompt, type CheckpointPrompt } from "../domain/curriculum/checkpointPrompt.js";
import type { StoredSection } from "../domain/curriculum/storedCurriculum.js";
import { currentSections } from "../domain/schedule/currentSection.js";
import { weekNumberOfDate } from "../domain/schedule/currentWeekNumber.js";
import { memberTotalWeeks } from "../domain/schedule/memberPlanWeek.js";
import { memberSectionWeek } from "../domain/schedule/memberSectionWeek.js";
import type { CheckpointRepository } from "../db/repositories/CheckpointRepository.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import { ClosedWordings } from "./closedCohortError.js";
import type { CohortService } from "./CohortService.js";
import { courseIsOver } from "./CourseEndService.js";
import type { MemberPlanService } from "./MemberPlanService.js";
import { calendarSectionOf, type PlanService } from "./PlanService.js";
import type { MemberRequest } from "./StudyService.js";
import { rowIdOf } from "../domain/rowId.js";
import { stillMember } from "./stillMember.js";

/** One section's checkpoint as `/checkpoint` shows it. */
export interface CheckpointSectionView {
  readonly section: StoredSection;
  readonly prompt: CheckpointPrompt;
  /** The caller's current self-assessment of this section, if any. */
  readonly answer: CheckpointAnswerKind | null;
}

export interface CheckpointView {
  readonly cohort: Cohort;
  /** The current section first, then the others that end the same week (posted the same day when they have a checkpoint paragraph). */
  readonly sections: readonly CheckpointSectionView[];
  /** Sections that also end this week beyond maxCheckpointSections: answered only from their channel posts. */
  readonly moreSections: number;
  readonly totalWeeks: number;
}

/** At most this many sections in one `/checkpoint` reply: one row of buttons each, of Discord's five. */
export const maxCheckpointSections = 5;

export interface CheckpointAnswerRequest {
  readonly guildId: string;
  readonly userId: string;
  /** The three parts of the button's custom id, exactly as clicked: never trusted. */
  readonly cohortId: string;
  readonly sectionId: string;
  readonly answer: string;
  readonly now: Date;
}

export interface CheckpointAnswerView {
  readonly cohort: Cohort;
  readonly section: StoredSection;
  readonly answer: CheckpointAnswerKind;
  readonly previous: CheckpointAnswerKind | null;
  /** After the last week (before the closing post): `/today` shows the course summary, nothing due. */
  readonly courseOver: boolean;
}

const answerKinds: ReadonlySet<string> = new Set(Object.values(CheckpointAnswerKind));

function isAnswerKind(value: string): value is CheckpointAnswerKind {
  return answerKinds.has(value);
}

/** Section checkpoints: the one a member is working towards, and their self-assessments. */
export class CheckpointService {
  constructor(
    private readonly cohorts: CohortService,
    private readonly plans: PlanService,
    private readonly checkpoints: CheckpointRepository,
    private readonly memberPlans: MemberPlanService,
    private readonly logger: Logger,
  ) {}

  /**
   * A checkpoint takes answers until the closing post goes out (the cohort then
   * finishes), so the final section's prompt, posted on the last study day, can
   * be answered over the weekend after it too; an ended cohort takes none. After
   * the closing post the refusal says what the member's `/today` shows: their
   * summary, or their reading when they finish late (their own plan runs on).
   */
  private async refuseClosedCheckpoints(cohort: Cohort, member: MemberRecord, now: Date): Promise<void> {
    if (takesCheckpointAnswers(cohort)) return;
    // Ended on its planned last day or later, it finished; "courseFinished" is the closing post's (status Finished).
    if (cohort.status === CohortStatus.Ended) throw await this.cohorts.closedError(cohort, ClosedWordings.checkpoint);
    const { daysOver } = await this.memberPlans.planFor(cohort, member, now);
    throw new UserError(daysOver ? "checkpoint.courseFinished" : "checkpoint.courseFinishedReadOn", { name: cohort.name });
  }

  /**
   * `/checkpoint`: the current section's checkpoint (the section of the member's week that ends soonest), with the
   * others that end the same week: each would otherwise be out of reach here (and one without a checkpoint
   * paragraph gets no posted prompt).
   */
  async current(request: MemberRequest): Promise<CheckpointView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    // After the closing post (or /cohort end) no answer would be taken; until then the last section's is offered.
    await this.refuseClosedCheckpoints(cohort, member, request.now);
    // The member's own plan: on a calendar extended with `/pace`, their sections come weeks later than the cohort's.
    const { context, plan, today } = await this.memberPlans.planFor(cohort, member, request.now);
    // The week of the member's day (their zone, 04:00 rollover) in their own weeks, as /week reads it.
    const calendarWeek = weekNumberOfDate(
      { startDate: context.plan.startDate, totalWeeks: memberTotalWeeks(context.plan.totalWeeks, plan) },
      today,
    );
    const week = memberSectionWeek(calendarWeek, context.breakWeeks, plan.extraWeeks);
    const sameWeek = currentSections(context.curriculum.sections, week, context.basePlan.totalWeeks, context.curriculum.sections.length);
    const sections = sameWeek.slice(0, maxCheckpointSections);
    if (sections.length === 0) throw new UserError("checkpoint.noSections");
    // One query for the (at most maxCheckpointSections) sections' answers.
    const answers = await this.checkpoints.findIn(
      member.id,
      sections.map((section) => section.id),
    );
    const views = sections.map((section) => ({
      // Its weeks on the calendar (a break week moves them), out of the calendar's total, as /week shows them.
      section: calendarSectionOf(context, section),
      prompt: checkpointPrompt(section, context.curriculum),
      answer: answers.get(section.id)?.answer ?? null,
    }));
    return { cohort, sections: views, moreSections: sameWeek.length - sections.length, totalWeeks: context.plan.totalWeeks };
  }

  /**
   * A self-assessment button: stores one answer per member and section
   * (answering again replaces it). The cohort is looked up inside the
   * clicker's guild only, and the section must belong to its curriculum.
   */
  async answer(request: CheckpointAnswerRequest): Promise<CheckpointAnswerView> {
    if (!isAnswerKind(request.answer) || rowIdOf(request.sectionId) === null || rowIdOf(request.cohortId) === null) {
      throw new UserError("generic.unknownButton");
    }
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohortId);
    await this.refuseClosedCheckpoints(cohort, member, request.now);
    const context = await this.plans.contextFor(cohort);
    const sectionId = Number(request.sectionId);
    const section = context.curriculum.sections.find((candidate) => candidate.id === sectionId);
    if (section === undefined) throw new UserError("checkpoint.unknownSection");
    const { previous } = await stillMember(cohort.name, this.checkpoints.save(member.id, section.id, request.answer, request.now));
    if (previous !== request.answer) {
      this.logger.info({ cohortId: cohort.id, memberId: member.id, sectionId: section.id, answer: request.answer }, "checkpoint answered");
    }
    return { cohort, section, answer: request.answer, previous, courseOver: courseIsOver(cohort, context, request.now) };
  }
}
