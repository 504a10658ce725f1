import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { StatementCounter } from "../helpers/statementCounter.js";
import { postgresPlanOn, sqliteStepsOn, statementsOn } from "../helpers/tablePlans.js";

const finishedCount = 2_000;
const at = (iso: string) => new Date(iso);
/** The final-edit window's start at a tick on 2027-03-08 00:05 (a day before it). */
const endedAfter = at("2027-03-07T00:05:00Z");
const longAgo = at("2026-06-01T00:00:00Z");
const weekEnd = at("2027-03-08T00:00:00Z");

/** Which finished cohorts (by index) are flagged, and whether a final edit of theirs is still due. */
const flagged = (c: number) => c % 200 === 3;
const finalDue = (c: number) => c % 400 === 3;
const claimDue = (c: number) => c % 600 === 3;

/**
 * Every process clears, every 5 minutes, the channel flags of finished cohorts no final board edit is due for. Finished
 * cohorts pile up for good: the sweep seeks the flagged ones in an index, never reads every finished cohort's row,
 * whichever database, and its statements' parameters do not grow with them.
 */
describe("the finished cohorts' channel flags cleared once no final edit is due", () => {
  let handle: TestDatabaseHandle;
  let cohorts: CohortRepository;
  let ids: number[];
  let activeFlagged: number;

  beforeAll(async () => {
    handle = await openTestDatabase();
    cohorts = new CohortRepository(handle.prisma, handle.target.provider);
    const curriculumId = (await createCurriculumRow(handle.prisma, "flags", 1)).id;
    await handle.prisma.cohort.createMany({
      data: Array.from({ length: finishedCount }, (_, c) => ({
        guildId: "1",
        channelId: "2",
        name: `Cohort ${c}`,
        nameKey: `cohort ${c}`,
        startDate: "2026-01-05",
        curriculumId,
        status: "finished",
        channelProblem: flagged(c) ? (c % 2 === 0 ? "channel_missing" : "no_permission") : null,
      })),
    });
    ids = (await handle.prisma.cohort.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
    await handle.prisma.scheduledPost.createMany({
      data: ids.map((cohortId, c) => ({
        cohortId,
        kind: "week",
        period: "week-1",
        dueAt: longAgo,
        status: "sent",
        boardMessageId: `${c}`,
        boardChannelId: "2",
        boardLiveUntil: finalDue(c) ? weekEnd : null,
        boardClaimedEnd: claimDue(c) ? weekEnd : null,
        boardEditedAt: longAgo,
      })),
    });
    activeFlagged = (
      await handle.prisma.cohort.create({
        data: {
          guildId: "1",
          channelId: "2",
          name: "Running",
          nameKey: "running",
          startDate: "2027-01-04",
          curriculumId,
          channelProblem: "no_permission",
        },
      })
    ).id;
    // Statistics as the bot's databases have them: PostgreSQL's autovacuum gathers them, nothing analyzes SQLite's file.
    if (handle.target.provider === "postgresql") await handle.prisma.$executeRawUnsafe("ANALYZE");
  }, 120_000);

  afterAll(async () => handle.closeAndDrop());

  it("seeks the flagged finished cohorts in an index and clears only those with no final edit due", async () => {
    const counter = StatementCounter.install();
    let cleared = 0;
    const statements = await counter
      .duringWithParameters(async () => {
        cleared = await cohorts.clearFinishedFlags(endedAfter);
      })
      .finally(() => counter.uninstall());
    const stillFlagged = (await handle.prisma.cohort.findMany({ where: { channelProblem: { not: null } }, orderBy: { id: "asc" } })).map(
      (row) => row.id,
    );
    const kept = ids.filter((_, c) => flagged(c) && (finalDue(c) || claimDue(c)));
    expect(stillFlagged).toEqual([...kept, activeFlagged]);
    expect(cleared).toBe(ids.filter((_, c) => flagged(c)).length - kept.length);
    for (const statement of statements) expect(statement.parameters.length).toBeLessThan(12);
    const cohortReads = statementsOn(statements, "Cohort");
    expect(cohortReads.length).toBeGreaterThan(0);
    for (const read of cohortReads) {
      if (handle.target.provider === "sqlite") {
        // The flag in the seek, not only the status (every finished cohort's row read for its flag).
        for (const step of await sqliteStepsOn(handle, read, "Cohort"))
          expect(step).toMatch(/^SEARCH .*USING (COVERING )?INDEX \w+ \(status=\? AND channelProblem/);
      } else expect(await postgresPlanOn(handle, read, "Cohort")).toMatch(/"Index Name":"Cohort_status_channelProblem_idx"/);
    }
  });
});
