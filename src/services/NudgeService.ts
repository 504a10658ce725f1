import { AuditAction } from "../domain/audit/auditAction.js";
import { CohortStatus, type Cohort } from "../domain/cohort/cohortModel.js";
import type { NudgeRepository } from "../db/repositories/NudgeRepository.js";
import { UserError } from "../errors.js";
import { stillMember } from "./stillMember.js";
import type { Logger } from "../logging/createLogger.js";
import type { AuditLog } from "./AuditLog.js";
import { ClosedWordings } from "./closedCohortError.js";
import type { CohortService } from "./CohortService.js";
import type { PostMessage } from "./PostRenderer.js";
import type { MemberName, NamesakeLabel, RosterService } from "./RosterService.js";
import { DeliveryError, DeliveryFailure, type PostSender } from "./PostSender.js";
import { postNonce } from "./postNonce.js";

/** At most one nudge per member in this many days. */
export const NUDGE_WINDOW_DAYS = 3;
const dayMs = 24 * 60 * 60 * 1000;

export const NudgeOutcome = {
  Sent: "sent",
  /** Nudged less than NUDGE_WINDOW_DAYS ago: `nextAt` says when it is possible again. */
  TooSoon: "too_soon",
  /** The member turned nudges off (`/privacy nudges:off`). */
  OptedOut: "opted_out",
  /** Their DMs refuse the bot. */
  DmClosed: "dm_closed",
  /** On days off (their `/break`, a cohort break week): `daysOffUntil` says until when. */
  DaysOff: "days_off",
  /** No longer behind or quiet (the roster page was older than their reading): `finished` when every Required item is done. */
  NotNeeded: "not_needed",
} as const;
export type NudgeOutcome = (typeof NudgeOutcome)[keyof typeof NudgeOutcome];

export interface NudgeView {
  readonly cohort: Cohort;
  readonly userId: string;
  readonly memberId: number;
  readonly displayName: string;
  /** The names the roster numbers the member's by (RosterService.memberNames): the answer names them as their button did. */
  readonly cohortNames: readonly MemberName[];
  readonly outcome: NudgeOutcome;
  readonly nextAt: Date | null;
  /** `DaysOff`: the last day off, in the member's day. */
  readonly daysOffUntil: string | null;
  /** `NotNeeded`: every Required item is done. */
  readonly finished: boolean;
  /** `NotNeeded`: the path has time estimates (readings); without (topics): `CohortContext.hasEstimates`. */
  readonly timed: boolean;
  /** `Sent`: the latest posting's checkpoints the member has not answered (section titles), which the DM names too. */
  readonly unansweredCheckpoints: readonly string[];
}

/**
 * The DM itself, worded by the Discord layer in the member's language (their stored locale's, else the cohort's),
 * naming the latest posting's checkpoints they have not answered (section titles).
 */
export type NudgeRenderer = (cohort: Cohort, memberLocale: string | null, unansweredCheckpoints: readonly string[]) => PostMessage;

/**
 * The roster's Nudge button: one friendly DM (never a ping) to a member who
 * is behind or quiet, at most one per member per NUDGE_WINDOW_DAYS, claimed
 * in the database before it is sent (as reminders are), never to a member who
 * turned nudges off. Every nudge sent writes an audit line.
 */
export class NudgeService {
  constructor(
    private readonly cohorts: CohortService,
    private readonly nudges: NudgeRepository,
    private readonly sender: PostSender,
    private readonly render: NudgeRenderer,
    private readonly audit: AuditLog,
    private readonly logger: Logger,
    private readonly roster: RosterService,
  ) {}

