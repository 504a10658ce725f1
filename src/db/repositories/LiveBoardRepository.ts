import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { CohortStatus } from "../../domain/cohort/cohortModel.js";
import { PostStatus } from "../../domain/schedule/scheduledPostModel.js";
import { findInChunks } from "../inChunks.js";
import type { DatabaseTarget } from "../parseDatabaseUrl.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";
import { lockCohortRows } from "./lockCohortRows.js";
import type { BoardCohorts } from "./markLiveBoardsDirty.js";
import { PostPartStatus } from "./PostPartLedger.js";

/** A weekly post's live board part: the message the scheduler edits while the week runs. */
export interface LiveBoardRecord {
  readonly postId: number;
  readonly cohortId: number;
  /** The weekly post's period, "week-N". */
  readonly period: string;
  readonly messageId: string;
  /** The channel the board was posted in; null for a board posted before it was kept (the cohort's channel then). */
  readonly channelId: string | null;
  /** Its last edit, or the claim of the edit under way (claimEdit, claimFinalEdit). */
  readonly editedAt: Date;
  /** Its week's end; for a final edit claimed and never recorded (its process died), the end that claim cleared. */
  readonly liveUntil: Date;
}

/** A board whose week is over, waiting for its final edit. */
export type EndedLiveBoard = LiveBoardRecord;

/**
 * A post already sent whose boards are to be shown again without a member (a deletion) or less openly (a
 * privacy change): a weekly post (its top five of the week before, its own board once final) or the closing
 * post. Flagged by `redrawAt` (the sent row's otherwise unused `nextAttemptAt`: only a failed post is retried).
 */
export interface PostedBoardRecord {
  readonly postId: number;
  readonly cohortId: number;
  readonly kind: string;
  readonly period: string;
  /** The post's first message. */
  readonly messageId: string | null;
  /**
   * The weekly post's board part; null for a post without one. `finalEditUnderWay`: its final edit is claimed and its
   * outcome not written yet (claimFinalEdit), so a redraw leaves the board to it and comes after it.
   */
  readonly board: {
    readonly messageId: string;
    readonly channelId: string | null;
    readonly liveUntil: Date | null;
    readonly finalEditUnderWay: boolean;
  } | null;
  readonly redrawAt: Date;
  /** Tries of this redraw so far that Discord refused for want of access (see releasePosted). */
  readonly refusedTries: number;
}

/** A sent post whose redraw was given up for want of access, and the channels whose access it waits for. */
export interface GivenUpBoardRecord {
  readonly postId: number;
  readonly cohortId: number;
  readonly guildId: string;
  /** Where its messages went: its board's channel and each sent part's (the cohort's when none was kept). */
  readonly channelIds: readonly string[];
}

/** What a sent post's channels are read from (postChannelsOf). */
const postChannelsSelect = {
  boardChannelId: true,
  cohort: { select: { guildId: true, channelId: true } },
  parts: { where: { status: PostPartStatus.Sent }, select: { channelId: true } },
} as const;

/**
 * The channels a sent post's messages went to: its board's and each sent part's (a part sent before its channel
 * was kept: the board's, else the cohort's current one, where the redraw reads it too).
 */
function postChannelsOf(row: {
  boardChannelId: string | null;
  cohort: { guildId: string; channelId: string };
  parts: { channelId: string | null }[];
}): { guildId: string; channelIds: string[] } {
  const fallback = row.boardChannelId ?? row.cohort.channelId;
  const channelIds = [...(row.boardChannelId === null ? [] : [row.boardChannelId]), ...row.parts.map((part) => part.channelId ?? fallback)];
  return { guildId: row.cohort.guildId, channelIds: channelIds.length === 0 ? [fallback] : [...new Set(channelIds)] };
}

/**
 * Flags these sent posts' boards for the scheduler to show again (see PostedBoardRecord). Returns the unsent
 * statement, for the transaction of the change that moves the boards.
 */
export function flagPostedBoards(prisma: Pick<PrismaClient, "scheduledPost">, postIds: readonly number[], at: Date) {
  return flagPostedBoardsWhere(prisma, { id: { in: [...postIds] } }, at);
}

/**
 * flagPostedBoards for every weekly and closing post of the chosen cohorts: their boards show everyone less openly
 * now (a board setting edit), or rank other members (an exclude_role mark changed).
 */
export function flagCohortPostedBoards(prisma: Pick<PrismaClient, "scheduledPost">, cohorts: BoardCohorts, at: Date) {
  return flagPostedBoardsWhere(prisma, { ...cohorts, kind: { in: ["week", "closing"] } }, at);
}

