import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditAction } from "../../src/domain/audit/auditAction.js";
import { AuditRepository } from "../../src/db/repositories/AuditRepository.js";
import { NudgeRepository } from "../../src/db/repositories/NudgeRepository.js";
import { RosterGroup, RosterRepository, type RosterBasis } from "../../src/db/repositories/RosterRepository.js";
import { epochDayOfLocalDate } from "../../src/domain/schedule/localTime.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow, createSectionRows, type ItemRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/**
 * The facilitators' SQL against a real database (SQLite, or PostgreSQL with
 * TEST_DATABASE=postgresql): the roster's groups and counts, the confidence
 * map's split, the nudge claim per 3-day window and the audit trail.
 */
describe("roster aggregation, nudge claims and audit lines in SQL", () => {
  const now = new Date("2027-03-10T12:00:00Z");
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  let handle: TestDatabaseHandle;
  let roster: RosterRepository;
  let basis: RosterBasis;
  const memberIds: Record<string, number> = {};

  beforeAll(async () => {
    handle = await openTestDatabase();
    const { prisma } = handle;
    roster = new RosterRepository(prisma, handle.target.provider, handle.reader);
    const curriculum = await createCurriculumRow(prisma, "roster-test", 2);
    const section = { key: "s1", position: 0, title: "Basics", weekStart: 1, weekEnd: 2 };
    const { sectionId, itemIds } = await createSectionRows(
      prisma,
      curriculum.id,
      section,
      Array<ItemRow>(3).fill({ kind: "Required", minutes: 30 }),
    );
    const cohort = await createCohortRow(prisma, curriculum.id, { name: "Roster" });
    for (const name of ["behind", "quiet", "notYet", "onTrack", "finished", "left"]) {
      const member = await prisma.member.create({
        data: { cohortId: cohort.id, userId: name, displayName: name, joinedAt: daysAgo(20), leftAt: name === "left" ? daysAgo(1) : null },
      });
      memberIds[name] = member.id;
    }
    const complete = (name: string, itemIndexes: number[], at: Date) =>
      Promise.all(
        itemIndexes.map((index) =>
          prisma.completion.create({
            data: {
              memberId: memberIds[name] ?? 0,
              itemId: itemIds[index] ?? 0,
              cohortId: cohort.id,
              completedAt: at,
              weekNumber: 1,
              points: 30,
            },
          }),
        ),
      );
    // Items 0 and 1 are due; item 2 is not yet.
    await complete("behind", [0], daysAgo(1));
    await complete("quiet", [0, 1], daysAgo(10));
    await complete("notYet", [0, 1], daysAgo(1));
    await complete("onTrack", [0, 1], daysAgo(1));
    await complete("finished", [0, 1, 2], daysAgo(1));
    for (const [name, answer] of [
      ["notYet", "not_yet"],
      ["onTrack", "confident"],
      ["behind", "confident"],
    ] as const)
      await prisma.checkpointAnswer.create({ data: { memberId: memberIds[name] ?? 0, sectionId, answer } });
    // Member day today 2027-03-10: items 0 and 1 fell due the days before, item 2 falls due tomorrow (on every calendar).
    const today = epochDayOfLocalDate("2027-03-10");
    basis = {
      cohortId: cohort.id,
      required: itemIds.map((itemId, index) => ({
        itemId,
        minutes: 30,
        dueDays: Array<number>(5).fill(today + index - 2 + (index === 2 ? 1 : 0)),
      })),
      startDay: epochDayOfLocalDate("2027-03-01"),
      today,
      todayByZone: [],
      catchUps: [],
      // Every member's own course runs past today.
      endDays: Array<number>(5).fill(today + 30),
      ownEndDays: [],
      quietSince: daysAgo(7),
      ownQuietSince: [],
      latestCheckpointSectionIds: [sectionId],
    };
  });
  afterAll(async () => {
    await handle.closeAndDrop();
  });

  it("puts each active member in the first group that applies, most behind first", async () => {
    const { rows: page, counts } = await roster.page(basis, null, 20, { kind: "first" });
    expect(counts).toEqual({ behind: 1, quiet: 1, not_yet: 1, on_track: 1, finished: 1 });
    expect(page.map((row) => [row.displayName, row.group])).toEqual([
      ["behind", RosterGroup.Behind],
      ["quiet", RosterGroup.Quiet],
      ["notYet", RosterGroup.NotYet],
      ["onTrack", RosterGroup.OnTrack],
      ["finished", RosterGroup.Finished],
    ]);
    expect(page[0]).toMatchObject({ behindItems: 1, behindMinutes: 30 });
    expect(page[1]?.lastCompletedAt?.toISOString()).toBe(daysAgo(10).toISOString());
    expect(await roster.groupCounts(basis)).toEqual({ behind: 1, quiet: 1, not_yet: 1, on_track: 1, finished: 1 });
  });

  it("filters a group and pages with limit and offset or from a row; a page past the end still has the counts", async () => {
    expect((await roster.page(basis, null, 20, { kind: "offset", offset: 40 })).counts.finished).toBe(1);
    expect((await roster.page(basis, RosterGroup.Quiet, 20, { kind: "first" })).rows.map((row) => row.displayName)).toEqual(["quiet"]);
    expect((await roster.page(basis, null, 2, { kind: "offset", offset: 2 })).rows.map((row) => row.displayName)).toEqual([
      "notYet",
      "onTrack",
    ]);
    // Keyed: the rows right after and right before a row, how many come before them, the names read with them.
    const [, second, third] = (await roster.page(basis, null, 20, { kind: "first" })).rows;
    const keyOf = (row: typeof second) => ({
      group: row?.group ?? RosterGroup.Behind,
      behindMinutes: row?.behindMinutes ?? 0,
      behindItems: row?.behindItems ?? 0,
      memberId: row?.memberId ?? 0,
      displayName: row?.displayName ?? "",
      namePrefix: false,
    });
    const after = await roster.page(basis, null, 2, { kind: "after", key: keyOf(second) });
    expect([after.rows.map((row) => row.displayName), after.before, after.total]).toEqual([["notYet", "onTrack"], 2, 5]);
    const before = await roster.page(basis, null, 2, { kind: "before", key: keyOf(third) });
    expect([before.rows.map((row) => row.displayName), before.before]).toEqual([["behind", "quiet"], 0]);
    // A name's start only (a long name): the members whose names share it come again rather than being skipped.
    const afterStart = await roster.page(basis, null, 2, { kind: "after", key: { ...keyOf(second), displayName: "qu", namePrefix: true } });
    expect(afterStart.rows.map((row) => row.displayName)).toEqual(["quiet", "notYet"]);
    const beforeStart = await roster.page(basis, null, 2, {
      kind: "before",
      key: { ...keyOf(second), displayName: "qu", namePrefix: true },
    });
    expect(beforeStart.rows.map((row) => row.displayName)).toEqual(["behind", "quiet"]);
    const last = await roster.page(basis, null, 2, { kind: "last" });
    expect([last.rows.map((row) => row.displayName), last.before]).toEqual([["onTrack", "finished"], 3]);
  });

  it("reads a page with its counts in one statement, and no other member's name", async () => {
    const statements: string[] = [];
    const counting = new RosterRepository(handle.prisma, handle.target.provider, {
      read: (sql, params) => {
        statements.push(sql);
        return handle.reader.read(sql, params);
      },
    });
    const page = await counting.page(basis, RosterGroup.Behind, 20, { kind: "first" });
    expect(statements).toHaveLength(1);
    expect(page.rows.map((row) => row.displayName)).toEqual(["behind"]);
    expect(Object.keys(page)).not.toContain("names");
  });

  it("lists as not yet a member who answered Not yet on any checkpoint posted at the latest moment, whichever is listed last; one left unanswered does not count", async () => {
    const { prisma } = handle;
    const [first = 0] = basis.latestCheckpointSectionIds;
    const { curriculumId } = await prisma.section.findUniqueOrThrow({ where: { id: first } });
    // A second section ending the same week: its prompt went out with the first's.
    const { sectionId: second } = await createSectionRows(
      prisma,
      curriculumId,
      { key: "s2", position: 1, title: "Same week", weekStart: 2, weekEnd: 2 },
      [],
    );
    const groupsOf = async (name: string) =>
      Promise.all(
        [
          [first, second],
          [second, first],
        ].map(
          async (latest) =>
            (await roster.page({ ...basis, latestCheckpointSectionIds: latest }, null, 20, { kind: "first" })).rows.find(
              (row) => row.displayName === name,
            )?.group,
        ),
      );
    try {
      // notYet answered "Not yet" on the first and nothing on the second: not yet, in either order.
      expect(await groupsOf("notYet")).toEqual([RosterGroup.NotYet, RosterGroup.NotYet]);
      // onTrack answered the first Confident and left the second unanswered: still on track, in either order.
      expect(await groupsOf("onTrack")).toEqual([RosterGroup.OnTrack, RosterGroup.OnTrack]);
      await prisma.checkpointAnswer.create({ data: { memberId: memberIds.onTrack ?? 0, sectionId: second, answer: "not_yet" } });
      await prisma.checkpointAnswer.create({ data: { memberId: memberIds.notYet ?? 0, sectionId: second, answer: "confident" } });
      // "Not yet" on either one is not yet, though the other is answered Confident.
      expect(await groupsOf("onTrack")).toEqual([RosterGroup.NotYet, RosterGroup.NotYet]);
      expect(await groupsOf("notYet")).toEqual([RosterGroup.NotYet, RosterGroup.NotYet]);
      // No checkpoint posted yet: nobody is not yet.
      expect(
        (await roster.page({ ...basis, latestCheckpointSectionIds: [] }, null, 20, { kind: "first" })).rows.find(
          (row) => row.displayName === "notYet",
        )?.group,
      ).toBe(RosterGroup.OnTrack);
    } finally {
      await prisma.section.delete({ where: { id: second } });
    }
  });

  it("splits checkpoint answers by whether the member is behind", async () => {
    const rows = await roster.confidence(basis);
    const summary = rows.map((row) => `${row.answer}:${row.behind ? "behind" : "on track"}:${row.count}`).sort();
    expect(summary).toEqual(["confident:behind:1", "confident:on track:1", "not_yet:on track:1"]);
  });

  it("claims one nudge per member in 3 days, and lets a failed one be tried again", async () => {
    const nudges = new NudgeRepository(handle.prisma);
    const memberId = memberIds.behind ?? 0;
    const claim = (at: Date) =>
      nudges.claim({
        memberId,
        window: Math.floor(at.getTime() / (3 * 86_400_000)),
        claimedBy: "admin",
        now: at,
        since: new Date(at.getTime() - 3 * 86_400_000),
      });
    const [first, concurrent] = await Promise.all([claim(now), claim(now)]);
    expect([first.claimed, concurrent.claimed].filter(Boolean)).toHaveLength(1);
    const winner = first.claimed ? first : concurrent;
    if (!winner.claimed) throw new Error("no claim");
    await nudges.markFailed(winner.id, "DMs closed");
    const retry = await claim(new Date(now.getTime() + 60_000));
    expect(retry.claimed).toBe(true);
    // Its audit line in another guild, out of the trail the next test reads.
    const line = {
      guildId: "8",
      cohortId: null,
      actorId: "admin",
      action: AuditAction.Nudge,
      subjectUserId: "m",
      before: null,
      after: null,
      createdAt: now,
    };
    if (retry.claimed) expect(await nudges.markSent(retry.id, now, line)).toBe(true);
    expect((await claim(new Date(now.getTime() + 2 * 86_400_000))).claimed).toBe(false);
    expect((await claim(new Date(now.getTime() + 3 * 86_400_000 + 120_000))).claimed).toBe(true);
  });

  it("keeps audit lines newest first, with guild-wide lines in every cohort's trail", async () => {
    const audit = new AuditRepository(handle.prisma);
    await audit.append({
      guildId: "1",
      cohortId: basis.cohortId,
      actorId: "a",
      action: "pause",
      subjectUserId: null,
      before: { status: "active" },
      after: { status: "paused" },
      createdAt: daysAgo(2),
    });
    await audit.append({
      guildId: "1",
      cohortId: null,
      actorId: "a",
      action: "import",
      subjectUserId: null,
      before: null,
      after: { title: "Path" },
      createdAt: daysAgo(1),
    });
    await audit.append({
      guildId: "9",
      cohortId: null,
      actorId: "b",
      action: "import",
      subjectUserId: null,
      before: null,
      after: null,
      createdAt: daysAgo(1),
    });
    const lines = (await audit.pageForCohort("1", basis.cohortId, null, 25))?.entries ?? [];
    expect(lines.map((line) => [line.action, line.after])).toEqual([
      ["import", { title: "Path" }],
      ["pause", { status: "paused" }],
    ]);
  });
});