  async nudge(request: {
    readonly guildId: string;
    readonly cohortId: string;
    readonly memberId: number;
    readonly actorId: string;
    readonly now: Date;
    /** The labels namesakes get ("Sam #1"): the answer names the member as the roster did. */
    readonly namesakeLabel: NamesakeLabel;
  }): Promise<NudgeView> {
    const cohort = await this.cohorts.resolveInGuild(request.guildId, request.cohortId);
    // A Nudge button from a roster shown before /cohort end: the cohort takes no more completions.
    if (cohort.status === CohortStatus.Ended) throw await this.cohorts.closedError(cohort, ClosedWordings.nudge);
    const member = await this.nudges.recipient(cohort.id, request.memberId);
    if (member === null || member.leftAt !== null) throw new UserError("cohort.otherNotMember", { name: cohort.name });
    const cohortNames = await this.roster.memberNames(
      cohort,
      { memberId: member.id, displayName: member.displayName },
      request.namesakeLabel,
    );
    const view = (
      outcome: NudgeOutcome,
      details: Partial<Pick<NudgeView, "nextAt" | "daysOffUntil" | "finished" | "timed" | "unansweredCheckpoints">> = {},
    ): NudgeView => ({
      cohort,
      userId: member.userId,
      memberId: member.id,
      displayName: member.displayName,
      cohortNames,
      outcome,
      nextAt: details.nextAt ?? null,
      daysOffUntil: details.daysOffUntil ?? null,
      finished: details.finished ?? false,
      timed: details.timed ?? true,
      unansweredCheckpoints: details.unansweredCheckpoints ?? [],
    });
    if (!member.nudges) return view(NudgeOutcome.OptedOut);
    // The button may be days old: the member may have caught up, finished or begun days off since the roster was drawn.
    const standing = await this.roster.nudgeStanding(cohort, member.id, request.now);
    // Their own last study day passed (a finished cohort's member who finishes late is still nudged before theirs).
    if (standing?.courseOver === true) throw new UserError("nudge.courseOver", { member: member.displayName });
    if (standing !== null && standing.daysOffUntil !== null) return view(NudgeOutcome.DaysOff, { daysOffUntil: standing.daysOffUntil });
    if (standing !== null && !standing.wanted) return view(NudgeOutcome.NotNeeded, { finished: standing.finished, timed: standing.timed });
    const unansweredCheckpoints = standing?.unansweredCheckpoints ?? [];
    // The member's `/privacy delete` may commit after the read above: the admin is told they are not in the cohort.
    const claim = await stillMember(
      cohort.name,
      this.nudges.claim({
        memberId: member.id,
        window: Math.floor(request.now.getTime() / (NUDGE_WINDOW_DAYS * dayMs)),
        claimedBy: request.actorId,
        now: request.now,
        since: new Date(request.now.getTime() - NUDGE_WINDOW_DAYS * dayMs),
      }),
      "other",
    );
    if (!claim.claimed) return view(NudgeOutcome.TooSoon, { nextAt: new Date(claim.lastAt.getTime() + NUDGE_WINDOW_DAYS * dayMs) });
    try {
      await this.sender.sendDirect(
        member.userId,
        this.render(cohort, member.locale, unansweredCheckpoints),
        postNonce(`nudge|${claim.id}`, 0),
      );
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError(DeliveryFailure.Transient, String(error));
      if (!(await this.nudges.markFailed(claim.id, failure.message))) throw new UserError("cohort.otherNotMember", { name: cohort.name });
      if (failure.failure === DeliveryFailure.RecipientClosed) {
        this.logger.info({ cohortId: cohort.id, memberId: member.id }, "nudge refused: the member's DMs are closed");
        return view(NudgeOutcome.DmClosed);
      }
      this.logger.error({ err: error, cohortId: cohort.id, memberId: member.id }, "nudge failed");
      throw new UserError("nudge.failed", { member: member.displayName });
    }
    // The audit line is written with the mark: a member's `/privacy delete` committing while the DM was on its
    // way, or just after it, leaves no line naming them afterwards.
    const line = this.audit.line({
      guildId: request.guildId,
      cohortId: cohort.id,
      actorId: request.actorId,
      action: AuditAction.Nudge,
      subjectUserId: member.userId,
    });
    if (!(await this.nudges.markSent(claim.id, request.now, line))) throw new UserError("cohort.otherNotMember", { name: cohort.name });
    this.logger.info({ cohortId: cohort.id, memberId: member.id }, "nudge sent");
    return view(NudgeOutcome.Sent, { unansweredCheckpoints });
  }
}
