import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { LiveBoardRepository } from "../../src/db/repositories/LiveBoardRepository.js";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { PrivacyRepository } from "../../src/db/repositories/PrivacyRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { CohortStatus } from "../../src/domain/cohort/cohortModel.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { holdCohortRow, openOtherSession, untilLockWaitOr } from "../helpers/postgresSessions.js";

/** Week 1's post, due 2027-03-01 09:00, sent: the row a board is attached to. */
const weekOneDue = new Date("2027-03-01T09:00:00Z");

async function sentWeekOnePost(handle: TestDatabaseHandle, cohortId: number): Promise<number> {
  const post = await handle.prisma.scheduledPost.create({
    data: { cohortId, kind: "week", period: "week-1", dueAt: weekOneDue, status: "sent" },
  });
  return post.id;
}

/** Attaches week 1's board (message 1 in channel 2) to the post at `attachedAt`, live until `weekEnd` unless the cohort ended. */
async function attachWeekOneBoard(handle: TestDatabaseHandle, postId: number, weekEnd: Date, attachedAt: Date): Promise<void> {
  await new LiveBoardRepository(handle.prisma, handle.target.provider).attach(
    postId,
    "week-1",
    { messageId: "1", channelId: "2" },
    weekEnd,
    attachedAt,
  );
}

async function boardLiveUntil(handle: TestDatabaseHandle, postId: number): Promise<Date | null> {
  return (await handle.prisma.scheduledPost.findUniqueOrThrow({ where: { id: postId } })).boardLiveUntil;
}

/**
 * A cohort whose all-time board was drawn with Ada (50), Bob (30) and Cy (20), in that order, all three ranked:
 * the board's JSON as the closing post read it, and the members it lists. Ada's user id is `<name as a slug>-ada`.
 */
async function boardDrawnWithThree(handle: TestDatabaseHandle, members: MemberRepository, name: string) {
  const slug = name.toLowerCase().replaceAll(" ", "-");
  const curriculum = await createCurriculumRow(handle.prisma, `${slug}-test`, 4);
  const cohortId = (await createCohortRow(handle.prisma, curriculum.id, { name })).id;
  const now = new Date("2027-04-05T09:00:00Z");
  const drawn = [];
  for (const [userId, displayName, points] of [
    ["ada", "Ada", 50],
    ["bob", "Bob", 30],
    ["cy", "Cy", 20],
  ] as const) {
    // Users of their own: the file's other cohorts are in the same server.
    const member = (await members.join(cohortId, `${slug}-${userId}`, displayName, now)).member;
    await handle.prisma.member.update({ where: { id: member.id }, data: { points } });
    drawn.push({ memberId: member.id, displayName, points });
  }
  const board = JSON.stringify({
    top: drawn.map((entry, index) => ({
      rank: index + 1,
      memberId: entry.memberId,
      points: entry.points,
      shown: { kind: "name", displayName: entry.displayName },
    })),
    rankedMembers: 3,
  });
  return { cohortId, board, listed: drawn.map(({ memberId, points }) => ({ memberId, points })) };
}

/** The names a kept final board lists, and how many members it says it ranked. */
function namesAndRanked(json: string | null): { names: string[]; rankedMembers: number } {
  const board = JSON.parse(json ?? "null") as { top: { shown: { displayName?: string } }[]; rankedMembers: number };
  return { names: board.top.map((entry) => entry.shown.displayName ?? "?"), rankedMembers: board.rankedMembers };
}

/**
 * Break weeks and the end of the course against a real database (SQLite, or
 * PostgreSQL with TEST_DATABASE=postgresql): what `/cohort break` stores, the
 * final board kept once, members' final points, and finishing only once.
 */