function flagPostedBoardsWhere(prisma: Pick<PrismaClient, "scheduledPost">, posts: Prisma.ScheduledPostWhereInput, at: Date) {
  return prisma.scheduledPost.updateMany({
    // A post still being sent (claimed) keeps the flag once sent (ScheduledPostRepository.markSent); claims set none.
    where: { ...posts, status: { in: [PostStatus.Sent, PostStatus.Claimed] } },
    // A new flag is a new redraw: it gets its own tries.
    data: { nextAttemptAt: at, redrawAttempts: 0 },
  });
}

const postedSelect = {
  id: true,
  cohortId: true,
  kind: true,
  period: true,
  messageId: true,
  boardMessageId: true,
  boardChannelId: true,
  boardLiveUntil: true,
  boardClaimedEnd: true,
  nextAttemptAt: true,
  redrawAttempts: true,
} as const;

/** A weekly post row's board columns as read by listDue and listEnded. */
interface BoardRow {
  readonly id: number;
  readonly cohortId: number;
  readonly period: string;
  readonly boardMessageId: string | null;
  readonly boardChannelId: string | null;
  readonly boardEditedAt: Date | null;
  readonly boardLiveUntil: Date | null;
  readonly boardClaimedEnd: Date | null;
}

const boardSelect = {
  id: true,
  cohortId: true,
  period: true,
  boardMessageId: true,
  boardChannelId: true,
  boardEditedAt: true,
  boardLiveUntil: true,
  boardClaimedEnd: true,
} as const;

/** A board's columns as a weekly post row gets them when its post went out: posted (so "edited") at `now`, live until `liveUntil`. */
function boardColumns(board: { readonly messageId: string; readonly channelId: string }, liveUntil: Date, now: Date) {
  return {
    boardMessageId: board.messageId,
    boardChannelId: board.channelId,
    boardLiveUntil: liveUntil,
    boardEditedAt: now,
    boardDirty: false,
    boardClaimedEnd: null,
  };
}

/**
 * The board of a post row; null for a row without one (never posted, or posted before boards were kept), or
 * already given its final edit (no end left, none claimed).
 */
function toLiveBoard(row: BoardRow): LiveBoardRecord | null {
  const liveUntil = row.boardLiveUntil ?? row.boardClaimedEnd;
  if (row.boardMessageId === null || row.boardEditedAt === null || liveUntil === null) return null;
  return {
    postId: row.id,
    cohortId: row.cohortId,
    period: row.period,
    messageId: row.boardMessageId,
    channelId: row.boardChannelId,
    editedAt: row.boardEditedAt,
    liveUntil,
  };
}

/**
 * A board edit claimed (its claim's time is the board's last edit) whose outcome was never written, at or before
 * `staleBefore`: its process died (or lost the database) after the claim; the edit is due again.
 */
/** A board flagged by completions: edited once its last edit is at or before `editedBy` (a minute ago). */
function dueSpaced(editedBy: Date) {
  return { boardDirty: true, boardEditedAt: { lte: editedBy } };
}

/**
 * A board flagged by a change to who it shows or how (markLiveBoardsDirty's `atOnce`): edited at the next tick, not a
 * minute after its last edit, but only once no edit of it is under way (its claim's outcome written: boardClaimedEnd
 * cleared), so no two edits of a board are ever on their way at once, and an edit drawn before the change and
 * answered after it is followed at once by one drawn after it.
 */
const dueAtOnce = { boardDirty: true, boardDirtyNow: true, boardClaimedEnd: null };

function staleClaim(staleBefore: Date) {
  return { boardClaimedEnd: { not: null }, boardEditedAt: { lte: staleBefore } };
}

/**
 * The boards whose week ended in (`endedAfter`, `endedBy`] and that have not had their final edit (its claim clears
 * the end), their last edit at or before `endedBy`: read by the boards' index, one range per value of the dirty flag.
 */
function endedBoards(endedAfter: Date, endedBy: Date) {
  const ended = { boardLiveUntil: { gt: endedAfter, lte: endedBy }, boardEditedAt: { lte: endedBy } };
  return {
    OR: [
      { boardDirty: true, ...ended },
      { boardDirty: false, ...ended },
    ],
    boardMessageId: { not: null },
  };
}

/** Whether a claim can no longer be taken: its board's end (a final edit's: the one its claim cleared) is at or before `endedAfter`. */
function claimPast(row: BoardRow, endedAfter: Date): boolean {
  const end = row.boardLiveUntil ?? row.boardClaimedEnd;
  return end !== null && end <= endedAfter;
}

