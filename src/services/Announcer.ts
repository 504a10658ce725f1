import { ChannelProblem, isRunning, type Cohort } from "../domain/cohort/cohortModel.js";
import type { CohortRepository } from "../db/repositories/CohortRepository.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import { AuditAction } from "../domain/audit/auditAction.js";
import type { AuditLog } from "./AuditLog.js";
import { ClosedWordings } from "./closedCohortError.js";
import type { CohortService } from "./CohortService.js";
import { withPictures, type PostRenderer, type RenderedPost } from "./PostRenderer.js";
import type { PostService, PostView } from "./PostService.js";
import { postNonce } from "./postNonce.js";
import { DeliveryError, DeliveryFailure, type PostSender } from "./PostSender.js";

export const AnnounceKind = {
  Week: "week",
  Checkpoint: "checkpoint",
  Leaderboard: "leaderboard",
} as const;
export type AnnounceKind = (typeof AnnounceKind)[keyof typeof AnnounceKind];

export interface AnnounceRequest {
  readonly guildId: string;
  readonly cohort: string | null;
  readonly kind: AnnounceKind;
  /** Makes the nonce of this announcement's messages: an interaction id. */
  readonly requestId: string;
  readonly now: Date;
  /** The admin announcing (for the audit trail). */
  readonly actorId?: string;
}

export interface AnnounceResult {
  readonly cohort: Cohort;
  readonly kind: AnnounceKind;
  /** The week posted (week kind) or the section whose checkpoint was posted (checkpoint kind). */
  readonly weekNumber: number | null;
  readonly sectionTitle: string | null;
  readonly messageIds: readonly string[];
}

export interface PreviewPost {
  readonly kind: "week" | "checkpoint" | "closing";
  /** The section of a checkpoint prompt, else null. */
  readonly sectionTitle: string | null;
  readonly dueAt: Date;
  readonly rendered: RenderedPost;
}

export interface PreviewView {
  readonly cohort: Cohort;
  readonly weekNumber: number;
  readonly totalWeeks: number;
  readonly posts: readonly PreviewPost[];
}

/**
 * `/cohort announce` (post now) and `/cohort preview` (what the bot will
 * post), through the same views and renderers as the scheduler. An
 * announcement is an extra post: it does not change the schedule.
 */
export class Announcer {
  constructor(
    private readonly cohorts: CohortService,
    private readonly cohortRepository: CohortRepository,
    private readonly posts: PostService,
    private readonly sender: PostSender,
    private readonly renderer: PostRenderer,
    private readonly logger: Logger,
    private readonly audit: AuditLog,
  ) {}

  async announce(request: AnnounceRequest): Promise<AnnounceResult> {
    const cohort = await this.cohorts.resolveInGuild(request.guildId, request.cohort);
    // After the closing post nothing more is posted: no assignment or prompt of a course that is over, and no
    // board but the final one the closing post showed (/leaderboard shows it).
    if (!isRunning(cohort.status)) throw await this.cohorts.closedError(cohort, ClosedWordings.posts);
    // Week 1's assignment may be announced once the scheduler's post of it is due (it can come before the first day);
    // before the first day there is no current checkpoint.
    const tooEarly =
      request.kind === AnnounceKind.Week
        ? !(await this.posts.firstWeekPostDue(cohort, request.now))
        : request.kind === AnnounceKind.Checkpoint && !(await this.posts.courseStarted(cohort, request.now));
    if (tooEarly)
      throw new UserError("posts.notStarted", {
        name: cohort.name,
        start: { localDate: cohort.settings.startDate },
        kind: request.kind === AnnounceKind.Week ? "week" : "checkpoint",
      });
    const { view, weekNumber, sectionTitle } = await this.viewFor(cohort, request.kind, request.now);
    const rendered = withPictures(this.renderer.post(view, cohort.language), await this.renderer.pictures(view, cohort.language));
    // Only the scheduled weekly post keeps a live board; an announcement would show one that never changes.
    const messages = rendered.messages.filter((_, index) => index !== rendered.livePart);
    const messageIds: string[] = [];
    try {
      for (const [index, message] of messages.entries()) {
        const { messageId } = await this.sender.sendToChannel(cohort.channelId, message, postNonce(`announce|${request.requestId}`, index));
        messageIds.push(messageId);
      }
    } catch (error) {
      throw await this.userErrorFor(cohort, error);
    }
    this.logger.info({ cohortId: cohort.id, kind: request.kind, messageId: messageIds[0] }, "announcement posted");
    await this.audit.record({
      guildId: request.guildId,
      cohortId: cohort.id,
      actorId: request.actorId ?? "",
      action: AuditAction.Announce,
      after: { kind: request.kind, week: weekNumber, section: sectionTitle },
    });
    return { cohort, kind: request.kind, weekNumber, sectionTitle, messageIds };
  }

