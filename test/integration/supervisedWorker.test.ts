import { once } from "node:events";
import { threadId, Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import {
  rememberedThreads,
  SupervisedWorker,
  TimeoutRule,
  WorkerStop,
  workerBackOff,
  WorkerStoppedError,
  type WorkerTimeout,
} from "../../src/workers/SupervisedWorker.js";
import { spawnWorker } from "../../src/workers/spawnWorker.js";
import { workerReady } from "../../src/workers/workerReady.js";
import { captureLogger } from "../helpers/silentLogger.js";

type Behaviour = "echo" | "hang" | "throw" | "exit";

interface TestRequest {
  readonly id: number;
  readonly behaviour: Behaviour;
  readonly text: string;
  /** Lets a test post what cannot be cloned. */
  readonly extra?: unknown;
}

interface TestReply {
  readonly id: number;
  readonly threadId: number;
  readonly text: string;
}

const programs = {
  /** Says it is ready once loaded, then answers, never answers, throws or exits, as each request asks. */
  loads: `
const { parentPort, threadId } = require("node:worker_threads");
parentPort.on("message", (request) => {
  if (request.behaviour === "echo") parentPort.postMessage({ id: request.id, threadId, text: request.text });
  if (request.behaviour === "throw") throw new Error("the test worker threw");
  if (request.behaviour === "exit") process.exit(3);
});
parentPort.postMessage(${JSON.stringify(workerReady)});
`,
  /** Ends before it could say it is ready, as a broken deploy's program would. */
  throwsOnLoad: `throw new Error("the test worker could not load");`,
  exitsOnLoad: `process.exit(1);`,
} as const;
type Program = keyof typeof programs;

const patient: WorkerTimeout = { rule: TimeoutRule.PerRequest, ms: 120_000 };

interface SupervisedOptions {
  readonly timeout?: WorkerTimeout;
  /** How many of the first spawns throw. */
  readonly failingSpawns?: number;
  /** How many times the owner's start hook throws first. */
  readonly failingStarts?: number;
  /** What the first workers run, in order; the later ones run `loads`. */
  readonly firstPrograms?: readonly Program[];
  readonly idleMs?: number;
}

/**
 * A supervised test worker whose workers (and their starts and spawn calls) the test can see, and whose
 * back-off clock it steps (`advance`).
 */
function supervised({ timeout = patient, failingSpawns = 0, failingStarts = 0, firstPrograms = [], idleMs }: SupervisedOptions = {}) {
  const workers: Worker[] = [];
  let starts = 0;
  let spawns = 0;
  let now = 0;
  let startsLeftToFail = failingStarts;
  const captured = captureLogger();
  const worker = new SupervisedWorker<TestRequest, TestReply>({
    spawn: () => {
      spawns += 1;
      if (spawns <= failingSpawns) throw new Error("the test worker could not start");
      const started = new Worker(programs[firstPrograms[workers.length] ?? "loads"], { eval: true });
      workers.push(started);
      return started;
    },
    timeout,
    logger: captured.logger,
    logMessages: { failed: "test worker failed", timedOut: "test worker timed out", backedOff: "test worker backed off" },
    monotonicNow: () => now,
    idleMs,
    onStart: () => {
      starts += 1;
      if (startsLeftToFail > 0) {
        startsLeftToFail -= 1;
        throw new Error("the owner's start hook threw");
      }
    },
  });
  const ask = (behaviour: Behaviour, text = "", extra?: unknown) =>
    worker.request((id) => (extra === undefined ? { id, behaviour, text } : { id, behaviour, text, extra }));
  const logged = (msg: string) => captured.lines().filter((line) => line.msg === msg);
  return {
    worker,
    workers,
    ask,
    logs: captured.lines,
    logged,
    /** The back-off steps logged: failures in a row and the wait each set. */
    backOffs: () => logged("test worker backed off").map(({ failures, retryInMs }) => ({ failures, retryInMs })),
    starts: () => starts,
    spawns: () => spawns,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** What a request was given up for; fails the test when it was answered. */
async function stopOf(request: Promise<unknown>): Promise<string> {
  const error: unknown = await request.then(
    () => new Error("answered"),
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof WorkerStoppedError)) throw error;
  return error.stop;
}

/** Waits until `worker`'s thread has ended (its threadId is -1 then). */
async function ended(worker: Worker | undefined): Promise<number | undefined> {
  if (worker !== undefined && worker.threadId !== -1) await once(worker, "exit");
  return worker?.threadId;
}

describe("a supervised worker", () => {
  it("starts no worker before the first request, answers on another thread, and keeps the worker for the next", async () => {
    const { worker, workers, ask, starts } = supervised();
    try {
      expect(workers).toHaveLength(0);
      expect((await ask("echo", "first")).text).toBe("first");
      expect((await ask("echo", "second")).text).toBe("second");
      expect(workers).toHaveLength(1);
      expect(starts()).toBe(1);
      expect([...worker.answeredOnThreads]).toEqual([workers[0]?.threadId]);
      expect(worker.answeredOnThreads.has(threadId)).toBe(false);
    } finally {
      await worker.close();
    }
  });

  it("with idleMs, ends a worker nothing waits on, and the next request starts a fresh one at once", async () => {
    const { worker, workers, ask, backOffs } = supervised({ idleMs: 1 });
    try {
      expect((await ask("echo", "first")).text).toBe("first");
      await expect.poll(() => worker.running).toBe(false);
      expect(await ended(workers[0])).toBe(-1);
      expect((await ask("echo", "second")).text).toBe("second");
      expect(workers).toHaveLength(2);
      expect(backOffs()).toEqual([]);
    } finally {
      await worker.close();
    }
  });

  it("keeps supervising a worker whose owner's start hook threw: the request is refused, the next one served by it, close() ends it", async () => {
    const { worker, workers, ask, backOffs } = supervised({ failingStarts: 1 });
    expect(await stopOf(ask("echo", "first"))).toBe(WorkerStop.Failed);
    expect((await ask("echo", "second")).text).toBe("second");
    expect(workers).toHaveLength(1);
    // The worker itself was fine: nothing to back off from.
    expect(backOffs()).toEqual([]);
    await worker.close();
    expect(await ended(workers[0])).toBe(-1);
  });

  it("rejects every request waiting on a worker that throws after it answered, and the next request starts a fresh worker at once", async () => {
    const { worker, workers, ask, logs, starts, backOffs } = supervised();
    try {
      expect((await ask("echo", "first")).text).toBe("first");
      const stops = Promise.all([ask("hang"), ask("throw")].map(stopOf));
      expect(await stops).toEqual([WorkerStop.Failed, WorkerStop.Failed]);
      expect(logs().filter((line) => line.msg === "test worker failed")).toHaveLength(1);
      expect(await ended(workers[0])).toBe(-1);
      expect((await ask("echo", "again")).text).toBe("again");
      expect(workers).toHaveLength(2);
      expect(starts()).toBe(2);
      expect(backOffs()).toEqual([]);
    } finally {
      await worker.close();
    }
  });

  it("serves a request made after a worker failed, before its thread ended, on a fresh worker", async () => {
    const { worker, workers, ask, backOffs } = supervised();
    try {
      const first = await ask("echo", "first");
      // Made in the worker's 'error' event, after the supervisor's own listener: its thread has not ended yet.
      const during = new Promise<TestReply>((resolve, reject) =>
        workers[0]?.once("error", () => {
          ask("echo", "during").then(resolve, reject);
        }),
      );
      expect(await stopOf(ask("throw"))).toBe(WorkerStop.Failed);
      const served = await during;
      expect(served.text).toBe("during");
      expect(served.threadId).not.toBe(first.threadId);
      expect(workers).toHaveLength(2);
      expect(backOffs()).toEqual([]);
    } finally {
      await worker.close();
    }
  });

  it("rejects every request waiting on a worker that exits after it answered, and the next request starts a fresh worker at once", async () => {
    const { worker, workers, ask } = supervised();
    try {
      expect((await ask("echo", "first")).text).toBe("first");
      const stops = Promise.all([ask("hang"), ask("exit")].map(stopOf));
      expect(await stops).toEqual([WorkerStop.Exited, WorkerStop.Exited]);
      expect((await ask("echo", "again")).text).toBe("again");
      expect(workers).toHaveLength(2);
    } finally {
      await worker.close();
    }
  });

  it("on close() rejects the requests in flight, ends the worker, and starts none afterwards", async () => {
    const { worker, workers, ask } = supervised();
    const waiting = [ask("hang"), ask("hang")].map(stopOf);
    await worker.close();
    expect(await Promise.all(waiting)).toEqual([WorkerStop.Closed, WorkerStop.Closed]);
    expect(workers[0]?.threadId).toBe(-1);
    expect(worker.closed).toBe(true);
    expect(await stopOf(ask("echo"))).toBe(WorkerStop.Closed);
    expect(workers).toHaveLength(1);
  });

  it("starts no worker for a request after close() when none had started", async () => {
    const { worker, workers, ask } = supervised();
    await worker.close();
    expect(await stopOf(ask("echo"))).toBe(WorkerStop.Closed);
    expect(workers).toHaveLength(0);
  });

  for (const rule of [TimeoutRule.PerRequest, TimeoutRule.Watchdog]) {
    it(`under the ${rule} rule, replaces a worker that never answers and rejects what waited on it`, async () => {
      const { worker, workers, ask, logs, backOffs } = supervised({ timeout: { rule, ms: 1 } });
      try {
        const waiting = [ask("hang"), ask("hang")].map(stopOf);
        expect(await Promise.all(waiting)).toEqual([WorkerStop.TimedOut, WorkerStop.TimedOut]);
        expect(logs().filter((line) => line.msg === "test worker timed out")).toEqual([
          expect.objectContaining({ level: 40, timeoutMs: 1, waiting: 2 }),
        ]);
        expect(await ended(workers[0])).toBe(-1);
        // The next request starts a fresh worker (which 1 ms does not give time to answer either).
        expect(await stopOf(ask("hang"))).toBe(WorkerStop.TimedOut);
        expect(workers).toHaveLength(2);
        // Workers that never answered, but stuck rather than dead: the timeout spaces their restarts already.
        expect(backOffs()).toEqual([]);
      } finally {
        await worker.close();
      }
    });
  }

  it("rejects a request that cannot be posted, alone, and keeps the worker for the next", async () => {
    const { worker, workers, ask } = supervised();
    try {
      const waiting = ask("echo", "queued");
      expect(await stopOf(ask("echo", "", () => "a function cannot be cloned"))).toBe(WorkerStop.Unsendable);
      expect((await waiting).text).toBe("queued");
      expect((await ask("echo", "after")).text).toBe("after");
      expect(workers).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });

  it("tells its owner a request was posted, and not when it could not be", async () => {
    const { worker } = supervised();
    const posted: string[] = [];
    try {
      await worker.request(
        (id) => ({ id, behaviour: "echo", text: "kept" }),
        () => posted.push("kept"),
      );
      const unsendable = worker.request(
        (id) => ({ id, behaviour: "echo", text: "lost", extra: Symbol("not cloneable") }),
        () => posted.push("lost"),
      );
      expect(await stopOf(unsendable)).toBe(WorkerStop.Unsendable);
      expect(posted).toEqual(["kept"]);
    } finally {
      await worker.close();
    }
  });

  it("rejects a request whose worker cannot start, with the reason, then refuses requests without spawning until a doubling back-off has passed", async () => {
    const { worker, workers, ask, logged, backOffs, starts, spawns, advance } = supervised({ failingSpawns: 8 });
    try {
      const error: unknown = await ask("echo", "lost").then(
        () => new Error("answered"),
        (rejection: unknown) => rejection,
      );
      expect(error).toBeInstanceOf(WorkerStoppedError);
      expect((error as WorkerStoppedError).stop).toBe(WorkerStop.Failed);
      expect(((error as WorkerStoppedError).cause as Error).message).toBe("the test worker could not start");
      expect(backOffs()).toEqual([{ failures: 1, retryInMs: workerBackOff.firstMs }]);
      // Within the back-off: refused at once, with the time left, no spawn, no log line.
      expect(worker.available).toBe(false);
      expect(await ask("echo").catch((rejection: unknown) => rejection)).toMatchObject({
        stop: WorkerStop.Unavailable,
        retryInMs: workerBackOff.firstMs,
      });
      advance(workerBackOff.firstMs - 1);
      expect(await ask("echo").catch((rejection: unknown) => rejection)).toMatchObject({ stop: WorkerStop.Unavailable, retryInMs: 1 });
      expect(worker.available).toBe(false);
      expect(spawns()).toBe(1);
      expect(logged("test worker failed")).toHaveLength(1);
      expect(backOffs()).toHaveLength(1);
      // Each spawn after a back-off that throws again doubles it, up to its cap.
      advance(1);
      expect(worker.available).toBe(true);
      for (let failure = 2; failure <= 8; failure += 1) {
        expect(await stopOf(ask("echo"))).toBe(WorkerStop.Failed);
        expect(await stopOf(ask("echo"))).toBe(WorkerStop.Unavailable);
        advance(Number(backOffs().at(-1)?.retryInMs));
      }
      expect(backOffs().map(({ retryInMs }) => retryInMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
      expect(backOffs().map(({ failures }) => failures)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(logged("test worker failed")).toHaveLength(8);
      expect(spawns()).toBe(8);
      expect((await ask("echo", "after")).text).toBe("after");
      expect(workers).toHaveLength(1);
      expect(starts()).toBe(1);
    } finally {
      await worker.close();
    }
  });

  for (const [broken, stop] of [
    ["throwsOnLoad", WorkerStop.Failed],
    ["exitsOnLoad", WorkerStop.Exited],
  ] as const) {
    it(`backs off from a worker program that ${broken === "throwsOnLoad" ? "throws" : "exits"} on load: no worker started per request, one log line per step`, async () => {
      const { worker, workers, ask, backOffs, advance } = supervised({ firstPrograms: [broken, broken] });
      try {
        expect(await stopOf(ask("echo"))).toBe(stop);
        expect(await stopOf(ask("echo"))).toBe(WorkerStop.Unavailable);
        expect(await stopOf(ask("echo"))).toBe(WorkerStop.Unavailable);
        expect(workers).toHaveLength(1);
        advance(workerBackOff.firstMs);
        expect(await stopOf(ask("echo"))).toBe(stop);
        expect(await stopOf(ask("echo"))).toBe(WorkerStop.Unavailable);
        expect(workers).toHaveLength(2);
        expect(backOffs()).toEqual([
          { failures: 1, retryInMs: workerBackOff.firstMs },
          { failures: 2, retryInMs: 2 * workerBackOff.firstMs },
        ]);
        advance(2 * workerBackOff.firstMs);
        expect((await ask("echo", "fixed")).text).toBe("fixed");
        expect(workers).toHaveLength(3);
        expect(await Promise.all(workers.slice(0, 2).map(ended))).toEqual([-1, -1]);
      } finally {
        await worker.close();
      }
    });
  }

  for (const [behaviour, stop] of [
    ["throw", WorkerStop.Failed],
    ["exit", WorkerStop.Exited],
  ] as const) {
    it(`restarts at once, however often, a worker that was ready and then ${behaviour === "throw" ? "threw" : "exited"} on its first request`, async () => {
      const { worker, workers, ask, backOffs } = supervised();
      try {
        // The same fatal request coming back (a scheduler tick each time) costs only itself, never the next one.
        for (let attempt = 1; attempt <= 3; attempt += 1) {
          expect(await stopOf(ask(behaviour))).toBe(stop);
          expect((await ask("echo", `after crash ${attempt}`)).text).toBe(`after crash ${attempt}`);
        }
        expect(workers).toHaveLength(4);
        expect(backOffs()).toEqual([]);
      } finally {
        await worker.close();
      }
    });
  }

  it("restarts at once a worker that crashed after it was ready, answered or not, and readiness starts the back-off over", async () => {
    const { worker, workers, ask, backOffs, advance } = supervised({
      firstPrograms: ["throwsOnLoad", "throwsOnLoad", "loads", "loads", "throwsOnLoad"],
    });
    try {
      expect(await stopOf(ask("echo"))).toBe(WorkerStop.Failed);
      advance(workerBackOff.firstMs);
      expect(await stopOf(ask("echo"))).toBe(WorkerStop.Failed);
      advance(2 * workerBackOff.firstMs);
      // Ready, then dead on its first request without answering: no time has passed, the next worker starts at once.
      expect(await stopOf(ask("exit"))).toBe(WorkerStop.Exited);
      expect((await ask("echo", "answered")).text).toBe("answered");
      expect(await stopOf(ask("exit"))).toBe(WorkerStop.Exited);
      // A fresh worker that dies before it is ready: the back-off starts again from its first step.
      expect(await stopOf(ask("echo"))).toBe(WorkerStop.Failed);
      expect(await stopOf(ask("echo"))).toBe(WorkerStop.Unavailable);
      expect(workers).toHaveLength(5);
      expect(backOffs()).toEqual([
        { failures: 1, retryInMs: workerBackOff.firstMs },
        { failures: 2, retryInMs: 2 * workerBackOff.firstMs },
        { failures: 1, retryInMs: workerBackOff.firstMs },
      ]);
      advance(workerBackOff.firstMs);
      expect((await ask("echo", "fixed")).text).toBe("fixed");
    } finally {
      await worker.close();
    }
  });

  it("remembers only the threads of the last workers that answered, however often it restarts", async () => {
    const { worker, ask } = supervised();
    const answeredBy: number[] = [];
    try {
      for (let restart = 0; restart <= rememberedThreads; restart += 1) {
        answeredBy.push((await ask("echo")).threadId);
        expect(await stopOf(ask("exit"))).toBe(WorkerStop.Exited);
      }
      expect(new Set(answeredBy).size).toBe(rememberedThreads + 1);
      expect([...worker.answeredOnThreads]).toEqual(answeredBy.slice(1));
    } finally {
      await worker.close();
    }
  });
});

describe("the bot's worker programs", () => {
  it.each(["planBuildWorker", "curriculumParserWorker"])(
    "%s says it is ready once it has loaded, before it is asked anything",
    async (name) => {
      const worker = spawnWorker(name);
      try {
        const messages: unknown[] = await once(worker, "message");
        expect(messages).toEqual([workerReady]);
      } finally {
        await worker.terminate();
      }
    },
  );
});
