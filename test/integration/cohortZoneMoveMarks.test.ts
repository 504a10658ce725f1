import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReminderRepository } from "../../src/db/repositories/ReminderRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";

/**
 * A cohort zone move marks the reminder days of every member who follows the cohort's zone: those without a
 * zone of their own and those whose stored zone this runtime does not know (memberTimeZone), however many
 * such zones there are (more than one statement's list holds); a member with a known zone of their own keeps
 * their reminders, and every stored zone stays as it was.
 */
describe("the reminder marks of a cohort zone move", () => {
  let database: TestDatabaseHandle;
  let cohortId: number;
  // More unknown zones than one `IN (…)` list takes (500), so the move needs a second group of statements.
  const unknownZones = Array.from({ length: 502 }, (_, index) => `Nowhere/Zone_${String(index).padStart(3, "0")}`);
  const lastUnknown = `u${unknownZones.length - 1}`;

  const markedUsers = async (localDate: string, reason: string) =>
    (
      await database.prisma.reminderDelivery.findMany({
        where: { localDate, lastError: reason, status: "skipped" },
        select: { member: { select: { userId: true } } },
      })
    ).map((row) => row.member.userId);

  beforeAll(async () => {
    database = await openTestDatabase();
    const curriculum = await createCurriculumRow(database.prisma, "zones", 4);
    cohortId = (await createCohortRow(database.prisma, curriculum.id, { timeZone: "UTC" })).id;
    await database.prisma.member.createMany({
      data: [
        ...unknownZones.map((zone, index) => ({ cohortId, userId: `u${index}`, remindTime: "08:00", remindTimeZone: zone })),
        { cohortId, userId: "follower", remindTime: "08:00", remindTimeZone: null },
        { cohortId, userId: "tokyo", remindTime: "08:00", remindTimeZone: "Asia/Tokyo" },
      ],
    });
    // Marks an earlier setting left, in the old zone's dates: the move replaces the followers' ones.
    const members = await database.prisma.member.findMany({ where: { userId: { in: [lastUnknown, "follower", "tokyo"] } } });
    await database.prisma.reminderDelivery.createMany({
      data: members.map((member) => ({
        memberId: member.id,
        localDate: "2027-03-03",
        status: "skipped",
        claimedAt: new Date("2027-03-03T12:00:00Z"),
        lastError: "an earlier setting",
      })),
    });
  });

  afterAll(async () => database.closeAndDrop());

  it("marks every follower, whatever the number of unknown zones, replaces their earlier marks, and keeps the stored zones", async () => {
    const reminders = new ReminderRepository(database.prisma, database.target.provider, new SerialWriteQueue());
    const moved = await reminders.updateCohortMovingZone(
      cohortId,
      { language: "es" },
      [{ localDate: "2027-03-04", upTo: "23:59", reason: "moved" }],
      new Date("2027-03-05T10:00:00Z"),
      ["an earlier setting"],
    );
    expect(moved?.language).toBe("es");
    const marked = await markedUsers("2027-03-04", "moved");
    expect(marked).toHaveLength(unknownZones.length + 1);
    expect(marked).toEqual(expect.arrayContaining(["u0", lastUnknown, "follower"]));
    expect(marked).not.toContain("tokyo");
    expect(await markedUsers("2027-03-03", "an earlier setting")).toEqual(["tokyo"]);
    const stored = await database.prisma.member.findMany({ where: { userId: { in: ["u0", lastUnknown] } }, orderBy: { userId: "asc" } });
    expect(stored.map((member) => member.remindTimeZone)).toEqual([unknownZones[0], unknownZones.at(-1)]);
  });
});