describe("CohortRepository: break weeks and the final board", () => {
  let handle: TestDatabaseHandle;
  let cohorts: CohortRepository;
  let members: MemberRepository;
  let cohortId: number;

  beforeAll(async () => {
    handle = await openTestDatabase();
    cohorts = new CohortRepository(handle.prisma, handle.target.provider);
    members = new MemberRepository(
      handle.prisma,
      new SerialWriteQueue({ lockedRetryBudgetMs: 1_000, logger: captureLogger().logger }),
      handle.hotReader,
      handle.target.provider,
    );
    const curriculum = await createCurriculumRow(handle.prisma, "end-test", 4);
    const cohort = await createCohortRow(handle.prisma, curriculum.id, { name: "Ending" });
    cohortId = cohort.id;
  });
  afterAll(async () => {
    await handle.closeAndDrop();
  });

  it("stores break weeks once each, reads them with the cohort in order, and removes them", async () => {
    expect(await cohorts.setBreak(cohortId, 3, false, 12)).toBe(true);
    expect(await cohorts.setBreak(cohortId, 2, false, 12)).toBe(true);
    expect(await cohorts.setBreak(cohortId, 3, false, 12)).toBe(false);
    expect((await cohorts.findById(cohortId))?.breakWeeks).toEqual([2, 3]);
    expect((await cohorts.listSchedulable())[0]?.breakWeeks).toEqual([2, 3]);
    expect((await cohorts.listInGuild("1"))[0]?.breakWeeks).toEqual([2, 3]);
    expect(await cohorts.setBreak(cohortId, 2, true, 12)).toBe(true);
    expect(await cohorts.setBreak(cohortId, 2, true, 12)).toBe(false);
    expect((await cohorts.findByName("1", "Ending"))?.breakWeeks).toEqual([3]);
    expect((await members.listActiveInGuild("1", "nobody")).length).toBe(0);
  });

  it("deletes the stored breaks an undo leaves past the course, so none comes back with a later break", async () => {
    const breakWeeks = async () => (await cohorts.findById(cohortId))?.breakWeeks;
    await handle.prisma.cohortBreak.deleteMany({ where: { cohortId } });
    // 4 reading weeks: a break at 2 makes 5 calendar weeks, so week 5 may be a break too.
    expect(await cohorts.setBreak(cohortId, 2, false, 4)).toBe(true);
    expect(await cohorts.setBreak(cohortId, 5, false, 4)).toBe(true);
    expect(await cohorts.setBreak(cohortId, 2, true, 4)).toBe(true);
    expect(await breakWeeks()).toEqual([]);
    // A hidden row stored before this rule is dropped by the next change too.
    await handle.prisma.cohortBreak.create({ data: { cohortId, week: 5 } });
    expect(await cohorts.setBreak(cohortId, 1, false, 4)).toBe(true);
    expect(await breakWeeks()).toEqual([1]);
    await handle.prisma.cohortBreak.deleteMany({ where: { cohortId } });
  });

  it("keeps the first final board with every member's points at that moment, and ranks on them", async () => {
    const now = new Date("2027-04-05T09:00:00Z");
    const ada = (await members.join(cohortId, "ada", "Ada", now)).member;
    const bob = (await members.join(cohortId, "bob", "Bob", now)).member;
    const cy = (await members.join(cohortId, "cy", "Cy", now)).member;
    await handle.prisma.member.update({ where: { id: ada.id }, data: { points: 50 } });
    await handle.prisma.member.update({ where: { id: bob.id }, data: { points: 30 } });
    await handle.prisma.member.update({ where: { id: cy.id }, data: { points: 30, leftAt: now } });

    expect(await cohorts.saveFinalBoard(cohortId, '{"first":true}', [], 12)).toBe('{"first":true}');
    // Later completions and a second save change nothing kept.
    await handle.prisma.member.update({ where: { id: bob.id }, data: { points: 90 } });
    expect(await cohorts.saveFinalBoard(cohortId, '{"second":true}', [], 12)).toBe('{"first":true}');
    expect(await cohorts.finalBoard(cohortId)).toBe('{"first":true}');

    const finalPoints = async (memberId: number) => (await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).finalPoints;
    expect([await finalPoints(ada.id), await finalPoints(bob.id), await finalPoints(cy.id)]).toEqual([50, 30, null]);
    expect((await members.find(cohortId, "bob"))?.finalPoints).toBe(30);
    expect(await cohorts.finalStanding(cohortId, 30)).toEqual({ ahead: 1, ranked: 2 });
    expect(await cohorts.finalStanding(cohortId, 50)).toEqual({ ahead: 0, ranked: 2 });
  });

  it("ranks on the kept board every member its top lists, though one hid between the board's read and its keeping", async () => {
    const curriculum = await createCurriculumRow(handle.prisma, "drawn-test", 4);
    const drawnId = (await createCohortRow(handle.prisma, curriculum.id, { name: "Drawn" })).id;
    const now = new Date("2027-04-05T09:00:00Z");
    const ada = (await members.join(drawnId, "ada", "Ada", now)).member;
    const bob = (await members.join(drawnId, "bob", "Bob", now)).member;
    const dee = (await members.join(drawnId, "dee", "Dee", now)).member;
    await handle.prisma.member.update({ where: { id: ada.id }, data: { points: 50 } });
    await handle.prisma.member.update({ where: { id: bob.id }, data: { points: 30 } });
    await handle.prisma.member.update({ where: { id: dee.id }, data: { points: 20, boardVisibility: "hidden" } });
    // The board was drawn with Ada first (and Bob below its top); she hides before it is kept.
    const board = JSON.stringify({
      top: [{ rank: 1, memberId: ada.id, points: 50, shown: { kind: "name", displayName: "Ada" } }],
      rankedMembers: 2,
    });
    await handle.prisma.member.update({ where: { id: ada.id }, data: { boardVisibility: "hidden" } });
    await cohorts.saveFinalBoard(drawnId, board, [{ memberId: ada.id, points: 50 }], 12);

    const ranked = async (memberId: number) => (await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).finalRanked;
    expect([await ranked(ada.id), await ranked(bob.id), await ranked(dee.id)]).toEqual([true, true, false]);
    // Bob's own rank is the #2 of 2 the board counts.
    expect(await cohorts.finalStanding(drawnId, 30)).toEqual({ ahead: 1, ranked: 2 });
  });

  it("keeps no line of a member who deleted their data between the board's read and its keeping, one ranked member fewer", async () => {
    const { cohortId: deletedId, board, listed } = await boardDrawnWithThree(handle, members, "Deleted Meanwhile");
    // The closing post read the board with Ada on top; her /privacy delete commits before it is kept.
    const privacy = new PrivacyRepository(handle.prisma, handle.target.provider);
    const deletion = await privacy.deleteMember("1", "deleted-meanwhile-ada", new Date("2027-04-05T09:01:00Z"));
    expect(deletion.memberships).toBe(1);
    const kept = await cohorts.saveFinalBoard(deletedId, board, listed, 12);

    // What the closing post shows (the board returned) and /leaderboard afterwards (the board stored): Bob and Cy, "2 ranked".
    expect(namesAndRanked(kept)).toEqual({ names: ["Bob", "Cy"], rankedMembers: 2 });
    expect(await cohorts.finalBoard(deletedId)).toBe(kept);
    // Own ranks count the same two.
    expect(await cohorts.finalStanding(deletedId, 20)).toEqual({ ahead: 1, ranked: 2 });
  });

  it("counts one ranked member fewer for a member ranked below its top who deleted their data between the board's read and its keeping", async () => {
    const { cohortId: belowId, board, listed } = await boardDrawnWithThree(handle, members, "Deleted Below");
    // The board lists only Ada (as a top ten of a bigger cohort leaves Cy below it), three ranked; Cy's deletion commits before it is kept.
    const parsed = JSON.parse(board) as { top: unknown[]; rankedMembers: number };
    const topOfOne = JSON.stringify({ ...parsed, top: parsed.top.slice(0, 1) });
    const privacy = new PrivacyRepository(handle.prisma, handle.target.provider);
    expect((await privacy.deleteMember("1", "deleted-below-cy", new Date("2027-04-05T09:01:00Z"))).memberships).toBe(1);
    const kept = await cohorts.saveFinalBoard(belowId, topOfOne, listed.slice(0, 1), 12);

    // "…and 1 more with points", "2 ranked": as Bob's own rank counts (#2 of 2).
    expect(namesAndRanked(kept)).toEqual({ names: ["Ada"], rankedMembers: 2 });
    expect(await cohorts.finalStanding(belowId, 30)).toEqual({ ahead: 1, ranked: 2 });
  });

  it("ranks with its listed points a member the top lists who left between the board's read and its keeping", async () => {
    const curriculum = await createCurriculumRow(handle.prisma, "left-test", 4);
    const leftId = (await createCohortRow(handle.prisma, curriculum.id, { name: "Left" })).id;
    const now = new Date("2027-04-05T09:00:00Z");
    const ada = (await members.join(leftId, "ada", "Ada", now)).member;
    const bob = (await members.join(leftId, "bob", "Bob", now)).member;
    await handle.prisma.member.update({ where: { id: ada.id }, data: { points: 50 } });
    await handle.prisma.member.update({ where: { id: bob.id }, data: { points: 30 } });
    // The board was drawn with Ada first and Bob second; Ada leaves before it is kept.
    const board = JSON.stringify({
      top: [
        { rank: 1, memberId: ada.id, points: 50, shown: { kind: "name", displayName: "Ada" } },
        { rank: 2, memberId: bob.id, points: 30, shown: { kind: "name", displayName: "Bob" } },
      ],
      rankedMembers: 2,
    });
    await handle.prisma.member.update({ where: { id: ada.id }, data: { leftAt: now } });
    await cohorts.saveFinalBoard(
      leftId,
      board,
      [
        { memberId: ada.id, points: 50 },
        { memberId: bob.id, points: 30 },
      ],
      12,
    );

    const kept = async (memberId: number) => {
      const row = await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId } });
      return { finalRanked: row.finalRanked, finalPoints: row.finalPoints };
    };
    expect([await kept(ada.id), await kept(bob.id)]).toEqual([
      { finalRanked: true, finalPoints: 50 },
      { finalRanked: true, finalPoints: 30 },
    ]);
    // Bob's own rank is the #2 of 2 the board shows.
    expect(await cohorts.finalStanding(leftId, 30)).toEqual({ ahead: 1, ranked: 2 });
  });

  it("finishes an active cohort once, and never a paused or ended one", async () => {
    expect(await cohorts.markFinished(cohortId, 12, new Date(0))).toBe(true);
    expect(await cohorts.markFinished(cohortId, 12, new Date(0))).toBe(false);
    expect((await cohorts.findById(cohortId))?.status).toBe(CohortStatus.Finished);
    // A finished cohort is no longer the scheduler's.
    expect((await cohorts.listSchedulable()).map((cohort) => cohort.id)).not.toContain(cohortId);
    await handle.prisma.cohort.update({ where: { id: cohortId }, data: { status: CohortStatus.Paused } });
    expect(await cohorts.markFinished(cohortId, 12, new Date(0))).toBe(false);
  });

  it("ends a cohort once, with its live board capped at the end, and leaves a finished cohort as it is", async () => {
    const curriculum = await handle.prisma.curriculum.findFirstOrThrow();
    const { id } = await createCohortRow(handle.prisma, curriculum.id, { name: "Ends Once" });
    const weekEnd = new Date("2027-03-08T00:00:00Z");
    const postId = await sentWeekOnePost(handle, id);
    await attachWeekOneBoard(handle, postId, weekEnd, weekOneDue);
    const old = new Date("2020-01-01T00:00:00Z");
    await handle.prisma.cohort.update({ where: { id }, data: { updatedAt: old } });
    const version = async () => (await handle.prisma.cohort.findUniqueOrThrow({ where: { id } })).updatedAt;
    const liveUntil = () => boardLiveUntil(handle, postId);

    const endedAt = new Date("2027-03-03T12:00:00Z");
    const ended = await cohorts.end(id, CohortStatus.Active, endedAt);
    expect([ended?.status, ended?.endedAt?.toISOString()]).toEqual([CohortStatus.Ended, endedAt.toISOString()]);
    expect(await liveUntil()).toEqual(endedAt);
    // A new version: a running scheduler reads the cohort again.
    expect(await version()).not.toEqual(old);
    // A second end (another admin a minute later, who read the cohort active) changes nothing: the first end and its board stand.
    expect(await cohorts.end(id, CohortStatus.Active, new Date("2027-03-03T12:01:00Z"))).toBeNull();
    expect((await cohorts.findById(id))?.endedAt).toEqual(endedAt);
    expect(await liveUntil()).toEqual(endedAt);

    const finished = await createCohortRow(handle.prisma, curriculum.id, { name: "Finished", status: CohortStatus.Finished });
    expect(await cohorts.end(finished.id, CohortStatus.Active, endedAt)).toBeNull();
    expect((await cohorts.findById(finished.id))?.status).toBe(CohortStatus.Finished);
    // Nor does a break reach an ended or finished cohort (one ended after its break was checked): nothing is written.
    expect(await cohorts.setBreak(id, 4, false, 12)).toBeNull();
    expect(await cohorts.setBreak(finished.id, 4, false, 12)).toBeNull();
    expect(await handle.prisma.cohortBreak.count({ where: { cohortId: { in: [id, finished.id] } } })).toBe(0);
  });

  it("caps a board attached after the end only when the cohort is ended, not for an end time alone", async () => {
    const curriculum = await handle.prisma.curriculum.findFirstOrThrow();
    const weekEnd = new Date("2027-03-08T00:00:00Z");
    const endedAt = new Date("2027-03-03T12:00:00Z");
    const liveUntilAfterAttach = async (name: string, status: CohortStatus) => {
      const { id } = await createCohortRow(handle.prisma, curriculum.id, { name, status, endedAt });
      const postId = await sentWeekOnePost(handle, id);
      await attachWeekOneBoard(handle, postId, weekEnd, endedAt);
      return boardLiveUntil(handle, postId);
    };
    expect(await liveUntilAfterAttach("Ended Before Attach", CohortStatus.Ended)).toEqual(endedAt);
    // A paused row with an end time (left by an older build's pause written over an end) keeps its week.
    expect(await liveUntilAfterAttach("Paused With End Time", CohortStatus.Paused)).toEqual(weekEnd);
  });

  it("gives the cohort a new version with a break it adds or removes, and none when nothing changes", async () => {
    // The row's version set back to a known old instant before each change, to see whether the change moved it.
    const old = new Date("2020-01-01T00:00:00Z");
    const versionAfter = async (change: () => Promise<boolean | null>) => {
      await handle.prisma.cohort.update({ where: { id: cohortId }, data: { updatedAt: old } });
      const changed = await change();
      const moved = (await handle.prisma.cohort.findUniqueOrThrow({ where: { id: cohortId } })).updatedAt.getTime() !== old.getTime();
      return [changed, moved];
    };
    expect(await versionAfter(() => cohorts.setBreak(cohortId, 5, false, 12))).toEqual([true, true]);
    expect(await versionAfter(() => cohorts.setBreak(cohortId, 5, false, 12))).toEqual([false, false]);
    expect(await versionAfter(() => cohorts.setBreak(cohortId, 6, true, 12))).toEqual([false, false]);
    expect(await versionAfter(() => cohorts.setBreak(cohortId, 5, true, 12))).toEqual([true, true]);
  });
});

