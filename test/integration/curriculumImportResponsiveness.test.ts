import { threadId, type Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { CurriculumRepository } from "../../src/db/repositories/CurriculumRepository.js";
import type { ParsedCurriculum } from "../../src/domain/curriculum/curriculumModel.js";
import { MAX_CURRICULUM_CHARACTERS, MAX_SECTIONS } from "../../src/domain/curriculum/parse/limits.js";
import { parseCurriculum } from "../../src/domain/curriculum/parse/parseCurriculum.js";
import { renderParseProblem } from "../../src/discord/i18n/renderParseProblem.js";
import { CurriculumParserThread } from "../../src/workers/CurriculumParserThread.js";
import { workerBackOff } from "../../src/workers/SupervisedWorker.js";
import { maximalCurriculum } from "../helpers/maximalCurriculum.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";
import { brokenWorker, crashingWorker, watchedSpawn } from "../helpers/watchedSpawn.js";

const maximal = maximalCurriculum();

/** How many sections the parser read of the maximal document (false when it refused it). */
async function sectionsRead(parser: CurriculumParserThread): Promise<number | false> {
  const result = await parser.parse(maximal);
  return result.ok && result.curriculum.sections.length;
}

function parsedMaximal(): ParsedCurriculum {
  const result = parseCurriculum(maximal);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.curriculum;
}

/** Runs `work` while counting how many times the event loop came round meanwhile, and runs `probe` on each turn. */
async function countTurnsDuring<T>(
  work: Promise<T>,
  probe: () => Promise<unknown> = () => Promise.resolve(),
): Promise<{ value: T; turns: number; probes: number }> {
  let done = false;
  // Read through a call: the checks below run after awaits, while `work` settles and sets `done`.
  const finished = () => done;
  let turns = 0;
  let probes = 0;
  const loop = (async () => {
    while (!finished()) {
      await new Promise((resolve) => setImmediate(resolve));
      if (finished()) break;
      turns += 1;
      await probe();
      if (!finished()) probes += 1;
    }
  })();
  const value = await work;
  done = true;
  await loop;
  return { value, turns, probes };
}

describe("a maximal curriculum", () => {
  it("is within the limits: 256 KB and one section for each of 520 weeks", () => {
    expect(maximal.length).toBeLessThanOrEqual(MAX_CURRICULUM_CHARACTERS);
    expect(maximal.length).toBeGreaterThan(MAX_CURRICULUM_CHARACTERS * 0.9);
    expect(parsedMaximal().sections).toHaveLength(MAX_SECTIONS);
  });
});

describe("parsing an imported file", () => {
  it("runs on a worker thread, not on the thread that serves interactions", async () => {
    const parser = new CurriculumParserThread({ logger: captureLogger().logger });
    try {
      const { value, turns } = await countTurnsDuring(parser.parse(maximal));
      expect(value.ok && value.curriculum.sections.length).toBe(MAX_SECTIONS);
      expect([...parser.parsedOnThreads]).toHaveLength(1);
      expect(parser.parsedOnThreads.has(threadId)).toBe(false);
      // The main thread kept turning while the document was parsed.
      expect(turns).toBeGreaterThan(0);
    } finally {
      await parser.close();
    }
  }, 120_000);

  it("refuses the document when the worker takes too long", async () => {
    const parser = new CurriculumParserThread({ logger: captureLogger().logger, timeoutMs: 1 });
    try {
      const result = await parser.parse(maximal);
      expect(result).toEqual({ ok: false, problems: [{ line: 1, code: "parseTimedOut", params: { seconds: 0 } }] });
    } finally {
      await parser.close();
    }
  });
});

describe("the parser's worker", () => {
  const refused = (reason: string) => ({ ok: false, problems: [{ line: 1, code: "importerFailed", params: { reason } }] });
  const unavailable = (seconds: number) => ({ ok: false, problems: [{ line: 1, code: "importerUnavailable", params: { seconds } }] });

  it("refuses the document a loaded worker crashed on, and parses the next on a fresh worker at once", async () => {
    const workers: Worker[] = [];
    const parser = new CurriculumParserThread({
      logger: captureLogger().logger,
      spawn: watchedSpawn(workers, crashingWorker),
      monotonicNow: () => 0,
    });
    try {
      expect(await parser.parse(maximal)).toEqual(refused("worker stopped"));
      // No time has passed: a document the worker could not survive does not hold up the next one.
      expect(await sectionsRead(parser)).toBe(MAX_SECTIONS);
      expect(workers).toHaveLength(2);
    } finally {
      await parser.close();
    }
  }, 120_000);

  it("once a worker could not load and while it is backed off, tells the admin when to try again instead of blaming the file, then parses on a fresh worker", async () => {
    const workers: Worker[] = [];
    let now = 0;
    const parser = new CurriculumParserThread({
      logger: captureLogger().logger,
      spawn: watchedSpawn(workers, brokenWorker),
      monotonicNow: () => now,
    });
    try {
      // The document that found the program broken too.
      expect(await parser.parse(maximal)).toEqual(unavailable(workerBackOff.firstMs / 1000));
      now += workerBackOff.firstMs - 1;
      const during = await parser.parse(maximal);
      // 1 ms left: rounded up, never "0 seconds".
      expect(during).toEqual(unavailable(1));
      const [problem] = during.ok ? [] : during.problems;
      if (problem === undefined) throw new Error("no problem reported");
      expect(renderParseProblem(problem, "en")).toBe(
        "The importer is restarting after a fault of its own, not of this file. Try the import again in 1 second.",
      );
      expect(renderParseProblem(problem, "es")).toBe(
        "El importador se está reiniciando tras un fallo propio, no de este archivo. Vuelve a intentar la importación en 1 segundo.",
      );
      expect(renderParseProblem({ ...problem, params: { seconds: 60 } }, "en")).toMatch(/again in 60 seconds\.$/);
      expect(renderParseProblem({ ...problem, params: { seconds: 60 } }, "es")).toMatch(/importación en 60 segundos\.$/);
      expect(workers).toHaveLength(1);
      now += 1;
      expect(await sectionsRead(parser)).toBe(MAX_SECTIONS);
      expect(workers).toHaveLength(2);
    } finally {
      await parser.close();
    }
  }, 120_000);

  it("refuses the document when no worker can start, instead of throwing, and parses the next once one can and the back-off has passed", async () => {
    const workers: Worker[] = [];
    const watched = watchedSpawn(workers);
    let failedSpawns = 0;
    const spawn = (name: string): Worker => {
      if (failedSpawns === 0) {
        failedSpawns += 1;
        throw new Error("no worker program");
      }
      return watched(name);
    };
    let now = 0;
    const parser = new CurriculumParserThread({ logger: captureLogger().logger, spawn, monotonicNow: () => now });
    try {
      expect(await parser.parse(maximal)).toEqual(unavailable(workerBackOff.firstMs / 1000));
      expect(await parser.parse(maximal)).toEqual(unavailable(workerBackOff.firstMs / 1000));
      now += workerBackOff.firstMs;
      expect(await sectionsRead(parser)).toBe(MAX_SECTIONS);
      expect(workers).toHaveLength(1);
    } finally {
      await parser.close();
    }
  }, 120_000);

  it("on close() refuses the documents in flight, ends the worker, and refuses later ones without starting another", async () => {
    const workers: Worker[] = [];
    const parser = new CurriculumParserThread({ logger: captureLogger().logger, spawn: watchedSpawn(workers) });
    const parsing = [parser.parse(maximal), parser.parse(maximal)];
    await parser.close();
    expect(await Promise.all(parsing)).toEqual([refused("closed"), refused("closed")]);
    expect(workers.map((worker) => worker.threadId)).toEqual([-1]);
    expect(await parser.parse(maximal)).toEqual(refused("closed"));
    expect(workers).toHaveLength(1);
  });
});

describe("storing a maximal curriculum", () => {
  let test: TestApp | undefined;
  afterEach(async () => {
    await test?.close();
    test = undefined;
  });

  it("gives the event loop back between statements, so another server's reads are served meanwhile", async () => {
    test = await startTestApp();
    const repository = new CurriculumRepository(test.app.database.prisma);
    const parsed = parsedMaximal();
    const otherServer = () => test?.app.services.curricula.list("300000000000000002") ?? Promise.resolve([]);
    const { value, probes } = await countTurnsDuring(repository.applyImport(parsed, "hash-1", "300000000000000001"), otherServer);
    expect(value.items).toBe(parsed.sections.reduce((sum, section) => sum + section.items.length, 0));
    // Every statement (among them one insert per 500 of the 4,680 items) is followed by a turn of the loop
    // in which the other server's read gets through; before, none did until the import had committed.
    expect(probes).toBeGreaterThanOrEqual(10);
    expect((await test.app.services.curricula.list("300000000000000001")).map((entry) => entry.slug)).toContain("maximal-path");
  }, 180_000);

  it("imports through the app end to end: parsed off the main thread, stored, visible to its server only", async () => {
    test = await startTestApp();
    const result = await test.app.services.curricula.importDocument(maximal, "300000000000000001");
    expect(result.ok && result.summary.sections).toBe(MAX_SECTIONS);
    expect((await test.app.services.curricula.list("300000000000000002")).map((entry) => entry.slug)).not.toContain("maximal-path");
  }, 180_000);
});
