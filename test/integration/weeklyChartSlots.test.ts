import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../src/db/openDatabase.js";
import { completionShare } from "../../src/domain/scoring/completionShare.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow, createSectionRows } from "../helpers/curriculumRows.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";

/** The client's completion queries counted: a view of it whose `completion` model counts each call. */
function countingCompletions(prisma: PrismaClient, sent: { count: number }): PrismaClient {
  const completion = new Proxy(prisma.completion, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        sent.count += 1;
        return (value as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return new Proxy(prisma, {
    get: (target, key, receiver): unknown => (key === "completion" ? completion : Reflect.get(target, key, receiver)),
  });
}

/**
 * The weekly post's chart counts a "choose one" slot once per member, done by any of its tracks. With several slots,
 * each section's share is that slot's own count, and the chart reads them all with as many queries as for one slot.
 */
describe("the weekly chart's 'choose one' slots", () => {
  let test: TestApp;
  const sent = { count: 0 };
  const now = new Date("2027-03-09T12:00:00Z");

  beforeAll(async () => {
    test = await startTestApp({ schedulerTickCron: null, completionPrisma: (prisma) => countingCompletions(prisma, sent) });
  });
  afterAll(async () => test.close());

  /** A one-week cohort whose week has a section per slot (`tracksPerSlot` tracks each), and six members. */
  async function cohortWithSlots(name: string, tracksPerSlot: readonly number[]) {
    const { prisma } = test.app.database;
    const curriculum = await createCurriculumRow(prisma, `slots-${name}`, 1);
    const slots: number[][] = [];
    for (const [index, tracks] of tracksPerSlot.entries()) {
      const section = { key: `s${index}`, position: index, title: `Slot section ${index}`, weekStart: 1, weekEnd: 1 };
      const items = Array.from({ length: tracks }, (_, track) => ({
        kind: "Optional",
        minutes: 30,
        groupName: `Choose one ${index}`,
        track: `Track ${track}`,
      }));
      slots.push((await createSectionRows(prisma, curriculum.id, section, items, 1000 * index)).itemIds);
    }
    const row = await createCohortRow(prisma, curriculum.id, { guildId: "g", name, startDate: "2027-03-01" });
    const members = [];
    for (let index = 0; index < 6; index += 1)
      members.push(await prisma.member.create({ data: { cohortId: row.id, userId: `${name}-u${index}`, displayName: `M${index}` } }));
    const cohort = (await test.app.services.cohorts.list("g")).find((candidate) => candidate.id === row.id);
    if (cohort === undefined) throw new Error("cohort not listed");
    return { cohort, slots, members };
  }

  it("counts each slot by its own tracks, with as many queries for three slots as for one", async () => {
    const { prisma } = test.app.database;
    const many = await cohortWithSlots("Many", [2, 3, 2]);
    // Member i does track (i mod tracks) of slot s when (i + s) is even, some of them two tracks of one slot.
    for (const [memberIndex, member] of many.members.entries())
      for (const [slotIndex, tracks] of many.slots.entries()) {
        if ((memberIndex + slotIndex) % 2 !== 0) continue;
        const done = memberIndex === 0 ? tracks : [tracks[memberIndex % tracks.length] as number];
        for (const itemId of done)
          await prisma.completion.create({
            data: {
              memberId: member.id,
              itemId,
              cohortId: many.cohort.id,
              completedAt: new Date("2027-03-02T10:00:00Z"),
              weekNumber: 1,
              points: 1,
              day: "2027-03-02",
            },
          });
      }
    const one = await cohortWithSlots("One", [2]);

    sent.count = 0;
    const chart = await test.app.services.study.weeklyChartOf(many.cohort, 1, now);
    const forMany = sent.count;
    sent.count = 0;
    await test.app.services.study.weeklyChartOf(one.cohort, 1, now);
    expect(forMany).toBe(sent.count);

    // The per-slot answer: the members who did any of the slot's tracks, each once.
    const expected = await Promise.all(
      many.slots.map(async (tracks) => {
        const rows = await prisma.completion.findMany({
          where: { cohortId: many.cohort.id, itemId: { in: tracks } },
          select: { memberId: true },
        });
        const slotId = tracks[0] as number;
        return completionShare(new Map([[slotId, new Set(rows.map((row) => row.memberId)).size]]), [slotId], many.members.length);
      }),
    );
    expect(expected).not.toEqual(expected.map(() => 0));
    expect(chart?.sections.map((section) => section.percent)).toEqual(expected);
  });
  it("draws the chart of a week whose 'choose one' slots hold more tracks than one statement binds", async () => {
    const { prisma } = test.app.database;
    // Six sections of 200 tracks (the most a section holds): 1,200 track ids, past SQLite's bound-parameter limit.
    const big = await cohortWithSlots("Big", [200, 200, 200, 200, 200, 200]);
    const [first, second] = big.members;
    const lastTrack = big.slots.at(-1)?.at(-1);
    if (first === undefined || second === undefined || lastTrack === undefined) throw new Error("no members or tracks");
    for (const [member, itemId] of [
      [first, lastTrack],
      [second, lastTrack],
    ] as const)
      await prisma.completion.create({
        data: {
          memberId: member.id,
          itemId,
          cohortId: big.cohort.id,
          completedAt: new Date("2027-03-02T10:00:00Z"),
          weekNumber: 1,
          points: 1,
          day: "2027-03-02",
        },
      });

    const chart = await test.app.services.study.weeklyChartOf(big.cohort, 1, now);
    const lastSlot = big.slots.at(-1)?.[0] as number;
    const expected = completionShare(new Map([[lastSlot, 2]]), [lastSlot], big.members.length);
    expect(chart?.sections.map((section) => section.percent)).toEqual([0, 0, 0, 0, 0, expected]);
  });
});
