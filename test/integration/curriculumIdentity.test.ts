import { afterEach, describe, expect, it } from "vitest";
import { CheckpointRepository } from "../../src/db/repositories/CheckpointRepository.js";
import { CurriculumRepository } from "../../src/db/repositories/CurriculumRepository.js";
import type { ParseResult } from "../../src/domain/curriculum/curriculumModel.js";
import { parseCurriculum } from "../../src/domain/curriculum/parse/parseCurriculum.js";
import { ProblemCode } from "../../src/domain/curriculum/parse/problemCodes.js";
import { isUserError, type UserError } from "../../src/errors.js";
import { CurriculumService } from "../../src/services/CurriculumService.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";
import { createCohortRow } from "../helpers/cohortRows.js";

const guildId = "400000000000000001";
const adminId = "400000000000000009";
const readerId = "400000000000000003";
const now = new Date("2027-01-05T10:00:00Z");
const longPrefix = "Understanding distributed consensus protocols in practice with";

/** A learning path from its week headings and item titles (every item Required, 20 min). */
function document(sections: readonly { heading: string; items: readonly string[] }[]): string {
  const lines = ["Identity Path", "Titles that share a slug, for the tests."];
  for (const section of sections) {
    lines.push(section.heading, ...section.items.map((title) => `- [ ] Required -- ${title} (20 min)`));
  }
  return `${lines.join("\n")}\n`;
}

const basics = ["C++ Basics", "C# Basics", "C Basics", `${longPrefix} Raft`, `${longPrefix} Paxos`];
const original = document([
  { heading: "Week 1: Languages", items: basics },
  { heading: "Week 2: More", items: ["Closing Notes"] },
]);

