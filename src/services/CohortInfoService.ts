import { ChannelProblem, CohortStatus, type Cohort } from "../domain/cohort/cohortModel.js";
import type { CurriculumSummary } from "../domain/curriculum/storedCurriculum.js";
import { calendarWeekCount, wasEndedEarly } from "../domain/schedule/cohortBreaks.js";
import { currentWeekNumber } from "../domain/schedule/currentWeekNumber.js";
import { addDays, startOfLocalDay } from "../domain/schedule/localTime.js";
import type { PlannedPost } from "../domain/schedule/scheduleTypes.js";
import { PostStatus } from "../domain/schedule/scheduledPostModel.js";
import {
  catchUpEndsAt,
  currentWeekPost,
  maxLateMs,
  postRowKey,
  postsStillToCome,
  postsWaitingNow,
  type PostRowState,
  type PostTimeChange,
} from "../domain/schedule/catchUpRule.js";
import { ChannelCheck, type BoardPermission, type ChannelGateway, type PostPermission } from "./ChannelGateway.js";
import type { CohortService } from "./CohortService.js";
import type { ConfidenceSection } from "./RosterService.js";
import type { CurriculumService } from "./CurriculumService.js";
import type { CohortContext, PlanService } from "./PlanService.js";

/** How members rated themselves at one section's checkpoint. */
export interface CheckpointTally {
  readonly sectionTitle: string;
  readonly confident: number;
  readonly partly: number;
  readonly notYet: number;
}

/** What /cohort info shows beyond the settings; the Discord layer words each kind. */
export type InfoField =
  | { readonly kind: "checkpointTallies"; readonly sections: readonly CheckpointTally[] }
  | { readonly kind: "confidenceMap"; readonly sections: readonly ConfidenceSection[] };

/**
 * Adds fields to /cohort info. The scheduler contributes the checkpoint
 * self-assessment counts this way (see CohortInfoService.extraFields).
 */
export type CohortInfoExtension = (cohort: Cohort, context: CohortContext, now: Date) => Promise<readonly InfoField[]>;

/** One row of /cohort list. */
export interface CohortSummaryView {
  readonly cohort: Cohort;
  readonly curriculum: Pick<CurriculumSummary, "slug" | "title" | "totalWeeks">;
  readonly memberCount: number;
  /** Calendar weeks of the course: the curriculum's weeks plus `/cohort break` weeks. */
  readonly totalWeeks: number;
  /** 0 before the start date, 1..totalWeeks while it runs, totalWeeks + 1 after. */
  readonly currentWeek: number;
  /** The status as shown: a cohort an admin ended on its planned last day or later ran to its end, so finished. */
  readonly shownStatus: CohortStatus;
  /** Shown as ended (before its planned last day): the calendar week `/cohort end` came in, 0 before its start date. */
  readonly endedInWeek: number | null;
}

/**
 * One row of /cohort list: `channelUsableAgain` as CohortInfoView's, so a running cohort whose channel the admin fixed
 * is not marked on hold until the scheduler's next look at it.
 */
export interface CohortListView extends CohortSummaryView {
  readonly channelUsableAgain: boolean;
}

/** How a flagged channel stands now, as the bot's cache tells (CohortInfoService.heldChannel). */
export interface HeldChannel {
  readonly problem: ChannelProblem;
  /**
   * While the channel is flagged for a missing permission (`no_permission`): the ones the bot's cache says it lacks
   * there now, so the warning names what to give back. Empty when the cache cannot tell, or for another flag.
   */
  readonly missing: readonly PostPermission[];
  /** As CohortInfoView's channelUsableAgain. */
  readonly usableAgain: boolean;
}

