import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { PrivacyRepository } from "../../src/db/repositories/PrivacyRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { BoardVisibility } from "../../src/domain/privacy/boardPresentation.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";

/**
 * A member of two long cohorts (520 weekly posts sent in each: more posts than SQLite binds in one statement)
 * who scored in week 3 hides from the boards, then deletes their data: both go through, and the posts that
 * show them (week 3's and week 4's, which shows week 3's top five) are flagged for the scheduler's redraw.
 */
const weeksPosted = 520;

describe("/privacy leaderboard:hidden and /privacy delete with many weekly posts sent", () => {
  let handle: TestDatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => handle.closeAndDrop());

  it("flag the posts that show the member in both cohorts", async () => {
    const now = new Date("2037-01-05T09:00:00Z");
    const curriculum = await createCurriculumRow(handle.prisma, "many-weeks", 4);
    const members = new MemberRepository(handle.prisma, new SerialWriteQueue(), handle.hotReader, handle.target.provider);
    const cohortIds: number[] = [];
    for (const name of ["Long A", "Long B"]) {
      const cohort = await createCohortRow(handle.prisma, curriculum.id, { name });
      cohortIds.push(cohort.id);
      const { member } = await members.join(cohort.id, "ada", "Ada", new Date("2027-03-01T09:00:00Z"));
      await handle.prisma.weeklyScore.create({
        data: { memberId: member.id, cohortId: cohort.id, weekNumber: 3, points: 12, reachedAt: new Date("2027-03-15T10:00:00Z") },
      });
      await handle.prisma.scheduledPost.createMany({
        data: Array.from({ length: weeksPosted }, (_, index) => ({
          cohortId: cohort.id,
          kind: "week",
          period: `week-${index + 1}`,
          dueAt: new Date("2027-03-01T09:00:00Z"),
          status: "sent",
          messageId: `m-${cohort.id}-${index + 1}`,
        })),
      });
    }
    const privacy = new PrivacyRepository(handle.prisma, handle.target.provider);
    const flagged = async () =>
      (
        await handle.prisma.scheduledPost.findMany({
          where: { nextAttemptAt: { not: null } },
          select: { cohortId: true, period: true },
          orderBy: { id: "asc" },
        })
      ).map((post) => `${post.cohortId}:${post.period}`);
    const expected = cohortIds.flatMap((id) => [`${id}:week-3`, `${id}:week-4`]);

    expect(await privacy.updateSettings("1", "ada", { boardVisibility: BoardVisibility.Hidden }, now)).toBe(2);
    expect(await flagged()).toEqual(expected);

    await handle.prisma.scheduledPost.updateMany({ data: { nextAttemptAt: null } });
    expect((await privacy.deleteMember("1", "ada", now)).memberships).toBe(2);
    expect(await flagged()).toEqual(expected);
  });
});
