import { describe, expect, it } from "vitest";
import { DatabaseBusyError } from "../../src/db/repositories/DatabaseBusyError.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("SerialWriteQueue", () => {
  it("runs writes one at a time, in the order they were queued", async () => {
    const queue = new SerialWriteQueue();
    const events: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const write = (name: string) =>
      queue.run(async () => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        events.push(`start ${name}`);
        await tick();
        events.push(`end ${name}`);
        running -= 1;
        return name;
      });
    const results = await Promise.all([write("a"), write("b"), write("c")]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(mostAtOnce).toBe(1);
    expect(events).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("passes a failure to its caller and carries on with the next write", async () => {
    const queue = new SerialWriteQueue();
    const failed = queue.run(async () => {
      throw new Error("disk full");
    });
    const next = queue.run(async () => "written");
    await expect(failed).rejects.toThrow("disk full");
    await expect(next).resolves.toBe("written");
    expect(queue.length).toBe(0);
  });

  it("counts the writes started or waiting", async () => {
    const queue = new SerialWriteQueue();
    let release: () => void = () => undefined;
    const first = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
    const second = queue.run(async () => undefined);
    expect(queue.length).toBe(2);
    await tick();
    release();
    await Promise.all([first, second]);
    expect(queue.length).toBe(0);
  });

  describe("a write that meets another connection's lock", () => {
    /** What Prisma throws when SQLite stayed locked through the short busy timeout. */
    const lockedError = () =>
      Object.assign(new Error("database is locked"), {
        meta: { driverAdapterError: { cause: { originalCode: "SQLITE_BUSY", kind: "SocketTimeout" } } },
      });
    /** A clock that moves only when the queue pauses, so the test does not depend on the machine's speed. */
    const fakeTime = () => {
      const pauses: number[] = [];
      let now = 0;
      return { pauses, now: () => now, pause: async (ms: number) => void (pauses.push(ms), (now += ms)) };
    };

    it("is tried again after growing pauses until it gets through", async () => {
      const time = fakeTime();
      const queue = new SerialWriteQueue({ lockedRetryBudgetMs: 1_500, now: time.now, pause: time.pause });
      let attempts = 0;
      const result = await queue.run(async () => {
        attempts += 1;
        if (attempts < 4) throw lockedError();
        return "written";
      });
      expect(result).toBe("written");
      expect(time.pauses).toEqual([10, 20, 40]);
    });

    it("gives up with DatabaseBusyError once its budget is spent, and the next write still runs", async () => {
      const time = fakeTime();
      const queue = new SerialWriteQueue({ lockedRetryBudgetMs: 1_500, now: time.now, pause: time.pause });
      const locked = queue.run(async () => {
        throw lockedError();
      });
      await expect(locked).rejects.toBeInstanceOf(DatabaseBusyError);
      expect(time.now()).toBeLessThanOrEqual(1_500);
      expect(time.pauses.reduce((sum, ms) => sum + ms, 0)).toBe(time.now());
      expect(Math.max(...time.pauses)).toBe(100);
      await expect(queue.run(async () => "next")).resolves.toBe("next");
    });

    it("gets its whole budget after waiting in line behind writes that got through", async () => {
      const time = fakeTime();
      const queue = new SerialWriteQueue({ lockedRetryBudgetMs: 1_500, now: time.now, pause: time.pause });
      let lockedAttempts = 3;
      const slow = queue.run(async () => {
        await time.pause(2_000);
      });
      const late = queue.run(async () => {
        if (lockedAttempts-- > 0) throw lockedError();
        return "written";
      });
      await slow;
      // Queued at 0 but first attempted at 2,000 ms, past its budget counted from the queue: still retried.
      await expect(late).resolves.toBe("written");
    });

    it("gives up with the write before it, behind a lock held all along, instead of one budget later", async () => {
      const time = fakeTime();
      const queue = new SerialWriteQueue({ lockedRetryBudgetMs: 1_500, now: time.now, pause: time.pause });
      let attemptsOfSecond = 0;
      const first = queue.run(async () => Promise.reject(lockedError()));
      const second = queue.run(async () => {
        attemptsOfSecond += 1;
        throw lockedError();
      });
      await expect(first).rejects.toBeInstanceOf(DatabaseBusyError);
      await expect(second).rejects.toBeInstanceOf(DatabaseBusyError);
      // Within the same 1.5 s as the first, not 1.5 s after it.
      expect(attemptsOfSecond).toBeGreaterThanOrEqual(1);
      expect(time.now()).toBeLessThanOrEqual(1_500);
    });

    it("without a budget fails at the first locked attempt (PostgreSQL waited in the database already)", async () => {
      const time = fakeTime();
      const queue = new SerialWriteQueue({ now: time.now, pause: time.pause });
      let attempts = 0;
      const locked = queue.run(async () => {
        attempts += 1;
        throw Object.assign(new Error("canceling statement due to lock timeout"), {
          meta: { driverAdapterError: { cause: { originalCode: "55P03" } } },
        });
      });
      await expect(locked).rejects.toBeInstanceOf(DatabaseBusyError);
      expect(attempts).toBe(1);
    });

    it("passes any other error through at once", async () => {
      const time = fakeTime();
      const queue = new SerialWriteQueue({ lockedRetryBudgetMs: 1_500, now: time.now, pause: time.pause });
      await expect(queue.run(async () => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
      expect(time.pauses).toEqual([]);
    });
  });
});
