import { afterEach, describe, expect, it } from "vitest";
import { createCohortRow } from "../helpers/cohortRows.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";

/** A departure row whose server id is not a Discord id (as an older version, or a hand edit, may have stored). */
const oddStoredId = "12345";
const departed = "100000000000000021";

describe("the scheduler's due server deletions", () => {
  let test: TestApp | undefined;
  afterEach(async () => {
    await test?.close();
    test = undefined;
  });

  /**
   * A cohort of the departed server, due for deletion, and before its departure (older, so first in the tick) one of
   * `storedId`, as an older version or a hand edit may have stored it.
   */
  const dueAfter = async (storedId: string) => {
    const started = await startTestApp();
    test = started;
    const prisma = started.app.database.prisma;
    const curriculum = await prisma.curriculum.findFirstOrThrow({ where: { slug: "backend-engineer-learning-path" } });
    await createCohortRow(prisma, curriculum.id, {
      guildId: departed,
      channelId: "100000000000000022",
      name: "Night Owls",
      startDate: "2027-04-05",
    });
    for (const [guildId, day] of [
      [storedId, "01"],
      [departed, "02"],
    ] as const) {
      await prisma.guildDeparture.create({
        data: { guildId, leftAt: new Date(`2027-04-${day}T00:00:00Z`), purgeAt: new Date(`2027-05-${day}T00:00:00Z`) },
      });
    }
    const purged = await started.app.services.privacy.purgeDue(new Date("2027-06-01T00:00:00Z"));
    return { prisma, purged };
  };

  // The id check is for ids an operator types: one odd stored row must not stop the tick's other deletions.
  it("deletes every due server's data, also after a stored id that is not a Discord id", async () => {
    const { prisma, purged } = await dueAfter(oddStoredId);
    expect(purged).toBe(2);
    expect(await prisma.cohort.count({ where: { guildId: departed } })).toBe(0);
    expect(await prisma.guildDeparture.count()).toBe(0);
  });

  // "" is the built-in curricula's scope, never a server's: such a row is dropped, the others still deleted.
  it("drops a stored departure with an empty server id and deletes the other due servers", async () => {
    const { prisma, purged } = await dueAfter("");
    expect(purged).toBe(1);
    expect(await prisma.cohort.count({ where: { guildId: departed } })).toBe(0);
    expect(await prisma.guildDeparture.count()).toBe(0);
    expect(await prisma.curriculum.count({ where: { slug: "backend-engineer-learning-path" } })).toBe(1);
  });
});
