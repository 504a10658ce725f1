import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReminderRepository } from "../../src/db/repositories/ReminderRepository.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { StatementCounter } from "../helpers/statementCounter.js";

const joinedAt = new Date("2027-01-05T12:00:00Z");

/**
 * Who is still to be told about refused reminder DMs is read after commands (at most every 30 seconds) in every
 * process: one statement that searches the notice columns' indexes, never every member's row, and whose parameters
 * do not grow with the number of cohorts holding such members.
 */
describe("the members still to be told about refused reminders", () => {
  let handle: TestDatabaseHandle;
  let reminders: ReminderRepository;

  beforeAll(async () => {
    handle = await openTestDatabase();
    reminders = new ReminderRepository(handle.prisma, handle.target.provider);
    const curriculumId = (await createCurriculumRow(handle.prisma, "notices", 1)).id;
    const north = (await createCohortRow(handle.prisma, curriculumId, { name: "North", guildId: "111111111111111111" })).id;
    const south = (await createCohortRow(handle.prisma, curriculumId, { name: "South", guildId: "222222222222222222" })).id;
    await handle.prisma.member.createMany({
      data: [
        { cohortId: north, userId: "off", displayName: "Off", joinedAt, remindDisabledNotice: true },
        { cohortId: south, userId: "refused", displayName: "Refused", joinedAt, remindRefusedNotice: true },
        { cohortId: south, userId: "quiet", displayName: "Quiet", joinedAt },
      ],
    });
  });

  afterAll(async () => {
    await handle.closeAndDrop();
  });

  it("are each member with a notice, with their server, read in one statement through the indexes", async () => {
    const counter = StatementCounter.install();
    const statements = await counter
      .during(async () => {
        const pending = await reminders.pendingNotices();
        expect([...pending].sort((a, b) => a.userId.localeCompare(b.userId))).toEqual([
          { guildId: "111111111111111111", userId: "off" },
          { guildId: "222222222222222222", userId: "refused" },
        ]);
      })
      .finally(() => counter.uninstall());
    expect(statements).toHaveLength(1);
    const [read] = statements;
    if (handle.target.provider === "sqlite") {
      const plan = (await handle.prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${read ?? ""}`)).map((row) => row.detail);
      const memberSteps = plan.filter((detail) => /Member|\bm\b/.test(detail));
      expect(memberSteps.length).toBeGreaterThan(0);
      for (const step of memberSteps) expect(step).toMatch(/INDEX Member_remind(Disabled|Refused)Notice_idx/);
    } else {
      // A handful of rows: without this the planner would scan the table whatever the indexes.
      const plan = await handle.prisma.$transaction(async (transaction) => {
        await transaction.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        return JSON.stringify(await transaction.$queryRawUnsafe<unknown[]>(`EXPLAIN (FORMAT JSON) ${read ?? ""}`));
      });
      expect(plan).toContain("Member_remindDisabledNotice_idx");
      expect(plan).toContain("Member_remindRefusedNotice_idx");
      expect(plan).not.toMatch(/Seq Scan[^}]*"Relation Name": "Member"/);
    }
  });
});
