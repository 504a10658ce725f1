import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";

/**
 * `/remind` zones a later time-zone database dropped are cleared at start-up, so those members follow
 * their cohort's zone by the same rule everywhere; the zones the runtime knows stay as the members chose.
 */
describe("clearing stored reminder zones the runtime does not know", () => {
  let database: TestDatabaseHandle;
  let members: MemberRepository;
  // Unknown and known zones interleaved in name order, so each small batch holds both.
  const zoneOf = {
    ada: "Africa/Atlantis",
    ben: "Asia/Tokyo",
    cara: "Europe/Berlin",
    dan: "Europe/Lemuria",
    eve: "Europe/Lemuria",
    fay: "Mars/Olympus_Mons",
    gus: null,
    hal: "UTC",
  } as const;

  const storedZones = async () =>
    Object.fromEntries(
      (await database.prisma.member.findMany({ orderBy: { userId: "asc" } })).map((member) => [member.userId, member.remindTimeZone]),
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    const curriculum = await createCurriculumRow(database.prisma, "zones", 4);
    const cohort = await createCohortRow(database.prisma, curriculum.id, { guildId: "g1", channelId: "c1", name: "Zones" });
    for (const [userId, remindTimeZone] of Object.entries(zoneOf))
      await database.prisma.member.create({ data: { cohortId: cohort.id, userId, remindTime: "08:00", remindTimeZone } });
    members = new MemberRepository(database.prisma, new SerialWriteQueue(), database.hotReader);
  });

  afterAll(async () => database.closeAndDrop());

  it("clears every unknown zone across batches, counts the members, and keeps the known ones", async () => {
    expect(await members.clearUnknownReminderZones(2)).toBe(4);
    expect(await storedZones()).toEqual({
      ada: null,
      ben: "Asia/Tokyo",
      cara: "Europe/Berlin",
      dan: null,
      eve: null,
      fay: null,
      gus: null,
      hal: "UTC",
    });
  });

  it("finds nothing to clear the next time", async () => {
    expect(await members.clearUnknownReminderZones(2)).toBe(0);
  });
});
