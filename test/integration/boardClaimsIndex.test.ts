import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LiveBoardRepository } from "../../src/db/repositories/LiveBoardRepository.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { StatementCounter } from "../helpers/statementCounter.js";
import { postgresPlanOn, type RecordedStatement, sqliteStepsOn, statementsOn } from "../helpers/tablePlans.js";

const cohortCount = 1_000;
const at = (iso: string) => new Date(iso);
/** A tick at 00:05 on Monday 03-08, the day week 9 ended: its live edits' and final edits' windows. */
const now = at("2027-03-08T00:05:00Z");
const editedBy = at("2027-03-08T00:04:00Z");
const staleBefore = at("2027-03-08T00:03:00Z");
const endedAfter = at("2027-03-07T00:05:00Z");
const weekNineEnd = at("2027-03-08T00:00:00Z");
const weekTenEnd = at("2027-03-15T00:00:00Z");

/** Which of the cohorts (by index) have a board due, and why. */
const dirty = (c: number) => c % 3 === 0;
const staleLiveClaim = (c: number) => c % 100 === 5;
const endedUnclaimed = (c: number) => c % 50 === 1;
const staleFinalClaim = (c: number) => c % 100 === 7;
/** Claims the tick clears: week 8's final edit (its end more than a day ago), week 7's live edit (its week over since). */
const pastFinalClaim = (c: number) => c % 100 === 9;
const pastLiveClaim = (c: number) => c % 100 === 11;

/** Week `w`'s post row of cohort number `c`: final boards, except week 9's and week 10's as the predicates say. */
function postRow(cohortId: number, c: number, w: number) {
  const end = new Date(at("2027-01-04T00:00:00Z").getTime() + w * 7 * 86_400_000);
  const row = { cohortId, kind: "week", period: `week-${w}`, dueAt: end, status: "sent", boardMessageId: `${c}-${w}`, boardChannelId: "2" };
  if (w === 10) {
    const claimed = staleLiveClaim(c);
    const editedAt = claimed ? at("2027-03-08T00:02:00Z") : at("2027-03-07T23:00:00Z");
    return {
      ...row,
      boardLiveUntil: weekTenEnd,
      boardDirty: dirty(c),
      boardEditedAt: editedAt,
      boardClaimedEnd: claimed ? weekTenEnd : null,
    };
  }
  if (w === 9 && endedUnclaimed(c)) return { ...row, boardLiveUntil: weekNineEnd, boardEditedAt: at("2027-03-07T12:00:00Z") };
  if (w === 9 && staleFinalClaim(c)) return { ...row, boardEditedAt: at("2027-03-08T00:01:00Z"), boardClaimedEnd: weekNineEnd };
  if (w === 8 && pastFinalClaim(c)) return { ...row, boardEditedAt: new Date(end.getTime() + 60_000), boardClaimedEnd: end };
  if (w === 7 && pastLiveClaim(c))
    return { ...row, boardLiveUntil: end, boardEditedAt: new Date(end.getTime() - 60_000), boardClaimedEnd: end };
  return { ...row, boardEditedAt: end };
}

/**
 * Every tick lists, for every cohort it posts for (10,000 and more), the live boards due an edit and the boards due
 * their final edit, and the edits claimed whose outcome was never written: each read seeks its own index
 * (boardDirty, boardLiveUntil; boardClaimedEnd), never the cohorts' index (every post row of the cohorts) nor the
 * whole table, whichever database; so does the write that clears the claims no tick can take again.
 */
