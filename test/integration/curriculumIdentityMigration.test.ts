import { describe, expect, it } from "vitest";
import { openBeforeMigration } from "../helpers/openBeforeMigration.js";
import { testDatabaseProvider } from "../helpers/testDatabase.js";

/** The first migration of the new item identity; everything before it is the old key scheme's schema. */
const identityMigration = "20261203175839_pending_imports";
const guildId = "500000000000000001";
const adminId = "500000000000000009";
const now = new Date("2027-01-05T10:00:00Z");

const document = (languagesHeading: string, titles: readonly string[]) =>
  [
    "Old Scheme Path",
    "Stored before items had their new identity.",
    languagesHeading,
    ...titles.map((title) => `- [ ] Required -- ${title} (20 min)`),
    "Week 3: More",
    "- [ ] Required -- Closing Notes (20 min)",
    "",
  ].join("\n");

describe(`a ${testDatabaseProvider} database written with the old key scheme`, () => {
  const schema = openBeforeMigration(identityMigration);

  it("migrates without losing a row, and its items then keep their completions through a re-import", async () => {
    const old = await schema.open();
    // Rows exactly as the old importer keyed them: slug plus ordinal, week range in the section key.
    const curriculum = await old.prisma.curriculum.create({
      data: { scope: guildId, slug: "old-scheme-path", title: "Old Scheme Path", totalWeeks: 2, sourceHash: "old-hash" },
    });
    const section = await old.prisma.section.create({
      data: { curriculumId: curriculum.id, key: "w1-languages", position: 0, title: "Languages", weekStart: 1, weekEnd: 1 },
    });
    const more = await old.prisma.section.create({
      data: { curriculumId: curriculum.id, key: "w2-more", position: 1, title: "More", weekStart: 2, weekEnd: 2 },
    });
    const items = [];
    const oldKeys = [
      ["w1-languages/-/c-basics", "C++ Basics"],
      ["w1-languages/-/c-basics#2", "C# Basics"],
      ["w1-languages/-/c-basics#3", "C Basics"],
    ] as const;
    for (const [position, [key, title]] of oldKeys.entries()) {
      items.push(
        await old.prisma.item.create({
          data: { curriculumId: curriculum.id, sectionId: section.id, key, position, title, kind: "Required", minutes: 20 },
        }),
      );
    }
    await old.prisma.item.create({
      data: {
        curriculumId: curriculum.id,
        sectionId: more.id,
        key: "w2-more/-/closing-notes",
        position: 3,
        title: "Closing Notes",
        kind: "Required",
        minutes: 20,
      },
    });
    // Only the old scheme's columns, by hand: today's client would write and read back columns later migrations add.
    const [inserted] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
      INSERT INTO "Cohort" ("guildId", "channelId", "name", "curriculumId", "startDate", "updatedAt")
      VALUES (${guildId}, '500000000000000002', 'Spring', ${curriculum.id}, '2027-01-04', ${now})
      RETURNING "id"`;
    if (inserted === undefined) throw new Error("no cohort row");
    const cohort = { id: Number(inserted.id) };
    // A second cohort named alike, as two creates at the same moment could write before names had their unique key.
    await old.prisma.$executeRaw`
      INSERT INTO "Cohort" ("guildId", "channelId", "name", "curriculumId", "startDate", "updatedAt")
      VALUES (${guildId}, '500000000000000002', 'SPRING', ${curriculum.id}, '2027-01-04', ${now})`;
    // By hand too: today's client writes every Member column with a default, some the old scheme lacks.
    const [memberRow] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
      INSERT INTO "Member" ("cohortId", "userId", "points") VALUES (${cohort.id}, '500000000000000003', 40) RETURNING "id"`;
    if (memberRow === undefined) throw new Error("no member row");
    const member = { id: Number(memberRow.id) };
    for (const item of [items[1], items[2]]) {
      if (item === undefined) throw new Error("missing item");
      await old.prisma.completion.create({
        data: { memberId: member.id, cohortId: cohort.id, itemId: item.id, completedAt: now, weekNumber: 1, points: 20 },
      });
    }
    const snapshot = async (prisma: typeof old.prisma) => ({
      sections: await prisma.section.findMany({ where: { curriculumId: curriculum.id }, orderBy: { id: "asc" } }),
      items: await prisma.item.findMany({ where: { curriculumId: curriculum.id }, orderBy: { id: "asc" } }),
      completions: await prisma.completion.findMany({ orderBy: { id: "asc" } }),
      members: await prisma.member.findMany({ orderBy: { id: "asc" }, select: { id: true, cohortId: true, userId: true, points: true } }),
    });
    const before = await snapshot(old.prisma);

    // The bot starts on it: the remaining migrations run, nothing is lost or rekeyed.
    const test = await schema.migrate();
    const prisma = test.app.database.prisma;
    expect(await snapshot(prisma)).toEqual(before);
    // Both cohorts stay, named as they were; the later one's key is kept apart from the first's.
    expect(await prisma.cohort.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, nameKey: true } })).toEqual([
      { id: cohort.id, name: "Spring", nameKey: "spring" },
      { id: cohort.id + 1, name: "SPRING", nameKey: `spring\n${cohort.id + 1}` },
    ]);
    expect(await prisma.pendingImport.count()).toBe(0);

    // The admin deletes "C++ Basics" and widens the week: the old ordinal keys would have moved both completions.
    const curricula = test.app.services.curricula;
    const start = await curricula.startImport(document("Week 1-2: Languages", ["C# Basics", "C Basics"]), guildId, adminId, now);
    if (start.ok !== "confirm") throw new Error("expected a confirmation");
    expect(start.confirmation.diff).toMatchObject({ removed: 1, removedTitles: ["C++ Basics"], kept: 3, changed: 0, added: 0 });
    expect(start.confirmation.retiredCompletions).toBe(0);
    await curricula.confirmImport({ guildId, userId: adminId, pendingId: String(start.confirmation.pendingId), now });

    const completed = await prisma.completion.findMany({ include: { item: true }, orderBy: { id: "asc" } });
    expect(completed.map((row) => [row.item.title, row.item.key, row.item.retired])).toEqual([
      ["C# Basics", "w1-languages/-/c-basics#2", false],
      ["C Basics", "w1-languages/-/c-basics#3", false],
    ]);
    expect(await prisma.item.findUnique({ where: { id: items[0]?.id ?? -1 } })).toBeNull();
    expect((await prisma.section.findUniqueOrThrow({ where: { id: section.id } })).weekEnd).toBe(2);
  }, 120_000);
});
