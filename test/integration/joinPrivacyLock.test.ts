import { describe, expect, it } from "vitest";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { withOtherSession } from "../helpers/withOtherSession.js";
import { holdCohortRow, untilLockWaitOr } from "../helpers/postgresSessions.js";

const postgres = process.env.TEST_DATABASE === "postgresql";

/**
 * A join reads the member's server-wide `/privacy` choices and writes the new membership in one transaction,
 * after taking the member's cohorts' rows, as `/privacy` does (PrivacyRepository.updateSettings): a change
 * another process is committing meanwhile is waited for, not overwritten with the value from before it. On
 * SQLite one write holds the file at a time: there is no such interleaving to test.
 */
describe.runIf(postgres)("MemberRepository.join against a /privacy change committing in another process", () => {
  const database = withOtherSession();

  it("waits for it, and the cohort joined takes on the new choices", async () => {
    const { handle, other } = database;
    const now = new Date("2027-04-05T09:00:00Z");
    const curriculum = await createCurriculumRow(handle.prisma, "join-lock", 4);
    const first = await createCohortRow(handle.prisma, curriculum.id, { name: "First" });
    const second = await createCohortRow(handle.prisma, curriculum.id, { name: "Second" });
    const members = new MemberRepository(handle.prisma, new SerialWriteQueue(), handle.hotReader, handle.target.provider);
    await members.join(first.id, "ada", "Ada", now);

    // The other process's /privacy leaderboard:hidden nudges:off: the member's cohorts first, then their memberships.
    await holdCohortRow(other, first.id);
    await other.query(`UPDATE "Member" SET "boardVisibility" = 'hidden', "nudges" = false WHERE "userId" = 'ada'`);
    let finished = false;
    const joining = members.join(second.id, "ada", "Ada", now).finally(() => {
      finished = true;
    });
    await untilLockWaitOr(handle, () => finished);
    await other.query("COMMIT");

    const joined = await joining;
    expect(joined.outcome).toBe("joined");
    const rows = await handle.prisma.member.findMany({
      where: { userId: "ada" },
      orderBy: { id: "asc" },
      select: { boardVisibility: true, nudges: true },
    });
    expect(rows).toEqual([
      { boardVisibility: "hidden", nudges: false },
      { boardVisibility: "hidden", nudges: false },
    ]);
  });
});
