import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { LiveBoardRepository } from "../../src/db/repositories/LiveBoardRepository.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";

const at = (iso: string) => new Date(iso);
/** A tick on Wednesday 03-10 at 12:00: final edits within the day (ended after Tuesday 12:00), claims 2 minutes old taken again. */
const now = at("2027-03-10T12:00:00Z");
const endedAfter = at("2027-03-09T12:00:00Z");
const endedBy = at("2027-03-10T11:59:00Z");
const staleBefore = at("2027-03-10T11:58:00Z");

/**
 * Board edits claimed whose outcome was never written (their process died) are kept in the row (boardClaimedEnd)
 * and read at every tick (staleClaims) so that the edit is made again. A claim that can never be due again must
 * not stay there for ever: the tick clears it; a claim still due stays and is listed again.
 */
describe("board edit claims that can no longer be due", () => {
  let handle: TestDatabaseHandle;
  let boards: LiveBoardRepository;
  let running: number;
  let finishing: number;
  const postIds = new Map<string, number>();

  /** A claimed weekly post's board of `cohortId`: the claim's time and end, and the board's end (null: a final edit's claim). */
  async function claimedBoard(cohortId: number, period: string, claim: { at: string; end: string; liveUntil: string | null }) {
    const row = await handle.prisma.scheduledPost.create({
      data: {
        cohortId,
        kind: "week",
        period,
        dueAt: at("2027-03-01T09:00:00Z"),
        status: "sent",
        boardMessageId: `${cohortId}-${period}`,
        boardChannelId: "2",
        boardEditedAt: at(claim.at),
        boardClaimedEnd: at(claim.end),
        boardLiveUntil: claim.liveUntil === null ? null : at(claim.liveUntil),
      },
    });
    postIds.set(`${cohortId} ${period}`, row.id);
  }

  /** The posts whose board edit is still claimed, by cohort and period. */
  async function claimed(): Promise<string[]> {
    const rows = await handle.prisma.scheduledPost.findMany({
      where: { boardClaimedEnd: { not: null } },
      select: { cohortId: true, period: true },
      orderBy: { id: "asc" },
    });
    return rows.map((row) => `${row.cohortId === running ? "running" : "finishing"} ${row.period}`);
  }

  beforeAll(async () => {
    handle = await openTestDatabase();
    boards = new LiveBoardRepository(handle.prisma, handle.target.provider);
    const curriculumId = (await createCurriculumRow(handle.prisma, "dead claims", 1)).id;
    running = (await createCohortRow(handle.prisma, curriculumId, { name: "Running" })).id;
    finishing = (await createCohortRow(handle.prisma, curriculumId, { name: "Finishing" })).id;
    // Final edit claimed a minute after its week's end, two days ago: past the day final edits are made within.
    await claimedBoard(running, "week-1", { at: "2027-03-08T00:01:00Z", end: "2027-03-08T00:00:00Z", liveUntil: null });
    // Live edit claimed while its week ran (the cohort paused since): its week ended a day and a half ago.
    await claimedBoard(running, "week-2", { at: "2027-03-08T20:00:00Z", end: "2027-03-09T00:00:00Z", liveUntil: "2027-03-09T00:00:00Z" });
    // Final edit claimed within the day: still due.
    await claimedBoard(running, "week-3", { at: "2027-03-10T00:01:00Z", end: "2027-03-10T00:00:00Z", liveUntil: null });
    // Live edit of a board still live: still due.
    await claimedBoard(running, "week-4", { at: "2027-03-10T11:00:00Z", end: "2027-03-17T00:00:00Z", liveUntil: "2027-03-17T00:00:00Z" });
    // Final edit of a board whose end left the day since, claimed 30 seconds ago by a process still at it: its own.
    await claimedBoard(running, "week-5", { at: "2027-03-10T11:59:30Z", end: "2027-03-09T11:59:30Z", liveUntil: null });
    // Live edit claimed in the last week of a cohort whose course then finished (its closing post went out).
    await claimedBoard(finishing, "week-1", { at: "2027-03-09T20:00:00Z", end: "2027-03-10T00:00:00Z", liveUntil: "2027-03-10T00:00:00Z" });
  }, 120_000);

  afterAll(async () => handle.closeAndDrop());

  it("clears, at the next tick, the claims whose board's final edit can no longer come, and keeps those still due", async () => {
    const due = await boards.listDue([running, finishing], now, endedBy, staleBefore);
    expect(due.map((board) => board.period)).toEqual(["week-4"]);
    const ended = await boards.listEnded([running, finishing], endedAfter, endedBy, staleBefore);
    expect(ended.map((board) => `${board.cohortId === running ? "running" : "finishing"} ${board.period}`).sort()).toEqual([
      "finishing week-1",
      "running week-3",
    ]);
    expect(await claimed()).toEqual(["running week-3", "running week-4", "running week-5", "finishing week-1"]);
    // The live edit given up is flagged again: should its week come back (a zone edit), it is edited.
    const weekTwo = await handle.prisma.scheduledPost.findUniqueOrThrow({ where: { id: postIds.get(`${running} week-2`) ?? -1 } });
    expect(weekTwo.boardDirty).toBe(true);
    // Again: nothing more to clear, the same boards due.
    expect((await boards.listEnded([running, finishing], endedAfter, endedBy, staleBefore)).length).toBe(2);
    expect(await claimed()).toEqual(["running week-3", "running week-4", "running week-5", "finishing week-1"]);
  });

  it("clears, when a cohort's course finishes, the claims no tick can take, and keeps those whose final edit is still due", async () => {
    const cohorts = new CohortRepository(handle.prisma, handle.target.provider);
    const ofFinishing = async () => (await claimed()).filter((post) => post.startsWith("finishing"));
    // Final edit of a board whose week ended two days ago, claimed 30 seconds ago: no tick would take it again.
    await claimedBoard(finishing, "week-0", { at: "2027-03-10T11:59:30Z", end: "2027-03-08T00:00:00Z", liveUntil: null });
    expect(await ofFinishing()).toEqual(["finishing week-1", "finishing week-0"]);
    expect(await cohorts.markFinished(finishing, 1, endedAfter)).toBe(true);
    // Its last week's board ended within the day: its final edit is still made, the claim taken over if stale.
    expect(await ofFinishing()).toEqual(["finishing week-1"]);
    expect(await boards.finishedWithEnded(endedAfter, endedBy, staleBefore, new Set())).toEqual([finishing]);
    const ended = await boards.listEnded([finishing], endedAfter, endedBy, staleBefore);
    expect(ended.map((board) => board.period)).toEqual(["week-1"]);
    expect(await claimed()).toContain("running week-4");
  });

  it("finds a finished cohort by a dead process's final-edit claim alone, only of this shard's servers", async () => {
    const cohorts = new CohortRepository(handle.prisma, handle.target.provider);
    const curriculumId = (await handle.prisma.cohort.findUniqueOrThrow({ where: { id: finishing } })).curriculumId;
    const other = (await createCohortRow(handle.prisma, curriculumId, { name: "Other server", guildId: "9" })).id;
    // Its last board's final edit, claimed 5 minutes ago by a process that died: the board's end is gone (claimed).
    await claimedBoard(other, "week-1", { at: "2027-03-10T11:55:00Z", end: "2027-03-10T00:00:00Z", liveUntil: null });
    expect(await cohorts.markFinished(other, 1, endedAfter)).toBe(true);
    expect(await boards.finishedWithEnded(endedAfter, endedBy, staleBefore, new Set())).toEqual([finishing, other]);
    // A shard sees its own servers' cohorts only.
    expect(await boards.finishedWithEnded(endedAfter, endedBy, staleBefore, new Set(), ["1"])).toEqual([finishing]);
    // A server the bot left: its cohorts' boards are left alone.
    expect(await boards.finishedWithEnded(endedAfter, endedBy, staleBefore, new Set(["9"]))).toEqual([finishing]);
  });
});
