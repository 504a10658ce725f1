import { describe, expect, it } from "vitest";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { PrivacyRepository } from "../../src/db/repositories/PrivacyRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { withOtherSession } from "../helpers/withOtherSession.js";
import { holdCohortRow, untilLockWaitOr } from "../helpers/postgresSessions.js";

const postgres = process.env.TEST_DATABASE === "postgresql";

/**
 * A member's deletion against another process's write that holds their cohort's row and then writes its
 * members' rows (the final board being kept, CohortRepository.saveFinalBoard; an attach or a /remind take
 * the cohort's row first too). On PostgreSQL the deletion takes the cohort's row before any post or member
 * row, so it waits for the other write instead of deadlocking with it. On SQLite one write holds the file
 * at a time: there is no such interleaving to test.
 */
describe.runIf(postgres)("PrivacyRepository.deleteMember: the cohort's row first", () => {
  const database = withOtherSession();

  it("waits for a write that holds the cohort and then writes its members, and both commit", async () => {
    const { handle, other } = database;
    const now = new Date("2027-04-05T09:00:00Z");
    const curriculum = await createCurriculumRow(handle.prisma, "lock-order", 4);
    // The member created the cohort: the deletion also clears the cohort's creator (a write on its row).
    const cohort = await createCohortRow(handle.prisma, curriculum.id, { name: "Locks", createdBy: "ada" });
    const members = new MemberRepository(handle.prisma, new SerialWriteQueue(), handle.hotReader, handle.target.provider);
    await members.join(cohort.id, "ada", "Ada", now);
    await members.join(cohort.id, "bob", "Bob", now);

    // The other process: the cohort's row, then (after the deletion has started) every member's row.
    await holdCohortRow(other, cohort.id);
    let finished = false;
    const deletion = new PrivacyRepository(handle.prisma, handle.target.provider)
      .deleteMember("1", "ada", now)
      .then(
        (result) => result.memberships,
        (error: unknown) => error,
      )
      .finally(() => {
        finished = true;
      });
    await untilLockWaitOr(handle, () => finished);
    const written = await other.query(`UPDATE "Member" SET "finalPoints" = "points" WHERE "cohortId" = $1`, [cohort.id]).then(
      (result) => result.rowCount,
      (error: unknown) => error,
    );
    await other.query("COMMIT");

    // Both went through: the other write saw both members (the deletion had not taken Ada's row), then Ada went.
    expect(written).toBe(2);
    expect(await deletion).toBe(1);
    const left = await handle.prisma.member.findMany({ where: { cohortId: cohort.id }, select: { userId: true } });
    expect(left.map((row) => row.userId)).toEqual(["bob"]);
    expect((await handle.prisma.cohort.findUnique({ where: { id: cohort.id } }))?.createdBy).toBe("");
  });
});
