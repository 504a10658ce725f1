import { randomBytes } from "node:crypto";
import os from "node:os";
import cron, { type ScheduledTask } from "node-cron";
import type { Clock } from "../clock.js";
import { ChannelProblem, CohortStatus, type Cohort, type MemberRecord } from "../domain/cohort/cohortModel.js";
import { addDays, localDateOf, startOfLocalDay, zonedInstant } from "../domain/schedule/localTime.js";
import { memberDateOf, memberTimeZone, reminderDayOf } from "../domain/schedule/memberDay.js";
import { PostStatus, type ScheduledPostRecord } from "../domain/schedule/scheduledPostModel.js";
import type { PlannedPost, PlannedPostKind } from "../domain/schedule/scheduleTypes.js";
import { setAsideWeekPeriod, weekNumberOfPeriod, weekNumberOfSetAsidePeriod, weekPostPeriod } from "../domain/schedule/weekPostPeriod.js";
import { DatabaseBusyError } from "../db/repositories/DatabaseBusyError.js";
import type { CohortRepository } from "../db/repositories/CohortRepository.js";
import { reminderReclaimable, type ReminderDeliveryRecord, type ReminderRepository } from "../db/repositories/ReminderRepository.js";
import type { EndedLiveBoard, LiveBoardRecord, LiveBoardRepository, PostedBoardRecord } from "../db/repositories/LiveBoardRepository.js";
import { PostPartStatus } from "../db/repositories/PostPartLedger.js";
import { messageFingerprint } from "../services/messageFingerprint.js";
import type { ScheduledPostPartRepository } from "../db/repositories/ScheduledPostPartRepository.js";
import type { ScheduledPostRepository } from "../db/repositories/ScheduledPostRepository.js";
import type { Logger } from "../logging/createLogger.js";
import type { PostTimeChange } from "../services/AuditLog.js";
import {
  currentWeekPost,
  isPastCatchUp,
  lateOnlySinceSet,
  maxLateMs as catchUpMaxLateMs,
  setAsideForItsTime,
} from "../domain/schedule/catchUpRule.js";
import { ChannelCheck, type ChannelGateway } from "../services/ChannelGateway.js";
import { withPictures, type PostMessage, type PostRenderer, type RenderedPost } from "../services/PostRenderer.js";
import type { PostService } from "../services/PostService.js";
import type { ReminderService } from "../services/ReminderService.js";
import { postNonce } from "../services/postNonce.js";
import {
  DeliveryError,
  DeliveryFailure,
  directMessageMark,
  embedLinksRefusedIn,
  parseDirectMessageMark,
  storedDirectMessageMark,
  type DirectMessageMark,
  type PostSender,
} from "../services/PostSender.js";
import { WeightedLruCache } from "../shared/WeightedLruCache.js";
import { BatchedReads } from "./BatchedReads.js";
import { forEachConcurrently } from "./forEachConcurrently.js";
import { Throttle } from "./Throttle.js";
import { untilClockDeadline } from "./untilClockDeadline.js";
import { PostParts } from "../services/PostParts.js";
import { claimLifetimeMs } from "../domain/schedule/claimRule.js";

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** The timing rules of the scheduler, in one place (the README quotes them). */
export const schedulerTiming = {
  /** A post more than this late (the bot was down, the cohort paused) is skipped and logged, not sent. */
  maxLateMs: catchUpMaxLateMs,
  /** A claim this old belongs to a process that died mid-send; another may take it over (claimRule). */
  claimLifetimeMs,
  /** How often a process deletes the rows of announcements finished a day ago (pruneFinished). */
  pruneEveryMs: hour,
  /** Waits before the 2nd, 3rd, … attempt of a failed send; after the last the post is marked failed for good. */
  retryDelaysMs: [1 * minute, 5 * minute, 15 * minute, 60 * minute] as readonly number[],
  /** While a cohort's channel is flagged, how often the bot checks whether it was fixed in Discord. */
  channelProbeEveryMs: 5 * minute,
  /** A reminder more than this late (the bot was down) is dropped for the day. */
  reminderMaxLateMs: 2 * hour,
  /** Reminders are switched off after this many refused DMs in a row. */
  reminderFailuresBeforeOff: 3,
  /** Attempts at a reminder that failed for Discord trouble (a timeout, a 5xx), within the same day. */
  reminderAttempts: 3,
  /**
   * How long after it finished a cohort's members who changed their own plan are still looked at for reminders
   * (each then by their own plan's end): 4 extension weeks and a catch-up of up to 20 study days from the
   * course's last week, at one study day a week, with room.
   */
  finishedRemindingMs: 26 * 7 * 24 * hour,
  /** Finished cohorts' members whose own course is over, remembered (the least recently asked forgotten first). */
  courseOverMembersKept: 10_000,
  /**
   * A weekly post's live board is edited at most this often, however many completions come in (a rare change to who
   * it shows, a hiding or the board setting, is edited at the next tick: markLiveBoardsDirty's `atOnce`); its final
   * edit comes this long after its week ends (a /done sent in the week's last second is in).
   */
  liveBoardEveryMs: minute,
  /** A board whose week ended longer ago than this (the bot was down, the cohort paused) keeps its last live edit. */
  liveBoardFinalWithinMs: 24 * hour,
  /**
   * Posts already sent whose boards one tick edits again at most (a member deleted their data or hid: each a
   * claim, a few message reads and edits): more wait for the next.
   */
  postedBoardsPerTick: 64,
  /**
   * A post's boards that met Discord trouble while edited again are tried again this much later. A message the
   * bot may not read or edit (Read Message History missing, say) waits twice as long after each refused try, up
   * to postedBoardRetryMaxMs, and is left as it is after postedBoardRefusedTries (about five and a half days).
   */
  postedBoardRetryMs: minute,
  postedBoardRetryMaxMs: day,
  postedBoardRefusedTries: 16,
  /**
   * The tries' count a redraw is given up with when the bot's cache said, at the last refusal, that it may read
   * and edit in every channel of the post (the refusals are not for the permission it knows of): such a post is
   * not tried again when the permission looks back, which it already did (16 more tries every few days otherwise).
   */
  postedBoardGivenUpForGood: 17,
  /**
   * Posts given up for want of access that one look (every channelProbeEveryMs) checks again at most: rows found
   * through their index and a cache lookup each, so a backlog in channels still without the permission (the next
   * ones wait for the next look) seldom delays a fixed channel's boards past the next look.
   */
  givenUpBoardsPerProbe: 4_096,
  /** Final board edits one tick makes at most (each a claim, a board read and a Discord edit): more wait for the next. */
  liveBoardFinalsPerTick: 256,
  /**
   * Cohorts whose posts are sent at the same time. discord.js queues each
   * channel's requests and keeps to Discord's global limit (50 requests/s), so
   * this only needs to be large enough to keep that budget busy.
   */
  cohortsInParallel: 32,
  /**
   * Members whose reminder DMs are sent at the same time (each member's own reminders, one per cohort, in
   * order). One at a time, a DM is a round trip to Discord (two the first time: the DM channel), so 10,000
   * members due at one minute would leave the last most of an hour late; side by side a good part of
   * Discord's global limit (50 requests/s, which discord.js keeps to) is used, while the writes they queue
   * (two or three each) leave room for members' commands. Each reminder is claimed just before its own send,
   * at that moment; a tick starts reminders for half a claim's lifetime at most (a minute), and the rest
   * wait for the next tick, so a claim is never one another process would take as left behind.
   */
  remindersInParallel: 8,
  /**
   * A reminder's DM, or a board's edit, that Discord keeps waiting (a rate limit) is taken back this long before
   * its claim's hold ends (claimLifetimeMs after the claim; for a board, liveBoardEveryMs, when another process may
   * edit it again), so it never goes once another process may have taken the claim over or made a newer edit; the
   * hold's end is checked this often.
   */
  claimHoldMarginMs: 15_000,
  claimHoldCheckEveryMs: 1_000,
} as const;

/** node-cron expression of the automatic tick: every 20 seconds. */
export const defaultTickCron = "*/20 * * * * *";

export interface PostOutcome {
  readonly cohortId: number;
  readonly kind: PlannedPostKind;
  readonly period: string;
}

export interface TickReport {
  readonly sent: readonly (PostOutcome & { readonly messageId: string; readonly lateMs: number })[];
  readonly skipped: readonly PostOutcome[];
  /** Attempts that failed (retried later, or given up: see the log). */
  readonly failed: readonly (PostOutcome & { readonly failure: DeliveryFailure; readonly willRetry: boolean })[];
  readonly reminders: { readonly sent: number; readonly failed: number; readonly switchedOff: number; readonly skipped: number };
  /** Live boards edited in this tick. */
  readonly boardsEdited: number;
  /** Boards given their final edit (their week is over) in this tick. */
  readonly boardsClosed: number;
  /** Messages already posted whose boards were edited again (a member deleted their data or hid) in this tick. */
  readonly postedBoardsEdited: number;
}

interface MutableReport {
  sent: (PostOutcome & { messageId: string; lateMs: number })[];
  skipped: PostOutcome[];
  failed: (PostOutcome & { failure: DeliveryFailure; willRetry: boolean })[];
  reminders: { sent: number; failed: number; switchedOff: number; skipped: number };
  boardsEdited: number;
  boardsClosed: number;
  postedBoardsEdited: number;
}

export interface SchedulerDependencies {
  readonly cohorts: CohortRepository;
  readonly posts: ScheduledPostRepository;
  readonly postParts: ScheduledPostPartRepository;
  readonly liveBoards: LiveBoardRepository;
  readonly reminders: ReminderRepository;
  readonly postService: PostService;
  readonly reminderService: ReminderService;
  readonly sender: PostSender;
  /** Words the posts (in the cohort's language) and reminders (in the member's). */
  readonly renderer: PostRenderer;
  readonly channels: ChannelGateway;
  readonly clock: Clock;
  readonly logger: Logger;
  /** node-cron expression for automatic ticks; null: none (tests and tools call tick()). */
  readonly tickCron?: string | null;
  /** Restricts the scheduler to these guilds' cohorts (one shard's); every cohort when it returns undefined. */
  readonly guildScope?: () => readonly string[] | undefined;
  /** Deletes the data of servers the bot left 30 days ago (idempotent); returns how many. */
  readonly purgeDue?: (now: Date) => Promise<number>;
  /**
   * Deletes the rows of announcements finished a day ago or more (see housekeepingEveryMs); returns how many. At
   * most a bounded number per call.
   */
  readonly pruneFinished?: (now: Date) => Promise<number>;
  /** Identifies this process in claims; random per instance by default. */
  readonly instanceId?: string;
  /** Final board edits one tick makes at most; default schedulerTiming.liveBoardFinalsPerTick (a test sets a small one). */
  readonly finalEditsPerTick?: number;
  /** Posted boards one tick edits again at most; default schedulerTiming.postedBoardsPerTick (a test sets a small one). */
  readonly postedBoardsPerTick?: number;
  /**
   * Members whose own course is over the scheduler remembers at most (courseOverMembers).
   * Default: schedulerTiming.courseOverMembersKept.
   */
  readonly courseOverMembersKept?: number;
  /**
   * The cohort's creation, edits of its announce day or time, start date or zone, resumes, channel edits and the bot's
   * lines of its channel usable again since a time (its audit lines), newest first. Without it, every post more than
   * 24 hours late is skipped, even the running week's post of a cohort created, or moved by an edit, after its time,
   * and the closing post that came due while it was paused or its channel unusable, or that a shorter version of
   * its curriculum made due (the bot's line on the cohort, written with the import).
   */
  readonly postTimeChanges?: (cohortId: number, since: Date) => Promise<readonly PostTimeChange[]>;
}

