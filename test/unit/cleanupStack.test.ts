import { describe, expect, it } from "vitest";
import { CleanupStack } from "../../src/shared/CleanupStack.js";

describe("CleanupStack", () => {
  it("closes what was opened last first", async () => {
    const closed: string[] = [];
    const opened = new CleanupStack();
    opened.defer(() => closed.push("database"));
    opened.defer(async () => {
      await Promise.resolve();
      closed.push("thread");
    });
    opened.defer(() => closed.push("client"));
    await opened.closeAll();
    expect(closed).toEqual(["client", "thread", "database"]);
  });

  it("runs every closer when some fail, then throws every failure", async () => {
    const closed: string[] = [];
    const opened = new CleanupStack();
    opened.defer(() => closed.push("database"));
    opened.defer(() => {
      throw new Error("the thread would not stop");
    });
    opened.defer(() => Promise.reject(new Error("the client would not close")));
    const failure: unknown = await opened.closeAll().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AggregateError);
    expect((failure as AggregateError).errors.map((error: Error) => error.message)).toEqual([
      "the client would not close",
      "the thread would not stop",
    ]);
    expect(closed).toEqual(["database"]);
  });

  it("closes each thing once, however often it is asked", async () => {
    let closings = 0;
    const opened = new CleanupStack();
    opened.defer(() => (closings += 1));
    await opened.closeAll();
    await opened.closeAll();
    expect(closings).toBe(1);
  });
});