/**
 * On PostgreSQL (READ COMMITTED) a board attached while an end commits must still be capped at the end:
 * attach holds the cohort's row first (SELECT … FOR NO KEY UPDATE), so an end in flight is waited for and then
 * seen. Holding the row writes nothing to it. (SQLite runs one writer at a time: nothing commits in between.)
 */
describe.runIf(process.env.TEST_DATABASE === "postgresql")("attaching a board while a cohort ends, on PostgreSQL", () => {
  let handle: TestDatabaseHandle;
  let admin: pg.Client;
  let curriculumId: number;
  const weekEnd = new Date("2027-03-08T00:00:00Z");

  beforeAll(async () => {
    handle = await openTestDatabase();
    curriculumId = (await createCurriculumRow(handle.prisma, "attach-lock", 4)).id;
    admin = await openOtherSession(handle);
  });
  afterAll(async () => {
    await admin.end();
    await handle.closeAndDrop();
  });

  const weekOnePost = async (name: string) => {
    const cohort = await createCohortRow(handle.prisma, curriculumId, { name });
    return { cohortId: cohort.id, postId: await sentWeekOnePost(handle, cohort.id) };
  };
  const attach = (postId: number) => attachWeekOneBoard(handle, postId, weekEnd, weekOneDue);

  it("waits for an end in flight, then caps the board at it", async () => {
    const { cohortId, postId } = await weekOnePost("Ends While Attaching");
    await admin.query("BEGIN");
    await admin.query(`UPDATE "Cohort" SET "status" = 'ended', "endedAt" = '2027-03-03 12:00:00' WHERE "id" = $1`, [cohortId]);
    let attached = false;
    const attaching = attach(postId).then(() => (attached = true));
    // Commit the end once the attach waits for it, or once the attach is done without waiting.
    await untilLockWaitOr(handle, () => attached);
    await admin.query("COMMIT");
    await attaching;
    const post = await handle.prisma.scheduledPost.findUniqueOrThrow({ where: { id: postId } });
    expect([post.boardMessageId, post.boardLiveUntil]).toEqual(["1", new Date("2027-03-03T12:00:00Z")]);
  });

  it("writes no new version of the cohort's row", async () => {
    const { cohortId, postId } = await weekOnePost("Attached Quietly");
    const version = async () => {
      const rows = await handle.prisma.$queryRawUnsafe<{ version: string }[]>(
        `SELECT xmin::text AS "version" FROM "Cohort" WHERE "id" = $1`,
        cohortId,
      );
      return rows[0]?.version;
    };
    const before = await version();
    await attach(postId);
    expect(await version()).toBe(before);
    expect(await boardLiveUntil(handle, postId)).toEqual(weekEnd);
  });
});

