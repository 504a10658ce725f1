import { describe, expect, it } from "vitest";
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
});