/** Everything /cohort info shows. */
export interface CohortInfoView extends CohortSummaryView {
  /** The instant the cohort-local start date begins. */
  readonly startsAt: Date;
  /** Cohort-local date of the last day of the last week. */
  readonly lastDate: string;
  /**
   * The weekly assignment post the scheduler makes next: one already due that it still sends at its next tick
   * (catching up: a cohort set up after its time; or, while the channel is flagged, once it is fixed), else the next
   * after `now`; null when none is left or the cohort has ended.
   */
  readonly nextWeekPost: PlannedPost | null;
  /**
   * Catching up: the last instant the scheduler still sends it (catchUpRule.catchUpEndsAt), a day after its time or
   * after the creation or edit that set it late. Null when it is not due yet.
   */
  readonly nextWeekPostSentUntil: Date | null;
  /** The checkpoint prompt the scheduler posts next (as nextWeekPost), with its section's title. */
  readonly nextCheckpoint: {
    readonly post: PlannedPost;
    readonly sectionTitle: string;
    readonly sentUntil: Date | null;
  } | null;
  readonly extraFields: readonly InfoField[];
  /** `/cohort break` weeks that take effect, ascending. */
  readonly breakWeeks: readonly number[];
  /**
   * The bot may post in the cohort's channel but not attach files there, and posts are still to come:
   * they go out without their charts. A warning, not a channel problem; false while the channel is
   * flagged (`channelProblem`) or channelTrouble is shown, whose warning says more.
   */
  readonly picturesBlocked: boolean;
  /**
   * The bot may post in the cohort's channel but not create threads there, and weekly posts are still to come (as
   * nextWeekPost): they go out without their discussion thread. A warning shown as picturesBlocked is.
   */
  readonly threadsBlocked: boolean;
  /**
   * The permissions the bot lacks in the cohort's channel to edit the boards it posted there after a member's
   * deletion or privacy change (View Channel, Read Message History, Embed Links, in that order; ended and finished
   * cohorts too: their given-up boards wait for all three). One warning names them all; empty when none is missing.
   * Empty while the channel is flagged or channelTrouble is shown, as for picturesBlocked: for a running cohort that
   * names View Channel and Embed Links (its posts need them too), so only Read Message History can be listed then.
   */
  readonly boardsBlocked: readonly BoardPermission[];
  /**
   * Discord refused to list the holders of the cohort's exclude_role when this process last asked (the Server Members
   * intent not enabled): only members' own commands mark them then. False for an ended or finished cohort.
   */
  readonly excludeRoleUnlisted: boolean;
  /**
   * The cohort's exclude_role names a role a server admin deleted: Discord shows it as "@deleted-role", and its
   * former holders are ranked again. The setting is kept (an admin picks another role or clears it): the
   * warning survives a delete the bot missed while offline, which clearing it on the event would not.
   */
  readonly excludeRoleDeleted: boolean;
  /**
   * Warn the admin of that deletion: only while the cohort is not over (an ended or finished cohort's final board is
   * kept, so nobody is ranked again there).
   */
  readonly excludeRoleDeletedWarning: boolean;
  /**
   * What keeps the bot from posting in the cohort's channel now, as its cache tells, while posts are still to come and
   * the channel is not flagged yet: the scheduler flags it only when a post fails there, perhaps days later, and the
   * post then waits. Null when the bot can post there (or the flag's own warning says more).
   */
  readonly channelTrouble: ChannelTrouble | null;
  /** While posts are on hold (postsOnHold): how the flagged channel stands now, as the warning words it. */
  readonly heldChannel: HeldChannel | null;
  /**
   * The channel is flagged, but the bot's cache says it can post there again (permissions given back since): the
   * scheduler's next look at it (every few minutes) lifts the hold and sends the posts on hold, nothing to fix.
   */
  readonly channelUsableAgain: boolean;
  /**
   * An ended or finished cohort's channel is flagged (its last week's board's final edit was refused) and the bot's
   * cache does not say it can post there again: that edit waits for the permissions (retried within a day of the
   * week's end). No post is on hold, and another channel would not help: no on-hold warning is shown for it.
   */
  readonly finalEditWaiting: boolean;
  /**
   * Instead of finalEditWaiting, the bot's cache says that channel was deleted (or, when it cannot tell, the flag says
   * so): the board went with it, so no permission brings its final edit back.
   */
  readonly finalEditChannelGone: boolean;
  /**
   * The channel is flagged and posts wait for it: a running cohort's, or an ended one's closing post not out yet. An
   * ended or finished cohort's flag that holds back no post (its closing post is out) is finalEditWaiting's instead.
   */
  readonly postsOnHold: boolean;
}

/** Why the bot cannot post in a channel now; `missing`: the permissions it lacks there (empty unless NoPermission). */
export interface ChannelTrouble {
  readonly check: Exclude<ChannelCheck, typeof ChannelCheck.Ok>;
  readonly missing: readonly PostPermission[];
}