describe("an item keeps its identity (and its completions) across re-imports", () => {
  let test: TestApp | undefined;
  afterEach(async () => {
    await test?.close();
    test = undefined;
  });

  /** The curriculum imported by the guild, a cohort on it and one member who completed `done`. */
  async function withCompletion(...done: string[]) {
    test = await startTestApp();
    const app = test.app;
    const imported = await app.services.curricula.importDocument(original, guildId);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const prisma = app.database.prisma;
    const cohort = await createCohortRow(prisma, imported.summary.curriculum.id, {
      guildId,
      channelId: "400000000000000002",
      name: "Spring",
      startDate: "2027-01-04",
    });
    await prisma.member.create({ data: { cohortId: cohort.id, userId: readerId } });
    const request = { guildId, userId: readerId, cohort: "Spring", now };
    for (const title of done) await app.services.study.complete({ ...request, item: title });
    const member = async () => prisma.member.findFirstOrThrow({ where: { userId: readerId } });
    /** The titles of the items the member's completions point at, and whether members still see them. */
    const completed = async () =>
      (
        await prisma.completion.findMany({
          where: { memberId: (await member()).id },
          include: { item: true },
          orderBy: { id: "asc" },
        })
      ).map((row) => ({ title: row.item.title, retired: row.item.retired }));
    const reimport = async (text: string) => {
      const result = await app.services.curricula.importDocument(text, guildId);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.summary;
    };
    return { app, prisma, request, member, completed, reimport };
  }

  it("deleting one of three titles that share a slug leaves the others' completions where they are", async () => {
    const world = await withCompletion("C Basics", "C# Basics");
    await world.reimport(original.replace("- [ ] Required -- C++ Basics (20 min)\n", ""));
    expect(await world.completed()).toEqual([
      { title: "C Basics", retired: false },
      { title: "C# Basics", retired: false },
    ]);
  });

  it("swapping two lines does not move a completion to the other item", async () => {
    const world = await withCompletion("C++ Basics");
    const swapped = original.replace(
      "C++ Basics (20 min)\n- [ ] Required -- C# Basics",
      "C# Basics (20 min)\n- [ ] Required -- C++ Basics",
    );
    expect(swapped).not.toBe(original);
    const summary = await world.reimport(swapped);
    expect(summary.retiredItems + summary.removedItems).toBe(0);
    expect(await world.completed()).toEqual([{ title: "C++ Basics", retired: false }]);
  });

  it("long titles sharing their first 60 characters stay two items", async () => {
    const world = await withCompletion(`${longPrefix} Paxos`);
    await world.reimport(original.replace(`- [ ] Required -- ${longPrefix} Raft (20 min)\n`, ""));
    expect(await world.completed()).toEqual([{ title: `${longPrefix} Paxos`, retired: false }]);
  });

  it("widening a section's weeks keeps its members' progress and pays no second time", async () => {
    const world = await withCompletion("C Basics");
    const pointsBefore = (await world.member()).points;
    expect(pointsBefore).toBeGreaterThan(0);
    const summary = await world.reimport(
      original.replace("Week 1: Languages", "Week 1-2: Languages").replace("Week 2: More", "Week 3: More"),
    );
    expect(summary.retiredItems + summary.removedItems).toBe(0);
    expect(await world.completed()).toEqual([{ title: "C Basics", retired: false }]);
    const again = await world.app.services.study.complete({ ...world.request, item: "C Basics" });
    expect(again.alreadyDone).toBe(true);
    expect((await world.member()).points).toBe(pointsBefore);
    expect(await world.prisma.completion.count()).toBe(1);
  });

  it("an item that leaves and comes back is the same item again: no second completion", async () => {
    const world = await withCompletion("C# Basics");
    await world.reimport(original.replace("- [ ] Required -- C# Basics (20 min)\n", ""));
    expect(await world.completed()).toEqual([{ title: "C# Basics", retired: true }]);
    await world.reimport(original);
    expect(await world.completed()).toEqual([{ title: "C# Basics", retired: false }]);
    expect((await world.app.services.study.complete({ ...world.request, item: "C# Basics" })).alreadyDone).toBe(true);
  });

  it("a new title whose slug and ordinal a stored item already holds becomes an item of its own", async () => {
    const world = await withCompletion("C Basics");
    const text = original
      .replace("- [ ] Required -- C++ Basics (20 min)\n", "")
      .replace("C Basics (20 min)", "C Basics (20 min)\n- [ ] Required -- C-- Basics (20 min)");
    const summary = await world.reimport(text);
    expect(summary.items).toBe(6);
    const items = await world.prisma.item.findMany({
      where: { retired: false, curriculum: { scope: guildId } },
      orderBy: { position: "asc" },
    });
    expect(items.map((item) => item.title)).toEqual([
      "C# Basics",
      "C Basics",
      "C-- Basics",
      `${longPrefix} Raft`,
      `${longPrefix} Paxos`,
      "Closing Notes",
    ]);
    expect(new Set(items.map((item) => item.key)).size).toBe(6);
    expect(await world.completed()).toEqual([{ title: "C Basics", retired: false }]);
  });

  it("a section that leaves the document keeps its members' checkpoint answers, so exports still show them", async () => {
    const world = await withCompletion();
    const section = await world.prisma.section.findFirstOrThrow({ where: { title: "More" } });
    await world.prisma.checkpointAnswer.create({ data: { memberId: (await world.member()).id, sectionId: section.id, answer: "not_yet" } });
    await world.reimport(original.replace("Week 2: More", "Week 2: Wrap-up").replace("Closing Notes", "Final Review"));
    const answers = await world.prisma.checkpointAnswer.findMany({ select: { answer: true, section: { select: { title: true } } } });
    expect(answers).toEqual([{ answer: "not_yet", section: { title: "More" } }]);
  });

  it("a kept section's answered checkpoint no longer counts among the checkpoints the member answered", async () => {
    const world = await withCompletion();
    const withCheckpoints = original
      .replace("Week 2: More", "Checkpoint: I can tell the C languages apart.\nWeek 2: More")
      .concat("Checkpoint: I can wrap up.\n");
    const curriculumId = (await world.reimport(withCheckpoints)).curriculum.id;
    const sections = await world.prisma.section.findMany({
      where: { curriculumId, checkpoint: { not: null } },
      orderBy: { position: "asc" },
    });
    expect(sections.map((section) => section.title)).toEqual(["Languages", "More"]);
    const memberId = (await world.member()).id;
    for (const section of sections)
      await world.prisma.checkpointAnswer.create({ data: { memberId, sectionId: section.id, answer: "confident" } });
    await world.reimport(withCheckpoints.replace("Week 2: More", "Week 2: Wrap-up").replace("Closing Notes", "Final Review"));
    const checkpoints = new CheckpointRepository(world.prisma);
    expect(await checkpoints.countAnsweredIn(memberId, curriculumId)).toBe(1);
  });

  it("an item moved to another section keeps its completion", async () => {
    const world = await withCompletion("C Basics");
    const moved = original
      .replace("- [ ] Required -- C Basics (20 min)\n", "")
      .replace("Closing Notes (20 min)", "Closing Notes (20 min)\n- [ ] Required -- C Basics (20 min)");
    const summary = await world.reimport(moved);
    expect(summary.retiredItems + summary.removedItems).toBe(0);
    expect(await world.completed()).toEqual([{ title: "C Basics", retired: false }]);
  });
});