/**
 * The live boards' edit ledger, on the weekly post's row. A completion marks
 * its cohort's live board dirty in the same transaction that records it
 * (CompletionRepository); the scheduler claims a dirty board whose last edit
 * is old enough with one conditional write that clears the flag and stamps
 * the edit, so a burst of completions, a second tick or a second process
 * still make one edit per interval. After the week, the final edit is claimed
 * the same way, clearing the board's end. A claim also writes `boardClaimedEnd`
 * until the edit's outcome is written (made, flagged again, given back): a
 * claim a claim's lifetime old without one belongs to a process that died, and
 * its edit is listed and claimed again, so no edit is lost with a process.
 */
export class LiveBoardRepository {
  /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly provider: DatabaseTarget["provider"],
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
    /** The most boards listDue and listEnded read by the boards' index alone (see boardsOf); a test sets a small one. */
    private readonly boardsReadAtOnce = 2_000,
  ) {}

  /**
   * After the weekly post went out: its board is `messageId` in `channelId` (kept: the cohort's channel may
   * change during the week, the message stays where it was posted), live until `liveUntil`, just "edited"
   * (posted) at `now`. A cohort ended while the post was on its way (claimed before the end, attached after)
   * caps the board at its end in the same transaction, as CohortRepository.end caps the boards already
   * attached: the board's final edit comes a minute after the end, not at its week's end. Only while the row
   * is still the week's (`period`, its claim's): a start edit committed since the send was recorded has set
   * it aside under another name, and then nothing is written. Returns whether the board was attached.
   */
  async attach(
    postId: number,
    period: string,
    board: { readonly messageId: string; readonly channelId: string },
    liveUntil: Date,
    now: Date,
  ): Promise<boolean> {
    const lock = lockCohortRows(this.prisma, this.provider, { cohortOfPost: postId });
    const results = await this.writes.run(() =>
      this.prisma.$transaction([
        ...lock,
        // On SQLite (no lock statement) this write must stay first: it takes the file's write lock, so no end
        // commits between these statements and they read the latest data. On PostgreSQL the cohort's row is
        // locked first with the lock an end's update takes (CohortRepository.end writes the cohort's row first):
        // an end committing meanwhile is waited for, then seen by the cap; a later end waits, then caps this board.
        this.prisma.scheduledPost.updateMany({ where: { id: postId, period }, data: boardColumns(board, liveUntil, now) }),
        // Both columns as the database stores them: compared and copied without converting. Only a cohort
        // ended now: its end time alone says nothing of its status.
        this.prisma.$executeRaw`UPDATE "ScheduledPost"
          SET "boardLiveUntil" = (SELECT "endedAt" FROM "Cohort" WHERE "Cohort"."id" = "ScheduledPost"."cohortId")
          WHERE "id" = ${postId} AND "period" = ${period} AND EXISTS (SELECT 1 FROM "Cohort" WHERE "Cohort"."id" = "ScheduledPost"."cohortId"
            AND "Cohort"."status" = ${CohortStatus.Ended} AND "Cohort"."endedAt" < "ScheduledPost"."boardLiveUntil")`,
      ]),
    );
    const attached = results[lock.length] as { readonly count: number } | undefined;
    return attached?.count === 1;
  }

  /**
   * After a weekly post went out whose row changed while it was on its way (markSent found it given up, by a
   * start edit or by another process's skipPending of the stale claim, or attach found it renamed by a start
   * edit): records the post where its row is now, so every message sent is
   * recorded once, as the week's post or as set aside. In one transaction that locks the cohort's row first,
   * as a start edit writes it first (CohortRepository.updateWithWeekPosts), so no edit commits between its
   * statements. Only a row not recorded by anyone yet (given up, without a message) or recorded
   * by this claim's own markSent (`claimedBy`, `messageId`), and without a board:
   * - under the week's own name (`period`: given up by another process, more than 24 hours late or its
   *   cohort ended, so nothing else will send the week; or a second edit took it back): the week's post, sent, its
   *   board live until the end the taking back gave it (or `board.liveUntil`), capped at an ended cohort's
   *   end as attach does. Returns "week": the caller opens its thread and reports it sent.
   * - still set aside under `setAsidePeriod`: sent, its board ending `now`, so its final edit a minute later
   *   tells its readers the week moved (as a set-aside board still live ends at the edit: weekPostChangeWrites);
   *   never the week's live board. Returns "setAside".
   * Either way the post is flagged for a redraw of its boards at `now` (listPostedDue): it was drawn before
   * the edit, which cleared any flag a deletion or privacy change set meanwhile, and one committed while the
   * row was given up did not flag it; a redraw edits nothing already right. Null when nothing matched: another
   * process took the claim over (it owns the outcome) or recorded it first.
   */
  async attachAfterMove(
    post: {
      readonly postId: number;
      readonly claimedBy: string;
      readonly messageId: string;
      readonly period: string;
      readonly setAsidePeriod: string;
    },
    board: { readonly messageId: string; readonly channelId: string; readonly liveUntil: Date } | null,
    now: Date,
  ): Promise<"week" | "setAside" | null> {
    const { postId, claimedBy, messageId } = post;
    const unrecorded = {
      id: postId,
      boardMessageId: null,
      OR: [
        { status: PostStatus.Skipped, messageId: null },
        { status: PostStatus.Sent, messageId, claimedBy },
      ],
    };
    const sent = { status: PostStatus.Sent, sentAt: now, messageId, claimedBy, lastError: null, nextAttemptAt: now };
    // The board's columns, live until `liveUntil`; undefined keeps the end the row has.
    const boardUntil = (liveUntil: Date | undefined) =>
      board === null ? {} : { ...boardColumns(board, now, now), boardLiveUntil: liveUntil };
    const lock = lockCohortRows(this.prisma, this.provider, { cohortOfPost: postId });
    const results = await this.writes.run(() =>
      this.prisma.$transaction([
        ...lock,
        // On SQLite this write stays first: it takes the file's write lock (see attach). A row taken back has
        // the end its taking back gave it; one never attached has none yet.
        this.prisma.scheduledPost.updateMany({
          where: { ...unrecorded, period: post.period, boardLiveUntil: null },
          data: { ...sent, ...boardUntil(board?.liveUntil) },
        }),
        this.prisma.scheduledPost.updateMany({
          where: { ...unrecorded, period: post.period, boardLiveUntil: { not: null } },
          data: { ...sent, ...boardUntil(undefined) },
        }),
        this.prisma.$executeRaw`UPDATE "ScheduledPost"
          SET "boardLiveUntil" = (SELECT "endedAt" FROM "Cohort" WHERE "Cohort"."id" = "ScheduledPost"."cohortId")
          WHERE "id" = ${postId} AND "period" = ${post.period} AND "boardMessageId" = ${board?.messageId ?? ""}
            AND EXISTS (SELECT 1 FROM "Cohort" WHERE "Cohort"."id" = "ScheduledPost"."cohortId"
            AND "Cohort"."status" = ${CohortStatus.Ended} AND "Cohort"."endedAt" < "ScheduledPost"."boardLiveUntil")`,
        // No `sentAt`: never reported sent as its week's post, no thread opened on it. An edit that puts its week
        // back later leaves that to the next tick (ScheduledPostRepository.claimPutBack).
        this.prisma.scheduledPost.updateMany({
          where: { ...unrecorded, period: post.setAsidePeriod },
          data: { ...sent, sentAt: null, ...boardUntil(now) },
        }),
      ]),
    );
    const count = (index: number) => (results[lock.length + index] as { readonly count: number } | undefined)?.count ?? 0;
    if (count(0) + count(1) > 0) return "week";
    return count(3) > 0 ? "setAside" : null;
  }

  /**
   * Boards of these cohorts still live at `now` whose last edit was at or before `editedBy`, and dirty, or flagged
   * to be edited at once (dueAtOnce), or whose edit was claimed at or before `staleBefore` and never recorded (staleClaims).
   */
  async listDue(cohortIds: readonly number[], now: Date, editedBy: Date, staleBefore: Date): Promise<LiveBoardRecord[]> {
    const rows = await this.boardsOf(cohortIds, { boardLiveUntil: { gt: now }, OR: [dueSpaced(editedBy), dueAtOnce] });
    const listed = new Set(rows.map((row) => row.id));
    const asked = new Set(cohortIds);
    const stale = (await this.staleClaims(staleBefore)).filter(
      (row) => asked.has(row.cohortId) && !listed.has(row.id) && row.boardLiveUntil !== null && row.boardLiveUntil > now,
    );
    return [...rows, ...stale].flatMap((row) => toLiveBoard(row) ?? []);
  }

  /**
   * The boards `where` finds among these cohorts': read by the boards' own index alone (one statement, however many
   * cohorts; a cohort filter could lead a planner to the cohorts' index, every post row read), kept in memory for the
   * cohorts asked. Every process reads every process's boards that way; should more than boardsReadAtOnce be found (a
   * burst, or many shards' boards), the read is made again by these cohorts, in chunks, as it was: what one process
   * reads stays bounded by its own cohorts' boards.
   */
  private async boardsOf(cohortIds: readonly number[], where: Prisma.ScheduledPostWhereInput): Promise<BoardRow[]> {
    if (cohortIds.length === 0) return [];
    const all = await this.prisma.scheduledPost.findMany({ where, select: boardSelect, take: this.boardsReadAtOnce + 1 });
    if (all.length > this.boardsReadAtOnce)
      return findInChunks(cohortIds, (chunk) =>
        this.prisma.scheduledPost.findMany({ where: { ...where, cohortId: { in: chunk } }, select: boardSelect }),
      );
    const asked = new Set(cohortIds);
    return all.filter((row) => asked.has(row.cohortId));
  }

  /**
   * Board edits (live or final) claimed at or before `staleBefore` whose outcome was never written: their process
   * died (or lost the database) after the claim, and the edit is due again. Every cohort's, read by their own
   * index (a few rows at any time; a cohort filter would lead SQLite to the cohorts' index, every post row read).
   */
  private async staleClaims(staleBefore: Date) {
    return this.prisma.scheduledPost.findMany({
      // Any end is after 1970: a range, which SQLite seeks in the index (for IS NOT NULL it read the whole table).
      where: { boardClaimedEnd: { gt: new Date(0) }, boardEditedAt: { lte: staleBefore }, boardMessageId: { not: null } },
      select: boardSelect,
    });
  }

  /**
   * These cohorts' boards whose week ended in (`endedAfter`, `endedBy`] and that have not had their final
   * edit: claiming it clears the board's end (claimFinalEdit), so a board is listed until then only. Read
   * by the boards' index (one range per value of the dirty flag): a tick reads only the few boards whose
   * week just ended, whatever the number of cohorts. A board last edited (or tried: releaseFinalEdit)
   * after `endedBy` waits: no live edit comes after a week's end, so that is only a failed final edit,
   * tried again once its time is as old as the week's end must be. A final edit claimed at or before
   * `staleBefore` and never recorded (its process died) is listed too, with the end its claim cleared. The claims
   * read that no tick can take again any more are cleared on the way (clearPastClaims; a write only when some are).
   */
  async listEnded(cohortIds: readonly number[], endedAfter: Date, endedBy: Date, staleBefore: Date): Promise<EndedLiveBoard[]> {
    const rows = await this.boardsOf(cohortIds, endedBoards(endedAfter, endedBy));
    const asked = new Set(cohortIds);
    const claims = await this.staleClaims(staleBefore);
    if (claims.some((row) => claimPast(row, endedAfter))) await this.clearPastClaims(endedAfter, staleBefore);
    // A claim clears the end: never one of the rows above.
    const stale = claims.filter(
      (row) =>
        asked.has(row.cohortId) &&
        row.boardLiveUntil === null &&
        row.boardClaimedEnd !== null &&
        row.boardClaimedEnd > endedAfter &&
        row.boardClaimedEnd <= endedBy,
    );
    return [...rows, ...stale].flatMap((row) => toLiveBoard(row) ?? []);
  }

  /**
   * The finished cohorts (not of a server the bot left, of `guildIds` when given; a flagged channel included, which the
   * scheduler checks again) with a
   * board whose final edit is still due: its week ended in
   * (`endedAfter`, `endedBy`] (listEnded's range, read by the boards' index, one range per value of the dirty flag), or
   * its final edit was claimed at or before `staleBefore` and never recorded (by the claims' index). The scheduler
   * schedules no finished cohort, but the last boards of one that just finished still get their final edit (listEnded
   * with these cohorts): only the few boards whose week ended within the day are read, never every finished cohort,
   * and their cohorts are looked up by id (in chunks, by the primary key), ascending.
   */
  async finishedWithEnded(
    endedAfter: Date,
    endedBy: Date,
    staleBefore: Date,
    departed: ReadonlySet<string>,
    guildIds?: readonly string[],
  ): Promise<number[]> {
    // The boards first, by their indexes alone (no cohort filter, which could lead a planner to the cohorts' index):
    // every cohort's boards awaiting their final edit, a day's at most (a board leaves the range once edited).
    const boards = await this.prisma.scheduledPost.findMany({ where: endedBoards(endedAfter, endedBy), select: { cohortId: true } });
    const claims = await this.prisma.scheduledPost.findMany({
      where: {
        boardClaimedEnd: { gt: endedAfter, lte: endedBy },
        boardLiveUntil: null,
        boardEditedAt: { lte: staleBefore },
        boardMessageId: { not: null },
      },
      select: { cohortId: true },
    });
    const ids = [...new Set([...boards, ...claims].map((row) => row.cohortId))];
    const rows = await findInChunks(ids, (chunk) =>
      this.prisma.cohort.findMany({
        where: { id: { in: chunk }, ...eligibleCohort(departed, true), status: CohortStatus.Finished },
        select: { id: true, guildId: true },
      }),
    );
    const scope = guildIds === undefined ? null : new Set(guildIds);
    return rows
      .filter((row) => scope === null || scope.has(row.guildId))
      .map((row) => row.id)
      .sort((a, b) => a - b);
  }

  /**
   * Clears the stale claims (at or before `staleBefore`) that can no longer be due: a final edit's whose end is at or
   * before `endedAfter` (final edits are made within a day of the end, listEnded), a live edit's whose board's week
   * ended then (no live edit after its end, no final edit past the day). Their edit is given up as any final edit
   * after a longer outage; a live one's board is flagged again, so should an edit bring its week back it is edited.
   * One transaction of two updates, each by the claims' index; a second process's clears nothing more.
   */
  private async clearPastClaims(endedAfter: Date, staleBefore: Date): Promise<void> {
    const stale = { boardClaimedEnd: { gt: new Date(0) }, boardEditedAt: { lte: staleBefore } };
    await this.writes.run(() =>
      this.prisma.$transaction([
        this.prisma.scheduledPost.updateMany({
          where: { ...stale, boardLiveUntil: { lte: endedAfter } },
          data: { boardClaimedEnd: null, boardDirty: true },
        }),
        this.prisma.scheduledPost.updateMany({
          where: { ...stale, boardClaimedEnd: { gt: new Date(0), lte: endedAfter }, boardLiveUntil: null },
          data: { boardClaimedEnd: null },
        }),
      ]),
    );
  }

  /**
   * Takes a board's final edit (`now` is after its week's end): one write, which only one tick or process
   * can win. It clears the board's end: the board leaves listEnded's range, no edit comes after, and a
   * later start or zone edit does not move it (ScheduledPost rows keep a null end once final). The board's
   * last edit is part of the condition: a failed attempt given back (releaseFinalEdit) restores the end but
   * not that time, so a process that listed the board before the attempt cannot claim it at once. A claim
   * whose outcome was never written (listEnded) is taken over the same way, by its time.
   * `nextWeekPeriod`: the weekly post whose top five is this board's week; when it went out before the week was
   * over (an announce day before its first day), it is flagged for a redraw (listPostedDue) in the same
   * transaction as the claim, so a stop or a busy database after the claim cannot lose the flag.
   */
  async claimFinalEdit(board: EndedLiveBoard, now: Date, nextWeekPeriod?: string): Promise<boolean> {
    return this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        const { count } = await tx.scheduledPost.updateMany({
          where: {
            id: board.postId,
            boardEditedAt: board.editedAt,
            OR: [{ boardLiveUntil: board.liveUntil }, { boardLiveUntil: null, boardClaimedEnd: board.liveUntil }],
          },
          data: { boardDirty: false, boardDirtyNow: false, boardEditedAt: now, boardLiveUntil: null, boardClaimedEnd: board.liveUntil },
        });
        if (count === 1 && nextWeekPeriod !== undefined)
          await tx.scheduledPost.updateMany({
            where: {
              cohortId: board.cohortId,
              kind: "week",
              period: nextWeekPeriod,
              // A post still being sent was drawn before too (markSent keeps the flag).
              OR: [{ status: PostStatus.Sent, sentAt: { lt: board.liveUntil } }, { status: PostStatus.Claimed }],
            },
            // A new flag is a new redraw: it gets its own tries (as flagPostedBoards).
            data: { nextAttemptAt: now, redrawAttempts: 0 },
          });
        return count === 1;
      }),
    );
  }

  /**
   * A final edit that failed on Discord trouble: given back (its end restored), so a later tick tries again.
   * The attempt's time stays as the board's last edit: listEnded skips the board until it is as old as a
   * week's end must be (a minute), in every process and after a restart.
   */
  async releaseFinalEdit(board: EndedLiveBoard, claimedAt: Date): Promise<void> {
    await this.writes.run(() =>
      this.prisma.scheduledPost.updateMany({
        where: { id: board.postId, boardLiveUntil: null, boardEditedAt: claimedAt },
        data: { boardLiveUntil: board.liveUntil, boardClaimedEnd: null },
      }),
    );
  }

  /**
   * Takes the next edit of a board, dirty (a minute after its last edit, or at once: dueAtOnce) or claimed at or before
   * `staleBefore` and never recorded: one write, which only one tick or process can win.
   */
  async claimEdit(board: LiveBoardRecord, now: Date, editedBy: Date, staleBefore: Date): Promise<boolean> {
    const { count } = await this.writes.run(() =>
      this.prisma.scheduledPost.updateMany({
        where: { id: board.postId, OR: [dueSpaced(editedBy), dueAtOnce, staleClaim(staleBefore)] },
        data: { boardDirty: false, boardDirtyNow: false, boardEditedAt: now, boardClaimedEnd: board.liveUntil },
      }),
    );
    return count === 1;
  }

  /**
   * The edit claimed at `claimedAt` (claimEdit, claimFinalEdit) is over, made or not to be made again (its message
   * or channel gone): no longer due once its claim is old. Only while that claim is the board's last edit.
   */
  async finishEdit(postId: number, claimedAt: Date): Promise<void> {
    await this.writes.run(() =>
      this.prisma.scheduledPost.updateMany({ where: { id: postId, boardEditedAt: claimedAt }, data: { boardClaimedEnd: null } }),
    );
  }

  /** Sent posts whose boards are flagged to be shown again by `now`, oldest flag first, at most `limit`. */
  async listPostedDue(now: Date, limit: number, departed: ReadonlySet<string>, guildIds?: readonly string[]): Promise<PostedBoardRecord[]> {
    // Only the cohorts the scheduler edits for; one shard's servers when scoped.
    const rows = await readScoped(
      guildIds,
      (scope) =>
        this.prisma.scheduledPost.findMany({
          where: { status: PostStatus.Sent, nextAttemptAt: { lte: now }, cohort: { ...eligibleCohort(departed), ...scope } },
          orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
          take: limit,
          select: postedSelect,
        }),
      // Oldest flag first.
      (a, b) => (a.nextAttemptAt?.getTime() ?? 0) - (b.nextAttemptAt?.getTime() ?? 0) || a.id - b.id,
      limit,
    );
    return rows.flatMap((row) =>
      row.nextAttemptAt === null
        ? []
        : [
            {
              postId: row.id,
              cohortId: row.cohortId,
              kind: row.kind,
              period: row.period,
              messageId: row.messageId,
              board:
                row.boardMessageId === null
                  ? null
                  : {
                      messageId: row.boardMessageId,
                      channelId: row.boardChannelId,
                      liveUntil: row.boardLiveUntil,
                      finalEditUnderWay: row.boardLiveUntil === null && row.boardClaimedEnd !== null,
                    },
              redrawAt: row.nextAttemptAt,
              refusedTries: row.redrawAttempts,
            },
          ],
    );
  }

  /**
   * Takes the flagged redraw of a sent post's boards: one write, which only one tick or process can win. The
   * flag is held (moved to `heldUntil`), not cleared: a process that stops before the edit leaves it to be taken
   * again then (the edit is idempotent). A later flag is a new redraw.
   */
  async claimPosted(post: PostedBoardRecord, heldUntil: Date): Promise<boolean> {
    const { count } = await this.writes.run(() =>
      this.prisma.scheduledPost.updateMany({
        where: { id: post.postId, status: PostStatus.Sent, nextAttemptAt: post.redrawAt },
        data: { nextAttemptAt: heldUntil },
      }),
    );
    return count === 1;
  }

  /** The redraw taken until `heldUntil` is done (or given up): the flag goes (unless a newer flag came meanwhile). */
  async finishPosted(postId: number, heldUntil: Date): Promise<void> {
    await this.writes.run(() =>
      this.prisma.scheduledPost.updateMany({
        where: { id: postId, status: PostStatus.Sent, nextAttemptAt: heldUntil },
        data: { nextAttemptAt: null, redrawAttempts: 0 },
      }),
    );
  }

  /**
   * A redraw given up (the bot may not read or edit the post's messages): the flag goes, `mark` stays in the
   * tries' count, the one listGivenUp finds it by when it is to be tried again once the bot may, another when not.
   */
  async giveUpPosted(postId: number, heldUntil: Date, mark: number): Promise<void> {
    await this.writes.run(() =>
      this.prisma.scheduledPost.updateMany({
        where: { id: postId, status: PostStatus.Sent, nextAttemptAt: heldUntil },
        data: { nextAttemptAt: null, redrawAttempts: mark },
      }),
    );
  }

  /**
   * Sent posts whose redraw was given up with the mark `refusedTries` (giveUpPosted), with an id above `afterId`,
   * lowest first, at most `limit`, each with the channels its messages went to. Only the cohorts the scheduler
   * edits for, as listPostedDue.
   */
  async listGivenUp(
    refusedTries: number,
    afterId: number,
    limit: number,
    departed: ReadonlySet<string>,
    guildIds?: readonly string[],
  ): Promise<GivenUpBoardRecord[]> {
    const rows = await readScoped(
      guildIds,
      (scope) =>
        this.prisma.scheduledPost.findMany({
          where: {
            id: { gt: afterId },
            status: PostStatus.Sent,
            nextAttemptAt: null,
            // Equality (giveUpPosted writes exactly the mark): the status/nextAttemptAt/redrawAttempts/id index seeks it.
            redrawAttempts: refusedTries,
            cohort: { ...eligibleCohort(departed), ...scope },
          },
          orderBy: { id: "asc" },
          take: limit,
          select: { id: true, cohortId: true, ...postChannelsSelect },
        }),
      // Lowest first.
      (a, b) => a.id - b.id,
      limit,
    );
    return rows.map((row) => ({
      postId: row.id,
      cohortId: row.cohortId,
      ...postChannelsOf(row),
    }));
  }

  /** The server and channels a sent post's messages went to (see GivenUpBoardRecord); null when it is gone. */
  async postChannels(postId: number): Promise<{ guildId: string; channelIds: string[] } | null> {
    const row = await this.prisma.scheduledPost.findUnique({ where: { id: postId }, select: postChannelsSelect });
    return row === null ? null : postChannelsOf(row);
  }

  /**
   * Flags these given-up posts for a redraw again (the bot may read and edit their messages now): one write,
   * which only one tick or process can win for each post. Each gets a new redraw's tries.
   */
  async retryGivenUp(postIds: readonly number[], refusedTries: number, now: Date): Promise<number> {
    if (postIds.length === 0) return 0;
    const { count } = await this.writes.run(() =>
      this.prisma.scheduledPost.updateMany({
        where: { id: { in: [...postIds] }, status: PostStatus.Sent, nextAttemptAt: null, redrawAttempts: refusedTries },
        data: { nextAttemptAt: now, redrawAttempts: 0 },
      }),
    );
    return count;
  }

  /**
   * A redraw that met Discord trouble: flagged again for `retryAt` (unless a newer flag came meanwhile).
   * `refused`: Discord refused it for want of access, counted in the post's refusedTries.
   */
  async releasePosted(postId: number, heldUntil: Date, retryAt: Date, refused = false): Promise<void> {
    await this.writes.run(() =>
      this.prisma.scheduledPost.updateMany({
        where: { id: postId, status: PostStatus.Sent, nextAttemptAt: heldUntil },
        data: { nextAttemptAt: retryAt, ...(refused ? { redrawAttempts: { increment: 1 } } : {}) },
      }),
    );
  }

  /**
   * A board whose message is gone (a moderator deleted it): stamped as last edited at its week's end, so no
   * live edit is due again (listDue) however many completions come, and its final edit comes as any board's
   * (listEnded): one more try at Discord, whose claim still flags the next week's early post for its redraw.
   * A write that brings the board's end earlier (a /cohort end, a start or zone edit) brings this time with it.
   * Only while the row still names that message and the board is live. Both columns as the database stores
   * them: copied without converting.
   */
  async holdDeleted(postId: number, messageId: string): Promise<void> {
    await this.writes.run(
      () => this.prisma.$executeRaw`UPDATE "ScheduledPost"
        SET "boardEditedAt" = "boardLiveUntil", "boardClaimedEnd" = NULL, "boardDirtyNow" = false
        WHERE "id" = ${postId} AND "boardMessageId" = ${messageId} AND "boardLiveUntil" IS NOT NULL`,
    );
  }

  /**
   * An edit claimed at `claimedAt` (claimEdit) that failed: the board is dirty again, so a later tick tries again.
   * Only while that claim is its last edit: one made since (another process, after a new completion) showed the
   * standings already. A row gone since (its cohort deleted) has no board to keep. A flag to edit at once (dueAtOnce)
   * set while it was on its way is dropped: after Discord trouble, or an edit taken back while discord.js held it for a
   * rate limit, the next edit keeps the minute's spacing.
   */
  async markDirty(postId: number, claimedAt: Date): Promise<void> {
    await this.writes.run(() =>
      this.prisma.scheduledPost.updateMany({
        where: { id: postId, boardEditedAt: claimedAt },
        data: { boardDirty: true, boardDirtyNow: false, boardClaimedEnd: null },
      }),
    );
  }
}