/**
 * On PostgreSQL a member's deletion that holds the cohort's row when the final board is kept (the other session
 * takes the row and deletes the member as PrivacyRepository.deleteMember does): saveFinalBoard waits for it, then
 * keeps the board without the member. (SQLite runs one writer at a time: nothing commits in between.)
 */
describe.runIf(process.env.TEST_DATABASE === "postgresql")("keeping the final board while a deletion commits, on PostgreSQL", () => {
  let handle: TestDatabaseHandle;
  let other: pg.Client;
  let members: MemberRepository;

  beforeAll(async () => {
    handle = await openTestDatabase();
    other = await openOtherSession(handle);
    members = new MemberRepository(handle.prisma, new SerialWriteQueue(), handle.hotReader, handle.target.provider);
  });
  afterAll(async () => {
    await other.end();
    await handle.closeAndDrop();
  });

  it("waits for the deletion, then keeps no line of the member", async () => {
    const { cohortId, board, listed } = await boardDrawnWithThree(handle, members, "Deleting While Kept");
    const cohorts = new CohortRepository(handle.prisma, handle.target.provider);
    await holdCohortRow(other, cohortId);
    await other.query(`DELETE FROM "Member" WHERE "userId" = $1`, ["deleting-while-kept-ada"]);
    let saved = false;
    const saving = cohorts.saveFinalBoard(cohortId, board, listed, 12).finally(() => (saved = true));
    // Commit the deletion once the keeping waits for it (or once it is done without waiting).
    await untilLockWaitOr(handle, () => saved);
    await other.query("COMMIT");

    expect(namesAndRanked(await saving)).toEqual({ names: ["Bob", "Cy"], rankedMembers: 2 });
    expect(await cohorts.finalStanding(cohortId, 20)).toEqual({ ahead: 1, ranked: 2 });
  });
});
