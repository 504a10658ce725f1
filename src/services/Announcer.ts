import { ChannelProblem, CohortStatus, isRunning, type Cohort } from "../domain/cohort/cohortModel.js";
import type { CohortRepository } from "../db/repositories/CohortRepository.js";
import type { AnnouncementRecord, AnnouncementRepository } from "../db/repositories/AnnouncementRepository.js";
import { PostPartStatus, type PostPartLedger } from "../db/repositories/PostPartLedger.js";
import type { ScheduledPostRepository } from "../db/repositories/ScheduledPostRepository.js";
import { PostStatus } from "../domain/schedule/scheduledPostModel.js";
import { claimLifetimeMs } from "../domain/schedule/claimRule.js";
import {
  isPastCatchUp,
  maxLateMs,
  postRowKey,
  postsWaitingNow,
  setAsideForItsTime,
  type PostRowState,
} from "../domain/schedule/catchUpRule.js";
import type { PlannedPost } from "../domain/schedule/scheduleTypes.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import { AuditAction } from "../domain/audit/auditAction.js";
import type { AuditLog } from "./AuditLog.js";
import { ClosedWordings } from "./closedCohortError.js";
import type { CohortService } from "./CohortService.js";
import { withPictures, type PostMessage, type PostRenderer, type RenderedPost } from "./PostRenderer.js";
import type { PostService, PostView } from "./PostService.js";
import { DeliveryError, DeliveryFailure, type PostSender } from "./PostSender.js";
import { messageFingerprint } from "./messageFingerprint.js";
import { isDatabaseBusy } from "./isDatabaseBusy.js";
import { PostParts } from "./PostParts.js";
import { postNonce } from "./postNonce.js";
import { createHash } from "node:crypto";

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
  /** Messages of it an earlier attempt had posted (it failed partway): not posted again. */
  readonly alreadyPosted: number;
}

/** What an announcement posts: its kind, and the week or section it is of (null when it has none). */
interface AnnouncementTarget {
  readonly kind: AnnounceKind;
  readonly week: number | null;
  readonly section: string | null;
}

/**
 * What a retry must share with an attempt that went out in part to post only the rest: the same post, in the
 * same channel (a new one has none of its messages), with the same messages (a leaderboard or re-imported week
 * split in as many messages is not the same).
 */
interface ResumeKey extends AnnouncementTarget {
  readonly channelId: string;
  readonly digest: string;
}

/** The key of an unfinished announcement: what a retry must share with it (ResumeKey), digested. */
function openKeyOf(target: ResumeKey): string {
  return createHash("sha256")
    .update(JSON.stringify([target.kind, target.week, target.section, target.channelId, target.digest]))
    .digest("hex")
    .slice(0, 32);
}

/** How long an announcement that went out in part can be completed by announcing it again: a day, as a late scheduled post. */
const resumableForMs = 24 * 60 * 60_000;

/** The most audit lines of the last day the start-up restore of unfinished announcements reads. */
const restoredLinesRead = 1000;

/** How long an announcement's rows are kept once it is finished (posted whole, or past completing). */
const keptAfterSentMs = 24 * 60 * 60_000;

/** The most announcements one prune deletes (the next, an hour on, takes the rest). */
const prunedPerCall = 500;

/** The text of the messages, digested: two renderings are the same announcement only when equal. */
function messagesDigest(messages: readonly PostMessage[]): string {
  return createHash("sha256")
    .update(messages.map((message) => messageFingerprint(message)).join(","))
    .digest("hex")
    .slice(0, 32);
}