type PostResult = "sent" | "skipped" | "not_ours" | "failed" | "channel_problem" | "nothing";

/** A reminder whose time has come: the member's local date, that time, and the day's row if it has one. */
interface DueReminder {
  readonly member: MemberRecord;
  readonly cohort: Cohort;
  readonly localDate: string;
  /** The member day it lists (reminderDayOf). */
  readonly day: string;
  readonly at: Date;
  readonly existing: ReminderDeliveryRecord | undefined;
}

/** A reminder's claim held by this attempt: its row, and the moment it was claimed (the row's claimedAt). */
interface ReminderClaim {
  readonly deliveryId: number;
  readonly claimedAt: Date;
}

/**
 * A board edit's times: the tick's `now` (the standings' and the week's), and the moment its claim was written (the
 * board's last edit then), which the edit's outcome must find still there to be written (another process may have
 * taken a claim over once a claim's lifetime old).
 */
interface BoardEditTimes {
  readonly now: Date;
  readonly claimedAt: Date;
}

/**
 * Every local date a reminder due at `now` can be of, in any zone (UTC−12 to UTC+14): today there is
 * the UTC date or the day before or after, yesterday one day earlier still.
 */
function reminderDatesAround(now: Date): string[] {
  const utcToday = localDateOf(now, "UTC");
  return [-2, -1, 0, 1].map((days) => addDays(utcToday, days));
}

/** The cohort as the tick read it, in `timeZone` (the one read later with its members' reminder rows). */
function withTimeZone(cohort: Cohort, timeZone: string): Cohort {
  return cohort.settings.timeZone === timeZone ? cohort : { ...cohort, settings: { ...cohort.settings, timeZone } };
}

function postKey(post: PostOutcome): string {
  return `${post.cohortId}|${post.kind}|${post.period}`;
}

/**
 * A post sent while set aside (recorded without `sentAt`, LiveBoardRepository.attachAfterMove), found under a
 * planned post's own name: an edit put its week back since, so it is that week's post, not yet reported sent
 * nor given its thread (Scheduler.reportPutBack).
 */
function putBackUnreported(row: ScheduledPostRecord): boolean {
  return row.kind === "week" && row.status === PostStatus.Sent && row.sentAt === null && row.messageId !== null;
}

/** A post row that will not be attempted again: sent, skipped, or failed for good. */
function isSettled(row: ScheduledPostRecord): boolean {
  return (
    row.status === PostStatus.Sent || row.status === PostStatus.Skipped || (row.status === PostStatus.Failed && row.nextAttemptAt === null)
  );
}

interface CohortWatch {
  readonly cohort: Cohort;
  /** The cohort row's version (CohortRepository.listSchedulableVersions): another means read it again. */
  readonly version: number;
  /** Epoch ms from which a tick looks at the cohort again (its posts' rows and schedule). */
  lookAt: number;
}

/** Even with nothing due, a cohort is looked at again after this long (plus a spread by id, so not all in one tick). */
const lookAgainAfterMs = 10 * minute;

/**
 * When the cohort next needs a tick, from its planned posts and their rows as this tick read them:
 * a post without a row when it falls due, a claim when it goes stale, a failed post when its retry
 * is due; a post sent, skipped or failed for good never. A post sent in this very tick read as
 * "no row" yet, so the next tick looks once more and finds it sent. An ended cohort is looked at
 * until its closing post is settled and nothing of it is pending.
 */