/** What the scheduler knows of a cohort's posts beyond its plan: which it has handled, and what set their times lately. */
export interface PostHistory {
  /** The cohort's post rows, whatever their state (catchUpRule.postsWaitingNow reads which are still to go out). */
  rows(cohortId: number): Promise<readonly PostRowState[]>;
  /** As AuditLog.postTimeChanges. */
  postTimeChanges(cohortId: number, since: Date): Promise<readonly PostTimeChange[]>;
}

/** What admins see about a guild's cohorts: /cohort list and /cohort info. */
export class CohortInfoService {
  constructor(
    private readonly cohorts: CohortService,
    private readonly curricula: CurriculumService,
    private readonly plans: PlanService,
    private readonly channels: ChannelGateway,
    private readonly history: PostHistory,
    private readonly extensions: readonly CohortInfoExtension[] = [],
  ) {}

  /** The guild's cohorts, or only the one `option` names (a UserError when it names none of this guild's). */
  async list(guildId: string, now: Date, option: string | null = null): Promise<CohortListView[]> {
    const named = option !== null && option.trim() !== "";
    const [cohorts, curricula] = await Promise.all([
      named ? this.cohorts.resolveInGuild(guildId, option).then((cohort) => [cohort]) : this.cohorts.list(guildId),
      this.curricula.list(guildId),
    ]);
    const curriculumById = new Map(curricula.map((curriculum) => [curriculum.id, curriculum]));
    // One grouped count for all of them, not a COUNT per cohort at once.
    const memberCounts = await this.cohorts.memberCounts(cohorts.map((cohort) => cohort.id));
    return Promise.all(
      cohorts.map(async (cohort) => {
        const curriculum = curriculumById.get(cohort.curriculumId) ?? (await this.plans.contextFor(cohort)).curriculum;
        // A look-up in the bot's cache, only for a flagged cohort: no request to Discord however many are listed.
        const channelUsableAgain = this.heldChannel(cohort)?.usableAgain ?? false;
        return { ...this.summary(cohort, curriculum, memberCounts.get(cohort.id) ?? 0, now), channelUsableAgain };
      }),
    );
  }

  /** The cohort the option names (or the guild's only cohort), described. */
  async info(guildId: string, option: string | null, now: Date): Promise<CohortInfoView> {
    return this.describe(await this.cohorts.resolveInGuild(guildId, option), now);
  }

  async describe(cohort: Cohort, now: Date): Promise<CohortInfoView> {
    const context = await this.plans.contextFor(cohort);
    const { settings } = cohort;
    const summary = this.summary(cohort, context.curriculum, await this.cohorts.memberCount(cohort.id), now);
    const over = cohort.status === CohortStatus.Ended || cohort.status === CohortStatus.Finished;
    // The cached schedule the scheduler reads (a big cohort's is worked out off the event loop).
    const posts = over ? [] : await this.plans.postsFor(cohort);
    const rows = posts.length === 0 ? new Map<string, PostRowState>() : await this.postRows(cohort);
    const upcoming = postsStillToCome(posts, rows, now);
    const catchingUp = cohort.status === CohortStatus.Active ? await this.catchingUp(cohort, posts, rows, now) : [];
    const next = (kind: PlannedPost["kind"]) => {
      const late = catchingUp.find(({ post }) => post.kind === kind);
      return late === undefined
        ? { post: upcoming.find((post) => post.kind === kind), sentUntil: null }
        : { post: late.post, sentUntil: late.sentUntil };
    };
    const nextWeek = next("week");
    const checkpoint = next("checkpoint");
    const checkpointPost = checkpoint.post;
    const checkpointSection = context.curriculum.sections.find((section) => section.key === checkpointPost?.sectionKey);
    return {
      ...summary,
      startsAt: startOfLocalDay(settings.startDate, settings.timeZone),
      lastDate: addDays(settings.startDate, 7 * context.plan.totalWeeks - 1),
      nextWeekPost: nextWeek.post ?? null,
      nextWeekPostSentUntil: nextWeek.sentUntil,
      nextCheckpoint:
        checkpointPost === undefined
          ? null
          : {
              post: checkpointPost,
              sectionTitle: checkpointSection?.title ?? checkpointPost.period,
              sentUntil: checkpoint.sentUntil,
            },
      extraFields: await this.extraFields(cohort, context, now),
      breakWeeks: context.breakWeeks,
      ...this.channelWarnings(cohort, { over, closed: over && (await this.closingPostOut(cohort)) }, nextWeek.post !== undefined),
      ...this.excludeRoleWarnings(cohort, over),
    };
  }