export interface PreviewPost {
  readonly kind: "week" | "checkpoint" | "closing";
  /** The section of a checkpoint prompt, else null. */
  readonly sectionTitle: string | null;
  readonly dueAt: Date;
  /** When the scheduler sent it; null while it is still to go out. */
  readonly sentAt: Date | null;
  /** Not sent, and it will not be: the scheduler recorded it skipped (too late) or gave up on it, and its time is past. */
  readonly missed: boolean;
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
    private readonly scheduledPosts: ScheduledPostRepository,
    private readonly announcements: AnnouncementRepository,
    private readonly announcementParts: PostPartLedger,
  ) {
    this.parts = new PostParts(sender, announcementParts);
  }

  /** Sends an announcement's messages through its parts' rows, as the scheduler sends a post's. */
  private readonly parts: PostParts;

  async announce(request: AnnounceRequest): Promise<AnnounceResult> {
    const cohort = await this.cohorts.resolveInGuild(request.guildId, request.cohort);
    // After the closing post nothing more is posted: no assignment or prompt of a course that is over, and no
    // board but the final one the closing post showed (/leaderboard shows it).
    if (!isRunning(cohort.status)) throw await this.cohorts.closedError(cohort, ClosedWordings.posts);
    // Week 1's assignment may be announced once the scheduler's post of it is due (it can come before the first day);
    // before the first day there is no current checkpoint, and no board (nobody can have logged anything).
    const tooEarly =
      request.kind === AnnounceKind.Week
        ? !(await this.posts.firstWeekPostDue(cohort, request.now))
        : !(await this.posts.courseStarted(cohort, request.now));
    if (tooEarly)
      throw new UserError("posts.notStarted", { name: cohort.name, start: { localDate: cohort.settings.startDate }, kind: request.kind });
    const { view, weekNumber, sectionTitle } = await this.viewFor(cohort, request.kind, request.now);
    const rendered = withPictures(this.renderer.post(view, cohort.language), await this.renderer.pictures(view, cohort.language));
    // Only the scheduled weekly post keeps a live board; an announcement would show one that never changes.
    const messages = rendered.messages.filter((_, index) => index !== rendered.livePart);
    const target: ResumeKey = {
      kind: request.kind,
      week: weekNumber,
      section: sectionTitle,
      channelId: cohort.channelId,
      digest: messagesDigest(messages),
    };
    // One write claims it: the announcement of the same messages in the same channel that went out in part (within
    // the day), which this attempt completes under its first attempt's nonces, else a new one. Another attempt
    // sending it right now holds it: this one posts nothing.
    const claim = await this.announcements.claim(
      {
        cohortId: cohort.id,
        kind: target.kind,
        week: target.week,
        section: target.section,
        channelId: target.channelId,
        openKey: openKeyOf(target),
        parts: messages.length,
        requestId: request.requestId,
      },
      request.now,
      {
        staleBefore: new Date(request.now.getTime() - claimLifetimeMs),
        resumableSince: new Date(request.now.getTime() - resumableForMs),
      },
    );
    if (claim === null)
      throw new UserError("posts.announceInProgress", {
        kind: target.kind,
        week: target.week ?? 0,
        section: target.section ?? "",
        channelId: cohort.channelId,
      });
    const log = this.logger.child({ cohortId: cohort.id, announcementId: claim.id, kind: request.kind });
    let sent: { messageIds: string[]; reused: number };
    try {
      sent = await this.parts.send(
        { postId: claim.id, postKey: `announce|${claim.requestId}`, channelId: cohort.channelId },
        messages,
        request.now,
        log,
      );
    } catch (error) {
      try {
        await this.announcements.markFailed(claim.id, request.requestId);
      } catch (markError) {
        // The claim lapses on its own (a claim's lifetime); what the admin is told of is the send's failure.
        log.error({ err: markError }, "announcement could not be recorded as failed");
        throw error;
      }
      if (isDatabaseBusy(error)) throw error;
      const posted = await this.sentParts(claim.id);
      // A line for every attempt that posted something (or found its failed part there), so the trail shows a post
      // that went out in part, and a retry the attempt it completes.
      await this.auditOutcome(request, cohort, target, claim, { parts: messages.length, posted, complete: false });
      throw await this.userErrorFor(cohort, error, { target, posted, parts: messages.length });
    }
    const { messageIds, reused: alreadyPosted } = sent;
    // Before the announcement is closed: an attempt that stops in between leaves it to a retry, which writes the line.
    await this.auditOutcome(request, cohort, target, claim, { parts: messages.length, posted: messageIds.length, complete: true });
    await this.announcements.markSent(claim.id, request.requestId, request.now);
    log.info({ messageId: messageIds[0], alreadyPosted }, "announcement posted");
    return { cohort, kind: request.kind, weekNumber, sectionTitle, messageIds, alreadyPosted };
  }

  /**
   * The audit line of the messages gone out that no line shows yet: those this attempt posted, and those of an
   * attempt that stopped before it wrote its line (its process died). None when there are none.
   */
  private async auditOutcome(
    request: AnnounceRequest,
    cohort: Cohort,
    target: ResumeKey,
    claim: AnnouncementRecord,
    outcome: { readonly parts: number; readonly posted: number; readonly complete: boolean },
  ): Promise<void> {
    if (outcome.posted <= claim.auditedParts) return;
    await this.recordAnnouncement(request, cohort, target, { ...outcome, alreadyPosted: claim.auditedParts });
    await this.announcements.recordAudited(claim.id, outcome.posted);
  }

  /**
   * Forgets announcements a day after they were posted whole, and those never completed a day after a retry could
   * no longer complete them (their last attempt two days ago); at most `prunedPerCall`. Returns how many.
   */
  async pruneFinished(now: Date): Promise<number> {
    return this.announcements.pruneFinished(
      {
        sentBefore: new Date(now.getTime() - keptAfterSentMs),
        givenUpBefore: new Date(now.getTime() - resumableForMs - keptAfterSentMs),
      },
      prunedPerCall,
    );
  }

  /**
   * Once at start-up: the announcements an earlier version of the bot left unfinished within the day (kept only in
   * their audit lines: the request of their nonces, the messages sent) become rows, so announcing one again posts
   * only its missing messages, as it did then. The newest line of an announcement tells where it stands (a later
   * complete one closed it). Idempotent (one announcement per request). Returns how many it stored.
   */
  async restoreUnfinished(now: Date): Promise<number> {
    const lines = await this.audit.announcementsSince(new Date(now.getTime() - resumableForMs), restoredLinesRead);
    const seen = new Set<string>();
    let restored = 0;
    for (const { cohortId, createdAt, after } of lines) {
      const { kind, week, section, channelId, digest, parts, posted, complete, request, sentParts } = after;
      if (typeof kind !== "string" || typeof channelId !== "string" || typeof digest !== "string" || typeof parts !== "number") continue;
      const target: ResumeKey = {
        kind: kind as AnnounceKind,
        week: typeof week === "number" ? week : null,
        section: typeof section === "string" ? section : null,
        channelId,
        digest,
      };
      const openKey = openKeyOf(target);
      if (seen.has(`${cohortId}|${openKey}`)) continue;
      seen.add(`${cohortId}|${openKey}`);
      if (complete !== false || typeof request !== "string" || typeof sentParts !== "string") continue;
      const sent = sentParts.split(",").flatMap((entry) => {
        const [index, messageId] = entry.split(":");
        const part = Number(index);
        return Number.isInteger(part) && part >= 0 && part < parts && messageId !== undefined && messageId !== ""
          ? [{ part, messageId, nonce: postNonce(`announce|${request}`, part) }]
          : [];
      });
      if (sent.length === 0) continue;
      const stored = await this.announcements.restoreUnfinished(
        {
          cohortId,
          ...target,
          openKey,
          parts,
          requestId: request,
          at: createdAt,
          auditedParts: typeof posted === "number" ? posted : sent.length,
        },
        sent,
      );
      if (stored) restored += 1;
    }
    return restored;
  }

  /** How many of the announcement's messages are recorded as in the channel. */
  private async sentParts(announcementId: number): Promise<number> {
    return (await this.announcementParts.listFor(announcementId)).filter((part) => part.status === PostPartStatus.Sent).length;
  }

  private async recordAnnouncement(
    request: AnnounceRequest,
    cohort: Cohort,
    target: ResumeKey,
    outcome: { readonly parts: number; readonly posted: number; readonly alreadyPosted: number; readonly complete: boolean },
  ): Promise<void> {
    await this.audit.record({
      guildId: request.guildId,
      cohortId: cohort.id,
      actorId: request.actorId ?? "",
      action: AuditAction.Announce,
      after: {
        kind: target.kind,
        week: target.week,
        section: target.section,
        channelId: target.channelId,
        parts: outcome.parts,
        posted: outcome.posted,
        alreadyPosted: outcome.alreadyPosted,
        complete: outcome.complete,
      },
    });
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
    // The posts the scheduler still sends (or retries) by its catch-up rule, read once, as /cohort info does.
    const rows = new Map((await this.scheduledPosts.listForCohorts([cohort.id])).map((row) => [postRowKey(row), row]));
    const changes = await this.audit.postTimeChanges(cohort.id, new Date(request.now.getTime() - maxLateMs));
    const waitingNow = postsWaitingNow(schedule, rows, changes, cohort.settings, request.now);
    const weekNumber = request.week ?? (await this.defaultPreviewWeek(cohort, schedule, { rows, waitingNow }, request.now));
    if (!Number.isInteger(weekNumber) || weekNumber < 1 || weekNumber > totalWeeks)
      throw new UserError("input.invalidWeek", { total: totalWeeks });
    const chosen = schedule.filter((post) => post.weekNumber === weekNumber || (post.kind === "closing" && weekNumber === totalWeeks));
    const previews: PreviewPost[] = [];
    const waiting = new Set(waitingNow.map(postRowKey));
    for (const post of chosen) {
      // Its chart as the scheduler draws it, when it sends the post: a sent post's as it went out (hours late
      // perhaps); one not out yet as of now (a day not over yet cannot be charted: "not over yet"), unless it is
      // past the catch-up and will not go out: as of its time.
      const row = rows.get(postRowKey(post));
      const sentAt = row?.status === PostStatus.Sent ? row.sentAt : null;
      // Due, not sent and not waiting: skipped, given up on, or (no row yet) past the catch-up, as after a pause over
      // its time. A week's post set aside for its very time went out already; the closing post of a paused cohort
      // goes out when it is resumed.
      const missed =
        post.dueAt.getTime() <= request.now.getTime() &&
        sentAt === null &&
        !waiting.has(postRowKey(post)) &&
        !(row === undefined && setAsideForItsTime(post, (key) => rows.has(key))) &&
        !(post.kind === "closing" && cohort.status === CohortStatus.Paused);
      const drawnAt = sentAt ?? (isPastCatchUp(post, request.now) ? post.dueAt : request.now);
      const view = await this.posts.viewOf(cohort, post, request.now, drawnAt);
      const sectionTitle = view.kind === "checkpoint" ? view.view.section.title : null;
      previews.push({
        kind: post.kind,
        sectionTitle,
        dueAt: post.dueAt,
        sentAt,
        missed,
        // With its pictures (the weekly post's chart of last week, the closing post's course chart), as it will go out.
        rendered: withPictures(
          this.renderer.post(view, cohort.language, { inertButtons: true }),
          await this.renderer.pictures(view, cohort.language),
        ),
      });
    }
    return { cohort, weekNumber, totalWeeks, posts: previews };
  }

  /**
   * The week /cohort preview shows by default: that of the weekly post the scheduler catches up at its next tick
   * (by the rule /cohort info uses, catchUpRule.postsWaitingNow: `waitingNow`, read once by preview), else the next one
   * still to come (`rows`: one already sent that an edit moved later is not).
   */
  private async defaultPreviewWeek(
    cohort: Cohort,
    schedule: readonly PlannedPost[],
    read: { readonly rows: ReadonlyMap<string, PostRowState>; readonly waitingNow: readonly PlannedPost[] },
    now: Date,
  ): Promise<number> {
    // A post on hold for the cohort's channel goes out once it is fixed: still the next one, as /cohort info lists it.
    const catchingUp = cohort.status === CohortStatus.Active;
    if (catchingUp && schedule.some((post) => post.kind === "week" && post.dueAt.getTime() <= now.getTime())) {
      const late = read.waitingNow.find((post) => post.kind === "week");
      if (late?.weekNumber !== undefined) return late.weekNumber;
    }
    return this.posts.nextWeekToPost(cohort, read.rows, now);
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

  /**
   * Channel trouble flags the cohort (as a scheduled post would) and tells the admin what to fix; when some of
   * the messages went out, how many, and that announcing again posts only the rest.
   */
  private async userErrorFor(
    cohort: Cohort,
    error: unknown,
    progress: { readonly target: AnnouncementTarget; readonly posted: number; readonly parts: number },
  ): Promise<UserError> {
    const failure = error instanceof DeliveryError ? error.failure : DeliveryFailure.Transient;
    let problem: ChannelProblem | null = null;
    if (failure === DeliveryFailure.ChannelMissing || failure === DeliveryFailure.NoPermission) {
      problem = failure === DeliveryFailure.ChannelMissing ? ChannelProblem.Missing : ChannelProblem.NoPermission;
      await this.cohortRepository.update(cohort.id, { channelProblem: problem });
      this.logger.warn({ cohortId: cohort.id, failure, posted: progress.posted }, "announcement refused: cohort channel unusable");
    } else this.logger.error({ err: error, cohortId: cohort.id, posted: progress.posted }, "announcement failed");
    if (progress.posted > 0) {
      const { kind, week, section } = progress.target;
      return new UserError("posts.announcePartial", {
        kind,
        week: week ?? 0,
        section: section ?? "",
        posted: progress.posted,
        parts: progress.parts,
        missing: progress.parts - progress.posted,
        channelId: cohort.channelId,
        problem: problem ?? "transient",
      });
    }
    if (problem !== null) return new UserError("posts.channelProblem", { problem, channelId: cohort.channelId });
    return new UserError("posts.announceFailed");
  }
}
