import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ItemKind } from "../../src/domain/curriculum/curriculumModel.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";
import { createCohortRow } from "../helpers/cohortRows.js";

const learningPath = fs.readFileSync(new URL("../../prisma/seed/backend-engineer-learning-path.txt", import.meta.url), "utf8");
const itemLine = /^- \[ \] (Required|Optional|Reference) -- /;
const rawItemCount = learningPath.split("\n").filter((line) => itemLine.test(line)).length;

describe("curriculum import into a real SQLite file", () => {
  let test: TestApp | undefined;
  afterEach(async () => {
    await test?.close();
    test = undefined;
  });

  it("seeds both built-in curricula on first start, with every item of the documents", async () => {
    test = await startTestApp();
    const curricula = test.app.services.curricula;
    const list = await curricula.list(null);
    expect(list.map((entry) => entry.slug).sort()).toEqual(["backend-engineer-complete-mastery-path", "backend-engineer-learning-path"]);
    const twelve = await curricula.show("backend-engineer-learning-path", null);
    const items = twelve?.sections.flatMap((section) => section.items) ?? [];
    expect(items).toHaveLength(rawItemCount);
    expect(twelve?.totalWeeks).toBe(12);
    const mastery = await curricula.show("backend-engineer-complete-mastery-path", null);
    expect(mastery?.totalWeeks).toBe(36);
    expect(JSON.stringify(mastery)).not.toMatch(/‚Ä|üöÄ|‚Üì|‚úÖ/);
  });

  it("importing the same document again changes nothing", async () => {
    test = await startTestApp();
    const before = await test.app.services.curricula.show("backend-engineer-learning-path", null);
    const result = await test.app.services.curricula.importDocument(learningPath, "");
    expect(result.ok && result.summary.outcome).toBe("unchanged");
    const after = await test.app.services.curricula.show("backend-engineer-learning-path", null);
    expect(after).toEqual(before);
  });

  it("a file whose titles hold invisible characters keeps them as written, so importing it again changes nothing", async () => {
    test = await startTestApp();
    const prisma = test.app.database.prisma;
    const text =
      "Zero\u200bwidth Path\nWeek 1: Ba\u00adsics\n- [ ] Required -- First\u200b read (5 min)\n- [ ] Required -- Hy\u00adphen (5 min)\n";
    const first = await test.app.services.curricula.importDocument(text, "");
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    const countsBefore = [await prisma.curriculum.count(), await prisma.item.count()];
    const itemsBefore = await prisma.item.findMany({
      orderBy: { id: "asc" },
      where: { title: { in: ["First\u200b read", "Hy\u00adphen"] } },
    });
    expect(itemsBefore).toHaveLength(2);

    const again = await test.app.services.curricula.importDocument(text, "");
    expect(again.ok && again.summary.outcome).toBe("unchanged");
    expect([await prisma.curriculum.count(), await prisma.item.count()]).toEqual(countsBefore);
    const itemsAfter = await prisma.item.findMany({
      orderBy: { id: "asc" },
      where: { title: { in: ["First\u200b read", "Hy\u00adphen"] } },
    });
    expect(itemsAfter.map((item) => [item.id, item.retired])).toEqual(itemsBefore.map((item) => [item.id, false]));
  });

  it("a changed document updates the curriculum and keeps members' completions of items that still exist", async () => {
    test = await startTestApp();
    const prisma = test.app.database.prisma;
    const stored = await test.app.services.curricula.show("backend-engineer-learning-path", null);
    const items = stored?.sections.flatMap((section) => section.items) ?? [];
    const kept = items.find((item) => item.title === "Storage Engines");
    const dropped = items.find((item) => item.title === "MVCC");
    const untouched = items.find((item) => item.title === "NewSQL");
    if (stored === null || kept === undefined || dropped === undefined || untouched === undefined) throw new Error("seed missing items");

    const cohort = await createCohortRow(prisma, stored.id, {
      guildId: "100000000000000001",
      channelId: "100000000000000002",
      name: "Spring",
      startDate: "2027-01-04",
    });
    const member = await prisma.member.create({ data: { cohortId: cohort.id, userId: "100000000000000003" } });
    for (const item of [kept, dropped]) {
      await prisma.completion.create({
        data: {
          memberId: member.id,
          cohortId: cohort.id,
          itemId: item.id,
          completedAt: new Date("2027-01-05T10:00:00Z"),
          weekNumber: 1,
          points: 30,
        },
      });
    }

    const changed = learningPath
      .replace("- [ ] Required -- Storage Engines (30 min)", "- [ ] Required -- Storage Engines (45 min)")
      .replace("- [ ] Required -- MVCC (20 min)\n", "")
      .replace("- [ ] Optional -- NewSQL (15 min)\n", "")
      .replace("- [ ] Required -- Replication (30 min)", "- [ ] Required -- Replication (30 min)\n- [ ] Required -- Consensus (40 min)");
    const result = await test.app.services.curricula.importDocument(changed, "");
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.summary.outcome).toBe("updated");
    expect(result.summary.retiredItems).toBe(1);
    expect(result.summary.removedItems).toBe(1);

    const after = await test.app.services.curricula.show("backend-engineer-learning-path", null);
    const afterItems = after?.sections.flatMap((section) => section.items) ?? [];
    const storageEngines = afterItems.find((item) => item.title === "Storage Engines");
    expect(storageEngines?.id).toBe(kept.id);
    expect(storageEngines?.minutes).toBe(45);
    expect(afterItems.some((item) => item.title === "Consensus" && item.kind === ItemKind.Required)).toBe(true);
    expect(afterItems.some((item) => item.title === "MVCC")).toBe(false);
    expect(afterItems.some((item) => item.title === "NewSQL")).toBe(false);
    // Both completions survive, including the one of the item that left the document.
    const completions = await prisma.completion.findMany({ where: { memberId: member.id }, orderBy: { itemId: "asc" } });
    expect(completions.map((row) => row.itemId)).toEqual([kept.id, dropped.id].sort((a, b) => a - b));
    expect(await prisma.item.findUnique({ where: { id: untouched.id } })).toBeNull();
  });

  it("refuses a malformed document whole, with line numbers, and writes nothing", async () => {
    test = await startTestApp();
    const prisma = test.app.database.prisma;
    const countsBefore = [await prisma.curriculum.count(), await prisma.section.count(), await prisma.item.count()];
    const broken = learningPath.replace("- [ ] Required -- Sharding (30 min)", "- [ ] Required -- Sharding (thirty min)");
    const result = await test.app.services.curricula.importDocument(broken, "");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = broken.split("\n").findIndex((text) => text.includes("Sharding (thirty")) + 1;
    expect(result.problems.map((problem) => problem.line)).toContain(line);
    expect([await prisma.curriculum.count(), await prisma.section.count(), await prisma.item.count()]).toEqual(countsBefore);
  });

  it("keeps a guild's own import out of other guilds' lists", async () => {
    test = await startTestApp();
    const own = learningPath.replace("Backend Engineer Learning Path", "Guild Special Path");
    const result = await test.app.services.curricula.importDocument(own, "200000000000000001");
    expect(result.ok).toBe(true);
    expect((await test.app.services.curricula.list("200000000000000001")).map((entry) => entry.slug)).toContain("guild-special-path");
    expect((await test.app.services.curricula.list("200000000000000002")).map((entry) => entry.slug)).not.toContain("guild-special-path");
    expect(await test.app.services.curricula.show("guild-special-path", "200000000000000002")).toBeNull();
  });
});
