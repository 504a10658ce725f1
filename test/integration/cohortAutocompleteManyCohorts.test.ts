import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cohortNameKey } from "../../src/domain/cohort/cohortNameKey.js";
import { CURRENT_PLAN_RULE } from "../../src/domain/schedule/scheduleTypes.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";

/**
 * A server with more cohorts than autocomplete reads (the 1,000 newest): a cohort older than all of them is still
 * found by typing part of its name, also with other capitals or without its accents, and in a member's own choices.
 */
describe("cohort autocomplete on a server with over 1,000 cohorts", () => {
  let test: TestApp;
  const guildId = "many";

  beforeAll(async () => {
    test = await startTestApp({ schedulerTickCron: null });
    const { prisma } = test.app.database;
    const curriculumId = (await createCurriculumRow(prisma, "many-cohorts", 4)).id;
    const row = (name: string) => ({
      guildId,
      channelId: "2",
      name,
      nameKey: cohortNameKey(name),
      startDate: "2027-03-01",
      planRule: CURRENT_PLAN_RULE,
      curriculumId,
    });
    // The old ones first: every later cohort is newer.
    for (const name of ["Old Timers Club", "Índices Antiguos", "Straße Gang"]) {
      const old = await prisma.cohort.create({ data: row(name) });
      await prisma.member.create({ data: { cohortId: old.id, userId: "ada", displayName: "Ada" } });
    }
    const newer = Array.from({ length: 1_050 }, (_, at) => row(`Bulk ${at + 1}`));
    for (let at = 0; at < newer.length; at += 250) await prisma.cohort.createMany({ data: newer.slice(at, at + 250) });
  }, 120_000);
  afterAll(async () => test.close());

  const names = async (query: string, scope: "guild" | "joined") =>
    (await test.app.services.cohorts.suggest(guildId, "ada", query, scope)).map((choice) => choice.name);

  it("finds an old cohort by part of its name, in any capitals, with or without accents", async () => {
    expect(await names("timers", "guild")).toEqual(["Old Timers Club"]);
    expect(await names("CLUB old", "guild")).toEqual(["Old Timers Club"]);
    expect(await names("indices", "guild")).toEqual(["Índices Antiguos"]);
    expect(await names("ÍNDICES anti", "guild")).toEqual(["Índices Antiguos"]);
    expect(await names("straße", "guild")).toEqual(["Straße Gang"]);
    expect(await names("timers", "joined")).toEqual(["Old Timers Club"]);
  });

  it("still offers the newest ones, best matches first", async () => {
    expect((await names("bulk 1050", "guild"))[0]).toBe("Bulk 1050");
    expect(await names("", "guild")).toHaveLength(25);
  });
});
