import { AuditAction } from "../domain/audit/auditAction.js";
import type { Cohort } from "../domain/cohort/cohortModel.js";
import type { AuditEntryRecord, AuditPageAnchor } from "../db/repositories/AuditRepository.js";
import { isUserError, UserError } from "../errors.js";
import type { AuditLog } from "./AuditLog.js";
import type { CohortService } from "./CohortService.js";
import type { CompletionView, ItemSuggestion, StudyService, UndoView } from "./StudyService.js";

export interface AuditView {
  readonly cohort: Cohort;
  /** Newest first. */
  readonly entries: readonly AuditEntryRecord[];
  /** How the page was asked for: the latest lines (null), or those older or newer than a line. */
  readonly anchor: AuditPageAnchor;
  /** Lines older than the page's oldest, newer than its newest. */
  readonly hasOlder: boolean;
  readonly hasNewer: boolean;
}

export type CreditView =
  | { readonly undo: false; readonly memberUserId: string; readonly completion: CompletionView }
  | { readonly undo: true; readonly memberUserId: string; readonly removal: UndoView };

export interface CreditRequest {
  readonly guildId: string;
  readonly cohort: string;
  readonly memberUserId: string;
  readonly item: string;
  readonly undo: boolean;
  readonly actorId: string;
  readonly now: Date;
}

/**
 * `/cohort audit` and `/cohort credit`. A credit goes through the member's
 * own completion path (StudyService), so points, weekly scores and boards
 * change exactly as if they had run `/done` or `/undo` at that moment, and a
 * second credit of the same item changes nothing.
 */
export class FacilitatorService {
  constructor(
    private readonly cohorts: CohortService,
    private readonly study: StudyService,
    private readonly audit: AuditLog,
  ) {}

  /** `/cohort audit`: the latest page of the trail, or (its buttons) the page next to a line of another. */
  async auditTrail(guildId: string, option: string | null, anchor: AuditPageAnchor = null): Promise<AuditView> {
    const cohort = await this.cohorts.resolveInGuild(guildId, option);
    const page = await this.audit.page(guildId, cohort.id, anchor);
    if (page === null) throw new UserError("generic.staleButton");
    return { cohort, anchor, ...page };
  }

  async credit(request: CreditRequest): Promise<CreditView> {
    const cohort = await this.cohorts.resolveInGuild(request.guildId, request.cohort);
    // Someone who never joined (or left) gets the same error as `/progress member:` gives.
    const member = await this.cohorts.memberOf(cohort, request.memberUserId);
    if (member.leftAt !== null) throw new UserError("cohort.otherNotMember", { name: cohort.name });
    const asMember = {
      guildId: request.guildId,
      userId: request.memberUserId,
      cohort: String(cohort.id),
      item: request.item,
      now: request.now,
    };
    if (request.undo) {
      const removal = await this.study.undo(asMember).catch((error: unknown) => {
        // The member's own wording ("You haven't marked…") would speak to the admin about the admin.
        if (isUserError(error) && error.code === "item.notDone") {
          const { title, timed } = (error as UserError<"item.notDone">).params;
          throw new UserError("credit.notDone", { title, timed, userId: request.memberUserId });
        }
        throw error;
      });
      await this.record(request, cohort, AuditAction.CreditUndo, { item: removal.item.title, points: -removal.pointsRemoved });
      return { undo: true, memberUserId: request.memberUserId, removal };
    }
    const completion = await this.study.complete(asMember);
    if (!completion.alreadyDone)
      await this.record(request, cohort, AuditAction.Credit, { item: completion.item.title, points: completion.points });
    return { undo: false, memberUserId: request.memberUserId, completion };
  }

  /** `item` autocomplete of /cohort credit: the chosen member's items (their done ones for `undo`). */
  async suggestCreditItems(request: {
    readonly guildId: string;
    readonly cohort: string | null;
    readonly memberUserId: string | null;
    readonly query: string;
    readonly undo: boolean;
    readonly now: Date;
  }): Promise<ItemSuggestion[]> {
    if (request.memberUserId === null || request.cohort === null) return [];
    const cohort = await this.cohorts.resolveInGuild(request.guildId, request.cohort).catch(() => null);
    if (cohort === null) return [];
    return this.study.suggestItems({
      guildId: request.guildId,
      userId: request.memberUserId,
      cohort: String(cohort.id),
      query: request.query,
      now: request.now,
      ...(request.undo ? { onlyDone: true } : {}),
    });
  }

  private async record(request: CreditRequest, cohort: Cohort, action: AuditAction, after: { item: string; points: number }) {
    await this.audit.record({
      guildId: request.guildId,
      cohortId: cohort.id,
      actorId: request.actorId,
      action,
      subjectUserId: request.memberUserId,
      after,
    });
  }
}