  async preview(request: {
    readonly guildId: string;
    readonly cohort: string | null;
    readonly week: number | null;
    readonly now: Date;
  }): Promise<PreviewView> {
    const cohort = await this.cohorts.resolveInGuild(request.guildId, request.cohort);
    // Refused as announce is: after the end nothing more is posted, and past posts are not "what the bot will post".
    if (!isRunning(cohort.status)) throw await this.cohorts.closedError(cohort, ClosedWordings.posts);
    const schedule = await this.posts.schedule(cohort);
    const totalWeeks = schedule.filter((post) => post.kind === "week").length;
    const weekNumber = request.week ?? (await this.posts.nextWeekToPost(cohort, request.now));
    if (!Number.isInteger(weekNumber) || weekNumber < 1 || weekNumber > totalWeeks)
      throw new UserError("input.invalidWeek", { total: totalWeeks });
    const chosen = schedule.filter((post) => post.weekNumber === weekNumber || (post.kind === "closing" && weekNumber === totalWeeks));
    const previews: PreviewPost[] = [];
    for (const post of chosen) {
      // Its chart as drawn at the post's time (a sent post's, as it went out), except that a day not over yet
      // now cannot be charted either: it shows "not over yet", as on an early post.
      const drawnAt = new Date(Math.min(request.now.getTime(), post.dueAt.getTime()));
      const view = await this.posts.viewOf(cohort, post, request.now, drawnAt);
      const sectionTitle = view.kind === "checkpoint" ? view.view.section.title : null;
      previews.push({
        kind: post.kind,
        sectionTitle,
        dueAt: post.dueAt,
        // With its pictures (the weekly post's chart of last week, the closing post's course chart), as it will go out.
        rendered: withPictures(
          this.renderer.post(view, cohort.language, { inertButtons: true }),
          await this.renderer.pictures(view, cohort.language),
        ),
      });
    }
    return { cohort, weekNumber, totalWeeks, posts: previews };
  }

  private async viewFor(
    cohort: Cohort,
    kind: AnnounceKind,
    now: Date,
  ): Promise<{ view: PostView; weekNumber: number | null; sectionTitle: string | null }> {
    if (kind === AnnounceKind.Week) {
      const week = await this.posts.currentWeek(cohort, now);
      return { view: { kind: "week", view: await this.posts.weekView(cohort, week, now) }, weekNumber: week, sectionTitle: null };
    }
    if (kind === AnnounceKind.Checkpoint) {
      const section = await this.posts.checkpointView(cohort, await this.posts.currentCheckpointSection(cohort, now));
      return { view: { kind: "checkpoint", view: section }, weekNumber: null, sectionTitle: section.section.title };
    }
    return { view: { kind: "leaderboard", view: await this.posts.leaderboardView(cohort, now) }, weekNumber: null, sectionTitle: null };
  }

  /** Channel trouble flags the cohort (as a scheduled post would) and tells the admin what to fix. */
  private async userErrorFor(cohort: Cohort, error: unknown): Promise<UserError> {
    const failure = error instanceof DeliveryError ? error.failure : DeliveryFailure.Transient;
    if (failure === DeliveryFailure.ChannelMissing || failure === DeliveryFailure.NoPermission) {
      const problem = failure === DeliveryFailure.ChannelMissing ? ChannelProblem.Missing : ChannelProblem.NoPermission;
      await this.cohortRepository.update(cohort.id, { channelProblem: problem });
      this.logger.warn({ cohortId: cohort.id, failure }, "announcement refused: cohort channel unusable");
      return new UserError("posts.channelProblem", { problem, channelId: cohort.channelId });
    }
    this.logger.error({ err: error, cohortId: cohort.id }, "announcement failed");
    return new UserError("posts.announceFailed");
  }
}