  /** What /cohort info warns of the cohort's exclude_role: deleted from the server, else not listable (see the view). */
  private excludeRoleWarnings(
    cohort: Cohort,
    over: boolean,
  ): Pick<CohortInfoView, "excludeRoleUnlisted" | "excludeRoleDeleted" | "excludeRoleDeletedWarning"> {
    const deleted = this.cohorts.excludeRoleDeleted(cohort);
    return {
      excludeRoleDeleted: deleted,
      excludeRoleDeletedWarning: !over && deleted,
      // Listing a deleted role's holders tells nothing: the deletion is what the admin needs to hear.
      excludeRoleUnlisted: !over && !deleted && cohort.excludeRoleId !== null && this.cohorts.exclusionListingRefused(cohort.id),
    };
  }

  /** The cohort's post rows by postRowKey: which posts went out, were given up on or are still to be tried. */
  private async postRows(cohort: Cohort): Promise<Map<string, PostRowState>> {
    return new Map((await this.history.rows(cohort.id)).map((row) => [postRowKey(row), row]));
  }

  /**
   * The posts already due that the scheduler still sends (or retries) at its next tick, by its own catch-up rule
   * (catchUpRule.postsWaitingNow). While the channel is flagged they are on hold, and go out by that rule once it is
   * fixed: still the next posts (the renderer says they wait for the channel, and until when), not lost.
   */
  private async catchingUp(
    cohort: Cohort,
    posts: readonly PlannedPost[],
    rows: ReadonlyMap<string, PostRowState>,
    now: Date,
  ): Promise<{ readonly post: PlannedPost; readonly sentUntil: Date }[]> {
    const due = posts.filter((post) => post.dueAt.getTime() <= now.getTime());
    if (due.length === 0) return [];
    const changes = await this.history.postTimeChanges(cohort.id, new Date(now.getTime() - maxLateMs));
    const current = currentWeekPost(due);
    return postsWaitingNow(posts, rows, changes, cohort.settings, now).map((post) => ({
      post,
      sentUntil: catchUpEndsAt(cohort.settings, posts, post, post === current, changes),
    }));
  }

  /**
   * Whether an ended or finished cohort sent its closing post (or settled it, too late or given up), so its flagged
   * channel holds back no post: a finished cohort's always; an ended one's by its row, read only while flagged.
   */
  private async closingPostOut(cohort: Cohort): Promise<boolean> {
    if (cohort.status === CohortStatus.Finished) return true;
    if (cohort.status !== CohortStatus.Ended || cohort.channelProblem === null) return false;
    const closing = (await this.history.rows(cohort.id)).find((row) => row.kind === "closing");
    if (closing === undefined) return false;
    return (
      closing.status === PostStatus.Sent ||
      closing.status === PostStatus.Skipped ||
      (closing.status === PostStatus.Failed && closing.nextAttemptAt === null)
    );
  }