export function nextLookAt(
  cohort: Cohort,
  planned: readonly PlannedPost[],
  rowByKey: ReadonlyMap<string, ScheduledPostRecord>,
  now: Date,
): number {
  const latest = now.getTime() + lookAgainAfterMs + (cohort.id % 30) * 20_000;
  const attentionOf = (row: ScheduledPostRecord): number => {
    if (row.status === PostStatus.Claimed) return (row.claimedAt?.getTime() ?? 0) + schedulerTiming.claimLifetimeMs + 1;
    if (row.status === PostStatus.Failed && row.nextAttemptAt !== null) return row.nextAttemptAt.getTime();
    return Number.POSITIVE_INFINITY;
  };
  if (cohort.status === CohortStatus.Ended) {
    const closing = planned.find((post) => post.kind === "closing");
    const closingRow = closing === undefined ? undefined : rowByKey.get(postKey({ cohortId: cohort.id, ...closing }));
    const settled = [...rowByKey.values()].every((row) => attentionOf(row) === Number.POSITIVE_INFINITY);
    return settled && (closing === undefined || closingRow !== undefined) ? latest : now.getTime();
  }
  let at = latest;
  for (const post of planned) {
    const row = rowByKey.get(postKey({ cohortId: cohort.id, ...post }));
    at = Math.min(at, row === undefined ? post.dueAt.getTime() : putBackUnreported(row) ? now.getTime() : attentionOf(row));
  }
  return at;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failed pass whose claim another process took over meanwhile (this one was slow: its part's row moved on, or its
 * send failed): the post is that process's, and so is its outcome. Nothing recorded of it, reported or counted.
 */
function logClaimTakenOver(failure: DeliveryError, log: Logger): void {
  log.info({ failure: failure.failure, err: failure }, "post left to the process that took its claim over");
}

/**
 * Sends the cohorts' channel posts and reminder DMs, each exactly once.
 *
 * node-cron only drives a short tick; what is due is computed from each
 * cohort's plan (cohort-local wall times, so DST moves nothing) and the
 * database says what was already claimed or sent. A tick looks only at the
 * cohorts that changed or whose next post, retry or stale claim has come
 * (nextLookAt); the first tick of a process looks at all of them. A post is claimed with
 * one write (the insert of its unique (cohort, kind, period) row, or a
 * conditional update of a stale claim or a due retry), then sent with a nonce
 * derived from its key, then marked sent: a restart or a second process on
 * the same database never sends it twice. Cohorts post side by side (each
 * its own posts in order), so one rate-limited channel holds up no other;
 * discord.js's REST queue keeps to Discord's per-channel and global limits.
 */
export class Scheduler {
  readonly instanceId: string;
  private task: ScheduledTask | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private runs = 0;
  private finished = 0;
  /** The clock's reading when the tick under way started (see tickInstant). */
  private tickStartedOnClock = 0;
  private readonly lastProbeAt = new Map<number, number>();
  /**
   * Cohorts whose channel the tick under way flagged (flagChannel): flagged once a tick, however many of its
   * posts and board edits meet the problem, and their boards wait from then on in this tick, as at the next.
   */
  private readonly flaggedThisTick = new Set<number>();
  /**
   * Flag writes under way (flagChannel), by cohort: another board of the cohort refused meanwhile waits for the
   * write, and writes the flag itself when it failed; the cohort's boards wait while it is under way.
   */
  private readonly flagWrites = new Map<number, Promise<unknown>>();
  /** When this process last looked for posted boards given up that it may edit again (retryGivenUpBoards), and where it got to. */
  private readonly givenUpProbes = new Throttle(schedulerTiming.channelProbeEveryMs);
  private givenUpCursor = 0;
  /** When this process last cleared finished cohorts' channel flags (clearFinishedFlags). */
  private readonly finishedFlagsClears = new Throttle(schedulerTiming.channelProbeEveryMs);
  /**
   * Members of finished cohorts whose own course is over: it stays over (their plan can no longer change once
   * it is, nor a finished cohort's schedule), so each costs one plan read per process, not one every tick.
   * Bounded: past courseOverMembersKept the least recently asked is forgotten, and read again if it comes up.
   */
  private readonly courseOverMembers: WeightedLruCache<number, true>;
  /** Every schedulable cohort as last read, and when the scheduler must look at it again. */
  private readonly watches = new Map<number, CohortWatch>();
  private watchedGeneration = -1;
  private readonly parts: PostParts;

  constructor(private readonly dependencies: SchedulerDependencies) {
    this.instanceId = dependencies.instanceId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    this.parts = new PostParts(dependencies.sender, dependencies.postParts);
    this.courseOverMembers = new WeightedLruCache(dependencies.courseOverMembersKept ?? schedulerTiming.courseOverMembersKept);
  }

  /** Starts the automatic tick (when configured) and runs one at once, to catch up on what came due while the bot was down. */
  start(): void {
    if (this.stopped || this.task !== null) return;
    const expression = this.dependencies.tickCron === undefined ? defaultTickCron : this.dependencies.tickCron;
    if (expression === null) return;
    const logger = this.dependencies.logger;
    const runTick = async () => {
      try {
        await this.tick(this.dependencies.clock.now());
      } catch (error) {
        logger.error({ err: error }, "scheduler tick failed");
      }
    };
    this.task = cron.createTask(expression, runTick, { name: "cohort-bot scheduler", noOverlap: true });
    void this.task.start();
    void runTick();
    logger.info({ tick: expression, instanceId: this.instanceId }, "scheduler started");
  }

  /** Stops ticking and waits for a tick in progress, so the database can close after. */
  async stop(): Promise<void> {
    this.stopped = true;
    const task = this.task;
    this.task = null;
    if (task !== null) await task.destroy();
    await this.running.catch(() => undefined);
  }

  /** Ticks finished so far, automatic or by hand (a test waits on them instead of on the clock). */
  get ticksFinished(): number {
    return this.finished;
  }

  /**
   * Sends whatever is due at `now`. Ticks of one scheduler never overlap: a
   * call while another runs waits for it. Callable directly (tests, the
   * playground's clock).
   */
  async tick(now: Date = this.dependencies.clock.now()): Promise<TickReport> {
    const run = this.running.then(() => this.runTick(now)).finally(() => (this.finished += 1));
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Servers the bot left 30 days ago lose their data; a failure is logged and retried next tick. */
  private async purgeDeparted(now: Date, log: Logger): Promise<void> {
    if (this.dependencies.purgeDue === undefined) return;
    try {
      const purged = await this.dependencies.purgeDue(now);
      if (purged > 0) log.info({ purged }, "deleted the data of servers the bot left");
    } catch (error) {
      if (error instanceof DatabaseBusyError) throw error;
      log.error({ err: error }, "deleting departed servers' data failed; the next tick tries again");
    }
  }

  /** When this process last pruned finished announcements (a tick prunes at most once an hour). */
  private prunedAt: number | null = null;

  /** Finished announcements' rows go a day after; a failure is logged and tried again at a later tick. */
  private async pruneFinished(now: Date, log: Logger): Promise<void> {
    if (this.dependencies.pruneFinished === undefined) return;
    if (this.prunedAt !== null && now.getTime() - this.prunedAt < schedulerTiming.pruneEveryMs) return;
    try {
      const pruned = await this.dependencies.pruneFinished(now);
      this.prunedAt = now.getTime();
      if (pruned > 0) log.info({ pruned }, "deleted the rows of finished announcements");
    } catch (error) {
      if (error instanceof DatabaseBusyError) throw error;
      log.error({ err: error }, "deleting finished announcements' rows failed; a later tick tries again");
    }
  }

  private async runTick(now: Date): Promise<TickReport> {
    const report: MutableReport = {
      sent: [],
      skipped: [],
      failed: [],
      reminders: { sent: 0, failed: 0, switchedOff: 0, skipped: 0 },
      boardsEdited: 0,
      boardsClosed: 0,
      postedBoardsEdited: 0,
    };
    if (this.stopped) return report;
    this.runs += 1;
    this.tickStartedOnClock = this.dependencies.clock.now().getTime();
    this.flaggedThisTick.clear();
    const log = this.dependencies.logger.child({ job: "scheduler", run: this.runs, at: now.toISOString() });
    const startedAt = Date.now();
    let cohortCount: number;
    try {
      cohortCount = await this.postAndRemind(now, log, report);
      await this.purgeDeparted(now, log);
      await this.pruneFinished(now, log);
    } catch (error) {
      if (!(error instanceof DatabaseBusyError)) throw error;
      // Soft failure: what is due is computed again from the database at the next tick, so nothing is lost.
      log.warn({ err: error, sent: report.sent.length }, "scheduler tick met a locked database: the next tick tries again");
      return report;
    }
    const busy =
      report.sent.length +
        report.skipped.length +
        report.failed.length +
        report.reminders.sent +
        report.reminders.failed +
        report.boardsEdited +
        report.boardsClosed +
        report.postedBoardsEdited >
      0;
    (busy ? log.info.bind(log) : log.debug.bind(log))(
      {
        ms: Date.now() - startedAt,
        cohorts: cohortCount,
        sent: report.sent.length,
        skipped: report.skipped.length,
        failed: report.failed.length,
        reminders: report.reminders,
        boardsEdited: report.boardsEdited,
        boardsClosed: report.boardsClosed,
        postedBoardsEdited: report.postedBoardsEdited,
      },
      "scheduler tick done",
    );
    return report;
  }

  /**
   * One pass over the schedulable cohorts' posts, then the reminders; returns how many cohorts it
   * watches. Only cohorts whose next post, retry or stale claim has come (or that changed) are looked
   * at: a tick with nothing due reads two columns per cohort and no post rows.
   */
  private async postAndRemind(now: Date, log: Logger, report: MutableReport): Promise<number> {
    // The servers the bot left, read once a tick: nothing is posted or edited there until it comes back.
    const departed = await this.dependencies.cohorts.departedGuilds();
    const cohorts = await this.schedulableCohorts(departed);
    const looked = this.cohortsToLookAt(cohorts, now);
    const rows = await this.dependencies.posts.listForCohorts(looked.map((cohort) => cohort.id));
    const rowsByCohort = new Map<number, Map<string, ScheduledPostRecord>>();
    for (const row of rows) {
      const ofCohort = rowsByCohort.get(row.cohortId) ?? new Map<string, ScheduledPostRecord>();
      ofCohort.set(postKey(row), row);
      rowsByCohort.set(row.cohortId, ofCohort);
    }
    // Cohorts post side by side, each its posts in order: a channel that Discord rate-limits holds up only its own cohort.
    await forEachConcurrently(looked, schedulerTiming.cohortsInParallel, async (cohort) => {
      try {
        await this.postForCohort(cohort, rowsByCohort.get(cohort.id) ?? new Map(), now, log.child({ cohortId: cohort.id }), report);
      } catch (error) {
        // A locked database stops the whole tick: every other cohort would wait out the same lock.
        if (error instanceof DatabaseBusyError) throw error;
        log.error({ err: error, cohortId: cohort.id }, "cohort posts failed");
      }
    });
    try {
      await this.refreshLiveBoards(cohorts, now, log, report);
    } catch (error) {
      if (error instanceof DatabaseBusyError) throw error;
      log.error({ err: error }, "live boards failed");
    }
    try {
      await this.sendReminders(
        cohorts.filter((cohort) => cohort.status === CohortStatus.Active),
        now,
        log,
        report,
      );
    } catch (error) {
      if (error instanceof DatabaseBusyError) throw error;
      log.error({ err: error }, "reminders failed");
    }
    // Last: a burst of boards whose week ended together waits behind the posts and reminders due now.
    try {
      await this.closeEndedBoards(cohorts, departed, now, log, report);
    } catch (error) {
      if (error instanceof DatabaseBusyError) throw error;
      log.error({ err: error }, "final board edits failed");
    }
    try {
      await this.redrawPostedBoards(cohorts, departed, now, log, report);
    } catch (error) {
      if (error instanceof DatabaseBusyError) throw error;
      log.error({ err: error }, "posted board edits failed");
    }
    return cohorts.length;
  }

  /** The schedulable cohorts, re-reading only those whose row changed since the last tick. */
  private async schedulableCohorts(departed: ReadonlySet<string>): Promise<Cohort[]> {
    const { cohorts } = this.dependencies;
    const versions = await cohorts.listSchedulableVersions(departed, this.dependencies.guildScope?.());
    const changed = versions.filter((entry) => this.watches.get(entry.id)?.version !== entry.version).map((entry) => entry.id);
    for (const { cohort, version } of await cohorts.listVersionedByIds(changed)) {
      this.watches.set(cohort.id, { cohort, version, lookAt: Number.NEGATIVE_INFINITY });
    }
    const current = new Set(versions.map((entry) => entry.id));
    for (const id of this.watches.keys()) if (!current.has(id)) this.watches.delete(id);
    return versions.flatMap((entry) => {
      const watch = this.watches.get(entry.id);
      return watch === undefined ? [] : [watch.cohort];
    });
  }

  /** Cohorts with something to do now; all of them when the post schedules may have changed (a curriculum import). */
  private cohortsToLookAt(cohorts: readonly Cohort[], now: Date): Cohort[] {
    const generation = this.dependencies.postService.scheduleGeneration;
    const everything = generation !== this.watchedGeneration;
    this.watchedGeneration = generation;
    return cohorts.filter(
      (cohort) => everything || cohort.channelProblem !== null || (this.watches.get(cohort.id)?.lookAt ?? 0) <= now.getTime(),
    );
  }

  private async postForCohort(
    original: Cohort,
    rowByKey: ReadonlyMap<string, ScheduledPostRecord>,
    now: Date,
    log: Logger,
    report: MutableReport,
  ): Promise<void> {
    let cohort = original;
    if (cohort.channelProblem !== null) {
      if (!(await this.channelRecovered(cohort, now, log))) return;
      cohort = { ...cohort, channelProblem: null };
    }
    const planned = await this.dependencies.postService.schedule(cohort);
    const watch = this.watches.get(cohort.id);
    if (watch !== undefined) watch.lookAt = nextLookAt(cohort, planned, rowByKey, now);
    let due: PlannedPost[];
    if (cohort.status === CohortStatus.Ended) {
      // Ending a cohort sends its closing post (if it has not gone out yet) and nothing else, ever: due at the end,
      // also when the course's end had passed long before (paused past it), as the end's reply promises. Late from
      // the end, like any post: one that could not go out then (no curriculum, the bot out of the server) is
      // skipped a day later. Ended before endedAt was kept: due at the course's end.
      const closing = planned.find((post) => post.kind === "closing");
      const dueAt = cohort.endedAt ?? closing?.dueAt ?? now;
      due = closing === undefined ? [] : [{ ...closing, dueAt: dueAt.getTime() <= now.getTime() ? dueAt : now }];
      await this.dropPendingOfEndedCohort(cohort, rowByKey, now, log, report);
    } else {
      due = planned.filter((post) => post.dueAt.getTime() <= now.getTime());
    }
    const current = currentWeekPost(due);
    for (const post of due) {
      const existing = rowByKey.get(postKey({ cohortId: cohort.id, ...post }));
      // A start edit renames rows in the same transaction as the settings, so a tick sees this only from a cohort
      // read before the edit and rows read after; it is settled, not posted again.
      const hasRow = (key: string) => rowByKey.has(`${cohort.id}|${key}`);
      if (existing === undefined && setAsideForItsTime(post, hasRow)) continue;
      const result = await this.handlePost(cohort, post, existing, now, log, report, post === current);
      if (result === "channel_problem") return;
      // The closing post went out (or came too late to send): the course is over, the cohort finishes.
      const closed = result === "sent" || result === "skipped" || (existing !== undefined && isSettled(existing));
      if (post.kind === "closing" && closed && cohort.status === CohortStatus.Active) await this.finish(cohort, now, log);
    }
  }

  private async finish(cohort: Cohort, now: Date, log: Logger): Promise<void> {
    // Its boards' final edits still due are made all the same (closeEndedBoards reads the cohorts just finished).
    const finalEditsAfter = new Date(now.getTime() - schedulerTiming.liveBoardFinalWithinMs);
    await this.dependencies.postService.finishCourse(cohort, now, finalEditsAfter);
    log.info({}, "course over: cohort finished");
  }

  /** A flagged channel is checked again now and then; when the bot can post again, the flag goes and posting resumes. */
  private async channelRecovered(cohort: Cohort, now: Date, log: Logger): Promise<boolean> {
    const last = this.lastProbeAt.get(cohort.id);
    if (last !== undefined && now.getTime() - last < schedulerTiming.channelProbeEveryMs && now.getTime() >= last) return false;
    this.lastProbeAt.set(cohort.id, now.getTime());
    const { check } = await this.dependencies.channels.checkPostable(cohort.guildId, cohort.channelId);
    if (check !== ChannelCheck.Ok) return false;
    // With the bot's audit line, which lets the closing post that waited on the channel out for a day, from
    // whichever process sends it and however many tries it takes (lateOnlySinceSet). Another process may have cleared it.
    if (await this.dependencies.cohorts.clearChannelProblem(cohort, now))
      log.info({ channelId: cohort.channelId }, "cohort channel usable again: posts resume");
    return true;
  }

  private async dropPendingOfEndedCohort(
    cohort: Cohort,
    rowByKey: ReadonlyMap<string, ScheduledPostRecord>,
    now: Date,
    log: Logger,
    report: MutableReport,
  ): Promise<void> {
    const staleBefore = new Date(now.getTime() - schedulerTiming.claimLifetimeMs);
    for (const row of rowByKey.values()) {
      if (row.kind === "closing") continue;
      const pending = (row.status === PostStatus.Failed && row.nextAttemptAt !== null) || row.status === PostStatus.Claimed;
      if (!pending) continue;
      if (await this.dependencies.posts.skipPending(row, "cohort ended", staleBefore)) {
        log.warn({ postId: row.id, kind: row.kind, period: row.period }, "post skipped: the cohort ended");
        report.skipped.push({ cohortId: cohort.id, kind: row.kind, period: row.period });
      }
    }
  }

  private async handlePost(
    cohort: Cohort,
    post: PlannedPost,
    existing: ScheduledPostRecord | undefined,
    now: Date,
    log: Logger,
    report: MutableReport,
    currentWeek: boolean,
  ): Promise<PostResult> {
    const { posts } = this.dependencies;
    const key = { cohortId: cohort.id, kind: post.kind, period: post.period };
    const lateMs = now.getTime() - post.dueAt.getTime();
    const staleBefore = new Date(now.getTime() - schedulerTiming.claimLifetimeMs);
    // Asked only of a row to write or to try again (its audit lines are read then, not at every tick).
    const isTooLate = async (): Promise<boolean> =>
      isPastCatchUp(post, now) && !(await this.lateOnlySinceSet(cohort, post, currentWeek, now));
    const skipReason = `more than 24 hours late (due ${post.dueAt.toISOString()})`;
    let claim: ScheduledPostRecord | null;
    if (existing !== undefined && putBackUnreported(existing)) return this.reportPutBack(cohort, post, existing, lateMs, now, log, report);
    if (existing === undefined) {
      if (await isTooLate()) {
        if (await posts.recordSkipped(key, post.dueAt, skipReason, now)) {
          log.warn(
            { kind: post.kind, period: post.period, dueAt: post.dueAt, lateMinutes: Math.round(lateMs / minute) },
            "post skipped: more than 24 hours late",
          );
          report.skipped.push(key);
          return "skipped";
        }
        return "not_ours";
      }
      claim = await posts.claimNew(key, post.dueAt, this.instanceId, now);
    } else {
      const staleClaim =
        existing.status === PostStatus.Claimed && existing.claimedAt !== null && existing.claimedAt.getTime() < staleBefore.getTime();
      const retryDue =
        existing.status === PostStatus.Failed && existing.nextAttemptAt !== null && existing.nextAttemptAt.getTime() <= now.getTime();
      if (!staleClaim && !retryDue) return "nothing";
      if (await isTooLate()) {
        if (await posts.skipPending(existing, skipReason, staleBefore)) {
          log.warn(
            { postId: existing.id, kind: post.kind, period: post.period, lastError: existing.lastError },
            "post skipped: more than 24 hours late",
          );
          report.skipped.push(key);
          return "skipped";
        }
        return "not_ours";
      }
      claim = await posts.reclaim(existing, this.instanceId, now, staleBefore);
      if (claim !== null && staleClaim) log.warn({ postId: existing.id, previousClaim: existing.claimedBy }, "took over a stale claim");
    }
    if (claim === null) return "not_ours";
    return this.deliver(cohort, post, claim, lateMs, now, log.child({ postId: claim.id, kind: post.kind, period: post.period }), report);
  }

  /** The catch-up rule's exception (catchUpRule.lateOnlySinceSet), from the cohort's audit lines of the last 24 hours. */
  private async lateOnlySinceSet(cohort: Cohort, post: PlannedPost, currentWeek: boolean, now: Date): Promise<boolean> {
    if (!currentWeek && post.kind === "week") return false;
    const since = new Date(now.getTime() - schedulerTiming.maxLateMs);
    const changes = (await this.dependencies.postTimeChanges?.(cohort.id, since)) ?? [];
    return lateOnlySinceSet(cohort.settings, post, currentWeek, changes, now);
  }

  private async deliver(
    cohort: Cohort,
    post: PlannedPost,
    claim: ScheduledPostRecord,
    lateMs: number,
    now: Date,
    log: Logger,
    report: MutableReport,
  ): Promise<PostResult> {
    const outcome = { cohortId: cohort.id, kind: post.kind, period: post.period };
    let rendered: RenderedPost;
    let messageIds: string[];
    let reused: number;
    let liveUntil: Date | null = null;
    try {
      const { postService, renderer } = this.dependencies;
      // The closing post's board is kept as the final one when first rendered: a retry sends the same board.
      const view =
        post.kind === "closing"
          ? { kind: "closing" as const, view: await postService.finalClosingView(cohort, now) }
          : await postService.viewOf(cohort, post, now);
      if (view.kind === "week") liveUntil = startOfLocalDay(view.view.week.endDate, cohort.settings.timeZone);
      // Pictures ride on the first part: sent once with it, under its nonce, like its text.
      rendered = withPictures(renderer.post(view, cohort.language), await renderer.pictures(view, cohort.language));
      ({ messageIds, reused } = await this.parts.send(
        // The instant in the nonce's key too: a week announced again at a new time (a start-date edit) is a new message.
        { postId: claim.id, postKey: `${postKey(outcome)}@${claim.dueAt.toISOString()}`, channelId: cohort.channelId },
        rendered.messages,
        now,
        log,
      ));
    } catch (error) {
      return this.recordFailure(cohort, claim, error, now, log, report);
    }
    const firstId = messageIds[0] ?? "";
    const boardId = rendered.livePart === undefined || rendered.livePart === null ? undefined : messageIds[rendered.livePart];
    // Parts sent by an earlier attempt were drawn then: a deletion or privacy change since (whose flag a failed
    // attempt's retry time replaced, or that found the post failed) is not in them. Flagged for a redraw, which
    // edits nothing where they are already right.
    const redraw = reused > 0 && (post.kind === "week" || post.kind === "closing");
    // Drawn with the board setting of the cohort as this tick read it: one edited since is redrawn (markSent).
    const marked = await this.dependencies.posts.markSent(claim.id, this.instanceId, firstId, now, redraw, cohort.leaderboard);
    // A start edit committed after the send was recorded may have set the row aside since: attach says so.
    const attached =
      marked &&
      (liveUntil === null ||
        boardId === undefined ||
        (await this.dependencies.liveBoards.attach(
          claim.id,
          claim.period,
          { messageId: boardId, channelId: cohort.channelId },
          liveUntil,
          now,
        )));
    if (!attached && !(await this.movedMeanwhile(cohort, post, claim, { firstId, boardId, liveUntil }, now, log))) return "not_ours";
    log.info(
      { messageId: firstId, messages: messageIds.length, lateMinutes: Math.max(0, Math.round(lateMs / minute)) },
      lateMs >= minute ? "post sent late" : "post sent",
    );
    report.sent.push({ ...outcome, messageId: firstId, lateMs });
    await this.openThread(cohort, firstId, rendered.threadName, log);
    return "sent";
  }

  private async openThread(cohort: Cohort, firstId: string, threadName: string | null, log: Logger): Promise<void> {
    if (threadName === null || firstId === "") return;
    try {
      const thread = await this.dependencies.sender.openThread(cohort.guildId, cohort.channelId, firstId, threadName);
      log.debug({ thread }, "discussion thread");
    } catch (error) {
      log.warn({ err: error }, "could not open the discussion thread");
    }
  }

  /**
   * A weekly post sent while set aside, its week put back since by an edit committed after its send was
   * recorded (putBackUnreported): the week's post after all. Its board went live again with the edit
   * (weekPostChangeWrites); here it is reported sent and its discussion thread opened, once (claimPutBack).
   */
  private async reportPutBack(
    cohort: Cohort,
    post: PlannedPost,
    row: ScheduledPostRecord,
    lateMs: number,
    now: Date,
    log: Logger,
    report: MutableReport,
  ): Promise<PostResult> {
    const firstId = row.messageId ?? "";
    if (!(await this.dependencies.posts.claimPutBack(row.id, row.period, now))) return "not_ours";
    const postLog = log.child({ postId: row.id, kind: post.kind, period: post.period });
    postLog.info({ messageId: firstId }, "post sent: its week was put back after it was recorded as set aside");
    report.sent.push({ cohortId: cohort.id, kind: post.kind, period: post.period, messageId: firstId, lateMs });
    let threadName: string | null;
    try {
      threadName = this.dependencies.renderer.post(
        await this.dependencies.postService.viewOf(cohort, post, now),
        cohort.language,
      ).threadName;
    } catch (error) {
      postLog.warn({ err: error }, "could not open the discussion thread");
      return "sent";
    }
    await this.openThread(cohort, firstId, threadName, postLog);
    return "sent";
  }

  /**
   * The post went out, but its row was no longer this process's claim when the send was to be recorded, or
   * was renamed before its board was attached: start edits changed it meanwhile, another process took over
   * the claim (it owns the outcome: the row, the board, the thread, the report), or another process gave the
   * stale claim up (more than 24 hours late, or the cohort ended: skipPending), leaving the row skipped under
   * the week's name, without a message. A weekly post is recorded where its row is now (LiveBoardRepository.attachAfterMove), so every message sent is recorded
   * once, as the week's post or as set aside, never neither: set aside (its week moved, announced again at
   * its new time), it is not the week's: its board is never the week's live board, only told a minute later
   * that its week moved, as the board of a post set aside after it was sent is; no discussion thread opens
   * on it, it is not reported as sent, and its messages are kept so a member's deletion or privacy change
   * redraws their boards. Given up by another process, or taken back by a second edit (the week returned to
   * this post's instant), it is the week's post (the only one it will have: a given-up row is never sent
   * again): true, and the caller goes on as for a post recorded at once (thread, report).
   */
  private async movedMeanwhile(
    cohort: Cohort,
    post: PlannedPost,
    claim: ScheduledPostRecord,
    sent: { readonly firstId: string; readonly boardId: string | undefined; readonly liveUntil: Date | null },
    now: Date,
    log: Logger,
  ): Promise<boolean> {
    const recorded =
      post.kind === "week" && post.weekNumber !== undefined
        ? await this.dependencies.liveBoards.attachAfterMove(
            {
              postId: claim.id,
              claimedBy: this.instanceId,
              messageId: sent.firstId,
              period: claim.period,
              setAsidePeriod: setAsideWeekPeriod(post.weekNumber, claim.dueAt),
            },
            sent.boardId === undefined || sent.liveUntil === null
              ? null
              : { messageId: sent.boardId, channelId: cohort.channelId, liveUntil: sent.liveUntil },
            now,
          )
        : null;
    if (recorded === "week") {
      log.info({ messageId: sent.firstId }, "post sent: its week was moved and put back while it was being sent");
      return true;
    }
    log.warn(
      { messageId: sent.firstId, setAside: recorded === "setAside" },
      "post sent, but it was set aside or another process took over its claim meanwhile",
    );
    return false;
  }

  /**
   * Edits the live boards that completions marked dirty, each at most once a
   * `liveBoardEveryMs` (one a privacy-type change flagged at once: at the next tick after
   * the edit under way, if any), and none after its week: the one edit pipeline of the
   * boards. Each edit is claimed with one write first, so ticks and processes
   * never edit a board twice for the same changes. Side by side like the posts: one at a time, many cohorts'
   * boards due together would hold the tick (and the reminders sent after them) a Discord round trip each.
   * A cohort whose channel is flagged waits, its boards left dirty: edited once the channel recovers. An edit
   * claimed whose outcome was never written (its process died, or the database was locked then) is due again
   * once its claim is a claim's lifetime old.
   */
  private async refreshLiveBoards(cohorts: readonly Cohort[], now: Date, log: Logger, report: MutableReport): Promise<void> {
    const { liveBoards } = this.dependencies;
    const cohortById = new Map(cohorts.filter((cohort) => this.postsHere(cohort)).map((cohort) => [cohort.id, cohort]));
    const editedBy = new Date(now.getTime() - schedulerTiming.liveBoardEveryMs);
    const staleBefore = new Date(now.getTime() - schedulerTiming.claimLifetimeMs);
    const due = await liveBoards.listDue([...cohortById.keys()], now, editedBy, staleBefore);
    await forEachConcurrently(due, schedulerTiming.cohortsInParallel, async (board) => {
      const cohort = cohortById.get(board.cohortId);
      const weekNumber = weekNumberOfPeriod(board.period);
      // Not once this tick flagged its channel (another of its boards, side by side): it waits, kept dirty.
      if (cohort === undefined || !this.postsHere(cohort) || weekNumber === null) return;
      // As of the claim's moment, not the tick's start (a long tick's claim would look stale at once, taken over).
      const claimedAt = this.tickInstant(now);
      if (!(await liveBoards.claimEdit(board, claimedAt, editedBy, staleBefore))) return;
      const boardLog = log.child({ cohortId: cohort.id, postId: board.postId });
      await this.editLiveBoard(cohort, board, weekNumber, { now, claimedAt }, boardLog, report);
    });
  }

  /**
   * The finished cohorts with a board whose final edit is still due (LiveBoardRepository.finishedWithEnded), read now:
   * one the tick finished is there as it is now, not as the tick read it. One whose channel is flagged is there once
   * the channel works again (checked as a running cohort's is), while its final edit is still due: within the day of
   * its board's end (liveBoardFinalWithinMs). A failure here costs only their edits.
   */
  private async recentlyFinished(
    departed: ReadonlySet<string>,
    range: { endedAfter: Date; endedBy: Date; staleBefore: Date },
    now: Date,
    log: Logger,
  ): Promise<Cohort[]> {
    const { liveBoards, cohorts } = this.dependencies;
    try {
      await this.clearFinishedFlags(range.endedAfter, now, log);
      const ids = await liveBoards.finishedWithEnded(
        range.endedAfter,
        range.endedBy,
        range.staleBefore,
        departed,
        this.dependencies.guildScope?.(),
      );
      const finished = await cohorts.listFinishedByIds(ids);
      // A flagged channel is checked again as a running cohort's is (channelRecovered): the edits wait until it works.
      // Side by side, as the running cohorts' checks: one that fetches from Discord (a channel not cached) holds up no other.
      const recovered = new Set<number>();
      const flagged = finished.filter((cohort) => cohort.channelProblem !== null);
      await forEachConcurrently(flagged, schedulerTiming.cohortsInParallel, async (cohort) => {
        if (await this.channelRecovered(cohort, now, log.child({ cohortId: cohort.id }))) recovered.add(cohort.id);
      });
      return finished.flatMap((cohort) =>
        cohort.channelProblem === null ? [cohort] : recovered.has(cohort.id) ? [{ ...cohort, channelProblem: null }] : [],
      );
    } catch (error) {
      if (error instanceof DatabaseBusyError) throw error;
      log.error({ err: error }, "finished cohorts' final board edits failed");
      return [];
    }
  }

  /**
   * A finished cohort's channel flag (a final edit refused, see refusedEmbedLinksHere) is cleared once no final edit
   * is due any more (`endedAfter`: the final-edit window's start), looked for every channelProbeEveryMs as flagged
   * channels are: nothing checks that channel again, and the flag would hold back its posted boards' redraws.
   */
  private async clearFinishedFlags(endedAfter: Date, now: Date, log: Logger): Promise<void> {
    if (!this.finishedFlagsClears.take(now.getTime())) return;
    // Its own failure costs only this sweep (tried again next time), not the finished cohorts' final edits.
    try {
      const cleared = await this.dependencies.cohorts.clearFinishedFlags(endedAfter);
      if (cleared > 0) log.info({ cohorts: cleared }, "finished cohorts' channel flags cleared: no final board edit due");
    } catch (error) {
      if (error instanceof DatabaseBusyError) throw error;
      this.finishedFlagsClears.reset();
      log.error({ err: error }, "finished cohorts' channel flags not cleared");
    }
  }

  /**
   * Gives a board whose week is over its final edit (the week's final standings, saying so): once,
   * claimed with one conditional write, a minute after the week's end. Only the latest such board of
   * a cohort, and only within liveBoardFinalWithinMs of its end: after a long outage older boards are
   * left as they were rather than edited in a burst. A cohort whose channel is flagged waits. A final edit
   * claimed whose outcome was never written (its process died, or the database was locked then) is due again
   * once its claim is a claim's lifetime old.
   */
  private async closeEndedBoards(
    cohorts: readonly Cohort[],
    departed: ReadonlySet<string>,
    now: Date,
    log: Logger,
    report: MutableReport,
  ): Promise<void> {
    const { liveBoards } = this.dependencies;
    const endedBy = new Date(now.getTime() - schedulerTiming.liveBoardEveryMs);
    const endedAfter = new Date(now.getTime() - schedulerTiming.liveBoardFinalWithinMs);
    const staleBefore = new Date(now.getTime() - schedulerTiming.claimLifetimeMs);
    // Cohorts finished within the day (their closing post went out, maybe in this tick, as their last week ended):
    // not scheduled any more, but their last boards' final edits are still due.
    const finished = await this.recentlyFinished(departed, { endedAfter, endedBy, staleBefore }, now, log);
    // Later entries win: a cohort this tick finished is taken as it is now (finished), not as the tick read it, so a
    // refusal of its edit is not taken for a posting cohort's (whose channel the scheduler would flag and check again).
    const cohortById = new Map([...cohorts, ...finished].filter((cohort) => this.postsHere(cohort)).map((cohort) => [cohort.id, cohort]));
    const latestByCohort = new Map<number, EndedLiveBoard>();
    // Boards of posts a start edit set aside: each says its week moved (not in the latest-board race).
    const setAside: EndedLiveBoard[] = [];
    for (const board of await liveBoards.listEnded([...cohortById.keys()], endedAfter, endedBy, staleBefore)) {
      if (weekNumberOfSetAsidePeriod(board.period) !== null) setAside.push(board);
      if (weekNumberOfPeriod(board.period) === null) continue;
      const latest = latestByCohort.get(board.cohortId);
      if (latest === undefined || board.liveUntil.getTime() > latest.liveUntil.getTime()) latestByCohort.set(board.cohortId, board);
    }
    // Side by side like the posts, and a bounded number a tick: the rest are listed again at the next.
    const perTick = this.dependencies.finalEditsPerTick ?? schedulerTiming.liveBoardFinalsPerTick;
    const boards = [...latestByCohort.values(), ...setAside].slice(0, perTick);
    await forEachConcurrently(boards, schedulerTiming.cohortsInParallel, async (board) => {
      const cohort = cohortById.get(board.cohortId);
      const weekNumber = weekNumberOfPeriod(board.period) ?? weekNumberOfSetAsidePeriod(board.period);
      // Not once this tick flagged its channel (another of its boards, side by side): it waits, unclaimed.
      if (cohort === undefined || !this.postsHere(cohort) || weekNumber === null) return;
      // The next week's post, when it went out before this week was over (announced on a day before its first),
      // drew this week's top five early: it is drawn again with the final standings (redrawPostedBoards, below).
      // Not after a break week: the next post's top five is an earlier week's, final long before.
      const ranked = weekNumberOfPeriod(board.period) !== null && !cohort.breakWeeks.includes(weekNumber);
      // As of the claim's moment, as refreshLiveBoards claims.
      const claimedAt = this.tickInstant(now);
      if (!(await liveBoards.claimFinalEdit(board, claimedAt, ranked ? weekPostPeriod(weekNumber + 1) : undefined))) return;
      const boardLog = log.child({ cohortId: cohort.id, postId: board.postId });
      await this.editFinalBoard(cohort, board, weekNumber, { now, claimedAt }, boardLog, report);
    });
  }

  /**
   * The cohort as it is now, read after a board edit's claim: the tick's copy may predate a board setting edit
   * (`/cohort edit leaderboard:`) whose flag the claim took, and drawn from it the edit would put back the names the
   * setting hides, and leave them there until the next change. The tick's copy when the row is gone.
   */
  private async cohortAfterClaim(cohort: Cohort): Promise<Cohort> {
    return (await this.cohortsAfterClaims.get(cohort.id)) ?? cohort;
  }

  /** One read for the claims made side by side (a query per board would be one more round trip for each edit). */
  private readonly cohortsAfterClaims = new BatchedReads<number, Cohort>(async (ids) => {
    const rows = await this.dependencies.cohorts.listVersionedByIds(ids);
    return new Map(rows.map(({ cohort }) => [cohort.id, cohort]));
  });

  /**
   * Edits the boards of posts already sent that a member's deletion (or privacy change) flagged
   * (LiveBoardRepository.listPostedDue), so they no longer show them: a weekly post's top five of the week
   * before and its own board once final or left (a board still live, or waiting for its final edit, is
   * refreshLiveBoards' and closeEndedBoards'), and the closing post's final board. Each flag is claimed with
   * one write; each message is read from Discord and only its board part replaced, the rest sent back as it
   * is; a message already showing that is not edited, so a retry edits nothing twice. Discord trouble flags
   * the post again a minute later; a message the bot may not read or edit now (no access) later and later, then
   * not (schedulerTiming.postedBoardRefusedTries); a deleted message is left. A cohort whose channel is flagged waits.
   */
  private async redrawPostedBoards(
    cohorts: readonly Cohort[],
    departed: ReadonlySet<string>,
    now: Date,
    log: Logger,
    report: MutableReport,
  ): Promise<void> {
    const { liveBoards } = this.dependencies;
    await this.retryGivenUpBoards(departed, now, log);
    const perTick = this.dependencies.postedBoardsPerTick ?? schedulerTiming.postedBoardsPerTick;
    const due = await liveBoards.listPostedDue(now, perTick, departed, this.dependencies.guildScope?.());
    if (due.length === 0) return;
    const cohortById = new Map(cohorts.map((cohort) => [cohort.id, cohort]));
    const finished = [...new Set(due.map((post) => post.cohortId).filter((id) => !cohortById.has(id)))];
    for (const cohort of await this.dependencies.cohorts.listFinishedByIds(finished)) cohortById.set(cohort.id, cohort);
    await forEachConcurrently(due, schedulerTiming.cohortsInParallel, async (post) => {
      const cohort = cohortById.get(post.cohortId);
      // Held for a claim's lifetime: should this process stop before the edit, another takes it then.
      const heldUntil = new Date(now.getTime() + schedulerTiming.claimLifetimeMs);
      if (cohort === undefined || !this.postsHere(cohort) || !(await liveBoards.claimPosted(post, heldUntil))) return;
      const postLog = log.child({ cohortId: cohort.id, postId: post.postId });
      try {
        // The cohort as it is now, read after the claim: the tick's copy may predate a board setting edit whose flag
        // this claim took, and drawn from it the redraw would clear that flag with the old setting on the board.
        const current = await this.cohortAfterClaim(cohort);
        report.postedBoardsEdited += await this.redrawPosted(current, post, now);
        // Its board's final edit, drawn before the flag maybe, is on its way (another process's), or still due (its
        // week over, within the day): the board was left to it (two edits of one message at once could land the older
        // last), and is redrawn a minute later, so a final edit given up after the day does not leave the change undrawn.
        if (post.board?.finalEditUnderWay === true || finalEditPhase(post.board?.liveUntil ?? null, now) === "due")
          await liveBoards.releasePosted(post.postId, heldUntil, new Date(now.getTime() + schedulerTiming.postedBoardRetryMs));
        else await liveBoards.finishPosted(post.postId, heldUntil);
      } catch (error) {
        if (this.refusedEmbedLinksHere(cohort, error)) {
          // No Embed Links in the cohort's channel: flagged, so the redraw waits (no try used up) until it recovers.
          await liveBoards.releasePosted(post.postId, heldUntil, new Date(now.getTime() + schedulerTiming.postedBoardRetryMs));
          // Another of its boards may have flagged it already in this tick (side by side): said once.
          if (await this.flagChannel(cohort, ChannelProblem.NoPermission, now))
            postLog.warn({ err: error }, "posted board not edited: no Embed Links in the cohort's channel, flagged");
          else postLog.debug({ err: error }, "posted board not edited: no Embed Links in the cohort's channel, flagged in this tick");
          return;
        }
        const failure = error instanceof DeliveryError ? error.failure : DeliveryFailure.Transient;
        // Discord trouble (or a busy database): flagged again. No access to a message still there: flagged again
        // later and later (an admin may give the permission back), given up after a few tries rather than read
        // every minute for ever; /cohort info says what is missing. A deleted channel will not come back.
        const tries = post.refusedTries + 1;
        const givenUp = failure === DeliveryFailure.NoPermission && tries >= schedulerTiming.postedBoardRefusedTries;
        if (failure === DeliveryFailure.Transient)
          await liveBoards.releasePosted(post.postId, heldUntil, new Date(now.getTime() + schedulerTiming.postedBoardRetryMs));
        else if (failure === DeliveryFailure.NoPermission && !givenUp) {
          const delay = Math.min(schedulerTiming.postedBoardRetryMs * 2 ** (tries - 1), schedulerTiming.postedBoardRetryMaxMs);
          await liveBoards.releasePosted(post.postId, heldUntil, new Date(now.getTime() + delay), true);
        } else if (givenUp) await liveBoards.giveUpPosted(post.postId, heldUntil, await this.givenUpMark(post.postId));
        else await liveBoards.finishPosted(post.postId, heldUntil);
        if (error instanceof DatabaseBusyError) throw error;
        if (givenUp) postLog.warn({ err: error, failure, tries }, "posted board not edited: given up, the bot may not read or edit it");
        else postLog.warn({ err: error, failure }, "posted board not edited");
      }
    });
  }

  /** The mark a post's redraw is given up with: one the look retries, unless the cache already says the bot may. */
  private async givenUpMark(postId: number): Promise<number> {
    const posted = await this.dependencies.liveBoards.postChannels(postId);
    return posted !== null && this.mayEditIn(posted.guildId, posted.channelIds)
      ? schedulerTiming.postedBoardGivenUpForGood
      : schedulerTiming.postedBoardRefusedTries;
  }

  /** Whether the bot's cache says it may read and edit its messages in every one of these channels. */
  private mayEditIn(guildId: string, channelIds: readonly string[]): boolean {
    return channelIds.every((channelId) => this.dependencies.channels.mayEditPostedFromCache(guildId, channelId));
  }

  /**
   * Posted boards given up for want of access (View Channel, Read Message History or Embed Links taken away) are
   * flagged for a redraw again once the bot's cache says it may read and edit in every channel their messages went
   * to: the permission change reached it (CHANNEL_UPDATE, GUILD_ROLE_UPDATE and the bot's own GUILD_MEMBER_UPDATE come
   * with the Guilds intent). Looked for every channelProbeEveryMs, as flagged channels are, a slice of given-up posts
   * at a time (the next slice at the next look); each is flagged with one conditional write, so two processes flag it
   * once, and the redraw (at most postedBoardsPerTick a tick, claimed) edits it once.
   */
  private async retryGivenUpBoards(departed: ReadonlySet<string>, now: Date, log: Logger): Promise<void> {
    if (!this.givenUpProbes.take(now.getTime())) return;
    const { liveBoards } = this.dependencies;
    const tries = schedulerTiming.postedBoardRefusedTries;
    const limit = schedulerTiming.givenUpBoardsPerProbe;
    const givenUp = await liveBoards.listGivenUp(tries, this.givenUpCursor, limit, departed, this.dependencies.guildScope?.());
    // A full slice: the next look goes on after it; a short one ends the round.
    this.givenUpCursor = givenUp.length < limit ? 0 : (givenUp.at(-1)?.postId ?? 0);
    const mayEdit = givenUp.filter((post) => this.mayEditIn(post.guildId, post.channelIds));
    const flagged = await liveBoards.retryGivenUp(
      mayEdit.map((post) => post.postId),
      tries,
      now,
    );
    if (flagged > 0) log.info({ posts: flagged }, "posted boards given up on: the bot may edit them again, redrawn");
  }

  /** One flagged post's boards, as they are to show now; returns how many of its messages were edited. */
  private async redrawPosted(cohort: Cohort, post: PostedBoardRecord, now: Date): Promise<number> {
    const { postService, renderer, sender, postParts } = this.dependencies;
    // Where the post went: each part's own channel (the cohort's may have changed since), else its board's.
    const postChannel = post.board?.channelId ?? cohort.channelId;
    let edited = 0;
    const week = weekNumberOfPeriod(post.period) ?? weekNumberOfSetAsidePeriod(post.period);
    const view =
      post.kind === "closing"
        ? await postService.postedClosingBoard(cohort)
        : week === null
          ? null
          : await postService.postedWeekTop(cohort, week, now);
    if (view !== null) {
      // The post's messages but its live board (the board part is in one of them, named as it was posted).
      const parts = (await postParts.listFor(post.postId)).flatMap((part) =>
        part.status === PostPartStatus.Sent && part.messageId !== null && part.messageId !== post.board?.messageId
          ? [{ messageId: part.messageId, channelId: part.channelId ?? postChannel }]
          : [],
      );
      const messages = parts.length > 0 ? parts : post.messageId === null ? [] : [{ messageId: post.messageId, channelId: postChannel }];
      for (const { messageId, channelId } of messages) {
        const read = await readUnlessGone(sender, channelId, messageId);
        const replaced = read === null ? null : renderer.postedBoard(read, view);
        if (replaced === null) continue;
        await sender.editMessage(channelId, messageId, replaced);
        edited += 1;
        break;
      }
    }
    // The post's own board, once its week is over: final, or left as its last live edit after a long outage.
    const board = post.board;
    const boardWeek = weekNumberOfPeriod(post.period);
    if (board === null || boardWeek === null) return edited;
    const final = board.liveUntil === null && !board.finalEditUnderWay;
    const left = finalEditPhase(board.liveUntil, now) === "past";
    if (!final && !left) return edited;
    const message = renderer.liveBoard(await postService.liveBoardView(cohort, boardWeek, now, final), cohort.language);
    const boardChannel = board.channelId ?? cohort.channelId;
    const current = await readUnlessGone(sender, boardChannel, board.messageId);
    if (current === null || messageFingerprint(current) === messageFingerprint(message)) return edited;
    await sender.editMessage(boardChannel, board.messageId, message);
    return edited + 1;
  }

  private async editFinalBoard(
    cohort: Cohort,
    board: EndedLiveBoard,
    weekNumber: number,
    { now, claimedAt }: BoardEditTimes,
    log: Logger,
    report: MutableReport,
  ): Promise<void> {
    const { postService, renderer, liveBoards } = this.dependencies;
    // Read after the claim (see cohortAfterClaim), inside the try: a failed read gives the claim back.
    let current = cohort;
    try {
      current = await this.cohortAfterClaim(cohort);
      // A set-aside board (its period renamed) only says its week moved: no standings to read.
      const view =
        weekNumberOfPeriod(board.period) === null
          ? postService.setAsideBoardView(current, weekNumber)
          : await postService.liveBoardView(current, weekNumber, now, true);
      await this.editWhileHeld(board.channelId ?? current.channelId, board.messageId, renderer.liveBoard(view, current.language), {
        now,
        claimedAt,
      });
    } catch (error) {
      if (error instanceof DatabaseBusyError) {
        // Given back if the database lets it; else its claim, never recorded, is taken again once old (listEnded).
        await liveBoards.releaseFinalEdit(board, claimedAt).catch(() => undefined);
        throw error;
      }
      const failure = error instanceof DeliveryError ? error.failure : DeliveryFailure.Transient;
      // Discord trouble: given back, tried again a minute later (listEnded). No Embed Links in the cohort's channel:
      // given back and the channel flagged, so it is made once the channel recovers (within the day, as for a
      // pause; a finished cohort's too, its flag cleared once no final edit is due). A deleted message or channel
      // will not come back.
      const embedLinks = this.refusedEmbedLinksHere(current, error, true);
      if (failure === DeliveryFailure.Transient || embedLinks) await liveBoards.releaseFinalEdit(board, claimedAt);
      else await liveBoards.finishEdit(board.postId, claimedAt);
      // Another of its boards may have flagged the channel already in this tick (side by side): said once.
      if (embedLinks && !(await this.flagChannel(current, ChannelProblem.NoPermission, now)))
        log.debug({ err: error, failure, messageId: board.messageId }, "final board not edited: its channel flagged in this tick");
      else log.warn({ err: error, failure, messageId: board.messageId }, "final board not edited");
      return;
    }
    await liveBoards.finishEdit(board.postId, claimedAt);
    report.boardsClosed += 1;
    log.debug({ messageId: board.messageId, weekNumber }, "final board edited");
  }

  /**
   * Edits a board while its claim holds: an edit Discord keeps waiting (discord.js queues it behind a rate limit) is
   * taken back a little before the board may be edited again (liveBoardEveryMs after the claim), and fails as Discord
   * trouble (the edit flagged again or given back). Sent later, it could land after another process edited the board
   * itself, with later standings: a second edit, the older standings last.
   */
  private async editWhileHeld(
    channelId: string,
    messageId: string,
    message: PostMessage,
    { now, claimedAt }: BoardEditTimes,
  ): Promise<void> {
    // Due again (dirty, or its week over) once its last edit, this claim, is liveBoardEveryMs old, long before the
    // claim is stale.
    const edit = (signal: AbortSignal) => this.dependencies.sender.editMessage(channelId, messageId, message, signal);
    await this.untilClaimHoldEnds(edit, claimedAt, now, schedulerTiming.liveBoardEveryMs);
  }

  private async editLiveBoard(
    cohort: Cohort,
    board: LiveBoardRecord,
    weekNumber: number,
    { now, claimedAt }: BoardEditTimes,
    log: Logger,
    report: MutableReport,
  ): Promise<void> {
    const { postService, renderer, liveBoards } = this.dependencies;
    // Read after the claim (see cohortAfterClaim), inside the try: a failed read gives the claim back.
    let current = cohort;
    try {
      current = await this.cohortAfterClaim(cohort);
      const view = await postService.liveBoardView(current, weekNumber, now);
      // Where it was posted: an admin may have moved the cohort to another channel since.
      await this.editWhileHeld(board.channelId ?? current.channelId, board.messageId, renderer.liveBoard(view, current.language), {
        now,
        claimedAt,
      });
    } catch (error) {
      if (error instanceof DatabaseBusyError) {
        // Flagged again if the database lets it; else its claim, never recorded, is taken again once old (listDue).
        await liveBoards.markDirty(board.postId, claimedAt).catch(() => undefined);
        throw error;
      }
      const failure = error instanceof DeliveryError ? error.failure : DeliveryFailure.Transient;
      // Discord trouble: try again at a later tick; no Embed Links in the cohort's channel: flagged, and tried again
      // once it recovers. A deleted message or channel will not come back: a message deleted (by a moderator) has
      // no more live edits, only its final one.
      const embedLinks = this.refusedEmbedLinksHere(current, error);
      if (failure === DeliveryFailure.Transient || embedLinks) await liveBoards.markDirty(board.postId, claimedAt);
      // Another of its boards may have flagged the channel already in this tick (side by side): said once.
      if (embedLinks && !(await this.flagChannel(current, ChannelProblem.NoPermission, now))) {
        log.debug({ err: error, failure, messageId: board.messageId }, "live board not edited: its channel flagged in this tick");
        return;
      }
      if (!embedLinks && isUnknownMessage(error)) await liveBoards.holdDeleted(board.postId, board.messageId);
      else if (failure !== DeliveryFailure.Transient && !embedLinks) await liveBoards.finishEdit(board.postId, claimedAt);
      log.warn({ err: error, failure, messageId: board.messageId }, "live board not edited");
      return;
    }
    await liveBoards.finishEdit(board.postId, claimedAt);
    report.boardsEdited += 1;
    log.debug({ messageId: board.messageId, weekNumber }, "live board edited");
  }

  /**
   * Flags the cohort's channel: its posts and board edits wait (/cohort info says why) until a check of the
   * channel, channelProbeEveryMs from now and after, finds the bot may post there again (channelRecovered).
   * Once a tick: false, writing nothing, when this tick flagged it already (its first problem stays).
   */
  private async flagChannel(cohort: Cohort, problem: ChannelProblem, now: Date): Promise<boolean> {
    for (;;) {
      if (this.flaggedThisTick.has(cohort.id)) return false;
      const underWay = this.flagWrites.get(cohort.id);
      if (underWay === undefined) break;
      // Another board of the cohort refused meanwhile, side by side, is writing the flag: when that write fails,
      // this one writes it (a flag taken for written would leave the channel unflagged till a later refusal).
      await underWay.catch(() => undefined);
    }
    // Marked once written, in the promise others wait on, so a waiter resumes seeing the mark: a failed write leaves
    // the cohort unmarked, and a waiting refusal (or a later tick) writes it.
    const write = this.dependencies.cohorts.update(cohort.id, { channelProblem: problem }).then(() => {
      this.flaggedThisTick.add(cohort.id);
      this.lastProbeAt.set(cohort.id, now.getTime());
    });
    this.flagWrites.set(cohort.id, write);
    try {
      await write;
    } finally {
      this.flagWrites.delete(cohort.id);
    }
    return true;
  }

  /** Whether the cohort's channel is not flagged, as the tick read it and as it flagged it since (or is flagging it). */
  private postsHere(cohort: Cohort): boolean {
    return cohort.channelProblem === null && !this.flaggedThisTick.has(cohort.id) && !this.flagWrites.has(cohort.id);
  }

  /**
   * Whether a board edit was refused for want of Embed Links in the cohort's own channel, which the caller then
   * flags as a post so refused does (the edit is redone once the channel recovers), after giving the edit back: a
   * locked database refusing the flag must not lose the edit. One in another channel (the cohort moved since) is
   * left to the edit's own handling: that channel is not checked again. So is a finished cohort's, but for its
   * `finalEdit`: its channel is checked again while a final edit is due (recentlyFinished), and its flag cleared
   * once none is (clearFinishedFlags), never holding back its posted boards' redraws for good.
   */
  private refusedEmbedLinksHere(cohort: Cohort, error: unknown, finalEdit = false): boolean {
    const checked =
      cohort.status === CohortStatus.Active ||
      cohort.status === CohortStatus.Ended ||
      (finalEdit && cohort.status === CohortStatus.Finished);
    return checked && embedLinksRefusedIn(error) === cohort.channelId;
  }

  private async recordFailure(
    cohort: Cohort,
    claim: ScheduledPostRecord,
    error: unknown,
    now: Date,
    log: Logger,
    report: MutableReport,
  ): Promise<PostResult> {
    const failure = error instanceof DeliveryError ? error : new DeliveryError(DeliveryFailure.Transient, describeError(error));
    const outcome = { cohortId: cohort.id, kind: claim.kind, period: claim.period };
    const { posts } = this.dependencies;
    if (failure.failure === DeliveryFailure.ChannelMissing || failure.failure === DeliveryFailure.NoPermission) {
      const problem = failure.failure === DeliveryFailure.ChannelMissing ? ChannelProblem.Missing : ChannelProblem.NoPermission;
      await this.flagChannel(cohort, problem, now);
      // Retried as soon as the channel works again (after /cohort edit, or once the bot sees the permissions fixed), if still within 24 hours.
      const marked = await posts.markFailed(claim.id, this.instanceId, { error: failure.message, nextAttemptAt: now, countAttempt: false });
      // The channel is flagged all the same: the cohort's next posts wait for it, whoever has this one.
      if (!marked) {
        logClaimTakenOver(failure, log);
        return "channel_problem";
      }
      log.warn(
        { failure: failure.failure, status: failure.status, code: failure.code, channelId: cohort.channelId },
        "cohort channel unusable: its posts wait until an admin fixes it",
      );
      report.failed.push({ ...outcome, failure: failure.failure, willRetry: true });
      return "channel_problem";
    }
    const attempts = claim.attempts + 1;
    const delay = failure.failure === DeliveryFailure.Transient ? schedulerTiming.retryDelaysMs[attempts - 1] : undefined;
    const nextAttemptAt = delay === undefined ? null : new Date(now.getTime() + delay);
    if (!(await posts.markFailed(claim.id, this.instanceId, { error: failure.message, nextAttemptAt, countAttempt: true }))) {
      logClaimTakenOver(failure, log);
      return "not_ours";
    }
    if (nextAttemptAt === null) {
      log.error({ err: error, failure: failure.failure, attempts }, "post failed for good: not sent");
    } else {
      log.warn({ err: error, failure: failure.failure, attempts, nextAttemptAt }, "post failed: will retry");
    }
    report.failed.push({ ...outcome, failure: failure.failure, willRetry: nextAttemptAt !== null });
    return "failed";
  }

  private async sendReminders(activeCohorts: readonly Cohort[], now: Date, log: Logger, report: MutableReport): Promise<void> {
    // DMs do not depend on the cohort channel: a flagged channel does not stop reminders.
    const cohortById = new Map(activeCohorts.map((cohort) => [cohort.id, cohort]));
    // Finished cohorts' members too: one who finishes late (`/pace extend`) is reminded until their own last day.
    const finishedSince = new Date(now.getTime() - schedulerTiming.finishedRemindingMs);
    // The members and their reminder rows in one read: a `/remind` change commits both together.
    const members = await this.dependencies.reminders.membersWithReminders(
      reminderDatesAround(now),
      this.dependencies.guildScope?.(),
      finishedSince,
    );
    const finishedIds = [...new Set(members.map(({ member }) => member.cohortId).filter((id) => !cohortById.has(id)))];
    for (const cohort of await this.dependencies.cohorts.listFinishedByIds(finishedIds)) cohortById.set(cohort.id, cohort);
    const staleBefore = new Date(now.getTime() - schedulerTiming.claimLifetimeMs);
    const due: DueReminder[] = [];
    for (const { member, deliveries, cohortTimeZone } of members) {
      const readCohort = cohortById.get(member.cohortId);
      if (readCohort === undefined) continue;
      // The zone read with the member's rows: a zone move committed since the cohort's read moves the day and time.
      const cohort = withTimeZone(readCohort, cohortTimeZone);
      const day = this.reminderDayDue(member, cohort, now, log);
      if (day === null) continue;
      const existing = deliveries.find((delivery) => delivery.localDate === day.localDate);
      // The day's reminder settled (sent, skipped, given up) or another process's fresh claim: nothing to do, no plan to build.
      if (existing !== undefined && !reminderReclaimable(existing, staleBefore, schedulerTiming.reminderAttempts)) continue;
      // A finished cohort's member whose own end has passed (their cohort is still read for 26 weeks): nothing to record daily.
      if (cohort.status === CohortStatus.Finished && (await this.finishedCourseOver(cohort, member, now))) continue;
      due.push({ member, cohort, ...day, existing });
    }
    // Side by side per user (a user's reminders of several cohorts one after the other, in member order): a
    // database too busy stops the run, as it stopped the loop before (no new reminder starts; those under way end).
    const byUser = new Map<string, DueReminder[]>();
    for (const entry of due) {
      const ofUser = byUser.get(entry.member.userId);
      if (ofUser === undefined) byUser.set(entry.member.userId, [entry]);
      else ofUser.push(entry);
    }
    // A reminder started late in a long run would be claimed with little of its claim's lifetime left (another
    // process ticking meanwhile could take it over while it is sent): past half that lifetime, or once the
    // scheduler stops, the rest is left to the next tick, which reads them again.
    const startBy = now.getTime() + schedulerTiming.claimLifetimeMs / 2;
    let left = 0;
    await forEachConcurrently([...byUser.values()], schedulerTiming.remindersInParallel, async (entries) => {
      for (const entry of entries) {
        if (this.stopped || this.tickInstant(now).getTime() > startBy) {
          left += 1;
          continue;
        }
        try {
          await this.remind(entry, now, log, report);
        } catch (error) {
          if (error instanceof DatabaseBusyError) throw error;
          log.error({ err: error, memberId: entry.member.id }, "reminder failed");
        }
      }
    });
    if (left > 0) log.info({ left }, "reminders left to the next tick: this one has run long");
  }

  /**
   * The tick's `now` moved on by the time the tick has run so far (by the clock): a tick sending many
   * reminders runs for minutes, and a claim, a lateness or a sent time is of the moment it is made.
   */
  private tickInstant(now: Date): Date {
    return new Date(now.getTime() + Math.max(0, this.dependencies.clock.now().getTime() - this.tickStartedOnClock));
  }

  /** Whether a finished cohort's member's own course is over (courseOverMembers). */
  private async finishedCourseOver(cohort: Cohort, member: MemberRecord, now: Date): Promise<boolean> {
    if (this.courseOverMembers.get(member.id) === true) return true;
    const over = await this.dependencies.reminderService.ownCourseOver(cohort, member, now);
    if (over) this.courseOverMembers.set(member.id, true);
    return over;
  }

  /** The member's local date whose reminder time has come, and that time; null when none has (or the time is unreadable). */
  private reminderDayDue(
    member: MemberRecord,
    cohort: Cohort,
    now: Date,
    log: Logger,
  ): { localDate: string; day: string; at: Date } | null {
    if (member.remindTime === null) return null;
    const zone = memberTimeZone(member.remindTimeZone, cohort.settings.timeZone);
    const today = localDateOf(now, zone);
    // Yesterday's too, while it is less late than the catch-up limit: a 23:30 reminder missed by a restart at 00:10.
    const yesterday = addDays(today, -1);
    try {
      const todayAt = zonedInstant(today, member.remindTime, zone);
      const yesterdayAt = zonedInstant(yesterday, member.remindTime, zone);
      const time = member.remindTime;
      if (todayAt.getTime() <= now.getTime()) return { localDate: today, day: reminderDayOf(today, time), at: todayAt };
      if (now.getTime() - yesterdayAt.getTime() <= schedulerTiming.reminderMaxLateMs)
        return { localDate: yesterday, day: reminderDayOf(yesterday, time), at: yesterdayAt };
    } catch {
      log.warn({ memberId: member.id, remindTime: member.remindTime }, "reminder time unreadable; skipped");
    }
    return null;
  }

  /** `tickNow`: the tick's `now`; the reminder is claimed, judged late, and recorded at its own moment in the tick. */
  private async remind(entry: DueReminder, tickNow: Date, parentLog: Logger, report: MutableReport): Promise<void> {
    const { reminders, reminderService } = this.dependencies;
    const now = this.tickInstant(tickNow);
    const { member, cohort, localDate, existing } = entry;
    const log = parentLog.child({ memberId: member.id, cohortId: cohort.id, localDate });
    const staleBefore = new Date(now.getTime() - schedulerTiming.claimLifetimeMs);
    const tooLate = this.reminderTooLate(entry, now);
    if (existing === undefined) {
      if (tooLate !== null) {
        if (await reminders.recordSkipped(member.id, localDate, tooLate, now)) {
          log.info(
            { lateMinutes: Math.round((now.getTime() - entry.at.getTime()) / minute), reason: tooLate },
            "reminder skipped: too late",
          );
          report.reminders.skipped += 1;
        }
        return;
      }
      const view = await reminderService.reminderView(cohort, member, now, entry.day, entry.at);
      if (view === null) {
        if (await reminders.recordSkipped(member.id, localDate, "nothing unfinished today", now)) report.reminders.skipped += 1;
        return;
      }
      const message = this.dependencies.renderer.reminder(view);
      const mark = directMessageMark(message);
      const claimed = await reminders.claim(member.id, localDate, now, mark === null ? undefined : storedDirectMessageMark(mark));
      if (claimed === null) return;
      return this.sendReminder({ deliveryId: claimed, claimedAt: now }, member, view, message, tickNow, log, report);
    }
    if (!reminderReclaimable(existing, staleBefore, schedulerTiming.reminderAttempts)) return;
    // A claim left by a process that stopped, or a failed try, is given up past the catch-up limit as a reminder
    // never claimed would be: sent hours later (its nonce long forgotten by Discord) it could be a second DM.
    if (tooLate !== null) {
      if (await reminders.giveUp(existing, staleBefore, schedulerTiming.reminderAttempts, tooLate)) {
        log.info(
          { lateMinutes: Math.round((now.getTime() - entry.at.getTime()) / minute), reason: tooLate },
          "reminder given up: too late",
        );
        report.reminders.skipped += 1;
      }
      return;
    }
    if (!(await reminders.reclaim(existing, now, staleBefore, schedulerTiming.reminderAttempts))) return;
    const view = await reminderService.reminderView(cohort, member, now, entry.day, entry.at);
    if (view === null) {
      await reminders.markSkipped(existing.id, "nothing unfinished any more");
      return;
    }
    // The attempt before may have reached Discord (a process that died before recording it, a timed-out send):
    // every attempt of this reminder came after its time (less the claim lifetime, for clocks that differ), and
    // is looked for by the marks the attempts stored before sending (the cohort renamed or moved to another
    // channel since does not hide it), this one's with them.
    const message = this.dependencies.renderer.reminder(view);
    const mark = directMessageMark(message);
    const stored = mark === null ? [] : await reminders.addSentMark(existing.id, storedDirectMessageMark(mark));
    const marks = [mark, ...stored.map(parseDirectMessageMark)].filter((entry): entry is DirectMessageMark => entry !== null);
    const lookup = { marks, since: new Date(entry.at.getTime() - schedulerTiming.claimLifetimeMs) };
    return this.sendReminder({ deliveryId: existing.id, claimedAt: now }, member, view, message, tickNow, log, report, lookup);
  }

  /** The lookup's trouble is Discord's for now (a later attempt looks again), never the member's DMs refusing. */
  private async findReminder(userId: string, marks: readonly DirectMessageMark[], since: Date): Promise<string | null> {
    try {
      return await this.dependencies.sender.findDirect(userId, marks, since);
    } catch (error) {
      throw new DeliveryError(DeliveryFailure.Transient, describeError(error));
    }
  }

  /**
   * Why a reminder whose time has come is not sent any more, or null: more than 2 hours late, or the member
   * day it lists (reminderDayOf: before 04:00 the day before) is over, as it is the moment it comes where the
   * clocks jump over 04:00. Sent after the rollover, a 03:30 reminder would list a day another one lists too.
   */
  private reminderTooLate(entry: DueReminder, now: Date): string | null {
    if (now.getTime() - entry.at.getTime() > schedulerTiming.reminderMaxLateMs) return "more than 2 hours late";
    const zone = memberTimeZone(entry.member.remindTimeZone, entry.cohort.settings.timeZone);
    return entry.day === memberDateOf(now, zone) ? null : "its day ended before it was sent";
  }

  /**
   * The reminder's claim as this attempt holds it just before its DM goes: a claim older than a quarter of its
   * hold (Discord kept the DM channel's opening or the lookup waiting) is renewed first, with one conditional
   * write; null when another process took it over as stale meanwhile (it looks for this DM before sending its
   * own, so this one must not go: Discord may have forgotten the nonce by the time it arrives).
   */
  private async claimStillOurs(claim: ReminderClaim, tickNow: Date): Promise<ReminderClaim | null> {
    const now = this.tickInstant(tickNow);
    if (now.getTime() - claim.claimedAt.getTime() < schedulerTiming.claimLifetimeMs / 4) return claim;
    return (await this.dependencies.reminders.renewClaim(claim.deliveryId, claim.claimedAt, now)) ? { ...claim, claimedAt: now } : null;
  }

  /**
   * Sends the reminder's DM while its claim holds: one Discord keeps waiting (discord.js queues it behind a rate
   * limit) is taken back a little before the hold ends, and fails as Discord trouble, to be retried (its DM
   * looked for first, in case it went after all). Sent later, once another process may have taken the claim
   * over and sent its own, it could come after Discord forgot the nonce: a second DM.
   */
  private async sendWhileHeld(claim: ReminderClaim, userId: string, message: PostMessage, tickNow: Date): Promise<void> {
    const nonce = postNonce(`reminder|${claim.deliveryId}`, 0);
    await this.untilClaimHoldEnds(
      (signal) => this.dependencies.sender.sendDirect(userId, message, nonce, signal),
      claim.claimedAt,
      tickNow,
    );
  }

  /**
   * Runs `work` (a Discord request) under the claim written at `claimedAt`: its signal is aborted, and the work
   * given up (DeadlinePassedError), claimHoldMarginMs before the claim is `holdMs` old (by default a claim's
   * lifetime) by the tick's clock.
   */
  private async untilClaimHoldEnds<T>(
    work: (signal: AbortSignal) => Promise<T>,
    claimedAt: Date,
    tickNow: Date,
    holdMs: number = schedulerTiming.claimLifetimeMs,
  ): Promise<T> {
    const deadline = claimedAt.getTime() + holdMs - schedulerTiming.claimHoldMarginMs;
    return untilClockDeadline(work, () => this.tickInstant(tickNow).getTime(), deadline, schedulerTiming.claimHoldCheckEveryMs);
  }

  private async sendReminder(
    claim: ReminderClaim,
    member: MemberRecord,
    view: NonNullable<Awaited<ReturnType<ReminderService["reminderView"]>>>,
    message: PostMessage,
    tickNow: Date,
    log: Logger,
    report: MutableReport,
    lookup?: { readonly marks: readonly DirectMessageMark[]; readonly since: Date },
  ): Promise<void> {
    const { reminders, sender } = this.dependencies;
    const { deliveryId } = claim;
    try {
      // Discord forgets a nonce after a few minutes: a DM an earlier attempt sent is found by its mark (the
      // cohort's link, the reminder's time and the cohort's name, as that attempt sent them), whatever its list says now.
      const found =
        lookup !== undefined && lookup.marks.length > 0 ? await this.findReminder(member.userId, lookup.marks, lookup.since) : null;
      if (found !== null) log.warn("reminder found in the DM channel: an earlier attempt had sent it");
      else {
        await sender.openDirect(member.userId);
        const held = await this.claimStillOurs(claim, tickNow);
        if (held === null) {
          log.warn("reminder not sent: another attempt took its claim over while Discord kept this one waiting");
          return;
        }
        await this.sendWhileHeld(held, member.userId, message, tickNow);
      }
    } catch (error) {
      // The claim left as it is: taken over once stale, its DM looked for first.
      if (error instanceof DatabaseBusyError) throw error;
      const failure = error instanceof DeliveryError ? error : new DeliveryError(DeliveryFailure.Transient, describeError(error));
      const undeliverable = failure.failure === DeliveryFailure.RecipientClosed;
      // Only Discord trouble is tried again (and looked for first): a request Discord refused reached no one.
      const retry = failure.failure === DeliveryFailure.Transient;
      const maxAttempts = schedulerTiming.reminderAttempts;
      await reminders.markFailed(deliveryId, failure.message, undeliverable, retry ? undefined : maxAttempts, maxAttempts);
      report.reminders.failed += 1;
      const refusal = undeliverable ? await reminders.recordUndeliverable(member.id, schedulerTiming.reminderFailuresBeforeOff) : null;
      // The member hears of it with their next command: at the first refusal, and again when refusals switch it off.
      if (refusal?.told === true) this.dependencies.reminderService.noteReminderNotice(view.cohort.guildId, member.userId);
      if (refusal?.switchedOff === true) {
        report.reminders.switchedOff += 1;
        log.warn({ failures: member.remindFailures + 1 }, "reminders switched off: the member's DMs keep refusing them");
      } else {
        log.warn({ failure: failure.failure, code: failure.code }, "reminder DM failed");
      }
      return;
    }
    await reminders.markSent(deliveryId, this.tickInstant(tickNow));
    if (member.remindFailures > 0) await reminders.resetFailures(member.id);
    report.reminders.sent += 1;
    log.info({ items: view.items.length }, "reminder sent");
  }
}

/**
 * A posted message as Discord holds it now; null when it will not come back (Unknown Message: deleted by
 * someone): the post's other messages are edited all the same. Anything else throws: Discord trouble, and
 * no access to the message (Missing Access, Missing Permissions: Read Message History taken away), which the
 * caller tries again later, since the message is still there; a channel gone throws too.
 */
async function readUnlessGone(sender: PostSender, channelId: string, messageId: string): Promise<PostMessage | null> {
  try {
    return await sender.readMessage(channelId, messageId);
  } catch (error) {
    if (isUnknownMessage(error)) return null;
    throw error;
  }
}

/** Discord's answer for a message that does not exist (any more): deleted by someone, it will not come back. */
function isUnknownMessage(error: unknown): boolean {
  return error instanceof DeliveryError && error.code === unknownMessageCode;
}

/** Discord's JSON error code for a message that does not exist (any more). */
const unknownMessageCode = 10008;

/**
 * Where a posted board stands against its final edit's window (liveBoardFinalWithinMs from its week's end `liveUntil`):
 * "due" within it, "past" after it (never given one: left as its last live edit), else "none" (its week still on, or
 * no end left: final already, or its final edit under way).
 */
function finalEditPhase(liveUntil: Date | null, now: Date): "none" | "due" | "past" {
  if (liveUntil === null) return "none";
  const sinceEnd = now.getTime() - liveUntil.getTime();
  if (sinceEnd < 0) return "none";
  return sinceEnd < schedulerTiming.liveBoardFinalWithinMs ? "due" : "past";
}