describe("the live and final board edits a tick lists, among many cohorts' posts", () => {
  let handle: TestDatabaseHandle;
  let boards: LiveBoardRepository;
  let cohortIds: number[];

  beforeAll(async () => {
    handle = await openTestDatabase();
    boards = new LiveBoardRepository(handle.prisma, handle.target.provider);
    const curriculumId = (await createCurriculumRow(handle.prisma, "claims", 1)).id;
    await handle.prisma.cohort.createMany({
      data: Array.from({ length: cohortCount }, (_, c) => ({
        guildId: "1",
        channelId: "2",
        name: `Cohort ${c}`,
        nameKey: `cohort ${c}`,
        startDate: "2027-01-04",
        curriculumId,
      })),
    });
    cohortIds = (await handle.prisma.cohort.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
    await handle.prisma.scheduledPost.createMany({
      data: cohortIds.flatMap((cohortId, c) => Array.from({ length: 10 }, (_, w) => postRow(cohortId, c, w + 1))),
    });
    // Statistics as the bot's databases have them: PostgreSQL's autovacuum gathers them, nothing analyzes SQLite's file.
    if (handle.target.provider === "postgresql") await handle.prisma.$executeRawUnsafe("ANALYZE");
  }, 120_000);

  afterAll(async () => handle.closeAndDrop());

  const cohortsWhere = (wanted: (c: number) => boolean) => cohortIds.filter((_, c) => wanted(c));

  const sorted = (boards: readonly { readonly cohortId: number }[]) => boards.map((board) => board.cohortId).sort((a, b) => a - b);

  /** Both lists for the cohorts `asked` (by index), checked against the predicates, with the statements they sent. */
  async function listBoth(repository: LiveBoardRepository, asked: (c: number) => boolean) {
    const counter = StatementCounter.install();
    return counter
      .duringWithParameters(async () => {
        const due = await repository.listDue(cohortsWhere(asked), now, editedBy, staleBefore);
        expect(sorted(due)).toEqual(cohortsWhere((c) => asked(c) && (dirty(c) || staleLiveClaim(c))));
        const ended = await repository.listEnded(cohortsWhere(asked), endedAfter, editedBy, staleBefore);
        expect(sorted(ended)).toEqual(cohortsWhere((c) => asked(c) && (endedUnclaimed(c) || staleFinalClaim(c))));
        expect(ended.every((board) => board.liveUntil.getTime() === weekNineEnd.getTime())).toBe(true);
      })
      .finally(() => counter.uninstall());
  }

  /** The indexes `reads` use, each checked to seek one (SQLite) or not to read the whole table (PostgreSQL). */
  async function indexesOf(reads: readonly RecordedStatement[]): Promise<Set<string>> {
    const indexes: string[] = [];
    for (const read of reads) {
      if (handle.target.provider === "sqlite") {
        const postSteps = await sqliteStepsOn(handle, read, "ScheduledPost");
        for (const step of postSteps) expect(step).toMatch(/^SEARCH .*USING INDEX \w+ \(\w+[=>]\?/);
        indexes.push(...postSteps.map((step) => /USING INDEX (\w+)/.exec(step)?.[1] ?? ""));
      } else {
        const plan = await postgresPlanOn(handle, read, "ScheduledPost");
        indexes.push(...[...plan.matchAll(/"Index Name":"(\w+)"/g)].map((match) => match[1] ?? ""));
      }
    }
    return new Set(indexes);
  }

  const boardIndexes = new Set(["ScheduledPost_boardDirty_boardLiveUntil_idx", "ScheduledPost_boardClaimedEnd_idx"]);

  it("lists them by their indexes, not by reading every post of the cohorts", async () => {
    const statements = await listBoth(boards, () => true);
    const reads = statementsOn(statements, "ScheduledPost");
    // One read of the boards for each list, whatever the number of cohorts, and one of the claims for each; two writes
    // clearing the past claims.
    expect(reads).toHaveLength(6);
    // No list of the cohorts in them.
    for (const statement of statements) expect(statement.parameters.length).toBeLessThan(16);
    expect(await handle.prisma.scheduledPost.count({ where: { boardClaimedEnd: { not: null } } })).toBe(
      cohortsWhere((c) => staleLiveClaim(c) || staleFinalClaim(c)).length,
    );
    expect(await indexesOf(reads)).toEqual(boardIndexes);
  });

  it("lists only the boards of the cohorts asked for", async () => {
    const statements = await listBoth(boards, (c) => c % 2 === 0);
    expect(statementsOn(statements, "ScheduledPost")).toHaveLength(4);
  });

  it("lists the same boards, still by their indexes, when more are due than one read takes", async () => {
    // Fewer than the 20 boards due their final edit (and than the live boards due): both lists past the cap.
    const capped = new LiveBoardRepository(handle.prisma, handle.target.provider, undefined, 10);
    const statements = await listBoth(capped, (c) => c % 2 === 1);
    const reads = statementsOn(statements, "ScheduledPost");
    // Each list read again by the cohorts asked: 500 of them, one slice each.
    expect(reads.filter((read) => /[`"]cohortId[`"] IN/.test(read.sql))).toHaveLength(2);
    expect(await indexesOf(reads)).toEqual(boardIndexes);
  });
});
