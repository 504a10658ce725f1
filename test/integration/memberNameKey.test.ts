import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillNameKeys, fillRetryPausesMs } from "../../src/db/fillNameKeys.js";
import { currentNameKeyRule } from "../../src/domain/text/plainUserText.js";
import { MemberRepository } from "../../src/db/repositories/MemberRepository.js";
import { RosterRepository, type MemberName } from "../../src/db/repositories/RosterRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import type { SqlReader } from "../../src/db/SqlReader.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { namesakeLabelIn, numberedNames } from "../../src/discord/render/numberedNames.js";
import { namesToNumber } from "../../src/services/RosterService.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { StatementCounter } from "../helpers/statementCounter.js";

const joinedAt = new Date("2027-01-05T12:00:00Z");

describe("members' stored name keys (Member.nameKey)", () => {
  let handle: TestDatabaseHandle;
  let members: MemberRepository;
  let curriculumId: number;

  beforeAll(async () => {
    handle = await openTestDatabase();
    members = new MemberRepository(handle.prisma, new SerialWriteQueue(), handle.hotReader, handle.target.provider);
    curriculumId = (await createCurriculumRow(handle.prisma, "name-keys", 1)).id;
  });

  afterAll(async () => {
    await handle.closeAndDrop();
  });

  const keyOf = async (memberId: number) =>
    (await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId }, select: { nameKey: true } })).nameKey;

  it("a new name seen on use is written on every membership of the user in the server, as /join writes it", async () => {
    const first = (await createCohortRow(handle.prisma, curriculumId, { name: "Both A" })).id;
    const second = (await createCohortRow(handle.prisma, curriculumId, { name: "Both B" })).id;
    const { member } = await members.join(first, "both", "Old", joinedAt);
    const { member: other } = await members.join(second, "both", "Old", joinedAt);
    await members.setDisplayName(member.id, { guildId: "1", userId: "both" }, "New", joinedAt);
    expect([await keyOf(member.id), await keyOf(other.id)]).toEqual(["New", "New"]);
  });

  it("follows the member's name: on joining, on a new name, and on coming back under another", async () => {
    const cohortId = (await createCohortRow(handle.prisma, curriculumId, { name: "Renamed" })).id;
    const { member } = await members.join(cohortId, "renamed", " Jose\u0301\u200b ", joinedAt);
    expect(await keyOf(member.id)).toBe("Jos\u00e9");
    await members.setDisplayName(member.id, { guildId: "1", userId: "renamed" }, "Pepe", joinedAt);
    expect(await keyOf(member.id)).toBe("Pepe");
    await members.leave(cohortId, "renamed", joinedAt);
    await members.join(cohortId, "renamed", "Sam\t", joinedAt);
    expect(await keyOf(member.id)).toBe("Sam");
    // A namesake read by key finds the member under their new name only.
    const rows = new RosterRepository(handle.prisma, handle.target.provider, handle.reader);
    expect(await rows.namesWithKeys(cohortId, ["Sam"])).toEqual([{ memberId: member.id, displayName: "Sam\t" }]);
    expect(await rows.namesWithKeys(cohortId, ["Pepe", "Jos\u00e9"])).toEqual([]);
  });

  const ruleOf = async (memberId: number) =>
    (await handle.prisma.member.findUniqueOrThrow({ where: { id: memberId }, select: { nameKeyRule: true } })).nameKeyRule;

  it("is filled after start-up for members stored before it existed or by an older rule, a chunk at a time, and found by key meanwhile", async () => {
    const cohortId = (await createCohortRow(handle.prisma, curriculumId, { name: "Old rows" })).id;
    const names = ["Alex", "Alex\u200b", "Lee ", "Jose\u0301", "Alex"];
    const ids: number[] = [];
    for (const [index, displayName] of names.entries()) {
      // The last one's key was worked out by an older rule that kept the invisible character.
      const older = index === 1 ? { nameKey: displayName, nameKeyRule: currentNameKeyRule - 1 } : {};
      ids.push((await handle.prisma.member.create({ data: { cohortId, userId: `old${index}`, displayName, joinedAt, ...older } })).id);
    }
    expect(await Promise.all(ids.map(keyOf))).toEqual([null, "Alex\u200b", null, null, null]);
    // Before the keys are filled, a read by key works them out from the names.
    const rows = new RosterRepository(handle.prisma, handle.target.provider, handle.reader);
    const alexes = [ids[0], ids[1], ids[4]].map((memberId, index) => ({ memberId, displayName: names[[0, 1, 4][index] ?? 0] }));
    expect(await rows.namesWithKeys(cohortId, ["Alex"])).toEqual(alexes);

    expect(await members.fillNameKeys(cohortId, 2)).toBe(2);
    expect((await Promise.all(ids.map(keyOf))).filter((key) => key === null)).toHaveLength(2);
    const { logger } = captureLogger();
    expect(await fillNameKeys(members, logger, new AbortController().signal)).toBeGreaterThan(0);
    expect(await Promise.all(ids.map(keyOf))).toEqual(["Alex", "Alex", "Lee", "Jos\u00e9", "Alex"]);
    expect(await Promise.all(ids.map(ruleOf))).toEqual(ids.map(() => currentNameKeyRule));
    expect(await members.fillNameKeys(cohortId, 500)).toBe(0);
    expect(await rows.namesWithKeys(cohortId, ["Alex"])).toEqual(alexes);
  });

  it("is tried again after a failure (a busy database), and stops when the app closes", async () => {
    const cohortId = (await createCohortRow(handle.prisma, curriculumId, { name: "Busy" })).id;
    const { id } = await handle.prisma.member.create({ data: { cohortId, userId: "busy", displayName: " Kim ", joinedAt } });
    let failures = 2;
    const busy = {
      anyStaleNameKeys: () => members.anyStaleNameKeys(),
      staleNameKeyCohorts: (limit: number) => members.staleNameKeyCohorts(limit),
      fillNameKeys: (cohort: number, limit: number) =>
        failures-- > 0 ? Promise.reject(new Error("database is locked")) : members.fillNameKeys(cohort, limit),
    };
    const pauses: number[] = [];
    const { logger } = captureLogger();
    const pause = (ms: number) => Promise.resolve(void pauses.push(ms));
    expect(await fillNameKeys(busy, logger, new AbortController().signal, pause)).toBeGreaterThan(0);
    expect(pauses).toEqual(fillRetryPausesMs.slice(0, 2));
    expect(await keyOf(id)).toBe("Kim");

    // Closing during a pause: no more tries.
    const stop = new AbortController();
    const second = await handle.prisma.member.create({ data: { cohortId, userId: "busy2", displayName: "Kim", joinedAt } });
    failures = 10;
    const closing = (ms: number) => Promise.resolve(void pauses.push(ms)).then(() => stop.abort());
    pauses.length = 0;
    expect(await fillNameKeys(busy, logger, stop.signal, closing)).toBe(0);
    expect(pauses).toHaveLength(1);
    expect(await keyOf(second.id)).toBeNull();
    await members.fillNameKeys(cohortId, 500);
  });

  it("reads nothing cohort by cohort at a start where no key is missing or by an older rule", async () => {
    const cohortId = (await createCohortRow(handle.prisma, curriculumId, { name: "Filled" })).id;
    const { id } = await handle.prisma.member.create({ data: { cohortId, userId: "filled", displayName: "Noor", joinedAt } });
    const { logger } = captureLogger();
    const signal = new AbortController().signal;
    await fillNameKeys(members, logger, signal);
    const calls: string[] = [];
    const watched = {
      anyStaleNameKeys: () => (calls.push("any stale?"), members.anyStaleNameKeys()),
      staleNameKeyCohorts: (limit: number) => (calls.push("cohorts"), members.staleNameKeyCohorts(limit)),
      fillNameKeys: (cohort: number, limit: number) => (calls.push(`fill ${cohort}`), members.fillNameKeys(cohort, limit)),
    };
    // The next start: one look, no cohort read.
    expect(await fillNameKeys(watched, logger, signal)).toBe(0);
    expect(calls).toEqual(["any stale?"]);
    // The look, and the read of the cohorts left to fill (a search for each kind of stale key), search the index on
    // the rule, never the members' rows.
    const statementsOf = async (read: () => Promise<unknown>) => {
      const counter = StatementCounter.install();
      return counter.during(read).finally(() => counter.uninstall());
    };
    const look = await statementsOf(() => members.anyStaleNameKeys());
    const cohortReads = await statementsOf(() => members.staleNameKeyCohorts(500));
    expect(look).toHaveLength(1);
    expect(cohortReads).toHaveLength(2);
    const params = (sql: string) => (/\?|\$1/.test(sql) ? [currentNameKeyRule] : []);
    if (handle.target.provider === "sqlite") {
      const explained = async (sql: string) =>
        (await handle.prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params(sql)))
          .map((row) => row.detail)
          .filter((detail) => /Member/.test(detail));
      expect(await explained(look[0] ?? "")).toEqual([
        expect.stringMatching(/USING COVERING INDEX Member_nameKeyRule_idx/),
        expect.stringMatching(/USING COVERING INDEX Member_nameKeyRule_idx/),
      ]);
      for (const read of cohortReads) expect(await explained(read)).toEqual([expect.stringMatching(/USING INDEX Member_nameKeyRule_idx/)]);
    } else {
      // A handful of rows: without this the planner would scan the table whatever the indexes. With it, a scan
      // is what it falls back to only when no index can answer.
      const explained = (sql: string) =>
        handle.prisma.$transaction(async (transaction) => {
          await transaction.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
          const plan = await transaction.$queryRawUnsafe<unknown[]>(`EXPLAIN (FORMAT JSON) ${sql}`, ...params(sql));
          return JSON.stringify(plan);
        });
      for (const read of [...look, ...cohortReads]) {
        const plan = await explained(read);
        expect(plan).toContain("Member_nameKeyRule_idx");
        expect(plan).not.toContain("Seq Scan");
      }
    }
    // A key missing, or by an older rule, in one cohort of several: the fill goes through that cohort alone.
    for (const stale of [{ nameKey: null, nameKeyRule: null }, { nameKeyRule: currentNameKeyRule - 1 }]) {
      await handle.prisma.member.update({ where: { id }, data: stale });
      calls.length = 0;
      expect(await fillNameKeys(watched, logger, signal)).toBe(1);
      expect(calls.slice(0, 2)).toEqual(["any stale?", "cohorts"]);
      expect(calls.filter((call) => call.startsWith("fill"))).toEqual([`fill ${cohortId}`, `fill ${cohortId}`]);
      expect(await ruleOf(id)).toBe(currentNameKeyRule);
    }
  });

  it("lets a page read only its members' namesakes and the names that read like their labels, numbered as over the whole cohort", async () => {
    const cohortId = (await createCohortRow(handle.prisma, curriculumId, { name: "Numbered" })).id;
    const names = ["Reader 1", "Sam", "Lee", "Sam #1", "Sam", "Sam #3", "Reader 2", "Sam", "Alex", "Sam #2x"];
    const cohort: MemberName[] = [];
    for (const [index, displayName] of names.entries()) {
      const { member } = await members.join(cohortId, `numbered${index}`, displayName, joinedAt);
      cohort.push({ memberId: member.id, displayName });
    }
    const en = translatorFor("en");
    const keys: string[][] = [];
    const reader: SqlReader = handle.reader;
    const rows = new RosterRepository(handle.prisma, handle.target.provider, reader);
    const read = (wanted: readonly string[]) => {
      keys.push([...wanted]);
      return rows.namesWithKeys(cohortId, wanted);
    };
    const whole = numberedNames(
      en,
      cohort,
      cohort.map((member) => member.memberId),
    );
    expect(cohort.map((member) => whole.get(member.memberId))).toEqual([
      "Reader 1",
      "Sam #2",
      "Lee",
      "Sam #1",
      "Sam #4",
      "Sam #3",
      "Reader 2",
      "Sam #5",
      "Alex",
      "Sam #2x",
    ]);
    // The last Sam alone: the Sams, and "Sam #1" and "Sam #3" (labels they try that are taken), nobody else.
    const lastSam = cohort[7] ?? { memberId: 0, displayName: "" };
    const needed = await namesToNumber([lastSam], namesakeLabelIn(en), read);
    expect(needed.map((name) => name.displayName)).toEqual(["Sam", "Sam #1", "Sam", "Sam #3", "Sam"]);
    expect(numberedNames(en, needed, [lastSam.memberId]).get(lastSam.memberId)).toBe("Sam #5");
    expect(keys.flat()).not.toContain("Lee");
    // Every member alone, and a page of a few, get the whole cohort's labels.
    for (const member of cohort) {
      const alone = await namesToNumber([member], namesakeLabelIn(en), read);
      expect(numberedNames(en, alone, [member.memberId]).get(member.memberId)).toBe(whole.get(member.memberId));
    }
    const page = [cohort[2], cohort[1], cohort[9]].flatMap((member) => (member === undefined ? [] : [member]));
    const forPage = await namesToNumber(page, namesakeLabelIn(en), read);
    expect(
      numberedNames(
        en,
        forPage,
        page.map((member) => member.memberId),
      ),
    ).toEqual(new Map(page.map((member) => [member.memberId, whole.get(member.memberId)])));
  });
});