  /**
   * The channel's warnings, from one look-up in the bot's cache. One problem with the channel is shown alone: a flagged
   * channel's (its posts are on hold, pictures or not), else the bot not being able to post there now; nothing when
   * the bot cannot tell (start-up). Threads are opened only on weekly posts: none is missed once none is left. A
   * cohort over with its closing post out (`closed`) has no posts to hold: its flag (a refused final board edit) only
   * adds finalEditWaiting.
   */
  private channelWarnings(
    cohort: Cohort,
    { over, closed }: { readonly over: boolean; readonly closed: boolean },
    weeklyPostsLeft: boolean,
  ): Pick<
    CohortInfoView,
    | "picturesBlocked"
    | "threadsBlocked"
    | "boardsBlocked"
    | "channelTrouble"
    | "heldChannel"
    | "channelUsableAgain"
    | "finalEditWaiting"
    | "finalEditChannelGone"
    | "postsOnHold"
  > {
    const none = {
      picturesBlocked: false,
      threadsBlocked: false,
      boardsBlocked: [],
      channelTrouble: null,
      heldChannel: null,
      channelUsableAgain: false,
      finalEditWaiting: false,
      finalEditChannelGone: false,
      postsOnHold: false,
    };
    const held = this.heldChannel(cohort);
    if (held !== null && !closed) return { ...none, postsOnHold: true, channelUsableAgain: held.usableAgain, heldChannel: held };
    const report = this.channels.reportFromCache(cohort.guildId, cohort.channelId);
    const flagged = closed && cohort.channelProblem !== null && report?.check !== ChannelCheck.Ok;
    const gone = report === null ? cohort.channelProblem === ChannelProblem.Missing : report.check === ChannelCheck.Missing;
    const finalEdit = { finalEditWaiting: flagged && !gone, finalEditChannelGone: flagged && gone };
    if (report === null) return { ...none, ...finalEdit };
    const { check, missing } = report;
    if (check !== ChannelCheck.Ok && !over) return { ...none, channelTrouble: { check, missing } };
    return {
      ...none,
      ...finalEdit,
      picturesBlocked: !over && !report.canAttachFiles,
      threadsBlocked: !over && weeklyPostsLeft && !report.canOpenThreads,
      // Of a running cohort that can post there, only Read Message History can be missing.
      boardsBlocked: report.boardsMissing,
    };
  }

  /**
   * How the cohort's flagged channel stands now, from one look-up in the bot's cache (no request to Discord): the
   * permissions the bot still lacks there (for a `no_permission` flag), that it was deleted since (whatever the flag),
   * or that it can post there again. Null when the channel is not flagged. /cohort info, /cohort list and /cohort
   * preview word it alike.
   */
  heldChannel(cohort: Cohort): HeldChannel | null {
    if (cohort.channelProblem === null) return null;
    const report = this.channels.reportFromCache(cohort.guildId, cohort.channelId);
    if (report?.check === ChannelCheck.Ok) return { problem: cohort.channelProblem, missing: [], usableAgain: true };
    // Flagged for a permission, the channel deleted since: no permission brings it back, so say it is gone.
    if (report?.check === ChannelCheck.Missing) return { problem: ChannelProblem.Missing, missing: [], usableAgain: false };
    const held = cohort.channelProblem === ChannelProblem.NoPermission && report?.check === ChannelCheck.NoPermission;
    return { problem: cohort.channelProblem, missing: held ? report.missing : [], usableAgain: false };
  }

  /**
   * EXTENSION POINT for /cohort info: fields shown after the settings. The
   * scheduler registers a CohortInfoExtension (checkpoint self-assessment
   * counts) through the constructor; each extension's fields are appended in order.
   */
  protected async extraFields(cohort: Cohort, context: CohortContext, now: Date): Promise<InfoField[]> {
    const fields: InfoField[] = [];
    for (const extension of this.extensions) fields.push(...(await extension(cohort, context, now)));
    return fields;
  }

  private summary(
    cohort: Cohort,
    curriculum: Pick<CurriculumSummary, "slug" | "title" | "totalWeeks">,
    memberCount: number,
    now: Date,
  ): CohortSummaryView {
    const { startDate, timeZone } = cohort.settings;
    const totalWeeks = calendarWeekCount({ curriculumWeeks: curriculum.totalWeeks, breakWeeks: cohort.breakWeeks });
    const calendar = { startDate, timeZone, curriculumWeeks: curriculum.totalWeeks, breakWeeks: cohort.breakWeeks };
    const ranToItsEnd = cohort.status === CohortStatus.Ended && !wasEndedEarly(cohort.endedAt, calendar);
    const endedAt = cohort.status === CohortStatus.Ended && !ranToItsEnd ? cohort.endedAt : null;
    return {
      cohort,
      curriculum: { slug: curriculum.slug, title: curriculum.title, totalWeeks: curriculum.totalWeeks },
      memberCount,
      totalWeeks,
      currentWeek: currentWeekNumber({ startDate, timeZone, totalWeeks }, now),
      shownStatus: ranToItsEnd ? CohortStatus.Finished : cohort.status,
      endedInWeek: endedAt === null ? null : currentWeekNumber({ startDate, timeZone, totalWeeks }, endedAt),
    };
  }
}