describe("a re-import from a server waits for its admin's confirmation", () => {
  let test: TestApp | undefined;
  afterEach(async () => {
    await test?.close();
    test = undefined;
  });

  async function imported() {
    test = await startTestApp();
    const curricula = test.app.services.curricula;
    const first = await curricula.startImport(original, guildId, adminId, now);
    expect(first.ok === true && first.summary.outcome).toBe("created");
    const state = async () => ({
      curriculum: await test?.app.database.prisma.curriculum.findMany(),
      items: await test?.app.database.prisma.item.findMany({ orderBy: { id: "asc" } }),
    });
    return { curricula, state };
  }

  async function refusal(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      if (isUserError(error)) return error.code;
      throw error;
    }
    throw new Error("expected a refusal");
  }

  it("shows the diff without writing, imports on confirm, and a second confirm imports nothing more", async () => {
    const { curricula, state } = await imported();
    const before = await state();
    const changed = original.replace("- [ ] Required -- C++ Basics (20 min)\n", "").replace("Closing Notes", "Final Notes");
    const start = await curricula.startImport(changed, guildId, adminId, now);
    if (start.ok !== "confirm") throw new Error("expected a confirmation");
    expect(start.confirmation.diff).toMatchObject({ added: 1, removed: 2, changed: 0, kept: 4, addedTitles: ["Final Notes"] });
    expect(await state()).toEqual(before);

    const request = { guildId, userId: adminId, pendingId: String(start.confirmation.pendingId), now };
    expect(await refusal(curricula.confirmImport({ ...request, userId: readerId }))).toBe("curriculumImport.notYours");
    // Either confirm may win the race: one applies, the other is refused as already applied.
    const settled = await Promise.allSettled([curricula.confirmImport(request), curricula.confirmImport(request)]);
    expect(settled.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = settled.find((outcome) => outcome.status === "rejected");
    expect(refused?.status === "rejected" && isUserError(refused.reason) && refused.reason.code).toBe("curriculumImport.alreadyApplied");
    const after = await state();
    expect(after.items?.map((item) => item.title)).not.toContain("C++ Basics");
    expect(await refusal(curricula.confirmImport(request))).toBe("curriculumImport.alreadyApplied");
    expect(await state()).toEqual(after);
  });

  it("refuses a stale confirm (the curriculum changed meanwhile), an expired one and a cancelled one, changing nothing", async () => {
    const { curricula, state } = await imported();
    const starts = await Promise.all(
      ["C++ Basics", "C# Basics", "C Basics", `${longPrefix} Raft`].map((title) =>
        curricula.startImport(original.replace(`- [ ] Required -- ${title} (20 min)\n`, ""), guildId, adminId, now),
      ),
    );
    const ids = starts.map((start) => (start.ok === "confirm" ? String(start.confirmation.pendingId) : ""));
    const request = (index: number, at = now) => ({ guildId, userId: adminId, pendingId: ids[index] ?? "", now: at });

    await curricula.confirmImport(request(0));
    const afterFirst = await state();
    expect(await refusal(curricula.confirmImport(request(1)))).toBe("curriculumImport.stale");
    expect(await state()).toEqual(afterFirst);

    const late = new Date(now.getTime() + 16 * 60_000);
    expect(await refusal(curricula.confirmImport(request(2, late)))).toBe("curriculumImport.expired");
    await curricula.cancelImport(request(3));
    expect(await refusal(curricula.confirmImport(request(3)))).toBe("curriculumImport.cancelled");
    expect(await refusal(curricula.confirmImport({ ...request(3), guildId: "400000000000000077" }))).toBe("curriculumImport.unknown");
    expect(await state()).toEqual(afterFirst);
  });

  it("says the importer itself failed, not that the curriculum changed, when it cannot read the document on confirm", async () => {
    const { state } = await imported();
    const prisma = test?.app.database.prisma;
    if (prisma === undefined) throw new Error("no app");
    // The parser worker's refusals (CurriculumParserThread): backed off, failed, timed out.
    let refusalOnConfirm: ParseResult | null = null;
    const parse = (text: string) => Promise.resolve(refusalOnConfirm ?? parseCurriculum(text));
    const curricula = new CurriculumService(new CurriculumRepository(prisma), captureLogger().logger, undefined, parse);
    const changed = original.replace("- [ ] Required -- C++ Basics (20 min)\n", "");
    const start = await curricula.startImport(changed, guildId, adminId, now);
    if (start.ok !== "confirm") throw new Error("expected a confirmation");
    const request = { guildId, userId: adminId, pendingId: String(start.confirmation.pendingId), now };
    const before = await state();

    refusalOnConfirm = { ok: false, problems: [{ line: 1, code: ProblemCode.ImporterUnavailable, params: { seconds: 7 } }] };
    const unavailable = await caught(curricula.confirmImport(request));
    expect(unavailable?.code).toBe("curriculumImport.importerUnavailable");
    expect(unavailable?.params).toEqual({ seconds: 7 });
    refusalOnConfirm = { ok: false, problems: [{ line: 1, code: ProblemCode.ParseTimedOut, params: { seconds: 30 } }] };
    expect((await caught(curricula.confirmImport(request)))?.code).toBe("curriculumImport.importerFailed");
    refusalOnConfirm = { ok: false, problems: [{ line: 1, code: ProblemCode.ImporterFailed, params: { reason: "worker stopped" } }] };
    expect((await caught(curricula.confirmImport(request)))?.code).toBe("curriculumImport.importerFailed");
    expect(await state()).toEqual(before);

    // Still pending: once the importer reads it again, the same Confirm imports it.
    refusalOnConfirm = null;
    await curricula.confirmImport(request);
    expect((await state()).items?.map((item) => item.title)).not.toContain("C++ Basics");
  });

  async function caught(promise: Promise<unknown>): Promise<UserError | null> {
    try {
      await promise;
      return null;
    } catch (error) {
      if (isUserError(error)) return error;
      throw error;
    }
  }
});