/**
 * The cohorts whose boards the scheduler edits: not a paused one, one whose channel is flagged, or one of a server
 * the bot left (theirs wait, and must not crowd the others out of a read's limit). Servers left
 * (CohortRepository.departedGuilds, read once a tick): a few rows (the last 30 days', then purged).
 */
function eligibleCohort(departed: ReadonlySet<string>, flaggedToo = false) {
  return {
    status: { in: [CohortStatus.Active, CohortStatus.Ended, CohortStatus.Finished] },
    // `flaggedToo`: one whose channel is flagged as well, for a caller that checks the channel again itself.
    ...(flaggedToo ? {} : { channelProblem: null }),
    ...(departed.size === 0 ? {} : { NOT: { guildId: { in: [...departed] } } }),
  };
}

/**
 * `read` (at most `limit` rows, in `order`) over every server, or, scoped to one shard's `guildIds`, over each
 * chunk of them: each chunk's first rows, merged in `order` again and cut to `limit`.
 */
async function readScoped<Row>(
  guildIds: readonly string[] | undefined,
  read: (scope: { guildId?: { in: string[] } }) => Promise<Row[]>,
  order: (a: Row, b: Row) => number,
  limit: number,
): Promise<Row[]> {
  if (guildIds === undefined) return read({});
  return (await findInChunks(guildIds, (chunk) => read({ guildId: { in: [...chunk] } }))).sort(order).slice(0, limit);
}
